/* value: the "parse numbers" stage. A number as a claim rule delimited it -> its value. The
 * numeral itself is cnnum's; this file reads what stands around and inside it, each word from
 * data: the approximation characters and the half character of numerals.tsv (roles approx and
 * half), its units and sections (the shared multipliers), its fraction word, and the per,
 * below, over, of, tenths and times words of valuewords.tsv. */
#include "value.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "chars.h"
#include "cnnum.h"
#include "lexicon.h"

/* The first place w stands in s[0..n), or NULL. */
static const char *find(const char *s, size_t n, const char *w, size_t wl)
{
    for (size_t i = 0; wl && i + wl <= n; i++)
        if (s[i] == w[0] && !memcmp(s + i, w, wl)) /* the first byte before a call */
            return s + i;
    return NULL;
}

/* The longest word of role r in valuewords.tsv that leads s[0..n) with something after it. */
static const struct lex_word *leading(const struct lexicon *lx, enum value_role r, const char *s, size_t n)
{
    const struct lex_list *l = &lx->valuewords;
    for (size_t k = 0; k < l->n; k++) /* longest first */
        if (l->w[k].attr == (int)r && n > l->w[k].len && !memcmp(s, l->w[k].word, l->w[k].len))
            return &l->w[k];
    return NULL;
}

/* Fractions are stated to four places, as CLAIMS.md writes them: 三分之一 -> 0.3333. */
static double four_places(double v)
{
    return round(v * 10000) / 10000;
}

/* A times or tenths word and the half character after a numeral: 一倍半, 一成半 -> 1.5. */
static int times_half(const struct cnnum_table *num, const struct lexicon *lx, const char *t, size_t n, double *v)
{
    if (!n)
        return -1;
    size_t h = chars_prev(t, n);
    int hl;
    if (!cnnum_is_half_char(num, chars_cp_at(t, n, h, &hl)) || h + (size_t)hl != n)
        return -1;
    const struct lex_list *l = &lx->valuewords;
    for (size_t k = 0; k < l->n; k++) {
        const struct lex_word *w = &l->w[k];
        if ((w->attr == VAL_TIMES || w->attr == VAL_TENTHS) && h > w->len && !memcmp(t + h - w->len, w->word, w->len) &&
            cnnum_parse(num, t, h - w->len, v) == 0) {
            *v += 0.5;
            return 0;
        }
    }
    return -1;
}

/* The forms of a part that the numeral parser does not read, as Hong Kong and tables write
 * them (valuewords.tsv): 1/4 (over), 三分一 and 三份之一 (of), 8成6 and 四成一 (tenths), 一倍半
 * (times). 0 with *v set, or -1 when t is none of these. */
static int written_fraction(const struct cnnum_table *num, const struct lexicon *lx, const char *t, size_t n,
                            double *v)
{
    if (times_half(num, lx, t, n, v) == 0)
        return 0;
    const char *fw = cnnum_fraction_word(num);
    size_t fl = strlen(fw);
    const struct lex_list *l = &lx->valuewords;
    for (size_t k = 0; k < l->n; k++) {
        const struct lex_word *w = &l->w[k];
        if (w->attr != VAL_OVER && w->attr != VAL_OF && w->attr != VAL_TENTHS)
            continue;
        const char *at = find(t, n, w->word, w->len);
        size_t a = at ? (size_t)(at - t) : 0;
        if (!at || at == t || (fl && n - a >= fl && !memcmp(at, fw, fl)))
            continue; /* 三分之一 is the numeral parser's */
        double x, y;
        if (a + w->len >= n || cnnum_parse(num, t, a, &x) != 0 || cnnum_parse(num, at + w->len, n - a - w->len, &y) != 0)
            return -1;
        if (w->attr == VAL_TENTHS) {
            if (y >= 10)
                return -1;
            *v = x + y / 10; /* 8成6: tenths, then hundredths */
            return 0;
        }
        if (w->attr == VAL_OVER ? y <= x : x <= y)
            return -1; /* a part is less than its whole: 24/7 and 一分一秒 are no fractions */
        *v = four_places(w->attr == VAL_OVER ? x / y : y / x); /* 1/4 names the part first, 三分一 the whole */
        return 0;
    }
    return -1;
}

/* The value of t[0..n), the approximation characters already left out. */
static int parse_clean(const struct cnnum_table *num, const struct lexicon *lx, const char *t, size_t n, double *v,
                       const char **unit_text)
{
    int l;
    if (n && cnnum_is_half_char(num, chars_cp_at(t, n, 0, &l)) && (size_t)l == n) {
        *v = 0.5; /* 为期半年 */
        return 0;
    }
    const struct lex_word *per = leading(lx, VAL_PER, t, n);
    if (per) { /* 百分之三十: 30, unit % */
        *unit_text = per->text;
        return cnnum_parse(num, t + per->len, n - per->len, v);
    }
    if (written_fraction(num, lx, t, n, v) == 0)
        return 0;
    const char *fw = cnnum_fraction_word(num);
    if (*fw && find(t, n, fw, strlen(fw))) {
        if (cnnum_parse_fraction(num, t, n, v) != 0)
            return -1;
        *v = four_places(*v);
        return 0;
    }
    return cnnum_parse(num, t, n, v);
}

int value_parse(const struct cnnum_table *num, const struct lexicon *lx, const char *s, size_t a, size_t b, double *v,
                int *over, const char **unit_text)
{
    char tmp[256];
    size_t n = 0;
    *over = 0;
    const struct lex_word *below = leading(lx, VAL_BELOW, s + a, b - a); /* 零下5℃ */
    if (below)
        a += below->len;
    for (size_t i = a; i < b;) {
        int l;
        uint32_t c = chars_cp_at(s, b, i, &l);
        if (cnnum_is_approx_char(num, c))
            *over = 1; /* 6600多万: read as 6600万, over */
        else if (n + (size_t)l < sizeof tmp) {
            memcpy(tmp + n, s + i, (size_t)l);
            n += (size_t)l;
        } else
            return -1;
        i += (size_t)l;
    }
    tmp[n] = '\0';
    if (parse_clean(num, lx, tmp, n, v, unit_text) != 0)
        return -1;
    if (below)
        *v = *v == 0 ? 0 : -*v;
    return 0;
}

double value_shared_multiplier(const struct cnnum_table *num, const char *s, size_t a2, size_t b2, double low)
{
    if (b2 <= a2)
        return 1;
    size_t p = chars_prev(s, b2);
    int l, section;
    double m, digits;
    if (p <= a2 || cnnum_scale(num, chars_cp_at(s, b2, p, &l), &section) < 2) /* 十 multiplies no range */
        return 1;
    if (cnnum_parse(num, s + p, b2 - p, &m) == 0 && cnnum_parse(num, s + a2, p - a2, &digits) == 0)
        return low < digits ? m : 1;
    return 1;
}

double value_list_multiplier(const struct cnnum_table *num, const char *s, size_t ns, size_t ne, size_t unit_s,
                             double v)
{
    for (size_t i = ns; i < ne; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 1; /* a Chinese numeral or a multiplier: cnnum read it whole */
    if (v >= 1000)
        return 1;
    size_t e = unit_s;
    int l, section = 0;
    for (size_t p; e > ne && (p = chars_prev(s, e)) >= ne && cnnum_is_approx_char(num, chars_cp_at(s, e, p, &l));)
        e = p; /* 3和5万多元: the multiplier stands before 多 */
    if (e <= ne)
        return 1;
    size_t p = chars_prev(s, e);
    double m;
    if (p >= ne && cnnum_scale(num, chars_cp_at(s, e, p, &l), &section) && section && cnnum_parse(num, s + p, e - p, &m) == 0)
        return m;
    return 1;
}

int value_is_half(const struct cnnum_table *num, const char *s, size_t a, size_t b)
{
    int l;
    return b > a && cnnum_is_half_char(num, chars_cp_at(s, b, a, &l)) && a + (size_t)l == b;
}
