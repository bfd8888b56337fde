/* lexicon: word lists from the patterns directory, kept longest first for longest-match look-ups.
 * The lists are small (hundreds of words) and consulted only around numbers, so a linear
 * scan with memcmp is fast enough and keeps the data files the single source of truth. */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "patset.h"
#include "stagetime.h"
#include "util.h"

static const char *const kind_names[KEYFIG_NKINDS] = {
    "count", "money", "length", "area", "mass", "volume", "duration", "percent", "ratio", "rate", "temperature", "other",
};
static const char *const approx_names[] = {"exact", "over", "at_least", "under", "at_most", "about"};
static const char *const subject_names[] = {"verb", "stop", "drop", "frame", "money", "nounverb", "noun", "base", "join", "list"};
static const char *const change_roles[] = {"verb", "to", "from", "basis", "noun", "next"};
static const char *const directions[] = {"none", "increase", "decrease"};
static const char *const pos_names[POS_NCLASSES] = {"noun", "mod", "verb", "adv", "func", "pron", "time", "num", "place", "other", "measure"};

int kind_from_name(const char *s)
{
    for (int i = 0; i < KEYFIG_NKINDS; i++)
        if (!strcmp(s, kind_names[i]))
            return i;
    return -1;
}

static int name_index(const char *const *names, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(s, names[i]))
            return i;
    return -1;
}

static int by_length_desc(const void *a, const void *b)
{
    const struct lex_word *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? 1 : -1;
    return strcmp(x->word, y->word);
}

static void add_word(struct lex_list *l, const char *w, int attr, double factor)
{
    l->w = xrealloc(l->w, (l->n + 1) * sizeof *l->w);
    l->w[l->n].word = xstrdup(w);
    l->w[l->n].len = strlen(w);
    l->w[l->n].attr = attr;
    l->w[l->n].factor = factor;
    l->n++;
}

static int has_word(const struct lex_list *l, const char *w)
{
    for (size_t i = 0; i < l->n; i++)
        if (!strcmp(l->w[i].word, w))
            return 1;
    return 0;
}

/* Parse one attribute column against its names, with a message listing what is expected. */
static int parse_attr(const char *const *names, int n, const char *value, const char *path, size_t line,
                      const char *what, struct keyfig_error *err)
{
    int v = name_index(names, n, value);
    if (v >= 0)
        return v;
    struct buf b = {0};
    for (int i = 0; i < n; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", names[i]);
    kf_error(err, KEYFIG_STATUS_PATTERN, path, line, "unknown %s \"%s\" (expected %s)", what, value, b.data);
    buf_free(&b);
    return -1;
}

/* A list file: word, then attribute columns. One parser for all four files keeps their
 * checks (duplicates, unknown names) identical. */
static int load_list(struct patset *ps, const char *name, struct lexicon *lx, struct keyfig_error *err)
{
    size_t len;
    const char *path;
    const char *text = patset_get(ps, name, &len, &path, err);
    if (!text)
        return -1;
    struct tsv_reader r;
    tsv_open(&r, text, len);
    char *f[4];
    int nf, rc = 0;
    while (rc == 0 && (nf = tsv_next(&r, f, 4)) > 0) {
        if (nf < 2 || !*f[0]) {
            rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, r.lineno, "expected at least 2 tab-separated columns, got %d", nf);
            break;
        }
        struct lex_list *l = NULL;
        int attr = -1;
        double factor = 0;
        if (!strcmp(name, "units.tsv")) {
            int notunit = !strcmp(f[1], "-");
            l = notunit ? &lx->notunits : &lx->units;
            attr = notunit ? 0 : parse_attr(kind_names, KEYFIG_NKINDS, f[1], path, r.lineno, "kind", err);
            if (nf > 2 && *f[2]) {
                char *e;
                factor = strtod(f[2], &e);
                if (*e || factor <= 0)
                    rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, r.lineno,
                                  "bad factor \"%s\" (expected a positive number)", f[2]);
            }
        } else if (!strcmp(name, "approx.tsv")) {
            static const char *const pos[] = {"pre", "mid", "post"};
            int p = parse_attr(pos, 3, f[1], path, r.lineno, "position", err);
            attr = p < 0 ? -1 : parse_attr(approx_names, 6, f[2], path, r.lineno, "approximation", err);
            if (attr >= 0)
                l = p == 0 ? &lx->approx_pre : p == 1 ? &lx->approx_mid : &lx->approx_post;
        } else if (!strcmp(name, "change.tsv")) {
            int d = parse_attr(directions, 3, f[1], path, r.lineno, "direction", err);
            int role = d < 0 ? -1 : parse_attr(change_roles, 6, f[2], path, r.lineno, "role", err);
            l = &lx->change;
            attr = role < 0 ? -1 : d * 16 + role;
        } else if (!strcmp(name, "pos.tsv") || !strcmp(name, "postags.tsv")) {
            l = name[3] == '.' ? &lx->pos : &lx->postags;
            attr = parse_attr(pos_names, POS_NCLASSES, f[1], path, r.lineno, "class", err);
        } else {
            l = &lx->subject;
            attr = parse_attr(subject_names, sizeof subject_names / sizeof subject_names[0], f[1], path, r.lineno, "role", err);
        }
        if (rc || attr < 0) {
            rc = -1;
            break;
        }
        if (has_word(l, f[0])) {
            rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, r.lineno, "duplicate entry \"%s\"", f[0]);
            break;
        }
        add_word(l, f[0], attr, factor);
    }
    tsv_close(&r);
    return rc;
}

/* Bucket of the character that starts (or, for last, ends) a word. */
/* The bucket of the character s starts with: its code point modulo LEX_BUCKETS, the common one- and
 * three-byte forms decoded without validation (this runs at every word look-up; the index is built
 * with the same function, so a word and the text it matches always agree). */
static unsigned bucket_first(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t cp = 0;
    if (u[0] < 0x80)
        cp = u[0];
    else if ((u[0] & 0xF0) == 0xE0 && n >= 3)
        cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    else
        utf8_decode(u, n, &cp);
    return cp % LEX_BUCKETS;
}

static unsigned bucket_last(const char *s, size_t end)
{
    size_t i = end;
    while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80)
        ;
    return bucket_first(s + i, end - i);
}

/* Build one CSR index; the words keep their longest-first order inside each bucket. */
static void build_index(struct lex_list *l, size_t *at, size_t **items, int use_last)
{
    memset(at, 0, (LEX_BUCKETS + 1) * sizeof *at);
    unsigned *b = xcalloc(l->n + 1, sizeof *b);
    for (size_t i = 0; i < l->n; i++) {
        b[i] = use_last ? bucket_last(l->w[i].word, l->w[i].len) : bucket_first(l->w[i].word, l->w[i].len);
        at[b[i] + 1]++;
    }
    for (int k = 0; k < LEX_BUCKETS; k++)
        at[k + 1] += at[k];
    *items = xcalloc(l->n + 1, sizeof **items);
    size_t fill[LEX_BUCKETS];
    memcpy(fill, at, sizeof fill);
    for (size_t i = 0; i < l->n; i++)
        (*items)[fill[b[i]]++] = i;
    free(b);
}

static void sort_list(struct lex_list *l)
{
    if (l->n)
        qsort(l->w, l->n, sizeof *l->w, by_length_desc);
    build_index(l, l->first_at, &l->first, 0);
    build_index(l, l->last_at, &l->last, 1);
}

static struct lexicon *load(struct patset *ps, struct keyfig_error *err);

struct lexicon *lexicon_load(struct patset *ps, struct keyfig_error *err)
{
    struct lexicon *lx;
    STAGE(STAGE_LOAD, lx = load(ps, err));
    return lx;
}

static struct lexicon *load(struct patset *ps, struct keyfig_error *err)
{
    struct lexicon *lx = xcalloc(1, sizeof *lx);
    static const char *const files[] = {"units.tsv", "approx.tsv", "change.tsv", "subject.tsv", "pos.tsv", "postags.tsv"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        if (load_list(ps, files[i], lx, err)) {
            lexicon_free(lx);
            return NULL;
        }
    }
    struct lex_list *all[] = {&lx->units, &lx->notunits, &lx->approx_pre, &lx->approx_mid, &lx->approx_post, &lx->change, &lx->subject, &lx->pos, &lx->postags};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sort_list(all[i]);
    return lx;
}

static void free_list(struct lex_list *l)
{
    free(l->first);
    free(l->last);
    for (size_t i = 0; i < l->n; i++)
        free(l->w[i].word);
    free(l->w);
}

void lexicon_free(struct lexicon *lx)
{
    if (!lx)
        return;
    free_list(&lx->units);
    free_list(&lx->notunits);
    free_list(&lx->approx_pre);
    free_list(&lx->approx_mid);
    free_list(&lx->approx_post);
    free_list(&lx->change);
    free_list(&lx->subject);
    free_list(&lx->pos);
    free_list(&lx->postags);
    free(lx);
}

int pos_class_from_name(const char *s)
{
    return name_index(pos_names, POS_NCLASSES, s);
}

const struct lex_word *lex_at(const struct lex_list *l, const char *s, size_t n, size_t at)
{
    if (at >= n || !l->n)
        return NULL;
    unsigned b = bucket_first(s + at, n - at);
    for (size_t k = l->first_at[b]; k < l->first_at[b + 1]; k++) {
        const struct lex_word *w = &l->w[l->first[k]];
        if (at + w->len <= n && memcmp(s + at, w->word, w->len) == 0)
            return w;
    }
    return NULL;
}

const struct lex_word *lex_before(const struct lex_list *l, const char *s, size_t floor, size_t end)
{
    if (end <= floor || !l->n)
        return NULL;
    unsigned b = bucket_last(s + floor, end - floor);
    for (size_t k = l->last_at[b]; k < l->last_at[b + 1]; k++) {
        const struct lex_word *w = &l->w[l->last[k]];
        if (end >= floor + w->len && memcmp(s + end - w->len, w->word, w->len) == 0)
            return w;
    }
    return NULL;
}
