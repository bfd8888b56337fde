/* plot: the `keyfig plot` command. Charts each article's claims (claimsdoc structs) with
 * gnuplot: choose and sort the claims, label them, write a .dat, fill a template from plots/
 * and run gnuplot on it. Article text only ever reaches gnuplot through the .dat file; the
 * script holds numbers this file computed and the font name, nothing from the article. The same
 * safe drawing serves other commands: plot_template (keyfig trend) and plot_bars (the overview of
 * claims files or of a database, corpus_db.c). */
#include "plot.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cells.h"
#include "cli.h"
#include "corpus_db.h"
#include "fs.h"
#include "patset.h"
#include "template.h"
#include "util.h"

#define DEFAULT_MAX_CLAIMS 60
#define CORPUS_MAX_ROWS 400
#define SUBJECT_MAX_CELLS 36 /* 18 Chinese characters */
#define WIDTH 1200
#define DEFAULT_FONT PLOT_DEFAULT_FONT

/* The kinds in chart order, which is also salience order: when an article has more claims
 * than fit, money comes first, then percentages, then counts. plots/figures.gp and corpus.gp
 * name and colour kinds by this order (KNAME, KCOLOR), so keep the three lists in step. */
static const char *const kinds[] = {"money",  "percent",  "count", "length", "area", "mass",
                                    "volume", "duration", "ratio", "rate",   "temperature", "other"};
#define NKINDS (sizeof kinds / sizeof kinds[0])
_Static_assert(NKINDS == PLOT_NKINDS, "plot.h counts the kinds of kinds[]");

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

/* ---- labels ---------------------------------------------------------------------------- */

/* Format v for a label, with the multiplier the article used for the claim's own number:
 * from 8651e8 next to "18914亿" gives "8651亿", so `由8651亿元增加到18914亿元` reads as written. */
static void add_number_like(struct buf *b, double v, const char *written)
{
    const char *mult = "";
    double scale = 1;
    if (written && strstr(written, "亿"))
        mult = "亿", scale = 1e8;
    else if (written && strstr(written, "万"))
        mult = "万", scale = 1e4;
    buf_printf(b, "%.10g%s", v / scale, mult);
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
static void add_figure(struct buf *b, const struct cd_claim *c)
{
    const char *dir = c->direction ? c->direction : "";
    if (c->has_from) {
        add_number_like(b, c->from, c->value_text);
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
        add_number_like(b, c->value, NULL);
    if (c->has_range) {
        buf_adds(b, "–");
        add_number_like(b, c->high, c->value_text);
    }
    if (c->unit)
        cells_add_clean(b, c->unit, 16);
}

/* "subject figure", e.g. "行驶里程 32.3万公里"; the figure alone when there is no subject. */
static void add_label(struct buf *b, const struct cd_claim *c)
{
    if (c->subject && *c->subject) {
        cells_add_clean(b, c->subject, SUBJECT_MAX_CELLS);
        buf_addc(b, ' ');
    }
    add_figure(b, c);
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
static void write_figures_dat(struct buf *d, const struct cd_article *a, const struct row *rows, size_t n,
                              size_t omitted, const struct panel *panels, size_t np)
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
    buf_printf(&t, "%zu 项数据 (%zu claims)", n + omitted, n + omitted);
    if (omitted)
        buf_printf(&t, " · 另有 %zu 项未显示 (%zu more not shown)", omitted, omitted);
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
            add_label(&t, c);
            plot_dat_field(d, t.data);
            buf_addc(d, '\n');
        }
    }
    buf_free(&t);
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

static void figures_vars(struct tpl_vars *vs, const char *font, const struct row *rows, size_t n,
                         const struct panel *panels, size_t np)
{
    size_t cells = 0;
    for (size_t i = 0; i < n; i++) {
        struct buf t = {0};
        add_label(&t, rows[i].c);
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

/* ---- files and gnuplot -------------------------------------------------------------------- */

static int write_buf(FILE *f, void *data)
{
    const struct buf *b = data;
    return b->len && fwrite(b->data, 1, b->len, f) != b->len ? -1 : 0;
}

/* dir/name, through fs_write: never over a file this run wrote already (two articles, one id). */
static int write_file(const char *dir, const char *name, const struct buf *b, struct fs_files *files,
                      struct keyfig_error *err)
{
    struct buf path = {0};
    buf_printf(&path, "%s/%s", dir, name);
    int rc = fs_write(path.data, write_buf, (void *)b, files, err);
    buf_free(&path);
    return rc;
}

/* The last non-empty line of gnuplot's messages: the error itself
 * ("figures.gp" line 12: undefined variable: foo). */
static void last_line(const struct buf *msg, char *out, size_t n)
{
    size_t end = msg->len;
    while (end && strchr(" \t\r\n", msg->data[end - 1]))
        end--;
    size_t start = end;
    while (start && msg->data[start - 1] != '\n')
        start--;
    snprintf(out, n, "%.*s", (int)(end - start), msg->data ? msg->data + start : "");
    for (char *s = out; *s; s++)
        if ((unsigned char)*s < 0x20)
            *s = ' ';
}

/* In the child: run gnuplot on script in dir, stderr to errfd. Never returns; a failed exec
 * sends its errno up the close-on-exec pipe execfd. */
static void exec_gnuplot(const char *dir, const char *expr, const char *script, int errfd, int execfd)
{
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
    }
    dup2(errfd, 2);
    int e = 0;
    if (chdir(dir) == 0) {
        char *argv[] = {"gnuplot", "-e", (char *)expr, (char *)script, NULL};
        execvp("gnuplot", argv);
    }
    e = errno;
    if (write(execfd, &e, sizeof e) < 0)
        _exit(127);
    _exit(127);
}

/* Wait for the gnuplot started on dir/script, reading its messages from errfd and a failed
 * exec's errno from execfd (both closed here). */
static int wait_gnuplot(pid_t pid, int errfd, int execfd, const char *dir, const char *script,
                        struct keyfig_error *err)
{
    struct buf msg = {0};
    char chunk[4096];
    ssize_t got;
    while ((got = read(errfd, chunk, sizeof chunk)) > 0 || (got < 0 && errno == EINTR))
        if (got > 0 && msg.len < 65536)
            buf_add(&msg, chunk, (size_t)got);
    close(errfd);
    int exec_errno = 0;
    ssize_t e = read(execfd, &exec_errno, sizeof exec_errno);
    close(execfd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int rc = 0;
    if (e == (ssize_t)sizeof exec_errno) {
        kf_error(err, KEYFIG_STATUS_IO, "gnuplot", 0, "cannot run: %s (gnuplot is needed to draw charts)",
                 strerror(exec_errno));
        rc = -2; /* no later chart can be drawn either */
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char line[400];
        last_line(&msg, line, sizeof line);
        struct buf path = {0};
        buf_printf(&path, "%s/%s", dir, script);
        rc = kf_error(err, KEYFIG_STATUS_IO, path.data, 0, "gnuplot failed: %s",
                      *line ? line : WIFEXITED(status) ? "no message" : "killed by a signal");
        buf_free(&path);
    }
    buf_free(&msg);
    return rc;
}

/* Run gnuplot (found on PATH, started without a shell) on dir/script; expr sets the output
 * names first. Fills err with gnuplot's own message when it fails. */
static int run_gnuplot(const char *dir, const char *script, const char *expr, struct keyfig_error *err)
{
    int errpipe[2], execpipe[2] = {-1, -1};
    pid_t pid = -1;
    if (pipe(errpipe) < 0)
        return kf_error(err, KEYFIG_STATUS_IO, "gnuplot", 0, "cannot start: %s", strerror(errno));
    if (pipe(execpipe) == 0) {
        fcntl(errpipe[0], F_SETFD, FD_CLOEXEC);
        fcntl(execpipe[0], F_SETFD, FD_CLOEXEC);
        fcntl(execpipe[1], F_SETFD, FD_CLOEXEC);
        fflush(NULL);
        pid = fork();
    }
    if (pid < 0) {
        int e = errno;
        for (int i = 0; i < 2; i++) {
            close(errpipe[i]);
            if (execpipe[i] >= 0)
                close(execpipe[i]);
        }
        return kf_error(err, KEYFIG_STATUS_IO, "gnuplot", 0, "cannot start: %s", strerror(e));
    }
    if (pid == 0)
        exec_gnuplot(dir, expr, script, errpipe[1], execpipe[1]);
    close(errpipe[1]);
    close(execpipe[1]);
    return wait_gnuplot(pid, errpipe[0], execpipe[0], dir, script, err);
}

/* Render dir/<base>.gp to <base>.png and <base>.svg: gnuplot writes temporary names in dir,
 * renamed once both images are complete and removed otherwise. */
static int render(const char *dir, const char *base, struct keyfig_error *err)
{
    static const char *const ext[2] = {"png", "svg"};
    char tmp[2][64], final[2][64], script[64], expr[200];
    int held[2];
    for (int i = 0; i < 2; i++) {
        snprintf(tmp[i], sizeof tmp[i], ".%s.%ld.%s", base, (long)getpid(), ext[i]);
        snprintf(final[i], sizeof final[i], "%s.%s", base, ext[i]);
        struct buf t = {0};
        buf_printf(&t, "%s/%s", dir, tmp[i]);
        held[i] = fs_temp_hold(t.data); /* removed if a second signal ends the run meanwhile */
        buf_free(&t);
    }
    snprintf(script, sizeof script, "%s.gp", base);
    snprintf(expr, sizeof expr, "png_out = \"%s\"; svg_out = \"%s\"", tmp[0], tmp[1]);
    int rc = run_gnuplot(dir, script, expr, err);
    for (int i = 0; i < 2; i++) {
        struct buf from = {0}, to = {0};
        buf_printf(&from, "%s/%s", dir, tmp[i]);
        buf_printf(&to, "%s/%s", dir, final[i]);
        struct stat st;
        if (rc == 0 && (stat(from.data, &st) < 0 || st.st_size == 0))
            rc = kf_error(err, KEYFIG_STATUS_IO, to.data, 0, "gnuplot wrote no image");
        if (rc == 0 && rename(from.data, to.data) < 0)
            rc = kf_error(err, KEYFIG_STATUS_IO, to.data, 0, "cannot write: %s", strerror(errno));
        buf_free(&from);
        buf_free(&to);
    }
    for (int i = 0; rc < 0 && i < 2; i++) {
        struct buf from = {0};
        buf_printf(&from, "%s/%s", dir, tmp[i]);
        unlink(from.data);
        buf_free(&from);
    }
    for (int i = 0; i < 2; i++)
        fs_temp_done(held[i]);
    return rc;
}

/* Write base.dat and base.gp into dir (created as needed), then render them. */
static int draw(const char *dir, const char *base, const struct buf *dat, const struct buf *gp,
                struct fs_files *files, struct keyfig_error *err)
{
    char name[64];
    if (fs_mkdirs(dir, err) < 0)
        return -1;
    snprintf(name, sizeof name, "%s.dat", base);
    if (write_file(dir, name, dat, files, err) < 0)
        return -1;
    snprintf(name, sizeof name, "%s.gp", base);
    if (write_file(dir, name, gp, files, err) < 0)
        return -1;
    return render(dir, base, err);
}

int plot_template(const char *dir, const char *base, const char *tmpl, const char *const (*vars)[2], size_t n,
                  const struct buf *dat, struct keyfig_error *err)
{
    struct tpl_vars vs = {0};
    for (size_t i = 0; i < n && i < sizeof vs.v / sizeof vs.v[0]; i++)
        buf_adds(tpl_var(&vs, vars[i][0]), vars[i][1]);
    struct buf gp = {0};
    int rc = tpl_fill(tmpl, &vs, &gp, err);
    if (rc == 0)
        rc = draw(dir, base, dat, &gp, NULL, err);
    tpl_vars_free(&vs);
    buf_free(&gp);
    return rc;
}

/* ---- one article ---------------------------------------------------------------------------- */

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

int plot_compose(const struct cd_article *a, const struct plot_options *o, struct buf *dat, struct buf *gp,
                 struct keyfig_error *err)
{
    size_t n, omitted, max = o && o->max_claims > 0 ? (size_t)o->max_claims : DEFAULT_MAX_CLAIMS;
    struct row *rows = choose_rows(a, max, &n, &omitted);
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
    figures_vars(&vs, o && o->font ? o->font : DEFAULT_FONT, rows, n, panels, np);
    write_figures_dat(dat, a, rows, n, omitted, panels, np);
    int rc = tpl_fill("figures.gp", &vs, gp, err);
    tpl_vars_free(&vs);
    free(panels);
    free(rows);
    return rc;
}

int plot_article(const struct cd_article *a, const char *outdir, const struct plot_options *o,
                 struct keyfig_error *err)
{
    if (!a->id)
        return kf_error(err, KEYFIG_STATUS_IO, a->source, 0, "article without an \"id\" (needed to name its chart directory)");
    struct buf dat = {0}, gp = {0}, dir = {0};
    int rc = fs_out_path(outdir, a->id, "", o && o->path_ids, a->source, &dir, err);
    if (rc == 0)
        rc = plot_compose(a, o, &dat, &gp, err);
    if (rc == 1) {
        struct keyfig_error note = {0};
        kf_error(&note, CLI_EXIT_OK, a->id, 0, "no claims to chart");
        kf_print_error(&note, 0);
    } else if (rc == 0) {
        rc = draw(dir.data, "figures", &dat, &gp, o ? o->files : NULL, err);
    }
    buf_free(&dat);
    buf_free(&gp);
    buf_free(&dir);
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

int plot_bars(const char *outdir, const char *base, const char *heading, const struct plot_bar *bars, size_t n,
              const char *font, struct keyfig_error *err)
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
    struct buf dat = {0}, gp = {0};
    size_t cells = write_bars_dat(&dat, heading, bars, n, cols, ncols);
    struct tpl_vars vs = {0};
    buf_adds(tpl_var(&vs, "FONT"), font ? font : DEFAULT_FONT);
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
    int rc = tpl_fill("corpus.gp", &vs, &gp, err);
    if (rc == 0)
        rc = draw(outdir, base, &dat, &gp, NULL, err);
    tpl_vars_free(&vs);
    buf_free(&dat);
    buf_free(&gp);
    return rc;
}

int plot_kind_index(const char *name)
{
    return kind_index(name);
}

/* The overview of claims documents: a bar per article (the first CORPUS_MAX_ROWS). */
static int plot_corpus(const struct cd_list *l, const char *outdir, const char *font, struct keyfig_error *err)
{
    size_t shown = l->n < CORPUS_MAX_ROWS ? l->n : CORPUS_MAX_ROWS, total = 0;
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
    struct buf heading = {0};
    buf_printf(&heading, "keyfig: 各篇文章的关键数据 (claims per article by kind)\t%zu 篇文章, %zu 项数据 (%zu articles, %zu claims)",
               l->n, total, l->n, total);
    if (shown < l->n)
        buf_printf(&heading, " · 另有 %zu 篇未显示 (%zu more not shown)", l->n - shown, l->n - shown);
    int rc = plot_bars(outdir, "corpus", heading.data, bars, shown, font, err);
    for (size_t i = 0; i < shown; i++)
        free(bars[i].label);
    free(bars);
    buf_free(&heading);
    return rc;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_json_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && !strcmp(name + n - 5, ".json")) || (n > 6 && !strcmp(name + n - 6, ".jsonl"));
}

/* Read path into l: a claims file, or every *.json and *.jsonl under a directory (sorted, so
 * the chart does not depend on the file system's order; hidden entries skipped). */
static int read_tree(const char *path, struct cd_list *l, struct keyfig_error *err)
{
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
        return claimsdoc_read(path, l, err);
    DIR *d = opendir(path);
    if (!d)
        return kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot read directory: %s", strerror(errno));
    char **names = NULL;
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        struct buf p = {0};
        buf_printf(&p, "%s/%s", path, e->d_name);
        names[n++] = p.data;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, name_cmp);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        int dir = stat(names[i], &st) == 0 && S_ISDIR(st.st_mode);
        if (rc == 0 && (dir || is_json_name(names[i])))
            rc = read_tree(names[i], l, err);
        free(names[i]);
    }
    free(names);
    return rc;
}

/* ---- the command ------------------------------------------------------------------------------ */

static const char plot_usage[] =
    "usage: keyfig plot [--out DIR] [--font NAME] [--max-claims N] CLAIMS.json...\n"
    "       keyfig plot --corpus [--out DIR] [--font NAME] DIR_OR_JSON...\n"
    "       keyfig plot --corpus --db TARGET [--out DIR] [--font NAME]\n"
    "\n"
    "Draw each article's claims (the JSON 'keyfig extract' writes; '-' reads standard input)\n"
    "with gnuplot: DIR/<article-id>/figures.png and figures.svg, next to the figures.dat and\n"
    "figures.gp they were drawn from (cd there and run 'gnuplot figures.gp' to redraw).\n"
    "\n"
    "options:\n"
    "  -o, --out DIR       where charts go (default: results)\n"
    "  --font NAME         a font with Chinese glyphs (default: Noto Sans CJK SC)\n"
    "  --max-claims N      bars per chart; beyond that the most salient are shown (default 60)\n"
    "  --corpus            one overview chart, DIR/corpus.png and .svg: claims per article by kind\n"
    "  --db TARGET         with --corpus: the corpus stored in a database (keyfig load), as\n"
    "                      claims per month by kind (corpus.png) and the top subjects (subjects.png)\n"
    "  -h, --help          this text\n"
    "\n"
    "exit status: 0 success (also for an article with no claims, which gets no chart),\n"
    "             1 unreadable input or gnuplot failure, 2 usage error\n";

/* The font name goes into the script: allow only characters that cannot end its string. */
int plot_font_ok(const char *f)
{
    if (!*f || strlen(f) > 100)
        return 0;
    for (const unsigned char *s = (const unsigned char *)f; *s; s++)
        if (*s < 0x80 && !strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.:+", *s))
            return 0;
    return 1;
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("keyfig: plot: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs(" (see 'keyfig plot --help')\n", stderr);
    return CLI_EXIT_USAGE;
}

struct plot_args {
    const char *out, *font, *db;
    int corpus, max_claims;
    const char **inputs; /* owned by the caller of parse_args: free it */
    int ninputs;
};

/* Store the value of option opt (one of -o --out --font --max-claims). Returns -1 to go on,
 * else the usage exit code. */
static int set_option(struct plot_args *pa, const char *opt, const char *val)
{
    if (!strcmp(opt, "-o") || !strcmp(opt, "--out")) {
        if (!*val)
            return usage_error("%s", "--out needs a directory name");
        pa->out = val;
    } else if (!strcmp(opt, "--db")) {
        pa->db = val;
    } else if (!strcmp(opt, "--font")) {
        if (!plot_font_ok(val))
            return usage_error("--font \"%s\": expected a font name (letters, digits, spaces, - _ . : +)", val);
        pa->font = val;
    } else {
        char *end;
        long m = strtol(val, &end, 10);
        if (*val == '\0' || *end || m < 1 || m > 10000)
            return usage_error("--max-claims \"%s\": expected a number from 1 to 10000", val);
        pa->max_claims = (int)m;
    }
    return -1;
}

/* Options may come before or after the files (--corpus DIR --out OUT); "--" ends them.
 * Returns -1 to go on, else the exit code (help, or a usage error). */
static int parse_args(int argc, char **argv, struct plot_args *pa)
{
    static const char *const valued[] = {"-o", "--out", "--font", "--max-claims", "--db"};
    pa->inputs = xcalloc((size_t)argc, sizeof *pa->inputs);
    int options_end = 0;
    for (int i = 1; i < argc; i++) {
        char opt[32];
        const char *arg = argv[i], *val = NULL, *eq = strchr(arg, '=');
        if (options_end || arg[0] != '-' || !arg[1]) {
            pa->inputs[pa->ninputs++] = arg;
            continue;
        }
        if (!strcmp(arg, "--")) {
            options_end = 1;
        } else if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            fputs(plot_usage, stdout);
            return CLI_EXIT_OK;
        } else if (!strcmp(arg, "--corpus")) {
            pa->corpus = 1;
        } else {
            /* --out=DIR as well as --out DIR */
            size_t n = eq && arg[1] == '-' ? (size_t)(eq - arg) : strlen(arg);
            snprintf(opt, sizeof opt, "%.*s", (int)(n < sizeof opt ? n : sizeof opt - 1), arg);
            size_t k = 0;
            while (k < 5 && strcmp(opt, valued[k]))
                k++;
            if (k == 5)
                return usage_error("unknown option \"%s\" (expected --out, --font, --max-claims, --corpus, --db or --help)", arg);
            if (n < strlen(arg))
                val = arg + n + 1;
            else if (i + 1 < argc)
                val = argv[++i];
            else
                return usage_error("option %s needs a value", arg);
            int rc = set_option(pa, opt, val);
            if (rc >= 0)
                return rc;
        }
    }
    if (pa->db && (!pa->corpus || pa->ninputs))
        return usage_error("%s", pa->corpus ? "--db reads the database: give no claims files" : "--db needs --corpus");
    if (pa->ninputs == 0 && !pa->db)
        return usage_error("%s", pa->corpus ? "no claims directory or file given" : "no claims file given");
    return -1;
}

int cmd_plot(int argc, char **argv)
{
    struct plot_args pa = {.out = "results", .font = DEFAULT_FONT};
    int rc = parse_args(argc, argv, &pa);
    if (rc >= 0) {
        free(pa.inputs);
        return rc;
    }
    struct keyfig_error err = {0};
    struct cd_list l = {0};
    rc = CLI_EXIT_OK;
    if (pa.db) {
        if (corpus_db_plot(pa.db, pa.out, pa.font, &err) < 0)
            rc = err.code ? cli_exit(err.code) : CLI_EXIT_RUNTIME;
    } else if (pa.corpus) {
        for (int i = 0; i < pa.ninputs && rc == CLI_EXIT_OK; i++)
            if (read_tree(pa.inputs[i], &l, &err) < 0)
                rc = CLI_EXIT_RUNTIME;
        if (rc == CLI_EXIT_OK && l.n == 0) {
            kf_error(&err, KEYFIG_STATUS_IO, pa.inputs[0], 0, "no claims documents (*.json, *.jsonl) found");
            rc = CLI_EXIT_RUNTIME;
        }
        if (rc == CLI_EXIT_OK && plot_corpus(&l, pa.out, pa.font, &err) < 0)
            rc = CLI_EXIT_RUNTIME;
    } else {
        /* claims documents of a directory walk chart into folders (2024/03/a) */
        struct plot_options o = {.font = pa.font, .max_claims = pa.max_claims, .path_ids = 1};
        /* One file at a time; a bad file or article is reported and the others are drawn, but
         * a missing gnuplot stops the run (reported once). */
        o.files = fs_files_new();
        int fatal = 0;
        for (int i = 0; i < pa.ninputs && !fatal && !fs_interrupted(); i++) {
            if (claimsdoc_read(pa.inputs[i], &l, &err) < 0) {
                kf_print_error(&err, 0);
                err = (struct keyfig_error){0};
                rc = CLI_EXIT_RUNTIME;
            }
            for (size_t j = 0; j < l.n && !fatal && !fs_interrupted(); j++) {
                int got = plot_article(&l.articles[j], pa.out, &o, &err);
                if (got < 0 && !fs_interrupted()) {
                    kf_print_error(&err, 0);
                    rc = CLI_EXIT_RUNTIME;
                }
                fatal = got == -2;
                err = (struct keyfig_error){0};
            }
            claimsdoc_free(&l);
        }
        fs_files_free(o.files);
    }
    if (pa.corpus && rc != CLI_EXIT_OK)
        kf_print_error(&err, 0);
    claimsdoc_free(&l);
    free(pa.inputs);
    return rc;
}
