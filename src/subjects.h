/* subjects: the subjects stage: which noun phrase each figure is about, and how it was found
 * (the claim's subject_rule): the noun after its classifier, the metric before its number, the
 * base of a comparison, the item of a 分别 list, a share's part and whole, a metric carried from
 * the sentence or the clause before, the line introducing a list. The noun-phrase tools it
 * works with (on jieba's words) are subject.c's. Internal to the library. */
#ifndef KEYFIG_SUBJECTS_H
#define KEYFIG_SUBJECTS_H

#include <stddef.h>

#include "article.h"
#include "assemble.h"

struct keyfig_patterns;
struct lex_word;
struct lexicon;
struct rule_match;

#define LIST_MAX 12 /* items a 分别 list may pair */

/* Find d's subject (d->subj_s..subj_e, a joined piece in subj2_s..subj2_e, d->subj_rule) for
 * the match m in a, with uw the unit's entry in units.tsv (NULL for none) and x the claim's
 * context. May change d's direction and basis where the subject shows the verb acts on the
 * things counted. Returns the end of the claim's text (past a noun that follows the number). */
size_t subjects_find(const struct keyfig_patterns *p, struct keyfig_article *a, const struct rule_match *m,
                     struct draft *d, const struct lex_word *uw, const struct context *x);

/* Pair the figures of a->drafts[from, to) that follow a list word (分别) with the items of the
 * list before it, in order, and give every figure of such a list the direction of its first.
 * Returns the first draft not looked at (a list reaching past `to` is left for the next call). */
size_t subjects_pair_lists(const struct lexicon *lx, struct keyfig_article *a, size_t from, size_t to);

#endif
