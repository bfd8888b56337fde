/* db: the claims database behind `keyfig load`, `query`, `trend`, `conflicts` and
 * `plot --corpus --db`: SQLite (a file path, the default) or PostgreSQL (a postgresql:// URL),
 * behind one small interface of text parameters and text or number columns. It opens, creates
 * and migrates the schema (sql/schema_v*.sql) and runs SQL; it knows nothing of claims. */
#ifndef KEYFIG_DB_H
#define KEYFIG_DB_H

#include "keyfig.h"

struct db;
struct db_rows;

/* What a backend does; db_sqlite.c and db_pg.c each fill one (the only files that include
 * their library's header). Handles are the backend's own. SQL uses $1, $2 ... for parameters,
 * given as text (NULL for SQL NULL). */
struct db_ops {
    void *(*open)(const char *target, const char *shown, int create, struct keyfig_error *err);
    void (*close)(void *h);
    int (*exec)(void *h, const char *sql, struct keyfig_error *err);
    void *(*query)(void *h, const char *sql, const char *const *params, int n, struct keyfig_error *err);
    int (*next)(void *rows, struct keyfig_error *err); /* 1 a row, 0 the end, -1 error */
    const char *(*text)(void *rows, int col);          /* NULL for NULL; valid until next */
    int (*number)(void *rows, int col, double *v);     /* 0, or -1 for NULL */
    void (*rows_free)(void *rows);
    /* Insert many rows into table: COPY on PostgreSQL, one prepared INSERT on SQLite. */
    int (*bulk_begin)(void *h, const char *table, const char *const *cols, int ncols, struct keyfig_error *err);
    int (*bulk_row)(void *h, const char *const *values, struct keyfig_error *err);
    int (*bulk_end)(void *h, struct keyfig_error *err);
    int (*retryable)(void *h); /* 1 when the last failure was a lost race worth one more try */
    const char *begin_write;   /* the statement that starts a writing transaction */
    const char *lock_schema;   /* run first in the schema transaction, or NULL */
    const char *has_table;     /* a query with $1 = a table name: a row when it exists */
};

extern const struct db_ops db_sqlite_ops, db_pg_ops;

/* Open the database named by target: a postgresql:// (or postgres://) URL, else a SQLite file
 * path. create: make the file and the schema when missing (load); otherwise a missing file or
 * schema is an error. An older schema is migrated. Caller owns the result; NULL with err filled
 * (the target in messages has any password removed). */
struct db *db_open(const char *target, int create, struct keyfig_error *err);
void db_close(struct db *db);

/* The target as shown in messages (without a password). Borrowed. */
const char *db_name(const struct db *db);

/* Run statements without parameters (BEGIN, COMMIT ...). Returns 0 or -1 with err filled. */
int db_exec(struct db *db, const char *sql, struct keyfig_error *err);
int db_begin_write(struct db *db, struct keyfig_error *err);
/* 1 when the failure just seen was a lost race between writers (worth retrying). */
int db_retryable(struct db *db);

/* Run a query with n text parameters ($1..$n). Caller owns the rows (db_rows_free); NULL with
 * err filled. */
struct db_rows *db_query(struct db *db, const char *sql, const char *const *params, int n, struct keyfig_error *err);
int db_next(struct db_rows *r, struct keyfig_error *err);
const char *db_text(struct db_rows *r, int col);
int db_number(struct db_rows *r, int col, double *v);
void db_rows_free(struct db_rows *r);

int db_bulk_begin(struct db *db, const char *table, const char *const *cols, int ncols, struct keyfig_error *err);
int db_bulk_row(struct db *db, const char *const *values, struct keyfig_error *err);
int db_bulk_end(struct db *db, struct keyfig_error *err);

/* The LIKE pattern (with ESCAPE '\\') for "contains s": %s% with s's \\ % _ escaped. Caller frees. */
char *db_like_contains(const char *s);

#endif
