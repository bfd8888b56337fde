/* regex: PCRE2 behind a few calls. Compiling (UTF, UCP, JIT), matching under limits, the few pieces
 * of pattern information rules.c needs, and the two probes of dispatch.c: which characters can
 * begin a match, and where a pattern's leading part can end. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "regex.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

/* A pathological rule stops here (with a warning from the caller) instead of hanging a run. */
#define MATCH_LIMIT 1000000u
#define DEPTH_LIMIT 10000u

/* JIT compiling every rule took 40% of a one-line run's start-up, and most rules are never tried on
 * a short text (dispatch.c skips them): a pattern is JIT-compiled when it is first matched,
 * before that match, so every match runs exactly as if it had been compiled up front. The JIT code
 * goes into a copy of the pattern, published once complete: other threads may be matching the
 * original (a probe) meanwhile. */
enum jit_state { JIT_NOT_YET, JIT_DONE, JIT_NONE };

struct rx {
    pcre2_code *code;
    pcre2_code *jit;   /* the copy with JIT code (JIT_DONE) */
    _Atomic int state; /* enum jit_state */
    int want_jit;      /* 0: a probe, matched by the interpreter */
};

static pthread_mutex_t jit_lock = PTHREAD_MUTEX_INITIALIZER;

/* The code to match re with: its JIT copy, made now if not yet; the original without JIT code when
 * JIT compiling is not possible here (as in pcre2grep, the interpreter then does the work). */
static const pcre2_code *jit_code(struct rx *re)
{
    int st = atomic_load_explicit(&re->state, memory_order_acquire);
    if (st == JIT_NOT_YET) {
        pthread_mutex_lock(&jit_lock);
        st = atomic_load_explicit(&re->state, memory_order_acquire);
        if (st == JIT_NOT_YET) {
            pcre2_code *c = pcre2_code_copy(re->code);
            size_t size = 0;
            if (c && pcre2_jit_compile(c, PCRE2_JIT_COMPLETE) == 0 &&
                pcre2_pattern_info(c, PCRE2_INFO_JITSIZE, &size) == 0 && size > 0) {
                re->jit = c;
                st = JIT_DONE;
            } else {
                pcre2_code_free(c);
                st = JIT_NONE;
            }
            atomic_store_explicit(&re->state, st, memory_order_release);
        }
        pthread_mutex_unlock(&jit_lock);
    }
    return st == JIT_DONE ? re->jit : re->code;
}

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
    struct rx *re = xmalloc(sizeof *re);
    re->code = c;
    re->jit = NULL;
    /* a probe runs once per character met, through the interpreter: not worth the JIT's time */
    re->want_jit = !(flags & RX_PROBE);
    atomic_init(&re->state, re->want_jit ? JIT_NOT_YET : JIT_NONE);
    return re;
}

void rx_free(struct rx *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    pcre2_code_free(re->jit);
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
int rx_match(struct rx *re, struct rx_data *d, const char *s, size_t n, size_t at, unsigned opts)
{
    int rc;
    if (opts & RX_PARTIAL_HARD) /* probes: the interpreter, on the original */
        rc = pcre2_match(re->code, (PCRE2_SPTR)s, n, at, PCRE2_PARTIAL_HARD | PCRE2_NO_UTF_CHECK, d->md, d->mctx);
    else {
        const pcre2_code *c = jit_code(re);
        if (c != re->code && !(opts & RX_CHECK_UTF))
            rc = pcre2_jit_match(c, (PCRE2_SPTR)s, n, at, 0, d->md, d->mctx);
        else
            rc = pcre2_match(c, (PCRE2_SPTR)s, n, at, (opts & RX_CHECK_UTF) ? 0 : PCRE2_NO_UTF_CHECK, d->md, d->mctx);
    }
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

int rx_probe(struct rx *re, struct rx_data *d, const char *c, size_t len)
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

size_t rx_callout_ends(struct rx *re, struct rx_data *d, const char *s, size_t n, size_t at, size_t *ends, size_t max)
{
    struct ends e = {ends, 0, max};
    pcre2_set_callout(d->mctx, record_end, &e);
    int rc = pcre2_match(jit_code(re), (PCRE2_SPTR)s, n, at, PCRE2_NO_UTF_CHECK, d->md, d->mctx);
    pcre2_set_callout(d->mctx, NULL, NULL);
    if (rc != PCRE2_ERROR_NOMATCH || e.n > max)
        return max + 1;
    return e.n;
}
