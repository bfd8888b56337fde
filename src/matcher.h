/* matcher: the compiled rules (rules.h) run over a normalised text, by one thread: the scan for
 * numeral tokens, the claim rules and "at" stop rules anchored at a numeral, the text-wide stop
 * rules and the item rules. It finds where rules match and reports their groups. */
#ifndef KEYFIG_MATCHER_H
#define KEYFIG_MATCHER_H

#include <stddef.h>

struct rules;
struct matcher;
struct kf_warner;

/* The groups a claim rule may name; -1 offsets when a group did not take part. */
enum rule_group { G_NUM, G_NUM2, G_MID, G_UNIT, G_POST, G_NGROUPS };

struct rule_match {
    int rule;                /* index of the claim rule */
    size_t start, end;       /* the whole match */
    size_t g[G_NGROUPS][2];  /* [start, end) of each group, (size_t)-1 when unset */
};

/* Per-thread match state (match data and limits). A rule that fails to match (a limit hit) is
 * warned to warn (borrowed, may be NULL) and skipped there. Caller owns it. */
struct matcher *matcher_new(const struct rules *r, const struct kf_warner *warn);
void matcher_free(struct matcher *m);

/* The next numeral token at or after from in s[0..n): returns 1 and sets [*start, *end). */
int matcher_next_number(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t from,
                        size_t *start, size_t *end);

/* The first claim rule (in file order) that matches anchored at `at`. Returns 1 and fills out. */
int matcher_claim(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t at,
                  struct rule_match *out);

/* The first stop rule of scope "at" that matches anchored at `at`: returns its index or -1;
 * *end receives the end of its match. */
int matcher_stop_at(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t at, size_t *end);

/* Scan s for the stop rules of scope "text" and the item rules. For each match, calls
 * fn(ctx, rule_index, start, end); rule_index is a stop rule index, or -1 for an item start. */
void matcher_scan_text(const struct rules *r, struct matcher *m, const char *s, size_t n,
                       void (*fn)(void *ctx, int rule, size_t start, size_t end), void *ctx);

#endif
