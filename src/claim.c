/* claim: turn rule matches on the normalised text into draft claims. For each numeral token:
 * set it aside if a stop rule says so; else take the first claim rule that matches there, parse
 * the value, and read the context with the word lists: approximation words, change verbs
 * (with the earlier value of 由X增加到Y), and the subject — the noun after a classifier
 * (46辆巡回诊疗车) or the metric named before the number (行驶里程32.3万公里). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "cnnum.h"
#include "lexicon.h"
#include "rules.h"
#include "util.h"

#define MAX_SUBJECT_CHARS 16   /* a subject longer than this is cut to its last characters */
#define MAX_FORWARD_CHARS 12   /* the noun after a classifier */
#define CHANGE_GAP_BYTES 24    /* 为百姓减少费用207.7万元: up to 8 characters between verb and number */

/* ---- characters ---- */

static uint32_t cp_at(const char *s, size_t n, size_t i, int *len)
{
    uint32_t cp = 0;
    int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    *len = l ? l : 1;
    return l ? cp : 0xFFFD;
}

static size_t prev_start(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static int is_clause_delim(uint32_t c)
{
    return c == 0xFF0C || c == ',' || c == 0x3002 || c == 0xFF1B || c == ';' || c == 0xFF1A || c == ':' ||
           c == 0x3001 || c == 0xFF01 || c == '!' || c == 0xFF1F || c == '?' || c == '\n' || c == '(' || c == ')' ||
           c == 0x3010 || c == 0x3011 || c == '[' || c == ']' || c == 0x2014 || c == 0x2026;
    /* quotes do not end a clause: 「持續提供高品質健保服務」預算編列 names one budget line */
}

static int is_sentence_delim(uint32_t c)
{
    return c == 0x3002 || c == 0xFF01 || c == '!' || c == 0xFF1F || c == '?' || c == 0xFF1B || c == ';' || c == '\n';
}

/* Where the parenthetical ending just before i begins ("投资额(包括…)共为"), or i itself. */
static size_t skip_parenthetical(const char *s, size_t floor, size_t i)
{
    if (i <= floor || s[i - 1] != ')')
        return i;
    int depth = 0;
    for (size_t p = i; p > floor;) {
        p--;
        if (s[p] == ')')
            depth++;
        else if (s[p] == '(' && --depth == 0)
            return p;
    }
    return i;
}

/* Start of the clause holding position i (just after the previous delimiter); a parenthetical
 * inside the clause does not end it. */
static size_t clause_start(const char *s, size_t i)
{
    while (i > 0) {
        size_t q = skip_parenthetical(s, 0, i);
        if (q != i) {
            i = q;
            continue;
        }
        size_t p = prev_start(s, i);
        int l;
        if (is_clause_delim(cp_at(s, i, p, &l)))
            break;
        i = p;
    }
    return i;
}

/* ---- values ---- */

/* Parse a numeral as written, minus the 多/余/几/来 inside it (6600多万 -> 6600万, over).
 * Percent words give unit "%" (百分之三十 -> 30); fractions give a ratio (三分之一). */
static int parse_value(const struct keyfig_patterns *p, const char *s, size_t a, size_t b, double *v, int *over,
                       const char **unit_text)
{
    char tmp[256];
    size_t n = 0;
    *over = 0;
    for (size_t i = a; i < b;) {
        int l;
        uint32_t c = cp_at(s, b, i, &l);
        if (c == 0x591A || c == 0x4F59 || c == 0x51E0 || c == 0x6765) /* 多 余 几 来 */
            *over = 1;
        else if (n + (size_t)l < sizeof tmp) {
            memcpy(tmp + n, s + i, (size_t)l);
            n += (size_t)l;
        } else
            return -1;
        i += (size_t)l;
    }
    static const struct {
        const char *prefix, *unit;
    } per[] = {{"百分之", "%"}, {"千分之", "‰"}, {"万分之", "‱"}};
    for (size_t k = 0; k < sizeof per / sizeof per[0]; k++) {
        size_t pl = strlen(per[k].prefix);
        if (n > pl && !memcmp(tmp, per[k].prefix, pl)) {
            *unit_text = per[k].unit;
            return cnnum_parse(p->num, tmp + pl, n - pl, v);
        }
    }
    tmp[n] = '\0';
    if (strstr(tmp, "分之")) {
        /* fractions are stated to four places, as CLAIMS.md writes them: 三分之一 -> 0.3333 */
        if (cnnum_parse_fraction(p->num, tmp, n, v) != 0)
            return -1;
        *v = round(*v * 10000) / 10000;
        return 0;
    }
    return cnnum_parse(p->num, tmp, n, v);
}

/* ---- drafts ---- */

static struct draft *new_draft(struct keyfig_article *a)
{
    if (a->ndrafts == a->capdrafts) {
        a->capdrafts = a->capdrafts ? a->capdrafts * 2 : 32;
        a->drafts = xrealloc(a->drafts, a->capdrafts * sizeof *a->drafts);
    }
    struct draft *d = &a->drafts[a->ndrafts++];
    memset(d, 0, sizeof *d);
    return d;
}

/* The last kept claim before self whose number starts at or after floor; NULL when none. */
static struct draft *previous_in(struct keyfig_article *a, const struct draft *self, size_t floor)
{
    for (size_t i = a->ndrafts; i-- > 0;) {
        struct draft *d = &a->drafts[i];
        if (d == self)
            continue;
        if (d->num_s < floor)
            return NULL;
        if (d->c.is_claim && !d->dropped)
            return d;
    }
    return NULL;
}

/* ---- context: approximation and change ---- */

/* An approximation word just before the number (约1600吨, 将近百分之三十三), also across
 * one linking character (大约是百分之十七). Returns the start of the word, or at. */
static size_t approx_before(const struct lexicon *lx, const char *s, size_t floor, size_t at, enum keyfig_approx *ap)
{
    const struct lex_word *w = lex_before(&lx->approx_pre, s, floor, at);
    const struct lex_word *word = lex_before(&lx->subject, s, floor, at);
    if (w && word && word->len > w->len)
        w = NULL; /* 节约二千八百亿元: 约 ends a longer word, it is no approximation */
    if (w) {
        *ap = (enum keyfig_approx)w->attr;
        return at - w->len;
    }
    size_t p = prev_start(s, at);
    int l;
    uint32_t c = p >= floor && p < at ? cp_at(s, at, p, &l) : 0;
    if (c == 0x662F || c == 0x4E3A || c == 0x6709 || c == 0x8FBE) { /* 是 为 有 达 */
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
static int only_connectors(const char *s, size_t a, size_t b)
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

struct change {
    size_t start, end; /* the change word, start (size_t)-1 when none */
    int direction, role;
    size_t from_word;  /* where 由/从 begins, or (size_t)-1 */
};

/* The change word closest before `at` in its clause, within CHANGE_GAP_BYTES and with no
 * digit in between; and 由/从 before it, for 由X增加到Y. */
static struct change change_before(const struct lexicon *lx, const char *s, size_t floor, size_t at)
{
    struct change ch = {(size_t)-1, 0, 0, 0, (size_t)-1};
    size_t lim = at > floor + CHANGE_GAP_BYTES ? at - CHANGE_GAP_BYTES : floor;
    for (size_t p = at; p >= lim && p > floor; p = prev_start(s, p)) {
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
            break;
        }
        int l;
        uint32_t c = cp_at(s, at, prev_start(s, p), &l);
        if ((c >= '0' && c <= '9') || is_clause_delim(c))
            break;
    }
    if (ch.start == (size_t)-1 || ch.role != CHG_TO)
        return ch;
    for (size_t p = ch.start; p > floor; p = prev_start(s, p)) {
        const struct lex_word *w = lex_before(&lx->change, s, floor, p);
        if (w && w->attr % 16 == CHG_FROM) {
            ch.from_word = p - w->len;
            break;
        }
    }
    return ch;
}

static int has_basis(const struct lexicon *lx, const char *s, size_t floor, size_t at, const char **basis)
{
    for (size_t p = at; p > floor; p = prev_start(s, p)) {
        const struct lex_word *w = lex_before(&lx->change, s, floor, p);
        if (w && w->attr % 16 == CHG_BASIS) {
            *basis = w->word;
            return 1;
        }
    }
    return 0;
}

/* ---- context: subject ---- */

static int subject_role_at(const struct lexicon *lx, const char *s, size_t n, size_t at, int *role)
{
    const struct lex_word *w = lex_at(&lx->subject, s, n, at);
    if (!w)
        return 0;
    *role = w->attr;
    return (int)w->len;
}

/* The noun phrase right after a classifier: 46辆巡回诊疗车累计 -> 巡回诊疗车. */
static size_t noun_after(const struct lexicon *lx, const char *s, size_t n, size_t at)
{
    size_t i = at;
    for (int chars = 0; i < n && chars < MAX_FORWARD_CHARS; chars++) {
        int l, role;
        uint32_t c = cp_at(s, n, i, &l);
        if (!is_cjk(c) && !(c >= 'A' && c <= 'Z'))
            break;
        int wl = subject_role_at(lx, s, n, i, &role);
        if (wl && (role == SUBJ_STOP || role == SUBJ_VERB))
            break;
        i += wl ? (size_t)wl : (size_t)l; /* a whole word: 企业参与 does not stop at 与 */
    }
    return i;
}

/* 1 for the particles that link a verb to its figure: 增长了3%, 增至为, 成长达5%. */
static int is_particle(uint32_t c)
{
    return c == 0x4E86 || c == 0x7684 || c == 0x4E4B || c == 0x7EA6 || c == 0x4E3A || c == 0x5230 || c == 0x81F3 ||
           c == 0x8FBE || c == 0x662F || c == 0x6709 || c == 0x5171; /* 了 的 之 约 为 到 至 达 是 有 共 */
}

static size_t skip_particles(const char *s, size_t a, size_t b)
{
    while (a < b) {
        int l;
        if (!is_particle(cp_at(s, b, a, &l)))
            break;
        a += (size_t)l;
    }
    return a;
}

/* Skip leading dates and time words: 一九五四年预计现代工业的总产值 -> 现代工业的总产值. */
static size_t skip_dates(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    for (;;) {
        size_t i = a;
        int l, digits = 0;
        uint32_t c;
        while (i < b) {
            c = cp_at(s, b, i, &l);
            if (!((c >= '0' && c <= '9') || c == 0x3007 || c == 0x96F6 || c == 0x4E00 || c == 0x4E8C || c == 0x4E09 ||
                  c == 0x56DB || c == 0x4E94 || c == 0x516D || c == 0x4E03 || c == 0x516B || c == 0x4E5D || c == 0x5341))
                break;
            i += (size_t)l;
            digits++;
        }
        if (!digits || i >= b)
            return a;
        c = cp_at(s, b, i, &l);
        if (c != 0x5E74 && c != 0x6708 && c != 0x65E5) /* 年 月 日 */
            return a;
        i += (size_t)l;
        /* 1955年度, and time frames: 十年前的, 三年来 */
        static const char *const after[] = {"度", "以来", "前", "后", "来", "的"};
        for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
            size_t al = strlen(after[k]);
            if (i + al <= b && !memcmp(s + i, after[k], al))
                i += al;
        }
        const struct lex_word *w = lex_at(&lx->subject, s, b, i);
        if (w && (w->attr == SUBJ_VERB || w->attr == SUBJ_DROP) && i + w->len < b)
            i += w->len;
        if (i >= b)
            return b; /* nothing but a date or a time frame: no subject here */
        a = i;
    }
}

/* Where the head noun after the last 的 of the clause begins, when 的 comes after the noun
 * phrase at `at` and before the clause ends; else 0. */
static size_t noun_after_de(const struct lexicon *lx, const char *s, size_t n, size_t at)
{
    (void)lx;
    size_t last = 0;
    for (size_t i = at; i < n;) {
        int l;
        uint32_t c = cp_at(s, n, i, &l);
        if (is_clause_delim(c) || (c >= '0' && c <= '9'))
            break;
        if (c == 0x7684) /* 的 */
            last = i + (size_t)l;
        i += (size_t)l;
    }
    return last;
}

/* 两次降低存款准备金率: after an action counter the thing counted is a verb phrase; it runs from
 * the verb to the next boundary word. Returns at when no verb follows. */
static size_t verb_phrase_after(const struct lexicon *lx, const char *s, size_t n, size_t at)
{
    int role;
    const struct lex_word *chg = lex_at(&lx->change, s, n, at);
    int l = subject_role_at(lx, s, n, at, &role);
    size_t skip = chg ? chg->len : (l && role == SUBJ_VERB) ? (size_t)l : 0;
    if (!skip)
        return at;
    size_t e = noun_after(lx, s, n, at + skip);
    return e > at + skip ? e : at;
}

/* 1 when the word of length len at `at` begins a longer word of the change or subject lists:
 * 增加 inside 第三产业增加值 is no verb. */
static int inside_longer_word(const struct lexicon *lx, const char *s, size_t n, size_t at, size_t len)
{
    const struct lex_word *c = lex_at(&lx->change, s, n, at), *w = lex_at(&lx->subject, s, n, at);
    return (c && c->len > len) || (w && w->len > len);
}

/* Remove linking words at the end of [a, *b): 国内生产总值超过 -> 国内生产总值. */
static void trim_tail(const struct lexicon *lx, const char *s, size_t a, size_t *b)
{
    for (int again = 1; again && *b > a;) {
        again = 0;
        const struct lex_word *w, *word = lex_before(&lx->subject, s, a, *b);
        w = lex_before(&lx->approx_pre, s, a, *b);
        if (w && word && word->len > w->len)
            w = NULL; /* 员工总数, 节约: 数 and 约 end a longer word here, not an approximation */
        if (w ||
            ((w = lex_before(&lx->change, s, a, *b)) && w->attr % 16 != CHG_NOUN)) {
            *b -= w->len;
            again = 1;
            continue;
        }
        w = lex_before(&lx->subject, s, a, *b);
        if (w && (w->attr == SUBJ_VERB || w->attr == SUBJ_STOP)) {
            *b -= w->len;
            again = 1;
            continue;
        }
        size_t p = prev_start(s, *b);
        int l;
        uint32_t c = cp_at(s, *b, p, &l);
        if (c == 0x4E86 || c == 0x7684 || c == 0x4E4B) { /* 了 的 之 */
            *b = p;
            again = 1;
        }
    }
}

/* The metric named before the number: the text after the last verb of the clause that
 * leaves something after it (开展巡回医疗服务 -> 巡回医疗服务), minus leading place words. */
static void subject_before(const struct lexicon *lx, const char *s, size_t a, size_t b, size_t *ss, size_t *se)
{
    b = skip_parenthetical(s, a, b);
    /* a comparison: the subject stands before its base (投资总额又比一九五三年增加) */
    for (size_t i = a; i < b;) {
        int role, l = subject_role_at(lx, s, b, i, &role);
        const struct lex_word *basis = l ? lex_before(&lx->change, s, a, i + (size_t)l) : NULL;
        if (l && role == SUBJ_BASE && !(basis && basis->attr % 16 == CHG_BASIS)) { /* 同比 is no base */
            b = i;
            break;
        }
        cp_at(s, b, i, &l);
        i += (size_t)l;
    }
    trim_tail(lx, s, a, &b);
    size_t start = a;
    for (size_t p = b; p > a; p = prev_start(s, p)) {
        const struct lex_word *w = lex_before(&lx->subject, s, a, p);
        if (w && w->attr == SUBJ_VERB && p < b && !inside_longer_word(lx, s, b, p - w->len, w->len)) {
            start = p;
            break;
        }
    }
    for (int again = 1; again;) {
        int role, l = subject_role_at(lx, s, b, start, &role);
        again = l && (role == SUBJ_DROP || role == SUBJ_FRAME) && start + (size_t)l < b;
        if (again)
            start += (size_t)l;
    }
    start = skip_dates(lx, s, start, b);
    start = skip_particles(s, start, b); /* 3至5年的规划项目: no leading 的 */
    /* keep the last MAX_SUBJECT_CHARS characters: the head of a Chinese noun phrase is last */
    size_t chars = utf8_count(s + start, b - start);
    while (chars-- > MAX_SUBJECT_CHARS) {
        int l;
        cp_at(s, b, start, &l);
        start += (size_t)l;
    }
    *ss = start;
    *se = b;
}

/* 沒有轉爲公私合營的…比重，將只佔百分之二十九: a clause that begins with its verb takes the
 * previous clause of the sentence as its subject. */
static void subject_of_previous_clause(const struct lexicon *lx, const char *s, size_t sent, size_t floor, size_t *ss,
                                       size_t *se)
{
    if (floor <= sent)
        return;
    size_t end = prev_start(s, floor); /* the delimiter ending the previous clause */
    int l;
    uint32_t c = cp_at(s, floor, end, &l);
    if (c != 0xFF0C && c != ',' && c != 0xFF1A && c != ':')
        return;
    size_t start = clause_start(s, end);
    if (start < sent)
        start = sent; /* no claim stands in it: the caller found none in the sentence */
    subject_before(lx, s, start, end, ss, se);
}

static int contains_money_word(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        int role;
        if (subject_role_at(lx, s, b, i, &role) && role == SUBJ_MONEY)
            return 1;
        int l;
        cp_at(s, b, i, &l);
        i += (size_t)l;
    }
    return 0;
}

/* ---- assembling one claim ---- */

static enum keyfig_approx approx_word(const struct lex_list *l, const char *s, size_t a, size_t b)
{
    if (a == (size_t)-1 || a >= b)
        return KEYFIG_EXACT;
    const struct lex_word *w = lex_at(l, s, b, a);
    return w ? (enum keyfig_approx)w->attr : KEYFIG_EXACT;
}

static void assemble(const struct keyfig_patterns *p, struct keyfig_article *a, const struct rule_match *m)
{
    const struct lexicon *lx = p->lx;
    const char *s = a->txt.norm;
    size_t n = a->txt.norm_len;
    size_t ns = m->g[G_NUM][0], ne = m->g[G_NUM][1];
    double v;
    int over = 0;
    const char *unit_text = NULL;
    if (parse_value(p, s, ns, ne, &v, &over, &unit_text) != 0)
        return;
    struct draft *d = new_draft(a);
    struct keyfig_claim *c = &d->c;
    c->is_claim = 1;
    c->value = v;
    c->rule = rules_claim_id(p->rules, m->rule);
    d->num_s = ns, d->num_e = ne;
    d->unit_text = unit_text;
    d->unit_s = m->g[G_UNIT][0] == (size_t)-1 ? ne : m->g[G_UNIT][0];
    d->unit_e = m->g[G_UNIT][0] == (size_t)-1 ? ne : m->g[G_UNIT][1];
    int rk = rules_claim_kind(p->rules, m->rule);
    const struct lex_word *uw = d->unit_e > d->unit_s ? lex_at(&lx->units, s, d->unit_e, d->unit_s) : NULL;
    c->kind = rk >= 0 ? (enum keyfig_kind)rk : uw ? (enum keyfig_kind)uw->attr : unit_text ? KEYFIG_PERCENT : KEYFIG_COUNT;

    /* a range: 3-5个, 三四个 (with a shared multiplier: 五六十) */
    if (m->g[G_NUM2][0] != (size_t)-1) {
        double hi;
        int o2;
        const char *u2 = NULL;
        if (parse_value(p, s, m->g[G_NUM2][0], m->g[G_NUM2][1], &hi, &o2, &u2) == 0 && hi > v) {
            double mult = 1;
            if (m->g[G_MID][0] != (size_t)-1 && m->g[G_MID][1] > m->g[G_MID][0] && !strcmp(c->rule, "range.adjacent")) {
                double mv;
                if (cnnum_parse(p->num, s + m->g[G_MID][0], m->g[G_MID][1] - m->g[G_MID][0], &mv) == 0)
                    mult = mv;
            }
            c->has_range = 1;
            c->low = v * mult;
            c->high = hi * mult;
            c->value = c->low;
        }
    }

    size_t floor = clause_start(s, ns);
    /* approximation: after the unit, between number and unit, inside the number, before it */
    c->approx = approx_word(&lx->approx_post, s, m->g[G_POST][0], m->g[G_POST][1]);
    if (!c->approx && !c->has_range)
        c->approx = approx_word(&lx->approx_mid, s, m->g[G_MID][0], m->g[G_MID][1]);
    if (!c->approx && over)
        c->approx = KEYFIG_OVER;
    enum keyfig_approx pre = KEYFIG_EXACT;
    size_t head = approx_before(lx, s, floor, ns, &pre);
    if (!c->approx)
        c->approx = pre;

    /* change: 增长5.2%, 增至12个, 由X增加到Y */
    struct change ch = change_before(lx, s, floor, head);
    size_t context_end = head; /* where the subject before the number must end */
    if (d->unit_e <= ns && d->unit_s < context_end)
        context_end = d->unit_s; /* a currency sign before the number: 美国GDP达$2億 */
    if (ch.start != (size_t)-1) {
        context_end = ch.start;
        if (ch.role == CHG_VERB || ch.role == CHG_TO)
            c->direction = (enum keyfig_direction)ch.direction;
        const char *basis = NULL;
        if (c->direction && has_basis(lx, s, floor, ch.start, &basis))
            c->basis = !strcmp(basis, "环比") ? KEYFIG_MOM : KEYFIG_YOY;
        if (ch.from_word != (size_t)-1) {
            struct draft *prev = previous_in(a, d, ch.from_word);
            if (prev && prev->num_s < ch.start && c->direction) {
                c->has_from = 1;
                c->from = prev->c.value;
                prev->dropped = 1;
            }
            context_end = ch.from_word;
        }
    }

    /* a list sharing one verb: 分别下降5.6%和4% */
    if (ch.start == (size_t)-1) {
        struct draft *prev = previous_in(a, d, floor);
        if (prev && prev->end <= head && prev->c.direction && only_connectors(s, prev->end, head)) {
            c->direction = prev->c.direction;
            c->basis = prev->c.basis;
        }
    }

    /* subject: the noun after the classifier, else the metric before the number */
    size_t end = m->end;
    int takes_noun = c->kind == KEYFIG_COUNT || c->kind == KEYFIG_MONEY || c->kind == KEYFIG_MASS ||
                     c->kind == KEYFIG_LENGTH || c->kind == KEYFIG_AREA || c->kind == KEYFIG_VOLUME;
    size_t fwd = takes_noun ? noun_after(lx, s, n, end) : end;
    if (fwd == end && uw && c->kind == KEYFIG_COUNT)
        fwd = verb_phrase_after(lx, s, n, end);
    /* ... unless the noun is complete before its 的 (13亿多人口的发展中大国) */
    int ends_at_de = fwd + 3 <= n && !memcmp(s + fwd, "的", 3);
    size_t head_noun = fwd > end && !uw && !unit_text && !ends_at_de ? noun_after_de(lx, s, n, fwd) : end;
    if (head_noun > end) {
        /* 24万生活居住在重点疫区国家的丽水华侨: a bare number's noun is the head after 的 */
        d->subj_s = head_noun, d->subj_e = noun_after(lx, s, n, head_noun);
        end = d->subj_e;
    } else if (fwd > end) {
        d->subj_s = end, d->subj_e = fwd;
        end = fwd;
        /* 降低106项...价格: the verb acts on the things counted, the count itself does not change */
        if (ch.start != (size_t)-1 && ch.role == CHG_VERB)
            c->direction = KEYFIG_NO_CHANGE, c->basis = KEYFIG_BASIS_NONE;
    } else if (ch.start != (size_t)-1 && ch.role == CHG_VERB && skip_particles(s, ch.end, head) < head) {
        /* verb, object, number: 为百姓减少费用207.7万元 -> 费用 */
        d->subj_s = skip_particles(s, ch.end, head), d->subj_e = head;
    } else {
        struct draft *prev = previous_in(a, d, floor);
        size_t seg = prev && prev->end > floor && prev->end <= context_end ? prev->end : floor;
        subject_before(lx, s, seg, context_end, &d->subj_s, &d->subj_e);
        if (d->subj_e <= d->subj_s) {
            size_t sent = ns;
            while (sent > 0) {
                size_t q = prev_start(s, sent);
                int l;
                if (is_sentence_delim(cp_at(s, sent, q, &l)))
                    break;
                sent = q;
            }
            struct draft *same = previous_in(a, d, sent);
            if (same) {
                d->subj_s = same->subj_s;
                d->subj_e = same->subj_e;
            } else {
                subject_of_previous_clause(lx, s, sent, floor, &d->subj_s, &d->subj_e);
            }
        }
    }
    /* a bare amount is money when the metric before it says so (突破57万亿 of 投资); a noun after it
     * counts people or things (6600多万纳税人) */
    if (c->kind == KEYFIG_COUNT && !uw && !unit_text && fwd == m->end && contains_money_word(lx, s, floor, ns))
        c->kind = KEYFIG_MONEY;

    /* the claim's text: from the subject (when it leads straight into the number) or the
     * first qualifier word, to the end of the unit or the noun after it */
    size_t start = head < ns ? head : ns;
    if (d->unit_s < start)
        start = d->unit_s; /* $2億 */
    if (ch.start != (size_t)-1 && ch.start < start)
        start = ch.start;
    if (d->subj_s < d->subj_e && d->subj_e <= start && skip_particles(s, d->subj_e, start) == start)
        start = d->subj_s; /* 基本建设投资额为86.3亿元: the subject leads into the number */
    d->start = start;
    d->end = end;
}

/* ---- set-aside numbers and the scan ---- */

struct interval {
    size_t start, end;
    int rule;
};

struct scan_state {
    struct interval *iv;
    size_t n, cap;
    size_t *items;
    size_t nitems, capitems;
};

static void on_text_match(void *ctx, int rule, size_t start, size_t end)
{
    struct scan_state *st = ctx;
    if (rule < 0) {
        if (st->nitems == st->capitems) {
            st->capitems = st->capitems ? st->capitems * 2 : 8;
            st->items = xrealloc(st->items, st->capitems * sizeof *st->items);
        }
        st->items[st->nitems++] = start;
        return;
    }
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 64;
        st->iv = xrealloc(st->iv, st->cap * sizeof *st->iv);
    }
    st->iv[st->n++] = (struct interval){start, end, rule};
}

static int by_start(const void *x, const void *y)
{
    const struct interval *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

static int by_offset(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

static void set_aside(const struct keyfig_patterns *p, struct keyfig_article *a, size_t ts, size_t te, int rule)
{
    double v;
    int over;
    const char *u = NULL;
    if (parse_value(p, a->txt.norm, ts, te, &v, &over, &u) != 0)
        return;
    struct draft *d = new_draft(a);
    d->c.is_claim = 0;
    d->c.value = v;
    d->c.kind = KEYFIG_OTHER;
    d->c.reason = rules_stop_reason(p->rules, rule);
    d->c.rule = rules_stop_id(p->rules, rule);
    d->start = d->num_s = d->unit_s = d->unit_e = d->subj_s = d->subj_e = ts;
    d->end = d->num_e = te;
    d->unit_s = d->unit_e = te;
    d->subj_s = d->subj_e = te;
}

void claims_find(const struct keyfig_patterns *p, struct matcher *m, struct keyfig_article *a, int all)
{
    const char *s = a->txt.norm;
    size_t n = a->txt.norm_len;
    struct scan_state st = {0};
    rules_scan_text(p->rules, m, s, n, on_text_match, &st);
    if (st.n) /* qsort(NULL, 0) is undefined: an article with no stop match has no intervals */
        if (st.n)
        qsort(st.iv, st.n, sizeof *st.iv, by_start);
    if (st.nitems)
        qsort(st.items, st.nitems, sizeof *st.items, by_offset);
    /* every item start but the first (a title may stand before the first 本报讯) opens an item */
    a->item_starts = st.items;
    a->nitems = st.nitems;

    size_t iv = 0, cover_end = 0;
    int cover_rule = -1;
    size_t pos = 0, ts, te;
    while (rules_next_number(p->rules, m, s, n, pos, &ts, &te)) {
        for (; iv < st.n && st.iv[iv].start <= ts; iv++) {
            if (st.iv[iv].end > cover_end) {
                cover_end = st.iv[iv].end;
                cover_rule = st.iv[iv].rule;
            }
        }
        size_t stop_end;
        int stop = ts < cover_end ? cover_rule : rules_match_stop_at(p->rules, m, s, n, ts, &stop_end);
        if (stop >= 0) {
            if (all)
                set_aside(p, a, ts, te, stop);
            /* a stop rule that covers more than the numeral (2020-05-16) covers its other numbers too */
            pos = ts < cover_end ? te : stop_end > te ? stop_end : te;
            continue;
        }
        struct rule_match rm;
        if (rules_match_claim(p->rules, m, s, n, ts, &rm)) {
            assemble(p, a, &rm);
            pos = rm.end > ts ? rm.end : te;
        } else {
            pos = te;
        }
    }
    free(st.iv);
}
