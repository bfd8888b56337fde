/* value: the "parse numbers" stage (read -> normalise -> match -> parse numbers -> assemble
 * claims). A claim rule has delimited a number in the normalised text; this stage reads its
 * value: the numeral (cnnum.c) plus the words around and inside it that numerals.tsv and
 * valuewords.tsv name (6600多万, 零下5, 百分之三十, 三分一, 8成6, 一倍半, 半), and the multiplier a
 * range or a list shares (2至3万, 3和5万元). It knows no units beyond a per-word's. */
#ifndef KEYFIG_VALUE_H
#define KEYFIG_VALUE_H

#include <stddef.h>

struct cnnum_table;
struct lexicon;

/* Parse the number s[a..b) as written: the approximation characters of numerals.tsv inside it
 * are left out and set *over (6600多万 -> 66000000, over); a per-word of valuewords.tsv sets
 * *unit_text to its unit (百分之三十 -> 30, "%"; else *unit_text is left alone); fractions,
 * written (三分之一, 三分一, 1/4) or not, are stated to four places. 0 with *v set, or -1 when
 * s[a..b) is no number (or longer than 255 bytes). */
int value_parse(const struct cnnum_table *num, const struct lexicon *lx, const char *s, size_t a, size_t b, double *v,
                int *over, const char **unit_text);

/* The multiplier a range's high end s[a2..b2) shares with its low end low: 2至3万, 三至五万,
 * 2~4万元 (20000 to 40000): the hundreds or more (a unit or section of numerals.tsv worth 100
 * or more) that end the high end, when low is below the high end's digits (not 8000至3万,
 * 1千至3万); else 1. */
double value_shared_multiplier(const struct cnnum_table *num, const char *s, size_t a2, size_t b2, double low);

/* The multiplier a list's number s[ns..ne) of value v shares with the last number of the list,
 * whose unit (starting at unit_s) it shares: 分别为3和5万元 (30000 and 50000), 1.5和2.3亿元: the
 * section of numerals.tsv that stands before unit_s, past any approximation characters
 * (3和5万多元). Only for a coefficient in digits with no multiplier of its own, below 1000
 * (分别为3000和2万元 reads as 3000 yuan); else 1. */
double value_list_multiplier(const struct cnnum_table *num, const char *s, size_t ns, size_t ne, size_t unit_s,
                             double v);

/* 1 when s[a..b) is the half character of numerals.tsv alone (一半 as a unit: half the figure). */
int value_is_half(const struct cnnum_table *num, const char *s, size_t a, size_t b);

#endif
