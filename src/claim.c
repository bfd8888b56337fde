/* claim: turn rule matches on the normalised text into draft claims. For each numeral token:
 * set it aside if a stop rule says so; else take the first claim rule that matches there, parse
 * the value (value.c), and assemble the claim: its qualifiers (qualify.c: approximation, change,
 * 由X增加到Y) and its subject (subject.c). This file owns the scan and the drafts. */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "chars.h"
#include "qualify.h"
#include "subject.h"
#include "cnnum.h"
#include "lexicon.h"
#include "rules.h"
#include "util.h"
#include "value.h"


/* ---- drafts ---- */

static struct draft *new_draft(struct keyfig_article *a)
{
    if (a->ndrafts == a->capdrafts) {
        a->capdrafts = a->capdrafts ? a->capdrafts * 2 : 32;
        a->drafts = xrealloc(a->drafts, a->capdrafts * sizeof *a->drafts);
    }
    struct draft *d = &a->drafts[a->ndrafts++];
    memset(d, 0, sizeof *d);
    d->id = a->numbers;
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
        if (d->is_claim && !d->dropped)
            return d;
    }
    return NULL;
}

/* The last kept claim before the draft at, starting at or after floor; NULL when none. */
static struct draft *claim_before(struct keyfig_article *a, const struct draft *at, size_t floor)
{
    for (size_t i = (size_t)(at - a->drafts); i-- > 0;) {
        struct draft *d = &a->drafts[i];
        if (d->num_s < floor)
            return NULL;
        if (d->is_claim && !d->dropped)
            return d;
    }
    return NULL;
}

/* ---- assembling one claim ---- */

/* 1 when a noun stands between a change verb and its number (减少费用207.7万元), not just
 * particles or a preposition (增长了3%, 降幅在10%). */
static int object_between(const struct lexicon *lx, const char *s, size_t verb_end, size_t head)
{
    size_t g = chars_skip_particles(lx, s, verb_end, head);
    int role;
    if (g >= head)
        return 0;
    return !(subject_role_at(lx, s, head, g, &role) && (SUBJ_ENDS_PHRASE(role) || role == SUBJ_VERB));
}

/* 1 when two drafts are counted in the same unit as written (由60岁改为65岁). */
static int same_unit(const char *s, const struct draft *x, const struct draft *y)
{
    size_t lx = x->unit_e - x->unit_s, ly = y->unit_e - y->unit_s;
    if (x->unit_text || y->unit_text)
        return x->unit_text && y->unit_text && !strcmp(x->unit_text, y->unit_text);
    return lx == ly && !memcmp(s + x->unit_s, s + y->unit_s, lx);
}

/* What the stages of one claim share: where its clause begins, where the words before the
 * number begin (head: 约, 超过 ...), the change word found, and where a subject named before
 * the number must end. */
struct context {
    size_t floor, head, context_end;
    struct qualify_change ch;
};

/* Draft a claim with its value, unit and kind, and a range (3-5个, 三四个, 五六十个); *uw is
 * the unit's entry in units.tsv. Returns NULL when the number does not parse. */
static struct draft *draft_value(const struct keyfig_patterns *p, struct keyfig_article *a, const struct rule_match *m,
                                 const struct lex_word **uw)
{
    const char *s = a->txt.norm;
    size_t ns = m->g[G_NUM][0], ne = m->g[G_NUM][1];
    double v;
    int over = 0;
    const char *unit_text = NULL;
    if (value_parse(p->num, p->lx, s, ns, ne, &v, &over, &unit_text) != 0)
        return NULL;
    struct draft *d = new_draft(a);
    d->is_claim = 1;
    d->value = v;
    d->rule = rules_claim_id(p->rules, m->rule);
    d->approx = over ? KEYFIG_APPROX_OVER : KEYFIG_APPROX_EXACT; /* 6600多万: refined by the words around it */
    d->num_s = ns, d->num_e = ne;
    d->unit_text = unit_text;
    d->unit_s = m->g[G_UNIT][0] == (size_t)-1 ? ne : m->g[G_UNIT][0];
    d->unit_e = m->g[G_UNIT][0] == (size_t)-1 ? ne : m->g[G_UNIT][1];
    *uw = d->unit_e > d->unit_s ? lex_at(&p->lx->units, s, d->unit_e, d->unit_s) : NULL;
    if (value_is_half(p->num, s, d->unit_s, d->unit_e)) {
        d->value *= 0.5; /* 一半: half, a ratio with no unit written */
        d->unit_text = "";
    }
    if (d->unit_s > ne)
        d->value *= value_list_multiplier(p->num, s, ns, ne, d->unit_s, d->value); /* 3和5万元 */
    int rk = rules_claim_kind(p->rules, m->rule);
    d->kind = rk >= 0 ? (enum keyfig_kind)rk : *uw ? (enum keyfig_kind)(*uw)->attr : unit_text ? KEYFIG_KIND_PERCENT : KEYFIG_KIND_COUNT;
    if (m->g[G_NUM2][0] == (size_t)-1)
        return d;
    double hi;
    int o2;
    const char *u2 = NULL;
    if (value_parse(p->num, p->lx, s, m->g[G_NUM2][0], m->g[G_NUM2][1], &hi, &o2, &u2) != 0 || hi <= v)
        return d;
    double mult = 1; /* 五六十: the tens multiply both ends */
    if (m->g[G_MID][0] != (size_t)-1 && m->g[G_MID][1] > m->g[G_MID][0] && (!strcmp(d->rule, "range.adjacent") || !strcmp(d->rule, "range.enum"))) {
        double mv;
        if (cnnum_parse(p->num, s + m->g[G_MID][0], m->g[G_MID][1] - m->g[G_MID][0], &mv) == 0)
            mult = mv;
    }
    d->has_range = 1;
    d->low = v * mult * value_shared_multiplier(p->num, s, m->g[G_NUM2][0], m->g[G_NUM2][1], v);
    d->high = hi * mult;
    d->value = d->low;
    return d;
}

/* Approximation (after the unit, between number and unit, inside the number, before it) and
 * change (增长5.2%, 增至12个, 由X增加到Y, lists sharing a verb). */
static struct context qualify(const struct keyfig_patterns *p, struct keyfig_article *a, const struct rule_match *m,
                              struct draft *d)
{
    const struct lexicon *lx = p->lx;
    const char *s = a->txt.norm;
    struct context x;
    x.floor = chars_clause_start(lx, s, d->num_s);
    int over = d->approx == KEYFIG_APPROX_OVER;
    d->approx = qualify_approx_word(&lx->approx_post, s, m->g[G_POST][0], m->g[G_POST][1]);
    if (!d->approx && !d->has_range)
        d->approx = qualify_approx_word(&lx->approx_mid, s, m->g[G_MID][0], m->g[G_MID][1]);
    if (!d->approx && over)
        d->approx = KEYFIG_APPROX_OVER;
    enum keyfig_approx pre = KEYFIG_APPROX_EXACT;
    x.head = qualify_approx_before(lx, s, x.floor, d->num_s, &pre);
    if (!d->approx || (pre == KEYFIG_APPROX_ABOUT && d->approx == KEYFIG_APPROX_AT_MOST))
        d->approx = pre; /* 大约5个小时内: 约 estimates the span that 内 closes, about */

    x.ch = qualify_change_before(lx, s, x.floor, x.head);
    x.context_end = x.head;
    if (d->unit_e <= d->num_s && d->unit_s < x.context_end)
        x.context_end = d->unit_s; /* a currency sign before the number: 美国GDP达$2億 */
    if (x.ch.start != (size_t)-1) {
        x.context_end = x.ch.start;
        if (x.ch.role == CHG_VERB || x.ch.role == CHG_TO)
            d->direction = (enum keyfig_direction)x.ch.direction;
        const char *basis = NULL;
        if (d->direction && qualify_basis(lx, s, x.floor, x.ch.start, &basis))
            d->basis = !strcmp(basis, "环比") ? KEYFIG_BASIS_MOM : KEYFIG_BASIS_YOY;
        if (x.ch.from_word != (size_t)-1) {
            struct draft *prev = previous_in(a, d, x.ch.from_word);
            if (prev && prev->num_s < x.ch.start && !d->direction && same_unit(s, prev, d))
                d->direction = d->value > prev->value ? KEYFIG_DIRECTION_INCREASE : d->value < prev->value ? KEYFIG_DIRECTION_DECREASE : KEYFIG_DIRECTION_NONE;
            if (prev && prev->num_s < x.ch.start && d->direction) {
                d->has_from = 1;
                d->from = prev->value;
                prev->dropped = 1; /* 由X增加到Y is one claim: Y, from X */
            }
            if (x.ch.from_word >= x.floor)
                x.context_end = x.ch.from_word;
        } else if (x.ch.role == CHG_TO && d->direction) {
            /* 37亿6千4百多万下跌至2020/21年度的5亿3千5百多万: the earlier value leads into the verb */
            struct draft *prev = previous_in(a, d, x.floor);
            size_t prev_end = prev ? (prev->unit_e > prev->num_e ? prev->unit_e : prev->num_e) : 0;
            if (prev && prev_end <= x.ch.start && chars_skip_particles(lx, s, prev_end, x.ch.start) == x.ch.start &&
                same_unit(s, prev, d)) {
                d->has_from = 1;
                d->from = prev->value;
                prev->dropped = 1;
                x.context_end = prev->num_s; /* the subject stands before the earlier value */
            }
        }
    } else {
        /* a list sharing one verb: 分别下降5.6%和4%, 分别增长56.5%、86.9% (、 ends a clause) */
        struct draft *prev = previous_in(a, d, chars_sentence_start(lx, s, d->num_s));
        int in_clause = prev && (prev->num_s >= x.floor || (x.head - prev->end == strlen("、") &&
                                                             !memcmp(s + prev->end, "、", strlen("、"))));
        if (in_clause && prev->end <= x.head && prev->direction && qualify_only_connectors(lx, s, prev->end, x.head)) {
            d->direction = prev->direction;
            d->basis = prev->basis;
        }
    }
    if (!d->direction && x.ch.start == (size_t)-1) /* 6.4%的涨幅: the change named after the figure */
        d->direction = (enum keyfig_direction)qualify_change_after(lx, s, a->txt.norm_len, m->end);
    return x;
}

/* The first word of change.tsv's role "from" (由, 从) in [a, b), or (size_t)-1. */
static size_t from_word_in(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b;) {
        const struct lex_word *w = lex_at(&lx->change, s, b, i);
        if (w && w->attr % 16 == CHG_FROM)
            return i;
        int l;
        chars_cp_at(s, b, i, &l);
        i += w ? w->len : (size_t)l;
    }
    return (size_t)-1;
}

/* A figure whose own clause names no metric: the clause before names it, or else the figure
 * before it in its sentence (…3412亿元，同比增长6.9%，比全省高1.7个百分点). Returns 1 with d's
 * subject set, else 0 with d untouched. */
static int subject_elsewhere(const struct lexicon *lx, const char *s, struct keyfig_article *a, struct draft *d,
                             size_t floor, int actions)
{
    size_t sent = chars_sentence_start(lx, s, d->num_s), ss, se;
    struct draft *same = previous_in(a, d, sent);
    while (same && same->subj_rule == SUBJ_RULE_BASE_VALUE) /* 较去年的预算19亿元，增加三成: not the base's */
        same = claim_before(a, same, sent);
    if (subject_of_previous_clause(lx, s, same ? same->end : sent, floor, actions, &ss, &se)) {
        d->subj_s = ss, d->subj_e = se;
        d->subj_rule = SUBJ_RULE_PREVIOUS_CLAUSE;
        return 1;
    }
    if (same && same->subj_e > same->subj_s) {
        d->subj_s = same->subj_s, d->subj_e = same->subj_e;
        if (!same_unit(s, same, d)) /* 占比30%，提高2个百分点; but 占47%，增长9.8% grows the part */
            d->subj2_s = same->subj2_s, d->subj2_e = same->subj2_e;
        d->subj_rule = SUBJ_RULE_CARRIED;
        return 1;
    }
    return 0;
}

#define ITEM_LINE_BYTES 120 /* an item of a list (- 2018年：15,188) is a short line */
#define ITEM_LINES 40       /* how many items may stand between a figure and its list's introduction */

/* Where the line holding offset i begins. */
static size_t line_start(const char *s, size_t i, size_t floor)
{
    while (i > floor && s[i - 1] != '\n')
        i--;
    return i;
}

/* 1 when the line ending at e (exclusive) ends with a colon (…的数目如下：). */
static int ends_with_colon(const char *s, size_t ls, size_t e)
{
    int l;
    uint32_t c = e > ls ? chars_cp_at(s, e, chars_prev(s, e), &l) : 0;
    return c == ':' || c == 0xFF1A;
}

/* - 2018年：15,188 under …综援受助人的数目如下：: a figure on a short line of a list whose line
 * names no metric takes the metric named by the line that introduces the list. */
static int subject_of_list_intro(const struct lexicon *lx, const char *s, size_t at, size_t *ss, size_t *se)
{
    size_t floor = at > ITEM_LINES * ITEM_LINE_BYTES ? at - ITEM_LINES * ITEM_LINE_BYTES : 0;
    size_t ls = line_start(s, at, floor);
    if (ls == floor || at - ls > ITEM_LINE_BYTES)
        return 0;
    for (int k = 0; k < ITEM_LINES && ls > floor; k++) {
        size_t e = ls - 1, ps = line_start(s, e, floor); /* the line before: [ps, e) */
        if (ends_with_colon(s, ps, e)) {
            size_t colon = chars_prev(s, e);
            size_t cs = chars_clause_start(lx, s, colon);
            return subject_before_np(lx, s, cs > ps ? cs : ps, colon, 0, ss, se);
        }
        if (e - ps > ITEM_LINE_BYTES)
            return 0; /* a paragraph, not an item: the figure is no list's */
        ls = ps;
    }
    return 0;
}

/* 6.4%的涨幅, 占比19.8%: a subject that names only a measure is the measure of the metric named
 * nearby, when there is one before it: 60岁及以上人口 + 占比. */
static void prefer_metric(const struct lexicon *lx, const char *s, struct keyfig_article *a, struct draft *d,
                          const struct context *x, int actions)
{
    struct draft keep = *d;
    if (!subject_is_measure(lx, s, d->subj_s, d->subj_e))
        return;
    size_t b_s, b_e;
    if (d->subj_s > d->num_s && subject_before_np(lx, s, x->floor, x->context_end, actions, &b_s, &b_e) &&
        !subject_is_measure(lx, s, b_s, b_e)) { /* 以能源消费年均6.6%的增速: the metric before the figure */
        d->subj_s = b_s, d->subj_e = b_e;
        d->subj_rule = SUBJ_RULE_BEFORE_NUMBER;
        d->subj2_s = keep.subj_s, d->subj2_e = keep.subj_e;
        return;
    }
    if (!subject_elsewhere(lx, s, a, d, x->floor, actions) || subject_is_measure(lx, s, d->subj_s, d->subj_e))
        *d = keep; /* 6.6%的增速…11.2%的增速: a measure carried is no metric */
    else if (d->subj2_e == d->subj2_s && d->subj_e <= keep.subj_s)
        d->subj2_s = keep.subj_s, d->subj2_e = keep.subj_e;
}

/* 药品收入占总收入的60%, 占GDP的比重稳定在25%左右: a share is of a whole as well as of a part;
 * the subject joins the part's metric (before the share word, or carried from the sentence) to
 * the share phrase: 药品收入占总收入, 制造业增加值占GDP的比重. With no metric, the phrase alone. */
static void join_share(const struct lexicon *lx, const char *s, struct keyfig_article *a, struct draft *d,
                       const struct context *x)
{
    size_t ps, pe;
    if (d->kind != KEYFIG_KIND_PERCENT || d->subj2_e > d->subj2_s ||
        !subject_share_phrase(lx, s, x->floor, d->num_s, &ps, &pe))
        return;
    if (previous_in(a, d, ps)) /* 占本年收入的47%，比上年增长9.8%: the share is the figure before */
        return;
    int has = d->subj_e > d->subj_s;
    if (has && d->subj_e <= ps) { /* the part is named before the share word */
        d->subj2_s = ps, d->subj2_e = pe;
        return;
    }
    if (has && (d->subj_s < ps || d->subj_s >= pe))
        return; /* 占全国的30%的企业: the noun after the figure is what it counts */
    struct draft keep = *d;
    d->subj_s = d->subj_e = ps;
    if (subject_elsewhere(lx, s, a, d, x->floor, 0) && d->subj_e <= ps && d->subj2_e == d->subj2_s) {
        d->subj2_s = ps, d->subj2_e = pe;
    } else { /* the whole alone: 占世界经济的比重 */
        *d = keep;
        d->subj_s = ps, d->subj_e = pe, d->subj2_s = d->subj2_e = 0;
        d->subj_rule = SUBJ_RULE_BEFORE_NUMBER;
    }
}

/* The noun phrase after a 的 right after the figure (450元的现金补贴), when nothing but the
 * clause's end or a verb follows it: 增长5%的基础上 is a frame, not a subject. */
static int noun_after_de(const struct lexicon *lx, const char *s, size_t n, size_t at, size_t *ss, size_t *se)
{
    size_t l = subject_de_at(lx, s, n, at);
    if (!l)
        return 0;
    size_t b = subject_noun_after(lx, s, n, at + l);
    *ss = at + l, *se = b;
    if (!(b > *ss && subject_noun_phrase_after(lx, s, ss, se)) || subject_place_follows(lx, s, n, *se))
        return 0;
    size_t hs = *ss, he = *se; /* the noun heads the phrase: 的速度扩展 -> 速度 */
    if (subject_noun_phrase(lx, s, &hs, &he, 0))
        *ss = hs, *se = he;
    return 1;
}

/* The subject: the noun after the classifier, else the metric before the number, else the
 * subject of the sentence's previous claim or its previous clause. Returns the end of the
 * claim's text (past a noun that follows it). */
static size_t find_subject(const struct keyfig_patterns *p, struct keyfig_article *a, const struct rule_match *m,
                           struct draft *d, const struct lex_word *uw, const struct context *x)
{
    const struct lexicon *lx = p->lx;
    const char *s = a->txt.norm;
    size_t n = a->txt.norm_len;
    size_t end = m->end;
    if (d->unit_s > end) { /* 656、459和446个课程: a list shares the last number's unit and its noun */
        size_t np_s = d->unit_e, np_e = subject_noun_after(lx, s, n, d->unit_e), v_s = np_s, v_e = np_e;
        /* only a count counts actions (…次培训); 五折至六折出售 is no share of 出售 */
        if (np_e > np_s && subject_noun_phrase_after(lx, s, &np_s, &np_e) &&
            (d->kind == KEYFIG_KIND_COUNT || subject_noun_phrase(lx, s, &v_s, &v_e, 0))) {
            d->subj_s = np_s, d->subj_e = np_e;
            d->subj_rule = SUBJ_RULE_AFTER_CLASSIFIER;
            return end;
        }
    }
    int takes_noun = d->kind == KEYFIG_KIND_COUNT || d->kind == KEYFIG_KIND_MONEY || d->kind == KEYFIG_KIND_MASS ||
                     d->kind == KEYFIG_KIND_OTHER || /* 1600万千瓦清洁电流 */
                     d->kind == KEYFIG_KIND_LENGTH || d->kind == KEYFIG_KIND_AREA || d->kind == KEYFIG_KIND_VOLUME;
    /* 9成乘客, 三成市民: tenths (a percent unit with a factor in units.tsv) share out the noun after them */
    int tenths = d->kind == KEYFIG_KIND_PERCENT && uw && uw->factor > 1 && !d->has_range; /* not 五折至六折出售 */
    size_t fwd = takes_noun || tenths ? subject_noun_after(lx, s, n, end) : end;
    size_t t_s = end, t_e = fwd;
    if (tenths && fwd > end && !subject_noun_phrase(lx, s, &t_s, &t_e, 0))
        fwd = end; /* 以市价五折至六折出售: a verb after them is no share of anything */
    size_t de_s, de_e, b_s, b_e;
    /* 每月450元的现金补贴: the noun after 的, unless the metric leads straight into the figure
     * (全长164公里的高速铁路, 海拔4750米的高原: 全长 and 海拔 are measured, not the railway) */
    if (fwd == end && noun_after_de(lx, s, n, end, &de_s, &de_e) &&
        !(subject_before_np(lx, s, x->floor, x->context_end, 0, &b_s, &b_e) &&
          b_e == d->num_s)) {
        /* 每月450元的现金补贴, 以每天9.8公里的速度: the figure is the noun's after 的 */
        d->subj_s = de_s, d->subj_e = de_e;
        d->subj_rule = SUBJ_RULE_HEAD_AFTER_DE;
        prefer_metric(lx, s, a, d, x, d->kind == KEYFIG_KIND_COUNT);
        return de_e;
    }
    size_t de = subject_de_at(lx, s, n, end);
    if (!takes_noun && de && subject_noun_after(lx, s, n, end + de) > end + de) {
        /* 30%的企业, 三分之二以上的村: the share of what follows 的 */
        end += de;
        fwd = subject_noun_after(lx, s, n, end);
    }
    if (fwd == end && uw && d->kind == KEYFIG_KIND_COUNT)
        fwd = subject_verb_phrase_after(lx, s, n, end);
    /* a bare number's noun is the head after 的 (24万生活居住在重点疫区国家的丽水华侨), unless
     * the noun is complete before its 的 (13亿多人口的发展中大国) */
    size_t de_len = subject_de_at(lx, s, n, fwd);
    int ends_at_de = de_len > 0;
    if (ends_at_de && fwd > end && uw && subject_starts_with_verb(lx, s, end, fwd)) {
        /* 两个名为青年就业起点的资源中心: a relative clause after the classifier; its head is counted */
        size_t hs = fwd + de_len, he = subject_noun_after(lx, s, n, hs);
        if (he > hs && subject_noun_phrase_after(lx, s, &hs, &he)) {
            d->subj_s = hs, d->subj_e = he;
            d->subj_rule = SUBJ_RULE_HEAD_AFTER_DE;
            return he;
        }
    }
    size_t head_noun = fwd > end && !uw && !d->unit_text && !ends_at_de ? subject_head_after_de(lx, s, chars_window_end(s, n, fwd), fwd) : end;
    if (head_noun > end) {
        d->subj_s = head_noun, d->subj_e = subject_noun_after(lx, s, n, head_noun);
        d->subj_rule = SUBJ_RULE_HEAD_AFTER_DE;
        return d->subj_e;
    }
    size_t np_s = end, np_e = fwd;
    if (fwd > end && subject_noun_phrase_after(lx, s, &np_s, &np_e)) {
        d->subj_s = np_s, d->subj_e = np_e;
        d->subj_rule = SUBJ_RULE_AFTER_CLASSIFIER;
        /* 降低106项...价格: the verb acts on the things counted, the count itself does not change */
        if (takes_noun && x->ch.start != (size_t)-1 && x->ch.role == CHG_VERB)
            d->direction = KEYFIG_DIRECTION_NONE, d->basis = KEYFIG_BASIS_NONE; /* not 上涨6.4%的新高水平 */
        prefer_metric(lx, s, a, d, x, d->kind == KEYFIG_KIND_COUNT);
        return np_e;
    }
    np_s = x->ch.start != (size_t)-1 ? chars_skip_particles(lx, s, x->ch.end, x->head) : end, np_e = x->head;
    /* 达到每千人口执业医师3.4人; not 由…提高到全国平均水平的36396元 (a from-to's value, a ratio) */
    int to_object = x->ch.role == CHG_TO && x->ch.from_word == (size_t)-1 && !subject_de_before(lx, s, x->ch.end, x->head);
    if (x->ch.start != (size_t)-1 && (x->ch.role == CHG_VERB || to_object) &&
        object_between(lx, s, x->ch.end, x->head) &&
        subject_noun_phrase(lx, s, &np_s, &np_e, 0)) {
        /* verb, object, number: 为百姓减少费用207.7万元 -> 费用 */
        d->subj_s = np_s, d->subj_e = np_e;
        d->subj_rule = SUBJ_RULE_VERB_OBJECT;
        return end;
    }
    struct draft *prev = previous_in(a, d, x->floor);
    size_t seg = prev && prev->end > x->floor && prev->end <= x->context_end ? prev->end : x->floor;
    int actions = d->kind == KEYFIG_KIND_COUNT;
    /* 医疗人员从2018/19年度至2020/21年度上升7%: whatever stands between 从 and the figure, the
     * metric is named before 从 */
    size_t from = from_word_in(lx, s, seg, x->context_end);
    if (from != (size_t)-1 && subject_before_np(lx, s, seg, from, actions, &d->subj_s, &d->subj_e)) {
        d->subj_rule = SUBJ_RULE_FROM_TO;
        return end;
    }
    if (x->context_end == d->num_s && subject_base_value(lx, s, seg, d->num_s, &d->subj_s, &d->subj_e)) {
        d->subj_rule = SUBJ_RULE_BASE_VALUE;
        return end;
    }
    if (subject_before_np(lx, s, seg, x->context_end, actions, &d->subj_s, &d->subj_e)) {
        d->subj_rule = SUBJ_RULE_BEFORE_NUMBER;
        prefer_metric(lx, s, a, d, x, actions);
        return end;
    }
    d->subj_s = d->subj_e = end;
    if (!subject_elsewhere(lx, s, a, d, x->floor, actions) && subject_of_list_intro(lx, s, d->num_s, &d->subj_s, &d->subj_e))
        d->subj_rule = SUBJ_RULE_LIST_INTRO;
    return end;
}

static void assemble(const struct keyfig_patterns *p, struct keyfig_article *a, const struct rule_match *m)
{
    const char *s = a->txt.norm;
    const struct lex_word *uw = NULL;
    struct draft *d = draft_value(p, a, m, &uw);
    if (!d)
        return;
    struct context x = qualify(p, a, m, d);
    size_t end = find_subject(p, a, m, d, uw, &x);
    join_share(p->lx, s, a, d, &x);
    /* a bare amount is money when the metric before it says so (突破57万亿 of 投资); a noun
     * after it counts people or things (6600多万纳税人) */
    if (d->kind == KEYFIG_KIND_COUNT && !uw && !d->unit_text && d->subj_s < d->num_s &&
        subject_has_money_word(p->lx, s, x.floor, d->num_s))
        d->kind = KEYFIG_KIND_MONEY;

    /* the claim's text: from the subject (when it leads straight into the number) or the
     * first qualifier word, to the end of the unit or the noun after it */
    size_t start = x.head < d->num_s ? x.head : d->num_s;
    if (d->unit_s < start)
        start = d->unit_s; /* $2億 */
    if (x.ch.start != (size_t)-1 && x.ch.start < start)
        start = x.ch.start;
    if (d->subj_s < d->subj_e && d->subj_e <= start && chars_skip_particles(p->lx, s, d->subj_e, start) == start)
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
    if (value_parse(p->num, p->lx, a->txt.norm, ts, te, &v, &over, &u) != 0)
        return;
    struct draft *d = new_draft(a);
    d->is_claim = 0;
    d->value = v;
    d->kind = KEYFIG_KIND_OTHER;
    d->reason = rules_stop_reason(p->rules, rule);
    d->rule = rules_stop_id(p->rules, rule);
    d->start = d->num_s = d->unit_s = d->unit_e = d->subj_s = d->subj_e = ts;
    d->end = d->num_e = te;
    d->unit_s = d->unit_e = te;
    d->subj_s = d->subj_e = te;
}

#define LIST_MAX 12 /* items a 分别 list may pair */

/* The list word (分别) between the start of d's clause and its number, or (size_t)-1. */
static size_t list_word_before(const struct lexicon *lx, const char *s, const struct draft *d)
{
    for (size_t i = chars_clause_start(lx, s, d->num_s); i < d->num_s;) {
        int role, l = subject_role_at(lx, s, d->num_s, i, &role);
        if (l && role == SUBJ_LIST)
            return i;
        if (!l)
            chars_cp_at(s, d->num_s, i, &l);
        i += (size_t)l;
    }
    return (size_t)-1;
}

/* 衣着、家庭设备用品及维修服务、交通通讯分别下降4.3%、0.7%和0.8%: the figures after a list
 * word pair, in order, with the items of the list before it, when there are as many of each.
 * Looks at the drafts from `from` to `to` as the first of a list; returns where to go on. */
static size_t pair_lists(const struct lexicon *lx, struct keyfig_article *a, size_t from, size_t to)
{
    const char *s = a->txt.norm;
    size_t i;
    for (i = from; i < to; i++) {
        struct draft *d = &a->drafts[i];
        if (!d->is_claim || d->dropped)
            continue;
        size_t lw = list_word_before(lx, s, d);
        if (lw == (size_t)-1)
            continue;
        /* the figures of the list: this one and those joined to it by connectors alone */
        size_t group[LIST_MAX], ng = 0, last = i;
        group[ng++] = i;
        for (size_t j = i + 1; j < a->ndrafts && ng < LIST_MAX; j++) {
            struct draft *e = &a->drafts[j];
            if (!e->is_claim || e->dropped)
                continue;
            if (!subject_only_joins(lx, s, a->drafts[last].end, e->start))
                break;
            group[ng++] = j;
            last = j;
        }
        /* the verb before the list's first figure is every figure's: 分别增长3.1%、2.5%和1.2% */
        for (size_t k = 1; k < ng; k++) {
            struct draft *e = &a->drafts[group[k]];
            if (!e->direction)
                e->direction = d->direction, e->basis = d->basis;
        }
        size_t items[LIST_MAX][2];
        size_t ni = subject_list_items(lx, s, lw, items, LIST_MAX, ng);
        if (ng >= 2 && ni == ng)
            for (size_t k = 0; k < ng; k++) {
                struct draft *e = &a->drafts[group[k]];
                e->subj_s = items[k][0], e->subj_e = items[k][1];
                e->subj_rule = SUBJ_RULE_LIST;
            }
        i = last;
    }
    return i;
}

/* Drafts are handed on in batches of at least this many, so that moving the rest down costs
 * little; a batch is far more than the numbers of one margin (8 KB hold at most ~4,000). */
#define EMIT_BATCH 16384

/* Hand on the drafts whose numbers start 8 * CHARS_WINDOW or more before `before`, paired with
 * their 分别 lists first: a later number's clause, sentence and 由 begin less than CHARS_WINDOW
 * before it (chars.c), and a list of LIST_MAX figures joined by connectors spans less than
 * 8 KB, so no later number reads, merges or pairs them. */
static void emit_final(const struct lexicon *lx, struct keyfig_article *a, size_t before, draft_fn emit, void *ctx)
{
    size_t k = 0;
    while (k < a->ndrafts && (before == (size_t)-1 || a->drafts[k].num_s + 8 * CHARS_WINDOW < before))
        k++;
    a->list_next = pair_lists(lx, a, a->list_next, k);
    for (size_t i = 0; i < k; i++)
        if (!a->drafts[i].dropped)
            emit(ctx, a, &a->drafts[i]);
    if (k) /* memmove(NULL, ...) is undefined even for nothing: an article without a number has no drafts */
        memmove(a->drafts, a->drafts + k, (a->ndrafts - k) * sizeof *a->drafts);
    a->ndrafts -= k;
    a->list_next = a->list_next > k ? a->list_next - k : 0;
}

void claims_find(const struct keyfig_patterns *p, struct matcher *m, struct keyfig_article *a, int all, draft_fn emit,
                 void *ctx)
{
    const char *s = a->txt.norm;
    size_t n = a->txt.norm_len;
    struct scan_state st = {0};
    rules_scan_text(p->rules, m, s, n, on_text_match, &st);
    if (st.n) /* qsort(NULL, 0) is undefined: an article with no stop match has no intervals */
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
        if (emit && a->ndrafts >= EMIT_BATCH)
            emit_final(p->lx, a, ts, emit, ctx);
        /* every number met counts, claim or not, so that a claim's id is the same with and
         * without --all and whatever becomes of the numbers before it */
        a->numbers++;
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
    if (emit)
        emit_final(p->lx, a, (size_t)-1, emit, ctx);
    else
        a->list_next = pair_lists(p->lx, a, a->list_next, a->ndrafts);
}
