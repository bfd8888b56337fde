/* dispatch: which characters can begin a rule's match. A rule made context-free (its look-behinds,
 * negative look-aheads and word boundaries dropped) is probed with one character; the answer for each
 * BMP code point is kept in a memo, so the matcher steps over characters at which a numeral, or a
 * claim rule, cannot begin without starting PCRE2 there. Through regex.c; knows nothing of rule
 * files or macros. */
#include "dispatch.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "regex.h"
#include "util.h"

/* p at '[' of a character class: its closing ']', or the end of the string when it has none;
 * a leading ^ or ], escapes and POSIX names ([:alpha:]) stay inside. */
static const char *class_end(const char *p)
{
    p++;
    if (*p == '^')
        p++;
    if (*p == ']')
        p++;
    while (*p && *p != ']') {
        if (*p == '\\' && p[1])
            p++;
        else if (*p == '[' && p[1] == ':') { /* [:alpha:] */
            const char *e = strstr(p, ":]");
            p = e ? e + 1 : p;
        }
        p++;
    }
    return p;
}

/* p at '(' of a group: the byte after its ')' (or the end), stepping over escapes and classes. */
static const char *group_end(const char *p)
{
    int depth = 0;
    for (; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        else if (*p == '[') {
            p = class_end(p);
            if (!*p)
                return p;
        } else if (*p == '(')
            depth++;
        else if (*p == ')' && --depth == 0)
            return p + 1;
    }
    return p;
}

/* pat made context-free: every look-behind, negative look-ahead and \b, \B replaced by (?:). It matches
 * wherever pat does, whatever stands before it (removing an assertion that holds only makes a match
 * easier, and none is left under a negation), so a character at which it cannot begin a match is one
 * at which pat cannot either. NULL when pat looks at the start of the subject (^, \A, \G), holds a
 * conditional on an assertion, a backtracking verb, a numbered reference or \Q. */
static char *context_free(const char *pat)
{
    struct buf b = {0};
    for (const char *p = pat; *p;) {
        if (*p == '\\') {
            char c = p[1];
            if (!c || strchr("AGQzZ123456789g", c))
                goto no;
            if (c == 'b' || c == 'B') {
                buf_adds(&b, "(?:)");
                p += 2;
                continue;
            }
            buf_add(&b, p, 2);
            p += 2;
            continue;
        }
        if (*p == '[') { /* a class: copied whole */
            const char *q = class_end(p);
            if (!*q)
                goto no;
            buf_add(&b, p, (size_t)(q + 1 - p));
            p = q + 1;
            continue;
        }
        if (*p == '^') /* outside a class: the start of the subject or of a line */
            goto no;
        if (*p == '(' && p[1] == '*')
            goto no;
        if (*p == '(' && p[1] == '?') {
            const char *q = p + 2;
            if (!strncmp(q, "<=", 2) || !strncmp(q, "<!", 2) || *q == '!') {
                buf_adds(&b, "(?:)");
                p = group_end(p);
                continue;
            }
            if (*q == '(' && (q[1] == '?' || q[1] == '*'))
                goto no; /* (?(?=...)...): a condition on an assertion */
            if (isdigit((unsigned char)*q) || *q == '+' || *q == '-' || *q == 'R' || *q == '#' || *q == 'x')
                goto no;
        }
        buf_addc(&b, *p++);
    }
    if (!b.data)
        buf_add(&b, "", 0);
    return b.data;
no:
    buf_free(&b);
    return NULL;
}

static int by_cp(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

int dispatch_before(const char *pat, uint32_t **set, size_t *n)
{
    const char *p = pat;
    while (!strncmp(p, "(?=", 3)) /* a look-ahead tests the same position: step over it */
        p = group_end(p);
    if (strncmp(p, "(?<=", 4))
        return -1;
    const char *b = p + 4, *e = group_end(p) - 1; /* the look-behind's body [b, e) */
    if (e <= b || *e != ')')
        return -1;
    /* one group around the whole body: (?:...) or (?<name>...) */
    if (*b == '(' && group_end(b) == e) {
        const char *q = b + 1;
        if (!strncmp(q, "?:", 2))
            q += 2;
        else if (!strncmp(q, "?<", 2) && q[2] != '=' && q[2] != '!') {
            q = strchr(q, '>');
            if (!q || q >= e)
                return -1;
            q++;
        } else
            return -1;
        b = q;
        e = e - 1; /* the group's ')' */
    }
    uint32_t *v = NULL;
    size_t k = 0;
    uint32_t last = 0;
    int have = 0;
    for (const char *q = b;; q++) {
        if (q == e || *q == '|') {
            if (!have) { /* an empty alternative: no character need stand before */
                free(v);
                return -1;
            }
            v = xrealloc(v, (k + 1) * sizeof *v);
            v[k++] = last;
            have = 0;
            if (q == e)
                break;
            continue;
        }
        if (*q == '\\') { /* an escaped punctuation character is itself; any other escape a class */
            if (q + 1 >= e || isalnum((unsigned char)q[1]) || (unsigned char)q[1] >= 0x80) {
                free(v);
                return -1;
            }
            last = (unsigned char)*++q;
            have = 1;
            continue;
        }
        if (strchr("[](){}.*+?^$", *q)) {
            free(v);
            return -1;
        }
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)q, (size_t)(e - q), &cp);
        if (!l) {
            free(v);
            return -1;
        }
        last = cp;
        have = 1;
        q += l - 1;
    }
    qsort(v, k, sizeof *v, by_cp);
    *set = v;
    *n = k;
    return 0;
}

struct rx *dispatch_probe(const char *pat)
{
    char *cf = context_free(pat);
    if (!cf)
        return NULL;
    size_t off;
    char msg[256];
    struct rx *c = rx_compile(cf, strlen(cf), RX_ANCHORED | RX_PROBE | RX_DUPNAMES, &off, msg, sizeof msg);
    free(cf);
    if (c && rx_min_length(c) == 0) {
        rx_free(c);
        c = NULL;
    }
    return c;
}

/* REST of one rule or branch (?<num>{NUMERAL})REST or (?<num>{NUMERAL}REST') src[0..len), as
 * dispatch_numeral_rest describes; NULL when it has another shape. */
static char *numeral_rest(const char *src, size_t len, int *closed_out)
{
    static const char head[] = "(?<num>{NUMERAL}";
    if (len < sizeof head || strncmp(src, head, sizeof head - 1))
        return NULL;
    const char *rest = src + sizeof head - 1, *end = src + len;
    int closed = *rest == ')';
    if (closed)
        rest++;
    if (rest == end || strchr("?*+{|", *rest))
        return NULL; /* the numeral may be optional or repeated, or REST may stand alone */
    /* the depth at which an alternative would be one of the whole rule's (or of the num group's) */
    int depth = closed ? 0 : 1;
    for (const char *p = rest; p < end; p++) {
        if (*p == '\\' && p + 1 < end)
            p++;
        else if (*p == '[') {
            p = class_end(p);
            if (p >= end)
                return NULL;
        } else if (*p == '(')
            depth++;
        else if (*p == ')')
            depth--;
        else if (*p == '|' && depth <= (closed ? 0 : 1))
            return NULL;
        if (depth < 0)
            return NULL;
    }
    struct buf src2 = {0};
    buf_printf(&src2, "%s%.*s", closed ? "" : "(?:", (int)(end - rest), rest);
    *closed_out = closed;
    return src2.data;
}

/* The ends of the top-level alternatives of p[0..n): each '|' at depth 0 and n itself, into cut
 * (at most max); how many, or max + 1 when there are more. */
static size_t alternatives(const char *p, size_t n, size_t *cut, size_t max)
{
    size_t k = 0;
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\\' && i + 1 < n)
            i++;
        else if (p[i] == '[')
            i = (size_t)(class_end(p + i) - p);
        else if (p[i] == '(')
            depth++;
        else if (p[i] == ')')
            depth--;
        else if (p[i] == '|' && depth == 0) {
            if (k == max)
                return max + 1;
            cut[k++] = i;
        }
    }
    if (k == max)
        return max + 1;
    cut[k++] = n;
    return k;
}

#define MAX_BRANCHES 8

char *dispatch_numeral_rest(const char *src, int *form)
{
    size_t len = strlen(src);
    int closed;
    char *rest = numeral_rest(src, len, &closed);
    if (rest) {
        *form = closed ? NUMERAL_REST_CLOSED : NUMERAL_REST_OPEN;
        return rest;
    }
    /* (?|B1|B2...), each branch a rule of the form above behind an optional look-behind: REST is
     * (?:REST1|REST2...), good for the probe only (a branch's look-behind is not in it) */
    if (strncmp(src, "(?|", 3) || group_end(src) != src + len)
        return NULL;
    size_t cut[MAX_BRANCHES], nb = alternatives(src + 3, len - 4, cut, MAX_BRANCHES);
    if (nb > MAX_BRANCHES)
        return NULL;
    struct buf b = {0};
    buf_adds(&b, "(?:");
    for (size_t k = 0, from = 3; k < nb; from = 3 + cut[k++] + 1) {
        const char *br = src + from, *br_end = src + 3 + cut[k];
        if (!strncmp(br, "(?<=", 4) && (br = group_end(br)) > br_end)
            br = br_end;
        char *r = numeral_rest(br, (size_t)(br_end - br), &closed);
        if (!r) {
            buf_free(&b);
            return NULL;
        }
        buf_printf(&b, "%s%s", k ? "|" : "", r);
        free(r);
    }
    buf_addc(&b, ')');
    *form = NUMERAL_REST_PROBE;
    return b.data;
}

struct rx *dispatch_numeral_ends(const char *numeral)
{
    struct buf b = {0};
    buf_printf(&b, "(?:%s)(?C1)", numeral);
    size_t off;
    char msg[256];
    struct rx *c = rx_compile(b.data, b.len, RX_ANCHORED | RX_CALLOUTS, &off, msg, sizeof msg);
    buf_free(&b);
    return c;
}

/* What probe p says of BMP code point cp, whose character is c[0..len): asked once per process (per
 * memo), then read from the memo. */
static int memo_probe_first(_Atomic uint8_t *memo, struct rx *p, struct rx_data *d, const char *c, size_t len,
                            uint32_t cp)
{
    unsigned v = 1u | (unsigned)rx_probe(p, d, c, len) << 1; /* first met: probe it once */
    atomic_fetch_or_explicit(&memo[cp >> 2], (uint8_t)(v << (cp & 3) * 2), memory_order_relaxed);
    return (v >> 1) & 1;
}

/* (the memo read inline at every character; the probe, once per character, out of line) */
static inline int memo_probe(_Atomic uint8_t *memo, struct rx *p, struct rx_data *d, const char *c, size_t len,
                             uint32_t cp)
{
    unsigned v = atomic_load_explicit(&memo[cp >> 2], memory_order_relaxed) >> (cp & 3) * 2;
    return v & 1 ? (int)(v >> 1 & 1) : memo_probe_first(memo, p, d, c, len, cp);
}

size_t dispatch_next_start(_Atomic uint8_t *memo, struct rx *p, struct rx_data *d, const char *s, size_t n, size_t from,
                           size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = from;
    for (; i < n; i += *len) {
        uint32_t cp = utf8_bmp_at(u, n, i, len);
        if (cp == (uint32_t)-1 || memo_probe(memo, p, d, s + i, *len, cp))
            break;
    }
    return i;
}

struct dispatch_set {
    struct rx **probes;
    size_t n, words;
    _Atomic uint8_t *known;  /* per BMP code point: its mask is worked out */
    _Atomic uint64_t *mask;  /* per BMP code point: words words */
};

struct dispatch_set *dispatch_set_new(struct rx *const *probes, size_t n)
{
    struct dispatch_set *ds = xmalloc(sizeof *ds);
    ds->n = n;
    ds->words = n ? (n + 63) / 64 : 1;
    ds->probes = xmalloc((n ? n : 1) * sizeof *ds->probes);
    if (n)
        memcpy(ds->probes, probes, n * sizeof *probes);
    /* above malloc's mmap threshold: a page costs nothing until a character in it is met */
    ds->known = xcalloc(0x10000, sizeof *ds->known);
    ds->mask = xcalloc(0x10000 * ds->words, sizeof *ds->mask);
    return ds;
}

void dispatch_set_free(struct dispatch_set *ds)
{
    if (!ds)
        return;
    free(ds->probes);
    free((void *)ds->known);
    free((void *)ds->mask);
    free(ds);
}

size_t dispatch_set_words(const struct dispatch_set *ds)
{
    return ds->words;
}

/* Every probe asked about the character c[0..len) (code point cp), once per process: its mask,
 * published with its known flag (a thread that meets the character meanwhile works out the same). */
static void set_fill(struct dispatch_set *ds, struct rx_data *d, const char *c, size_t len, uint32_t cp)
{
    for (size_t w = 0; w < ds->words; w++) {
        uint64_t bits = 0;
        for (size_t k = w * 64; k < ds->n && k < w * 64 + 64; k++)
            if (!ds->probes[k] || rx_probe(ds->probes[k], d, c, len))
                bits |= (uint64_t)1 << (k % 64);
        atomic_store_explicit(&ds->mask[(size_t)cp * ds->words + w], bits, memory_order_relaxed);
    }
    atomic_store_explicit(&ds->known[cp], 1, memory_order_release);
}

void dispatch_set_at(struct dispatch_set *ds, struct rx_data *d, const char *s, size_t n, size_t i, uint64_t *out)
{
    size_t len;
    uint32_t cp = i < n ? utf8_bmp_at((const unsigned char *)s, n, i, &len) : 0;
    if (i >= n || cp == (uint32_t)-1) {
        for (size_t w = 0; w < ds->words; w++)
            out[w] = i >= n ? 0 : ~(uint64_t)0;
        return;
    }
    if (!atomic_load_explicit(&ds->known[cp], memory_order_acquire))
        set_fill(ds, d, s + i, len, cp);
    for (size_t w = 0; w < ds->words; w++)
        out[w] = atomic_load_explicit(&ds->mask[(size_t)cp * ds->words + w], memory_order_relaxed);
}
