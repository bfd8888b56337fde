/* db_pg: the PostgreSQL backend of db.h, the only file that includes libpq-fe.h. Queries go
 * with text parameters (PQexecParams); bulk loads stream COPY ... FROM STDIN in text format. */
#include "db.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rows.h"
#include "util.h"

#define COPY_CHUNK 65536

struct pg {
    PGconn *conn;
    char *shown;
    char state[6]; /* SQLSTATE of the last failure */
    struct buf copy; /* COPY lines not yet sent */
    int ncols;
};

struct pg_rows {
    PGresult *res;
    int row, nrows;
};

static int fail_msg(struct pg *p, const PGresult *res, struct keyfig_error *err)
{
    const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    snprintf(p->state, sizeof p->state, "%s", state ? state : "");
    const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(p->conn);
    if (!msg || !*msg)
        msg = PQerrorMessage(p->conn);
    size_t n = strcspn(msg, "\n"); /* the first line: "ERROR:  relation ... does not exist" */
    return kf_error(err, KEYFIG_STATUS_IO, p->shown, 0, "%.*s", (int)n, msg);
}

static void quiet(void *arg, const char *message)
{
    (void)arg, (void)message; /* NOTICEs (e.g. "relation already exists, skipping") are not errors */
}

static void *pg_open(const char *target, const char *shown, int create, struct keyfig_error *err)
{
    (void)create; /* a server database always exists; the schema is made by db.c */
    struct pg *p = xcalloc(1, sizeof *p);
    p->shown = xstrdup(shown);
    p->conn = PQconnectdb(target);
    if (!p->conn || PQstatus(p->conn) != CONNECTION_OK) {
        const char *m = p->conn ? PQerrorMessage(p->conn) : "out of memory";
        kf_error(err, KEYFIG_STATUS_IO, shown, 0, "cannot connect: %.*s", (int)strcspn(m, "\n"), m);
        PQfinish(p->conn);
        free(p->shown);
        free(p);
        return NULL;
    }
    PQsetNoticeProcessor(p->conn, quiet, NULL);
    PQsetClientEncoding(p->conn, "UTF8");
    return p;
}

static void pg_close(void *h)
{
    struct pg *p = h;
    PQfinish(p->conn);
    buf_free(&p->copy);
    free(p->shown);
    free(p);
}

static int ok(const PGresult *res)
{
    ExecStatusType s = PQresultStatus(res);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

static int pg_exec(void *h, const char *sql, struct keyfig_error *err)
{
    struct pg *p = h;
    PGresult *res = PQexec(p->conn, sql);
    int rc = ok(res) ? 0 : fail_msg(p, res, err);
    PQclear(res);
    return rc;
}

static void *pg_query(void *h, const char *sql, const char *const *params, int n, struct keyfig_error *err)
{
    struct pg *p = h;
    PGresult *res = PQexecParams(p->conn, sql, n, NULL, params, NULL, NULL, 0);
    if (!ok(res)) {
        fail_msg(p, res, err);
        PQclear(res);
        return NULL;
    }
    struct pg_rows *r = xmalloc(sizeof *r);
    r->res = res;
    r->row = -1;
    r->nrows = PQntuples(res);
    return r;
}

static int pg_next(void *rows, struct keyfig_error *err)
{
    (void)err;
    struct pg_rows *r = rows;
    return ++r->row < r->nrows;
}

static const char *pg_text(void *rows, int col)
{
    struct pg_rows *r = rows;
    return PQgetisnull(r->res, r->row, col) ? NULL : PQgetvalue(r->res, r->row, col);
}

static int pg_number(void *rows, int col, double *v)
{
    const char *t = pg_text(rows, col);
    if (!t)
        return -1;
    *v = strtod(t, NULL);
    return 0;
}

static void pg_rows_free(void *rows)
{
    struct pg_rows *r = rows;
    PQclear(r->res);
    free(r);
}

static int pg_bulk_begin(void *h, const char *table, const char *const *cols, int ncols, struct keyfig_error *err)
{
    struct pg *p = h;
    struct buf sql = {0};
    buf_printf(&sql, "COPY %s (", table);
    for (int i = 0; i < ncols; i++)
        buf_printf(&sql, "%s%s", i ? ", " : "", cols[i]);
    buf_adds(&sql, ") FROM STDIN");
    PGresult *res = PQexec(p->conn, sql.data);
    int rc = PQresultStatus(res) == PGRES_COPY_IN ? 0 : fail_msg(p, res, err);
    PQclear(res);
    buf_free(&sql);
    p->ncols = ncols;
    p->copy.len = 0;
    return rc;
}

static int flush(struct pg *p, struct keyfig_error *err)
{
    if (p->copy.len && PQputCopyData(p->conn, p->copy.data, (int)p->copy.len) != 1)
        return fail_msg(p, NULL, err);
    p->copy.len = 0;
    return 0;
}

/* One line of COPY's text format: tab between columns, \N for NULL, and backslash escapes
 * for the characters that would end a field or a line. */
static int pg_bulk_row(void *h, const char *const *values, struct keyfig_error *err)
{
    struct pg *p = h;
    for (int i = 0; i < p->ncols; i++) {
        if (i)
            buf_addc(&p->copy, '\t');
        if (!values[i]) {
            buf_adds(&p->copy, "\\N");
            continue;
        }
        rows_tsv_field(&p->copy, values[i]);
    }
    buf_addc(&p->copy, '\n');
    return p->copy.len >= COPY_CHUNK ? flush(p, err) : 0;
}

static int pg_bulk_end(void *h, struct keyfig_error *err)
{
    struct pg *p = h;
    int rc = flush(p, err);
    if (PQputCopyEnd(p->conn, rc ? "keyfig: load failed" : NULL) != 1 && rc == 0)
        rc = fail_msg(p, NULL, err);
    PGresult *res;
    while ((res = PQgetResult(p->conn))) {
        if (rc == 0 && PQresultStatus(res) != PGRES_COMMAND_OK)
            rc = fail_msg(p, res, err);
        PQclear(res);
    }
    return rc;
}

/* Two loaders replacing the same article at once: one loses (unique violation, deadlock or
 * serialisation failure) and may simply try again. */
static int pg_retryable(void *h)
{
    const char *s = ((struct pg *)h)->state;
    return !strcmp(s, "23505") || !strcmp(s, "40001") || !strcmp(s, "40P01");
}

const struct db_ops db_pg_ops = {
    .open = pg_open,
    .close = pg_close,
    .exec = pg_exec,
    .query = pg_query,
    .next = pg_next,
    .text = pg_text,
    .number = pg_number,
    .rows_free = pg_rows_free,
    .bulk_begin = pg_bulk_begin,
    .bulk_row = pg_bulk_row,
    .bulk_end = pg_bulk_end,
    .retryable = pg_retryable,
    .begin_write = "BEGIN",
    .lock_schema = "SELECT pg_advisory_xact_lock(4647263)", /* one keyfig creates the schema at a time */
    .has_table = "SELECT table_name FROM information_schema.tables "
                 "WHERE table_schema = current_schema() AND table_name = $1",
};
