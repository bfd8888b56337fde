/* pdf: the PDF reader (pdf.c, the only file of libkeyfig that includes poppler): a PDF's text
 * layer -> article text with the page and box of every byte (struct extracted, reader.h). */
#ifndef KEYFIG_PDF_H
#define KEYFIG_PDF_H

#include <stddef.h>
#include "keyfig.h"
#include "reader.h"

/* Read a PDF's text layer page by page in reading order, without running heads, page
 * numbers and footers. Returns 0, or -1 with err filled: not a PDF, encrypted, or no text layer. */
int pdf_read(const char *buf, size_t len, const char *source, struct extracted *out, struct keyfig_error *err);

/* The page of text byte start and the box around text bytes [start, end) on that page. */
void pdf_box(const struct pdf_place *places, size_t start, size_t end, int *page, double bbox[4]);

#endif
