/* subjects: which noun phrase each figure is about (see subjects.h). */
#include "subjects.h"

#include <string.h>

#include "chars.h"
#include "cnnum.h"
#include "lexicon.h"
#include "matcher.h"
#include "poslex.h"
#include "subject.h"

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
static int subject_elsewhere(struct subject_ctx *sx, const char *s, struct keyfig_article *a, struct draft *d,
                             size_t floor, int actions)
{
    const struct lexicon *lx = sx->lx;
    size_t sent = chars_sentence_start(lx, s, d->num_s), ss, se;
    struct draft *same = drafts_before(a, d, sent);
    while (same && same->subj_rule == SUBJ_RULE_BASE_VALUE) /* 较去年的预算19亿元，增加三成: not the base's */
        same = drafts_before(a, same, sent);
    if (subject_of_previous_clause(sx, s, same ? same->end : sent, floor, actions, &ss, &se)) {
        d->subj_s = ss, d->subj_e = se;
        d->subj_rule = SUBJ_RULE_PREVIOUS_CLAUSE;
        return 1;
    }
    if (same && same->subj_e > same->subj_s) {
        d->subj_s = same->subj_s, d->subj_e = same->subj_e;
        if (!assemble_same_unit(s, same, d)) /* 占比30%，提高2个百分点; but 占47%，增长9.8% grows the part */
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
static int ends_with_colon(const struct lexicon *lx, const char *s, size_t ls, size_t e)
{
    int l;
    return e > ls && lex_charset_has(&lx->charset[CHR_COLON], chars_cp_at(s, e, chars_prev(s, e), &l));
}

/* - 2018年：15,188 under …综援受助人的数目如下：: a figure on a short line of a list whose line
 * names no metric takes the metric named by the line that introduces the list. */
static int subject_of_list_intro(struct subject_ctx *sx, const char *s, size_t at, size_t *ss, size_t *se)
{
    const struct lexicon *lx = sx->lx;
    size_t floor = at > ITEM_LINES * ITEM_LINE_BYTES ? at - ITEM_LINES * ITEM_LINE_BYTES : 0;
    size_t ls = line_start(s, at, floor);
    if (ls == floor || at - ls > ITEM_LINE_BYTES)
        return 0;
    for (int k = 0; k < ITEM_LINES && ls > floor; k++) {
        size_t e = ls - 1, ps = line_start(s, e, floor); /* the line before: [ps, e) */
        if (ends_with_colon(lx, s, ps, e)) {
            size_t colon = chars_prev(s, e);
            size_t cs = chars_clause_start(lx, s, colon);
            return subject_before_np(sx, s, cs > ps ? cs : ps, colon, 0, ss, se);
        }
        if (e - ps > ITEM_LINE_BYTES)
            return 0; /* a paragraph, not an item: the figure is no list's */
        ls = ps;
    }
    return 0;
}

/* Where d's own stretch of its clause begins: after the figure before it in the clause, if any. */
static size_t figure_floor(struct keyfig_article *a, struct draft *d, const struct context *x)
{
    struct draft *prev = drafts_before(a, d, x->floor);
    return prev && prev->end > x->floor && prev->end <= x->context_end ? prev->end : x->floor;
}

/* 6.4%的涨幅, 占比19.8%: a subject that names only a measure is the measure of the metric named
 * nearby, when there is one before it: 60岁及以上人口 + 占比. */
static void prefer_metric(struct subject_ctx *sx, const char *s, struct keyfig_article *a, struct draft *d,
                          const struct context *x, int actions)
{
    struct draft keep = *d;
    if (!subject_is_measure(sx, s, d->subj_s, d->subj_e))
        return;
    size_t b_s, b_e;
    if (d->subj_s > d->num_s && subject_before_np(sx, s, figure_floor(a, d, x), x->context_end, actions, &b_s, &b_e) &&
        !subject_is_measure(sx, s, b_s, b_e)) { /* 以能源消费年均6.6%的增速: the metric before the figure */
        d->subj_s = b_s, d->subj_e = b_e;
        d->subj_rule = SUBJ_RULE_BEFORE_NUMBER;
        d->subj2_s = keep.subj_s, d->subj2_e = keep.subj_e;
        return;
    }
    if (!subject_elsewhere(sx, s, a, d, x->floor, actions) || subject_is_measure(sx, s, d->subj_s, d->subj_e))
        *d = keep; /* 6.6%的增速…11.2%的增速: a measure carried is no metric */
    else if (d->subj2_e == d->subj2_s && d->subj_e <= keep.subj_s)
        d->subj2_s = keep.subj_s, d->subj2_e = keep.subj_e;
}

/* 药品收入占总收入的60%, 占GDP的比重稳定在25%左右: a share is of a whole as well as of a part;
 * the subject joins the part's metric (before the share word, or carried from the sentence) to
 * the share phrase: 药品收入占总收入, 制造业增加值占GDP的比重. With no metric, the phrase alone. */
static void join_share(struct subject_ctx *sx, const char *s, struct keyfig_article *a, struct draft *d,
                       const struct context *x)
{
    size_t ps, pe;
    if (d->kind != KEYFIG_KIND_PERCENT || d->subj2_e > d->subj2_s ||
        !subject_share_phrase(sx, s, x->floor, d->num_s, &ps, &pe))
        return;
    if (drafts_before(a, d, ps)) /* 占本年收入的47%，比上年增长9.8%: the share is the figure before */
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
    if (subject_elsewhere(sx, s, a, d, x->floor, 0) && d->subj_e <= ps && d->subj2_e == d->subj2_s) {
        d->subj2_s = ps, d->subj2_e = pe;
    } else { /* the whole alone: 占世界经济的比重 */
        *d = keep;
        d->subj_s = ps, d->subj_e = pe, d->subj2_s = d->subj2_e = 0;
        d->subj_rule = SUBJ_RULE_BEFORE_NUMBER;
    }
}

/* The noun phrase after a 的 right after the figure (450元的现金补贴), when nothing but the
 * clause's end or a verb follows it: 增长5%的基础上 is a frame, not a subject. */
static int noun_after_de(struct subject_ctx *sx, const char *s, size_t n, size_t at, size_t *ss, size_t *se)
{
    const struct lexicon *lx = sx->lx;
    size_t l = subject_de_at(lx, s, n, at);
    if (!l)
        return 0;
    size_t b = subject_noun_after(sx, s, n, at + l);
    *ss = at + l, *se = b;
    /* 2至3萬人以內的事: a one-character head after 的 (事, 人) is a light noun, not what is counted */
    if (!(b > *ss && subject_np_after(sx, s, ss, se)) || subject_place_follows(sx, s, n, *se) ||
        utf8_count(s + *ss, *se - *ss) < 2)
        return 0;
    size_t hs = *ss, he = *se; /* the noun heads the phrase: 的速度扩展 -> 速度 */
    if (subject_np(sx, s, &hs, &he, 0))
        *ss = hs, *se = he;
    return 1;
}

/* The end of a verb (not a linking verb) and the noun phrase after it at s[at]
 * (成为世界第一大货物贸易国), or at. */
static size_t verb_and_object_at(struct subject_ctx *sx, const char *s, size_t n, size_t at)
{
    struct pos_word w[4];
    size_t e = chars_forward(s, n, at, 4);
    if (e == at || subject_segment(sx, s, at, e, w, 4) < 2 || w[0].cls != POS_VERB || subject_linking_verb(sx->lx, s, &w[0]))
        return at; /* 是, 有: a linking verb says what the time was, not what went on */
    size_t o = subject_noun_after(sx, s, n, w[0].end), os = w[0].end, oe = o;
    return o > w[0].end && subject_np_after(sx, s, &os, &oe) ? oe : at;
}

/* 农村居民收入是城镇居民的0.4倍: a linking verb (chars.tsv's role link, not a share word such as 占)
 * then a noun phrase and 的 right before the figure: that phrase is the base the figure is a
 * multiple or share of, the subject is named before the verb. Returns 1 with [*ss, *se) set; 2
 * when nothing names it there (…完成520亿元，为预算的102.3%: it is named elsewhere); else 0. */
static int linked_base(struct subject_ctx *sx, const char *s, size_t a, size_t b, size_t *ss, size_t *se)
{
    const struct lexicon *lx = sx->lx;
    size_t de = subject_de_before(lx, s, a, b);
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t n = de ? subject_segment(sx, s, a, b - de, w, POSLEX_MAX_CHARS) : 0;
    for (size_t i = n; i-- > 0;) {
        int role;
        if (!subject_linking_verb(lx, s, &w[i]))
            continue;
        if (subject_role_at(lx, s, w[i].end, w[i].start, &role) && role == SUBJ_SHARE)
            return 0;
        size_t bs = w[i].end, be = b - de;
        if (!subject_np(sx, s, &bs, &be, 0) || be != b - de) /* 年度计划的: a leading time word may go */
            return 0;
        return subject_before_np(sx, s, a, w[i].start, 0, ss, se) ? 1 : 2;
    }
    return 0;
}

/* 1 when the noun phrase of the clause ends right before d's number and is a measure or names a
 * rate (chars.tsv's role rate: 国产化率100%的硬核科技, 增速5%的行业): the figure is its value. */
static int rate_before(struct subject_ctx *sx, const char *s, const struct context *x, const struct draft *d)
{
    size_t b_s, b_e;
    if (x->context_end != d->num_s || !subject_before_np(sx, s, x->floor, x->context_end, 0, &b_s, &b_e) ||
        b_e != d->num_s)
        return 0;
    int l;
    return lex_charset_has(&sx->lx->charset[CHR_RATE], chars_cp_at(s, b_e, chars_prev(s, b_e), &l)) ||
           subject_is_measure(sx, s, b_s, b_e);
}

/* The length of the one-character adjective at s[at] that names a dimension right before 的
 * (60毫米厚的, 3米高的: 厚, 高), else 0. */
static size_t dimension_word_at(const struct lexicon *lx, const char *s, size_t n, size_t at)
{
    int l;
    if (at >= n)
        return 0;
    chars_cp_at(s, n, at, &l);
    return poslex_class(lx, s + at, (size_t)l) == POS_MOD && subject_de_at(lx, s, n, at + (size_t)l) ? (size_t)l : 0;
}

/* The end of the noun phrase that begins right at `at` (a noun read forwards, narrowed as after a
 * classifier, not starting later), or at when there is none. */
static size_t noun_at(struct subject_ctx *sx, const char *s, size_t n, size_t at)
{
    size_t ns = at, ne = subject_noun_after(sx, s, n, at);
    return ne > ns && subject_np_after(sx, s, &ns, &ne) && ns == at ? ne : at;
}

/* The subject: the noun after the classifier, else the metric before the number, else the
 * subject of the sentence's previous claim or its previous clause. Returns the end of the
 * claim's text (past a noun that follows it). */
static size_t find_subject(struct subject_ctx *sx, struct keyfig_article *a, const struct rule_match *m,
                           struct draft *d, const struct lex_word *uw, const struct context *x)
{
    const struct lexicon *lx = sx->lx;
    const char *s = a->txt.norm;
    size_t n = a->txt.norm_len;
    size_t end = m->end;
    if (d->unit_s > end) { /* 656、459和446个课程: a list shares the last number's unit and its noun */
        size_t np_s = d->unit_e, np_e = subject_noun_after(sx, s, n, d->unit_e), v_s = np_s, v_e = np_e;
        /* only a count counts actions (…次培训); 五折至六折出售 is no share of 出售 */
        if (np_e > np_s && subject_np_after(sx, s, &np_s, &np_e) &&
            (d->kind == KEYFIG_KIND_COUNT || subject_np(sx, s, &v_s, &v_e, 0))) {
            d->subj_s = np_s, d->subj_e = np_e;
            d->subj_rule = SUBJ_RULE_AFTER_CLASSIFIER;
            return end;
        }
    }
    int takes_noun = d->kind == KEYFIG_KIND_COUNT || d->kind == KEYFIG_KIND_MONEY || d->kind == KEYFIG_KIND_MASS ||
                     d->kind == KEYFIG_KIND_OTHER || /* 1600万千瓦清洁电流 */
                     d->kind == KEYFIG_KIND_LENGTH || d->kind == KEYFIG_KIND_AREA || d->kind == KEYFIG_KIND_VOLUME;
    /* 3600多个“一村一品”示范村镇: a name in quotes after the classifier, with the noun it names */
    size_t quoted = takes_noun && uw ? subject_quoted_at(lx, s, n, end) : end, te;
    if (quoted > end && (te = noun_at(sx, s, n, quoted)) > quoted) {
        d->subj_s = end, d->subj_e = te;
        d->subj_rule = SUBJ_RULE_AFTER_CLASSIFIER;
        return te;
    }
    /* 9成乘客, 三成市民: tenths (a percent unit with a factor in units.tsv) share out the noun after them */
    int tenths = d->kind == KEYFIG_KIND_PERCENT && uw && uw->factor > 1 && !d->has_range; /* not 五折至六折出售 */
    /* 一半楼价, 三分之一村民: a fraction shares out the noun right after it as tenths do */
    tenths |= d->kind == KEYFIG_KIND_RATIO && (!uw || (uw->factor > 0 && uw->factor < 1)) && /* 一半: unit 半 */
              !d->has_range && end == (uw ? d->unit_e : d->num_e) &&
              x->ch.start == (size_t)-1; /* 减少审批事项三分之一: a change's share of its object */
    size_t fwd = takes_noun || tenths ? subject_noun_after(sx, s, n, end) : end;
    /* 4台66万千瓦机组: a count whose noun comes after a measure of each (digits and a unit) */
    size_t digits = end;
    for (int l; d->kind == KEYFIG_KIND_COUNT && uw && fwd == end && digits < n; digits += (size_t)l) {
        uint32_t c = chars_cp_at(s, n, digits, &l);
        if (!cnnum_is_numeral_char(lx->numerals, c) && !(digits > end && c == '.'))
            break;
    }
    const struct lex_word *each = digits > end ? lex_at(&lx->units, s, n, digits) : NULL;
    if (each && (te = noun_at(sx, s, n, digits + each->len)) > digits + each->len) {
        d->subj_s = digits + each->len, d->subj_e = te;
        d->subj_rule = SUBJ_RULE_AFTER_CLASSIFIER;
        return te;
    }
    size_t t_s = end, t_e = fwd;
    if (tenths && fwd > end && !subject_np(sx, s, &t_s, &t_e, 0))
        fwd = end; /* 以市价五折至六折出售: a verb after them is no share of anything */
    size_t de_s, de_e, b_s, b_e;
    size_t dim = takes_noun && d->kind != KEYFIG_KIND_COUNT && d->kind != KEYFIG_KIND_MONEY ? dimension_word_at(lx, s, n, end) : 0;
    if (dim && noun_after_de(sx, s, n, end + dim, &de_s, &de_e)) {
        /* 60毫米厚的覆冰, 3米高的围墙: a measure and the dimension it gives, of the noun after 的 */
        d->subj_s = de_s, d->subj_e = de_e;
        d->subj_rule = SUBJ_RULE_HEAD_AFTER_DE;
        return de_e;
    }
    /* 每月450元的现金补贴: the noun after 的, unless the metric leads straight into the figure
     * (全长164公里的高速铁路, 海拔4750米的高原: 全长 and 海拔 are measured, not the railway) */
    if (fwd == end && noun_after_de(sx, s, n, end, &de_s, &de_e) &&
        !(subject_before_np(sx, s, x->floor, x->context_end, 0, &b_s, &b_e) &&
          b_e == d->num_s)) {
        /* 每月450元的现金补贴, 以每天9.8公里的速度: the figure is the noun's after 的 */
        d->subj_s = de_s, d->subj_e = de_e;
        d->subj_rule = SUBJ_RULE_HEAD_AFTER_DE;
        prefer_metric(sx, s, a, d, x, d->kind == KEYFIG_KIND_COUNT);
        return de_e;
    }
    size_t de = subject_de_at(lx, s, n, end);
    if (!takes_noun && de && subject_noun_after(sx, s, n, end + de) > end + de && !rate_before(sx, s, x, d)) {
        /* 30%的企业, 三分之二以上的村: the share of what follows 的 */
        end += de;
        fwd = subject_noun_after(sx, s, n, end);
    }
    if (fwd == end && uw && d->kind == KEYFIG_KIND_COUNT)
        fwd = subject_verb_phrase_after(sx, s, n, end);
    /* a bare number's noun is the head after 的 (24万生活居住在重点疫区国家的丽水华侨), unless
     * the noun is complete before its 的 (13亿多人口的发展中大国) */
    size_t de_len = subject_de_at(lx, s, n, fwd);
    int ends_at_de = de_len > 0;
    if (ends_at_de && fwd > end && (uw || !d->unit_text) && subject_starts_with_verb(sx, s, end, fwd)) {
        /* 两个名为青年就业起点的资源中心, 10多萬領取長者綜援的人士: a relative clause after the
         * classifier or the bare number; its head is counted */
        size_t hs = fwd + de_len, he = subject_noun_after(sx, s, n, hs);
        if (he > hs && subject_np_after(sx, s, &hs, &he)) {
            d->subj_s = hs, d->subj_e = he;
            d->subj_rule = SUBJ_RULE_HEAD_AFTER_DE;
            return he;
        }
    }
    size_t head_noun = fwd > end && !uw && !d->unit_text && !ends_at_de ? subject_head_after_de(lx, s, chars_window_end(s, n, fwd), fwd) : end;
    if (head_noun > end) {
        d->subj_s = head_noun, d->subj_e = subject_noun_after(sx, s, n, head_noun);
        d->subj_rule = SUBJ_RULE_HEAD_AFTER_DE;
        return d->subj_e;
    }
    size_t np_s = end, np_e = fwd;
    if (fwd > end && subject_np_after(sx, s, &np_s, &np_e)) {
        if (tenths) /* 约四成市民接种第三剂疫苗: a share of people, then what they did */
            np_e = subject_before_predicate(sx, s, np_s, np_e);
        d->subj_s = np_s, d->subj_e = np_e;
        d->subj_rule = SUBJ_RULE_AFTER_CLASSIFIER;
        /* 降低106项...价格: the verb acts on the things counted, the count itself does not change */
        if (takes_noun && x->ch.start != (size_t)-1 && x->ch.role == CHG_VERB)
            d->direction = KEYFIG_DIRECTION_NONE, d->basis = KEYFIG_BASIS_NONE; /* not 上涨6.4%的新高水平 */
        prefer_metric(sx, s, a, d, x, d->kind == KEYFIG_KIND_COUNT);
        return np_e;
    }
    np_s = x->ch.start != (size_t)-1 ? chars_skip_particles(lx, s, x->ch.end, x->head) : end, np_e = x->head;
    /* 达到每千人口执业医师3.4人; not 由…提高到全国平均水平的36396元 (a from-to's value, a ratio) */
    int to_object = x->ch.role == CHG_TO && x->ch.from_word == (size_t)-1 && !subject_de_before(lx, s, x->ch.end, x->head);
    if (x->ch.start != (size_t)-1 && (x->ch.role == CHG_VERB || to_object) &&
        assemble_object_between(lx, s, x->ch.end, x->head) &&
        subject_np(sx, s, &np_s, &np_e, 0)) {
        /* verb, object, number: 为百姓减少费用207.7万元 -> 费用 */
        d->subj_s = np_s, d->subj_e = np_e;
        d->subj_rule = SUBJ_RULE_VERB_OBJECT;
        return end;
    }
    size_t seg = figure_floor(a, d, x);
    int actions = d->kind == KEYFIG_KIND_COUNT;
    /* 医疗人员从2018/19年度至2020/21年度上升7%: whatever stands between 从 and the figure, the
     * metric is named before 从 */
    size_t from = from_word_in(lx, s, seg, x->context_end);
    if (from != (size_t)-1 && subject_before_np(sx, s, seg, from, actions, &d->subj_s, &d->subj_e)) {
        d->subj_rule = SUBJ_RULE_FROM_TO;
        return end;
    }
    if (x->context_end == d->num_s && subject_base_value(sx, s, seg, d->num_s, d->kind == KEYFIG_KIND_PERCENT, &d->subj_s, &d->subj_e)) {
        d->subj_rule = SUBJ_RULE_BASE_VALUE;
        return end;
    }
    int linked = d->kind == KEYFIG_KIND_RATIO || d->kind == KEYFIG_KIND_PERCENT
                     ? linked_base(sx, s, seg, x->context_end, &d->subj_s, &d->subj_e) : 0;
    if (linked == 1) {
        d->subj_rule = SUBJ_RULE_BEFORE_NUMBER;
        return end;
    }
    if (linked == 2 && subject_elsewhere(sx, s, a, d, x->floor, actions))
        return end;
    if (subject_headless_relative(sx, s, seg, x->context_end, &d->subj_s, &d->subj_e)) {
        d->subj_rule = SUBJ_RULE_BEFORE_NUMBER;
        return end;
    }
    if (subject_before_np(sx, s, seg, x->context_end, actions, &d->subj_s, &d->subj_e)) {
        subject_before_locative(sx, s, seg, x->context_end, actions, &d->subj_s, &d->subj_e);
        subject_actor_before(sx, s, seg, &d->subj_s, d->subj_e);
        d->subj_rule = SUBJ_RULE_BEFORE_NUMBER;
        prefer_metric(sx, s, a, d, x, actions);
        return end;
    }
    /* 鋼二百十七萬噸: a clause that is a one-character noun and then the figure (a noun phrase
     * read backwards must be two characters long: a lone character is mostly a verb or a word cut) */
    size_t one = chars_skip_particles(lx, s, x->floor, x->context_end);
    int l;
    chars_cp_at(s, n, one, &l);
    if (seg == x->floor && one + (size_t)l == x->context_end && x->context_end == d->num_s &&
        POS_IS_NOUN(poslex_class(lx, s + one, (size_t)l))) {
        d->subj_s = one, d->subj_e = x->context_end;
        d->subj_rule = SUBJ_RULE_BEFORE_NUMBER;
        return end;
    }
    d->subj_s = d->subj_e = end;
    if (subject_elsewhere(sx, s, a, d, x->floor, actions))
        return end;
    size_t vp = d->kind == KEYFIG_KIND_DURATION ? verb_and_object_at(sx, s, n, end) : end;
    if (vp > end) { /* 我国已连续12年成为世界第一大货物贸易国: what went on for that long */
        d->subj_s = end, d->subj_e = vp;
        d->subj_rule = SUBJ_RULE_AFTER_CLASSIFIER;
        return end;
    }
    if (subject_of_list_intro(sx, s, d->num_s, &d->subj_s, &d->subj_e))
        d->subj_rule = SUBJ_RULE_LIST_INTRO;
    return end;
}

size_t subjects_find(const struct keyfig_patterns *p, struct keyfig_article *a, const struct rule_match *m,
                     struct draft *d, const struct lex_word *uw, const struct context *x)
{
    struct subject_ctx sx; /* the splits of this claim's clauses, for this claim only */
    subject_ctx_init_memo(&sx, p->lx, a->txt.norm, a->segmemo);
    size_t end = find_subject(&sx, a, m, d, uw, x);
    join_share(&sx, a->txt.norm, a, d, x);
    return end;
}

/* ---- lists paired with their figures ---- */

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
/* 北京、上海、广州三地的平均房价分别为…: the last item of a list may hold the head every item
 * shares, after its last 的 (no other item has a 的). Then the last item ends before that 的, and
 * before the count that sums the items up (三地), and [*hs, *he) is the head; else 0. */
/* 小学、初中在校生分别为…: with no 的, the last item is a word like each item before it (one word
 * of the same class and length) and then the head they share. 1 with the last item cut to its
 * word and [*hs, *he) set to the head. */
static int head_without_de(struct subject_ctx *sx, const char *s, size_t (*items)[2], size_t n, size_t *hs, size_t *he)
{
    struct pos_word w[POSLEX_MAX_CHARS], v[2];
    size_t ls = items[n - 1][0], le = items[n - 1][1];
    size_t nw = ls < le ? subject_segment(sx, s, ls, le, w, POSLEX_MAX_CHARS) : 0;
    if (nw < 2)
        return 0;
    size_t len = utf8_count(s + w[0].start, w[0].end - w[0].start);
    for (size_t k = 0; k + 1 < n; k++)
        if (items[k][0] >= items[k][1] || subject_segment(sx, s, items[k][0], items[k][1], v, 2) != 1 ||
            v[0].cls != w[0].cls || utf8_count(s + v[0].start, v[0].end - v[0].start) != len)
            return 0;
    size_t a = w[0].end, b = le;
    if (!subject_np(sx, s, &a, &b, 0) || a != w[0].end || b != le)
        return 0;
    items[n - 1][1] = w[0].end;
    *hs = a, *he = b;
    return 1;
}

static int shared_head(struct subject_ctx *sx, const char *s, size_t (*items)[2], size_t n, size_t *hs, size_t *he)
{
    const struct lexicon *lx = sx->lx;
    for (size_t k = 0; k + 1 < n; k++) {
        if (subject_de_before(lx, s, 0, items[k][0]))
            return 0; /* 城镇居民的收入、…: the item has a head of its own */
        for (size_t i = items[k][0]; i < items[k][1]; i = chars_next(s, items[k][1], i))
            if (subject_de_at(lx, s, items[k][1], i))
                return 0;
    }
    size_t ls = items[n - 1][0], le = items[n - 1][1], de = (size_t)-1, dl = 0;
    for (size_t i = ls; i < le; i = chars_next(s, le, i)) {
        size_t l = subject_de_at(lx, s, le, i);
        if (l)
            de = i, dl = l;
    }
    if (de == (size_t)-1)
        return head_without_de(sx, s, items, n, hs, he);
    if (de == ls)
        return 0;
    size_t a = de + dl, b = le;
    if (!subject_np(sx, s, &a, &b, 0))
        return 0;
    struct pos_word w[POSLEX_MAX_CHARS];
    size_t nw = subject_segment(sx, s, ls, de, w, POSLEX_MAX_CHARS), end = de;
    for (size_t i = 1; i < nw; i++)
        if (w[i].cls == POS_NUM) { /* 广州三地 -> 广州 */
            end = w[i].start;
            break;
        }
    size_t is = ls, ie = end;
    if (!subject_np(sx, s, &is, &ie, 0))
        return 0;
    items[n - 1][0] = is, items[n - 1][1] = ie;
    *hs = a, *he = b;
    return 1;
}

/* 实现营业收入199.9亿元，净利润29.8亿元，同比分别增长19.2%和5.9%: a list of ng figures after 分别
 * with no list of items before it pairs, in order, with the ng figures just before it in the same
 * sentence, when each of those names its own subject. 1 when it paired them. */
static int pair_with_figures_before(const struct lexicon *lx, struct keyfig_article *a, const size_t *group, size_t ng)
{
    const char *s = a->txt.norm;
    size_t sent = chars_sentence_start(lx, s, a->drafts[group[0]].start);
    size_t before[LIST_MAX], nb = 0;
    for (size_t j = group[0]; j-- > 0 && nb < ng;) {
        const struct draft *e = &a->drafts[j];
        if (e->start < sent)
            break;
        if (!e->is_claim || e->dropped)
            continue;
        if (e->subj_e <= e->subj_s || e->subj_rule == SUBJ_RULE_LIST)
            return 0;
        before[ng - 1 - nb++] = j;
    }
    if (nb < ng)
        return 0;
    for (size_t k = 0; k < ng; k++) /* each its own: not one subject carried along */
        for (size_t m = k + 1; m < ng; m++) {
            const struct draft *x = &a->drafts[before[k]], *y = &a->drafts[before[m]];
            if (x->subj_e - x->subj_s == y->subj_e - y->subj_s && !memcmp(s + x->subj_s, s + y->subj_s, x->subj_e - x->subj_s))
                return 0;
        }
    for (size_t k = 0; k < ng; k++) {
        struct draft *e = &a->drafts[group[k]];
        const struct draft *f = &a->drafts[before[k]];
        e->subj_s = f->subj_s, e->subj_e = f->subj_e;
        e->subj2_s = f->subj2_s, e->subj2_e = f->subj2_e;
        e->subj_rule = SUBJ_RULE_LIST;
    }
    return 1;
}

size_t subjects_pair_lists(const struct lexicon *lx, struct keyfig_article *a, size_t from, size_t to)
{
    const char *s = a->txt.norm;
    struct subject_ctx sx;
    subject_ctx_init_memo(&sx, lx, s, a->segmemo);
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
        size_t ni = subject_list_items(&sx, s, lw, items, LIST_MAX, ng), hs = 0, he = 0;
        if (ng >= 2 && ni == ng) {
            int head = shared_head(&sx, s, items, ni, &hs, &he);
            for (size_t k = 0; k < ng; k++) {
                struct draft *e = &a->drafts[group[k]];
                e->subj_s = items[k][0], e->subj_e = items[k][1];
                e->subj2_s = head ? hs : 0, e->subj2_e = head ? he : 0; /* 北京 + 平均房价 */
                e->subj_rule = SUBJ_RULE_LIST;
            }
        } else if (ng >= 2) { /* no list of as many items before it */
            pair_with_figures_before(lx, a, group, ng);
        }
        i = last;
    }
    return i;
}

