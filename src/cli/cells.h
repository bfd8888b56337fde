/* cells: text as a terminal or a chart lays it out, in half-width cells (a CJK character takes
 * two): its width, and a copy cut to a width with control characters made spaces. */
#ifndef KEYFIG_CELLS_H
#define KEYFIG_CELLS_H

#include <stddef.h>

struct buf;

/* Display width of s in half-width cells. */
size_t cells_width(const char *s);

/* Append s with control characters (tabs and newlines would break a record) turned into
 * spaces, cut to max half-width cells with an ellipsis (0: no limit). */
void cells_add_clean(struct buf *b, const char *s, size_t max);

#endif
