/* plot: a chart of one article's claims, drawn by gnuplot from a template in plots/.
 * Writes DIR/<id>/figures.png and figures.svg (and the .dat/.gp it ran). */
#ifndef KEYFIG_PLOT_H
#define KEYFIG_PLOT_H

#include "claimsdoc.h"

struct plot_options {
    const char *font;    /* NULL: the template's default CJK font */
    int max_claims;      /* 0: the default (60) */
};

/* Chart article a into outdir/<a->id>/. Returns 0; 1 when the article has no claims to draw
 * (nothing written, a message printed); -1 with err filled on failure (no partial image left). */
int plot_article(const struct cd_article *a, const char *outdir, const struct plot_options *o,
                 struct keyfig_error *err);

#endif
