/* cnnum: numerals -> value. Arabic (1,234.5, full-width １２３), Chinese (两万三千, 一百零五,
 * 〇, 廿 卅), financial (壹贰叁 仟佰拾), traditional (萬 億 兩), and mixed (32.3万, 3,820萬9千,
 * 1万600, 8千4百萬). The character values and roles live in patterns/numerals.tsv; the
 * 十/百/千 within-section and 万/亿 section algorithm is code. It parses a numeral that a
 * matcher has already delimited: it does not search text and knows nothing of units. */
#ifndef KEYFIG_CNNUM_H
#define KEYFIG_CNNUM_H

#include <stddef.h>
#include "keyfig.h"

struct cnnum_table;

/* Build the table from the text of numerals.tsv (path is used in messages).
 * Caller owns the result; NULL with err filled (KEYFIG_STATUS_PATTERN, file:line) on bad data. */
struct cnnum_table *cnnum_table_load(const char *text, size_t len, const char *path, struct keyfig_error *err);
void cnnum_table_free(struct cnnum_table *t);

/* Parse s[0..n), the whole of it, as one numeral. On success stores the value (exact for
 * integers up to 2^53) and returns 0; returns -1 when the text is not one well-formed
 * numeral (一一, 百十一, 10..1万, empty) or the value overflows a double. */
int cnnum_parse(const struct cnnum_table *t, const char *s, size_t n, double *value);

/* Parse "A分之B" (三分之一 -> 0.3333..., 百分之三十 -> 0.3) the same way. */
int cnnum_parse_fraction(const struct cnnum_table *t, const char *s, size_t n, double *value);

/* 1 when the code point is a numeral character of the table (digit, unit, zero, ...). */
int cnnum_is_numeral_char(const struct cnnum_table *t, unsigned cp);

/* 1 when the code point is an approximation character inside a numeral (role approx: 多 in
 * 6600多万), resp. the half character (role half: 半). cnnum_parse reads neither. */
int cnnum_is_approx_char(const struct cnnum_table *t, unsigned cp);
int cnnum_is_half_char(const struct cnnum_table *t, unsigned cp);

/* The power of ten of a unit or section character (百: 2, 万: 4), with *section set to 1 for a
 * section; 0 for any other code point (*section untouched). */
int cnnum_scale(const struct cnnum_table *t, unsigned cp, int *section);

/* The word of A分之B (role fraction), "" when the table names none. */
const char *cnnum_fraction_word(const struct cnnum_table *t);

#endif
