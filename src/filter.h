/* filter: the numbers stop rules set aside (dates, slogans, ordinals, names, anniversaries, idioms,
 * time frames), kept with a reason under --all. The scan of claim.c asks, at each numeral token,
 * whether it is set aside before any claim rule is tried there. Defined in filter.c. */
#ifndef KEYFIG_FILTER_H
#define KEYFIG_FILTER_H

#include <stddef.h>

#include "article.h"

struct matcher;
struct filter;

/* The filter of article a (its txt normalised): runs the text-wide stop rules, and the item rules
 * in the same pass (their starts, sorted, go to a->item_starts and a->nitems). all: numbers set
 * aside become drafts (is_claim 0, with the stop rule's reason) as well. p and m are borrowed and
 * must outlive it. Caller owns it (filter_free). */
struct filter *filter_new(const struct keyfig_patterns *p, struct matcher *m, struct keyfig_article *a, int all);

/* 1 when the numeral token [ts, te) is set aside: covered by a text-wide stop match, or matched by
 * an "at" stop rule anchored at ts; *next then receives where the scan resumes (past te, and past
 * every other numeral a stop match covers: 2020-05-16). 0 when it is not. Tokens are asked about in
 * order of ts. */
int filter_at(struct filter *f, size_t ts, size_t te, size_t *next);

void filter_free(struct filter *f);

#endif
