/* corpus_db: the database does the counting (GROUP BY month or subject, and kind); this file
 * turns the counts into bars for plot_bars. */
#include "corpus_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "db.h"
#include "plot.h"
#include "template.h"
#include "util.h"

#define TOP_SUBJECTS 20
#define STR_(x) #x
#define STR(x) STR_(x) /* a number in the SQL text */
#define MAX_MONTHS 400

struct bars {
    struct plot_bar *b;
    size_t n;
};

/* Rows of (label, kind, count), ordered by label: one bar per label. */
static int collect(struct db *db, const char *sql, const char *null_label, struct bars *out, struct keyfig_error *err)
{
    struct db_rows *r = db_query(db, sql, NULL, 0, err);
    if (!r)
        return -1;
    int rc;
    struct buf label = {0};
    while ((rc = db_next(r, err)) > 0) {
        const char *l = db_text(r, 0) ? db_text(r, 0) : null_label, *kind = db_text(r, 1);
        double k = 0;
        db_number(r, 2, &k);
        label.len = 0;
        cells_add_clean(&label, l, 36);
        if (!out->n || strcmp(out->b[out->n - 1].label, label.data)) {
            out->b = xrealloc(out->b, (out->n + 1) * sizeof *out->b);
            memset(&out->b[out->n], 0, sizeof *out->b);
            out->b[out->n++].label = xstrdup(label.data);
        }
        out->b[out->n - 1].per[plot_kind_index(kind)] += (size_t)k;
    }
    buf_free(&label);
    db_rows_free(r);
    return rc;
}

/* Fill the one-line template plots/name (a heading, a label) into out, without its line end. */
static int fill_line(const char *name, const struct tpl_vars *vs, struct buf *out, struct keyfig_error *err)
{
    out->len = 0;
    int rc = tpl_fill(name, vs, out, err);
    while (rc == 0 && out->len && out->data[out->len - 1] == '\n')
        out->data[--out->len] = '\0';
    if (rc == 0 && !out->data)
        buf_adds(out, "");
    return rc;
}

static void bars_free(struct bars *b)
{
    for (size_t i = 0; i < b->n; i++)
        free(b->b[i].label);
    free(b->b);
}

static size_t bar_sum(const struct plot_bar *b)
{
    size_t s = 0;
    for (int k = 0; k < PLOT_NKINDS; k++)
        s += b->per[k];
    return s;
}

/* The most claims first; equal counts in label order. */
static int by_sum(const void *a, const void *b)
{
    size_t x = bar_sum(a), y = bar_sum(b);
    return x != y ? (x < y ? 1 : -1) : strcmp(((const struct plot_bar *)a)->label, ((const struct plot_bar *)b)->label);
}

static long count(struct db *db, const char *sql, struct keyfig_error *err)
{
    struct db_rows *r = db_query(db, sql, NULL, 0, err);
    double v = -1;
    if (r && db_next(r, err) > 0)
        db_number(r, 0, &v);
    db_rows_free(r);
    return (long)v;
}

int corpus_db_plot(const char *target, const char *outdir, const char *font, struct keyfig_error *err)
{
    struct db *db = db_open(target, 0, err);
    if (!db)
        return -1;
    struct bars months = {0}, subjects = {0};
    long articles = count(db, "SELECT count(*) FROM articles", err);
    long claims = count(db, "SELECT count(*) FROM claims WHERE claim = 1", err);
    int rc = articles < 0 || claims < 0 ? -1 : 0;
    struct tpl_vars vs = {0};
    struct buf undated = {0}, h = {0};
    buf_printf(tpl_var(&vs, "ARTICLES"), "%ld", articles);
    buf_printf(tpl_var(&vs, "CLAIMS"), "%ld", claims);
    buf_printf(tpl_var(&vs, "TOP"), "%d", TOP_SUBJECTS);
    if (rc == 0)
        rc = fill_line("corpus-undated.txt", &vs, &undated, err);
    if (rc == 0)
        rc = collect(db, "SELECT substr(a.date, 1, 7) AS month, c.kind, count(*) FROM claims c "
                         "JOIN articles a ON a.id = c.article WHERE c.claim = 1 "
                         "GROUP BY month, c.kind ORDER BY substr(a.date, 1, 7) IS NULL, month, c.kind",
                     undated.data, &months, err);
    if (rc == 0)
        rc = collect(db, "SELECT c.subject_key, c.kind, count(*) FROM claims c WHERE c.claim = 1 AND c.subject_key IN "
                         "(SELECT subject_key FROM claims WHERE claim = 1 AND subject_key <> '' GROUP BY subject_key "
                         "ORDER BY count(*) DESC, subject_key LIMIT " STR(TOP_SUBJECTS) ") GROUP BY c.subject_key, c.kind "
                         "ORDER BY c.subject_key, c.kind",
                     "", &subjects, err);
    if (rc == 0 && months.n == 0)
        rc = kf_error(err, KEYFIG_STATUS_IO, db_name(db), 0, "no claims stored: nothing to chart");
    if (rc == 0) {
        size_t shown = months.n < MAX_MONTHS ? months.n : MAX_MONTHS;
        rc = fill_line("corpus-title.txt", &vs, &h, err);
        if (rc == 0)
            rc = plot_bars(outdir, "corpus", h.data, months.b, shown, font, err);
        if (subjects.n)
            qsort(subjects.b, subjects.n, sizeof *subjects.b, by_sum);
        if (rc == 0 && subjects.n && (rc = fill_line("subjects-title.txt", &vs, &h, err)) == 0)
            rc = plot_bars(outdir, "subjects", h.data, subjects.b, subjects.n, font, err);
    }
    buf_free(&h);
    buf_free(&undated);
    tpl_vars_free(&vs);
    bars_free(&months);
    bars_free(&subjects);
    db_close(db);
    return rc;
}
