/* html: the HTML reader (html.c, the only file of libkeyfig that includes libxml2): a page ->
 * article text with the file bytes behind every byte of it, and the page's title, date and
 * address (struct extracted, reader.h). */
#ifndef KEYFIG_HTML_H
#define KEYFIG_HTML_H

#include <stddef.h>
#include "keyfig.h"
#include "reader.h"

struct patset;

/* What to drop and what breaks lines, from patterns/html.tsv. */
struct html_rules;
struct html_rules *html_rules_load(struct patset *ps, struct keyfig_error *err);
void html_rules_free(struct html_rules *r);

/* Read an HTML page: its charset (encoding, else the page's <meta>, else detected), the article
 * (script, navigation, share bars, ... dropped; blocks as line breaks) and its metadata.
 * Returns 0, or -1 with err filled (named source). Fills out, which the caller frees. */
int html_read(const struct html_rules *r, const char *buf, size_t len, const char *source, const char *encoding,
              int lenient, struct extracted *out, struct keyfig_error *err);

#endif
