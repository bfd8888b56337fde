/* regex: the thin layer over PCRE2 (the only file that includes pcre2.h). Patterns are compiled
 * with PCRE2_UTF | PCRE2_UCP and JIT where available; matches run under a match and a depth limit,
 * so a pathological rule fails with an error instead of hanging a run. It knows nothing of rule
 * files: rules.c turns pattern data into patterns and maps error offsets back to them. */
#ifndef KEYFIG_REGEX_H
#define KEYFIG_REGEX_H

#include <stddef.h>
#include <stdint.h>

struct rx;      /* a compiled pattern, shared by threads (its JIT code is made on first match, under a lock) */
struct rx_data; /* one thread's match state: the captured offsets, the limits */

enum rx_flags {
    RX_ANCHORED = 1, /* only ever matched at the start offset (given at compile time: PCRE2 10.42's JIT
                        refuses a match-time PCRE2_ANCHORED and silently falls back to the interpreter) */
    RX_DUPNAMES = 2, /* group names may repeat (alternations of rules) */
    RX_CALLOUTS = 8, /* for rx_callout_ends: no optimisation may pass a callout by */
    RX_PROBE = 16,   /* only for rx_probe (partial matches, through the interpreter: no JIT compile time) */
};

/* Result codes of rx_match besides a match (>= 0). */
#define RX_NOMATCH (-1)
#define RX_PARTIAL_MATCH (-2)

/* Compile pat[0..len). Returns NULL when PCRE2 rejects it, with *off the byte offset in pat where it
 * stopped and msg[0..n) PCRE2's message. Caller owns the result. */
struct rx *rx_compile(const char *pat, size_t len, unsigned flags, size_t *off, char *msg, size_t n);
void rx_free(struct rx *re);
/* The least number of characters a match can take (0: maybe the empty string). */
uint32_t rx_min_length(const struct rx *re);
/* The number of the group called name, or -1. */
int rx_group(const struct rx *re, const char *name);

/* Per-thread state, able to hold `pairs` capture pairs; match and depth limits apply. Caller owns it. */
struct rx_data *rx_data_new(unsigned pairs);
void rx_data_free(struct rx_data *d);

enum rx_match_opts {
    RX_CHECK_UTF = 1, /* s may hold invalid UTF-8 (which then does not match); otherwise s must be valid */
    RX_PARTIAL_HARD = 2,
};
/* Match re against s[0..n) from byte at. >= 0 on a match; RX_NOMATCH; or another negative PCRE2
 * code (a limit hit, RX_PARTIAL_MATCH with RX_PARTIAL_HARD), which rx_message describes. */
int rx_match(struct rx *re, struct rx_data *d, const char *s, size_t n, size_t at, unsigned opts);
/* The offsets of the last match: [2*i], [2*i+1] for group i, RX_UNSET when it took no part. */
#define RX_UNSET (~(size_t)0)
const size_t *rx_ovector(const struct rx_data *d, unsigned *pairs);
/* The name of the last (*MARK:name) passed on the last match, or NULL. */
const char *rx_mark(const struct rx_data *d);
void rx_message(int code, char *msg, size_t n);

/* 1 when re (compiled RX_ANCHORED; RX_PROBE when only probed) matches the one character c[0..len), or could match
 * were more text to follow it (a hard partial match); 0 when it fails on that character whatever
 * follows (for a pattern that looks neither behind its start nor at ^, \b, \G). */
int rx_probe(struct rx *re, struct rx_data *d, const char *c, size_t len);

/* Every position at which re (compiled RX_CALLOUTS | RX_ANCHORED from "X(?C1)") reaches its callout when
 * matched from at: each end X can have there, the callout failing each in turn so that PCRE2 backtracks
 * into X for the next. Stores up to max of them in ends and returns their number, or max + 1 when there
 * are more (or a limit was hit): the caller must then assume any end. */
size_t rx_callout_ends(struct rx *re, struct rx_data *d, const char *s, size_t n, size_t at, size_t *ends,
                       size_t max);

#endif
