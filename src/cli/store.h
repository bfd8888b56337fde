/* store: claims documents (claimsdoc structs) into the database, an article at a time and
 * idempotently: storing an article replaces every row it had. Articles are written in batches,
 * each batch one transaction, so a reader or an interrupted load sees every article either
 * wholly as before or wholly new. */
#ifndef KEYFIG_STORE_H
#define KEYFIG_STORE_H

#include "claimsdoc.h"
#include "keyfig.h"

struct store;

/* Open (creating, migrating) the database target, folding keys with the pattern set in
 * patterns (NULL: built in). Caller owns the result; NULL with err filled. */
struct store *store_open(const char *target, const char *patterns, struct keyfig_error *err);

/* Queue article a (copied) for the next batch, writing the batch when it is full.
 * Returns 0, or -1 with err filled (the batch is then lost: nothing of it was written). */
int store_add(struct store *s, const struct cd_article *a, struct keyfig_error *err);

/* Write what is queued. Returns 0 or -1 with err filled. */
int store_flush(struct store *s, struct keyfig_error *err);

/* Counts written so far (articles, rows of claims and numbers set aside). */
void store_counts(const struct store *s, size_t *articles, size_t *numbers);

/* Close without writing what is still queued (call store_flush first). */
void store_close(struct store *s);

#endif
