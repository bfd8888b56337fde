/* text: the decoded article -> the normalised text the rules match against, with a map from
 * every normalised character back to the original character it came from. Normalising folds full-width
 * forms (utf8proc), traditional characters (a table built from OpenCC's data), drops zero-width
 * characters and converter pinyin annotations (衛(wèi)生), joins hard line breaks inside
 * sentences and spaces inside numbers. It does not find numbers or claims. */
#ifndef KEYFIG_TEXT_H
#define KEYFIG_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include "keyfig.h"

struct normalizer;
struct patset;

/* Build the normaliser: the linked-in traditional->simplified table and the sets of chars.tsv it
 * reads characters by (from ps: the built-in patterns or --patterns DIR). Caller owns it; NULL
 * with err filled when the table is damaged or chars.tsv is bad. */
struct normalizer *normalizer_new(struct patset *ps, struct keyfig_error *err);
void normalizer_free(struct normalizer *nz);

/* The map back to the original, as runs: from norm offset `norm` on, each normalised character
 * came from the original character as far from `orig` as it is from `norm`, up to the next run.
 * Most text is copied (or converted to characters of the same length), so an article needs a
 * few runs where a byte-per-byte map would take four times its size. */
struct text_run {
    uint32_t norm, orig;
};

struct text {
    const char *orig;   /* decoded article (borrowed), UTF-8 */
    size_t orig_len;
    char *norm;         /* normalised text, owned */
    size_t norm_len;
    struct text_run *runs; /* ascending by norm; owned */
    size_t nruns;
};

/* Normalise orig[0..len) into t (which the caller frees with text_free). Never fails. */
void text_normalize(const struct normalizer *nz, const char *orig, size_t len, struct text *t);
void text_free(struct text *t);

/* Orig byte offset of the start of the original character behind norm byte i (any byte of a
 * normalised character); orig_len for i >= norm_len. */
size_t text_orig_at(const struct text *t, size_t i);
/* The same, quick for offsets visited in ascending order: *hint (0 at first) keeps the run
 * found last time. */
size_t text_orig_at_hint(const struct text *t, size_t i, size_t *hint);

/* Orig byte offset of the END of a normalised range ending at norm byte e (exclusive):
 * the end of the original character that produced norm byte e-1. */
size_t text_orig_end(const struct text *t, size_t e);

#endif
