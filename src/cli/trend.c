/* trend: `keyfig trend --db TARGET --subject TEXT [--unit U] -o FILE.png|svg` — one metric
 * (claims whose folded subject is TEXT) over time by article date, charted with gnuplot from
 * plots/trend.gp. A figure several articles repeat (same value, unit and date) is one point with
 * the number of articles. Several units are brought to the commonest through units.tsv factors. */
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cnnum.h"
#include "db.h"
#include "fold.h"
#include "patset.h"
#include "plot.h"
#include "rows.h"
#include "template.h"
#include "util.h"

static const char usage[] =
    "usage: keyfig trend --db TARGET --subject TEXT [--unit U] -o FILE.png|FILE.svg\n"
    "Chart one metric over time: the claims whose subject is TEXT (traditional and full-width\n"
    "forms fold), at their articles' dates. Writes FILE.png and FILE.svg with the FILE.dat and\n"
    "FILE.gp they were drawn from.\n"
    "  --unit U            only claims in unit U (otherwise every unit is converted to the\n"
    "                      commonest one where units.tsv gives factors, or an error names them)\n"
    "  --font NAME         a font with Chinese glyphs (default: Noto Sans CJK SC)\n"
    "  --patterns DIR      the pattern set (also $KEYFIG_PATTERNS)\n"
    "exit status: 0 ok, 1 database or gnuplot error, or no dated claim about TEXT, 2 usage error\n";

struct point {
    char *date, *unit, *kind;
    double value, base;
    int has_base;
    long articles;
};

struct series {
    struct point *p;
    size_t n;
};

static void series_free(struct series *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->p[i].date);
        free(s->p[i].unit);
        free(s->p[i].kind);
    }
    free(s->p);
}

static int fetch(struct db *db, const char *subject, const char *unit, struct series *s, struct keyfig_error *err)
{
    const char *params[] = {subject, unit};
    struct db_rows *r = db_query(db,
        unit ? "SELECT a.date, c.value, c.unit_key, c.value_base, count(DISTINCT c.article), c.kind FROM claims c "
               "JOIN articles a ON a.id = c.article WHERE c.claim = 1 AND c.subject_key = $1 AND a.date IS NOT NULL "
               "AND c.unit_key = $2 GROUP BY a.date, c.value, c.unit_key, c.value_base, c.kind ORDER BY a.date, c.value"
             : "SELECT a.date, c.value, c.unit_key, c.value_base, count(DISTINCT c.article), c.kind FROM claims c "
               "JOIN articles a ON a.id = c.article WHERE c.claim = 1 AND c.subject_key = $1 AND a.date IS NOT NULL "
               "GROUP BY a.date, c.value, c.unit_key, c.value_base, c.kind ORDER BY a.date, c.value",
        params, unit ? 2 : 1, err);
    if (!r)
        return -1;
    int rc;
    while ((rc = db_next(r, err)) > 0) {
        s->p = xrealloc(s->p, (s->n + 1) * sizeof *s->p);
        struct point *p = &s->p[s->n++];
        double k = 0;
        p->date = xstrdup(db_text(r, 0));
        db_number(r, 1, &p->value);
        p->unit = xstrdup(db_text(r, 2) ? db_text(r, 2) : "");
        p->has_base = db_number(r, 3, &p->base) == 0;
        db_number(r, 4, &k);
        p->articles = (long)k;
        p->kind = xstrdup(db_text(r, 5) ? db_text(r, 5) : "");
    }
    db_rows_free(r);
    return rc;
}

/* The unit the axis shows: the one most points are in (first seen on a tie). Points in other
 * units of the same kind are converted through their base values (亿元 and 万元 to 元); the
 * rest (the 5.2% beside 2.4万亿元 of one subject) are left out, and a warning names their units. */
static void common_unit(struct series *s, const char *subject)
{
    size_t best = 0, best_n = 0, kept = 0;
    for (size_t i = 0; i < s->n; i++) {
        size_t k = 0;
        for (size_t j = 0; j < s->n; j++)
            k += !strcmp(s->p[i].unit, s->p[j].unit);
        if (k > best_n)
            best = i, best_n = k;
    }
    struct point b = s->p[best];
    double factor = b.has_base && b.value != 0 ? b.base / b.value : 0;
    struct buf left = {0};
    for (size_t i = 0; i < s->n; i++) {
        struct point *p = &s->p[i];
        int same = !strcmp(p->unit, b.unit), convert = !same && factor > 0 && p->has_base && !strcmp(p->kind, b.kind);
        if (!same && !convert) {
            struct buf quoted = {0};
            buf_printf(&quoted, "\"%s\"", p->unit);
            if (!strstr(left.data ? left.data : "", quoted.data))
                buf_printf(&left, "%s%s", left.len ? ", " : "", quoted.data);
            buf_free(&quoted);
            free(p->date), free(p->unit), free(p->kind);
            continue;
        }
        if (convert) {
            p->value = p->base / factor;
            free(p->unit);
            p->unit = xstrdup(b.unit);
        }
        s->p[kept++] = *p;
    }
    if (left.len)
        kf_warn(subject, 0, "%zu figures in other units left out (%s): choose one with --unit", s->n - kept, left.data);
    s->n = kept;
    buf_free(&left);
}

/* The power of ten a multiple such as 万亿 stands for: its characters' powers in numerals.tsv
 * added up (10^4 x 10^8), every one a section character; 0 when one is not. */
static int word_power(const struct cnnum_table *num, const char *word)
{
    int power = 0;
    for (size_t i = 0, n = strlen(word); i < n;) {
        uint32_t cp;
        int k = utf8_decode((const unsigned char *)word + i, n - i, &cp), section = 0;
        int p = k > 0 ? cnnum_scale(num, cp, &section) : 0;
        if (!section || p <= 0)
            return 0;
        power += p;
        i += (size_t)k;
    }
    return power;
}

/* The multiple a chart whose largest figure is most shows its values in: of the words of
 * plots/trend-scales.txt (万亿, 亿, 万), the largest the figure reaches, or 1 and "". A word's
 * value is not written there but read from the numerals.tsv of the pattern set in dir (NULL: the
 * built-in one), as the extractor reads numerals. */
static int pick_scale(double most, const char *dir, double *scale, struct buf *name, struct keyfig_error *err)
{
    static const char path[] = "plots/trend-scales.txt";
    size_t len, nlen;
    const char *text = embedded_get("trend-scales.txt", &len), *npath;
    if (!text)
        return kf_error(err, KEYFIG_STATUS_IO, path, 0, "template missing from the build (rebuild keyfig)");
    struct patset *ps = patset_open(dir, err);
    const char *ntext = ps ? patset_get(ps, "numerals.tsv", &nlen, &npath, err) : NULL;
    struct cnnum_table *num = ntext ? cnnum_table_load(ntext, nlen, npath, err) : NULL;
    int rc = num ? 0 : -1, power = 0;
    struct tsv_reader r;
    tsv_open(&r, text, len);
    char *f[2];
    int nf;
    while (rc == 0 && (nf = tsv_next(&r, f, 2)) > 0) {
        int p = word_power(num, f[0]);
        if (!p || nf != 1)
            rc = kf_error(err, KEYFIG_STATUS_IO, path, r.lineno,
                          "\"%s\": expected a word of section characters of %s (one a line)", f[0], npath);
        else if (p > power && most >= pow(10, p)) {
            power = p;
            free(name->data);
            *name = (struct buf){0};
            buf_adds(name, f[0]);
        }
    }
    tsv_close(&r);
    cnnum_table_free(num);
    patset_free(ps);
    *scale = pow(10, power);
    if (!name->data)
        buf_adds(name, "");
    return rc;
}

/* trend.dat: block 0 title, subtitle, y label; block 1 date, value in the axis unit, articles,
 * point label. Sums of money and counts of 万 and more are shown in 万, 亿 or 万亿 of the unit, as articles
 * write them (plots/trend-scales.txt); the subtitle is plots/trend-subtitle.txt. */
static int write_dat(struct buf *d, const struct series *s, const char *subject, const char *patterns,
                     struct keyfig_error *err)
{
    double most = 0;
    long total = 0;
    for (size_t i = 0; i < s->n; i++) {
        most = fmax(most, fabs(s->p[i].value));
        total += s->p[i].articles;
    }
    int counted = s->n && (!strcmp(s->p[0].kind, "money") || !strcmp(s->p[0].kind, "count"));
    double scale = 1;
    struct buf sname = {0}, sub = {0};
    struct tpl_vars vs = {0};
    buf_printf(tpl_var(&vs, "FIGURES"), "%zu", s->n);
    buf_printf(tpl_var(&vs, "STATEMENTS"), "%ld", total);
    int rc = pick_scale(counted ? most : 0, patterns, &scale, &sname, err); /* 2.4万亿元, not 24万米 */
    if (rc == 0)
        rc = tpl_fill("trend-subtitle.txt", &vs, &sub, err);
    while (rc == 0 && sub.len && sub.data[sub.len - 1] == '\n')
        sub.data[--sub.len] = '\0';
    if (rc == 0) {
        buf_adds(d, "# keyfig trend: block 0 = title, subtitle, y label; block 1 = date, value, articles, label\n0\t");
        plot_dat_field(d, subject);
        buf_printf(d, "\t%s\t", sub.data ? sub.data : "");
        struct buf label = {0};
        buf_adds(&label, sname.data);
        buf_adds(&label, s->n ? s->p[0].unit : "");
        plot_dat_field(d, label.data);
        buf_adds(d, "\n\n\n");
        for (size_t i = 0; i < s->n; i++) {
            char v[40];
            rows_number(s->p[i].value / scale, v, sizeof v);
            buf_printf(d, "%s\t%s\t%ld\t%s%s", s->p[i].date, v, s->p[i].articles, v, sname.data);
            if (s->p[i].articles > 1)
                buf_printf(d, " ×%ld", s->p[i].articles);
            buf_addc(d, '\n');
        }
        buf_free(&label);
    }
    buf_free(&sname);
    buf_free(&sub);
    tpl_vars_free(&vs);
    return rc;
}

/* FILE.png or FILE.svg -> the directory and the base name the chart files share. */
static int split_out(const char *out, struct buf *dir, struct buf *base)
{
    const char *slash = strrchr(out, '/'), *name = slash ? slash + 1 : out;
    const char *dot = strrchr(name, '.');
    if (!dot || (strcmp(dot, ".png") && strcmp(dot, ".svg")) || dot == name || dot - name > 40)
        return -1;
    for (const char *c = name; c < dot; c++)
        if ((unsigned char)*c < 0x20 || *c == '"' || *c == '\\')
            return -1;
    if (slash)
        buf_add(dir, out, slash == out ? 1 : (size_t)(slash - out));
    else
        buf_adds(dir, ".");
    buf_add(base, name, (size_t)(dot - name));
    return 0;
}

int cmd_trend(int argc, char **argv)
{
    enum { O_DB = 256, O_SUBJECT, O_UNIT, O_FONT, O_PATTERNS };
    static const struct option longs[] = {
        {"db", required_argument, 0, O_DB},     {"subject", required_argument, 0, O_SUBJECT},
        {"unit", required_argument, 0, O_UNIT}, {"out", required_argument, 0, 'o'},
        {"font", required_argument, 0, O_FONT}, {"patterns", required_argument, 0, O_PATTERNS},
        {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    const char *target = NULL, *subject = NULL, *unit = NULL, *out = NULL, *font = PLOT_DEFAULT_FONT;
    const char *patterns = getenv("KEYFIG_PATTERNS");
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longs, NULL)) != -1) {
        switch (c) {
        case O_DB: target = optarg; break;
        case O_SUBJECT: subject = optarg; break;
        case O_UNIT: unit = optarg; break;
        case 'o': out = optarg; break;
        case O_FONT: font = optarg; break;
        case O_PATTERNS: patterns = optarg; break;
        case 'h': fputs(usage, stdout); return CLI_EXIT_OK;
        default: fputs(usage, stderr); return CLI_EXIT_USAGE;
        }
    }
    struct buf dir = {0}, base = {0};
    const char *bad = !target ? "--db TARGET is required" : !subject || !*subject ? "--subject TEXT is required"
                    : !out ? "-o FILE.png or FILE.svg is required"
                    : split_out(out, &dir, &base) < 0 ? "-o: expected FILE.png or FILE.svg (a plain name of at most 40 bytes)"
                    : !plot_font_ok(font) ? "--font: expected a font name (letters, digits, spaces, - _ . : +)"
                    : optind < argc ? "unexpected argument" : NULL;
    if (bad) {
        fprintf(stderr, "keyfig: trend: %s (see 'keyfig trend --help')\n", bad);
        buf_free(&dir);
        buf_free(&base);
        return CLI_EXIT_USAGE;
    }
    struct keyfig_error err = {0};
    struct fold *f = fold_new(patterns && *patterns ? patterns : NULL, &err);
    struct db *db = f ? db_open(target, 0, &err) : NULL;
    char *skey = f ? fold_text(f, subject) : NULL, *ukey = f && unit ? fold_text(f, unit) : NULL;
    struct series s = {0};
    int rc = db && fetch(db, skey, ukey, &s, &err) == 0 ? 0 : -1;
    if (rc == 0 && s.n == 0)
        rc = kf_error(&err, KEYFIG_STATUS_IO, subject, 0, "no claim about it in an article with a date");
    if (rc == 0)
        common_unit(&s, subject);
    if (rc == 0) {
        struct buf dat = {0}, n = {0}, name = {0};
        buf_printf(&n, "%zu", s.n);
        buf_printf(&name, "%s.dat", base.data);
        const char *const vars[][2] = {{"FONT", font}, {"DATA", name.data}, {"BASE", base.data}, {"NPOINTS", n.data}};
        rc = write_dat(&dat, &s, subject, patterns && *patterns ? patterns : NULL, &err);
        if (rc == 0)
            rc = plot_template(dir.data, base.data, "trend.gp", vars, 4, &dat, &err);
        buf_free(&dat);
        buf_free(&n);
        buf_free(&name);
    }
    if (rc)
        kf_print_error(&err, 0);
    series_free(&s);
    free(skey);
    free(ukey);
    db_close(db);
    fold_free(f);
    buf_free(&dir);
    buf_free(&base);
    return rc ? (err.code ? cli_exit(err.code) : CLI_EXIT_RUNTIME) : CLI_EXIT_OK;
}
