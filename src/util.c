/* util: allocation, the error record, warnings to the caller's callback, file slurping, UTF-8
 * helpers, a byte buffer and a TSV record reader. No knowledge of claims or patterns; it neither
 * prints nor exits. */
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static void (*nomem_handler)(size_t size, void *data);
static void *nomem_data;
/* The innermost public function running on this thread, and the size that failed there. */
static _Thread_local struct kf_guard *guard_top;
static _Thread_local size_t nomem_size;

void keyfig_set_nomem_handler(void (*handler)(size_t size, void *data), void *data)
{
    nomem_handler = handler;
    nomem_data = data;
}

void kf_guard_push(struct kf_guard *g)
{
    g->prev = guard_top;
    guard_top = g;
}

void kf_guard_pop(struct kf_guard *g)
{
    guard_top = g->prev;
}

int kf_nomem(struct keyfig_error *err, const char *file)
{
    kf_error(err, KEYFIG_STATUS_NOMEM, file, 0, "out of memory (allocating %zu bytes)", nomem_size);
    return KEYFIG_STATUS_NOMEM;
}

/* Back to the public function that was called (see kf_guard in util.h). Without one, an internal
 * function was called directly (by the keyfig program, whose handler exits): nothing to return to. */
static void out_of_memory(size_t n)
{
    if (nomem_handler)
        nomem_handler(n, nomem_data);
    struct kf_guard *g = guard_top;
    if (!g)
        abort();
    guard_top = g->prev;
    nomem_size = n;
    longjmp(g->jb, 1);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory(n * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

int kf_error(struct keyfig_error *err, int code, const char *file, size_t line, const char *fmt, ...)
{
    if (!err || err->code)
        return -1;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
    return -1;
}

void kf_warn_rule(const struct kf_warner *w, const char *article, const char *rule, const char *fmt, ...)
{
    if (!w || !w->fn)
        return;
    char text[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    w->fn(article ? article : w->article, rule, text, w->data);
}

char *util_slurp(const char *path, size_t max_bytes, size_t *len, struct keyfig_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        kf_error(err, KEYFIG_STATUS_IO, path, 0, "is a directory, not an article file");
        if (!is_stdin)
            fclose(f);
        return NULL;
    }
    size_t cap = (st.st_size > 0 && S_ISREG(st.st_mode)) ? (size_t)st.st_size + 1 : 65536;
    if (max_bytes && cap > max_bytes + 1)
        cap = max_bytes + 1;
    char *data = xmalloc(cap + 1);
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            if (max_bytes && n > max_bytes)
                break;
            cap *= 2;
            data = xrealloc(data, cap + 1);
        }
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (max_bytes && n > max_bytes)
            break;
    }
    int failed = ferror(f);
    int saved = errno;
    if (!is_stdin)
        fclose(f);
    if (failed) {
        free(data);
        kf_error(err, KEYFIG_STATUS_IO, path, 0, "read error: %s", strerror(saved));
        return NULL;
    }
    if (max_bytes && n > max_bytes) {
        free(data);
        kf_error(err, KEYFIG_STATUS_INPUT, path, 0,
                 "article larger than --max-article-bytes (%zu bytes); raise the limit to read it", max_bytes);
        return NULL;
    }
    data[n] = '\0';
    *len = n;
    return data;
}

int utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t utf8_first_invalid(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        /* the common case in Chinese text, a three-byte character that can be neither overlong
         * (E0) nor a surrogate (ED): only its continuation bytes need looking at */
        if (u[i] >= 0xE1 && u[i] <= 0xEF && u[i] != 0xED && i + 2 < n && (u[i + 1] & 0xC0) == 0x80 &&
            (u[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        uint32_t cp;
        int l = utf8_decode(u + i, n - i, &cp);
        if (!l)
            return i;
        i += (size_t)l;
    }
    return (size_t)-1;
}

size_t utf8_count(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

void buf_reserve(struct buf *b, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->data = xrealloc(b->data, cap);
        b->cap = cap;
    }
}

void buf_add(struct buf *b, const void *p, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_addc(struct buf *b, char c)
{
    buf_add(b, &c, 1);
}

void buf_adds(struct buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        buf_add(b, small, (size_t)n);
        return;
    }
    char *big = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    buf_add(b, big, (size_t)n);
    free(big);
}

void buf_free(struct buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

#define ARENA_BLOCK (64u << 10)

struct arena_block {
    struct arena_block *next;
    size_t used, cap;
    char data[];
};

const char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    struct arena_block *b = a->head;
    if (!b || b->cap - b->used < n + 1) {
        size_t cap = n + 1 > ARENA_BLOCK ? n + 1 : ARENA_BLOCK;
        b = xmalloc(sizeof *b + cap);
        b->used = 0;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
    }
    char *out = b->data + b->used;
    memcpy(out, s, n);
    out[n] = '\0';
    b->used += n + 1;
    return out;
}

void arena_free(struct arena *a)
{
    while (a->head) {
        struct arena_block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}

void tsv_open(struct tsv_reader *r, const char *text, size_t len)
{
    r->p = text;
    r->end = text + len;
    r->lineno = 0;
    r->line = NULL;
    r->cap = 0;
}

int tsv_next(struct tsv_reader *r, char **fields, int max_fields)
{
    while (r->p < r->end) {
        const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
        const char *eol = nl ? nl : r->end;
        size_t n = (size_t)(eol - r->p);
        r->lineno++;
        if (n + 1 > r->cap) {
            r->cap = n + 64;
            r->line = xrealloc(r->line, r->cap);
        }
        memcpy(r->line, r->p, n);
        r->line[n] = '\0';
        r->p = nl ? nl + 1 : r->end;
        if (n && r->line[n - 1] == '\r')
            r->line[--n] = '\0';
        if (n == 0 || r->line[0] == '#')
            continue;
        int nf = 0;
        char *s = r->line;
        fields[nf++] = s;
        for (; *s && nf < max_fields; s++) {
            if (*s == '\t') {
                *s = '\0';
                fields[nf++] = s + 1;
            }
        }
        for (int i = nf; i < max_fields; i++)
            fields[i] = "";
        return nf;
    }
    return 0;
}

void tsv_close(struct tsv_reader *r)
{
    free(r->line);
    r->line = NULL;
}

