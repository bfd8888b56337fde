/* reader: the read stage for inputs that are not plain text. A reader turns an HTML page (html.h,
 * libxml2) or a PDF (pdf.h, poppler) into UTF-8 article text plus, for every byte of that text,
 * where it came from (bytes of the HTML file; page and box of the PDF), which the normalise ->
 * match pipeline then treats like a text article. This header: which reader an input needs and
 * what every reader fills (reader.c). Readers know nothing of claims. */
#ifndef KEYFIG_READER_H
#define KEYFIG_READER_H

#include <stddef.h>
#include <stdint.h>
#include "keyfig.h"

/* Where a byte of PDF text sits: page (1-based; 0 for a line break the reader added) and box in
 * points from the page's top-left corner. */
struct pdf_place {
    uint32_t page;
    float x, y, w, h;
};

struct extracted {
    char *text;              /* UTF-8, NUL-terminated; owned */
    size_t len;
    uint32_t *src_start, *src_end; /* HTML: text byte i came from file bytes [src_start[i], src_end[i]);
                              * len + 1 entries (the last: the file's length); NULL for PDF */
    struct pdf_place *places; /* PDF: len entries; NULL for HTML */
    char *title, *date, *url; /* what the document declares (date as YYYY-MM-DD); NULL when not */
};

void extracted_free(struct extracted *x);

/* Which reader buf[0..len) needs: want unless it is AUTO, else by source's extension, then by
 * the bytes (%PDF-, an HTML document). Returns TEXT for everything else. */
enum keyfig_format reader_detect(enum keyfig_format want, const char *source, const char *buf, size_t len);

#endif
