/* pagejson: JSON written into an HTML page, inside <script type="application/json">: strings are
 * escaped so that no text can end or bend the script element. */
#ifndef KEYFIG_PAGEJSON_H
#define KEYFIG_PAGEJSON_H

#include <stddef.h>
#include "util.h"

/* s[0..n) (valid UTF-8) as a JSON string; < > & and U+2028/2029 as \u escapes. */
void json_str(struct buf *b, const char *s, size_t n);
/* A C string, or null for NULL. */
void json_cstr(struct buf *b, const char *s);
/* A JSON text (valid, as Jansson writes it), or null for NULL: < > & and U+2028/2029, which
 * can only stand inside its strings, become \u escapes there. */
void json_raw(struct buf *b, const char *s);
/* A number: whole numbers as integers, else 15 significant digits; null when not finite. */
void json_num(struct buf *b, double v);
/* "key": */
void json_key(struct buf *b, const char *key);

#endif
