/* lazylib: a shared library opened on first use (see lazylib.h). */
#include "lazylib.h"

#include <dlfcn.h>

void *lazylib_open(struct lazylib *l)
{
    if (!atomic_load_explicit(&l->tried, memory_order_acquire)) {
        pthread_mutex_lock(&l->mu);
        if (!atomic_load_explicit(&l->tried, memory_order_relaxed)) {
            l->handle = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
            if (l->handle && l->loaded)
                l->loaded(l->handle);
            atomic_store_explicit(&l->tried, 1, memory_order_release);
        }
        pthread_mutex_unlock(&l->mu);
    }
    return l->handle;
}

void *lazylib_sym(struct lazylib *l, const char *name)
{
    void *h = lazylib_open(l);
    return h ? dlsym(h, name) : NULL;
}
