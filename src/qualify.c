/* qualify: approximation and change words around a number, from approx.tsv and change.tsv; the
 * particles, linking verbs, connectors and date characters between them from chars.tsv. */
#include <string.h>

#include "chars.h"
#include "lexicon.h"
#include "poslex.h"
#include "qualify.h"
#include "util.h"

#define CHANGE_GAP_BYTES 24    /* 为百姓减少费用207.7万元: up to 8 characters between verb and number */


#define ADVERB_GAP_CHARS 4 /* 最多只能开采27年: up to four characters of verb between adverb and number */

/* An adverb of approximation a short verb phrase before the number: 至少节省80美元, 约占整体15%,
 * 最多只能开采27年, 大致维持三成. Only words of two characters, and only about, at_least and
 * at_most: 近, 上 and 约 begin or end other words (近年来增长, 上涨, 签约总数增至12个). Not across 的 (最多的省份有300家), a
 * digit or a clause end. Returns the start of the word, or at. */
static size_t adverb_before(const struct lexicon *lx, const char *s, size_t floor, size_t at, enum keyfig_approx *ap)
{
    size_t p = at;
    for (int k = 0; k <= ADVERB_GAP_CHARS && p > floor; k++) {
        const struct lex_word *w = k ? lex_before(&lx->approx_pre, s, floor, p) : NULL;
        if (w && w->len >= 6 &&
            (w->attr == KEYFIG_APPROX_ABOUT || w->attr == KEYFIG_APPROX_AT_LEAST || w->attr == KEYFIG_APPROX_AT_MOST)) {
            *ap = (enum keyfig_approx)w->attr;
            return at; /* the words between stay the subject's or the verb's */
        }
        size_t q = chars_prev(s, p);
        int l;
        uint32_t c = chars_cp_at(s, p, q, &l);
        if ((c >= '0' && c <= '9') || lex_charset_has(&lx->charset[CHR_DE], c) || chars_is_clause_delim(lx, c) || c < 0x80)
            break;
        p = q;
    }
    return at;
}

/* An approximation word just before the number (约1600吨, 将近百分之三十三), also across
 * one linking character (大约是百分之十七). Returns the start of the word, or at. */
size_t qualify_approx_before(const struct lexicon *lx, const char *s, size_t floor, size_t at, enum keyfig_approx *ap)
{
    /* 约新台币8,755亿元: a currency named before the number stands between it and its qualifier */
    const struct lex_word *cur = lex_before(&lx->units, s, floor, at);
    if (cur && cur->attr == KEYFIG_KIND_MONEY && cur->len > 1)
        at -= cur->len;
    const struct lex_word *w = lex_before(&lx->approx_pre, s, floor, at);
    /* 突破每盎司2400美元: so does the measure a price is per (chars.tsv's role each, then a unit) */
    int el;
    if (!w && cur && (cur->attr == KEYFIG_KIND_MASS || cur->attr == KEYFIG_KIND_AREA || cur->attr == KEYFIG_KIND_VOLUME ||
                      cur->attr == KEYFIG_KIND_LENGTH) && at - cur->len > floor) { /* not 平均每天 */
        size_t e = chars_prev(s, at - cur->len);
        const struct lex_word *pw = lex_charset_has(&lx->charset[CHR_EACH], chars_cp_at(s, at, e, &el)) &&
                                            e + (size_t)el == at - cur->len ? lex_before(&lx->approx_pre, s, floor, e) : NULL;
        if (pw) {
            *ap = (enum keyfig_approx)pw->attr;
            return e - pw->len;
        }
    }
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
    if (lex_charset_has(&lx->charset[CHR_LINK], c)) { /* 是 为 有 达 占 */
        w = lex_before(&lx->approx_pre, s, floor, p);
        if (w) {
            *ap = (enum keyfig_approx)w->attr;
            return p - w->len;
        }
    }
    return adverb_before(lx, s, floor, at, ap);
}

/* 1 when s[a..b) holds only list connectors: 下降5.6%和4% shares its verb. */
int qualify_only_connectors(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    while (a < b) {
        const struct lex_word *w = lex_at(&lx->chars[CHR_CONNECTOR], s, b, a);
        if (!w)
            return 0;
        a += w->len;
    }
    return 1;
}

/* The change word closest before `at` in its clause, within CHANGE_GAP_BYTES and with no
 * digit in between; and 由/从 before it, for 由X增加到Y. */
/* 1 when 至, 到 or 为 (after an optional 了) stands between a verb's end and the number. */
static int to_follows(const struct lexicon *lx, const char *s, size_t p, size_t at)
{
    const struct lex_word *w = lex_at(&lx->chars[CHR_PERFECTIVE], s, at, p);
    if (w)
        p += w->len;
    return lex_at(&lx->chars[CHR_TO], s, at, p) != NULL;
}

/* 1 when only particles and a currency sign stand in s[p..at): 贵了$2.4, 加12%. */
static int next_to(const struct lexicon *lx, const char *s, size_t p, size_t at)
{
    p = chars_skip_particles(lx, s, p, at);
    const struct lex_word *w = lex_at(&lx->chars[CHR_CURRENCY], s, at, p);
    if (w)
        p += w->len;
    return chars_skip_particles(lx, s, p, at) == at;
}

static int is_digit_at(const char *s, size_t i)
{
    return s[i] >= '0' && s[i] <= '9';
}

/* The start of the run of date characters that ends at p: 2017年4月至9月, 2020/21年度 (至 only
 * between two dates). */
static size_t date_chars_before(const struct lexicon *lx, const char *s, size_t floor, size_t p)
{
    while (p > floor) {
        size_t q = chars_prev(s, p);
        int l;
        uint32_t c = chars_cp_at(s, p, q, &l);
        if ((c >= '0' && c <= '9') || lex_charset_has(&lx->charset[CHR_DATE], c)) {
            p = q;
            continue;
        }
        size_t r = q > floor ? chars_prev(s, q) : q;
        uint32_t b = r < q ? chars_cp_at(s, q, r, &l) : 0;
        if (lex_charset_has(&lx->charset[CHR_DATE_TO], c) && lex_charset_has(&lx->charset[CHR_DATE_UNIT], b)) { /* 月至9月 */
            p = q;
            continue;
        }
        break;
    }
    return p;
}

/* The start of the time word (今年, 上年同期, 年底) that ends at p, or p. */
static size_t time_word_before(const struct lexicon *lx, struct poslex_memo *memo, const char *s, size_t floor, size_t p)
{
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = poslex_segment_memo(lx, memo, s, floor, p, w, POSLEX_MAX_CHARS);
    while (n > 0 && w[n - 1].cls == POS_TIME && w[n - 1].end == p)
        p = w[--n].start;
    return p;
}

/* The start of the date phrase that ends at `at`, or at when there is none: 跌至2017年的16,200人,
 * 降至2017年4月至9月的61.8%, 暴跌至2020/21年度的5亿, 提高到今年的4.2%, 增至2023年底的500人.
 * The change word before the date still governs the number. The phrase holds a time word, or
 * begins with a four-digit year and holds 年. */
static size_t date_before(const struct lexicon *lx, struct poslex_memo *memo, const char *s, size_t floor, size_t at)
{
    size_t p = at;
    const struct lex_word *de = lex_before(&lx->chars[CHR_DE], s, floor, p);
    if (de)
        p -= de->len;
    size_t end = p;
    int timeword = 0;
    for (size_t was = (size_t)-1; p != was && p > floor;) {
        was = p;
        p = date_chars_before(lx, s, floor, p);
        size_t t = time_word_before(lx, memo, s, floor, p);
        timeword |= t < p;
        p = t;
    }
    if (p == end)
        return at;
    if (timeword)
        return p;
    if (p + 5 > end || !is_digit_at(s, p) || !is_digit_at(s, p + 1) || !is_digit_at(s, p + 2) ||
        !is_digit_at(s, p + 3) || is_digit_at(s, p + 4) || !lex_in(&lx->chars[CHR_YEAR], s, p, end))
        return at;
    return p;
}

/* Where 由 or 从 begins before a change word at `start`, or (size_t)-1: in its clause, or in the
 * clause before when that clause changes nothing itself (由2015年的77.7%，降至2017年的61.8%;
 * 从2016年组织15个城市试点，目前已经扩大到49个城市). */
static size_t from_word_before(const struct lexicon *lx, const char *s, size_t floor, size_t start)
{
    for (size_t p = start; p > floor; p = chars_prev(s, p)) {
        const struct lex_word *w = lex_before(&lx->change, s, floor, p);
        if (w && w->attr % 16 == CHG_FROM)
            return p - w->len;
    }
    if (floor == 0)
        return (size_t)-1;
    size_t before = chars_clause_start(lx, s, chars_prev(s, floor));
    for (size_t p = chars_prev(s, floor); p > before; p = chars_prev(s, p)) {
        const struct lex_word *w = lex_before(&lx->change, s, before, p);
        int role = w ? w->attr % 16 : -1;
        if (role == CHG_FROM)
            return p - w->len;
        if (role == CHG_VERB || role == CHG_TO || role == CHG_NEXT)
            return (size_t)-1; /* 从13个下降到9个，降幅为1/4: that clause had its own change */
    }
    return (size_t)-1;
}

/* 1 when a word of change.tsv ends somewhere in (floor, at]: the search below looks at no
 * other word, so without one there is no change to find and no date to skip (the date skip
 * segments the clause: most of the cost). */
static int change_word_ends_in(const struct lexicon *lx, const char *s, size_t floor, size_t at)
{
    for (size_t p = at; p > floor; p = chars_prev(s, p))
        if (lex_before(&lx->change, s, floor, p))
            return 1;
    return 0;
}

struct qualify_change qualify_change_before(const struct lexicon *lx, struct poslex_memo *memo, const char *s, size_t floor,
                                            size_t at)
{
    struct qualify_change ch = {(size_t)-1, 0, 0, 0, (size_t)-1};
    if (!change_word_ends_in(lx, s, floor, at))
        return ch;
    at = date_before(lx, memo, s, floor, at);
    size_t lim = at > floor + CHANGE_GAP_BYTES ? at - CHANGE_GAP_BYTES : floor;
    int noun = 0;
    for (size_t p = at; p >= lim && p > floor; p = chars_prev(s, p)) {
        const struct lex_word *w = lex_before(&lx->change, s, floor, p);
        if (w && w->attr % 16 == CHG_NOUN) {
            /* 第三产业增加值1656亿元: a quantity named, not a change; unless a verb changes that
             * quantity (拉高了出口整体增速2.1个百分点) */
            if (noun || p - w->len <= floor)
                break;
            noun = 1;
            p -= w->len;
            w = lex_before(&lx->change, s, floor, p);
            if (!w || w->attr % 16 == CHG_NOUN)
                goto next;
        }
        if (w && w->attr % 16 == CHG_NEXT && !next_to(lx, s, p, at))
            w = NULL; /* 加 and 贵 away from the number: 加强管理3年, 贵州3个 */
        if (w && noun && (w->attr % 16 != CHG_VERB || !(w->attr / 16)))
            break;
        if (w && (w->attr % 16) != CHG_BASIS) {
            int to = w->attr % 16 == CHG_TO || (w->attr / 16 && to_follows(lx, s, p, at));
            if (lex_in(&lx->chars[CHR_DE], s, p, at) && !(to && from_word_before(lx, s, floor, p - w->len) != (size_t)-1))
                break; /* 对全球经济增长的贡献率超过30%: the verb modifies a noun; but 由X提高到全国平均水平的Y */
            ch.start = p - w->len;
            ch.end = p;
            ch.direction = w->attr / 16;
            ch.role = w->attr % 16 == CHG_NEXT ? CHG_VERB : w->attr % 16;
            if (ch.role == CHG_VERB && ch.direction && to_follows(lx, s, p, at))
                ch.role = CHG_TO; /* 压缩至5个工作日: any change verb with 至/到 gives the new value */
            const struct lex_word *v = ch.role == CHG_TO && !ch.direction ? lex_before(&lx->change, s, floor, ch.start) : NULL;
            if (v && v->attr % 16 == CHG_VERB && v->attr / 16) {
                ch.start -= v->len; /* 总增幅达到919.6%, 涨价幅度达到17.5%: the word before 达到 gives the direction */
                ch.direction = v->attr / 16;
            }
            break;
        }
    next:;
        int l;
        uint32_t c = chars_cp_at(s, at, chars_prev(s, p), &l);
        if ((c >= '0' && c <= '9') || chars_is_clause_delim(lx, c))
            break;
    }
    if (ch.start != (size_t)-1 && ch.role == CHG_TO)
        ch.from_word = from_word_before(lx, s, floor, ch.start);
    return ch;
}

enum keyfig_basis qualify_basis(const struct lexicon *lx, const char *s, size_t floor, size_t at)
{
    for (size_t p = at; p > floor; p = chars_prev(s, p)) {
        const struct lex_word *w = lex_before(&lx->change, s, floor, p);
        if (w && w->attr % 16 == CHG_BASIS)
            return (enum keyfig_basis)w->factor;
    }
    return KEYFIG_BASIS_NONE;
}

enum keyfig_approx qualify_approx_word(const struct lex_list *l, const char *s, size_t a, size_t b)
{
    if (a == (size_t)-1 || a >= b)
        return KEYFIG_APPROX_EXACT;
    const struct lex_word *w = lex_at(l, s, b, a);
    return w ? (enum keyfig_approx)w->attr : KEYFIG_APPROX_EXACT;
}


int qualify_change_ending(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    const struct lex_word *w = a < b ? lex_before(&lx->change, s, a, b) : NULL;
    return w && (w->attr % 16 == CHG_VERB || w->attr % 16 == CHG_NOUN) ? w->attr / 16 : 0;
}

int qualify_change_after(const struct lexicon *lx, const char *s, size_t n, size_t at)
{
    const struct lex_word *de = lex_at(&lx->chars[CHR_DE], s, n, at);
    if (!de)
        return 0;
    const struct lex_word *w = lex_at(&lx->change, s, n, at + de->len);
    return w && (w->attr % 16 == CHG_VERB || w->attr % 16 == CHG_NOUN) ? w->attr / 16 : 0;
}
