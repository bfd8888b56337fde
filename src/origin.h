/* origin: strings of the original input behind normalised text: the characters as written
 * (traditional and full-width forms kept), without what normalising dropped. Used by the
 * finish stage (a claim's strings) and the metadata stage (the title). */
#ifndef KEYFIG_ORIGIN_H
#define KEYFIG_ORIGIN_H

#include <stddef.h>
#include "text.h"
#include "util.h"

struct lexicon;

/* The original characters behind normalised bytes [ns, ne) of t into out (emptied first,
 * NUL-terminated): without the line breaks, spaces and annotations normalising dropped.
 * subject (NULL: none) marks a subject's string: also without the quote marks of its
 * article.tsv (role quote) and parentheticals (「X」預算 -> X預算, 细颗粒物(PM2.5)浓度 -> 细颗粒物浓度). */
void origin_chars(const struct text *t, size_t ns, size_t ne, const struct lexicon *subject, struct buf *out);

#endif
