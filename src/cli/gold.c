/* gold: the gold TSV reader and the surface locator of the reference scorer
 * (shared tools/score.py: squeeze white space, find the Nth occurrence, map back). */
#include "gold.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static char *dup_field(const char *s)
{
    return xstrdup(s ? s : "");
}

/* The N of "surface#N", in ASCII or full-width digits (the scorer reads both); -1 if none. */
static long occurrence(const char *s)
{
    long k = 0;
    int digits = 0;
    while (*s) {
        uint32_t c;
        int l = utf8_decode((const unsigned char *)s, strlen(s), &c);
        long d;
        if (l && c >= '0' && c <= '9')
            d = (long)(c - '0');
        else if (l && c >= 0xFF10 && c <= 0xFF19) /* nocjk: Python's int() reads full-width digits */
            d = (long)(c - 0xFF10);                /* nocjk: as above */
        else
            return -1;
        if (k < 100000000) /* saturate: #99999999999 is simply never found, and k never overflows */
            k = k * 10 + d;
        s += l;
        digits++;
    }
    return digits ? k : -1;
}

int gold_parse(const char *text, size_t len, const char *path, struct gold_set *out, struct keyfig_error *err)
{
    struct tsv_reader r;
    tsv_open(&r, text, len);
    char *f[9];
    int nf, rc = 0;
    while ((nf = tsv_next(&r, f, 9)) > 0) {
        if (nf < 3 || !*f[0] || !*f[1]) {
            rc = kf_error(err, KEYFIG_STATUS_INPUT, path, r.lineno,
                          "expected article<TAB>surface<TAB>value<TAB>unit<TAB>kind<TAB>subject<TAB>approx<TAB>change<TAB>optional");
            break;
        }
        char *end;
        double v = strtod(f[2], &end);
        if (end == f[2] || *end) {
            rc = kf_error(err, KEYFIG_STATUS_INPUT, path, r.lineno, "value \"%s\" is not a number", f[2]);
            break;
        }
        struct gold_claim g = {0};
        g.nth = 1;
        char *hash = strrchr(f[1], '#');
        long k = hash ? occurrence(hash + 1) : -1;
        if (k > 0) {
            g.nth = (int)k;
            *hash = '\0';
        }
        g.article = dup_field(f[0]);
        g.surface = dup_field(f[1]);
        g.value = v;
        g.unit = dup_field(f[3]);
        g.kind = dup_field(f[4]);
        g.subject = dup_field(f[5]);
        g.approx = dup_field(f[6]);
        g.change = dup_field(f[7]);
        g.optional = !strcmp(f[8], "1");
        g.start = g.end = -1;
        out->g = xrealloc(out->g, (out->n + 1) * sizeof *out->g);
        out->g[out->n++] = g;
    }
    tsv_close(&r);
    return rc;
}

void gold_free(struct gold_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        struct gold_claim *g = &s->g[i];
        free(g->article), free(g->surface), free(g->unit), free(g->kind);
        free(g->subject), free(g->approx), free(g->change);
    }
    free(s->g);
    s->g = NULL;
    s->n = 0;
}

/* Python's str.isspace(), which the reference scorer uses to squeeze the text. */
static int py_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000; /* nocjk: str.isspace */
}

int gold_locate(const char *text, size_t len, const char *surface, int nth, long *start, long *end)
{
    /* the squeezed text as code points, and each one's code-point offset in the text */
    size_t cap = len + 1, n = 0;
    uint32_t *sq = xmalloc(cap * sizeof *sq);
    long *offs = xmalloc(cap * sizeof *offs);
    long cp = 0;
    for (size_t i = 0; i < len;) {
        uint32_t c;
        int l = utf8_decode((const unsigned char *)text + i, len - i, &c);
        if (!l)
            c = 0xFFFD, l = 1;
        i += (size_t)l;
        if (c == '\r' && i < len && text[i] == '\n')
            continue; /* CRLF reads as one line break */
        if (!py_space(c)) {
            sq[n] = c;
            offs[n++] = cp;
        }
        cp++;
    }
    size_t m = 0, slen = strlen(surface);
    uint32_t *pat = xmalloc((slen + 1) * sizeof *pat);
    for (size_t i = 0; i < slen;) {
        uint32_t c;
        int l = utf8_decode((const unsigned char *)surface + i, slen - i, &c);
        if (!l)
            c = 0xFFFD, l = 1;
        pat[m++] = c;
        i += (size_t)l;
    }
    int rc = -1;
    long pos = -1;
    for (int k = 0; k < nth && m; k++) {
        size_t i = (size_t)(pos + 1);
        for (; i + m <= n; i++)
            if (!memcmp(sq + i, pat, m * sizeof *pat))
                break;
        if (i + m > n) {
            pos = -1;
            break;
        }
        pos = (long)i;
    }
    if (pos >= 0 && m) {
        *start = offs[pos];
        *end = offs[(size_t)pos + m - 1] + 1;
        rc = 0;
    }
    free(sq);
    free(offs);
    free(pat);
    return rc;
}
