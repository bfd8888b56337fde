/* rules: the regular-expression rules of patterns/ (macros.tsv, claims.rules, stop.rules,
 * items.rules, idioms.tsv) turned into PCRE2 patterns and compiled once, through regex.c (the only
 * file that includes pcre2.h): macros expanded, word lists as tries, a compile error mapped back to
 * its rule and macro line, each claim rule given its dispatch probes (dispatch.c). Running them over
 * a text is matcher.c's job; turning a match into a claim is claim.c's. */
#ifndef KEYFIG_RULES_H
#define KEYFIG_RULES_H

#include <stddef.h>
#include "keyfig.h"

struct patset;
struct lexicon;
struct rules;
struct kf_warner;

/* Load and compile all rule files of ps, expanding {MACRO}s from macros.tsv and the word
 * lists of lx ({UNIT}, {APPROX_PRE}, {APPROX_MID}, {APPROX_POST}). lint (NULL: none): warn it,
 * with "FILE:LINE" as the article, about rules that may backtrack badly. Caller owns the result;
 * NULL with err (file:line) on error. */
struct rules *rules_load(struct patset *ps, const struct lexicon *lx, const struct kf_warner *lint,
                         struct keyfig_error *err);
void rules_free(struct rules *r);

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
