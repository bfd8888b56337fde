/* fuzz_extract: the whole extractor (keyfig.h) on one article of any bytes, then its JSON.
 * The first byte picks the options (--all, --lenient) so both paths are explored. */
#include <stdint.h>
#include <stdlib.h>

#include "keyfig.h"

static struct keyfig_patterns *pats;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!pats) {
        struct keyfig_error err = {0};
        if (!(pats = keyfig_patterns_load(NULL, &err)))
            abort();
    }
    if (size < 1)
        return 0;
    struct keyfig_options o = {.all = data[0] & 1, .lenient = (data[0] >> 1) & 1};
    struct keyfig_error err = {0};
    struct keyfig_article *a = keyfig_extract(pats, "fuzz", "fuzz.txt", (const char *)data + 1, size - 1, &o, &err);
    if (!a)
        return 0;
    size_t tlen;
    const char *text = keyfig_article_text(a, &tlen);
    if (!text || tlen > 4 * size + 16) /* the text read from at most the input's bytes, each at most U+FFFD */
        abort();
    for (size_t i = 0; i < keyfig_article_nclaims(a); i++) {
        const struct keyfig_claim *c = keyfig_article_claim(a, i);
        /* byte offsets count bytes of the input (the bytes after the options byte), whatever it was
         * converted from, replaced in (--lenient) or read out of (HTML: the text is shorter) */
        if (c->span.byte_start > c->span.byte_end || c->span.byte_end > size - 1 || !c->text || !c->sentence)
            abort();
    }
    (void)text;
    free(keyfig_article_json(a, data[0] & 4));
    keyfig_article_free(a);
    return 0;
}
