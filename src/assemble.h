/* assemble: what the stages that make one claim (claim.c's values, qualifiers and scan,
 * subjects.c's subjects; filter.c's numbers set aside) share: the context of a claim and the
 * look-ups over the drafts. Internal to the library. */
#ifndef KEYFIG_ASSEMBLE_H
#define KEYFIG_ASSEMBLE_H

#include <stddef.h>

#include "article.h"
#include "qualify.h"

struct lexicon;

/* What the stages of one claim share: where its clause begins, where the words before the
 * number begin (head: 约, 超过 ...), the change word found, and where a subject named before
 * the number must end. */
struct context {
    size_t floor, head, context_end;
    struct qualify_change ch;
};

/* A new draft at the end of a->drafts, zeroed but for its id (the number of numbers met so far).
 * (filter.c's numbers set aside are drafts too.) */
struct draft *drafts_new(struct keyfig_article *a);

/* The last kept claim before the draft at (earlier in a->drafts: for the claim being assembled,
 * the last draft, every claim before it), starting at or after floor; NULL when none. */
struct draft *drafts_before(struct keyfig_article *a, const struct draft *at, size_t floor);

/* 1 when a noun stands between a change verb and its number (减少费用207.7万元), not just
 * particles or a preposition (增长了3%, 降幅在10%). */
int assemble_object_between(const struct lexicon *lx, const char *s, size_t verb_end, size_t head);

/* 1 when two drafts are counted in the same unit as written (由60岁改为65岁). */
int assemble_same_unit(const char *s, const struct draft *x, const struct draft *y);

#endif
