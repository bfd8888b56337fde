/* rules_int: the compiled rules as rules.c builds them and dispatch.c's probes and matcher.c's
 * scans read them. Internal to those three files; every other file sees struct rules only through
 * rules.h and matcher.h. */
#ifndef KEYFIG_RULES_INT_H
#define KEYFIG_RULES_INT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "matcher.h"

struct rx;
struct rx_data;
struct kf_warner;
struct dispatch_set;

/* How many ends of {NUMERAL} at a numeral the claim rules' REST is tried at before the matcher
 * assumes any. */
#define MATCHER_MAX_ENDS 8

enum stop_scope { SCOPE_AT, SCOPE_TEXT };

struct rule {
    char *id;
    char *extra;        /* claim rules: kind name or "-"; stop rules: the reason */
    int kind;           /* claim rules: keyfig_kind or -1 */
    int scope;          /* stop rules */
    struct rx *code;
    char *pat;          /* the expanded pattern */
    int group[G_NGROUPS];
    int ngroup;         /* stop rules: the group "n" naming the number, or -1 */
    /* Dispatch (claim rules; NULL: always tried). first: the rule made context-free (dispatch.c), tried on the
     * character at the numeral; rest: for a rule (?<num>{NUMERAL})REST, REST made context-free, tried on
     * the character after each end {NUMERAL} can have there. A character at which either fails cannot
     * begin a match, so the rule is skipped there. */
    struct rx *first, *rest;
    /* For a rule (?<num>{NUMERAL})REST: REST compiled anchored, matched at the numeral's ends in the
     * order the whole rule would try them (the numeral is not matched again by every rule); its groups
     * by name in rest_group (num is the numeral). NULL: the whole rule is matched. */
    struct rx *rest_code;
    int rest_group[G_NGROUPS];
    /* For a rule that begins with a look-behind of plain strings (dispatch_before): the characters
     * they end with, sorted; the rule is skipped where the character before the numeral is none of
     * them. NULL: no such look-behind. */
    uint32_t *before;
    size_t nbefore;
};

struct rules {
    struct rx *number;
    struct rx *number_at;    /* the same, anchored: tried only where a numeral can begin */
    struct rx *stop_at_all;  /* every "at" stop rule in one alternation, each behind (*MARK:index) */
    struct rx *numeral_ends; /* (?:{NUMERAL})(?C1): where a numeral starting at a position can end */
    /* What NUMBER's probe said of each BMP code point (dispatch.h, DISPATCH_MEMO_BYTES). */
    _Atomic uint8_t *memo;
    /* The claim rules' first and REST probes (probe i: claim rule i's; NULL, may begin anywhere,
     * for a rule without one). */
    struct dispatch_set *first_set, *rest_set;
    size_t *with_before, nwith_before; /* the claim rules that have a before set, in file order */
    struct rule *claim, *stop, *item;
    size_t nclaim, nstop, nitem;
};

struct matcher {
    struct rx_data *d;
    uint64_t *first;          /* a mask of first_set (dispatch_set_words words) */
    uint64_t *rest;           /* masks of rest_set, one per end of the numeral (MATCHER_MAX_ENDS) */
    const struct rules *r;
    const struct kf_warner *warn;
};

#endif
