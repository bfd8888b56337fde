/* lexicon: word lists from the patterns directory, kept longest first for longest-match look-ups.
 * The lists are small (hundreds of words) but looked up at every character the stages and the
 * segmenter walk: an index by first and last character leaves a look-up the few words that
 * begin (end) with that code point, and a character set of chars.tsv is a bitmap of the BMP.
 * Both are built at load time from the data files, which stay the single source of truth. */
#include "lexicon.h"
#include "poslex.h"

#include <stdlib.h>
#include <string.h>

#include "patset.h"
#include "stagetime.h"
#include "util.h"

static const char *const kind_names[KEYFIG_NKINDS] = {
    "count", "money", "length", "area", "mass", "volume", "duration", "percent", "ratio", "rate", "temperature", "other",
};
static const char *const approx_names[] = {"exact", "over", "at_least", "under", "at_most", "about"};
static const char *const subject_names[] = {"verb", "stop", "drop", "frame", "money", "nounverb", "noun", "base", "join", "list", "share", "compare", "de", "manner"};
static const char *const change_roles[] = {"verb", "to", "from", "basis", "noun", "next"};
static const char *const directions[] = {"none", "increase", "decrease"};
static const char *const char_roles[CHR_NROLES] = {"clause", "sentence", "particle", "common", "de", "link", "connector",
                                                   "perfective", "to", "currency", "date", "date_to", "date_unit", "year", "wide",
                                                   "timeframe", "period", "period_tail", "comma", "colon", "enum",
                                                   "ideograph", "fold", "wrap_before", "wrap_after", "opening", "unfinished",
                                                   "stop", "phrase_space", "rate", "negation", "each", "person"};
static const char *const bases[] = {"yoy", "mom"}; /* KEYFIG_BASIS_YOY, KEYFIG_BASIS_MOM */
static const char *const article_roles[] = {"year", "month", "day", "full_stop", "quote"};
static const char *const value_roles[VAL_NROLES] = {"per", "below", "over", "of", "tenths", "times"};
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

static void add_word(struct lex_list *l, const char *w, int attr, double factor, const char *text)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->w = xrealloc(l->w, l->cap * sizeof *l->w);
    }
    l->w[l->n].word = xstrdup(w);
    l->w[l->n].len = strlen(w);
    l->w[l->n].attr = attr;
    l->w[l->n].factor = factor;
    l->w[l->n].text = text ? xstrdup(text) : NULL;
    l->n++;
}

/* The words one file has put in its lists so far, hashed, for the duplicate check: slot i holds
 * word w[at[i].i] of list at[i].l (l NULL: empty). */
struct seen {
    struct seen_slot {
        const struct lex_list *l;
        size_t i;
    } *at;
    size_t mask;
};

static size_t seen_hash(const char *w)
{
    size_t h = 2166136261u;
    for (; *w; w++)
        h = (h ^ (unsigned char)*w) * 16777619u;
    return h;
}

/* The slot of w in list l, or the empty slot where it goes. */
static struct seen_slot *seen_find(struct seen *sn, const struct lex_list *l, const char *w)
{
    for (size_t i = seen_hash(w) & sn->mask;; i = (i + 1) & sn->mask)
        if (!sn->at[i].l || (sn->at[i].l == l && !strcmp(l->w[sn->at[i].i].word, w)))
            return &sn->at[i];
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

static void charset_add(struct lex_charset *cs, uint32_t lo, uint32_t hi)
{
    for (; lo < 128 && lo <= hi; lo++)
        cs->ascii[lo / 32] |= 1u << (lo % 32);
    if (lo > hi)
        return;
    if (cs->n == cs->cap) {
        cs->cap = cs->cap ? cs->cap * 2 : 16;
        cs->r = xrealloc(cs->r, cs->cap * sizeof *cs->r);
    }
    cs->r[cs->n][0] = lo;
    cs->r[cs->n++][1] = hi;
}

static int by_start(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The BMP bitmap of cs (struct lex_charset) from its sorted ranges: one allocation holding the
 * 256 page numbers, then the blocks. */
static void charset_bitmap(struct lex_charset *cs)
{
    free(cs->page);
    size_t partial = 0; /* pages a range starts or ends inside: at most two per range */
    for (size_t i = 0; i < cs->n && cs->r[i][0] < 0x10000; i++)
        partial += 2;
    size_t nblocks = 2 + partial;
    uint16_t *page = xcalloc(1, 256 * sizeof *page + nblocks * sizeof(uint32_t[8]));
    uint32_t (*block)[8] = (uint32_t (*)[8])(void *)(page + 256);
    memset(block[1], 0xFF, sizeof block[1]);
    size_t used = 2;
    for (size_t i = 0; i < cs->n && cs->r[i][0] < 0x10000; i++) {
        uint32_t hi = cs->r[i][1] < 0xFFFF ? cs->r[i][1] : 0xFFFF;
        for (uint32_t c = cs->r[i][0]; c <= hi;) {
            uint32_t pg = c >> 8, end = pg * 256 + 255;
            if (c % 256 == 0 && hi >= end && !page[pg]) {
                page[pg] = 1; /* a whole page */
            } else {
                if (page[pg] < 2) /* ranges are disjoint: a page is whole for one range only */
                    page[pg] = (uint16_t)used++;
                uint32_t last = hi < end ? hi : end;
                for (uint32_t x = c; x <= last; x++)
                    block[page[pg]][(x >> 5) & 7] |= 1u << (x & 31);
            }
            if (end >= hi)
                break;
            c = end + 1;
        }
    }
    cs->page = page;
    cs->block = (const uint32_t (*)[8])block;
    memset(cs->ends, 0, sizeof cs->ends);
    for (uint32_t c = 0; c < 128; c++)
        cs->ends[c] = (cs->ascii[c / 32] >> (c % 32)) & 1;
    for (size_t i = 0; i < cs->n; i++) /* a non-ASCII character ends with 10xxxxxx, its low 6 bits */
        for (uint32_t c = cs->r[i][0]; c <= cs->r[i][1] && c - cs->r[i][0] < 64; c++)
            cs->ends[0x80 | (c & 0x3F)] = 1;
}

/* Sort the ranges and merge those that overlap or touch, for the binary search, and build the
 * bitmap lex_charset_has reads. */
static void charset_finish(struct lex_charset *cs)
{
    if (!cs->n) {
        charset_bitmap(cs);
        return;
    }
    qsort(cs->r, cs->n, sizeof *cs->r, by_start);
    size_t k = 0;
    for (size_t i = 1; i < cs->n; i++) {
        if (cs->r[i][0] <= cs->r[k][1] + 1) {
            if (cs->r[i][1] > cs->r[k][1])
                cs->r[k][1] = cs->r[i][1];
        } else {
            k++;
            cs->r[k][0] = cs->r[i][0], cs->r[k][1] = cs->r[i][1];
        }
    }
    cs->n = k + 1;
    charset_bitmap(cs);
}

/* One code point written U+XXXX: 0 with *cp set, or -1. */
static int parse_u(const char *s, const char **end, uint32_t *cp)
{
    if (s[0] != 'U' || s[1] != '+' || !strchr("0123456789ABCDEFabcdef", s[2]) || !s[2])
        return -1;
    char *e;
    unsigned long v = strtoul(s + 2, &e, 16);
    if (e - s > 8 || v > 0x10FFFF)
        return -1;
    *cp = (uint32_t)v;
    *end = e;
    return 0;
}

/* A chars.tsv text that names code points: U+XXXX or U+XXXX..U+YYYY. 1 with the range set, 0
 * for ordinary text, -1 for a malformed one. */
static int parse_range(const char *s, uint32_t *lo, uint32_t *hi)
{
    if (strncmp(s, "U+", 2))
        return 0;
    const char *e;
    if (parse_u(s, &e, lo))
        return -1;
    *hi = *lo;
    if (*e && (strncmp(e, "..", 2) || parse_u(e + 2, &e, hi) || *e || *hi < *lo))
        return -1;
    return 1;
}

/* A list file: word, then attribute columns. One parser for all the files keeps their
 * checks (duplicates, unknown names) identical. */
static int load_list(struct patset *ps, const char *name, struct lexicon *lx, struct keyfig_error *err)
{
    size_t len;
    const char *path;
    const char *text = patset_get(ps, name, &len, &path, err);
    if (!text)
        return -1;
    struct seen sn; /* at least twice as many slots as the file has lines */
    size_t lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    for (sn.mask = 15; sn.mask < 2 * lines; sn.mask = 2 * sn.mask + 1)
        ;
    sn.at = xcalloc(sn.mask + 1, sizeof *sn.at);
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
        int basis = 0;
        const char *unit = NULL;
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
            if (role == CHG_BASIS) { /* which comparison it names: the first word of each names it in JSON */
                int b = parse_attr(bases, 2, f[3], path, r.lineno, "basis", err);
                if (b < 0)
                    attr = -1;
                else
                    factor = b + 1; /* the enum keyfig_basis the word names */
                if (b >= 0 && !lx->basis_word[b + 1])
                    basis = b + 1;
            } else if (role >= 0 && *f[3]) {
                rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, r.lineno, "a fourth column (yoy, mom) is for role basis only");
            }
        } else if (!strcmp(name, "chars.tsv")) {
            attr = parse_attr(char_roles, CHR_NROLES, f[1], path, r.lineno, "role", err);
            l = attr < 0 ? NULL : &lx->chars[attr];
            uint32_t lo = 0, hi = 0;
            int range = attr < 0 ? 0 : parse_range(f[0], &lo, &hi);
            if (range < 0) {
                rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, r.lineno,
                              "bad code point \"%s\" (expected U+XXXX or U+XXXX..U+YYYY)", f[0]);
                break;
            }
            if (attr >= 0 && (range > 0 || utf8_count(f[0], strlen(f[0])) == 1)) {
                if (!range)
                    utf8_decode((const unsigned char *)f[0], strlen(f[0]), &lo), hi = lo;
                charset_add(&lx->charset[attr], lo, hi);
            }
            if (range > 0)
                continue; /* code points only: no word to look for in the text */
        } else if (!strcmp(name, "article.tsv")) {
            l = &lx->article;
            attr = parse_attr(article_roles, sizeof article_roles / sizeof article_roles[0], f[1], path, r.lineno, "role", err);
        } else if (!strcmp(name, "valuewords.tsv")) {
            l = &lx->valuewords;
            attr = parse_attr(value_roles, VAL_NROLES, f[1], path, r.lineno, "role", err);
            unit = nf > 2 && *f[2] ? f[2] : NULL;
            if (attr >= 0 && (attr == VAL_PER) != (unit != NULL))
                rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, r.lineno,
                              attr == VAL_PER ? "per \"%s\" without a unit (expected the unit it gives, such as %%)"
                                              : "\"%s\" with a unit (only a per word gives one)",
                              f[0]);
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
        struct seen_slot *slot = seen_find(&sn, l, f[0]);
        if (slot->l) {
            rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, r.lineno, "duplicate entry \"%s\"", f[0]);
            break;
        }
        add_word(l, f[0], attr, factor, unit);
        slot->l = l, slot->i = l->n - 1;
        if (basis)
            lx->basis_word[basis] = l->w[l->n - 1].word; /* the string stays where it is when the list is sorted */
    }
    tsv_close(&r);
    free(sn.at);
    return rc;
}

/* Build one CSR index; the words keep their longest-first order inside each bucket. */
static void build_index(struct lex_list *l, uint32_t *at, struct lex_entry **items, int use_last)
{
    memset(at, 0, (LEX_BUCKETS + 1) * sizeof *at);
    uint32_t *cp = xcalloc(l->n + 1, sizeof *cp);
    for (size_t i = 0; i < l->n; i++) {
        cp[i] = use_last ? lex_cp_last(l->w[i].word, l->w[i].len) : lex_cp_first(l->w[i].word, l->w[i].len);
        at[cp[i] % LEX_BUCKETS + 1]++;
    }
    for (int k = 0; k < LEX_BUCKETS; k++)
        at[k + 1] += at[k];
    *items = xcalloc(l->n + 1, sizeof **items);
    uint32_t fill[LEX_BUCKETS];
    memcpy(fill, at, sizeof fill);
    for (size_t i = 0; i < l->n; i++)
        (*items)[fill[cp[i] % LEX_BUCKETS]++] =
            (struct lex_entry){cp[i], (uint32_t)l->w[i].len, l->w[i].word, &l->w[i]};
    free(cp);
}

static void sort_list(struct lex_list *l)
{
    if (l->n)
        qsort(l->w, l->n, sizeof *l->w, by_length_desc);
    build_index(l, l->first_at, &l->first, 0);
    build_index(l, l->last_at, &l->last, 1);
}

int lex_charset_has_range(const struct lex_charset *cs, uint32_t c)
{
    if (c < 128)
        return (cs->ascii[c / 32] >> (c % 32)) & 1;
    size_t lo = 0, hi = cs->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c < cs->r[mid][0])
            hi = mid;
        else if (c > cs->r[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

void lex_charset_free(struct lex_charset *cs)
{
    free(cs->r);
    free(cs->page);
    memset(cs, 0, sizeof *cs);
}

int lex_charset_load(struct patset *ps, enum char_role r, struct lex_charset *cs, struct keyfig_error *err)
{
    return lex_charsets_load(ps, &r, 1, cs, err);
}

int lex_charsets_load(struct patset *ps, const enum char_role *roles, size_t n, struct lex_charset *out,
                      struct keyfig_error *err)
{
    struct lexicon *lx = xcalloc(1, sizeof *lx);
    int rc = load_list(ps, "chars.tsv", lx, err);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        out[i] = lx->charset[roles[i]];
        memset(&lx->charset[roles[i]], 0, sizeof lx->charset[roles[i]]);
        charset_finish(&out[i]);
    }
    lexicon_free(lx);
    return rc;
}

int lex_in(const struct lex_list *l, const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (lex_at(l, s, b, i))
            return 1;
    return 0;
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
    static const char *const files[] = {"units.tsv", "approx.tsv", "change.tsv", "subject.tsv", "pos.tsv", "postags.tsv",
                                        "chars.tsv", "article.tsv", "valuewords.tsv"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        if (load_list(ps, files[i], lx, err)) {
            lexicon_free(lx);
            return NULL;
        }
    }
    struct lex_list *all[] = {&lx->units, &lx->notunits, &lx->approx_pre, &lx->approx_mid, &lx->approx_post, &lx->change,
                              &lx->subject, &lx->pos, &lx->postags, &lx->article, &lx->valuewords};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        sort_list(all[i]);
    for (int r = 0; r < CHR_NROLES; r++) {
        sort_list(&lx->chars[r]);
        charset_finish(&lx->charset[r]);
    }
    poslex_tag_classes(lx, lx->tag_class);
    return lx;
}

static void free_list(struct lex_list *l)
{
    free(l->first);
    free(l->last);
    for (size_t i = 0; i < l->n; i++) {
        free(l->w[i].word);
        free(l->w[i].text);
    }
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
    free_list(&lx->valuewords);
    for (int r = 0; r < CHR_NROLES; r++) {
        free_list(&lx->chars[r]);
        lex_charset_free(&lx->charset[r]);
    }
    free_list(&lx->article);
    free(lx);
}

int pos_class_from_name(const char *s)
{
    return name_index(pos_names, POS_NCLASSES, s);
}

