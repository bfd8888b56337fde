/* spancheck: do claims belong to this text? Each claim's span must lie in the text and hold the
 * claim's own text (white space aside). A review page built from claims of another version of
 * an article would put every highlight in the wrong place. */
#ifndef KEYFIG_SPANCHECK_H
#define KEYFIG_SPANCHECK_H

#include <stddef.h>
#include "claimsdoc.h"
#include "keyfig.h"

/* 0 when every claim of a holds in text[0..len) (UTF-8, spans in code points); else -1 with err
 * ("file: article "id": claim N: ...") naming the first claim that does not. */
int check_spans(const char *file, const struct cd_article *a, const char *text, size_t len, struct keyfig_error *err);

#endif
