/* extract: the library's entry points (keyfig_patterns_load, keyfig_extract, ...), which run
 * the stages in order; and what the program and tests need of them besides keyfig.h. */
#ifndef KEYFIG_EXTRACT_H
#define KEYFIG_EXTRACT_H

#include <stdint.h>
#include "keyfig.h"

struct kf_warner;

/* keyfig_patterns_load with its options: lint (NULL: none; warned about rules that may
 * backtrack badly) and normalizer (0: skip building the traditional->simplified table, for
 * callers that only check the pattern data). Caller owns the result; NULL with err filled. */
struct keyfig_patterns *patterns_load(const char *dir, const struct kf_warner *lint, int normalizer,
                                      struct keyfig_error *err);

/* What a caller inside the program vouches for about an article's bytes, which the public entry
 * points (keyfig_extract_take, keyfig_extract_write: trust 0) check themselves. */
enum extract_trust {
    EXTRACT_UTF8 = 1, /* valid UTF-8 (a string Jansson decoded, which it has validated): not validated again */
};

/* keyfig_extract_take and keyfig_extract_write with what the caller vouches for (enum extract_trust);
 * for the program, not exported. */
struct keyfig_article *extract_take(const struct keyfig_patterns *p, const char *id, const char *source, char *buf,
                                    size_t len, const struct keyfig_options *opts, unsigned trust,
                                    struct keyfig_error *err);
int extract_write(const struct keyfig_patterns *p, const char *id, const char *source, char *buf, size_t len,
                  const struct keyfig_options *opts, unsigned trust, int compact, keyfig_write_fn write, void *data,
                  struct keyfig_error *err);

/* 0 when an article of len bytes (as given, or decoded, or normalised) fits the 32-bit offsets
 * of the offset map; else -1 with err filled (KEYFIG_STATUS_INPUT). */
int article_check_size(uint64_t len, const char *source, struct keyfig_error *err);

#endif
