/* subject: find what a figure is about, from the words of subject.tsv around the number. */
#include <string.h>

#include "chars.h"
#include "cnnum.h"
#include "lexicon.h"
#include "poslex.h"
#include "subject.h"
#include "text.h"
#include "util.h"

#define MAX_SUBJECT_CHARS 20   /* a subject longer than this is cut to its last characters (X与Y之比 runs to 18) */
#define MAX_FORWARD_CHARS 12   /* the noun after a classifier */


/* Classes that cannot begin a subject: 由2013年, 其中, 同比, 全年, 以上. */
static int cannot_begin(int cls)
{
    return cls == POS_ADV || cls == POS_FUNC || cls == POS_PRON || cls == POS_TIME || cls == POS_NUM ||
           cls == POS_PLACE || cls == POS_OTHER;
}

/* ... nor end one: 大致维持, 海外经贸办大, 标准煤 (a piece of 万吨标准煤). */
static int cannot_end(int cls)
{
    return cannot_begin(cls) || cls == POS_VERB || cls == POS_MOD;
}

const char *subject_rule_name(enum subject_rule r)
{
    static const char *const names[SUBJ_NRULES] = {NULL, "after_classifier", "head_after_de", "verb_object",
                                                    "before_number", "from_to", "list", "carried", "previous_clause", "base_value", "list_intro"};
    return r < SUBJ_NRULES ? names[r] : NULL;
}

void subject_ctx_init(struct subject_ctx *sx, const struct lexicon *lx, const char *s)
{
    sx->lx = lx;
    sx->s = s;
    sx->nsplits = sx->next = 0;
    sx->memo = NULL;
}

void subject_ctx_init_memo(struct subject_ctx *sx, const struct lexicon *lx, const char *s, struct poslex_memo *memo)
{
    subject_ctx_init(sx, lx, s);
    sx->memo = memo;
}

size_t subject_segment(struct subject_ctx *sx, const char *s, size_t a, size_t b, struct pos_word *out, size_t max)
{
    if (s != sx->s || max > POSLEX_MAX_CHARS)
        return poslex_segment_memo(sx->lx, sx->memo, s, a, b, out, max);
    for (unsigned i = 0; i < sx->nsplits; i++) {
        const struct subject_split *sp = &sx->split[i];
        if (sp->a == a && sp->b == b && sp->max == max) {
            memcpy(out, sp->w, sp->n * sizeof *out);
            return sp->n;
        }
    }
    struct subject_split *sp = &sx->split[sx->next];
    sx->next = (sx->next + 1) % SUBJECT_SPLITS;
    if (sx->nsplits < SUBJECT_SPLITS)
        sx->nsplits++;
    sp->a = a, sp->b = b, sp->max = max;
    sp->n = poslex_segment_memo(sx->lx, sx->memo, s, a, b, sp->w, max);
    memcpy(out, sp->w, sp->n * sizeof *out);
    return sp->n;
}

size_t subject_de_at(const struct lexicon *lx, const char *s, size_t n, size_t at)
{
    const struct lex_word *w = at < n ? lex_at(&lx->subject, s, n, at) : NULL;
    return w && w->attr == SUBJ_DE ? w->len : 0;
}

size_t subject_de_before(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    const struct lex_word *w = b > a ? lex_before(&lx->subject, s, a, b) : NULL;
    return w && w->attr == SUBJ_DE ? w->len : 0;
}

int subject_role_at(const struct lexicon *lx, const char *s, size_t n, size_t at, int *role)
{
    const struct lex_word *w = lex_at(&lx->subject, s, n, at);
    if (!w)
        return 0;
    *role = w->attr;
    return (int)w->len;
}

/* The noun phrase right after a classifier: 46辆巡回诊疗车累计 -> 巡回诊疗车. */
/* The length of the quote mark (article.tsv) at s[i], or 0. */
static size_t quote_at(const struct lexicon *lx, const char *s, size_t n, size_t i)
{
    for (size_t k = 0; k < lx->article.n; k++) {
        const struct lex_word *w = &lx->article.w[k];
        if (w->attr == ART_QUOTE && w->len && w->len <= n - i && !memcmp(w->word, s + i, w->len))
            return w->len;
    }
    return 0;
}

size_t subject_quoted_at(const struct lexicon *lx, const char *s, size_t n, size_t at)
{
    size_t q = at < n ? quote_at(lx, s, n, at) : 0, e = at + q, close = 0;
    if (!q)
        return at;
    for (int k = 0; e < n && k < MAX_FORWARD_CHARS && !(close = quote_at(lx, s, n, e)); k++) {
        int l;
        uint32_t c = chars_cp_at(s, n, e, &l);
        if (chars_is_sentence_delim(lx, c) || lex_charset_has(&lx->charset[CHR_COMMA], c))
            return at;
        e += (size_t)l;
    }
    return close && e > at + q ? e + close : at;
}

size_t subject_noun_after(struct subject_ctx *sx, const char *s, size_t n, size_t at)
{
    const struct lexicon *lx = sx->lx;
    if (subject_de_at(lx, s, n, at)) /* 之: 2萬2,907家之1.9% links on, names nothing */
        return at;
    if (at < n && s[at] == '(') { /* 3000万台(套)农业机械: another classifier in brackets */
        const char *close = memchr(s + at, ')', n - at < 12 ? n - at : 12);
        const struct lex_word *u = close ? lex_at(&lx->units, s, n, at + 1) : NULL;
        if (!u || at + 1 + u->len != (size_t)(close - s))
            return at; /* 3元(含税): an aside, not what was counted */
        at = (size_t)(close - s) + 1;
    }
    size_t i = at;
    for (int chars = 0; i < n && chars < MAX_FORWARD_CHARS; chars++) {
        int l, role;
        uint32_t c = chars_cp_at(s, n, i, &l);
        if (!lex_charset_has(&lx->charset[CHR_IDEOGRAPH], c) && !(c >= 'A' && c <= 'Z'))
            break;
        int wl = subject_role_at(lx, s, n, i, &role);
        size_t p = i > at ? chars_prev(s, i) : i;
        /* a boundary word that ends a verb begun right after the classifier is no boundary: 居于, 名为 */
        if (wl && (SUBJ_ENDS_PHRASE(role) || role == SUBJ_VERB) &&
            !(p == at && p < i && poslex_class(lx, s + p, i + (size_t)wl - p) == POS_VERB)) {
            /* nor one that begins a longer word of the text's split: 起 of 起点 */
            size_t e = chars_forward(s, n, i, 4);
            struct pos_word w[4];
            if (!(subject_segment(sx, s, i, e, w, 4) > 0 && w[0].end > i + (size_t)wl && POS_IS_NOUN(w[0].cls)))
                break;
            wl = (int)(w[0].end - i);
        }
        i += wl ? (size_t)wl : (size_t)l; /* a whole word: 企业参与 does not stop at 与 */
    }
    return i;
}

/* Skip leading dates and time words: 一九五四年预计现代工业的总产值 -> 现代工业的总产值. */
static size_t skip_dates(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    for (;;) {
        size_t i = a;
        int l, digits = 0;
        uint32_t c;
        /* a time frame before the number of years: 近五年, 过去三年 (chars.tsv's timeframe) */
        const struct lex_word *w = lex_at(&lx->chars[CHR_TIMEFRAME], s, b, i);
        if (w && i + w->len < b)
            i += w->len;
        while (i < b) {
            c = chars_cp_at(s, b, i, &l);
            if (!((c >= '0' && c <= '9') || (lx->numerals && cnnum_is_numeral_char(lx->numerals, c))))
                break;
            i += (size_t)l;
            digits++;
        }
        if (!digits || i >= b)
            return a;
        c = chars_cp_at(s, b, i, &l);
        if (!lex_charset_has(&lx->charset[CHR_PERIOD], c)) /* 年 月 日 季(度) */
            return a;
        i += (size_t)l;
        /* 1955年度, and time frames: 十年前的, 三年来 (chars.tsv's period_tail) */
        for (int k = 0; k < 3 && (w = lex_at(&lx->chars[CHR_PERIOD_TAIL], s, b, i)); k++)
            i += w->len;
        w = lex_at(&lx->subject, s, b, i);
        if (w && (w->attr == SUBJ_VERB || w->attr == SUBJ_DROP) && i + w->len < b)
            i += w->len;
        if (i >= b)
            return b; /* nothing but a date or a time frame: no subject here */
        a = i;
    }
}

/* Where the head noun after the last 的 of the clause begins, when 的 comes after the noun
 * phrase at `at` and before the clause ends; else 0. */
size_t subject_head_after_de(const struct lexicon *lx, const char *s, size_t n, size_t at)
{
    size_t last = 0;
    for (size_t i = at; i < n;) {
        int l;
        uint32_t c = chars_cp_at(s, n, i, &l);
        if (chars_is_clause_delim(lx, c) || (c >= '0' && c <= '9'))
            break;
        size_t de = subject_de_at(lx, s, n, i);
        if (de)
            last = i + de, l = (int)de;
        i += (size_t)l;
    }
    return last;
}

/* 两次降低存款准备金率: after an action counter the thing counted is a verb phrase; it runs from
 * the verb to the next boundary word. Returns at when no verb follows. */
size_t subject_verb_phrase_after(struct subject_ctx *sx, const char *s, size_t n, size_t at)
{
    const struct lexicon *lx = sx->lx;
    int role;
    const struct lex_word *chg = lex_at(&lx->change, s, n, at);
    int l = subject_role_at(lx, s, n, at, &role);
    size_t skip = chg ? chg->len : (l && role == SUBJ_VERB) ? (size_t)l : 0;
    if (!skip)
        return at;
    size_t e = subject_noun_after(sx, s, n, at + skip);
    return e > at + skip ? e : at;
}

/* 1 when the word of length len at `at` begins a longer word of the change or subject lists:
 * 增加 inside 第三产业增加值 is no verb. */
static int inside_longer_word(const struct lexicon *lx, const char *s, size_t n, size_t at, size_t len)
{
    const struct lex_word *c = lex_at(&lx->change, s, n, at), *w = lex_at(&lx->subject, s, n, at);
    return (c && c->len > len) || (w && w->len > len);
}

/* 1 when s[a, b) is a dictionary word of two characters or more. */
static int whole_word(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    return utf8_count(s + a, b - a) >= 2 && poslex_class(lx, s + a, b - a) >= 0;
}

/* The word of the text's split that spans offset at, looking a few characters either side, when
 * at cuts it badly: 1 with [*ws, *we) set to it, else 0. A compound whose two pieces are words of
 * two characters or more is cut well (价格|上涨: jieba has 价格上涨, but 上涨 is the change);
 * 平|均 and 获|益者 are not. s is NUL-terminated. */
static int word_across(struct subject_ctx *sx, const char *s, size_t a, size_t at, size_t *ws, size_t *we)
{
    const struct lexicon *lx = sx->lx;
    size_t lo = at, hi = at, lim = at + strnlen(s + at, 8);
    for (int k = 0; k < 4 && lo > a; k++)
        lo = chars_prev(s, lo);
    hi = chars_forward(s, lim, hi, 2);
    struct pos_word w[8];
    size_t n = lo < at && at < hi ? subject_segment(sx, s, lo, hi, w, 8) : 0;
    for (size_t i = 0; i < n; i++)
        if (w[i].start < at && w[i].end > at) {
            *ws = w[i].start, *we = w[i].end;
            return !(whole_word(lx, s, w[i].start, at) && whole_word(lx, s, at, w[i].end));
        }
    return 0;
}

/* Remove linking words at the end of [a, *b): 国内生产总值超过 -> 国内生产总值. */
static void trim_tail(struct subject_ctx *sx, const char *s, size_t a, size_t *b)
{
    const struct lexicon *lx = sx->lx;
    for (int again = 1; again && *b > a;) {
        again = 0;
        const struct lex_word *w, *word = lex_before(&lx->subject, s, a, *b);
        w = lex_before(&lx->approx_pre, s, a, *b);
        if (w && word && word->len > w->len)
            w = NULL; /* 员工总数, 节约: 数 and 约 end a longer word here, not an approximation */
        const struct lex_word *cur = lex_before(&lx->units, s, a, *b);
        if (cur && cur->attr == KEYFIG_KIND_MONEY && cur->len > 1 && !w)
            w = cur; /* 投入新台币152亿元: the currency before the number is no subject */
        if (w ||
            ((w = lex_before(&lx->change, s, a, *b)) && w->attr % 16 != CHG_NOUN)) {
            *b -= w->len;
            again = 1;
            continue;
        }
        w = lex_before(&lx->subject, s, a, *b);
        size_t ws, we;
        if (w && (w->attr == SUBJ_VERB || SUBJ_ENDS_PHRASE(w->attr)) &&
            !(word_across(sx, s, a, *b - w->len, &ws, &we) && we == *b)) { /* 均 of 平均 stays */
            *b -= w->len;
            again = 1;
            continue;
        }
        size_t de = subject_de_before(lx, s, a, *b);
        if (de) { /* 的 之: a modifier without its head */
            *b -= de;
            again = 1;
        }
    }
}

/* Leading particles go (3至5年的规划项目: no leading 的), but not the first character of a
 * listed noun (共享单车, 有机农产品). */
static size_t skip_leading_particles(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    while (a < b) {
        int l, role = -1;
        if (!chars_is_particle(lx, chars_cp_at(s, b, a, &l)))
            break;
        int wl = subject_role_at(lx, s, b, a, &role);
        if (wl > l && (role == SUBJ_NOUN || role == SUBJ_NOUNVERB))
            break;
        a += (size_t)l;
    }
    return a;
}

/* 1 when an adverb stands right before the verb at v, making it the clause's predicate (将提高…的
 * 补贴上限), not the verb of a relative clause (参加医保的农村居民). */
static int predicate_verb(struct subject_ctx *sx, const char *s, size_t a, size_t v)
{
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = v > a ? subject_segment(sx, s, a, v, w, POSLEX_MAX_CHARS) : 0;
    return n > 0 && w[n - 1].cls == POS_ADV;
}

/* The metric named before the number: the text after the last verb of the clause that
 * leaves something after it (开展巡回医疗服务 -> 巡回医疗服务), minus leading place words. */
/* 1 when the compare word s[i, i+l), which the split joins to a word, still introduces a time as
 * its base: it begins a word whose rest is a time word or pronoun (较前年, 较去年), or a time word
 * follows it (价格比去年同期上涨: 价格比 is one word to jieba). */
static int compare_and_time(struct subject_ctx *sx, const char *s, size_t a, size_t b, size_t i, size_t l, int role)
{
    size_t xs, xe;
    if (role != SUBJ_COMPARE)
        return 0;
    if (word_across(sx, s, a, i + l, &xs, &xe) && xs == i && xe <= b) {
        int c = poslex_class(sx->lx, s + i + l, xe - i - l);
        return c == POS_TIME || c == POS_PRON;
    }
    size_t e = chars_forward(s, b, i + l, 4);
    struct pos_word w[4];
    return e > i + l && subject_segment(sx, s, i + l, e, w, 4) > 0 && (w[0].cls == POS_TIME || w[0].cls == POS_PRON);
}

int subject_cuts_word(struct subject_ctx *sx, const char *s, size_t a, size_t v, size_t e)
{
    size_t xs, xe;
    return word_across(sx, s, a, e, &xs, &xe) || word_across(sx, s, a, v, &xs, &xe);
}

void subject_before(struct subject_ctx *sx, const char *s, size_t a, size_t b, size_t *ss, size_t *se)
{
    const struct lexicon *lx = sx->lx;
    size_t ws, we;
    if (word_across(sx, s, a, b, &ws, &we) && ws > a)
        b = ws; /* 每年平|均有2660宗: a subject never ends in half a word (平均) */
    b = chars_skip_parenthetical(s, a, b);
    /* a comparison: the subject stands before its base (投资总额又比一九五三年增加) */
    for (size_t i = a; i < b;) {
        int role, l = subject_role_at(lx, s, b, i, &role);
        int base = l && (role == SUBJ_BASE || role == SUBJ_SHARE || role == SUBJ_COMPARE || role == SUBJ_MANNER);
        const struct lex_word *basis = base ? lex_before(&lx->change, s, a, i + (size_t)l) : NULL;
        if (base && !(basis && basis->attr % 16 == CHG_BASIS) &&
            (!subject_cuts_word(sx, s, a, i, i + (size_t)l) || compare_and_time(sx, s, a, b, i, (size_t)l, role))) {
            /* 同比 is no base, nor 占 of 市场占有率; but 较前年 (one word to jieba) is 较 and 前年 */
            b = i;
            break;
        }
        if (!l) /* a whole word at a time: 占比 is no base 占 */
            chars_cp_at(s, b, i, &l);
        i += (size_t)l;
    }
    trim_tail(sx, s, a, &b);
    /* 基本建设投资额(包括…)共为86.3亿元: the parenthetical after the subject goes too */
    size_t before_paren = chars_skip_parenthetical(s, a, b);
    if (before_paren < b) {
        b = before_paren;
        trim_tail(sx, s, a, &b);
    }
    size_t start = a;
    /* a list label before the subject: (一)工业支出 */
    if (start < b && s[start] == '(') {
        const char *close = memchr(s + start, ')', b - start < 12 ? b - start : 12);
        if (close && (size_t)(close - s) + 1 < b)
            start = (size_t)(close - s) + 1;
    }
    size_t label_end = start;
    /* a verb before the last 的 that has a noun after it stands in a relative clause and keeps
     * it: 全面完成四种计划的企业, 参加医保的农村居民 */
    size_t head = label_end;
    for (size_t p = label_end; p < b; p = chars_next(s, b, p)) {
        size_t de = subject_de_at(lx, s, b, p);
        if (de && p + de < b)
            head = p + de;
    }
    size_t xs, xe;
    for (size_t p = b; p > label_end; p = chars_prev(s, p)) {
        const struct lex_word *w = lex_before(&lx->subject, s, a, p);
        if (w && w->attr == SUBJ_VERB && p < b && p - w->len >= label_end &&
            !inside_longer_word(lx, s, b, p - w->len, w->len) &&
            !word_across(sx, s, a, p, &xs, &xe) && /* the subject begins after it: not 获 of 获益者 */
            !(word_across(sx, s, a, p - w->len, &xs, &xe) && !(xe == p && poslex_class(lx, s + xs, xe - xs) == POS_VERB)) &&
            (p > head || predicate_verb(sx, s, label_end, p - w->len))) {
            start = p;
            break;
        }
    }
    for (int again = 1; again;) {
        int role, l = subject_role_at(lx, s, b, start, &role);
        /* a leading place word goes when something follows it; a time frame goes always: 平均每天
         * alone is no subject, and the claim then takes the sentence's subject */
        again = l && ((role == SUBJ_DROP && start + (size_t)l < b) || (role == SUBJ_FRAME && start + (size_t)l <= b));
        if (again)
            start += (size_t)l;
    }
    start = skip_leading_particles(lx, s, start, b); /* 到2030年人均预期寿命 */
    start = skip_dates(lx, s, start, b);
    start = skip_leading_particles(lx, s, start, b);
    /* keep the last MAX_SUBJECT_CHARS characters: the head of a Chinese noun phrase is last */
    size_t chars = utf8_count(s + start, b - start);
    int cut = chars > MAX_SUBJECT_CHARS;
    while (chars-- > MAX_SUBJECT_CHARS) {
        int l;
        chars_cp_at(s, b, start, &l);
        start += (size_t)l;
    }
    if (cut && word_across(sx, s, a, start, &ws, &we) && we < b)
        start = we; /* 合资|格参加…: nor begins in one */
    *ss = start;
    *se = b;
}

#define FRAME_CLAUSES 3 /* clauses of time or condition skipped back to the one naming the subject */

/* 1 when the clause [a, b) sets a frame (在政策介入后, 随着需求增加, 据统计): it begins with a
 * preposition and holds no 的, so it names no metric for the figure after it. */
static int frame_clause(struct subject_ctx *sx, const char *s, size_t a, size_t b)
{
    const struct lexicon *lx = sx->lx;
    struct pos_word w[POSLEX_MAX_CHARS];
    /* the test for 的 first: it needs no split (each test alone says no) */
    for (size_t i = a; i < b; i = chars_next(s, b, i)) /* 在工农业生产总值中现代工业所占的比重: a noun with its frame */
        if (subject_de_at(lx, s, b, i))
            return 0;
    size_t first = chars_forward(s, b, a, 8); /* its first characters are enough */
    size_t n = subject_segment(sx, s, a, first, w, POSLEX_MAX_CHARS);
    if (!n || w[0].cls != POS_FUNC)
        return 0;
    /* 在疫情下医管局盈余大幅下跌: a frame inside a clause that goes on to its own subject and
     * verb; a frame clause ends with its locative or time word (在政策介入后, 截至目前) */
    n = subject_segment(sx, s, a, b, w, POSLEX_MAX_CHARS);
    return !(n > 1 && w[n - 1].cls != POS_PLACE && w[n - 1].cls != POS_TIME);
}

/* 1 when w is a function word of a clause, not of a noun phrase: neither a subject.tsv role
 * word (的, 和, 、) nor punctuation (公屋/綠置居). */
static int clause_word(const struct lexicon *lx, const char *s, const struct pos_word *w)
{
    int role, l;
    if (w->cls != POS_FUNC || subject_role_at(lx, s, w->end, w->start, &role))
        return 0;
    return lex_charset_has(&lx->charset[CHR_IDEOGRAPH], chars_cp_at(s, w->end, w->start, &l));
}

/* 1 when the noun phrase [ss, se) found in the clause [a, ...) opens that clause (but 整体预算
 * 没有明显调整，1.28亿…: only words that cannot begin a subject stand before it) and is no verb
 * with its object (扣除价格因素，实际增长8.1%: an aside, not what grew), unless a 的 makes it a
 * noun with a relative clause (没有转为公私合营的…比重). */
static int names_topic(struct subject_ctx *sx, const char *s, size_t a, size_t ss, size_t se)
{
    const struct lexicon *lx = sx->lx;
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = subject_segment(sx, s, a, se, w, POSLEX_MAX_CHARS);
    int de = 0;
    for (size_t i = a; i < se; i = chars_next(s, se, i))
        de |= subject_de_at(lx, s, se, i) > 0;
    for (size_t i = 0; i < n && !de; i++)
        if (w[i].start >= ss && clause_word(lx, s, &w[i]))
            return 0; /* 這類人士若被視作健全成人: a conjunction or a passive inside makes a clause */
    for (size_t i = 0; i < n; i++) {
        if (w[i].start >= ss)
            return de || w[i].cls != POS_VERB;
        if (!cannot_begin(w[i].cls) && !de)
            return 0;
    }
    return 1;
}

/* The noun phrase a clause opens with, its topic: 整体预算没有明显调整 -> 整体预算. */
static int leading_noun_phrase(struct subject_ctx *sx, const char *s, size_t a, size_t b, size_t *ss, size_t *se)
{
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = subject_segment(sx, s, a, b, w, POSLEX_MAX_CHARS), first = 0, last;
    while (first < n && cannot_begin(w[first].cls))
        first++;
    for (last = first; last < n && (POS_IS_NOUN(w[last].cls) || w[last].cls == POS_MOD); last++)
        ;
    while (last > first && !POS_IS_NOUN(w[last - 1].cls))
        last--;
    if (last == first || utf8_count(s + w[first].start, w[last - 1].end - w[first].start) < 2)
        return 0;
    *ss = w[first].start, *se = w[last - 1].end;
    return 1;
}

int subject_of_previous_clause(struct subject_ctx *sx, const char *s, size_t limit, size_t floor, int actions,
                               size_t *ss, size_t *se)
{
    const struct lexicon *lx = sx->lx;
    for (int k = 0; k < FRAME_CLAUSES && floor > limit; k++) {
        size_t end = chars_prev(s, floor); /* the delimiter ending the previous clause */
        int l;
        uint32_t c = chars_cp_at(s, floor, end, &l);
        if (!lex_charset_has(&lx->charset[CHR_COMMA], c) && !lex_charset_has(&lx->charset[CHR_COLON], c))
            return 0;
        size_t start = chars_clause_start(lx, s, end);
        if (start < limit)
            start = limit;
        if (!frame_clause(sx, s, start, end)) {
            int found = (subject_before_np(sx, s, start, end, actions, ss, se) && names_topic(sx, s, start, *ss, *se)) ||
                        leading_noun_phrase(sx, s, start, end, ss, se); /* 整体预算没有明显调整，1.28亿… */
            if (!found)
                return 0;
            if (!subject_is_measure(sx, s, *ss, *se))
                return 1;
            /* 警务处…增加预算，本年度增幅回落，但仍然增加7.1%: a measure names no metric; the
             * clause before may */
        }
        floor = start;
    }
    return 0;
}

/* 1 when a word of subject.tsv with one of the roles in the bit set `roles` (1u << role) begins at
 * a character of s[a, b). */
static int holds_role(const struct lexicon *lx, const char *s, size_t a, size_t b, unsigned roles)
{
    for (size_t i = a; i < b; i = chars_next(s, b, i)) {
        int role;
        if (subject_role_at(lx, s, b, i, &role) && (roles >> role & 1u))
            return 1;
    }
    return 0;
}

int subject_has_base_word(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    return holds_role(lx, s, a, b, 1u << SUBJ_BASE | 1u << SUBJ_COMPARE);
}

int subject_has_money_word(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    int pl;
    if (a < b && lex_charset_has(&lx->charset[CHR_PERSON], chars_cp_at(s, b, chars_prev(s, b), &pl)))
        return 0; /* 6600多万纳税人: people, counted */
    return holds_role(lx, s, a, b, 1u << SUBJ_MONEY);
}

/* Classes that end a noun phrase read forwards (46辆巡回诊疗车累计开展: the phrase stops before
 * 累计): everything but nouns, adjectives and verbs, which stand inside one (巡回诊疗车). */
static int ends_forward(int cls)
{
    /* 二级以上医疗机构, 县域医疗次中心: locatives and measure words stand inside one too */
    return cls == POS_ADV || cls == POS_FUNC || cls == POS_PRON || cls == POS_TIME;
}

/* 1 when w is a verb of change.tsv or subject.tsv (增加, 达到; 超过, a base of subject.tsv
 * that is also a verb): such a verb after a count says what happened to the count (79,659人增加),
 * it is not what was counted. */
static int listed_verb(const struct lexicon *lx, const char *s, const struct pos_word *w)
{
    const struct lex_word *c = lex_at(&lx->change, s, w->end, w->start), *v = lex_at(&lx->subject, s, w->end, w->start);
    return (c && c->len == w->end - w->start && c->attr % 16 != CHG_NOUN) ||
           (v && v->len == w->end - w->start && (v->attr == SUBJ_VERB || (v->attr == SUBJ_BASE && w->cls == POS_VERB)));
}

int subject_linking_verb(const struct lexicon *lx, const char *s, const struct pos_word *w)
{
    int l;
    uint32_t c = chars_cp_at(s, w->end, w->start, &l);
    return (size_t)l == w->end - w->start && lex_charset_has(&lx->charset[CHR_LINK], c);
}

/* 1 when w[i..n) begins with a threshold that modifies the noun after it: numerals, maybe a
 * conjunction, a locative, maybe 的, then a noun (60岁及以上人口, 3个月或以上的求职者). */
static int threshold_modifier(const struct pos_word *w, size_t i, size_t n)
{
    size_t j = i;
    while (j < n && w[j].cls == POS_NUM)
        j++;
    if (j == i)
        return 0;
    if (j < n && w[j].cls == POS_FUNC && j + 1 < n && w[j + 1].cls == POS_PLACE)
        j++;
    if (j == n || w[j].cls != POS_PLACE)
        return 0;
    j++;
    if (j < n && w[j].cls == POS_FUNC)
        j++;
    return j < n && POS_IS_NOUN(w[j].cls);
}

/* 1 when w is a perfective particle alone (chars.tsv's role perfective: 了): what stands before it
 * is a verb and what it did (支撑了国民经济增速: the subject is 国民经济增速). */
static int perfective(const struct lexicon *lx, const char *s, const struct pos_word *w)
{
    const struct lex_word *p = lex_at(&lx->chars[CHR_PERFECTIVE], s, w->end, w->start);
    return p && p->len == w->end - w->start;
}

/* 1 when w ends with a character of chars.tsv's role period (年 月 日 季). */
static int ends_period(const struct lexicon *lx, const char *s, const struct pos_word *w)
{
    int l;
    return lex_charset_has(&lx->charset[CHR_PERIOD], chars_cp_at(s, w->end, chars_prev(s, w->end), &l));
}

/* 1 when w is a word of two characters or more that places or points (去年, 全市, 各类, 年度). */
static int places_only(const struct lexicon *lx, const char *s, const struct pos_word *w)
{
    int role;
    size_t len = w->end - w->start;
    if (utf8_count(s + w->start, len) < 2)
        return 0;
    if (w->cls == POS_TIME) { /* pos.tsv's time words (年度, 同期); jieba's t also tags 青年, 现代 */
        const struct lex_word *p = lex_at(&lx->pos, s, w->end, w->start);
        return p && p->len == len;
    }
    return w->cls == POS_PRON && subject_role_at(lx, s, w->end, w->start, &role) == (int)len ? role == SUBJ_DROP
                                                                                            : w->cls == POS_PRON;
}

static int narrow(struct subject_ctx *sx, const char *s, size_t *ss, size_t *se, int forward, int actions)
{
    const struct lexicon *lx = sx->lx;
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = subject_segment(sx, s, *ss, *se, w, POSLEX_MAX_CHARS);
    size_t first = 0, last = n;
    while (first < last && cannot_begin(w[first].cls) && !threshold_modifier(w, first, n))
        first++;
    if (forward) /* 人数不断下跌 -> 人数: the noun after a classifier ends at its first adverb */
        for (last = first; last < n && !ends_forward(w[last].cls); last++)
            ;
    /* a phrase of verbs alone names an action, the thing a count of actions counts (全年共接诊
     * 74772人次, 20多人次进修学习), unless a verb is one that links a figure (增加, 达到) */
    if (forward && first < last && w[first].cls == POS_VERB && subject_linking_verb(lx, s, &w[first])) {
        *se = *ss; /* 4至5萬人是申領…: a linking verb after the count begins the predicate */
        return 0;
    }
    int verbs = (forward || actions) && last > first;
    for (size_t i = first; i < last; i++)
        verbs &= w[i].cls == POS_VERB && !listed_verb(lx, s, &w[i]);
    /* what ends a subject read forwards may be a verb: 20多人次赴上海进修学习 counts visits to
     * study, not 上海; read backwards, a verb is what links the subject to its figure */
    while (!verbs && last > first && cannot_end(w[last - 1].cls) &&
           !(forward && w[last - 1].cls == POS_VERB && w[first].cls == POS_VERB)) /* 4000名员工参与: the predicate */
        last--;
    /* 该公司去年营业收入, XX市各类人才, 中央财政3年投入: a word that only places a subject
     * (subject.tsv's drop words, pronouns, two characters or more as 则 and 每 are also pieces of
     * names; a numeral of a period, not 年 alone: 钾肥年需求量) inside the phrase ends what placed
     * it, as 了 ends a verb and its doing (支撑了国民经济); the metric is what follows */
    for (size_t i = last; !forward && !verbs && i-- > first + 1;)
        if ((places_only(lx, s, &w[i]) || perfective(lx, s, &w[i]) ||
             (w[i].cls == POS_NUM && w[i - 1].cls == POS_NUM && w[first].cls != POS_NUM && ends_period(lx, s, &w[i]))) &&
            i + 1 < last) {
            first = i + 1;
            while (first < last && cannot_begin(w[first].cls))
                first++;
            break;
        }
    int noun = verbs;
    for (size_t i = first; i < last; i++)
        noun |= POS_IS_NOUN(w[i].cls);
    size_t chars = noun ? utf8_count(s + w[first].start, w[last - 1].end - w[first].start) : 0;
    if (!noun || chars < 2 - (size_t)(forward && !verbs)) { /* 13个省; but 9.2万户居于: no verb 居 */
        *se = *ss;
        return 0;
    }
    *ss = w[first].start;
    *se = w[last - 1].end;
    return 1;
}

int subject_np(struct subject_ctx *sx, const char *s, size_t *ss, size_t *se, int actions)
{
    return narrow(sx, s, ss, se, 0, actions);
}

int subject_np_after(struct subject_ctx *sx, const char *s, size_t *ss, size_t *se)
{
    return narrow(sx, s, ss, se, 1, 1);
}

int subject_noun_phrase(const struct lexicon *lx, const char *s, size_t *ss, size_t *se, int actions)
{
    struct subject_ctx sx;
    subject_ctx_init(&sx, lx, s);
    return narrow(&sx, s, ss, se, 0, actions);
}

int subject_noun_phrase_after(const struct lexicon *lx, const char *s, size_t *ss, size_t *se)
{
    struct subject_ctx sx;
    subject_ctx_init(&sx, lx, s);
    return narrow(&sx, s, ss, se, 1, 1);
}

#define LIST_BACK_CHARS 80 /* how far back from 分别 a list may begin */

/* 1 for the punctuation that ends the stretch a list can stand in: a list runs across 、 but
 * not across a comma or a sentence end. */
static int ends_list(const struct lexicon *lx, uint32_t c)
{
    return chars_is_sentence_delim(lx, c) || lex_charset_has(&lx->charset[CHR_COMMA], c) ||
           lex_charset_has(&lx->charset[CHR_COLON], c);
}

/* Where the stretch of a list ending at `end` begins: after the last comma or sentence end,
 * at most LIST_BACK_CHARS back. */
static size_t list_start(const struct lexicon *lx, const char *s, size_t end)
{
    size_t a = end;
    for (int k = 0; a > 0 && k < LIST_BACK_CHARS; k++) {
        size_t p = chars_prev(s, a);
        int l;
        if (ends_list(lx, chars_cp_at(s, a, p, &l)))
            break;
        a = p;
    }
    return a;
}

/* Where the first item of a list begins: after the last particle before it (下降的是衣着、… ->
 * 衣着), so that what the clause says of the list stays out of its first item. */
static size_t after_last_particle(struct subject_ctx *sx, const char *s, size_t a, size_t b)
{
    const struct lexicon *lx = sx->lx;
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = subject_segment(sx, s, a, b, w, POSLEX_MAX_CHARS);
    for (size_t i = n; i-- > 0;) /* but 的 links a noun to its item (城镇居民的收入、…) */
        if (w[i].cls == POS_FUNC && subject_de_at(lx, s, w[i].end, w[i].start) != w[i].end - w[i].start)
            return w[i].end;
    return a;
}

/* Split [a, b) at its join words (all of them, or with only_comma at 、 alone) into noun
 * phrases; returns how many were written to items. */
static size_t split_list(struct subject_ctx *sx, const char *s, size_t a, size_t b, int only_comma,
                         size_t (*items)[2], size_t max)
{
    const struct lexicon *lx = sx->lx;
    size_t n = 0, item = a;
    for (size_t i = a; i <= b && n < max;) {
        int role = -1, wl = i < b ? subject_role_at(lx, s, b, i, &role) : 0;
        int l;
        int joins = wl && role == SUBJ_JOIN && (!only_comma || lex_charset_has(&lx->charset[CHR_ENUM], chars_cp_at(s, b, i, &l))); /* 、 */
        if (i == b || joins) {
            size_t ss = n ? item : after_last_particle(sx, s, item, i), se = i;
            if (subject_np(sx, s, &ss, &se, 0)) {
                items[n][0] = ss, items[n][1] = se;
                n++;
            }
            if (i == b)
                break;
            i += (size_t)wl;
            item = i;
            continue;
        }
        chars_cp_at(s, b, i, &l);
        i += wl ? (size_t)wl : (size_t)l;
    }
    return n;
}

size_t subject_list_items(struct subject_ctx *sx, const char *s, size_t list_word, size_t (*items)[2], size_t max,
                          size_t want)
{
    const struct lexicon *lx = sx->lx;
    size_t a = list_start(lx, s, list_word), b = list_word;
    size_t ps = a, pe = b;
    if (a > 0 && !subject_np(sx, s, &ps, &pe, 0)) { /* 下降的是A和B，分别下降…: the list */
        b = chars_prev(s, a);                                 /* stands in the clause before */
        a = list_start(lx, s, b);
    }
    size_t n = split_list(sx, s, a, b, 0, items, max);
    if (n == want || want > max)
        return n;
    /* 家庭设备用品及维修服务和交通通讯: 及 and 和 may join words inside one item; split at 、
     * alone, then the last item at its last join word */
    size_t m = split_list(sx, s, a, b, 1, items, max);
    if (m + 1 == want && m > 0) {
        size_t ls = items[m - 1][0], le = items[m - 1][1], cut = (size_t)-1, cut_len = 0;
        for (size_t i = ls; i < le;) {
            int role, wl = subject_role_at(lx, s, le, i, &role), l;
            if (wl && role == SUBJ_JOIN)
                cut = i, cut_len = (size_t)wl;
            chars_cp_at(s, le, i, &l);
            i += wl ? (size_t)wl : (size_t)l;
        }
        size_t s1 = ls, e1 = cut, s2 = cut + cut_len, e2 = le;
        if (cut != (size_t)-1 && subject_np(sx, s, &s1, &e1, 0) && subject_np(sx, s, &s2, &e2, 0)) {
            items[m - 1][0] = s1, items[m - 1][1] = e1;
            items[m][0] = s2, items[m][1] = e2;
            return m + 1;
        }
    }
    return m == want ? m : split_list(sx, s, a, b, 0, items, max);
}

int subject_only_joins(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    while (a < b) {
        int role, wl = subject_role_at(lx, s, b, a, &role);
        if (!wl || role != SUBJ_JOIN)
            return 0;
        a += (size_t)wl;
    }
    return 1;
}

/* 房价收入比从9.2倍…, 房价收入比为8.5倍: a one-character compare word (比) right after a noun
 * phrase ending at e, with no base after it (the stretch ends, or a linking verb follows), ends
 * the name of a ratio: the end of the name with it; else e. */
static size_t ratio_end(const struct lexicon *lx, const char *s, size_t e, size_t b)
{
    int role, l, cl;
    if (e >= b || !(l = subject_role_at(lx, s, b, e, &role)) || role != SUBJ_COMPARE)
        return e;
    chars_cp_at(s, b, e, &cl);
    if (l != cl)
        return e;
    size_t after = e + (size_t)l;
    if (after == b) /* the stretch ends at 从 or 由, not at a number the word compares with (较155年) */
        return s[b] && !cnnum_is_numeral_char(lx->numerals, chars_cp_at(s, b + strnlen(s + b, 4), b, &cl)) ? after : e;
    return lex_charset_has(&lx->charset[CHR_LINK], chars_cp_at(s, b, after, &cl)) ? after : e;
}

int subject_before_np(struct subject_ctx *sx, const char *s, size_t a, size_t b, int actions, size_t *ss, size_t *se)
{
    const struct lexicon *lx = sx->lx;
    subject_before(sx, s, a, b, ss, se);
    size_t cut = *ss;
    if (*se > *ss && subject_np(sx, s, ss, se, actions)) {
        *se = ratio_end(sx->lx, s, *se, b);
        return 1;
    }
    /* nothing after the last verb (输气量稳定在每日100万方): the subject is what stands before it */
    size_t p = cut;
    const struct lex_word *v = NULL;
    for (; p > a; p = chars_prev(s, p))
        if ((v = lex_before(&lx->subject, s, a, p)) && v->attr == SUBJ_VERB)
            break;
    if (p <= a || !v || p - v->len <= a)
        return *se = *ss, 0;
    subject_before(sx, s, a, p - v->len, ss, se);
    return *se > *ss && subject_np(sx, s, ss, se, actions);
}

/* 1 when the word at w ends the whole a share is of read forwards (占全国30%: 全国): an adverb,
 * numeral or particle, or a verb that links a figure (为, 达到, 增长). */
static int ends_whole(const struct lexicon *lx, const char *s, const struct pos_word *w)
{
    return w->cls == POS_ADV || w->cls == POS_NUM || w->cls == POS_FUNC || listed_verb(lx, s, w);
}

int subject_share_phrase(struct subject_ctx *sx, const char *s, size_t a, size_t b, size_t *ps, size_t *pe)
{
    const struct lexicon *lx = sx->lx;
    size_t at = (size_t)-1, e = 0, de = (size_t)-1;
    for (size_t i = a; i < b;) {
        if (s[i] == '(') { /* 所占的百分比(占同年个案): an aside names no share */
            const char *close = memchr(s + i, ')', b - i);
            if (close) {
                i = (size_t)(close - s) + 1;
                continue;
            }
        }
        if (at != (size_t)-1 && s[i] >= '0' && s[i] <= '9')
            break; /* 所占的比重由2014年的: the whole ends before a date or an earlier value */
        int role, l = subject_role_at(lx, s, b, i, &role);
        if (l && role == SUBJ_SHARE && !subject_cuts_word(sx, s, a, i, i + (size_t)l))
            at = i, e = i + (size_t)l, de = (size_t)-1;
        if (!l) /* a whole word at a time: 占比 and 占地 are no share word */
            chars_cp_at(s, b, i, &l);
        if (at != (size_t)-1 && l && role == SUBJ_DE)
            de = i;
        i += (size_t)l;
    }
    if (at == (size_t)-1)
        return 0;
    size_t end = e;
    if (de != (size_t)-1) { /* 占本年支出的47%, 占GDP的比重稳定在: the whole runs to the last 的 */
        end = de;
        size_t after = de + subject_de_at(lx, s, b, de);
        struct pos_word w[2];
        if (subject_segment(sx, s, after, b, w, 2) > 0 && w[0].start == after && w[0].cls == POS_MEASURE)
            end = w[0].end; /* 的比重 */
    } else { /* 占全国30%: the words before the first that cannot stand in a noun */
        struct pos_word w[POSLEX_MAX_CHARS];
        size_t n = subject_segment(sx, s, e, b, w, POSLEX_MAX_CHARS);
        for (size_t i = 0; i < n && w[i].start == end && !ends_whole(lx, s, &w[i]); i++)
            end = w[i].end;
    }
    if (end == e)
        return 0; /* 占73%: the whole is named elsewhere */
    *ps = at, *pe = end;
    return 1;
}

int subject_base_value(struct subject_ctx *sx, const char *s, size_t a, size_t b, int share, size_t *ss, size_t *se)
{
    const struct lexicon *lx = sx->lx;
    size_t at = (size_t)-1;
    for (size_t i = a; i < b;) {
        int role, l = subject_role_at(lx, s, b, i, &role);
        if (l && role == SUBJ_COMPARE)
            at = i + (size_t)l;
        if (!l)
            chars_cp_at(s, b, i, &l);
        i += (size_t)l;
    }
    if (at == (size_t)-1 || at >= b)
        return 0;
    size_t de = subject_de_before(lx, s, at, b);
    if (de && share)
        return 0; /* 较上年的80%: a ratio to the base, not its value */
    b -= de;      /* 较原先预测的544亿元: the base's value */
    size_t ns = at, ne = b;
    if (!subject_np(sx, s, &ns, &ne, 0) || ne != b)
        return 0; /* 比上年增长5%: the base is followed by what changed */
    *ss = ns, *se = ne;
    return 1;
}

/* 1 when w is a linking verb of one character or a share word (是 为 有 占 占到). */
static int links_figure(const struct lexicon *lx, const char *s, const struct pos_word *w)
{
    int role;
    return subject_linking_verb(lx, s, w) ||
           (subject_role_at(lx, s, w->end, w->start, &role) == (int)(w->end - w->start) && role == SUBJ_SHARE);
}

/* 1 when [a, b) ends, as characters, the way a headless relative does: 的, a linking or share
 * word, maybe 了. A test with no split, made first since most stretches end otherwise. */
static int ends_like_headless(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    int l;
    size_t p = chars_prev(s, b);
    if (p >= a && p < b && lex_charset_has(&lx->charset[CHR_PERFECTIVE], chars_cp_at(s, b, p, &l)))
        b = p; /* 占了 */
    const struct lex_word *share = b > a ? lex_before(&lx->subject, s, a, b) : NULL;
    p = chars_prev(s, b);
    if (share && share->attr == SUBJ_SHARE)
        p = b - share->len;
    else if (!(p >= a && p < b && lex_charset_has(&lx->charset[CHR_LINK], chars_cp_at(s, b, p, &l))))
        return 0;
    return subject_de_before(lx, s, a, p) > 0;
}

int subject_headless_relative(struct subject_ctx *sx, const char *s, size_t a, size_t b, size_t *ss, size_t *se)
{
    const struct lexicon *lx = sx->lx;
    struct pos_word w[POSLEX_MAX_CHARS];
    if (a >= b || !ends_like_headless(lx, s, a, b))
        return 0;
    size_t n = subject_segment(sx, s, a, b, w, POSLEX_MAX_CHARS), k = n;
    int l;
    if (k > 0 && perfective(lx, s, &w[k - 1]))
        k--; /* 占了 */
    if (k < 3 || !links_figure(lx, s, &w[k - 1]) || subject_de_at(lx, s, w[k - 2].end, w[k - 2].start) != w[k - 2].end - w[k - 2].start)
        return 0;
    size_t first = 0, de = k - 2;
    for (size_t i = 0; i + 1 < de; i++) /* 中成药里频度为1的: the locative frames the part */
        if (w[i].cls == POS_PLACE && i > 0 && POS_IS_NOUN(w[i - 1].cls))
            first = i + 1;
    while (first < de && cannot_begin(w[first].cls) &&
           !(w[first].cls == POS_ADV && lex_charset_has(&lx->charset[CHR_NEGATION], chars_cp_at(s, w[first].end, w[first].start, &l))))
        first++; /* 不满意的 keeps its 不 */
    if (first == de || w[first].cls == POS_NUM)
        return 0;
    *ss = w[first].start, *se = w[de].end;
    return 1;
}

int subject_before_locative(struct subject_ctx *sx, const char *s, size_t a, size_t b, int actions, size_t *ss, size_t *se)
{
    const struct lexicon *lx = sx->lx;
    struct pos_word w[2];
    int l;
    size_t p = chars_prev(s, *ss), ns, ne;
    if (*se >= b)
        return 0;
    chars_cp_at(s, b, *se, &l); /* the character after the phrase: 里, 中 */
    if (p < a || p == *ss || subject_segment(sx, s, *se, *se + (size_t)l, w, 2) != 1 || w[0].cls != POS_PLACE)
        return 0;
    if (subject_segment(sx, s, p, *ss, w, 2) != 1 || w[0].cls != POS_FUNC || !subject_role_at(lx, s, *ss, p, &l))
        return 0; /* 在, 于: a preposition of subject.tsv */
    if (!subject_before_np(sx, s, a, p, actions, &ns, &ne))
        return 0;
    *ss = ns, *se = ne;
    return 1;
}

int subject_actor_before(struct subject_ctx *sx, const char *s, size_t a, size_t *ss, size_t se)
{
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = *ss < se ? subject_segment(sx, s, *ss, se, w, POSLEX_MAX_CHARS) : 0;
    for (size_t i = 0; i < n; i++)
        if (w[i].cls != POS_VERB)
            return 0;
    n = n && a < *ss ? subject_segment(sx, s, a, *ss, w, POSLEX_MAX_CHARS) : 0;
    size_t k = n;
    while (k > 0 && w[k - 1].cls == POS_ADV)
        k--;
    if (k == n || k == 0 || !POS_IS_NOUN(w[k - 1].cls))
        return 0;
    size_t ns = a, ne = w[k - 1].end;
    if (!subject_np(sx, s, &ns, &ne, 0) || ne != w[k - 1].end)
        return 0;
    *ss = ns;
    return 1;
}

size_t subject_before_predicate(struct subject_ctx *sx, const char *s, size_t a, size_t b)
{
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = a < b ? subject_segment(sx, s, a, b, w, POSLEX_MAX_CHARS) : 0;
    int noun = 0;
    for (size_t i = 0; i < n; i++) {
        if (noun && w[i].cls == POS_VERB)
            return w[i].start;
        noun |= POS_IS_NOUN(w[i].cls);
    }
    return b;
}

int subject_starts_with_verb(struct subject_ctx *sx, const char *s, size_t a, size_t b)
{
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = a < b ? subject_segment(sx, s, a, b, w, POSLEX_MAX_CHARS) : 0;
    /* an object of two characters or more: 建制村 is a noun made with a verb, not a clause */
    return n > 1 && w[0].cls == POS_VERB && utf8_count(s + w[0].end, b - w[0].end) >= 2;
}

int subject_is_measure(struct subject_ctx *sx, const char *s, size_t ss, size_t se)
{
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = ss < se ? subject_segment(sx, s, ss, se, w, POSLEX_MAX_CHARS) : 0;
    for (size_t i = 0; i < n; i++)
        if (w[i].cls != POS_MEASURE)
            return 0;
    return n > 0;
}

int subject_place_follows(struct subject_ctx *sx, const char *s, size_t n, size_t at)
{
    const struct lexicon *lx = sx->lx;
    struct pos_word w[2];
    size_t e = at;
    for (int k = 0; e < n && k < 3; k++) { /* the next word is at most a few characters */
        int l;
        uint32_t c = chars_cp_at(s, n, e, &l);
        if (!lex_charset_has(&lx->charset[CHR_IDEOGRAPH], c))
            break;
        e += (size_t)l;
    }
    return e > at && subject_segment(sx, s, at, e, w, 2) > 0 && w[0].cls == POS_PLACE;
}
