/* db: picks the backend for a target, keeps the schema at the version this keyfig knows
 * (sql/schema_v1.sql, schema_v2.sql ... compiled in, applied in order in one transaction) and
 * passes every other call to the backend. */
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "patset.h"
#include "util.h"

struct db {
    const struct db_ops *ops;
    void *h;
    char shown[256];
};

struct db_rows {
    const struct db_ops *ops;
    void *r;
};

/* postgresql://user:secret@host/db -> postgresql://user@host/db, for messages. */
static void shown_name(const char *target, char *out, size_t n)
{
    const char *scheme = strstr(target, "://");
    const char *at = scheme ? strrchr(target, '@') : NULL;
    const char *colon = at ? memchr(scheme + 3, ':', (size_t)(at - scheme - 3)) : NULL;
    if (colon)
        snprintf(out, n, "%.*s%s", (int)(colon - target), target, at);
    else
        snprintf(out, n, "%s", target);
}

static int is_pg(const char *target)
{
    return !strncmp(target, "postgresql://", 13) || !strncmp(target, "postgres://", 11);
}

/* The schema version recorded in the database: 0 for an empty database, -1 on error. */
static int schema_version(struct db *db, struct keyfig_error *err)
{
    const char *p[] = {"schema_version"};
    struct db_rows *r = db_query(db, db->ops->has_table, p, 1, err);
    if (!r)
        return -1;
    int exists = db_next(r, err);
    db_rows_free(r);
    if (exists <= 0)
        return exists;
    r = db_query(db, "SELECT max(version) FROM schema_version", NULL, 0, err);
    if (!r)
        return -1;
    double v = 0;
    int rc = db_next(r, err);
    if (rc > 0 && db_number(r, 0, &v) == 0)
        rc = (int)v;
    db_rows_free(r);
    return rc;
}

/* The newest schema this build knows: the highest n with a built-in schema_v<n>.sql. */
static int known_version(void)
{
    int v = 0;
    for (;;) {
        char name[32];
        size_t len;
        snprintf(name, sizeof name, "schema_v%d.sql", v + 1);
        if (!embedded_get(name, &len))
            return v;
        v++;
    }
}

/* Apply the schema files after the database's version, in one transaction. A database already
 * at this build's version is only read: a query never waits for a loader's write lock. */
static int migrate(struct db *db, int create, struct keyfig_error *err)
{
    int latest = known_version();
    if (schema_version(db, err) == latest)
        return 0;
    *err = (struct keyfig_error){0};
    if (db_begin_write(db, err) < 0)
        return -1;
    if (db->ops->lock_schema && db_exec(db, db->ops->lock_schema, err) < 0)
        goto fail;
    int v = schema_version(db, err);
    if (v < 0)
        goto fail;
    if (v == 0 && !create) {
        kf_error(err, KEYFIG_STATUS_IO, db->shown, 0, "not a keyfig database (no schema_version table; create one with 'keyfig load --db')");
        goto fail;
    }
    if (v > latest) {
        kf_error(err, KEYFIG_STATUS_IO, db->shown, 0, "database schema version %d is newer than this keyfig knows (%d)", v, latest);
        goto fail;
    }
    for (int n = v + 1; n <= latest; n++) {
        char name[32], set[96];
        size_t len;
        snprintf(name, sizeof name, "schema_v%d.sql", n);
        snprintf(set, sizeof set, "DELETE FROM schema_version; INSERT INTO schema_version VALUES (%d)", n);
        if (db_exec(db, embedded_get(name, &len), err) < 0 || db_exec(db, set, err) < 0)
            goto fail;
    }
    return db_exec(db, "COMMIT", err);
fail:
    db_exec(db, "ROLLBACK", &(struct keyfig_error){0});
    return -1;
}

struct db *db_open(const char *target, int create, struct keyfig_error *err)
{
    struct db *db = xcalloc(1, sizeof *db);
    db->ops = is_pg(target) ? &db_pg_ops : &db_sqlite_ops;
    shown_name(target, db->shown, sizeof db->shown);
    db->h = db->ops->open(target, db->shown, create, err);
    /* a loser of the race to create the schema finds it made by the winner on its next try */
    int tries = 0;
    while (db->h && migrate(db, create, err) < 0) {
        if (!db_retryable(db) || ++tries == 5) {
            db_close(db);
            return NULL;
        }
        *err = (struct keyfig_error){0};
    }
    if (!db->h) {
        free(db);
        return NULL;
    }
    return db;
}

void db_close(struct db *db)
{
    if (!db)
        return;
    if (db->h)
        db->ops->close(db->h);
    free(db);
}

const char *db_name(const struct db *db)
{
    return db->shown;
}

int db_exec(struct db *db, const char *sql, struct keyfig_error *err)
{
    return db->ops->exec(db->h, sql, err);
}

int db_begin_write(struct db *db, struct keyfig_error *err)
{
    return db_exec(db, db->ops->begin_write, err);
}

int db_retryable(struct db *db)
{
    return db->ops->retryable(db->h);
}

struct db_rows *db_query(struct db *db, const char *sql, const char *const *params, int n, struct keyfig_error *err)
{
    void *r = db->ops->query(db->h, sql, params, n, err);
    if (!r)
        return NULL;
    struct db_rows *rows = xmalloc(sizeof *rows);
    rows->ops = db->ops;
    rows->r = r;
    return rows;
}

int db_next(struct db_rows *r, struct keyfig_error *err)
{
    return r->ops->next(r->r, err);
}

const char *db_text(struct db_rows *r, int col)
{
    return r->ops->text(r->r, col);
}

int db_number(struct db_rows *r, int col, double *v)
{
    return r->ops->number(r->r, col, v);
}

void db_rows_free(struct db_rows *r)
{
    if (!r)
        return;
    r->ops->rows_free(r->r);
    free(r);
}

int db_bulk_begin(struct db *db, const char *table, const char *const *cols, int ncols, struct keyfig_error *err)
{
    return db->ops->bulk_begin(db->h, table, cols, ncols, err);
}

int db_bulk_row(struct db *db, const char *const *values, struct keyfig_error *err)
{
    return db->ops->bulk_row(db->h, values, err);
}

int db_bulk_end(struct db *db, struct keyfig_error *err)
{
    return db->ops->bulk_end(db->h, err);
}

char *db_like_contains(const char *s)
{
    struct buf b = {0};
    buf_addc(&b, '%');
    for (; *s; s++) {
        if (strchr("\\%_", *s))
            buf_addc(&b, '\\');
        buf_addc(&b, *s);
    }
    buf_addc(&b, '%');
    return b.data;
}
