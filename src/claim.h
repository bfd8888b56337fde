/* claim: the match -> parse -> assemble -> filter stages over a normalised article: numeral
 * tokens and the rules anchored at them (matcher.c), their values (cnnum.c), units, qualifiers and
 * subjects (qualify.c, subject.c), and the numbers stop rules set aside (filter.c); the result is
 * the article's drafts and item starts. Defined in claim.c. */
#ifndef KEYFIG_CLAIM_H
#define KEYFIG_CLAIM_H

#include "article.h"

struct matcher;

/* Find the claims of a (its txt already normalised) into a->drafts, and where its news items
 * begin into a->item_starts. With emit, each draft is handed to emit(ctx, a, draft) as soon as
 * no later number can change it, and forgotten: memory then holds a window of drafts, not one
 * per number of the article (10^6 in 5 MB of "1%，"). all: keep the numbers set aside too. */
void claims_find(const struct keyfig_patterns *p, struct matcher *m, struct keyfig_article *a, int all, draft_fn emit,
                 void *ctx);

#endif
