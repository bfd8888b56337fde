/* spancheck: claims against their text (see spancheck.h). */
#include "spancheck.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* White space as the gold format ignores it (Python's str.isspace) and the zero-width spaces
 * converters leave inside numbers. */
static int is_space_cp(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200d) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
           c == 0x3000 || c == 0xfeff; /* nocjk: str.isspace */
}

/* The next code point of s[*i..n) that is not white space, or (uint32_t)-1 at the end. */
static uint32_t next_solid(const char *s, size_t n, size_t *i)
{
    uint32_t c = 0;
    while (*i < n) {
        int k = utf8_decode((const unsigned char *)s + *i, n - *i, &c);
        *i += k > 0 ? (size_t)k : 1;
        if (!is_space_cp(c))
            return c;
    }
    return (uint32_t)-1;
}

/* 1 when a and b are the same text once white space is taken out. */
static int same_solid(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    for (;;) {
        uint32_t x = next_solid(a, an, &i), y = next_solid(b, bn, &j);
        if (x != y)
            return 0;
        if (x == (uint32_t)-1)
            return 1;
    }
}

/* Claims and their text must belong together: each span lies in the text and holds the claim's
 * own text. A page built from claims of another version of the article would put every
 * highlight in the wrong place. Returns 0, or -1 with err naming the first claim that fails. */
int check_spans(const char *file, const struct cd_article *a, const char *text, size_t len,
                       struct keyfig_error *err)
{
    size_t ncp = utf8_count(text, len);
    size_t *at = xmalloc((ncp + 1) * sizeof *at); /* code point -> byte offset */
    size_t k = 0;
    for (size_t i = 0; i < len; k++) {
        at[k] = i;
        uint32_t c;
        int step = utf8_decode((const unsigned char *)text + i, len - i, &c);
        i += step > 0 ? (size_t)step : 1;
    }
    at[k] = len;
    int rc = 0;
    const char *id = a->id ? a->id : "";
    for (size_t i = 0; rc == 0 && i < a->nclaims; i++) {
        const struct cd_claim *c = &a->claims[i];
        if (c->start > c->end || c->end > k)
            rc = kf_error(err, KEYFIG_STATUS_INPUT, file, 0,
                          "article \"%s\": claim %d: span %zu-%zu lies outside its text (%zu characters)", id, c->id,
                          c->start, c->end, k);
        else if (c->text && !same_solid(text + at[c->start], at[c->end] - at[c->start], c->text, strlen(c->text)))
            rc = kf_error(err, KEYFIG_STATUS_INPUT, file, 0,
                          "article \"%s\": claim %d: span %zu-%zu does not hold its text \"%s\" "
                          "(claims of another version of the article?)", id, c->id, c->start, c->end, c->text);
    }
    free(at);
    return rc;
}
