/* store: each article becomes one row of articles and one row of claims per number, with the
 * folded keys (fold.h) and the period its sentence names. A batch of articles is written in one
 * transaction: delete the articles' old rows, then bulk-insert the new ones. */
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "fold.h"
#include "util.h"

#define BATCH 256 /* articles per transaction */
#define TRIES 5   /* a batch that lost a race between writers is tried again */

static const char *const article_cols[] = {"id", "source", "title", "date", "items", "url", "format"};
static const char *const claim_cols[] = {
    "article", "id", "claim", "reason", "value", "value_text", "unit", "kind", "subject", "approx",
    "range_low", "range_high", "change_direction", "change_from", "change_basis", "span_start", "span_end",
    "byte_start", "byte_end", "text", "sentence", "item", "rule", "subject_rule", "page", "bbox",
    "subject_key", "unit_key", "value_base", "period"};
#define NA (int)(sizeof article_cols / sizeof *article_cols)
#define NC (int)(sizeof claim_cols / sizeof *claim_cols)

/* Rows as text, ready for db_bulk_row: n rows of `width` owned strings (NULL for SQL NULL). */
struct table {
    char **cell;
    size_t n, cap;
    int width;
};

struct store {
    struct db *db;
    struct fold *fold;
    struct table articles, claims;
    size_t done_articles, done_numbers;
};

static char **table_row(struct table *t)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->cell = xrealloc(t->cell, t->cap * t->width * sizeof *t->cell);
    }
    char **row = t->cell + t->n++ * t->width;
    memset(row, 0, t->width * sizeof *row);
    return row;
}

static void table_clear(struct table *t)
{
    for (size_t i = 0; i < t->n * t->width; i++)
        free(t->cell[i]);
    t->n = 0;
}

static char *dup(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static char *num(double v)
{
    char b[40];
    snprintf(b, sizeof b, "%.17g", v);
    return xstrdup(b);
}

static char *whole(long long v)
{
    char b[32];
    snprintf(b, sizeof b, "%lld", v);
    return xstrdup(b);
}

struct store *store_open(const char *target, const char *patterns, struct keyfig_error *err)
{
    struct fold *f = fold_new(patterns, err);
    if (!f)
        return NULL;
    struct db *db = db_open(target, 1, err);
    if (!db) {
        fold_free(f);
        return NULL;
    }
    struct store *s = xcalloc(1, sizeof *s);
    s->db = db;
    s->fold = f;
    s->articles.width = NA;
    s->claims.width = NC;
    return s;
}

static int is_date(const struct cd_claim *c)
{
    return !c->is_claim && c->reason && !strcmp(c->reason, "date");
}

static int same_sentence(const struct cd_claim *a, const struct cd_claim *b)
{
    return a->item == b->item && a->sentence && b->sentence && !strcmp(a->sentence, b->sentence);
}

/* The date its sentence names for claim c, folded: the nearest date set aside before it in the
 * same sentence (2023年全省GDP…), else the first after it (GDP…，为2023年…), with the parts
 * written just before it (2023年3月 -> "2023-3"); NULL when the sentence names none or the
 * document has no numbers set aside. dates[0..nd) index a's dates in order. */
static char *period_of(const struct store *s, const struct cd_article *a, const size_t *dates, size_t nd,
                       const struct cd_claim *c)
{
    size_t lo = 0, hi = nd; /* first date that does not end before c */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->claims[dates[mid]].byte_end <= c->byte_start)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t at;
    if (lo > 0 && same_sentence(&a->claims[dates[lo - 1]], c))
        at = lo - 1;
    else if (lo < nd && same_sentence(&a->claims[dates[lo]], c))
        at = lo;
    else
        return NULL;
    size_t first = at; /* 2023 年 3 月: parts one character (3 bytes) apart */
    while (first > 0 && same_sentence(&a->claims[dates[first - 1]], c) &&
           a->claims[dates[first]].byte_start - a->claims[dates[first - 1]].byte_end <= 3)
        first--;
    struct buf p = {0};
    for (size_t i = first; i <= at; i++) {
        const char *t = a->claims[dates[i]].text;
        buf_printf(&p, "%s%s", i > first ? "-" : "", t ? t : "");
    }
    char *folded = fold_text(s->fold, p.data);
    buf_free(&p);
    return folded;
}

static void claim_row(struct store *s, const struct cd_article *a, const struct cd_claim *c, char *period)
{
    char **r = table_row(&s->claims);
    int i = 0;
    r[i++] = dup(a->id);
    r[i++] = whole(c->id);
    r[i++] = whole(c->is_claim);
    r[i++] = dup(c->reason);
    r[i++] = num(c->value);
    r[i++] = dup(c->value_text);
    r[i++] = dup(c->unit);
    r[i++] = dup(c->kind);
    r[i++] = dup(c->subject);
    r[i++] = dup(c->approx);
    r[i++] = c->has_range ? num(c->low) : NULL;
    r[i++] = c->has_range ? num(c->high) : NULL;
    r[i++] = dup(c->direction);
    r[i++] = c->has_from ? num(c->from) : NULL;
    r[i++] = dup(c->basis);
    r[i++] = whole((long long)c->start);
    r[i++] = whole((long long)c->end);
    r[i++] = whole((long long)c->byte_start);
    r[i++] = whole((long long)c->byte_end);
    r[i++] = dup(c->text);
    r[i++] = dup(c->sentence);
    r[i++] = whole(c->item);
    r[i++] = dup(c->rule);
    r[i++] = dup(c->subject_rule);
    r[i++] = c->page > 0 ? whole(c->page) : NULL;
    r[i++] = dup(c->bbox);
    r[i++] = c->subject ? fold_text(s->fold, c->subject) : NULL;
    char *unit_key = c->unit ? fold_text(s->fold, c->unit) : NULL;
    double base;
    r[i++] = unit_key;
    r[i++] = unit_key && fold_base(s->fold, unit_key, c->value, &base) ? num(base) : NULL;
    r[i++] = period; /* taken */
}

static int queued(const struct store *s, const char *id)
{
    for (size_t i = 0; i < s->articles.n; i++)
        if (!strcmp(s->articles.cell[i * NA], id))
            return 1;
    return 0;
}

int store_add(struct store *s, const struct cd_article *a, struct keyfig_error *err)
{
    if (!a->id || !*a->id)
        return kf_error(err, KEYFIG_STATUS_IO, a->source, 0, "article without an \"id\" (needed to store it)");
    /* the same article twice in a batch: the later one must replace the earlier */
    if ((queued(s, a->id) || s->articles.n == BATCH) && store_flush(s, err) < 0)
        return -1;
    char **r = table_row(&s->articles);
    r[0] = dup(a->id);
    r[1] = dup(a->source);
    r[2] = dup(a->title);
    r[3] = a->date && *a->date ? dup(a->date) : NULL;
    r[4] = whole(a->items);
    r[5] = dup(a->url);
    r[6] = dup(a->format);
    size_t *dates = xcalloc(a->nclaims + 1, sizeof *dates), nd = 0;
    for (size_t i = 0; i < a->nclaims; i++)
        if (is_date(&a->claims[i]))
            dates[nd++] = i;
    for (size_t i = 0; i < a->nclaims; i++) {
        const struct cd_claim *c = &a->claims[i];
        claim_row(s, a, c, c->is_claim ? period_of(s, a, dates, nd, c) : NULL);
    }
    free(dates);
    return 0;
}

static int bulk(struct db *db, const char *name, const char *const *cols, const struct table *t,
                struct keyfig_error *err)
{
    if (t->n == 0)
        return 0;
    int rc = db_bulk_begin(db, name, cols, t->width, err);
    for (size_t i = 0; rc == 0 && i < t->n; i++)
        rc = db_bulk_row(db, (const char *const *)t->cell + i * t->width, err);
    int end = db_bulk_end(db, err);
    return rc ? rc : end;
}

/* One transaction: the old rows of the batch's articles go, the new ones come. */
static int write_batch(struct store *s, struct keyfig_error *err)
{
    if (db_begin_write(s->db, err) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < s->articles.n; i++) {
        const char *id = s->articles.cell[i * NA];
        /* claims first: on SQLite an ON DELETE CASCADE visits them one by one */
        struct db_rows *r = db_query(s->db, "DELETE FROM claims WHERE article = $1", &id, 1, err);
        rc = r && db_next(r, err) >= 0 ? 0 : -1;
        db_rows_free(r);
        r = rc ? NULL : db_query(s->db, "DELETE FROM articles WHERE id = $1", &id, 1, err);
        rc = r && db_next(r, err) >= 0 ? 0 : -1;
        db_rows_free(r);
    }
    if (rc == 0)
        rc = bulk(s->db, "articles", article_cols, &s->articles, err);
    if (rc == 0)
        rc = bulk(s->db, "claims", claim_cols, &s->claims, err);
    if (rc == 0)
        rc = db_exec(s->db, "COMMIT", err);
    if (rc != 0)
        db_exec(s->db, "ROLLBACK", &(struct keyfig_error){0});
    return rc;
}

int store_flush(struct store *s, struct keyfig_error *err)
{
    if (s->articles.n == 0)
        return 0;
    int rc = -1;
    for (int t = 0; t < TRIES && rc != 0; t++) {
        struct keyfig_error e = {0};
        rc = write_batch(s, &e);
        if (rc != 0 && (t + 1 == TRIES || !db_retryable(s->db))) {
            *err = e;
            break;
        }
    }
    if (rc == 0) {
        s->done_articles += s->articles.n;
        s->done_numbers += s->claims.n;
    }
    table_clear(&s->articles);
    table_clear(&s->claims);
    return rc;
}

void store_counts(const struct store *s, size_t *articles, size_t *numbers)
{
    *articles = s->done_articles;
    *numbers = s->done_numbers;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    table_clear(&s->articles);
    table_clear(&s->claims);
    free(s->articles.cell);
    free(s->claims.cell);
    db_close(s->db);
    fold_free(s->fold);
    free(s);
}
