/* qualify: approximation and change words around a number, from approx.tsv and change.tsv. */
#include <string.h>

#include "chars.h"
#include "lexicon.h"
#include "qualify.h"
#include "util.h"

#define CHANGE_GAP_BYTES 24    /* 为百姓减少费用207.7万元: up to 8 characters between verb and number */


/* An approximation word just before the number (约1600吨, 将近百分之三十三), also across
 * one linking character (大约是百分之十七). Returns the start of the word, or at. */
size_t qualify_approx_before(const struct lexicon *lx, const char *s, size_t floor, size_t at, enum keyfig_approx *ap)
{
    /* 约新台币8,755亿元: a currency named before the number stands between it and its qualifier */
    const struct lex_word *cur = lex_before(&lx->units, s, floor, at);
    if (cur && cur->attr == KEYFIG_KIND_MONEY && cur->len > 1)
        at -= cur->len;
    const struct lex_word *w = lex_before(&lx->approx_pre, s, floor, at);
    const struct lex_word *word = lex_before(&lx->subject, s, floor, at);
    if (w && word && word->len > w->len)
        w = NULL; /* 节约二千八百亿元: 约 ends a longer word, it is no approximation */
    if (w) {
        *ap = (enum keyfig_approx)w->attr;
        return at - w->len;
    }
    size_t p = chars_prev(s, at);
    int l;
    uint32_t c = p >= floor && p < at ? chars_cp_at(s, at, p, &l) : 0;
    if (c == 0x662F || c == 0x4E3A || c == 0x6709 || c == 0x8FBE || c == 0x5360) { /* 是 为 有 达 占 */
        w = lex_before(&lx->approx_pre, s, floor, p);
        if (w) {
            *ap = (enum keyfig_approx)w->attr;
            return p - w->len;
        }
    }
    return at;
}

/* 1 when 的 stands in s[a..b). */
static int has_de(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i + 3 <= b; i++)
        if (!memcmp(s + i, "的", 3))
            return 1;
    return 0;
}

/* 1 when s[a..b) holds only list connectors: 下降5.6%和4% shares its verb. */
int qualify_only_connectors(const char *s, size_t a, size_t b)
{
    static const char *const conn[] = {"和", "、", "与", "及", "以及", "或", ","};
    while (a < b) {
        size_t k, n = sizeof conn / sizeof conn[0];
        for (k = 0; k < n; k++) {
            size_t l = strlen(conn[k]);
            if (a + l <= b && !memcmp(s + a, conn[k], l)) {
                a += l;
                break;
            }
        }
        if (k == n)
            return 0;
    }
    return 1;
}

/* The change word closest before `at` in its clause, within CHANGE_GAP_BYTES and with no
 * digit in between; and 由/从 before it, for 由X增加到Y. */
/* 1 when 至, 到 or 为 (after an optional 了) stands between a verb's end and the number. */
static int to_follows(const char *s, size_t p, size_t at)
{
    if (p + 3 <= at && !memcmp(s + p, "了", 3))
        p += 3;
    return p + 3 <= at && (!memcmp(s + p, "至", 3) || !memcmp(s + p, "到", 3) || !memcmp(s + p, "为", 3));
}

struct qualify_change qualify_change_before(const struct lexicon *lx, const char *s, size_t floor, size_t at)
{
    struct qualify_change ch = {(size_t)-1, 0, 0, 0, (size_t)-1};
    size_t lim = at > floor + CHANGE_GAP_BYTES ? at - CHANGE_GAP_BYTES : floor;
    for (size_t p = at; p >= lim && p > floor; p = chars_prev(s, p)) {
        const struct lex_word *w = lex_before(&lx->change, s, floor, p);
        if (w && w->attr % 16 == CHG_NOUN)
            break; /* 第三产业增加值1656亿元: a quantity named, not a change */
        if (w && (w->attr % 16) != CHG_BASIS) {
            if (has_de(s, p, at))
                break; /* 对全球经济增长的贡献率超过30%: the verb modifies a noun */
            ch.start = p - w->len;
            ch.end = p;
            ch.direction = w->attr / 16;
            ch.role = w->attr % 16;
            if (ch.role == CHG_VERB && ch.direction && to_follows(s, p, at))
                ch.role = CHG_TO; /* 压缩至5个工作日: any change verb with 至/到 gives the new value */
            break;
        }
        int l;
        uint32_t c = chars_cp_at(s, at, chars_prev(s, p), &l);
        if ((c >= '0' && c <= '9') || chars_is_clause_delim(c))
            break;
    }
    if (ch.start == (size_t)-1 || ch.role != CHG_TO)
        return ch;
    for (size_t p = ch.start; p > floor; p = chars_prev(s, p)) {
        const struct lex_word *w = lex_before(&lx->change, s, floor, p);
        if (w && w->attr % 16 == CHG_FROM) {
            ch.from_word = p - w->len;
            break;
        }
    }
    return ch;
}

int qualify_basis(const struct lexicon *lx, const char *s, size_t floor, size_t at, const char **basis)
{
    for (size_t p = at; p > floor; p = chars_prev(s, p)) {
        const struct lex_word *w = lex_before(&lx->change, s, floor, p);
        if (w && w->attr % 16 == CHG_BASIS) {
            *basis = w->word;
            return 1;
        }
    }
    return 0;
}

enum keyfig_approx qualify_approx_word(const struct lex_list *l, const char *s, size_t a, size_t b)
{
    if (a == (size_t)-1 || a >= b)
        return KEYFIG_APPROX_EXACT;
    const struct lex_word *w = lex_at(l, s, b, a);
    return w ? (enum keyfig_approx)w->attr : KEYFIG_APPROX_EXACT;
}

