/* pg_lazy: libpq loaded when a PostgreSQL database is first opened, not at every start. libpq is
 * not linked: these definitions stand for the functions src/cli/db_pg.c calls, and the first call
 * dlopens LIBPQ_SONAME (set by the Makefile) and forwards. Linking libpq pulled in 25 shared
 * libraries (Kerberos, LDAP, TLS), a few milliseconds of every run's start-up. If the library cannot
 * be loaded, PQconnectdb gives no connection and the database does not open. */
#include <libpq-fe.h>
#include <stddef.h>

#include "lazylib.h"

#ifndef LIBPQ_SONAME
#define LIBPQ_SONAME "libpq.so.5"
#endif

static struct lazylib lib = LAZYLIB(LIBPQ_SONAME, NULL);

#define BIND(f, name) LAZYLIB_BIND(&lib, f, name)

PGconn *PQconnectdb(const char *conninfo)
{
    PGconn *(*f)(const char *);
    return BIND(f, "PQconnectdb") ? f(conninfo) : NULL;
}

void PQfinish(PGconn *conn)
{
    void (*f)(PGconn *);
    if (BIND(f, "PQfinish"))
        f(conn);
}

ConnStatusType PQstatus(const PGconn *conn)
{
    ConnStatusType (*f)(const PGconn *);
    return BIND(f, "PQstatus") ? f(conn) : CONNECTION_BAD;
}

char *PQerrorMessage(const PGconn *conn)
{
    char *(*f)(const PGconn *);
    static char none[] = "cannot load " LIBPQ_SONAME "\n";
    return BIND(f, "PQerrorMessage") ? f(conn) : none;
}

int PQsetClientEncoding(PGconn *conn, const char *encoding)
{
    int (*f)(PGconn *, const char *);
    return BIND(f, "PQsetClientEncoding") ? f(conn, encoding) : -1;
}

PQnoticeProcessor PQsetNoticeProcessor(PGconn *conn, PQnoticeProcessor proc, void *arg)
{
    PQnoticeProcessor (*f)(PGconn *, PQnoticeProcessor, void *);
    return BIND(f, "PQsetNoticeProcessor") ? f(conn, proc, arg) : NULL;
}

PGresult *PQexec(PGconn *conn, const char *query)
{
    PGresult *(*f)(PGconn *, const char *);
    return BIND(f, "PQexec") ? f(conn, query) : NULL;
}

PGresult *PQexecParams(PGconn *conn, const char *command, int nParams, const Oid *paramTypes,
                       const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat)
{
    PGresult *(*f)(PGconn *, const char *, int, const Oid *, const char *const *, const int *, const int *, int);
    return BIND(f, "PQexecParams") ? f(conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat)
                                   : NULL;
}

PGresult *PQgetResult(PGconn *conn)
{
    PGresult *(*f)(PGconn *);
    return BIND(f, "PQgetResult") ? f(conn) : NULL;
}

int PQputCopyData(PGconn *conn, const char *buffer, int nbytes)
{
    int (*f)(PGconn *, const char *, int);
    return BIND(f, "PQputCopyData") ? f(conn, buffer, nbytes) : -1;
}

int PQputCopyEnd(PGconn *conn, const char *errormsg)
{
    int (*f)(PGconn *, const char *);
    return BIND(f, "PQputCopyEnd") ? f(conn, errormsg) : -1;
}

ExecStatusType PQresultStatus(const PGresult *res)
{
    ExecStatusType (*f)(const PGresult *);
    return BIND(f, "PQresultStatus") ? f(res) : PGRES_FATAL_ERROR;
}

char *PQresultErrorMessage(const PGresult *res)
{
    char *(*f)(const PGresult *);
    static char none[] = "";
    return BIND(f, "PQresultErrorMessage") ? f(res) : none;
}

char *PQresultErrorField(const PGresult *res, int fieldcode)
{
    char *(*f)(const PGresult *, int);
    return BIND(f, "PQresultErrorField") ? f(res, fieldcode) : NULL;
}

int PQntuples(const PGresult *res)
{
    int (*f)(const PGresult *);
    return BIND(f, "PQntuples") ? f(res) : 0;
}

char *PQgetvalue(const PGresult *res, int tup_num, int field_num)
{
    char *(*f)(const PGresult *, int, int);
    return BIND(f, "PQgetvalue") ? f(res, tup_num, field_num) : NULL;
}

int PQgetisnull(const PGresult *res, int tup_num, int field_num)
{
    int (*f)(const PGresult *, int, int);
    return BIND(f, "PQgetisnull") ? f(res, tup_num, field_num) : 1;
}

void PQclear(PGresult *res)
{
    void (*f)(PGresult *);
    if (res && BIND(f, "PQclear"))
        f(res);
}
