/* metadata: the article's title, date and news items, read from its text where the caller and
 * the document (HTML, PDF) did not give them. Title and date come before the claims (a streaming
 * writer writes the article object first); items are numbered from the item starts the match
 * stage found (patterns/items.rules). */
#ifndef KEYFIG_METADATA_H
#define KEYFIG_METADATA_H

#include <stddef.h>
#include "article.h"

struct matcher;

/* The opening of an article: its title, dateline and first lines, before the body. The date
 * is read from the opening only (a date further on is an event's, not the article's): its
 * first METADATA_OPENING_LINES lines and no more than METADATA_OPENING_BYTES bytes. An item
 * start (本报讯, a dateline) within the first METADATA_OPENING_BYTES bytes has only a title or a
 * short lead before it: it begins item 1, not item 2. */
#define METADATA_OPENING_LINES 3
#define METADATA_OPENING_BYTES 600

/* The title: the first line of s[0..n) with more than 4 characters, when that line has at most
 * 80, does not end with a full stop (article.tsv) and does not begin a news item (items.rules);
 * else "". Newly allocated. */
char *metadata_title(const struct keyfig_patterns *p, struct matcher *m, const char *s, size_t n);

/* The date from the opening of the normalised text: the first full date there (2020-05-16,
 * 2020年5月16日; the date words of article.tsv), else a dateline's month and day with the
 * opening's year; else "". Newly allocated, YYYY-MM-DD. */
char *metadata_date(const struct keyfig_patterns *p, const struct text *t);

/* The 1-based news item of normalised offset at (a->item_starts set). */
int metadata_item_of(const struct keyfig_article *a, size_t at);

#endif
