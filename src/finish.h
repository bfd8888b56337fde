/* finish: drafts -> claims. A draft's offsets into the normalised text become spans of the
 * original input (bytes of the file, code points as a text reader counts them: BOM dropped,
 * CRLF as one line break), and its strings (value, unit, subject, text, sentence) are cut from
 * the original; its item comes from the metadata stage, its page and box from the PDF reader. */
#ifndef KEYFIG_FINISH_H
#define KEYFIG_FINISH_H

#include <stddef.h>
#include "article.h"

struct lexicon;

/* Code point counts at every FINISH_CP_STEP bytes of the original, so any offset is converted
 * by scanning at most that many bytes, whatever order the look-ups come in. */
struct cp_index {
    const char *s;
    size_t n;
    size_t *at;
    /* the last look-up of a claim's span [0] and of a sentence's [1]: the next of each is often a
     * little further on (a claim's look-ups and its sentence's alternate, the sentence's begin
     * before the claim's) */
    size_t last_byte[2], last_cp[2];
};

/* Turning drafts into claims, one at a time. Claims of one sentence share its span and string
 * (a dense report has several a sentence). transient: the strings live only until the next
 * sentence (the arena is emptied there), for claims that are written out and forgotten one by
 * one. */
struct finisher {
    const struct lexicon *lx;   /* quote marks, basis words; borrowed */
    struct cp_index x;
    struct buf scratch;
    struct arena *strings;
    int transient;
    size_t last_ss, last_se;
    int last_whole;             /* the last sentence was not cut to its maximum */
    const char *last_sentence;
    struct keyfig_span last_span;
};

void finisher_init(struct finisher *f, const struct keyfig_article *a, const struct lexicon *lx, struct arena *strings,
                   int transient);
void finisher_free(struct finisher *f);
/* d, one of a's drafts, as the claim c; c's strings live in f's arena. */
void finish_claim(struct keyfig_article *a, struct finisher *f, const struct draft *d, struct keyfig_claim *c);
/* The drafts of a that were kept become a->claims (strings in a->strings); the drafts are freed. */
void finish_claims(struct keyfig_article *a, const struct lexicon *lx);

#endif
