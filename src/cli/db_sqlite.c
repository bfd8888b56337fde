/* db_sqlite: the SQLite backend of db.h, the only file that includes sqlite3.h. The database
 * is one file in WAL mode, so readers never wait for a loader nor see half of its transaction;
 * writers take the lock at BEGIN IMMEDIATE and wait for each other (busy timeout). */
#include "db.h"

#include <sqlite3.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define BUSY_MS 600000 /* ten loaders of a big corpus may queue a while for the write lock */
#define OPEN_TRIES 200 /* 50 ms apart: ten seconds for the loaders opening a new file at once */

struct lite {
    sqlite3 *db;
    char *shown;
    sqlite3_stmt *bulk; /* the INSERT of a bulk load */
    int bulk_n;         /* its columns */
    int busy;           /* the last failure was SQLITE_BUSY */
};

struct lite_rows {
    struct lite *l;
    sqlite3_stmt *st;
};

static int fail(struct lite *l, struct keyfig_error *err)
{
    int code = sqlite3_extended_errcode(l->db);
    l->busy = (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
    return kf_error(err, KEYFIG_STATUS_IO, l->shown, 0, "%s", sqlite3_errmsg(l->db));
}

static void *lite_open(const char *target, const char *shown, int create, struct keyfig_error *err)
{
    struct lite *l = xcalloc(1, sizeof *l);
    l->shown = xstrdup(shown);
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(target, &l->db, flags, NULL) != SQLITE_OK) {
        if (!l->db)
            kf_error(err, KEYFIG_STATUS_IO, shown, 0, "cannot open the database (out of memory)");
        else
            kf_error(err, KEYFIG_STATUS_IO, shown, 0, "cannot open the database: %s", sqlite3_errmsg(l->db));
        sqlite3_close(l->db);
        free(l->shown);
        free(l);
        return NULL;
    }
    sqlite3_busy_timeout(l->db, BUSY_MS);
    /* synchronous=NORMAL: in WAL mode a crash may lose the last commits, never consistency.
     * Switching a new file to WAL takes a lock the busy timeout does not wait for: loaders that
     * open one database at once try again (tests/db.t starts ten). */
    int rc, tries = 0;
    while ((rc = sqlite3_exec(l->db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON",
                              NULL, NULL, NULL)) != SQLITE_OK &&
           ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) && ++tries < OPEN_TRIES)
        nanosleep(&(struct timespec){0, 50 * 1000 * 1000}, NULL);
    if (rc != SQLITE_OK) {
        fail(l, err);
        sqlite3_close(l->db);
        free(l->shown);
        free(l);
        return NULL;
    }
    return l;
}

static void lite_close(void *h)
{
    struct lite *l = h;
    sqlite3_finalize(l->bulk);
    sqlite3_close(l->db);
    free(l->shown);
    free(l);
}

static int lite_exec(void *h, const char *sql, struct keyfig_error *err)
{
    struct lite *l = h;
    return sqlite3_exec(l->db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : fail(l, err);
}

/* Bind text parameters to the statement's $1..$n (SQLite reads "$1" as a parameter name). */
static int bind(struct lite *l, sqlite3_stmt *st, const char *const *params, int n, struct keyfig_error *err)
{
    for (int i = 0; i < n; i++) {
        char name[16];
        snprintf(name, sizeof name, "$%d", i + 1);
        int at = sqlite3_bind_parameter_index(st, name);
        if (at == 0)
            continue;
        int rc = params[i] ? sqlite3_bind_text(st, at, params[i], -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, at);
        if (rc != SQLITE_OK)
            return fail(l, err);
    }
    return 0;
}

static void *lite_query(void *h, const char *sql, const char *const *params, int n, struct keyfig_error *err)
{
    struct lite *l = h;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(l->db, sql, -1, &st, NULL) != SQLITE_OK) {
        fail(l, err);
        return NULL;
    }
    if (bind(l, st, params, n, err) < 0) {
        sqlite3_finalize(st);
        return NULL;
    }
    struct lite_rows *r = xmalloc(sizeof *r);
    r->l = l;
    r->st = st;
    return r;
}

static int lite_next(void *rows, struct keyfig_error *err)
{
    struct lite_rows *r = rows;
    int rc = sqlite3_step(r->st);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : fail(r->l, err);
}

static const char *lite_text(void *rows, int col)
{
    struct lite_rows *r = rows;
    return (const char *)sqlite3_column_text(r->st, col);
}

static int lite_number(void *rows, int col, double *v)
{
    struct lite_rows *r = rows;
    if (sqlite3_column_type(r->st, col) == SQLITE_NULL)
        return -1;
    *v = sqlite3_column_double(r->st, col);
    return 0;
}

static void lite_rows_free(void *rows)
{
    struct lite_rows *r = rows;
    sqlite3_finalize(r->st);
    free(r);
}

static int lite_bulk_begin(void *h, const char *table, const char *const *cols, int ncols, struct keyfig_error *err)
{
    struct lite *l = h;
    struct buf sql = {0};
    buf_printf(&sql, "INSERT INTO %s (", table);
    for (int i = 0; i < ncols; i++)
        buf_printf(&sql, "%s%s", i ? ", " : "", cols[i]);
    buf_adds(&sql, ") VALUES (");
    for (int i = 0; i < ncols; i++)
        buf_printf(&sql, "%s$%d", i ? ", " : "", i + 1);
    buf_adds(&sql, ")");
    int rc = sqlite3_prepare_v2(l->db, sql.data, -1, &l->bulk, NULL) == SQLITE_OK ? 0 : fail(l, err);
    buf_free(&sql);
    l->bulk_n = ncols;
    return rc;
}

static int lite_bulk_row(void *h, const char *const *values, struct keyfig_error *err)
{
    struct lite *l = h;
    sqlite3_reset(l->bulk);
    /* $1..$n appear in order, so parameter i is at index i */
    for (int i = 0; i < l->bulk_n; i++) {
        int rc = values[i] ? sqlite3_bind_text(l->bulk, i + 1, values[i], -1, SQLITE_TRANSIENT)
                           : sqlite3_bind_null(l->bulk, i + 1);
        if (rc != SQLITE_OK)
            return fail(l, err);
    }
    return sqlite3_step(l->bulk) == SQLITE_DONE ? 0 : fail(l, err);
}

static int lite_bulk_end(void *h, struct keyfig_error *err)
{
    (void)err;
    struct lite *l = h;
    sqlite3_finalize(l->bulk);
    l->bulk = NULL;
    return 0;
}

static int lite_retryable(void *h)
{
    return ((struct lite *)h)->busy;
}

const struct db_ops db_sqlite_ops = {
    .open = lite_open,
    .close = lite_close,
    .exec = lite_exec,
    .query = lite_query,
    .next = lite_next,
    .text = lite_text,
    .number = lite_number,
    .rows_free = lite_rows_free,
    .bulk_begin = lite_bulk_begin,
    .bulk_row = lite_bulk_row,
    .bulk_end = lite_bulk_end,
    .retryable = lite_retryable,
    .begin_write = "BEGIN IMMEDIATE",
    .lock_schema = NULL,
    .has_table = "SELECT name FROM sqlite_master WHERE type = 'table' AND name = $1",
};
