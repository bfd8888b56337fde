/* fold: the keys a database groups claims by, beside the text as written: subject and unit
 * with traditional characters and full-width forms folded (the library's normaliser: 個 -> 个,
 * 萬元 -> 万元), and a value in its kind's base unit where units.tsv gives the unit a factor. */
#ifndef KEYFIG_FOLD_H
#define KEYFIG_FOLD_H

#include "keyfig.h"

struct normalizer;
struct fold;

/* Load the normaliser and the units of the pattern set in dir (NULL: the built-in set).
 * Caller owns the result; NULL with err filled. */
struct fold *fold_new(const char *dir, struct keyfig_error *err);
void fold_free(struct fold *f);

/* s folded, newly allocated (caller frees); "" for NULL. */
char *fold_text(const struct fold *f, const char *s);
char *fold_string(const struct normalizer *nz, const char *s);

/* value in the base unit of unit_key's kind (元, 米, 千克, 秒, 平方米, 升): 1 and *base set when
 * units.tsv gives the unit a factor, else 0 (美元, 个, no unit). */
int fold_base(const struct fold *f, const char *unit_key, double value, double *base);

#endif
