/* chart: the layout of keyfig's charts, with no I/O: which claims an article's chart shows and
 * in what order, their labels, the panels and axes, the .dat file and the gnuplot script filled
 * from its template (plots/figures.gp); the same for an overview of stacked bars (plots/corpus.gp).
 * Article text only ever goes into the .dat; the script holds numbers computed here and the
 * font name. Running gnuplot is gnuplot.c's; the command is plot.c. */
#ifndef KEYFIG_CHART_H
#define KEYFIG_CHART_H

#include <stddef.h>
#include "claimsdoc.h"
#include "keyfig.h"
#include "util.h"

/* The language a chart writes, from built-in data: the multipliers a label keeps as the article
 * wrote them (the section rows of patterns/numerals.tsv, 万 萬 亿 億 兆: 8651e8 next to "18914亿"
 * is "8651亿") and the phrases of the headings (plots/chart.tsv, @NAME@ templates as template.c
 * fills them). */
struct cnnum_table;
struct chart_words {
    struct cnnum_table *num;                        /* the built-in numerals.tsv */
    char *claims, *more;                            /* N claims; N more not shown */
    char *corpus_title, *corpus_count, *corpus_more; /* the overview's title; ARTICLES, CLAIMS; N more */
};
/* 0, or -1 with err filled (a built-in file missing or malformed). */
int chart_words_load(struct chart_words *w, struct keyfig_error *err);
void chart_words_free(struct chart_words *w);

/* The kinds of a chart, in the order of KNAME and KCOLOR in plots/figures.gp and corpus.gp. */
#define PLOT_NKINDS 12
int plot_kind_index(const char *name); /* an unknown kind counts as "other" */

/* Append s to a .dat record as gnuplot reads a string field safely: " and \ escaped. */
void plot_dat_field(struct buf *b, const char *s);

/* One bar of an overview: its label (display text) and its claims per kind. */
struct plot_bar {
    char *label;
    size_t per[PLOT_NKINDS];
};

#define CHART_DEFAULT_MAX_CLAIMS 60

/* The chart of article a (at most max_claims bars, the most salient): its .dat into dat and its
 * script (plots/figures.gp, data file figures.dat) into gp, which the caller owns: 0; 1 when the
 * article has no claims to draw; -1 with err filled (naming the article) for a value too large
 * to chart. */
int chart_figures(const struct cd_article *a, const struct chart_words *w, size_t max_claims, const char *font,
                  struct buf *dat, struct buf *gp, struct keyfig_error *err);

/* An overview: a stacked bar per entry of bars[0..n), coloured by kind, under heading ("title
 * TAB subtitle"); the script (plots/corpus.gp) reads base.dat. 0, or -1 with err filled. */
int chart_bars(const char *base, const char *heading, const struct plot_bar *bars, size_t n, const char *font,
               struct buf *dat, struct buf *gp, struct keyfig_error *err);

/* The overview of claims documents: a bar per article of l (the first CHART_CORPUS_MAX_ROWS),
 * into *bars (*n of them; free each label, then the array) and its heading. 0, or -1 with err. */
#define CHART_CORPUS_MAX_ROWS 400
int chart_corpus(const struct cd_list *l, const struct chart_words *w, struct plot_bar **bars, size_t *n,
                 struct buf *heading, struct keyfig_error *err);

#endif
