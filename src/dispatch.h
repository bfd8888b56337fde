/* dispatch: which characters can begin a rule's match, so that the matcher (matcher.c) starts PCRE2
 * only where a rule may match. A probe is a rule made context-free and compiled for rx_probe; what it
 * says of each BMP code point is kept in a memo (for NUMBER: DISPATCH_MEMO_BYTES, 2 bits a code point:
 * known, may begin; for the claim rules: a bit a probe, struct dispatch_set), filled as characters are
 * met by whichever thread meets one first (the answer is the same whoever asks, so the race is
 * harmless). Characters beyond the BMP are always tried. */
#ifndef KEYFIG_DISPATCH_H
#define KEYFIG_DISPATCH_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct rx;
struct rx_data;

#define DISPATCH_MEMO_BYTES (0x10000 / 4)

/* A probe for pat (an expanded pattern): pat made context-free -- every look-behind, negative
 * look-ahead and \b, \B dropped, so it matches wherever pat does, whatever stands before it --
 * compiled anchored. NULL when there is none (pat looks at the start of the subject, holds a
 * conditional on an assertion, a backtracking verb, a numbered reference or \Q) or it could match
 * the empty string (then it says nothing about the character at its start). Caller owns it. */
struct rx *dispatch_probe(const char *pat);

/* pat (an expanded pattern) begins, after any look-aheads, with a look-behind that is an alternation
 * of plain strings ((?<=为|到|至), or one group around one: (?<=(?<unit>\$|¥))): the characters those
 * strings end with, sorted, into a new array *set of *n (caller frees); the character before a match
 * is one of them. 0 when it finds that; -1 (nothing stored) for any other beginning. */
int dispatch_before(const char *pat, uint32_t **set, size_t *n);

/* The shapes of claim rule dispatch_numeral_rest knows. */
enum {
    NUMERAL_REST_CLOSED, /* (?<num>{NUMERAL})REST: REST */
    NUMERAL_REST_OPEN,   /* (?<num>{NUMERAL}REST'): "(?:" REST' */
    NUMERAL_REST_PROBE   /* (?|B1|B2...), each branch one of the above behind an optional look-behind:
                          * (?:REST1|REST2...), for the probe only */
};

/* src (a claim rule as written) is of one of the shapes above, with no | outside a group of a REST:
 * what follows the numeral (macros still to be expanded), *form saying which shape; else NULL.
 * Caller owns it. A probe of REST, tried on the character after each end of the numeral, skips the
 * rule where no end is followed by a character REST can begin with. */
char *dispatch_numeral_rest(const char *src, int *form);

/* (?:numeral)(?C1) compiled for rx_callout_ends: where a numeral starting at a position can end.
 * NULL when it does not compile. Caller owns it. */
struct rx *dispatch_numeral_ends(const char *numeral);

/* The first character at or after from in s[0..n) at which probe p (its memo: DISPATCH_MEMO_BYTES)
 * says a match may begin, *len receiving its length in bytes; n when there is none. d: the calling
 * thread's match state. */
size_t dispatch_next_start(_Atomic uint8_t *memo, struct rx *p, struct rx_data *d, const char *s, size_t n, size_t from,
                           size_t *len);

/* Probes asked together (the claim rules' first or REST probes): for each BMP code point, which of
 * them may begin a match there, one bit per probe (probe k: bit k % 64 of word k / 64), worked out
 * for all of them the first time the character is met by any thread and kept for the process. A
 * matcher reads one memo entry per character instead of one per rule. */
struct dispatch_set;

/* A set of probes[0..n) (borrowed; a NULL probe may begin anywhere). Caller owns it. */
struct dispatch_set *dispatch_set_new(struct rx *const *probes, size_t n);
void dispatch_set_free(struct dispatch_set *ds);
/* The number of 64-bit words of a mask. */
size_t dispatch_set_words(const struct dispatch_set *ds);
/* The mask at the character at s[i] (of n bytes) into out[0..dispatch_set_words): a probe's bit is
 * clear when no match can begin there. Every bit is set beyond the BMP; none at the end of s. */
void dispatch_set_at(struct dispatch_set *ds, struct rx_data *d, const char *s, size_t n, size_t i, uint64_t *out);

#endif
