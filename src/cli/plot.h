/* plot: the charts keyfig draws (an article's claims, an overview, a filled template), each as
 * DIR/.../NAME.png and .svg next to the .dat and .gp gnuplot drew them from; and the `keyfig
 * plot` command (cli.h). Layout: chart.h; running gnuplot: gnuplot.h. */
#ifndef KEYFIG_PLOT_H
#define KEYFIG_PLOT_H

#include "chart.h"
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
 * for a value too large to chart. Writes no file (chart_figures with the built-in words). */
int plot_compose(const struct cd_article *a, const struct plot_options *o, struct buf *dat, struct buf *gp,
                 struct keyfig_error *err);

/* Chart article a into outdir/<a->id>/ (the id checked by fs_out_path). Returns 0; 1 when the
 * article has no claims to draw (nothing written, a message printed); -1 with err filled on
 * failure (no partial image left); -2 when gnuplot cannot be run at all. */
int plot_article(const struct cd_article *a, const char *outdir, const struct plot_options *o,
                 struct keyfig_error *err);

#define PLOT_DEFAULT_FONT "Noto Sans CJK SC"

/* Fill the template plots/<tmpl> (placeholders vars[i][0] -> vars[i][1]: numbers this program
 * computed and checked names only, never text from an article) and draw it: dir/base.dat (dat),
 * dir/base.gp, then base.png and base.svg by gnuplot, each written whole or not at all.
 * Returns 0, or -1 with err filled. */
int plot_template(const char *dir, const char *base, const char *tmpl, const char *const (*vars)[2], size_t n,
                  const struct buf *dat, struct keyfig_error *err);

/* 1 for a font name that may go into a script (letters, digits, spaces, - _ . : +). */
int plot_font_ok(const char *f);

/* An overview chart from plots/corpus.gp: a stacked bar per entry of bars[0..n), coloured by kind,
 * under heading ("title TAB subtitle"), as outdir/<base>.png and .svg with the .dat and .gp.
 * Returns 0, or -1 with err filled. */
int plot_bars(const char *outdir, const char *base, const char *heading, const struct plot_bar *bars, size_t n,
              const char *font, struct keyfig_error *err);

#endif
