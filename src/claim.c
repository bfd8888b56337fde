/* claim: turn rule matches on the normalised text into draft claims. For each numeral token
 * (matcher.c): pass it by if the filter sets it aside (filter.c: stop rules); else take the first
 * claim rule that matches there, parse the value (value.c), and assemble the claim: its qualifiers
 * (qualify.c: approximation, change, 由X增加到Y) and its subject (subjects.c). This file owns the
 * scan and the drafts. */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "assemble.h"
#include "claim.h"
#include "chars.h"
#include "qualify.h"
#include "subject.h"
#include "subjects.h"
#include "cnnum.h"
#include "filter.h"
#include "lexicon.h"
#include "matcher.h"
#include "poslex.h"
#include "rules.h"
#include "util.h"
#include "value.h"


/* ---- drafts ---- */

struct draft *drafts_new(struct keyfig_article *a)
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

struct draft *drafts_before(struct keyfig_article *a, const struct draft *at, size_t floor)
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

int assemble_object_between(const struct lexicon *lx, const char *s, size_t verb_end, size_t head)
{
    size_t g = chars_skip_particles(lx, s, verb_end, head);
    int role;
    if (g >= head)
        return 0;
    return !(subject_role_at(lx, s, head, g, &role) && (SUBJ_ENDS_PHRASE(role) || role == SUBJ_VERB));
}

int assemble_same_unit(const char *s, const struct draft *x, const struct draft *y)
{
    size_t lx = x->unit_e - x->unit_s, ly = y->unit_e - y->unit_s;
    if (x->unit_text || y->unit_text)
        return x->unit_text && y->unit_text && !strcmp(x->unit_text, y->unit_text);
    return lx == ly && !memcmp(s + x->unit_s, s + y->unit_s, lx);
}

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
    struct draft *d = drafts_new(a);
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

    x.ch = qualify_change_before(lx, a->segmemo, s, x.floor, x.head);
    x.context_end = x.head;
    if (d->unit_e <= d->num_s && d->unit_s < x.context_end)
        x.context_end = d->unit_s; /* a currency sign before the number: 美国GDP达$2億 */
    if (x.ch.start != (size_t)-1) {
        x.context_end = x.ch.start;
        if (x.ch.role == CHG_VERB || x.ch.role == CHG_TO)
            d->direction = (enum keyfig_direction)x.ch.direction;
        if (d->direction)
            d->basis = qualify_basis(lx, s, x.floor, x.ch.start);
        if (x.ch.from_word != (size_t)-1) {
            struct draft *prev = drafts_before(a, d, x.ch.from_word);
            if (prev && prev->num_s < x.ch.start && !d->direction && assemble_same_unit(s, prev, d))
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
            struct draft *prev = drafts_before(a, d, x.floor);
            size_t prev_end = prev ? (prev->unit_e > prev->num_e ? prev->unit_e : prev->num_e) : 0;
            if (prev && prev_end <= x.ch.start && chars_skip_particles(lx, s, prev_end, x.ch.start) == x.ch.start &&
                assemble_same_unit(s, prev, d)) {
                d->has_from = 1;
                d->from = prev->value;
                prev->dropped = 1;
                x.context_end = prev->num_s; /* the subject stands before the earlier value */
            }
        }
    } else {
        /* a list sharing one verb: 分别下降5.6%和4%, 分别增长56.5%、86.9% (、 ends a clause) */
        struct draft *prev = drafts_before(a, d, chars_sentence_start(lx, s, d->num_s));
        int l, in_clause = prev && (prev->num_s >= x.floor ||
                                    (prev->end < x.head && chars_next(s, x.head, prev->end) == x.head &&
                                     lex_charset_has(&lx->charset[CHR_ENUM], chars_cp_at(s, x.head, prev->end, &l))));
        if (in_clause && prev->end <= x.head && prev->direction && qualify_only_connectors(lx, s, prev->end, x.head)) {
            d->direction = prev->direction;
            d->basis = prev->basis;
        }
    }
    if (!d->direction && x.ch.start == (size_t)-1) /* 6.4%的涨幅: the change named after the figure */
        d->direction = (enum keyfig_direction)qualify_change_after(lx, s, a->txt.norm_len, m->end);
    return x;
}

static void assemble(const struct keyfig_patterns *p, struct keyfig_article *a, const struct rule_match *m)
{
    const char *s = a->txt.norm;
    const struct lex_word *uw = NULL;
    struct draft *d = draft_value(p, a, m, &uw);
    if (!d)
        return;
    struct context x = qualify(p, a, m, d);
    size_t end = subjects_find(p, a, m, d, uw, &x);
    /* …預算開支增幅最大，介乎六成至七成, 年增率為2.2%: a share whose subject is a rate of change
     * grows or falls as that rate says, when its own clause names no change and no base (增速比全国
     * 高2.3个百分点 is a difference) */
    if (!d->direction && x.ch.start == (size_t)-1 && d->kind == KEYFIG_KIND_PERCENT && d->subj_e <= d->num_s &&
        !subject_has_base_word(p->lx, s, d->subj_e, d->num_s))
        d->direction = (enum keyfig_direction)qualify_change_ending(p->lx, s, d->subj_s, d->subj_e);
    /* a bare amount is money when the metric before it says so (突破57万亿 of 投资); a noun
     * after it counts people or things (6600多万纳税人) */
    if (d->kind == KEYFIG_KIND_COUNT && !uw && !d->unit_text &&
        ((d->subj_s < d->num_s && subject_has_money_word(p->lx, s, x.floor, d->num_s)) ||
         subject_has_money_word(p->lx, s, d->subj_s, d->subj_e))) /* 增加一亿开支, 3亿预算 */
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

/* ---- the scan ---- */

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
    a->list_next = subjects_pair_lists(lx, a, a->list_next, k);
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
    /* the splits of this text's stretches, shared by the claims' subjects (subjects.c) */
    poslex_memo_free(a->segmemo);
    a->segmemo = poslex_memo_new(s);
    struct filter *f = filter_new(p, m, a, all);
    size_t pos = 0, ts, te;
    while (matcher_next_number(p->rules, m, s, n, pos, &ts, &te)) {
        if (emit && a->ndrafts >= EMIT_BATCH)
            emit_final(p->lx, a, ts, emit, ctx);
        /* every number met counts, claim or not, so that a claim's id is the same with and
         * without --all and whatever becomes of the numbers before it */
        a->numbers++;
        if (filter_at(f, ts, te, &pos))
            continue;
        struct rule_match rm;
        if (matcher_claim(p->rules, m, s, n, ts, &rm)) {
            assemble(p, a, &rm);
            pos = rm.end > ts ? rm.end : te;
        } else {
            pos = te;
        }
    }
    filter_free(f);
    if (emit)
        emit_final(p->lx, a, (size_t)-1, emit, ctx);
    else
        a->list_next = subjects_pair_lists(p->lx, a, a->list_next, a->ndrafts);
    poslex_memo_free(a->segmemo);
    a->segmemo = NULL;
}
