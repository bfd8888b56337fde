/* svg_clean: an allow-list copy of an SVG document (see svg_clean.h). */
#include "svg_clean.h"

#include <string.h>
#include <strings.h>

/* SVG elements gnuplot writes; anything else loses its tags (its text stays, as text). */
static const char *const svg_allowed[] = {
    "svg", "g", "path", "text", "tspan", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "defs", "desc", "title", "use", "clipPath", "symbol", "marker", "linearGradient",
    "radialGradient", "stop", "pattern", "mask", "filter", "feFlood", "feComposite", "feOffset",
    "feGaussianBlur", "feMerge", "feMergeNode", NULL};
/* Elements dropped together with their content. */
static const char *const svg_dropped[] = {"script", "style", "foreignObject", "iframe", "object", "embed", NULL};

/* s[0..n) in list; nocase for the dropped elements (<SCRIPT> is a script to an HTML parser). */
static int in_list(const char *const *list, const char *s, size_t n, int nocase)
{
    for (; *list; list++)
        if (strlen(*list) == n && (nocase ? strncasecmp(*list, s, n) : strncmp(*list, s, n)) == 0)
            return 1;
    return 0;
}

static int name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
           c == '_' || c == '-' || c == '.';
}

static int space_char(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* An attribute that could run code or reach the network: on* handlers, links other than
 * same-document ones (href="#gpDot"), url() other than url(#id), javascript: anywhere; and
 * ids of the page's own (kf-doc-N), which a chart must not shadow. */
static int attr_unsafe(const char *name, size_t nlen, const char *val, size_t vlen)
{
    if (nlen >= 2 && (name[0] == 'o' || name[0] == 'O') && (name[1] == 'n' || name[1] == 'N'))
        return 1;
    if (nlen == 2 && strncmp(name, "id", 2) == 0 && vlen >= 3 && strncmp(val, "kf-", 3) == 0)
        return 1; /* the page finds its data by these ids */
    const char *colon = memchr(name, ':', nlen);
    const char *local = colon ? colon + 1 : name;
    size_t llen = nlen - (size_t)(local - name);
    if (llen == 4 && strncmp(local, "href", 4) == 0 && !(vlen > 0 && val[0] == '#'))
        return 1;
    for (size_t i = 0; i < vlen; i++) {
        if (vlen - i >= 4 && strncmp(val + i, "url(", 4) == 0) {
            size_t j = i + 4;
            while (j < vlen && (val[j] == ' ' || val[j] == '\'' || val[j] == '"'))
                j++;
            if (j >= vlen || val[j] != '#')
                return 1;
        }
        if (vlen - i >= 11 && strncasecmp(val + i, "javascript:", 11) == 0)
            return 1;
    }
    return 0;
}

/* Copy one start tag's attributes from p (after the name) to out, dropping unsafe ones and
 * re-quoting the rest with "". Returns the position after the tag's '>' (or end). */
static const char *svg_attrs(const char *p, const char *end, struct buf *out)
{
    while (p < end) {
        while (p < end && space_char(*p))
            p++;
        if (p >= end || *p == '>')
            return p < end ? p + 1 : end;
        if (*p == '/') {
            buf_addc(out, '/');
            p++;
            continue;
        }
        const char *name = p;
        while (p < end && !space_char(*p) && *p != '=' && *p != '>' && *p != '/')
            p++;
        size_t nlen = (size_t)(p - name);
        const char *val = "";
        size_t vlen = 0;
        while (p < end && space_char(*p))
            p++;
        if (p < end && *p == '=') {
            p++;
            while (p < end && space_char(*p))
                p++;
            if (p < end && (*p == '"' || *p == '\'')) {
                char q = *p++;
                val = p;
                while (p < end && *p != q)
                    p++;
                vlen = (size_t)(p - val);
                if (p < end)
                    p++;
            } else {
                val = p;
                while (p < end && !space_char(*p) && *p != '>')
                    p++;
                vlen = (size_t)(p - val);
            }
        }
        if (nlen == 0) {
            p++;
            continue;
        }
        if (attr_unsafe(name, nlen, val, vlen))
            continue;
        buf_addc(out, ' ');
        buf_add(out, name, nlen);
        buf_adds(out, "=\"");
        for (size_t i = 0; i < vlen; i++) {
            if (val[i] == '"')
                buf_adds(out, "&quot;");
            else if (val[i] == '<')
                buf_adds(out, "&lt;");
            else
                buf_addc(out, val[i]);
        }
        buf_addc(out, '"');
    }
    return end;
}

/* The position after "</name ...>" (case-insensitive), or end. */
static const char *skip_element(const char *p, const char *end, const char *name, size_t n)
{
    for (; p < end; p++) {
        if (*p == '<' && (size_t)(end - p) > n + 2 && p[1] == '/' && strncasecmp(p + 2, name, n) == 0) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            return gt ? gt + 1 : end;
        }
    }
    return end;
}

/* Copy svg[0..n) to out keeping only allowed elements and safe attributes. Our own gnuplot output
 * needs none of this, but the file sits on disk where anything could have written it. Comments,
 * processing instructions, doctypes and CDATA go. */
void svg_clean(const char *svg, size_t n, struct buf *out)
{
    const char *p = svg, *end = svg + n;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) {
            buf_add(out, p, (size_t)(end - p));
            break;
        }
        buf_add(out, p, (size_t)(lt - p));
        p = lt + 1;
        if (p < end && (*p == '!' || *p == '?')) {
            const char *close = (size_t)(end - p) >= 3 && strncmp(p, "!--", 3) == 0 ? "-->"
                                : (size_t)(end - p) >= 8 && strncmp(p, "![CDATA[", 8) == 0 ? "]]>" : ">";
            const char *q = p;
            while (q < end && strncmp(q, close, strlen(close)) != 0)
                q++;
            p = q < end ? q + strlen(close) : end;
            continue;
        }
        int closing = p < end && *p == '/';
        if (closing)
            p++;
        const char *name = p;
        while (p < end && name_char(*p))
            p++;
        size_t nlen = (size_t)(p - name);
        if (!closing && in_list(svg_dropped, name, nlen, 1)) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            int self_closing = gt && gt > p && gt[-1] == '/';
            p = !gt ? end : self_closing ? gt + 1 : skip_element(gt + 1, end, name, nlen);
            continue;
        }
        int keep = nlen > 0 && in_list(svg_allowed, name, nlen, 0);
        if (closing || !keep) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            if (keep) {
                buf_adds(out, "</");
                buf_add(out, name, nlen);
                buf_addc(out, '>');
            }
            p = gt ? gt + 1 : end;
            continue;
        }
        buf_addc(out, '<');
        buf_add(out, name, nlen);
        struct buf attrs = {0};
        p = svg_attrs(p, end, &attrs);
        if (attrs.len)
            buf_add(out, attrs.data, attrs.len);
        buf_addc(out, '>');
        buf_free(&attrs);
    }
}

