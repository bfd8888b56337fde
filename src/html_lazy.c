/* html_lazy: libxml2 loaded on the first HTML page, not at every start. The library is not linked:
 * these definitions stand for the functions src/html.c calls, and the first call dlopens
 * LIBXML2_SONAME (set by the Makefile) and forwards, as pdf_lazy.c does for poppler. Linking
 * libxml2 mapped ICU, libstdc++, zlib and liblzma into every run (2.3 MB of peak RSS, and their
 * relocation at start-up) for input that is mostly text. If the library cannot be loaded, no page
 * parses (html.c reports the page as not readable). */
#include <dlfcn.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "lazylib.h"

#ifndef LIBXML2_SONAME
#define LIBXML2_SONAME "libxml2.so.2"
#endif

/* The parser initialised right after loading: libxml2 wants xmlInitParser called before any
 * thread parses, and this runs once, before the first call of any of the functions below returns. */
static void init_parser(void *handle)
{
    void (*init)(void);
    if ((*(void **)(&init) = dlsym(handle, "xmlInitParser")))
        init();
}

static struct lazylib lib = LAZYLIB(LIBXML2_SONAME, init_parser);

#define BIND(f, name) LAZYLIB_BIND(&lib, f, name)

htmlParserCtxtPtr htmlNewParserCtxt(void)
{
    htmlParserCtxtPtr (*f)(void);
    return BIND(f, "htmlNewParserCtxt") ? f() : NULL;
}

htmlDocPtr htmlCtxtReadMemory(htmlParserCtxtPtr ctxt, const char *buffer, int size, const char *URL, const char *encoding,
                              int options)
{
    htmlDocPtr (*f)(htmlParserCtxtPtr, const char *, int, const char *, const char *, int);
    return BIND(f, "htmlCtxtReadMemory") ? f(ctxt, buffer, size, URL, encoding, options) : NULL;
}

void htmlFreeParserCtxt(htmlParserCtxtPtr ctxt)
{
    void (*f)(htmlParserCtxtPtr);
    if (ctxt && BIND(f, "htmlFreeParserCtxt"))
        f(ctxt);
}

long xmlByteConsumed(xmlParserCtxtPtr ctxt)
{
    long (*f)(xmlParserCtxtPtr);
    return BIND(f, "xmlByteConsumed") ? f(ctxt) : -1;
}

xmlNodePtr xmlDocGetRootElement(const xmlDoc *doc)
{
    xmlNodePtr (*f)(const xmlDoc *);
    return doc && BIND(f, "xmlDocGetRootElement") ? f(doc) : NULL;
}

void xmlFreeDoc(xmlDocPtr cur)
{
    void (*f)(xmlDocPtr);
    if (cur && BIND(f, "xmlFreeDoc"))
        f(cur);
}

xmlAttrPtr xmlHasProp(const xmlNode *node, const xmlChar *name)
{
    xmlAttrPtr (*f)(const xmlNode *, const xmlChar *);
    return BIND(f, "xmlHasProp") ? f(node, name) : NULL;
}

void xmlSAX2Characters(void *ctx, const xmlChar *ch, int len)
{
    void (*f)(void *, const xmlChar *, int);
    if (BIND(f, "xmlSAX2Characters"))
        f(ctx, ch, len);
}

void xmlSetGenericErrorFunc(void *ctx, xmlGenericErrorFunc handler)
{
    void (*f)(void *, xmlGenericErrorFunc);
    if (BIND(f, "xmlSetGenericErrorFunc"))
        f(ctx, handler);
}

/* The thread's error handler and its context (xmlGenericError, xmlGenericErrorContext are these
 * functions' targets); a slot of our own when the library is missing. */
xmlGenericErrorFunc *__xmlGenericError(void)
{
    static xmlGenericErrorFunc none;
    xmlGenericErrorFunc *(*f)(void);
    return BIND(f, "__xmlGenericError") ? f() : &none;
}

void **__xmlGenericErrorContext(void)
{
    static void *none;
    void **(*f)(void);
    return BIND(f, "__xmlGenericErrorContext") ? f() : &none;
}
