/* matcher: running the compiled rules (rules.c) over a normalised text: the scan for numeral
 * tokens, the claim and "at" stop rules anchored at a numeral (skipped where dispatch.c says they
 * cannot begin), and the text-wide stop and item rules. Through regex.c. */
#include "matcher.h"

#include <stdlib.h>

#include "dispatch.h"
#include "regex.h"
#include "rules_int.h"
#include "stagetime.h"
#include "util.h"

struct matcher *matcher_new(const struct rules *r, const struct kf_warner *warn)
{
    struct matcher *m = xcalloc(1, sizeof *m);
    m->warn = warn;
    m->d = rx_data_new(32); /* 32 pairs covers every rule's groups */
    m->r = r;
    m->first = xmalloc(dispatch_set_words(r->first_set) * sizeof *m->first);
    m->rest = xmalloc(MATCHER_MAX_ENDS * dispatch_set_words(r->rest_set) * sizeof *m->rest);
    return m;
}

void matcher_free(struct matcher *m)
{
    if (!m)
        return;
    rx_data_free(m->d);
    free(m->first);
    free(m->rest);
    free(m);
}

/* One match; a failure other than "no match" (a limit hit) is warned about once per call. */
static int match(struct matcher *m, struct rx *c, const char *id, const char *s, size_t n, size_t at)
{
    int rc = rx_match(c, m->d, s, n, at, 0);
    if (rc < 0 && rc != RX_NOMATCH) {
        char msg[256];
        rx_message(rc, msg, sizeof msg);
        kf_warn_rule(m->warn, NULL, id, "%s at byte %zu; rule skipped here", msg, at);
    }
    return rc;
}

/* How far past its numeral an anchored claim or stop rule may look, in bytes. PCRE2 10.42's
 * JIT searches for a pattern's required character (分之 of ratio.fraction, 点 of index.points)
 * from the start position to the end of the subject before each attempt, whenever that end is
 * near enough: every numeral of a long text without the character paid for the rest of the
 * text. No rule reads this far; the subject ends here, at a character boundary. */
#define RULE_REACH 256

static size_t reach(const char *s, size_t n, size_t at)
{
    return n - at <= RULE_REACH ? n : utf8_char_start(s, at + RULE_REACH);
}

/* The leftmost numeral token at or after from, as an unanchored search would find it: the
 * anchored pattern is tried at each character that can begin one, in order. */
int matcher_next_number(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t from,
                        size_t *start, size_t *end)
{
    _Atomic uint8_t *memo = r->memo;
    STAGE_ENTER(STAGE_NUMBERS);
    for (size_t i = from, len; (i = dispatch_next_start(memo, r->number_at, m->d, s, n, i, &len)) < n; i += len) {
        if (match(m, r->number_at, "NUMBER", s, n, i) < 0)
            continue;
        const size_t *ov = rx_ovector(m->d, NULL);
        *start = ov[0];
        *end = ov[1];
        STAGE_LEAVE();
        return 1;
    }
    STAGE_LEAVE();
    return 0;
}

#define MAX_ENDS MATCHER_MAX_ENDS

/* The match just made, of rule i (group numbers in group), into out; num, when given (num_end !=
 * (size_t)-1), is [at, num_end) and the match begins at at. */
static void take_match(const struct matcher *m, size_t i, const int *group, size_t at, size_t num_end, struct rule_match *out)
{
    unsigned pairs;
    const size_t *ov = rx_ovector(m->d, &pairs);
    out->rule = (int)i;
    out->start = num_end == (size_t)-1 ? ov[0] : at;
    out->end = ov[1];
    for (int g = 0; g < G_NGROUPS; g++) {
        int k = group[g];
        int set = k > 0 && (unsigned)k < pairs && ov[2 * k] != RX_UNSET;
        out->g[g][0] = set ? ov[2 * k] : (size_t)-1;
        out->g[g][1] = set ? ov[2 * k + 1] : (size_t)-1;
    }
    if (num_end != (size_t)-1) { /* REST matched at num_end: the numeral's group began at at */
        out->g[G_NUM][0] = at;
        if (group[G_NUM] <= 0)
            out->g[G_NUM][1] = num_end;
    }
}

/* Where {NUMERAL} can end at a numeral, worked out when a rule first needs it. */
struct numeral_ends {
    size_t at[MAX_ENDS];
    size_t n; /* (size_t)-1: not worked out yet; MAX_ENDS + 1: too many (any end) */
};

/* Claim rule i, whose first probe allows the numeral at: 1 (out filled) when it matches. */
static int match_rule(const struct rules *r, struct matcher *m, size_t i, const char *s, size_t n, size_t at,
                      struct numeral_ends *ne, struct rule_match *out)
{
    const struct rule *ru = &r->claim[i];
    if (ru->rest) {
        size_t words = dispatch_set_words(r->rest_set);
        if (ne->n == (size_t)-1) {
            ne->n = rx_callout_ends(r->numeral_ends, m->d, s, n, at, ne->at, MAX_ENDS);
            for (size_t e = 0; ne->n <= MAX_ENDS && e < ne->n; e++) /* which REST may begin at each end */
                dispatch_set_at(r->rest_set, m->d, s, n, ne->at[e], m->rest + e * words);
        }
        /* The whole rule would try REST at each end of the numeral in this order (the order its
         * backtracking takes, which the callout recorded) and take the first that matches: so does
         * this, without matching the numeral again, at the ends REST's probe allows. With no REST of
         * its own (a probe only), or after a limit hit, the whole rule is matched, unless no end was
         * allowed. */
        int allowed = ne->n > MAX_ENDS, rc = RX_NOMATCH; /* too many ends recorded: any may do */
        for (size_t e = 0; ne->n <= MAX_ENDS && e < ne->n && rc == RX_NOMATCH; e++) {
            if (!(m->rest[e * words + i / 64] >> (i % 64) & 1))
                continue;
            allowed = 1;
            if (!ru->rest_code)
                break;
            if ((rc = rx_match(ru->rest_code, m->d, s, n, ne->at[e], 0)) >= 0) {
                take_match(m, i, ru->rest_group, at, ne->at[e], out);
                return 1;
            }
        }
        if (!allowed || (ru->rest_code && ne->n <= MAX_ENDS && rc == RX_NOMATCH))
            return 0;
    }
    if (match(m, ru->code, ru->id, s, n, at) < 0)
        return 0;
    take_match(m, i, ru->group, at, (size_t)-1, out);
    return 1;
}

/* cp is one of set[0..n) (sorted). */
static int in_set(const uint32_t *set, size_t n, uint32_t cp)
{
    for (size_t i = 0; i < n && set[i] <= cp; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}

/* The first claim rule, in file order, that matches at the numeral at. */
static int match_claim(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t at, struct rule_match *out)
{
    n = reach(s, n, at);
    struct numeral_ends ne = {.n = (size_t)-1};
    /* the rules whose first probe allows the character at at, in file order */
    dispatch_set_at(r->first_set, m->d, s, n, at, m->first);
    if (r->nwith_before) { /* less those whose look-behind cannot end with the character before at */
        uint32_t prev = (uint32_t)-1;
        size_t b = at ? utf8_char_start(s, at - 1) : 0;
        if (at && !utf8_decode((const unsigned char *)s + b, at - b, &prev))
            prev = (uint32_t)-1;
        for (size_t k = 0; k < r->nwith_before; k++) {
            size_t i = r->with_before[k];
            if (!in_set(r->claim[i].before, r->claim[i].nbefore, prev))
                m->first[i / 64] &= ~((uint64_t)1 << (i % 64));
        }
    }
    for (size_t w = 0, words = dispatch_set_words(r->first_set); w < words; w++)
        for (uint64_t bits = m->first[w]; bits; bits &= bits - 1)
            if (match_rule(r, m, w * 64 + (size_t)__builtin_ctzll(bits), s, n, at, &ne, out))
                return 1;
    return 0;
}

int matcher_claim(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t at, struct rule_match *out)
{
    int found;
    STAGE(STAGE_CLAIM_RULES, found = match_claim(r, m, s, n, at, out));
    return found;
}

static int match_stop_at(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t at, size_t *end)
{
    n = reach(s, n, at);
    if (r->stop_at_all) {
        int rc = rx_match(r->stop_at_all, m->d, s, n, at, 0);
        if (rc == RX_NOMATCH)
            return -1;
        const char *mark = rc >= 0 ? rx_mark(m->d) : NULL;
        if (mark) {
            *end = rx_ovector(m->d, NULL)[1];
            return atoi(mark);
        }
        /* a limit was hit: try the rules one by one, so the warning names the rule at fault (and
         * should a rule end its match early, with (*ACCEPT), before its mark, they say which) */
    }
    for (size_t i = 0; i < r->nstop; i++) {
        const struct rule *ru = &r->stop[i];
        if (ru->scope != SCOPE_AT || match(m, ru->code, ru->id, s, n, at) < 0)
            continue;
        *end = rx_ovector(m->d, NULL)[1];
        return (int)i;
    }
    return -1;
}

int matcher_stop_at(const struct rules *r, struct matcher *m, const char *s, size_t n, size_t at, size_t *end)
{
    int rule;
    STAGE(STAGE_STOP_AT, rule = match_stop_at(r, m, s, n, at, end));
    return rule;
}

static void scan(struct matcher *m, const struct rule *ru, int index, const char *s, size_t n,
                 void (*fn)(void *, int, size_t, size_t), void *ctx)
{
    size_t at = 0;
    while (at < n && match(m, ru->code, ru->id, s, n, at) >= 0) {
        const size_t *ov = rx_ovector(m->d, NULL);
        size_t st = ov[0], en = ov[1];
        if (ru->ngroup > 0 && ov[2 * ru->ngroup] != RX_UNSET)
            fn(ctx, index, ov[2 * ru->ngroup], ov[2 * ru->ngroup + 1]);
        else
            fn(ctx, index, st, en);
        at = en > at ? en : at + 1;
        while (at < n && ((unsigned char)s[at] & 0xC0) == 0x80) /* whole characters only */
            at++;
    }
}

void matcher_scan_text(const struct rules *r, struct matcher *m, const char *s, size_t n,
                       void (*fn)(void *ctx, int rule, size_t start, size_t end), void *ctx)
{
    STAGE_ENTER(STAGE_TEXT_RULES);
    for (size_t i = 0; i < r->nstop; i++)
        if (r->stop[i].scope == SCOPE_TEXT)
            scan(m, &r->stop[i], (int)i, s, n, fn, ctx);
    for (size_t i = 0; i < r->nitem; i++)
        scan(m, &r->item[i], -1, s, n, fn, ctx);
    STAGE_LEAVE();
}
