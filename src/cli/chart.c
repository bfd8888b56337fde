/* chart: chart layout, no I/O (see chart.h). */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "cnnum.h"
#include "patset.h"
#include "template.h"

#define SUBJECT_MAX_CELLS 36 /* 18 Chinese characters */
#define WIDTH 1200

/* The kinds in chart order, which is also salience order: when an article has more claims
 * than fit, money comes first, then percentages, then counts. plots/figures.gp and corpus.gp
 * name and colour kinds by this order (KNAME, KCOLOR), so keep the three lists in step. */
static const char *const kinds[] = {"money",  "percent",  "count", "length", "area", "mass",
                                    "volume", "duration", "ratio", "rate",   "temperature", "other"};
#define NKINDS (sizeof kinds / sizeof kinds[0])
_Static_assert(NKINDS == PLOT_NKINDS, "chart.h counts the kinds of kinds[]");

static int kind_index(const char *name)
{
    for (size_t i = 0; name && i < NKINDS; i++)
        if (!strcmp(name, kinds[i]))
            return (int)i;
    return (int)NKINDS - 1; /* an unknown kind is drawn as "other" */
}

/* One bar: a claim and its kind (index into kinds[]). */
struct row {
    const struct cd_claim *c;
    int kind;
};

/* One panel: a run of rows of the same kind, with its x axis. */
struct panel {
    int kind;
    size_t first, n;
    int log;
    double xmin, xmax, step;
};

/* ---- the words of a chart ---------------------------------------------------------------- */

int chart_words_load(struct chart_words *w, struct keyfig_error *err)
{
    memset(w, 0, sizeof *w);
    struct {
        const char *key;
        char **to;
    } keys[] = {{"claims", &w->claims}, {"more", &w->more}, {"corpus_title", &w->corpus_title},
                {"corpus_count", &w->corpus_count}, {"corpus_more", &w->corpus_more}};
    size_t nkeys = sizeof keys / sizeof keys[0], len;
    const char *text = embedded_get("numerals.tsv", &len);
    if (!text)
        return kf_error(err, KEYFIG_STATUS_IO, "patterns/numerals.tsv", 0, "missing from the build (rebuild keyfig)");
    w->num = cnnum_table_load(text, len, "patterns/numerals.tsv", err);
    if (!w->num)
        return -1;
    text = embedded_get("chart.tsv", &len);
    if (!text) {
        chart_words_free(w);
        return kf_error(err, KEYFIG_STATUS_IO, "plots/chart.tsv", 0, "missing from the build (rebuild keyfig)");
    }
    struct tsv_reader r;
    tsv_open(&r, text, len);
    char *f[2];
    int rc = 0;
    while (rc == 0 && tsv_next(&r, f, 2) > 0) {
        size_t k = 0;
        while (k < nkeys && strcmp(f[0], keys[k].key))
            k++;
        if (k == nkeys || *keys[k].to)
            rc = kf_error(err, KEYFIG_STATUS_IO, "plots/chart.tsv", r.lineno, "unknown or repeated key \"%s\"", f[0]);
        else
            *keys[k].to = xstrdup(f[1]);
    }
    tsv_close(&r);
    for (size_t k = 0; rc == 0 && k < nkeys; k++)
        if (!*keys[k].to)
            rc = kf_error(err, KEYFIG_STATUS_IO, "plots/chart.tsv", 0, "no \"%s\" phrase", keys[k].key);
    if (rc)
        chart_words_free(w);
    return rc;
}

void chart_words_free(struct chart_words *w)
{
    cnnum_table_free(w->num);
    free(w->claims);
    free(w->more);
    free(w->corpus_title);
    free(w->corpus_count);
    free(w->corpus_more);
    memset(w, 0, sizeof *w);
}

/* Append phrase (a chart.tsv template) with @name@ as the number a (and @name2@ as b). */
static int phrase(struct buf *out, const char *tmpl, const char *name, size_t a, const char *name2, size_t b,
                  struct keyfig_error *err)
{
    struct tpl_vars vs = {0};
    buf_printf(tpl_var(&vs, name), "%zu", a);
    if (name2)
        buf_printf(tpl_var(&vs, name2), "%zu", b);
    int rc = tpl_fill_text(tmpl, strlen(tmpl), "plots/chart.tsv", &vs, out, err);
    tpl_vars_free(&vs);
    return rc;
}

/* ---- labels ------------------------------------------------------------------------ */

/* Format v for a label, with the multiplier the article used for the claim's own number (the
 * largest section of numerals.tsv in it, the first of equal ones): from 8651e8 next to "18914亿"
 * gives "8651亿", so `由8651亿元增加到18914亿元` reads as written; 億 and 萬 likewise. */
static void add_number_like(struct buf *b, const struct chart_words *w, double v, const char *written)
{
    const char *mult = "";
    int mlen = 0, power = 0;
    for (size_t i = 0, n = written ? strlen(written) : 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode((const unsigned char *)written + i, n - i, &cp);
        if (k <= 0) {
            i++;
            continue;
        }
        int section = 0, p = cnnum_scale(w->num, cp, &section);
        if (section && p > power)
            mult = written + i, mlen = k, power = p;
        i += (size_t)k;
    }
    buf_printf(b, "%.10g%.*s", v / pow(10, power), mlen, mult);
}

static const char *approx_mark(const char *approx)
{
    static const char *const marks[][2] = {
        {"about", "≈"}, {"over", ">"}, {"at_least", "≥"}, {"under", "<"}, {"at_most", "≤"},
    };
    for (size_t i = 0; approx && i < sizeof marks / sizeof marks[0]; i++)
        if (!strcmp(approx, marks[i][0]))
            return marks[i][1];
    return "";
}

/* The figure as the article wrote it, marked: ">1000名", "10→≈3.5分钟", "3–5个",
 * "同比↑5.2%" (a change with no earlier value gets an arrow for its direction). */
static void add_figure(struct buf *b, const struct chart_words *w, const struct cd_claim *c)
{
    const char *dir = c->direction ? c->direction : "";
    if (c->has_from) {
        add_number_like(b, w, c->from, c->value_text);
        buf_adds(b, "→");
    } else if (!strcmp(dir, "increase") || !strcmp(dir, "decrease")) {
        if (c->basis)
            cells_add_clean(b, c->basis, 8);
        buf_adds(b, !strcmp(dir, "increase") ? "↑" : "↓");
    }
    buf_adds(b, approx_mark(c->approx));
    if (c->value_text && *c->value_text)
        cells_add_clean(b, c->value_text, 24);
    else
        add_number_like(b, w, c->value, NULL);
    if (c->has_range) {
        buf_adds(b, "–");
        add_number_like(b, w, c->high, c->value_text);
    }
    if (c->unit)
        cells_add_clean(b, c->unit, 16);
}

/* "subject figure", e.g. "行驶里程 32.3万公里"; the figure alone when there is no subject. */
static void add_label(struct buf *b, const struct chart_words *w, const struct cd_claim *c)
{
    if (c->subject && *c->subject) {
        cells_add_clean(b, c->subject, SUBJECT_MAX_CELLS);
        buf_addc(b, ' ');
    }
    add_figure(b, w, c);
}

/* Append s as one field of the .dat. gnuplot reads a field that holds a double quote as a
 * quoted string and expands backslash escapes in string fields, so quotes and backslashes
 * are written as the escapes \042 and \\: `"; system("id")` comes back as exactly that text.
 * Data fields are never executed, so backquotes and @ need nothing. */
void plot_dat_field(struct buf *b, const char *s)
{
    for (; s && *s; s++) { /* s: a buffer that may have stayed empty (NULL) */
        if (*s == '"')
            buf_adds(b, "\\042");
        else if (*s == '\\')
            buf_adds(b, "\\\\");
        else
            buf_addc(b, *s);
    }
}

/* ---- choosing and arranging claims ------------------------------------------------------ */

/* Kind order first, then the largest value first, then article order. */
static int row_cmp(const void *pa, const void *pb)
{
    const struct row *a = pa, *b = pb;
    /* compared, not subtracted: ids come from JSON and INT_MIN - 1 overflows */
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->c->value != b->c->value)
        return a->c->value > b->c->value ? -1 : 1;
    return (a->c->id > b->c->id) - (a->c->id < b->c->id);
}

/* The claims to draw, most salient first: at most max rows; *omitted counts the rest.
 * Returns an array the caller frees (NULL when nothing is drawable). */
static struct row *choose_rows(const struct cd_article *a, size_t max, size_t *n, size_t *omitted)
{
    struct row *rows = xcalloc(a->nclaims, sizeof *rows);
    size_t k = 0;
    for (size_t i = 0; i < a->nclaims; i++)
        if (a->claims[i].is_claim && isfinite(a->claims[i].value))
            rows[k++] = (struct row){&a->claims[i], kind_index(a->claims[i].kind)};
    qsort(rows, k, sizeof *rows, row_cmp);
    *omitted = k > max ? k - max : 0;
    *n = k > max ? max : k;
    if (*n == 0) {
        free(rows);
        return NULL;
    }
    return rows;
}

static double nice_step(double span)
{
    double raw = span / 6, mag = pow(10, floor(log10(raw)));
    double f = raw / mag;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

/* The x axis of panel p. Figures of one kind may still come in different units (辆 and 人次)
 * or magnitudes (3 and 49.2万): then the axis is logarithmic, and each label carries its unit. */
static void panel_axis(struct panel *p, const struct row *rows)
{
    double lo = 0, hi = 0, minpos = INFINITY;
    int mixed = 0;
    const char *unit = rows[p->first].c->unit ? rows[p->first].c->unit : "";
    for (size_t i = p->first; i < p->first + p->n; i++) {
        const struct cd_claim *c = rows[i].c;
        double vals[2] = {c->value, c->has_from ? c->from : c->value};
        for (int j = 0; j < 2; j++) {
            lo = fmin(lo, vals[j]);
            hi = fmax(hi, vals[j]);
            if (vals[j] > 0)
                minpos = fmin(minpos, vals[j]);
        }
        mixed |= strcmp(c->unit ? c->unit : "", unit) != 0;
    }
    p->log = hi > 0 && (mixed || hi / minpos > 1000);
    if (p->log) {
        p->xmin = pow(10, ceil(log10(minpos)) - 1); /* below the smallest: 10 gets a bar from 1 */
        p->xmax = pow(10, ceil(log10(hi)));
        if (p->xmax <= p->xmin)
            p->xmax = p->xmin * 10;
        p->step = 10;
        return;
    }
    if (hi <= lo)
        hi = lo + 1;
    p->step = nice_step(hi - lo);
    p->xmin = floor(lo / p->step) * p->step;
    p->xmax = ceil(hi * 1.02 / p->step) * p->step;
}

/* Split the sorted rows into one panel per kind. Returns the panel count. */
static size_t make_panels(const struct row *rows, size_t n, struct panel *panels)
{
    size_t np = 0;
    for (size_t i = 0; i < n; i++) {
        if (np == 0 || panels[np - 1].kind != rows[i].kind)
            panels[np++] = (struct panel){.kind = rows[i].kind, .first = i};
        panels[np - 1].n++;
    }
    for (size_t k = 0; k < np; k++)
        panel_axis(&panels[k], rows);
    return np;
}

/* ---- writing the data and the script ---------------------------------------------------- */

/* Where a bar starts: 0 on a linear axis, the axis' left end on a log one. */
static double bar_base(const struct panel *p)
{
    return p->log ? p->xmin : fmax(p->xmin, 0);
}

/* On a log axis a value <= 0 has no bar (it keeps its label). */
static double bar_end(const struct panel *p, double v)
{
    return p->log && v <= 0 ? p->xmin : v;
}

/* figures.dat: block 0 is the heading (title, subtitle), then one block per panel with one
 * line per bar: row, bar start, bar end, earlier value (NaN if none), label. Every line starts
 * with a number, so no text can be taken for a comment. */
static int write_figures_dat(struct buf *d, const struct chart_words *w, const struct cd_article *a,
                             const struct row *rows, size_t n, size_t omitted, const struct panel *panels, size_t np,
                             struct keyfig_error *err)
{
    buf_adds(d, "# keyfig figures: block 0 = title, subtitle; then one block per panel:\n"
                "# row, bar start, bar end, earlier value (NaN: none), label\n0\t");
    struct buf t = {0};
    cells_add_clean(&t, a->title && *a->title ? a->title : a->id ? a->id : "", 100);
    plot_dat_field(d, t.data);
    buf_addc(d, '\t');
    t.len = 0;
    if (a->date && *a->date) {
        cells_add_clean(&t, a->date, 24);
        buf_adds(&t, " · ");
    }
    int rc = phrase(&t, w->claims, "N", n + omitted, NULL, 0, err);
    if (rc == 0 && omitted) {
        buf_adds(&t, " · ");
        rc = phrase(&t, w->more, "N", omitted, NULL, 0, err);
    }
    plot_dat_field(d, t.data);
    buf_addc(d, '\n');
    for (size_t k = 0; k < np; k++) {
        const struct panel *p = &panels[k];
        buf_printf(d, "\n\n# %s\n", kinds[p->kind]);
        for (size_t i = 0; i < p->n; i++) {
            const struct cd_claim *c = rows[p->first + i].c;
            buf_printf(d, "%zu\t%.10g\t%.10g\t", i + 1, bar_base(p), bar_end(p, c->value));
            if (c->has_from)
                buf_printf(d, "%.10g\t", bar_end(p, c->from));
            else
                buf_adds(d, "NaN\t");
            t.len = 0;
            add_label(&t, w, c);
            plot_dat_field(d, t.data);
            buf_addc(d, '\n');
        }
    }
    buf_free(&t);
    return rc;
}

/* Pixels left of the bars for labels of the given width in half-width cells: about 9.5 px a
 * cell at 12 pt (Latin letters of an article id run wider than half an ideograph), kept
 * between 1/6 and 3/5 of the width. */
static size_t left_margin(size_t cells)
{
    size_t left = 24 + cells * 19 / 2;
    return left < WIDTH / 6 ? WIDTH / 6 : left > WIDTH * 3 / 5 ? WIDTH * 3 / 5 : left;
}

/* Pixel layout of the figures chart, top to bottom: heading, then per panel its name, its
 * bars (one row each) and its x tics. */
enum { TOP = 78, PANEL_HEAD = 30, ROW = 26, PANEL_FOOT = 38, BOTTOM = 6, CORPUS_TOP = 110 };

static void figures_vars(struct tpl_vars *vs, const struct chart_words *w, const char *font, const struct row *rows, size_t n,
                         const struct panel *panels, size_t np)
{
    size_t cells = 0;
    for (size_t i = 0; i < n; i++) {
        struct buf t = {0};
        add_label(&t, w, rows[i].c);
        size_t c = cells_width(t.data);
        cells = c > cells ? c : cells;
        buf_free(&t);
    }
    buf_adds(tpl_var(vs, "FONT"), font);
    buf_adds(tpl_var(vs, "DATA"), "figures.dat");
    buf_printf(tpl_var(vs, "WIDTH"), "%d", WIDTH);
    buf_printf(tpl_var(vs, "LEFT"), "%zu", left_margin(cells));
    buf_printf(tpl_var(vs, "NPANELS"), "%zu", np);
    size_t y = TOP;
    for (size_t k = 0; k < np; k++) {
        const struct panel *p = &panels[k];
        const char *sep = k ? ", " : "";
        y += PANEL_HEAD;
        buf_printf(tpl_var(vs, "PKIND"), "%s%d", sep, p->kind + 1);
        buf_printf(tpl_var(vs, "PROWS"), "%s%zu", sep, p->n);
        buf_printf(tpl_var(vs, "PTOP"), "%s%zu", sep, y);
        y += p->n * ROW;
        buf_printf(tpl_var(vs, "PBOT"), "%s%zu", sep, y);
        y += PANEL_FOOT;
        buf_printf(tpl_var(vs, "PLOG"), "%s%d", sep, p->log);
        buf_printf(tpl_var(vs, "PXMIN"), "%s%.10g", sep, p->xmin);
        buf_printf(tpl_var(vs, "PXMAX"), "%s%.10g", sep, p->xmax);
        buf_printf(tpl_var(vs, "PSTEP"), "%s%.10g", sep, p->step);
    }
    buf_printf(tpl_var(vs, "HEIGHT"), "%zu", y + BOTTOM);
}

/* Beyond this a chart's arithmetic (an axis 2% past the largest value, a step a sixth of the
 * span) could overflow to inf and put inf or nan into the script. */
#define PLOT_MAX_VALUE 1e300

/* The first value of a drawn claim too large to chart, or NULL. */
static const struct cd_claim *out_of_range(const struct row *rows, size_t n, double *bad)
{
    for (size_t i = 0; i < n; i++) {
        const struct cd_claim *c = rows[i].c;
        double v[3] = {c->value, c->has_from ? c->from : 0, c->has_range ? c->high : 0};
        for (int k = 0; k < 3; k++)
            if (!(fabs(v[k]) <= PLOT_MAX_VALUE)) {
                *bad = v[k];
                return c;
            }
    }
    return NULL;
}

int chart_figures(const struct cd_article *a, const struct chart_words *w, size_t max_claims, const char *font,
                  struct buf *dat, struct buf *gp, struct keyfig_error *err)
{
    size_t n, omitted;
    struct row *rows = choose_rows(a, max_claims ? max_claims : CHART_DEFAULT_MAX_CLAIMS, &n, &omitted);
    if (!rows)
        return 1;
    double bad = 0;
    const struct cd_claim *c = out_of_range(rows, n, &bad);
    if (c) {
        free(rows);
        return kf_error(err, KEYFIG_STATUS_IO, a->id, 0, "claim %d: value %g is too large to chart (at most %g)",
                        c->id, bad, PLOT_MAX_VALUE);
    }
    struct panel *panels = xcalloc(n, sizeof *panels);
    size_t np = make_panels(rows, n, panels);
    struct tpl_vars vs = {0};
    figures_vars(&vs, w, font, rows, n, panels, np);
    int rc = write_figures_dat(dat, w, a, rows, n, omitted, panels, np, err);
    if (rc == 0)
        rc = tpl_fill("figures.gp", &vs, gp, err);
    tpl_vars_free(&vs);
    free(panels);
    free(rows);
    return rc;
}

/* ---- the corpus overview -------------------------------------------------------------------- */

/* <base>.dat of an overview: block 0 the heading (title TAB subtitle); block 1 one line per bar:
 * row, label, total, then the count of each kind in cols[] order. */
static size_t write_bars_dat(struct buf *d, const char *heading, const struct plot_bar *bars, size_t n,
                             const int *cols, size_t ncols)
{
    size_t cells = 0;
    buf_adds(d, "# keyfig corpus: block 0 = title, subtitle; block 1 = row, article, claims, claims per kind\n0\t");
    buf_adds(d, heading);
    buf_adds(d, "\n\n\n");
    for (size_t i = 0; i < n; i++) {
        size_t sum = 0;
        for (size_t k = 0; k < PLOT_NKINDS; k++)
            sum += bars[i].per[k];
        size_t c = cells_width(bars[i].label);
        cells = c > cells ? c : cells;
        buf_printf(d, "%zu\t", i + 1);
        plot_dat_field(d, bars[i].label);
        buf_printf(d, "\t%zu", sum);
        for (size_t k = 0; k < ncols; k++)
            buf_printf(d, "\t%zu", bars[i].per[cols[k]]);
        buf_addc(d, '\n');
    }
    return cells;
}

int chart_bars(const char *base, const char *heading, const struct plot_bar *bars, size_t n, const char *font,
               struct buf *dat, struct buf *gp, struct keyfig_error *err)
{
    int present[NKINDS] = {0}, cols[NKINDS];
    size_t ncols = 0, most = 1;
    for (size_t i = 0; i < n; i++) {
        size_t sum = 0;
        for (size_t k = 0; k < NKINDS; k++)
            if (bars[i].per[k])
                present[k] = 1, sum += bars[i].per[k];
        most = sum > most ? sum : most;
    }
    for (size_t k = 0; k < NKINDS; k++)
        if (present[k])
            cols[ncols++] = (int)k;
    if (ncols == 0)
        cols[ncols++] = kind_index("count"); /* keep one column so the template has a kind */
    size_t cells = write_bars_dat(dat, heading, bars, n, cols, ncols);
    struct tpl_vars vs = {0};
    buf_adds(tpl_var(&vs, "FONT"), font);
    buf_printf(tpl_var(&vs, "DATA"), "%s.dat", base);
    buf_printf(tpl_var(&vs, "WIDTH"), "%d", WIDTH);
    buf_printf(tpl_var(&vs, "LEFT"), "%zu", left_margin(cells));
    buf_printf(tpl_var(&vs, "NROWS"), "%zu", n);
    buf_printf(tpl_var(&vs, "NKINDS"), "%zu", ncols);
    for (size_t k = 0; k < ncols; k++)
        buf_printf(tpl_var(&vs, "KINDS"), "%s%d", k ? ", " : "", cols[k] + 1);
    double step = nice_step((double)most);
    buf_printf(tpl_var(&vs, "XMAX"), "%.10g", ceil(most * 1.1 / step) * step);
    /* heading and top tics, a row per bar, bottom tics, then the key (3 kinds a line or more) */
    buf_printf(tpl_var(&vs, "HEIGHT"), "%zu", CORPUS_TOP + n * ROW + 60 + (ncols + 2) / 3 * 24);
    int rc = tpl_fill("corpus.gp", &vs, gp, err);
    tpl_vars_free(&vs);
    return rc;
}

int plot_kind_index(const char *name)
{
    return kind_index(name);
}

int chart_corpus(const struct cd_list *l, const struct chart_words *w, struct plot_bar **out, size_t *nout,
                 struct buf *heading, struct keyfig_error *err)
{
    size_t shown = l->n < CHART_CORPUS_MAX_ROWS ? l->n : CHART_CORPUS_MAX_ROWS, total = 0;
    struct plot_bar *bars = xcalloc(shown + 1, sizeof *bars);
    for (size_t i = 0; i < l->n; i++) {
        const struct cd_article *a = &l->articles[i];
        for (size_t j = 0; j < a->nclaims; j++) {
            total += a->claims[j].is_claim != 0;
            if (i < shown && a->claims[j].is_claim)
                bars[i].per[kind_index(a->claims[j].kind)]++;
        }
        if (i >= shown)
            continue;
        struct buf t = {0};
        cells_add_clean(&t, a->id ? a->id : "?", 24);
        if (a->title && *a->title) {
            buf_addc(&t, ' ');
            cells_add_clean(&t, a->title, 28);
        }
        bars[i].label = t.data;
    }
    buf_adds(heading, w->corpus_title);
    buf_addc(heading, '\t');
    int rc = phrase(heading, w->corpus_count, "ARTICLES", l->n, "CLAIMS", total, err);
    if (rc == 0 && shown < l->n) {
        buf_adds(heading, " · ");
        rc = phrase(heading, w->corpus_more, "N", l->n - shown, NULL, 0, err);
    }
    *out = bars;
    *nout = shown;
    return rc;
}

