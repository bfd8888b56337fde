/* reader: which reader an input needs (by the name it was given, then by its bytes), and the
 * result every reader fills. The readers themselves are html.c and pdf.c. */
#include "reader.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int ends_with(const char *s, const char *ext)
{
    size_t n = s ? strlen(s) : 0, k = strlen(ext);
    return n > k && !strcasecmp(s + n - k, ext);
}

/* An HTML document begins (after white space and a BOM) with a tag that only HTML begins with. */
static int looks_like_html(const char *buf, size_t len)
{
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<meta", "<title", "<body", "<!--"};
    size_t i = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
    while (i < len && strchr(" \t\r\n", buf[i]))
        i++;
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++) {
        size_t n = strlen(starts[k]);
        if (len - i >= n && !strncasecmp(buf + i, starts[k], n))
            return 1;
    }
    return 0;
}

enum keyfig_format reader_detect(enum keyfig_format want, const char *source, const char *buf, size_t len)
{
    if (want != KEYFIG_FORMAT_AUTO)
        return want;
    if (ends_with(source, ".pdf") || (len >= 5 && !memcmp(buf, "%PDF-", 5)))
        return KEYFIG_FORMAT_PDF;
    if (ends_with(source, ".html") || ends_with(source, ".htm") || looks_like_html(buf, len))
        return KEYFIG_FORMAT_HTML;
    return KEYFIG_FORMAT_TEXT;
}

void extracted_free(struct extracted *x)
{
    free(x->text);
    free(x->src_start);
    free(x->src_end);
    free(x->places);
    free(x->title);
    free(x->date);
    free(x->url);
    memset(x, 0, sizeof *x);
}
