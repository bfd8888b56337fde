/* query: `keyfig query --db TARGET [filters] [--format F]` — the claims of a whole corpus
 * that match the filters, with their article, date, value, unit, subject and sentence.
 * Filters become SQL conditions, except --subject-re, which PCRE2 applies to the rows. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "db.h"
#include "fold.h"
#include "rows.h"
#include "rules.h"
#include "util.h"

static const char usage[] =
    "usage: keyfig query --db TARGET [filters] [--format table|csv|tsv|jsonl] [--bom]\n"
    "The claims stored in a database (keyfig load), in article date order.\n"
    "filters (all must hold):\n"
    "  --subject TEXT       the subject contains TEXT (traditional and full-width forms fold:\n"
    "                       TEXT in traditional characters finds the simplified subject)\n"
    "  --subject-re RE      the subject (as written or folded) matches the PCRE2 pattern RE\n"
    "  --kind K             money, percent, count, length, area, mass, volume, duration, ...\n"
    "  --unit U             the unit, folded the same way (see keyfig(1) for examples)\n"
    "  --from DATE          article dated DATE or later (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "  --to DATE            article dated DATE or earlier (--to 2023 takes all of 2023)\n"
    "  --article ID         one article\n"
    "  --min V, --max V     the value as stated is at least V, at most V\n"
    "output:\n"
    "  --format F           table (default; aligned for a terminal, sentences cut), csv (RFC 4180),\n"
    "                       tsv (\\t \\n \\\\ escaped) or jsonl\n"
    "  --bom                begin CSV with a UTF-8 byte order mark (for Excel)\n"
    "  --patterns DIR       the pattern set (also $KEYFIG_PATTERNS)\n"
    "exit status: 0 ok (also when nothing matches), 1 database error, 2 usage error\n";

struct query_args {
    const char *db, *subject, *subject_re, *kind, *unit, *from, *to, *article, *min, *max, *patterns;
    enum rows_format fmt;
    int bom;
};

static int usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "keyfig: query: %s \"%s\" (see 'keyfig query --help')\n", what, arg);
    return CLI_EXIT_USAGE;
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int date_ok(const char *s)
{
    static const char *const shapes[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
    for (int i = 0; i < 3; i++) {
        const char *p = shapes[i];
        size_t k = 0;
        while (p[k] && s[k] && (p[k] == 'd' ? s[k] >= '0' && s[k] <= '9' : s[k] == p[k]))
            k++;
        if (!p[k] && !s[k])
            return 1;
    }
    return 0;
}

static int number_ok(const char *s)
{
    char *end;
    strtod(s, &end);
    return *s && !*end;
}

static int parse_args(int argc, char **argv, struct query_args *q)
{
    enum { O_DB = 256, O_SUBJECT, O_SUBJECT_RE, O_KIND, O_UNIT, O_FROM, O_TO, O_ARTICLE, O_MIN, O_MAX,
           O_FORMAT, O_BOM, O_PATTERNS };
    static const struct option longs[] = {
        {"db", required_argument, 0, O_DB},           {"subject", required_argument, 0, O_SUBJECT},
        {"subject-re", required_argument, 0, O_SUBJECT_RE}, {"kind", required_argument, 0, O_KIND},
        {"unit", required_argument, 0, O_UNIT},       {"from", required_argument, 0, O_FROM},
        {"to", required_argument, 0, O_TO},           {"article", required_argument, 0, O_ARTICLE},
        {"min", required_argument, 0, O_MIN},         {"max", required_argument, 0, O_MAX},
        {"format", required_argument, 0, O_FORMAT},   {"bom", no_argument, 0, O_BOM},
        {"patterns", required_argument, 0, O_PATTERNS}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    q->patterns = getenv("KEYFIG_PATTERNS");
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        switch (c) {
        case O_DB: q->db = optarg; break;
        case O_SUBJECT: q->subject = optarg; break;
        case O_SUBJECT_RE: q->subject_re = optarg; break;
        case O_KIND: q->kind = optarg; break;
        case O_UNIT: q->unit = optarg; break;
        case O_FROM: q->from = optarg; break;
        case O_TO: q->to = optarg; break;
        case O_ARTICLE: q->article = optarg; break;
        case O_MIN: q->min = optarg; break;
        case O_MAX: q->max = optarg; break;
        case O_BOM: q->bom = 1; break;
        case O_PATTERNS: q->patterns = optarg; break;
        case O_FORMAT:
            if (rows_format_parse(optarg, &q->fmt) < 0)
                return usage_error("--format (expected table, csv, tsv or jsonl)", optarg);
            break;
        case 'h': fputs(usage, stdout); return CLI_EXIT_OK;
        default: fputs(usage, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (optind < argc)
        return usage_error("unexpected argument", argv[optind]);
    if (!q->db) {
        fputs("keyfig: query: --db TARGET is required\n", stderr);
        return CLI_EXIT_USAGE;
    }
    const char *dates[] = {q->from, q->to}, *nums[] = {q->min, q->max};
    for (int i = 0; i < 2; i++) {
        if (dates[i] && !date_ok(dates[i]))
            return usage_error(i ? "--to: expected YYYY, YYYY-MM or YYYY-MM-DD, got" : "--from: expected YYYY, YYYY-MM or YYYY-MM-DD, got", dates[i]);
        if (nums[i] && !number_ok(nums[i]))
            return usage_error(i ? "--max: expected a number, got" : "--min: expected a number, got", nums[i]);
    }
    if (q->patterns && !*q->patterns)
        q->patterns = NULL;
    return -1;
}

/* Add "AND <cond>" with its parameter value (owned by the caller's list). */
static void cond(struct buf *sql, const char **params, int *n, const char *fmt, const char *value)
{
    params[*n] = value;
    (*n)++;
    buf_adds(sql, " AND ");
    buf_printf(sql, fmt, *n);
}

static int run(const struct query_args *q, struct db *db, struct fold *f, struct rules_regex *re,
               struct keyfig_error *err)
{
    struct buf sql = {0};
    const char *params[10];
    int n = 0;
    char *subject = q->subject ? fold_text(f, q->subject) : NULL, *like = subject ? db_like_contains(subject) : NULL;
    char *unit = q->unit ? fold_text(f, q->unit) : NULL, to[16];
    buf_adds(&sql, "SELECT c.article, a.date, c.id, c.kind, c.value, c.value_text, c.unit, c.subject, c.approx, "
                   "c.sentence, c.subject_key FROM claims c JOIN articles a ON a.id = c.article WHERE c.claim = 1");
    if (like)
        cond(&sql, params, &n, "c.subject_key LIKE $%d ESCAPE '\\'", like);
    if (q->kind)
        cond(&sql, params, &n, "c.kind = $%d", q->kind);
    if (unit)
        cond(&sql, params, &n, "c.unit_key = $%d", unit);
    if (q->from)
        cond(&sql, params, &n, "a.date >= $%d", q->from);
    if (q->to) {
        /* 2023 -> 2023-99: every date of 2023 sorts before it */
        snprintf(to, sizeof to, "%s%s", q->to, strlen(q->to) == 10 ? "" : "-99");
        cond(&sql, params, &n, "a.date <= $%d", to);
    }
    if (q->article)
        cond(&sql, params, &n, "c.article = $%d", q->article);
    if (q->min)
        cond(&sql, params, &n, "c.value >= $%d", q->min);
    if (q->max)
        cond(&sql, params, &n, "c.value <= $%d", q->max);
    buf_adds(&sql, " ORDER BY a.date IS NULL, a.date, c.article, c.id");
    struct db_rows *r = db_query(db, sql.data, params, n, err);
    int rc = r ? 0 : -1;
    struct rows_out *o = r ? rows_begin(stdout, q->fmt, q->bom, rows_claim_header, rows_claim_numeric, ROWS_CLAIM_COLS) : NULL;
    while (r && (rc = db_next(r, err)) > 0) {
        if (re && !rules_regex_match(re, db_text(r, 7)) && !rules_regex_match(re, db_text(r, 10)))
            continue;
        const char *cells[ROWS_CLAIM_COLS];
        char value[40];
        double v;
        for (int i = 0; i < ROWS_CLAIM_COLS; i++)
            cells[i] = db_text(r, i);
        if (db_number(r, 4, &v) == 0) {
            rows_number(v, value, sizeof value);
            cells[4] = value;
        }
        rows_add(o, cells);
    }
    rows_end(o);
    db_rows_free(r);
    buf_free(&sql);
    free(subject);
    free(like);
    free(unit);
    return rc < 0 ? -1 : 0;
}

int cmd_query(int argc, char **argv)
{
    struct query_args q = {.fmt = ROWS_TABLE};
    int rc = parse_args(argc, argv, &q);
    if (rc >= 0)
        return rc;
    struct rules_regex *re = NULL;
    if (q.subject_re) {
        char msg[300];
        if (!(re = rules_regex_new(q.subject_re, msg, sizeof msg))) {
            fprintf(stderr, "keyfig: query: --subject-re \"%s\": %s\n", q.subject_re, msg);
            return CLI_EXIT_USAGE;
        }
    }
    struct keyfig_error err = {0};
    struct fold *f = fold_new(q.patterns, &err);
    struct db *db = f ? db_open(q.db, 0, &err) : NULL;
    rc = db && run(&q, db, f, re, &err) == 0 ? CLI_EXIT_OK : (err.code ? cli_exit(err.code) : CLI_EXIT_RUNTIME);
    if (rc)
        kf_print_error(&err, 0);
    db_close(db);
    fold_free(f);
    rules_regex_free(re);
    return rc;
}
