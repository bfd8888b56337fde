/* util: allocation that cannot fail silently, one error record, warnings to the caller,
 * file slurping and UTF-8 helpers. Knows nothing about claims or patterns. */
#ifndef KEYFIG_UTIL_H
#define KEYFIG_UTIL_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include "keyfig.h"

/* Out of memory in the library returns an error from the public function that was called,
 * rather than exiting: each public function marks itself with a guard, and an allocation that
 * fails (after calling keyfig_set_nomem_handler's handler) jumps back to the innermost one,
 * which returns NULL or KEYFIG_STATUS_NOMEM. Threading NULL returns through every stage would
 * be the alternative; the guard keeps the stages' code as it is. What the failed call had
 * allocated is not freed. Use:
 *     struct kf_guard g;
 *     if (setjmp(g.jb))
 *         return kf_nomem(err, source), NULL;   // the guard is already off
 *     kf_guard_push(&g);
 *     ... work ...
 *     kf_guard_pop(&g);
 */
struct kf_guard {
    jmp_buf jb;
    struct kf_guard *prev;
};
void kf_guard_push(struct kf_guard *g);
void kf_guard_pop(struct kf_guard *g);
/* Fill err with "out of memory (allocating N bytes)"; returns KEYFIG_STATUS_NOMEM. */
int kf_nomem(struct keyfig_error *err, const char *file);

/* Never NULL: a failure goes to the innermost guard (above). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Record an error in err (if err is non-NULL and still empty: the first error is kept).
 * file may be NULL; line 0 means "no line". Returns -1 so callers can `return kf_error(...)`. */
int kf_error(struct keyfig_error *err, int code, const char *file, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Where warnings go: the caller's callback (keyfig_options.warn) and the article they are about. */
struct kf_warner {
    keyfig_warn_fn fn; /* NULL: dropped */
    void *data;
    const char *article;
};
/* Format a warning about rule and hand it to w (w may be NULL); article NULL means w->article. */
void kf_warn_rule(const struct kf_warner *w, const char *article, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Read a whole file (path "-" is stdin) into a NUL-terminated buffer the caller frees.
 * max_bytes 0 means no limit. Returns NULL and fills err on failure. */
char *util_slurp(const char *path, size_t max_bytes, size_t *len, struct keyfig_error *err);

/* The code point of the character at s[i] (i < n, of n bytes) of text already known to be valid UTF-8, its
 * length in *len; (uint32_t)-1 beyond the BMP (or at a stray byte, *len 1). Not checked again, as
 * utf8_decode would: the hot loops over decoded and normalised text (dispatch.c's character memos,
 * text.c's run of plain ideographs) spent 1% of a run validating each character twice. */
static inline uint32_t utf8_bmp_at(const unsigned char *s, size_t n, size_t i, size_t *len)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    if (c >= 0xE0 && c < 0xF0 && i + 2 < n) {
        *len = 3;
        return ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
    }
    if (c >= 0xC0 && c < 0xE0 && i + 1 < n) {
        *len = 2;
        return ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    }
    *len = 1;
    return (uint32_t)-1;
}

/* Decode one UTF-8 code point at s[0..n); returns its length (1..4) and stores it in *cp,
 * or 0 when the bytes are not valid UTF-8 (overlong, surrogate, truncated). Inline: every
 * stage walks the text with it. */
static inline int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

/* The start of the character holding byte i of valid UTF-8 s (i itself at a boundary). */
static inline size_t utf8_char_start(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

/* Encode cp into out (at least 4 bytes); returns the length. */
int utf8_encode(uint32_t cp, char *out);
/* Byte offset of the first invalid sequence, or (size_t)-1 when s is valid UTF-8. */
size_t utf8_first_invalid(const char *s, size_t n);
/* Number of code points in s[0..n) (s valid UTF-8). */
size_t utf8_count(const char *s, size_t n);

/* A growable byte buffer. */
struct buf {
    char *data;
    size_t len, cap;
};
/* Room for n more bytes and the terminating NUL, for writing into data + len directly. */
void buf_reserve(struct buf *b, size_t n);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_free(struct buf *b);

/* Many small strings freed together: carved out of 64 KB blocks, so they cost neither a malloc
 * each nor its overhead (an article with 77,000 claims holds 300,000 of them). */
struct arena_block;
struct arena {
    struct arena_block *head;
};
/* A NUL-terminated copy of s[0..n), valid until arena_free. */
const char *arena_strndup(struct arena *a, const char *s, size_t n);
void arena_free(struct arena *a);

/* Iterate over the records of a TSV data file: blank lines and lines starting with '#' are skipped.
 * Fills fields[] (pointers into a private copy of the line, NUL-terminated) and returns the field
 * count, 0 at the end. *lineno is the 1-based line number of the record returned. */
struct tsv_reader {
    const char *p, *end;
    size_t lineno;
    char *line;
    size_t cap;
};
void tsv_open(struct tsv_reader *r, const char *text, size_t len);
int tsv_next(struct tsv_reader *r, char **fields, int max_fields);
void tsv_close(struct tsv_reader *r);

#endif
