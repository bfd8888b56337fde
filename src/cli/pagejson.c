/* pagejson: JSON that is safe inside <script> (see pagejson.h). */
#include "pagejson.h"

#include <math.h>
#include <string.h>

/* Append s[0..n) (valid UTF-8) as a JSON string. Besides JSON's own escapes, < > & become
 * \u003c \u003e \u0026 so that "</script>" or "<!--" in an article can never end or bend the
 * script element, and U+2028/2029 are escaped for old JavaScript parsers. */
void json_str(struct buf *b, const char *s, size_t n)
{
    buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            buf_addc(b, '\\');
            buf_addc(b, (char)c);
        } else if (c == '\n') {
            buf_adds(b, "\\n");
        } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7f) {
            buf_printf(b, "\\u%04x", c);
        } else if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
            buf_printf(b, "\\u%04x", (unsigned char)s[i + 2] == 0xa8 ? 0x2028 : 0x2029);
            i += 2;
        } else {
            buf_addc(b, (char)c);
        }
    }
    buf_addc(b, '"');
}

void json_raw(struct buf *b, const char *s)
{
    if (!s) {
        buf_adds(b, "null");
        return;
    }
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '<' || *p == '>' || *p == '&')
            buf_printf(b, "\\u%04x", *p);
        else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9))
            buf_printf(b, "\\u%04x", p[2] == 0xa8 ? 0x2028 : 0x2029), p += 2;
        else
            buf_addc(b, (char)*p);
    }
}

void json_cstr(struct buf *b, const char *s)
{
    if (s)
        json_str(b, s, strlen(s));
    else
        buf_adds(b, "null");
}

/* Whole numbers print as integers (323000, not 3.23e+05); 15 digits as STYLE.md asks. */
void json_num(struct buf *b, double v)
{
    if (!isfinite(v))
        buf_adds(b, "null");
    else if (v == floor(v) && fabs(v) < 1e15)
        buf_printf(b, "%.0f", v);
    else
        buf_printf(b, "%.15g", v);
}

void json_key(struct buf *b, const char *key)
{
    buf_printf(b, "\"%s\":", key);
}
