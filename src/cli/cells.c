/* cells: display widths for the plot labels and the query table. A character from U+1100 up
 * counts two cells: wide enough for CJK, which is what these texts hold beside ASCII. */
#include "cells.h"

#include <stdint.h>
#include <string.h>

#include "util.h"

static size_t cp_cells(uint32_t cp)
{
    return cp >= 0x1100 ? 2 : 1;
}

size_t cells_width(const char *s)
{
    size_t cells = 0, n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp = '?';
        int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        i += l ? (size_t)l : 1;
        cells += cp_cells(cp);
    }
    return cells;
}

void cells_add_clean(struct buf *b, const char *s, size_t max)
{
    size_t cells = 0, n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp = '?';
        int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        l = l ? l : 1;
        cells += cp_cells(cp);
        if (max && cells > max) {
            buf_adds(b, "…");
            return;
        }
        if (cp < 0x20 || cp == 0x7f)
            buf_addc(b, ' ');
        else
            buf_add(b, s + i, (size_t)l);
        i += (size_t)l;
    }
}
