/* qualify: the qualifiers read from the words around a number: approximation (约, 多, 以上)
 * and change (增长, 增至, 由X增加到Y, 同比). Word lists come from the lexicon. */
#ifndef KEYFIG_QUALIFY_H
#define KEYFIG_QUALIFY_H

#include <stddef.h>
#include <stdint.h>
#include "keyfig.h"

struct lexicon;
struct lex_list;

struct qualify_change {
    size_t start, end; /* the change word, start (size_t)-1 when none */
    int direction, role;
    size_t from_word;  /* where 由/从 begins, or (size_t)-1 */
};

/* An approximation word just before the number (约1600吨, 将近百分之三十三), also across
 * one linking character (大约是百分之十七). Returns the start of the word, or at. */
size_t qualify_approx_before(const struct lexicon *lx, const char *s, size_t floor, size_t at, enum keyfig_approx *ap);

/* 1 when s[a..b) holds only list connectors (chars.tsv): 下降5.6%和4% shares its verb. */
int qualify_only_connectors(const struct lexicon *lx, const char *s, size_t a, size_t b);

/* The change word closest before `at` in its clause, within CHANGE_GAP_BYTES and with no
 * digit in between; and 由/从 before it, for 由X增加到Y. memo: the text's splits (poslex.h), or NULL. */
struct poslex_memo;
struct qualify_change qualify_change_before(const struct lexicon *lx, struct poslex_memo *memo, const char *s, size_t floor,
                                            size_t at);

/* The direction of a change verb or noun after 的 at `at` (6.4%的涨幅, 3%的增长, 6.6%的增速), or 0. */
int qualify_change_after(const struct lexicon *lx, const char *s, size_t n, size_t at);
/* The direction of a change word of change.tsv that ends s[a, b) (預算開支增幅, 工业产值增速), or 0. */
int qualify_change_ending(const struct lexicon *lx, const char *s, size_t a, size_t b);

/* A basis word of change.tsv (同比, 环比) before `at` in the clause: the comparison it names (its
 * fourth column), else KEYFIG_BASIS_NONE. */
enum keyfig_basis qualify_basis(const struct lexicon *lx, const char *s, size_t floor, size_t at);

/* The approximation of the word of list l that starts at a (in s[..b)), or KEYFIG_APPROX_EXACT. */
enum keyfig_approx qualify_approx_word(const struct lex_list *l, const char *s, size_t a, size_t b);

#endif
