/* plot: the `keyfig plot` command (options, reading claims documents) and the charts other
 * commands draw: an article's (plot_article, also for extract --plot), an overview of stacked
 * bars (plot_bars: claims files here, a database in corpus_db.c) and a filled template
 * (plot_template: keyfig trend). The layout is chart.c's, running gnuplot gnuplot.c's. */
#include "plot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "chart.h"
#include "cli.h"
#include "corpus_db.h"
#include "fs.h"
#include "gnuplot.h"
#include "template.h"
#include "util.h"

/* ---- charts ------------------------------------------------------------------------------ */

/* The words of the charts, loaded once (built-in data) and kept to the end. NULL with err filled
 * when they cannot be. Charts are drawn by one thread (extract --plot draws on the main thread). */
static const struct chart_words *words(struct keyfig_error *err)
{
    static struct chart_words w;
    static int loaded;
    if (!loaded && chart_words_load(&w, err) == 0)
        loaded = 1;
    return loaded ? &w : NULL;
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
        rc = gnuplot_draw(dir, base, dat, &gp, NULL, err);
    tpl_vars_free(&vs);
    buf_free(&gp);
    return rc;
}

int plot_compose(const struct cd_article *a, const struct plot_options *o, struct buf *dat, struct buf *gp,
                 struct keyfig_error *err)
{
    const struct chart_words *w = words(err);
    if (!w)
        return -1;
    return chart_figures(a, w, o && o->max_claims > 0 ? (size_t)o->max_claims : 0, o && o->font ? o->font : PLOT_DEFAULT_FONT,
                         dat, gp, err);
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
        rc = gnuplot_draw(dir.data, "figures", &dat, &gp, o ? o->files : NULL, err);
    }
    buf_free(&dat);
    buf_free(&gp);
    buf_free(&dir);
    return rc;
}

int plot_bars(const char *outdir, const char *base, const char *heading, const struct plot_bar *bars, size_t n,
              const char *font, struct keyfig_error *err)
{
    struct buf dat = {0}, gp = {0};
    int rc = chart_bars(base, heading, bars, n, font ? font : PLOT_DEFAULT_FONT, &dat, &gp, err);
    if (rc == 0)
        rc = gnuplot_draw(outdir, base, &dat, &gp, NULL, err);
    buf_free(&dat);
    buf_free(&gp);
    return rc;
}

/* The overview of claims documents: a bar per article. */
static int plot_corpus(const struct cd_list *l, const char *outdir, const char *font, struct keyfig_error *err)
{
    const struct chart_words *w = words(err);
    if (!w)
        return -1;
    struct plot_bar *bars = NULL;
    size_t n = 0;
    struct buf heading = {0};
    int rc = chart_corpus(l, w, &bars, &n, &heading, err);
    if (rc == 0)
        rc = plot_bars(outdir, "corpus", heading.data, bars, n, font, err);
    for (size_t i = 0; i < n; i++)
        free(bars[i].label);
    free(bars);
    buf_free(&heading);
    return rc;
}

static int is_json_name(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && !strcmp(name + n - 5, ".json")) || (n > 6 && !strcmp(name + n - 6, ".jsonl"));
}

/* Read path into l: a claims file, or every *.json and *.jsonl under a directory (in name
 * order, hidden entries skipped: fs_list_dir). */
static int read_tree(const char *path, struct cd_list *l, struct keyfig_error *err)
{
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
        return claimsdoc_read(path, l, err);
    char **names;
    size_t n;
    if (fs_list_dir(path, &names, &n, err) < 0)
        return -1;
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
    struct plot_args pa = {.out = "results", .font = PLOT_DEFAULT_FONT};
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
