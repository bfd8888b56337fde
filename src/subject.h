/* subject: what a figure counts or measures: the noun after a classifier (46辆巡回诊疗车) or
 * the metric named before the number (行驶里程32.3万公里), bounded by the words of subject.tsv. */
#ifndef KEYFIG_SUBJECT_H
#define KEYFIG_SUBJECT_H

#include <stddef.h>
#include <stdint.h>
#include "keyfig.h"

struct lexicon;
struct lex_list;

#include "poslex.h"

/* What the noun-phrase tools below share while they look at one text for one claim: the word
 * lists, and the splits poslex_segment gave for the last SUBJECT_SPLITS stretches of the text,
 * which the tools often ask for again (a clause narrowed and then tested for a measure, the
 * window around a verb, a clause tested for a frame and then read for its topic). The caller
 * keeps it on its stack for as long as it works on one claim: subject_ctx_init, no free. */
#define SUBJECT_SPLITS 8
struct subject_ctx {
    const struct lexicon *lx; /* borrowed */
    const char *s;            /* the text the splits are of; borrowed */
    struct subject_split {
        size_t a, b, max, n;
        struct pos_word w[POSLEX_MAX_CHARS];
    } split[SUBJECT_SPLITS];
    unsigned nsplits, next;   /* splits kept; the one to replace next */
    struct poslex_memo *memo; /* the text's splits (of every claim so far), or NULL; borrowed */
};

/* Start sx on the text s with the word lists lx, with no split kept. */
void subject_ctx_init(struct subject_ctx *sx, const struct lexicon *lx, const char *s);
/* The same, with the memo of the splits of s made so far (poslex_memo_new(s)), which it adds to. */
void subject_ctx_init_memo(struct subject_ctx *sx, const struct lexicon *lx, const char *s, struct poslex_memo *memo);

/* poslex_segment(sx->lx, s, a, b, out, max), the same words, from sx when it holds that split. */
size_t subject_segment(struct subject_ctx *sx, const char *s, size_t a, size_t b, struct pos_word *out, size_t max);

/* How a claim's subject was found (the claim's subject_rule), strongest first. */
enum subject_rule {
    SUBJ_RULE_NONE,             /* no subject */
    SUBJ_RULE_AFTER_CLASSIFIER, /* the noun after the classifier: 46辆巡回诊疗车 */
    SUBJ_RULE_HEAD_AFTER_DE,    /* the head after 的: 24万生活居住在…的丽水华侨 */
    SUBJ_RULE_VERB_OBJECT,      /* the object between a change verb and the number: 减少费用207.7万元 */
    SUBJ_RULE_BEFORE_NUMBER,    /* the metric named before the number: 行驶里程32.3万公里 */
    SUBJ_RULE_FROM_TO,          /* the metric before 从/由 of a from-to change */
    SUBJ_RULE_LIST,             /* its own item of a list the numbers pair with (A、B分别为x、y) */
    SUBJ_RULE_CARRIED,          /* an earlier figure's metric in the sentence: …亿元，同比增长6.9% */
    SUBJ_RULE_PREVIOUS_CLAUSE,  /* the clause before the figure's own */
    SUBJ_RULE_BASE_VALUE,       /* the base named before the figure: 较去年的预算19亿元 */
    SUBJ_RULE_LIST_INTRO,       /* the line introducing a list the figure is an item of (…如下：) */
    SUBJ_NRULES
};

/* The name of a rule as the JSON gives it ("after_classifier", ...), NULL for SUBJ_RULE_NONE. */
const char *subject_rule_name(enum subject_rule r);

/* A name in quotes at s[at] (“一村一品”, 「X」: article.tsv's quote marks, at most a dozen characters,
 * no comma or sentence end inside): the end of its closing quote; at when there is none. */
size_t subject_quoted_at(const struct lexicon *lx, const char *s, size_t n, size_t at);

/* The noun phrase right after a classifier: 46辆巡回诊疗车累计 -> 巡回诊疗车. */
size_t subject_noun_after(struct subject_ctx *sx, const char *s, size_t n, size_t at);

/* Where the head noun after the last 的 of the clause begins, when 的 comes after the noun
 * phrase at `at` and before the clause ends; else 0. */
size_t subject_head_after_de(const struct lexicon *lx, const char *s, size_t n, size_t at);

/* 两次降低存款准备金率: after an action counter the thing counted is a verb phrase; it runs from
 * the verb to the next boundary word. Returns at when no verb follows. */
size_t subject_verb_phrase_after(struct subject_ctx *sx, const char *s, size_t n, size_t at);

/* 1 when s[a, b) holds a base or compare word of subject.tsv (比, 高于): what follows is a
 * difference from the base, not a change. */
int subject_has_base_word(const struct lexicon *lx, const char *s, size_t a, size_t b);

/* 1 when s[a, b) holds a money word of subject.tsv (资金, 预算, 税) and does not end in a noun of
 * people (chars.tsv's role person: 纳税人): a bare amount (突破57万亿) with such a subject is money. */
int subject_has_money_word(const struct lexicon *lx, const char *s, size_t a, size_t b);

/* The metric named before the number: the text after the last verb of the clause that
 * leaves something after it (开展巡回医疗服务 -> 巡回医疗服务), minus leading place words. */
void subject_before(struct subject_ctx *sx, const char *s, size_t a, size_t b, size_t *ss, size_t *se);

/* 沒有轉爲公私合營的…比重，將只佔百分之二十九: a figure whose clause names no metric takes the
 * noun phrase of the clause before (back to limit, the previous figure or the sentence start),
 * passing over up to three clauses that set a frame (在政策介入后, 据统计). Returns 1 with
 * [*ss, *se) set, else 0. */
int subject_of_previous_clause(struct subject_ctx *sx, const char *s, size_t limit, size_t floor, int actions,
                               size_t *ss, size_t *se);
/* The role (enum subject_role) of the longest subject.tsv word at `at`; returns its length, 0 if none. */
/* The length of a de word (subject.tsv's role de: 的 之) at s[at], or 0; s[0, n). */
size_t subject_de_at(const struct lexicon *lx, const char *s, size_t n, size_t at);
/* The length of a de word ending at s[b] and starting at or after a, or 0. */
size_t subject_de_before(const struct lexicon *lx, const char *s, size_t a, size_t b);

int subject_role_at(const struct lexicon *lx, const char *s, size_t n, size_t at, int *role);

/* 1 when the word at `at` is a locative (上 中 下 内): 增长5%的基础上 frames the figure. */
int subject_place_follows(struct subject_ctx *sx, const char *s, size_t n, size_t at);

/* 1 when [ss, se) is only words that name a measure (增速, 涨幅, 占比, 数字): such a subject
 * says how, not what, and the figure takes the metric named nearby when there is one. */
/* 占总收入的60%, 占GDP的比重稳定在25%: the last share word (subject.tsv's role share) in [a, b)
 * and the whole it names after it, without a trailing 的 (占总收入, 占GDP的比重). Returns 1 with
 * [*ps, *pe) set to that phrase, else 0. */
int subject_share_phrase(struct subject_ctx *sx, const char *s, size_t a, size_t b, size_t *ps, size_t *pe);

/* 较去年经修订后的预算19亿元, 较原先预测的544亿元: when a compare word (subject.tsv's role compare) in [a, b) is
 * followed by a noun phrase that runs up to b, where the figure begins, that phrase names the
 * base the figure is the value of (a 的 may stand between them unless the figure is a share:
 * 较上年的80% is a ratio). Returns 1 with [*ss, *se) set to it, else 0. */
int subject_base_value(struct subject_ctx *sx, const char *s, size_t a, size_t b, int share, size_t *ss, size_t *se);

/* 回答满意的占80%, 频度为1的为35%: a phrase ending in 的 (a relative clause with no head) right
 * before a linking or share word (了 may follow it) that ends at b, where the figure begins,
 * names the part the figure is of; leading words that cannot begin a subject and a leading
 * locative (中成药里) are left out. Returns 1 with [*ss, *se) set to it (with its 的), else 0. */
int subject_headless_relative(struct subject_ctx *sx, const char *s, size_t a, size_t b, size_t *ss, size_t *se);

/* 频度为1的药品在化学药里占了43%: when [*ss, *se), found after the last verb of [a, b), is the
 * noun of a locative (its 里, 中 after it) right after a preposition, the subject stands before
 * the preposition; sets it and returns 1, else 0 with [*ss, *se) unchanged. */
int subject_before_locative(struct subject_ctx *sx, const char *s, size_t a, size_t b, int actions, size_t *ss, size_t *se);

/* 中欧班列累计开行8万列: when [*ss, *se) is an action alone (verbs only) and an adverb of counting
 * (累计, 共) stands between it and a noun phrase of [a, *ss), the subject begins with that noun
 * phrase: the action is the noun's. Returns 1 when it moved *ss. */
int subject_actor_before(struct subject_ctx *sx, const char *s, size_t a, size_t *ss, size_t se);

/* The end of the noun phrase [a, b) before its first verb that follows a noun (市民接种第三剂疫苗
 * -> 市民); b when there is none. */
size_t subject_before_predicate(struct subject_ctx *sx, const char *s, size_t a, size_t b);

/* 1 when the word w is a one-character linking verb (chars.tsv's role link: 是 为 有 达 占). */
int subject_linking_verb(const struct lexicon *lx, const char *s, const struct pos_word *w);

/* 1 when s[a, b) is a verb and more (名为青年就业起点: a relative clause before its 的). */
int subject_starts_with_verb(struct subject_ctx *sx, const char *s, size_t a, size_t b);

/* 1 when a listed word at s[v, e) cuts a word of the text's split in pieces that are not both
 * words of two characters or more: 获 of 获益者, 占 of 占有量, 减 of 减税降费; but not 发放 of 发放贷款,
 * 上涨 of 价格上涨. a: where the stretch looked at may begin. */
int subject_cuts_word(struct subject_ctx *sx, const char *s, size_t a, size_t v, size_t e);

int subject_is_measure(struct subject_ctx *sx, const char *s, size_t ss, size_t se);

/* subject_before narrowed to its noun phrase (subject_np); when nothing is left after
 * the clause's last verb (输气量稳定在每日100万方), the noun phrase before that verb. Returns 1
 * with [*ss, *se) set, else 0. */
int subject_before_np(struct subject_ctx *sx, const char *s, size_t a, size_t b, int actions, size_t *ss, size_t *se);

/* Narrow [*ss, *se) to the noun phrase it holds, on the words of the POS lexicon: leading
 * words that cannot begin a subject (adverbs, prepositions, pronouns, time words, numerals)
 * and trailing ones that cannot end it (those, verbs and adjectives) go. What is left must
 * hold a noun and two characters: else the span becomes empty and 0 is returned (no subject
 * rather than a fragment such as 同比, 大致维持 or 由2013年). With actions, a phrase of verbs
 * alone is kept too: a count of actions names the action (全年共接诊74772人次 -> 接诊); an
 * amount (每月可领取3485元) is never about a bare verb. */
int subject_np(struct subject_ctx *sx, const char *s, size_t *ss, size_t *se, int actions);
/* The same for a caller without a subject_ctx. */
int subject_noun_phrase(const struct lexicon *lx, const char *s, size_t *ss, size_t *se, int actions);

/* The same for the words after a classifier, read forwards: the phrase also ends at its first
 * word that is neither a noun, an adjective nor a verb (其他支援员工参与 -> 支援员工,
 * 人数不断下跌 -> 人数). A one-character noun stays (13个省 -> 省). */
int subject_np_after(struct subject_ctx *sx, const char *s, size_t *ss, size_t *se);
/* The same for a caller without a subject_ctx. */
int subject_noun_phrase_after(const struct lexicon *lx, const char *s, size_t *ss, size_t *se);

/* The items of the list before the list word (分别) at list_word, in order, each narrowed to
 * its noun phrase (衣着、交通通讯分别 -> 衣着, 交通通讯), for want figures. The list begins after
 * the last comma or sentence end (at most 80 characters back), or holds the whole clause before
 * when 分别 begins its own. Items are split at every join word (、 和 及); when that does not
 * give want items, at 、 alone and the last item at its last join word (家庭设备用品及维修服务和
 * 交通通讯). Writes at most max [start, end) pairs to items; returns how many. */
size_t subject_list_items(struct subject_ctx *sx, const char *s, size_t list_word, size_t (*items)[2], size_t max,
                          size_t want);

/* 1 when [a, b) holds nothing but join words (、 和 及): two figures of one list. */
int subject_only_joins(const struct lexicon *lx, const char *s, size_t a, size_t b);

#endif
