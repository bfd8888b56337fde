/* svg_clean: copy an SVG chart (gnuplot's output, or anything that sits in its place on disk)
 * keeping only the elements and attributes a chart needs, so that inlining it in the review page
 * cannot run code, reach the network or shadow the page's own element ids (kf-...). */
#ifndef KEYFIG_SVG_CLEAN_H
#define KEYFIG_SVG_CLEAN_H

#include <stddef.h>
#include "util.h"

/* Append the cleaned svg[0..n) to out. Comments, processing instructions, doctypes and CDATA go;
 * script, style, foreignObject and the like go with their content; other unknown elements lose
 * their tags (their text stays, as text); on* handlers, external links and url()s go. */
void svg_clean(const char *svg, size_t n, struct buf *out);

#endif
