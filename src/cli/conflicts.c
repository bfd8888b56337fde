/* conflicts: `keyfig conflicts --db TARGET [--subject TEXT]` — pairs of claims from different
 * articles that state the same metric for the same period with values that differ beyond
 * rounding. "Same metric": folded subject, kind, change direction and basis alike, units equal or
 * convertible (units.tsv factors). "Same period": the date the claim's sentence names (the
 * period column), else the article's date. Approximate figures and ranges are never compared. */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "db.h"
#include "fold.h"
#include "rows.h"
#include "util.h"

static const char usage[] =
    "usage: keyfig conflicts --db TARGET [--subject TEXT] [--format text|csv|tsv|jsonl] [--bom]\n"
    "Pairs of claims in different articles about the same metric and period whose values differ\n"
    "beyond the rounding of the less precise one, each with both sentences and article ids.\n"
    "  --subject TEXT      only subjects containing TEXT (traditional and full-width forms fold)\n"
    "  --format F          text (default), csv, tsv or jsonl (one pair a row)\n"
    "  --bom               begin CSV with a UTF-8 byte order mark (for Excel)\n"
    "  --patterns DIR      the pattern set (also $KEYFIG_PATTERNS)\n"
    "exit status: 0 ok (also when there is no conflict), 1 database error, 2 usage error\n";

/* One statement of a figure; the strings are owned. */
struct stmt {
    char *key;        /* subject, kind, period, direction and basis, tab-separated */
    char *subject, *kind, *period, *unit, *value_text, *article, *sentence;
    int id, has_base;
    double value, base;
};

static const char *const pair_header[] = {"subject", "kind", "period", "article_a", "claim_a", "value_a", "unit_a",
                                          "sentence_a", "article_b", "claim_b", "value_b", "unit_b", "sentence_b"};
static const int pair_numeric[] = {0, 0, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0};
#define PAIR_COLS 13

static char *col(struct db_rows *r, int i)
{
    const char *t = db_text(r, i);
    return xstrdup(t ? t : "");
}

/* Significant digits as written: the ASCII digits of "2.5萬億" (2), "12.50" (4) or "1,200" (2); for
 * a number in Chinese numerals, those of the value (三万 -> 1). */
static int sig_digits(const char *text, double value)
{
    char buf[40];
    const char *s = text;
    int from_value = !text || !strpbrk(text, "0123456789"), n = 0, lead = 1, zeros = 0, point = 0;
    if (from_value) {
        snprintf(buf, sizeof buf, "%.15g", value);
        s = buf;
    }
    for (; *s && strchr("0123456789.,+-", *s); s++) {
        point |= *s == '.';
        if (*s < '0' || *s > '9' || (lead && *s == '0'))
            continue;
        lead = 0;
        n++;
        zeros = *s == '0' ? zeros + 1 : 0;
    }
    if (!point) /* the zeros that end a whole number only place it: 12600, 3000万, 三万 */
        n -= zeros;
    return n > 0 ? n : 1;
}

/* 1 when a and b are the same figure at the precision of the less precise of the two:
 * 2.5万亿 and 2.53万亿 agree, 2.5万亿 and 2.8万亿 do not; x and y are in one unit. */
static int agree(const struct stmt *a, double x, const struct stmt *b, double y)
{
    int sa = sig_digits(a->value_text, a->value), sb = sig_digits(b->value_text, b->value);
    double coarse = sa <= sb ? x : y, other = sa <= sb ? y : x;
    int sig = sa <= sb ? sa : sb;
    if (coarse == 0)
        return other == 0;
    double step = pow(10, floor(log10(fabs(coarse))) - sig + 1);
    return fabs(other - coarse) <= step / 2 * (1 + 1e-9);
}

/* The two values in one unit: the same unit, or both converted to their base unit. */
static int comparable(const struct stmt *a, const struct stmt *b, double *x, double *y)
{
    if (!strcmp(a->unit, b->unit)) {
        *x = a->value, *y = b->value;
        return 1;
    }
    if (a->has_base && b->has_base) {
        *x = a->base, *y = b->base;
        return 1;
    }
    return 0;
}

static void print_pair(struct rows_out *o, const struct stmt *a, const struct stmt *b)
{
    if (!o) {
        printf("%s · %s · %s: %s%s (%s) ≠ %s%s (%s)\n  %s: %s\n  %s: %s\n\n", a->subject, a->kind, a->period,
               a->value_text, a->unit, a->article, b->value_text, b->unit, b->article, a->article, a->sentence,
               b->article, b->sentence);
        return;
    }
    char ida[16], idb[16], va[40], vb[40];
    snprintf(ida, sizeof ida, "%d", a->id);
    snprintf(idb, sizeof idb, "%d", b->id);
    rows_number(a->value, va, sizeof va);
    rows_number(b->value, vb, sizeof vb);
    const char *cells[PAIR_COLS] = {a->subject, a->kind,    a->period, a->article, ida,     va,         a->unit,
                                    a->sentence, b->article, idb,       vb,         b->unit, b->sentence};
    rows_add(o, cells);
}

/* Report the disagreeing pairs of one group (same key), counting an article's repeat of its own
 * figure (same unit and value) once. */
static void group_pairs(struct stmt *g, size_t n, struct rows_out *o)
{
    char *repeat = xcalloc(n, 1);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < i && !repeat[i]; k++)
            repeat[i] = !strcmp(g[k].article, g[i].article) && !strcmp(g[k].unit, g[i].unit) && g[k].value == g[i].value;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n && !repeat[i]; j++) {
            double x, y;
            if (repeat[j] || !strcmp(g[i].article, g[j].article) || !comparable(&g[i], &g[j], &x, &y) ||
                agree(&g[i], x, &g[j], y))
                continue;
            print_pair(o, &g[i], &g[j]);
        }
    }
    free(repeat);
}

static void stmt_free(struct stmt *s)
{
    free(s->key);
    free(s->subject);
    free(s->kind);
    free(s->period);
    free(s->unit);
    free(s->value_text);
    free(s->article);
    free(s->sentence);
}

static int run(struct db *db, const char *like, struct rows_out *o, struct keyfig_error *err)
{
    struct buf sql = {0};
    buf_adds(&sql, "SELECT c.subject_key, c.kind, COALESCE(c.period, 'as of ' || a.date) AS per, "
                   "COALESCE(c.change_direction, '') AS dir, COALESCE(c.change_basis, '') AS basis, "
                   "COALESCE(c.unit_key, ''), c.value, c.value_base, c.value_text, c.article, c.id, c.sentence "
                   "FROM claims c JOIN articles a ON a.id = c.article "
                   "WHERE c.claim = 1 AND c.subject_key <> '' AND c.approx IS NULL AND c.range_low IS NULL "
                   "AND (c.period IS NOT NULL OR a.date IS NOT NULL)");
    if (like)
        buf_adds(&sql, " AND c.subject_key LIKE $1 ESCAPE '\\'");
    buf_adds(&sql, " ORDER BY c.subject_key, c.kind, per, dir, basis, c.article, c.id");
    struct db_rows *r = db_query(db, sql.data, &like, like ? 1 : 0, err);
    buf_free(&sql);
    if (!r)
        return -1;
    struct stmt *g = NULL;
    size_t n = 0;
    int rc;
    while ((rc = db_next(r, err)) > 0 || n) {
        struct stmt s = {0};
        if (rc > 0) {
            struct buf key = {0};
            for (int i = 0; i < 5; i++)
                buf_printf(&key, "%s\t", db_text(r, i) ? db_text(r, i) : "");
            s.key = key.data;
            s.subject = col(r, 0), s.kind = col(r, 1), s.period = col(r, 2), s.unit = col(r, 5), s.value_text = col(r, 8);
            s.article = col(r, 9), s.sentence = col(r, 11);
            db_number(r, 6, &s.value);
            s.has_base = db_number(r, 7, &s.base) == 0;
            double id = 0;
            db_number(r, 10, &id);
            s.id = (int)id;
        }
        /* a group ends where the key changes (or the rows do) */
        if (n && (rc <= 0 || strcmp(g[0].key, s.key))) {
            group_pairs(g, n, o);
            for (size_t i = 0; i < n; i++)
                stmt_free(&g[i]);
            n = 0;
        }
        if (rc <= 0)
            break;
        g = xrealloc(g, (n + 1) * sizeof *g);
        g[n++] = s;
    }
    free(g);
    db_rows_free(r);
    return rc < 0 ? -1 : 0;
}

int cmd_conflicts(int argc, char **argv)
{
    enum { O_DB = 256, O_SUBJECT, O_FORMAT, O_BOM, O_PATTERNS };
    static const struct option longs[] = {
        {"db", required_argument, 0, O_DB},         {"subject", required_argument, 0, O_SUBJECT},
        {"format", required_argument, 0, O_FORMAT}, {"bom", no_argument, 0, O_BOM},
        {"patterns", required_argument, 0, O_PATTERNS}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *target = NULL, *subject = NULL, *patterns = getenv("KEYFIG_PATTERNS");
    int bom = 0, text = 1, c;
    enum rows_format fmt = ROWS_CSV;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        switch (c) {
        case O_DB: target = optarg; break;
        case O_SUBJECT: subject = optarg; break;
        case O_BOM: bom = 1; break;
        case O_PATTERNS: patterns = optarg; break;
        case O_FORMAT:
            text = !strcmp(optarg, "text");
            if (!text && (rows_format_parse(optarg, &fmt) < 0 || fmt == ROWS_TABLE)) {
                fprintf(stderr, "keyfig: conflicts: --format \"%s\" (expected text, csv, tsv or jsonl)\n", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case 'h': fputs(usage, stdout); return CLI_EXIT_OK;
        default: fputs(usage, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (!target || optind < argc) {
        fprintf(stderr, "keyfig: conflicts: %s (see 'keyfig conflicts --help')\n",
                target ? "unexpected argument" : "--db TARGET is required");
        return CLI_EXIT_USAGE;
    }
    struct keyfig_error err = {0};
    struct fold *f = fold_new(patterns && *patterns ? patterns : NULL, &err);
    struct db *db = f ? db_open(target, 0, &err) : NULL;
    char *k = f && subject ? fold_text(f, subject) : NULL, *like = k ? db_like_contains(k) : NULL;
    free(k);
    struct rows_out *o = db && !text ? rows_begin(stdout, fmt, bom, pair_header, pair_numeric, PAIR_COLS) : NULL;
    int rc = db && run(db, like, o, &err) == 0 ? CLI_EXIT_OK : (err.code ? cli_exit(err.code) : CLI_EXIT_RUNTIME);
    rows_end(o);
    if (rc)
        kf_print_error(&err, 0);
    free(like);
    db_close(db);
    fold_free(f);
    return rc;
}
