/* test_json: the claim writer (json.c writes each claim's keys and punctuation itself) against
 * Jansson's own dump of the same claim built as a tree, on random claims whose strings hold
 * control characters, quotes, backslashes, U+2028/U+2029, CJK and astral characters, and whose
 * numbers run from 1e-7 past 2^53 to 1e21, compact and indented. Prints PASS / FAIL lines. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "util.h"

static uint64_t state = 0x9E3779B97F4A7C15u;

static uint64_t rnd(void) /* xorshift64*: the same claims on every run */
{
    state ^= state >> 12, state ^= state << 25, state ^= state >> 27;
    return state * 0x2545F4914F6CDD1Du;
}

static const uint32_t cps[] = {0x01, 0x08, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, '"', '\\', '/', 'a', ' ', 0x80, 0xE9,
                               0x2028, 0x2029, 0x4E07, 0x5143, 0xFF05, 0xFEFF, 0x1F600, 0x10FFFF};

static const char *rnd_string(struct arena *ar)
{
    char tmp[256];
    size_t n = 0, len = rnd() % 12;
    for (size_t i = 0; i < len; i++)
        n += (size_t)utf8_encode(cps[rnd() % (sizeof cps / sizeof cps[0])], tmp + n);
    return arena_strndup(ar, tmp, n);
}

static double rnd_number(void)
{
    static const double fixed[] = {0, 1, -1, 0.1, 1e-7, 1.5e-7, 1e21, -1e21, 9007199254740992.0,
                                   9007199254740991.0, 9007199254740993.0, -9007199254740992.0, 3.3333, 1e15, 123.456};
    switch (rnd() % 4) {
    case 0: return fixed[rnd() % (sizeof fixed / sizeof fixed[0])];
    case 1: return (double)(int64_t)(rnd() >> (rnd() % 64)) * (rnd() % 2 ? 1 : -1); /* integers to 2^63 */
    case 2: return (double)(rnd() % 100000000) / 10000.0;                             /* decimals */
    default: return (double)(rnd() % 1000) * (rnd() % 2 ? 1e-7 : 1e18);
    }
}

static void rnd_claim(struct keyfig_claim *c, struct arena *ar)
{
    memset(c, 0, sizeof *c);
    c->id = (int)(rnd() % 100000);
    c->is_claim = (int)(rnd() % 2);
    c->reason = rnd() % 2 ? rnd_string(ar) : NULL;
    c->value = rnd_number();
    c->has_range = (int)(rnd() % 2), c->low = rnd_number(), c->high = rnd_number();
    c->kind = (enum keyfig_kind)(rnd() % KEYFIG_NKINDS);
    c->approx = (enum keyfig_approx)(rnd() % 6);
    c->direction = (enum keyfig_direction)(rnd() % 3);
    c->basis = (enum keyfig_basis)(rnd() % 3);
    c->basis_word = rnd() % 2 ? rnd_string(ar) : NULL;
    c->has_from = (int)(rnd() % 2), c->from = rnd_number();
    c->span = (struct keyfig_span){rnd() % 100000, rnd() % 100000, rnd() % 100000, rnd() % 100000};
    c->value_text = rnd_string(ar), c->unit = rnd_string(ar), c->subject = rnd_string(ar);
    c->text = rnd_string(ar), c->sentence = rnd_string(ar), c->rule = rnd_string(ar);
    c->subject_rule = rnd() % 2 ? rnd_string(ar) : NULL;
    c->item = (int)(rnd() % 50);
    c->page = (int)(rnd() % 3);
    for (int k = 0; k < 4; k++)
        c->bbox[k] = rnd_number();
}

int main(void)
{
    int failures = 0;
    for (int compact = 0; compact <= 1; compact++) {
        int bad = 0;
        for (int i = 0; i < 20000 && !bad; i++) {
            struct arena ar = {0};
            struct keyfig_claim c;
            rnd_claim(&c, &ar);
            char *got = json_claim_direct(&c, compact), *want = json_claim_reference(&c, compact);
            if (!got || !want || strcmp(got, want)) {
                printf("FAIL json.writer.%s: claim %d:\n got  %s\n want %s\n", compact ? "compact" : "indented", i,
                       got ? got : "(null)", want ? want : "(null)");
                bad = 1;
            }
            free(got);
            free(want);
            arena_free(&ar);
        }
        if (!bad)
            printf("PASS json.writer.%s: 20000 random claims as Jansson dumps them\n", compact ? "compact" : "indented");
        failures += bad;
    }
    return failures ? 1 : 0;
}
