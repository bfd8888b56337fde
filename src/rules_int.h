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
};

struct rules {
    struct rx *number;
    struct rx *number_at;    /* the same, anchored: tried only where a numeral can begin */
    struct rx *stop_at_all;  /* every "at" stop rule in one alternation, each behind (*MARK:index) */
    struct rx *numeral_ends; /* (?:{NUMERAL})(?C1): where a numeral starting at a position can end */
    /* What the probes said of each BMP code point (dispatch.h): first and rest of claim rule i in
     * memos 2 * i and 2 * i + 1, NUMBER's in memo 2 * nclaim, each DISPATCH_MEMO_BYTES long. */
    _Atomic uint8_t *memo;
    struct rule *claim, *stop, *item;
    size_t nclaim, nstop, nitem;
};

struct matcher {
    struct rx_data *d;
    const struct rules *r;
    const struct kf_warner *warn;
};

#endif
