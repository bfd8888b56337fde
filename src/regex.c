/* regex: PCRE2 behind a few calls. Compiling (UTF, UCP, JIT), matching under limits, the few pieces
 * of pattern information rules.c needs, and two probes worked out once at load: which characters can
 * begin a match, and where a pattern's leading part can end. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex.h"

#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* A pathological rule stops here (with a warning from the caller) instead of hanging a run. */
#define MATCH_LIMIT 1000000u
#define DEPTH_LIMIT 10000u

struct rx {
    pcre2_code *code;
    int jit; /* JIT code exists for complete matches: matched through pcre2_jit_match */
};

struct rx_data {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
};

struct rx *rx_compile(const char *pat, size_t len, unsigned flags, size_t *off, char *msg, size_t n)
{
    uint32_t opts = PCRE2_UTF | PCRE2_UCP;
    if (flags & RX_ANCHORED)
        opts |= PCRE2_ANCHORED;
    if (flags & RX_DUPNAMES)
        opts |= PCRE2_DUPNAMES;
    if (flags & RX_CALLOUTS)
        opts |= PCRE2_NO_AUTO_POSSESS | PCRE2_NO_START_OPTIMIZE | PCRE2_NO_DOTSTAR_ANCHOR;
    int ec;
    PCRE2_SIZE eoff = 0;
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)pat, len, opts, &ec, &eoff, NULL);
    if (!c) {
        *off = eoff;
        rx_message(ec, msg, n);
        return NULL;
    }
    /* a JIT failure leaves the interpreter, as in pcre2grep; a probe runs once per character met and
     * is not worth the JIT's compile time */
    if (!(flags & RX_PROBE))
        pcre2_jit_compile(c, PCRE2_JIT_COMPLETE | ((flags & RX_PARTIAL) ? PCRE2_JIT_PARTIAL_HARD : 0));
    struct rx *re = xmalloc(sizeof *re);
    re->code = c;
    size_t size = 0;
    re->jit = pcre2_pattern_info(c, PCRE2_INFO_JITSIZE, &size) == 0 && size > 0;
    return re;
}

void rx_free(struct rx *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    free(re);
}

uint32_t rx_min_length(const struct rx *re)
{
    uint32_t minlen = 0;
    pcre2_pattern_info(re->code, PCRE2_INFO_MINLENGTH, &minlen);
    return minlen;
}

int rx_group(const struct rx *re, const char *name)
{
    int k = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
    return k > 0 ? k : -1;
}

struct rx_data *rx_data_new(unsigned pairs)
{
    struct rx_data *d = xmalloc(sizeof *d);
    /* PCRE2 reports a too-small vector as a match of 0, not as an error */
    d->md = pcre2_match_data_create(pairs, NULL);
    d->mctx = pcre2_match_context_create(NULL);
    if (!d->md || !d->mctx) {
        pcre2_match_data_free(d->md);
        pcre2_match_context_free(d->mctx);
        free(d);
        return xmalloc((size_t)-1 / 2); /* PCRE2 is out of memory: the caller's guard takes it */
    }
    pcre2_set_match_limit(d->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(d->mctx, DEPTH_LIMIT);
    return d;
}

void rx_data_free(struct rx_data *d)
{
    if (!d)
        return;
    pcre2_match_data_free(d->md);
    pcre2_match_context_free(d->mctx);
    free(d);
}

/* pcre2_jit_match when the pattern has JIT code: it skips pcre2_match's checks of its arguments, a
 * fair part of the cost of the many quick failures (a dozen claim rules per numeral). */
int rx_match(const struct rx *re, struct rx_data *d, const char *s, size_t n, size_t at, unsigned opts)
{
    uint32_t o = (opts & RX_PARTIAL_HARD) ? PCRE2_PARTIAL_HARD : 0;
    int rc;
    if (re->jit && !(opts & (RX_CHECK_UTF | RX_PARTIAL_HARD)))
        rc = pcre2_jit_match(re->code, (PCRE2_SPTR)s, n, at, o, d->md, d->mctx);
    else
        rc = pcre2_match(re->code, (PCRE2_SPTR)s, n, at, o | ((opts & RX_CHECK_UTF) ? 0 : PCRE2_NO_UTF_CHECK), d->md,
                         d->mctx);
    if (rc == PCRE2_ERROR_NOMATCH)
        return RX_NOMATCH;
    if (rc == PCRE2_ERROR_PARTIAL)
        return RX_PARTIAL_MATCH;
    return rc;
}

const size_t *rx_ovector(const struct rx_data *d, unsigned *pairs)
{
    if (pairs)
        *pairs = pcre2_get_ovector_count(d->md);
    return pcre2_get_ovector_pointer(d->md);
}

const char *rx_mark(const struct rx_data *d)
{
    return (const char *)pcre2_get_mark(d->md);
}

void rx_message(int code, char *msg, size_t n)
{
    if (code == RX_NOMATCH)
        code = PCRE2_ERROR_NOMATCH;
    else if (code == RX_PARTIAL_MATCH)
        code = PCRE2_ERROR_PARTIAL;
    if (pcre2_get_error_message(code, (PCRE2_UCHAR *)msg, n) < 0 && n)
        snprintf(msg, n, "PCRE2 error %d", code);
}

void rx_first_chars(const struct rx *re, const struct rx *hint, uint8_t *set)
{
    struct rx_data *d = rx_data_new(1);
    const uint8_t *first = NULL;
    if (hint)
        pcre2_pattern_info(hint->code, PCRE2_INFO_FIRSTBITMAP, &first);
    for (uint32_t cp = 1; cp < 0x10000; cp++) {
        unsigned char u[4];
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        size_t l = utf8_encode(cp, (char *)u);
        if (first && !(first[u[0] >> 3] & (1u << (u[0] & 7))))
            continue;
        int rc = rx_match(re, d, (const char *)u, l, 0, RX_PARTIAL_HARD);
        if (rc >= 0 || rc == RX_PARTIAL_MATCH)
            set[cp >> 3] |= (uint8_t)(1u << (cp & 7));
    }
    rx_data_free(d);
}

int rx_probe(const struct rx *re, struct rx_data *d, const char *c, size_t len)
{
    int rc = rx_match(re, d, c, len, 0, RX_PARTIAL_HARD);
    return rc >= 0 || rc == RX_PARTIAL_MATCH || rc != RX_NOMATCH; /* a limit hit: assume it may match */
}

struct ends {
    size_t *v, n, max;
};

static int record_end(pcre2_callout_block *cb, void *data)
{
    struct ends *e = data;
    size_t pos = cb->current_position;
    for (size_t i = 0; i < e->n && i < e->max; i++)
        if (e->v[i] == pos)
            return 1;
    if (e->n < e->max)
        e->v[e->n] = pos;
    e->n++;
    return 1; /* fail here: PCRE2 backtracks to the next way X can end */
}

size_t rx_callout_ends(const struct rx *re, struct rx_data *d, const char *s, size_t n, size_t at, size_t *ends,
                       size_t max)
{
    struct ends e = {ends, 0, max};
    pcre2_set_callout(d->mctx, record_end, &e);
    int rc = pcre2_match(re->code, (PCRE2_SPTR)s, n, at, PCRE2_NO_UTF_CHECK, d->md, d->mctx);
    pcre2_set_callout(d->mctx, NULL, NULL);
    if (rc != PCRE2_ERROR_NOMATCH || e.n > max)
        return max + 1;
    return e.n;
}
