/* fuzz_json: the claim writer of json.c against Jansson's own dump of the same claim built as a
 * tree, compact and indented. The input is cut at 0xFF bytes: the first pieces are the claim's
 * strings (valid UTF-8 only, as the extractor hands over), the last one its numbers, 8 bytes each
 * (finite only: the extractor makes no others) and its flags. The claim is also written in a run
 * of four through one writer (what the writer keeps from claim to claim: the sentence, short
 * strings, numbers), each compared with Jansson's dump of it. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

static double number_at(const uint8_t *p, size_t n, size_t k)
{
    double v = 0;
    if ((k + 1) * 8 <= n)
        memcpy(&v, p + k * 8, 8);
    return isfinite(v) ? v : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *strs[8] = {0};
    size_t ns = 0, at = 0;
    while (ns < 8) {
        const uint8_t *ff = memchr(data + at, 0xFF, size - at);
        size_t e = ff ? (size_t)(ff - data) : size;
        if (memchr(data + at, 0, e - at) || utf8_first_invalid((const char *)data + at, e - at) != (size_t)-1)
            goto out; /* strings are valid UTF-8 without NUL */
        strs[ns++] = xstrndup((const char *)data + at, e - at);
        at = ff ? e + 1 : size;
        if (!ff)
            break;
    }
    while (ns < 8)
        strs[ns++] = xstrdup("");
    const uint8_t *num = data + at;
    size_t nn = size - at;
    uint8_t flags = nn ? num[nn - 1] : 0;
    struct keyfig_claim c = {
        .id = (int)(flags * 7), .is_claim = flags & 1, .reason = flags & 2 ? strs[6] : NULL,
        .value = number_at(num, nn, 0), .has_range = flags & 4, .low = number_at(num, nn, 1),
        .high = number_at(num, nn, 2), .kind = (enum keyfig_kind)(flags % KEYFIG_NKINDS),
        .approx = (enum keyfig_approx)(flags % 6), .direction = (enum keyfig_direction)(flags % 3),
        .basis = (enum keyfig_basis)((flags >> 2) % 3), .has_from = flags & 8, .from = number_at(num, nn, 3),
        .span = {flags, 2u * flags, 3u * flags, 4u * flags}, .value_text = strs[0], .unit = strs[1],
        .subject = strs[2], .text = strs[3], .sentence = strs[4], .rule = strs[5],
        .subject_rule = flags & 16 ? strs[7] : NULL, .item = flags, .page = flags & 32 ? flags : 0,
        .bbox = {number_at(num, nn, 4), number_at(num, nn, 5), number_at(num, nn, 6), number_at(num, nn, 7)},
        .basis_word = flags & 64 ? strs[7] : NULL};
    /* then through one writer, which keeps encodings from claim to claim: the claim again with its
     * sentence at another address, its strings swapped round, another sentence, the first again */
    char *copy = xstrdup(c.sentence);
    struct keyfig_claim run[4] = {c, c, c, c};
    run[1].sentence = copy, run[1].span.start++;
    run[1].value_text = c.text, run[1].text = c.value_text, run[1].unit = c.subject, run[1].subject = c.unit;
    run[2].sentence = c.text, run[2].value = c.low, run[2].span.byte_end = (size_t)c.id;
    for (int compact = 0; compact <= 1; compact++) {
        char *got = json_claim_direct(&c, compact), *want = json_claim_reference(&c, compact);
        if (!got || !want || strcmp(got, want))
            abort();
        free(got);
        free(want);
        struct buf all = {0};
        for (int i = 0; i < 4; i++) {
            char *one = json_claim_reference(&run[i], compact);
            if (!one)
                abort();
            if (i)
                buf_addc(&all, '\n');
            buf_adds(&all, one);
            free(one);
        }
        got = json_claims_direct(run, 4, compact);
        if (!got || strcmp(got, all.data))
            abort();
        free(got);
        buf_free(&all);
    }
    free(copy);
out:
    for (size_t i = 0; i < 8; i++)
        free(strs[i]);
    return 0;
}
