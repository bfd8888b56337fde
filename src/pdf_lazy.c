/* pdf_lazy: poppler-glib (and glib) loaded on the first PDF, not at every start. The library is
 * not linked: these definitions stand for the functions src/pdf.c calls, and the first call
 * dlopens POPPLER_GLIB_SONAME (set by the Makefile) and forwards. Linking poppler pulled in 52
 * shared libraries, about 8 ms of every run's start-up, for input that is rarely PDF. If the library
 * cannot be loaded, the document does not open (pdf.c reports it as not readable). */
#include <poppler.h>

#include "lazylib.h"

#ifndef POPPLER_GLIB_SONAME
#define POPPLER_GLIB_SONAME "libpoppler-glib.so.8"
#endif

/* its dependencies glib and gobject come with it: their functions are found through it too */
static struct lazylib lib = LAZYLIB(POPPLER_GLIB_SONAME, NULL);

#define BIND(f, name) LAZYLIB_BIND(&lib, f, name)

GBytes *g_bytes_new_static(gconstpointer data, gsize size)
{
    GBytes *(*f)(gconstpointer, gsize);
    return BIND(f, "g_bytes_new_static") ? f(data, size) : NULL;
}

void g_bytes_unref(GBytes *bytes)
{
    void (*f)(GBytes *);
    if (bytes && BIND(f, "g_bytes_unref"))
        f(bytes);
}

void g_error_free(GError *error)
{
    void (*f)(GError *);
    if (error && BIND(f, "g_error_free"))
        f(error);
}

void g_free(gpointer mem)
{
    void (*f)(gpointer);
    if (mem && BIND(f, "g_free"))
        f(mem);
}

void g_object_unref(gpointer object)
{
    void (*f)(gpointer);
    if (object && BIND(f, "g_object_unref"))
        f(object);
}

GQuark poppler_error_quark(void)
{
    GQuark (*f)(void);
    return BIND(f, "poppler_error_quark") ? f() : 0;
}

PopplerDocument *poppler_document_new_from_bytes(GBytes *bytes, const char *password, GError **error)
{
    PopplerDocument *(*f)(GBytes *, const char *, GError **);
    return bytes && BIND(f, "poppler_document_new_from_bytes") ? f(bytes, password, error) : NULL;
}

int poppler_document_get_n_pages(PopplerDocument *document)
{
    int (*f)(PopplerDocument *);
    return BIND(f, "poppler_document_get_n_pages") ? f(document) : 0;
}

PopplerPage *poppler_document_get_page(PopplerDocument *document, int index)
{
    PopplerPage *(*f)(PopplerDocument *, int);
    return BIND(f, "poppler_document_get_page") ? f(document, index) : NULL;
}

gchar *poppler_document_get_title(PopplerDocument *document)
{
    gchar *(*f)(PopplerDocument *);
    return BIND(f, "poppler_document_get_title") ? f(document) : NULL;
}

void poppler_page_get_size(PopplerPage *page, double *width, double *height)
{
    void (*f)(PopplerPage *, double *, double *);
    if (BIND(f, "poppler_page_get_size"))
        f(page, width, height);
}

char *poppler_page_get_text(PopplerPage *page)
{
    char *(*f)(PopplerPage *);
    return BIND(f, "poppler_page_get_text") ? f(page) : NULL;
}

gboolean poppler_page_get_text_layout(PopplerPage *page, PopplerRectangle **rectangles, guint *n_rectangles)
{
    gboolean (*f)(PopplerPage *, PopplerRectangle **, guint *);
    return BIND(f, "poppler_page_get_text_layout") ? f(page, rectangles, n_rectangles) : FALSE;
}
