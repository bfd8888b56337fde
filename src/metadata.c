/* metadata: title, date and news items of an article (see metadata.h). */
#include "metadata.h"

#include <stdio.h>
#include <string.h>

#include "lexicon.h"
#include "origin.h"
#include "matcher.h"
#include "util.h"

/* The length of the longest article.tsv word of the given role at s[at] (within s[0..n)), or 0. */
static size_t word_at(const struct lexicon *lx, enum article_role role, const char *s, size_t n, size_t at)
{
    for (size_t k = 0; k < lx->article.n; k++) { /* longest first */
        const struct lex_word *w = &lx->article.w[k];
        if (w->attr == (int)role && at + w->len <= n && !memcmp(s + at, w->word, w->len))
            return w->len;
    }
    return 0;
}

/* 1 when s[0..n) ends with an article.tsv word of the given role. */
static int ends_with_word(const struct lexicon *lx, enum article_role role, const char *s, size_t n)
{
    for (size_t k = 0; k < lx->article.n; k++) {
        const struct lex_word *w = &lx->article.w[k];
        if (w->attr == (int)role && w->len <= n && !memcmp(s + n - w->len, w->word, w->len))
            return 1;
    }
    return 0;
}

/* ---- items ---- */

int metadata_item_of(const struct keyfig_article *a, size_t at)
{
    /* Every item start after the first begins a new item; the first does too when more than
     * the opening stands before it. item_starts is sorted: a binary search, so that an article
     * of many items costs no more per claim. */
    size_t lo = 0, hi = a->nitems; /* the number of item starts <= at */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->item_starts[mid] <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 1 + (int)lo - (a->nitems && a->item_starts[0] < METADATA_OPENING_BYTES && lo > 0);
}

/* ---- title ---- */

static void on_item(void *ctx, int rule, size_t start, size_t end)
{
    (void)end;
    if (rule < 0 && start == 0)
        *(int *)ctx = 1;
}

/* 1 when an item rule (本报讯 ...) matches at the start of s[0..n). */
static int begins_item(const struct keyfig_patterns *p, struct matcher *m, const char *s, size_t n)
{
    int found = 0;
    matcher_scan_text(p->rules, m, s, n, on_item, &found);
    return found;
}

char *metadata_title(const struct keyfig_patterns *p, struct matcher *m, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        struct text t;
        text_normalize(p->nz, s + i, e - i, &t);
        size_t chars = utf8_count(t.norm, t.norm_len);
        char *title = NULL;
        if (chars > 4 && chars <= 80 && !ends_with_word(p->lx, ART_FULL_STOP, t.norm, t.norm_len) &&
            !begins_item(p, m, t.norm, t.norm_len)) {
            struct buf b = {0};
            origin_chars(&t, 0, t.norm_len, NULL, &b);
            title = b.data;
        }
        text_free(&t);
        if (title || chars > 4)
            return title ? title : xstrdup("");
        i = e + 1;
    }
    return xstrdup("");
}

/* ---- date ---- */

static int read_int(const char *s, size_t n, size_t *i, int maxdigits)
{
    int v = 0, d = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9' && d < maxdigits) {
        v = v * 10 + (s[*i] - '0');
        (*i)++, d++;
    }
    return d ? v : -1;
}

/* The end of the opening: METADATA_OPENING_LINES lines or METADATA_OPENING_BYTES, whichever
 * comes first. */
static size_t opening_end(const char *s, size_t n)
{
    size_t e = n < METADATA_OPENING_BYTES ? n : METADATA_OPENING_BYTES;
    int lines = 0;
    for (size_t i = 0; i < e; i++)
        if (s[i] == '\n' && ++lines == METADATA_OPENING_LINES)
            return i;
    while (e > 0 && e < n && ((unsigned char)s[e] & 0xC0) == 0x80)
        e--;
    return e;
}

static char *iso_date(int y, int mo, int dd)
{
    char out[48];
    snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, dd);
    return xstrdup(out);
}

/* A dateline's month and day at the start of a line of the opening (4月18日,杭州市…), dated by
 * the first year the opening names (…召开2023年全市卫生健康工作会议): 2023-04-18. A month and
 * day inside a sentence (海关总署今天（5月9日）公布) is no dateline: "" then, as when either is
 * missing. */
static char *month_day_of_year(const struct lexicon *lx, const char *s, size_t n)
{
    int y = 0, mo = 0, dd = 0;
    for (size_t i = 0; i + 4 <= n && !(y && mo); i++) {
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            continue;
        size_t j = i;
        int v = read_int(s, n, &j, 4);
        if (v < 0)
            continue;
        size_t l;
        if (!y && j - i == 4 && v >= 1900 && v < 2100 && word_at(lx, ART_YEAR, s, n, j)) {
            y = v;
        } else if (!mo && (i == 0 || s[i - 1] == '\n') && j - i <= 2 && v >= 1 && v <= 12 &&
                   (l = word_at(lx, ART_MONTH, s, n, j))) {
            size_t k = j + l;
            int d = read_int(s, n, &k, 2);
            if (d >= 1 && d <= 31 && word_at(lx, ART_DAY, s, n, k))
                mo = v, dd = d;
        }
        i = j > i ? j - 1 : i;
    }
    return y && mo ? iso_date(y, mo, dd) : xstrdup("");
}

char *metadata_date(const struct keyfig_patterns *p, const struct text *t)
{
    const char *s = t->norm;
    size_t n = opening_end(s, t->norm_len);
    for (size_t i = 0; i + 8 <= n; i++) {
        if (!(s[i] == '1' || s[i] == '2') || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'))
            continue;
        size_t j = i;
        int y = read_int(s, n, &j, 4);
        if (y < 1900 || j - i != 4)
            continue;
        size_t cn = word_at(p->lx, ART_YEAR, s, n, j); /* 2020年5月16日, else 2020-05-16 */
        if (cn)
            j += cn;
        else if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.'))
            j++;
        else
            continue;
        int mo = read_int(s, n, &j, 2);
        if (mo < 1 || mo > 12)
            continue;
        size_t l = cn ? word_at(p->lx, ART_MONTH, s, n, j) : 0;
        if (l)
            j += l;
        else if (!cn && j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.'))
            j++;
        else
            continue;
        int dd = read_int(s, n, &j, 2);
        if (dd < 1 || dd > 31)
            continue;
        return iso_date(y, mo, dd);
    }
    return month_day_of_year(p->lx, s, n);
}
