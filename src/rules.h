/* rules: the regular-expression rules of patterns/ (macros.tsv, claims.rules, stop.rules,
 * items.rules), compiled once with PCRE2 (JIT where available) and matched against the
 * normalised text, through regex.c (the only file that includes pcre2.h). It finds where rules match and
 * reports their groups; turning a match into a claim is claim.c's job. */
#ifndef KEYFIG_RULES_H
#define KEYFIG_RULES_H

#include <stddef.h>
#include "keyfig.h"

struct patset;
struct lexicon;
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

/* Load and compile all rule files of ps, expanding {MACRO}s from macros.tsv and the word
 * lists of lx ({UNIT}, {APPROX_PRE}, {APPROX_MID}, {APPROX_POST}). lint (NULL: none): warn it,
 * with "FILE:LINE" as the article, about rules that may backtrack badly. Caller owns the result;
 * NULL with err (file:line) on error. */
struct rules *rules_load(struct patset *ps, const struct lexicon *lx, const struct kf_warner *lint,
                         struct keyfig_error *err);
void rules_free(struct rules *r);

/* Per-thread match state (match data and limits). A rule that fails to match (a limit hit) is
 * warned to warn (borrowed, may be NULL) and skipped there. Caller owns it. */
struct matcher *matcher_new(const struct rules *r, const struct kf_warner *warn);
void matcher_free(struct matcher *m);

/* The next numeral token at or after from in s[0..n): returns 1 and sets [*start, *end). */
int rules_next_number(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t from,
                      size_t *start, size_t *end);

/* The first claim rule (in file order) that matches anchored at `at`. Returns 1 and fills out. */
int rules_match_claim(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t at,
                      struct rule_match *out);

/* The first stop rule of scope "at" that matches anchored at `at`: returns its index or -1;
 * *end receives the end of its match. */
int rules_match_stop_at(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t at, size_t *end);

/* Scan s for the stop rules of scope "text" and the item rules. For each match, calls
 * fn(ctx, rule_index, start, end); rule_index is a stop rule index, or -1 for an item start. */
void rules_scan_text(const struct rules *r, struct matcher *m, const char *s, size_t n,
                     void (*fn)(void *ctx, int rule, size_t start, size_t end), void *ctx);

size_t rules_nclaim(const struct rules *r);
size_t rules_nstop(const struct rules *r);
const char *rules_claim_id(const struct rules *r, int i);
int rules_claim_kind(const struct rules *r, int i);   /* a keyfig_kind, or -1: from the unit */
const char *rules_stop_id(const struct rules *r, int i);
const char *rules_stop_reason(const struct rules *r, int i);

/* A pattern a user gives (UTF-8, Unicode properties), for filtering text such as subjects.
 * Caller owns it; NULL with msg[0..n) filled (PCRE2's message and offset) when it does not
 * compile. Not for use by two threads at once. */
struct rules_regex;
struct rules_regex *rules_regex_new(const char *pattern, char *msg, size_t n);
/* 1 when re matches somewhere in s (NULL: no match). Invalid UTF-8 in s does not match. */
int rules_regex_match(struct rules_regex *re, const char *s);
void rules_regex_free(struct rules_regex *re);

#endif
