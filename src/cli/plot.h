/* plot: a chart of one article's claims, drawn by gnuplot from a template in plots/.
 * Writes DIR/<id>/figures.png and figures.svg (and the .dat/.gp it ran). */
#ifndef KEYFIG_PLOT_H
#define KEYFIG_PLOT_H

#include "claimsdoc.h"
#include "fs.h"

struct plot_options {
    const char *font;    /* NULL: the template's default CJK font */
    int max_claims;      /* 0: the default (60) */
    struct fs_files *files; /* NULL, or the files this run wrote: a chart never replaces one */
    int path_ids;        /* ids may be relative paths (2024/03/a, from a directory walk), each part
                            checked; 0: one plain name (a JSON Lines record's id) */
};

struct buf;
/* The chart's data (.dat) and gnuplot script of article a into dat and gp, which the caller
 * owns: 0; 1 when the article has no claims to draw; -1 with err filled (naming the article)
 * for a value too large to chart. Writes no file. */
int plot_compose(const struct cd_article *a, const struct plot_options *o, struct buf *dat, struct buf *gp,
                 struct keyfig_error *err);

/* Chart article a into outdir/<a->id>/ (the id checked by fs_out_path). Returns 0; 1 when the
 * article has no claims to draw (nothing written, a message printed); -1 with err filled on
 * failure (no partial image left); -2 when gnuplot cannot be run at all. */
int plot_article(const struct cd_article *a, const char *outdir, const struct plot_options *o,
                 struct keyfig_error *err);

#endif
