/* fuzz_normalize: the text normaliser (text.h) on any valid UTF-8, checking the offset map:
 * every normalised byte maps into the original, in order (the hinted look-up agreeing with the
 * plain one), and the end of the text maps to orig_len. */
#include <stdint.h>
#include <stdlib.h>

#include "patset.h"
#include "text.h"
#include "util.h"

static struct normalizer *nz;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!nz) {
        struct keyfig_error err = {0};
        struct patset *ps = patset_open(NULL, &err);
        if (!ps || !(nz = normalizer_new(ps, &err)))
            abort();
        patset_free(ps);
    }
    if (utf8_first_invalid((const char *)data, size) != (size_t)-1)
        return -1; /* text_normalize takes decoded text only */
    struct text t = {0};
    text_normalize(nz, (const char *)data, size, &t);
    if (text_orig_at(&t, t.norm_len) != size)
        abort();
    size_t hint = 0, prev = 0;
    for (size_t i = 0; i < t.norm_len; i++) {
        size_t at = text_orig_at(&t, i);
        if (at > size || at < prev || text_orig_at_hint(&t, i, &hint) != at)
            abort();
        prev = at;
        if (text_orig_end(&t, i + 1) > size)
            abort();
    }
    text_free(&t);
    return 0;
}
