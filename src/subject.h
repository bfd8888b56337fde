/* subject: what a figure counts or measures: the noun after a classifier (46辆巡回诊疗车) or
 * the metric named before the number (行驶里程32.3万公里), bounded by the words of subject.tsv. */
#ifndef KEYFIG_SUBJECT_H
#define KEYFIG_SUBJECT_H

#include <stddef.h>
#include <stdint.h>
#include "keyfig.h"

struct lexicon;
struct lex_list;

/* The noun phrase right after a classifier: 46辆巡回诊疗车累计 -> 巡回诊疗车. */
size_t subject_noun_after(const struct lexicon *lx, const char *s, size_t n, size_t at);

/* Where the head noun after the last 的 of the clause begins, when 的 comes after the noun
 * phrase at `at` and before the clause ends; else 0. */
size_t subject_head_after_de(const struct lexicon *lx, const char *s, size_t n, size_t at);

/* 两次降低存款准备金率: after an action counter the thing counted is a verb phrase; it runs from
 * the verb to the next boundary word. Returns at when no verb follows. */
size_t subject_verb_phrase_after(const struct lexicon *lx, const char *s, size_t n, size_t at);

int subject_has_money_word(const struct lexicon *lx, const char *s, size_t a, size_t b);

/* The metric named before the number: the text after the last verb of the clause that
 * leaves something after it (开展巡回医疗服务 -> 巡回医疗服务), minus leading place words. */
void subject_before(const struct lexicon *lx, const char *s, size_t a, size_t b, size_t *ss, size_t *se);

/* 沒有轉爲公私合營的…比重，將只佔百分之二十九: a clause that begins with its verb takes the
 * previous clause of the sentence as its subject. */
void subject_of_previous_clause(const struct lexicon *lx, const char *s, size_t sent, size_t floor, size_t *ss,
                                       size_t *se);

/* The role (enum subject_role) of the longest subject.tsv word at `at`; returns its length, 0 if none. */
int subject_role_at(const struct lexicon *lx, const char *s, size_t n, size_t at, int *role);

#endif
