/* lazylib: a shared library loaded on first use (dlopen) instead of linked, for the libraries most
 * runs never need (libxml2, poppler-glib, libpq): each pulled dozens of others into every start-up.
 * src/html_lazy.c, src/pdf_lazy.c and src/cli/pg_lazy.c define the functions their callers use and
 * forward each call through lazylib_sym. */
#ifndef KEYFIG_LAZYLIB_H
#define KEYFIG_LAZYLIB_H

#include <pthread.h>
#include <stdatomic.h>

struct lazylib {
    const char *soname;
    void (*loaded)(void *handle); /* run once, right after the library is opened; NULL: nothing */
    pthread_mutex_t mu;
    atomic_int tried;             /* the dlopen was made (handle is set) */
    void *handle;                 /* NULL when the library could not be opened */
};

#define LAZYLIB(soname, loaded) {(soname), (loaded), PTHREAD_MUTEX_INITIALIZER, 0, NULL}

/* The library's handle, opening it on the first call from any thread (and running its loaded
 * hook then); NULL when it cannot be opened. */
void *lazylib_open(struct lazylib *l);

/* The library's symbol name, or NULL (no library, or no such symbol). */
void *lazylib_sym(struct lazylib *l, const char *name);

/* f = the library's function name (the POSIX way of turning dlsym's object pointer into a function's) */
#define LAZYLIB_BIND(l, f, name) (*(void **)(&(f)) = lazylib_sym((l), (name)))

#endif
