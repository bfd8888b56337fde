/* rules: turn the rule files of patterns/ into regular expressions (macros, word lists as tries,
 * idioms, the combined stop rules) and compile them through regex.c, a compile error mapped back to
 * the rule and the macros.tsv line it falls in. Claim and "at" stop rules are compiled anchored:
 * matcher.c tries them at each numeral the number rule finds, so the text is scanned once for
 * numerals and the other rules only look where a number stands. */
#include "rules.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dispatch.h"
#include "lexicon.h"
#include "patset.h"
#include "regex.h"
#include "stagetime.h"
#include "rules_int.h"
#include "util.h"

/* Where each piece of an expanded pattern came from: bytes [out, out + len) of the expansion are
 * either the source text's from src on (macro -1), or "(?:" + macro's value + ")" written for the
 * reference {NAME} at src. */
struct seg {
    size_t out, len, src;
    int macro;
};

struct expansion {
    char *text;
    struct seg *seg;
    size_t nseg;
};

struct macro {
    char *name, *value;
    char *src;          /* its definition as written */
    const char *path;   /* where it is defined (NULL: built from a word list) */
    size_t line;
    struct seg *seg;    /* value's map back to its definition */
    size_t nseg;
};

static const char *const group_names[G_NGROUPS] = {"num", "num2", "mid", "unit", "post"};

/* ---- macros ---- */

static void add_escaped(struct buf *b, const char *w)
{
    for (; *w; w++) {
        if (strchr("\\^$.|?*+()[]{}-", *w))
            buf_addc(b, '\\');
        buf_addc(b, *w);
    }
}

static int by_bytes(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* words[j..n) (sorted) share their first `depth` bytes: the end of the run of them whose next
 * character is also words[j]'s; *cl receives that character's length. */
static size_t same_next_char(const char **words, size_t j, size_t n, size_t depth, size_t *cl)
{
    uint32_t cp;
    int l = utf8_decode((const unsigned char *)words[j] + depth, strlen(words[j] + depth), &cp);
    *cl = l ? (size_t)l : 1; /* word lists are valid UTF-8 (patset.c); a stray byte stands alone */
    size_t k = j + 1;
    while (k < n && !strncmp(words[k] + depth, words[j] + depth, *cl))
        k++;
    return k;
}

static void add_trie(struct buf *b, const char **words, size_t n, size_t depth);

/* A node with more children than TRIE_FANOUT has them in buckets of consecutive first characters, of
 * about sqrt(TRIE_BUCKET * children) each (5 buckets for the 150 first characters of the units):
 * smaller buckets cost PCRE2 more compile time (a one-line run) than they save in matching. */
#define TRIE_FANOUT 16
#define TRIE_BUCKET 8

/* Child i of a trie node (words[cut[i]..cut[i + 1]), after depth bytes): its first character and
 * what follows, as alternatives from c on. */
static void add_child(struct buf *b, const char **words, const size_t *cut, size_t i, size_t c, size_t depth)
{
    size_t j = cut[i], cl;
    same_next_char(words, j, cut[i + 1], depth, &cl);
    if (i > c)
        buf_addc(b, '|');
    char ch[5] = {0};
    memcpy(ch, words[j] + depth, cl);
    add_escaped(b, ch);
    add_trie(b, words + j, cut[i + 1] - j, depth + cl);
}

/* words[0..n) (sorted bytewise) share their first `depth` bytes: write the alternation of what
 * follows, factored as a trie, each node's longer words before the word that ends there.
 * The JIT tries alternatives one by one, and backtracking into the node tries every child after
 * the one that matched: a node with many children (the units) has them in buckets of consecutive
 * first characters, each behind a look-ahead for its range, so a character is compared with the
 * ranges and one bucket's children. Each child begins with a character no other child
 * begins with, so at most one can match and a failing guard skips only children that cannot: the
 * same matches in the same order. */
static void add_trie(struct buf *b, const char **words, size_t n, size_t depth)
{
    size_t i = 0, cl;
    int ends = 0;
    while (i < n && !words[i][depth]) /* the prefix itself is a word: it sorts first */
        i++, ends = 1;
    size_t groups = 0;
    for (size_t j = i; j < n; groups++)
        j = same_next_char(words, j, n, depth, &cl);
    size_t *cut = xmalloc((groups + 1) * sizeof *cut);
    groups = 0;
    for (size_t j = i; j < n; groups++) {
        cut[groups] = j;
        j = same_next_char(words, j, n, depth, &cl);
    }
    cut[groups] = n;
    int open = groups + (size_t)ends > 1;
    if (open)
        buf_adds(b, "(?:");
    if (groups <= TRIE_FANOUT) {
        for (size_t k = 0; k < groups; k++)
            add_child(b, words, cut, k, 0, depth);
    } else {
        size_t per = 1;
        while (per * per < TRIE_BUCKET * groups)
            per++;
        for (size_t k = 0; k < groups; k += per) {
            size_t e = k + per < groups ? k + per : groups;
            uint32_t lo = 0, hi = 0;
            /* word lists are valid UTF-8 (patset.c), and bytewise order is code point order */
            utf8_decode((const unsigned char *)words[cut[k]] + depth, strlen(words[cut[k]] + depth), &lo);
            utf8_decode((const unsigned char *)words[cut[e - 1]] + depth, strlen(words[cut[e - 1]] + depth), &hi);
            buf_printf(b, "%s(?=[\\x{%X}-\\x{%X}])(?:", k ? "|" : "", (unsigned)lo, (unsigned)hi);
            for (size_t c = k; c < e; c++)
                add_child(b, words, cut, c, k, depth);
            buf_addc(b, ')');
        }
    }
    if (open)
        buf_adds(b, ends ? "|)" : ")");
    free(cut);
}

/* An alternation of the words of a list in which the longest word that fits wins. Written as a
 * trie (万(?:吨(?:公里|)|元)), not as the flat list longest first: the words that can match at
 * one place are prefixes of one another, so both forms try them longest first, but PCRE2 walks
 * the trie one character at a time instead of trying 200 units one after another. */
static char *alternation(const struct lex_list *l)
{
    struct buf b = {0};
    const char **words = xmalloc((l->n ? l->n : 1) * sizeof *words);
    for (size_t i = 0; i < l->n; i++)
        words[i] = l->w[i].word;
    qsort(words, l->n, sizeof *words, by_bytes);
    buf_adds(&b, "(?:");
    if (l->n)
        add_trie(&b, words, l->n, 0);
    else
        buf_adds(&b, "(*FAIL)");
    buf_addc(&b, ')');
    free(words);
    return b.data;
}

static void add_seg(struct expansion *x, size_t out, size_t len, size_t src, int macro)
{
    struct seg *last = x->nseg ? &x->seg[x->nseg - 1] : NULL;
    if (macro < 0 && last && last->macro < 0 && last->out + last->len == out && last->src + last->len == src) {
        last->len += len;
        return;
    }
    x->seg = xrealloc(x->seg, (x->nseg + 1) * sizeof *x->seg);
    x->seg[x->nseg++] = (struct seg){out, len, src, macro};
}

/* Replace every {NAME} of a macro by "(?:value)", recording in x where each piece came from.
 * Quantifiers such as {2,} are left alone. Returns x->text, or NULL with err filled. */
static char *expand(const char *pat, const struct macro *m, size_t nm, const char *path, size_t line,
                    struct expansion *x, struct keyfig_error *err)
{
    struct buf b = {0};
    *x = (struct expansion){0};
    for (const char *p = pat; *p;) {
        if (*p == '{' && (isupper((unsigned char)p[1]) || p[1] == '_')) {
            const char *e = p + 1;
            while (isupper((unsigned char)*e) || isdigit((unsigned char)*e) || *e == '_')
                e++;
            if (*e == '}') {
                size_t k;
                for (k = 0; k < nm; k++)
                    if (strlen(m[k].name) == (size_t)(e - p - 1) && !memcmp(m[k].name, p + 1, (size_t)(e - p - 1)))
                        break;
                if (k == nm) {
                    kf_error(err, KEYFIG_STATUS_PATTERN, path, line, "unknown macro {%.*s} (define it in macros.tsv first)",
                             (int)(e - p - 1), p + 1);
                    buf_free(&b);
                    free(x->seg);
                    *x = (struct expansion){0};
                    return NULL;
                }
                size_t out = b.len;
                buf_printf(&b, "(?:%s)", m[k].value);
                add_seg(x, out, b.len - out, (size_t)(p - pat), (int)k);
                p = e + 1;
                continue;
            }
        }
        add_seg(x, b.len, 1, (size_t)(p - pat), -1);
        buf_addc(&b, *p++);
    }
    if (!b.data)
        buf_add(&b, "", 0);
    x->text = b.data;
    return b.data;
}

/* Map byte off of an expansion (seg[0..nseg)) back to its source: returns the offset in the rule's own
 * text (the {NAME} reference when off falls in what a macro wrote). When off falls in the value of a
 * macro defined in macros.tsv, *inner receives the innermost such macro and *inner_off the offset in
 * its own definition; otherwise *inner is -1. */
static size_t source_offset(const struct seg *seg, size_t nseg, const struct macro *m, size_t off, int *inner,
                            size_t *inner_off)
{
    size_t top = off;
    int first = 1;
    *inner = -1;
    while (nseg) {
        size_t i = 0;
        while (i + 1 < nseg && seg[i + 1].out <= off)
            i++;
        const struct seg *g = &seg[i];
        size_t here, in = off - g->out;
        int k = g->macro, descend = 0;
        if (k < 0)
            here = g->src + in;                       /* the text's own byte (or just past its end) */
        else if (in >= g->len)
            here = g->src + strlen(m[k].name) + 2;    /* just past the reference */
        else {
            here = g->src;
            descend = in >= 3 && in < g->len - 1 && m[k].path; /* inside "(?:" value ")" */
        }
        if (first)
            top = here;
        else
            *inner_off = here;
        first = 0;
        if (!descend)
            break;
        *inner = k;
        off = in - 3;
        *inner_off = off;
        seg = m[k].seg;
        nseg = m[k].nseg;
    }
    return top;
}

/* Compile an expansion x of the pattern text src (rule id, at path:line); a PCRE2 error names the
 * offset in src, and the macro definition it falls in, if any. */
static struct rx *compile_x(const struct expansion *x, const char *src, const struct macro *m, unsigned flags,
                            const char *path, size_t line, const char *id, struct keyfig_error *err)
{
    size_t off = 0;
    char msg[256];
    struct rx *c = rx_compile(x->text, strlen(x->text), flags, &off, msg, sizeof msg);
    if (!c) {
        int inner;
        size_t inner_off = 0, o = source_offset(x->seg, x->nseg, m, off, &inner, &inner_off);
        size_t slen = strlen(src);
        if (o > slen)
            o = slen;
        char near[64] = "";
        size_t nl = slen - o < 12 ? slen - o : 12;
        while (nl < slen - o && ((unsigned char)src[o + nl] & 0xC0) == 0x80) /* whole characters */
            nl++;
        if (nl)
            snprintf(near, sizeof near, " near \"%.*s\"", (int)nl, src + o);
        if (inner >= 0)
            kf_error(err, KEYFIG_STATUS_PATTERN, path, line, "rule %s: PCRE2 error at offset %zu%s, in {%s} (%s:%zu, offset %zu): %s",
                     id, o, near, m[inner].name, m[inner].path, m[inner].line, inner_off, msg);
        else
            kf_error(err, KEYFIG_STATUS_PATTERN, path, line, "rule %s: PCRE2 error at offset %zu%s: %s", id, o, near, msg);
        return NULL;
    }
    /* A rule that can match nothing could never advance a scan: PCRE2's minimum match
     * length says whether that is possible. */
    if (rx_min_length(c) == 0) {
        kf_error(err, KEYFIG_STATUS_PATTERN, path, line, "rule %s can match the empty string (every rule must consume text)", id);
        rx_free(c);
        return NULL;
    }
    return c;
}

static void free_macros(struct macro *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(m[i].name);
        free(m[i].value);
        free(m[i].src);
        free(m[i].seg);
    }
    free(m);
}

static struct macro *load_macros(struct patset *ps, const struct lexicon *lx, size_t *count, struct keyfig_error *err)
{
    const struct {
        const char *name;
        const struct lex_list *list;
    } lists[] = {{"UNIT", &lx->units}, {"APPROX_PRE", &lx->approx_pre}, {"APPROX_MID", &lx->approx_mid},
                 {"APPROX_POST", &lx->approx_post}};
    size_t n = 0, nl = sizeof lists / sizeof lists[0];
    struct macro *m = xcalloc(nl, sizeof *m);
    for (; n < nl; n++) {
        m[n].name = xstrdup(lists[n].name);
        m[n].value = alternation(lists[n].list);
    }
    /* {UNIT} never starts a word that only looks like a unit: 13亿多人口 has no unit */
    char *units = m[0].value, *not = alternation(&lx->notunits);
    struct buf b = {0};
    buf_printf(&b, "(?!%s)%s", not, units);
    free(units);
    free(not);
    m[0].value = b.data;
    size_t len;
    const char *path;
    const char *text = patset_get(ps, "macros.tsv", &len, &path, err);
    if (!text) {
        free_macros(m, n);
        return NULL;
    }
    struct tsv_reader r;
    tsv_open(&r, text, len);
    char *f[2];
    int nf;
    while ((nf = tsv_next(&r, f, 2)) > 0) {
        struct expansion x = {0};
        char *v = nf == 2 ? expand(f[1], m, n, path, r.lineno, &x, err) : NULL;
        if (!v) {
            if (nf != 2)
                kf_error(err, KEYFIG_STATUS_PATTERN, path, r.lineno, "expected NAME<TAB>pattern");
            free_macros(m, n);
            tsv_close(&r);
            return NULL;
        }
        m = xrealloc(m, (n + 1) * sizeof *m);
        m[n] = (struct macro){xstrdup(f[0]), v, xstrdup(f[1]), path, r.lineno, x.seg, x.nseg};
        n++;
    }
    tsv_close(&r);
    *count = n;
    return m;
}

/* ---- compiling ---- */

/* Compile a pattern rules.c wrote itself (no source text to map an error back to). */
static struct rx *compile(const char *pat, unsigned flags, const char *path, size_t line, const char *id,
                          struct keyfig_error *err)
{
    struct seg whole = {0, strlen(pat), 0, -1};
    struct expansion x = {(char *)pat, &whole, 1};
    return compile_x(&x, pat, NULL, flags, path, line, id, err);
}

/* REST of a rule (?<num>{NUMERAL})REST, or (?<num>{NUMERAL}REST')... given as (?:REST')... (expanded,
 * dispatch_numeral_rest), compiled anchored to be matched where the numeral ends; its groups by name
 * into group (the second form's (?: becomes (?<num>: the numeral's group ends where it does). NULL
 * (the whole rule is matched) when it does not compile on its own (a reference to the numeral's
 * group) or names a group num of its own. */
static struct rx *rest_code(const char *rest, int closed, int *group)
{
    struct buf b = {0};
    if (closed)
        buf_adds(&b, rest);
    else
        buf_printf(&b, "(?<%s>%s", group_names[G_NUM], rest + 3);
    size_t off;
    char msg[256];
    struct rx *c = rx_compile(b.data, b.len, RX_ANCHORED, &off, msg, sizeof msg);
    buf_free(&b);
    if (c)
        for (int g = 0; g < G_NGROUPS; g++)
            group[g] = rx_group(c, group_names[g]);
    if (c && (closed ? group[G_NUM] >= 0 : group[G_NUM] != 1)) {
        rx_free(c);
        return NULL;
    }
    return c;
}

/* Nested quantifiers such as (a+)+ can backtrack exponentially: warn (check-patterns). */
static void lint_nested(const char *pat, const char *path, size_t line, const char *id, const struct kf_warner *lint)
{
    int depth = 0, quant_in[64] = {0};
    for (const char *p = pat; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
            continue;
        }
        if (*p == '[') {
            while (*p && *p != ']')
                p += (*p == '\\' && p[1]) ? 2 : 1;
            if (!*p)
                break;
            continue;
        }
        if (*p == '(' && depth < 63)
            quant_in[++depth] = 0;
        else if ((*p == '+' || *p == '*') && depth > 0)
            quant_in[depth] = 1;
        else if (*p == ')' && depth > 0) {
            int inner = quant_in[depth--];
            if (inner && (p[1] == '+' || p[1] == '*')) {
                char where[1024];
                snprintf(where, sizeof where, "%s:%zu", path, line);
                kf_warn_rule(lint, where, id, "nested quantifier near \"%.12s\" may backtrack badly", p);
                return;
            }
            if (inner && depth > 0)
                quant_in[depth] = 1 | quant_in[depth];
        }
    }
}

/* The macro called name, or NULL. */
static const struct macro *find_macro(const struct macro *m, size_t nm, const char *name)
{
    for (size_t k = 0; k < nm; k++)
        if (!strcmp(m[k].name, name))
            return &m[k];
    return NULL;
}

static int has_id(const struct rule *r, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(r[i].id, id))
            return 1;
    return 0;
}

/* Load one rule file: "id<TAB>pattern" (items), "id<TAB>kind<TAB>pattern" (claims) or
 * "id<TAB>reason<TAB>scope<TAB>pattern" (stop). */
static int load_rule_file(struct patset *ps, const char *name, int ncols, const struct macro *m, size_t nm,
                          const struct kf_warner *lint,
                          struct rule **out, size_t *nout, struct keyfig_error *err)
{
    size_t len;
    const char *path;
    const char *text = patset_get(ps, name, &len, &path, err);
    if (!text)
        return -1;
    struct tsv_reader rd;
    tsv_open(&rd, text, len);
    char *f[4];
    int nf, rc = 0;
    while (rc == 0 && (nf = tsv_next(&rd, f, ncols)) > 0) {
        if (nf != ncols || !*f[0] || !*f[ncols - 1]) {
            rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, rd.lineno, "expected %d tab-separated columns, got %d", ncols, nf);
            break;
        }
        if (has_id(*out, *nout, f[0])) {
            rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, rd.lineno, "duplicate rule id \"%s\"", f[0]);
            break;
        }
        struct rule r = {0};
        r.kind = -1;
        if (ncols >= 3) {
            r.extra = xstrdup(f[1]);
            if (ncols == 3 && strcmp(f[1], "-") && (r.kind = kind_from_name(f[1])) < 0) {
                rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, rd.lineno,
                              "rule %s: unknown kind \"%s\" (expected - or count, money, length, area, mass, volume, "
                              "duration, percent, ratio, rate, temperature, other)",
                              f[0], f[1]);
            } else if (ncols == 4 && strcmp(f[2], "at") && strcmp(f[2], "text")) {
                rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, rd.lineno, "rule %s: unknown scope \"%s\" (expected at or text)",
                              f[0], f[2]);
            }
            r.scope = (ncols == 4 && !strcmp(f[2], "text")) ? SCOPE_TEXT : SCOPE_AT;
        }
        struct expansion x = {0};
        char *pat = rc ? NULL : expand(f[ncols - 1], m, nm, path, rd.lineno, &x, err);
        if (pat && lint)
            lint_nested(pat, path, rd.lineno, f[0], lint);
        /* claim rules (3 columns) and stop rules of scope "at" are only matched anchored. */
        unsigned anchored = ncols == 3 || (ncols == 4 && r.scope == SCOPE_AT) ? RX_ANCHORED : 0;
        r.code = pat ? compile_x(&x, f[ncols - 1], m, anchored, path, rd.lineno, f[0], err) : NULL;
        r.pat = pat;
        free(x.seg);
        if (!r.code) {
            free(r.pat);
            free(r.extra);
            rc = -1;
            break;
        }
        r.id = xstrdup(f[0]);
        if (ncols == 3) {
            r.first = dispatch_probe(pat);
            if (dispatch_before(pat, &r.before, &r.nbefore) != 0)
                r.before = NULL, r.nbefore = 0;
            int form = NUMERAL_REST_PROBE;
            char *rest_src = find_macro(m, nm, "NUMERAL") ? dispatch_numeral_rest(f[2], &form) : NULL;
            struct expansion rx = {0};
            char *rest = rest_src ? expand(rest_src, m, nm, path, rd.lineno, &rx, NULL) : NULL;
            r.rest = rest ? dispatch_probe(rest) : NULL;
            r.rest_code = rest && r.rest && form != NUMERAL_REST_PROBE ? rest_code(rest, form == NUMERAL_REST_CLOSED, r.rest_group) : NULL;
            free(rx.seg);
            free(rest_src);
            free(rest);
        }
        for (int g = 0; g < G_NGROUPS; g++)
            r.group[g] = rx_group(r.code, group_names[g]);
        r.ngroup = rx_group(r.code, "n");
        if (ncols == 3 && r.group[G_NUM] < 0) {
            rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, rd.lineno, "rule %s has no (?<num>...) group", f[0]);
            rx_free(r.code);
            rx_free(r.first);
            rx_free(r.rest);
            rx_free(r.rest_code);
            free(r.before);
            free(r.pat);
            free(r.id);
            free(r.extra);
            break;
        }
        *out = xrealloc(*out, (*nout + 1) * sizeof **out);
        (*out)[(*nout)++] = r;
    }
    tsv_close(&rd);
    return rc;
}

/* idioms.tsv: idioms holding a numeral (千方百计, 背水一战), set aside with reason "idiom". They
 * become one "at" stop rule tried first: each idiom is matched from its first numeral, the
 * whole idiom then checked by a look-behind, so the rule is tried only where a numeral stands
 * instead of scanning the whole text for every idiom. The idioms are grouped by the character they
 * are matched from (一(?:心一意|战(?<=背水一战)|...)|千(?:...)), in file order within a group: a
 * numeral is compared with 16 characters instead of with 65 idioms in turn, and since the groups
 * begin with different characters only one can match, so the first idiom in file order that
 * matches still wins. */
struct idiom {
    char *from;  /* the idiom from its numeral on */
    char *whole; /* the whole idiom when something stands before the numeral, else NULL */
    size_t first; /* the length of from's first character */
};

static void add_idiom_rest(struct buf *b, const struct idiom *d)
{
    add_escaped(b, d->from + d->first);
    if (d->whole) {
        /* 背水一战 from its 一: 一战(?<=背水一战), the part from the numeral on first, so that
         * most numerals fail on their first character instead of a look-behind */
        buf_adds(b, "(?<=");
        add_escaped(b, d->whole);
        buf_adds(b, ")");
    }
}

static char *idiom_pattern(struct idiom *d, size_t n)
{
    struct buf pat = {0};
    char *done = xcalloc(n ? n : 1, 1);
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        buf_adds(&pat, pat.len ? "|" : "(?:");
        char ch[5] = {0};
        memcpy(ch, d[i].from, d[i].first);
        add_escaped(&pat, ch);
        size_t count = 0;
        for (size_t j = i; j < n; j++)
            count += !done[j] && d[j].first == d[i].first && !memcmp(d[j].from, d[i].from, d[i].first);
        if (count > 1)
            buf_adds(&pat, "(?:");
        for (size_t j = i, k = 0; j < n; j++) {
            if (done[j] || d[j].first != d[i].first || memcmp(d[j].from, d[i].from, d[i].first))
                continue;
            if (k++)
                buf_addc(&pat, '|');
            add_idiom_rest(&pat, &d[j]);
            done[j] = 1;
        }
        if (count > 1)
            buf_addc(&pat, ')');
    }
    free(done);
    if (pat.len)
        buf_addc(&pat, ')');
    return pat.data;
}

static int load_idioms(struct patset *ps, struct rules *r, struct keyfig_error *err)
{
    size_t len;
    const char *path;
    const char *text = patset_get(ps, "idioms.tsv", &len, &path, err);
    if (!text)
        return -1;
    struct rx_data *md = rx_data_new(1);
    struct idiom *d = NULL;
    size_t nd = 0;
    struct tsv_reader rd;
    tsv_open(&rd, text, len);
    char *f[1];
    int rc = 0;
    while (tsv_next(&rd, f, 1) > 0) {
        size_t n = strlen(f[0]);
        if (rx_match(r->number, md, f[0], n, 0, 0) < 0) {
            rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, rd.lineno, "idiom \"%s\" holds no numeral (nothing to set aside)", f[0]);
            break;
        }
        size_t k = rx_ovector(md, NULL)[0];
        uint32_t cp;
        int cl = utf8_decode((const unsigned char *)f[0] + k, n - k, &cp); /* the file is valid UTF-8 (patset.c) */
        d = xrealloc(d, (nd + 1) * sizeof *d);
        d[nd++] = (struct idiom){xstrdup(f[0] + k), k ? xstrdup(f[0]) : NULL, cl > 0 ? (size_t)cl : 1};
    }
    tsv_close(&rd);
    rx_data_free(md);
    char *pat = rc ? NULL : idiom_pattern(d, nd);
    for (size_t i = 0; i < nd; i++) {
        free(d[i].from);
        free(d[i].whole);
    }
    free(d);
    if (rc || !pat) {
        free(pat);
        return rc;
    }
    struct rule ru = {0};
    ru.code = compile(pat, RX_ANCHORED, path, 0, "idiom.list", err);
    if (!ru.code) {
        free(pat);
        return -1;
    }
    ru.id = xstrdup("idiom.list");
    ru.extra = xstrdup("idiom");
    ru.scope = SCOPE_AT;
    ru.kind = -1;
    ru.pat = pat;
    ru.ngroup = -1;
    for (int g = 0; g < G_NGROUPS; g++)
        ru.group[g] = -1;
    r->stop = xrealloc(r->stop, (r->nstop + 1) * sizeof *r->stop);
    memmove(r->stop + 1, r->stop, r->nstop * sizeof *r->stop);
    r->stop[0] = ru;
    r->nstop++;
    return 0;
}

/* One anchored alternation of the "at" stop rules, in file order, each marked with its index:
 * PCRE2 tries the alternatives in order, so the first rule that matches wins as before, but a
 * numeral costs one JIT call instead of one per rule. NULL (rules tried one by one) if it fails.
 * The mark stands after its rule: the last mark passed is still the rule that matched (nothing
 * follows the alternation to backtrack from), and the alternatives that fail never pass one,
 * which saved 8% of the stop rules' instructions. */
static struct rx *combine_stop_at(const struct rules *r)
{
    struct buf b = {0};
    int any = 0;
    buf_adds(&b, "(?:");
    for (size_t i = 0; i < r->nstop; i++) {
        if (r->stop[i].scope != SCOPE_AT)
            continue;
        buf_printf(&b, "%s(?:%s)(*MARK:%zu)", any ? "|" : "", r->stop[i].pat, i);
        any = 1;
    }
    buf_addc(&b, ')');
    size_t off;
    char msg[256];
    struct rx *c = any ? rx_compile(b.data, b.len, RX_ANCHORED | RX_DUPNAMES, &off, msg, sizeof msg) : NULL;
    buf_free(&b);
    return c;
}

/* The numeral token rule (NUMBER of macros.tsv), searching and anchored. The scanner
 * (matcher_next_number) tries the anchored one only at the characters that can begin a token: those
 * at which it, given just that one character, matches or wants more text (dispatch.c, once per
 * character per process), stepping over every other character in C instead of starting the regex
 * at every position of the text: most of an article is characters that cannot begin a number. */
static int load_number(struct rules *r, const struct macro *m, size_t nm, struct patset *ps, struct keyfig_error *err)
{
    const struct macro *num = find_macro(m, nm, "NUMBER");
    if (!num) {
        size_t len;
        const char *path = "macros.tsv";
        patset_get(ps, "macros.tsv", &len, &path, NULL);
        return kf_error(err, KEYFIG_STATUS_PATTERN, path, 0, "no NUMBER macro (the numeral token rule)");
    }
    struct expansion x = {num->value, num->seg, num->nseg};
    if (!(r->number = compile_x(&x, num->src, m, 0, num->path, num->line, "NUMBER", err)) ||
        !(r->number_at = compile_x(&x, num->src, m, RX_ANCHORED, num->path, num->line, "NUMBER", err)))
        return -1;
    return 0;
}

/* (?:{NUMERAL})(?C1), for the claim rules that have a REST probe (NULL when none has). */
static struct rx *numeral_ends(struct rules *r, const struct macro *m, size_t nm)
{
    const struct macro *num = find_macro(m, nm, "NUMERAL");
    size_t i = 0;
    while (i < r->nclaim && !r->claim[i].rest)
        i++;
    if (!num || i == r->nclaim)
        return NULL;
    struct rx *c = dispatch_numeral_ends(num->value);
    if (!c) /* no dispatch by REST then */
        for (i = 0; i < r->nclaim; i++) {
            rx_free(r->claim[i].rest);
            r->claim[i].rest = NULL;
        }
    return c;
}

static struct rules *load(struct patset *ps, const struct lexicon *lx, const struct kf_warner *lint,
                          struct keyfig_error *err);

struct rules *rules_load(struct patset *ps, const struct lexicon *lx, const struct kf_warner *lint,
                         struct keyfig_error *err)
{
    struct rules *r;
    STAGE(STAGE_LOAD, r = load(ps, lx, lint, err));
    return r;
}

static struct rules *load(struct patset *ps, const struct lexicon *lx, const struct kf_warner *lint,
                          struct keyfig_error *err)
{
    size_t nm = 0;
    struct macro *m = load_macros(ps, lx, &nm, err);
    if (!m)
        return NULL;
    struct rules *r = xcalloc(1, sizeof *r);
    int rc = -1;
    if (load_number(r, m, nm, ps, err) ||
        load_rule_file(ps, "claims.rules", 3, m, nm, lint, &r->claim, &r->nclaim, err) ||
        load_rule_file(ps, "stop.rules", 4, m, nm, lint, &r->stop, &r->nstop, err) ||
        load_rule_file(ps, "items.rules", 2, m, nm, lint, &r->item, &r->nitem, err) ||
        load_idioms(ps, r, err))
        goto out;
    r->stop_at_all = combine_stop_at(r);
    r->numeral_ends = numeral_ends(r, m, nm);
    /* above malloc's mmap threshold: its pages cost nothing until a character is met */
    r->memo = xcalloc(1, DISPATCH_MEMO_BYTES);
    struct rx **probes = xmalloc((r->nclaim ? r->nclaim : 1) * sizeof *probes);
    for (size_t i = 0; i < r->nclaim; i++)
        probes[i] = r->claim[i].first;
    r->first_set = dispatch_set_new(probes, r->nclaim);
    for (size_t i = 0; i < r->nclaim; i++)
        probes[i] = r->claim[i].rest;
    r->rest_set = dispatch_set_new(probes, r->nclaim);
    free(probes);
    r->with_before = xmalloc((r->nclaim ? r->nclaim : 1) * sizeof *r->with_before);
    for (size_t i = 0; i < r->nclaim; i++)
        if (r->claim[i].before)
            r->with_before[r->nwith_before++] = i;
    rc = 0;
out:
    free_macros(m, nm);
    if (rc) {
        rules_free(r);
        return NULL;
    }
    return r;
}

static void free_rules(struct rule *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        rx_free(r[i].code);
        rx_free(r[i].first);
        rx_free(r[i].rest);
        rx_free(r[i].rest_code);
        free(r[i].before);
        free(r[i].pat);
        free(r[i].id);
        free(r[i].extra);
    }
    free(r);
}

void rules_free(struct rules *r)
{
    if (!r)
        return;
    rx_free(r->number);
    rx_free(r->number_at);
    rx_free(r->stop_at_all);
    rx_free(r->numeral_ends);
    free((void *)r->memo);
    dispatch_set_free(r->first_set);
    dispatch_set_free(r->rest_set);
    free(r->with_before);
    free_rules(r->claim, r->nclaim);
    free_rules(r->stop, r->nstop);
    free_rules(r->item, r->nitem);
    free(r);
}
size_t rules_nclaim(const struct rules *r)
{
    return r->nclaim;
}

size_t rules_nstop(const struct rules *r)
{
    return r->nstop;
}

const char *rules_claim_id(const struct rules *r, int i)
{
    return r->claim[i].id;
}

int rules_claim_kind(const struct rules *r, int i)
{
    return r->claim[i].kind;
}

const char *rules_stop_id(const struct rules *r, int i)
{
    return r->stop[i].id;
}

const char *rules_stop_reason(const struct rules *r, int i)
{
    return r->stop[i].extra;
}

/* ---- a user's pattern (keyfig query --subject-re) ------------------------------------------ */

struct rules_regex {
    struct rx *code;
    struct rx_data *d;
};

struct rules_regex *rules_regex_new(const char *pattern, char *msg, size_t n)
{
    size_t off;
    char text[256];
    struct rx *c = rx_compile(pattern, strlen(pattern), 0, &off, text, sizeof text);
    if (!c) {
        snprintf(msg, n, "PCRE2 error at offset %zu: %s", off, text);
        return NULL;
    }
    struct rules_regex *re = xmalloc(sizeof *re);
    re->code = c;
    re->d = rx_data_new(1);
    return re;
}

int rules_regex_match(struct rules_regex *re, const char *s)
{
    return s && rx_match(re->code, re->d, s, strlen(s), 0, RX_CHECK_UTF) >= 0;
}

void rules_regex_free(struct rules_regex *re)
{
    if (!re)
        return;
    rx_data_free(re->d);
    rx_free(re->code);
    free(re);
}
