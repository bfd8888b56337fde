/* test_json: the claim writer (json.c writes each claim's keys and punctuation itself) against
 * Jansson's own dump of the same claim built as a tree, on random claims whose strings hold
 * control characters, quotes, backslashes, U+2028/U+2029, CJK and astral characters, and whose
 * numbers run from 1e-7 past 2^53 to 1e21, compact and indented; then runs of claims through one
 * writer, whose sentences, strings and numbers come again (the writer keeps the encodings it has
 * made and writes them again). Prints PASS / FAIL lines. */
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

/* A pool of strings to draw from, so that values come again: the same text at another address,
 * strings of SHORT_MAX (48) bytes and one more, encodings longer than what the writer keeps,
 * strings a character shorter than another. */
static const char *pool[24];

static void fill_pool(struct arena *ar)
{
    static const char *const fixed[] = {"", "%", "万元", "count", "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e",
                                        "012345678901234567890123456789012345678901234567",
                                        "0123456789012345678901234567890123456789012345678",
                                        "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\""};
    size_t k = 0;
    for (; k < sizeof fixed / sizeof *fixed; k++)
        pool[k] = arena_strndup(ar, fixed[k], strlen(fixed[k]));
    for (; k < 20; k++)
        pool[k] = rnd_string(ar);
    for (; k < 24; k++) { /* a string and the same less its last byte (ASCII) */
        const char *p = pool[8 + k % 4];
        size_t n = strlen(p);
        pool[k] = arena_strndup(ar, p, n && (unsigned char)p[n - 1] < 0x80 ? n - 1 : n);
    }
}

/* a string of the pool, at its own address or as a copy of its own */
static const char *pool_string(struct arena *ar)
{
    const char *p = pool[rnd() % 24];
    return rnd() % 2 ? p : arena_strndup(ar, p, strlen(p));
}

static const char *long_string(struct arena *ar)
{
    char tmp[2048];
    size_t n = 0, len = 40 + rnd() % 200;
    for (size_t i = 0; i < len; i++)
        n += (size_t)utf8_encode(cps[rnd() % 4 ? 16 + rnd() % 2 : rnd() % (sizeof cps / sizeof cps[0])], tmp + n);
    return arena_strndup(ar, tmp, n);
}

/* Claims as an article's come: the sentence mostly the previous claim's (the same string, or
 * the same text cut again at another address, or at another place in the article), else a new
 * one, or the one before the previous, or the previous less its last character or with another
 * first character; strings and
 * numbers mostly from a small pool, so the writer meets them again. */
static void rnd_batch(struct keyfig_claim *c, size_t n, struct arena *ar)
{
    static const double nums[] = {0, 1, 3.5, 1e-7, 1e21, 9007199254740993.0, -2, 42, 0.1, 123.456};
    for (size_t i = 0; i < n; i++) {
        rnd_claim(&c[i], ar);
        if (rnd() % 2) {
            c[i].value_text = pool_string(ar), c[i].unit = pool_string(ar), c[i].subject = pool_string(ar);
            c[i].text = pool_string(ar), c[i].rule = pool_string(ar);
            c[i].reason = rnd() % 2 ? pool_string(ar) : NULL;
            c[i].basis_word = rnd() % 2 ? pool_string(ar) : NULL;
            c[i].value = nums[rnd() % 10], c[i].low = nums[rnd() % 10], c[i].high = nums[rnd() % 10];
            c[i].from = nums[rnd() % 10], c[i].bbox[rnd() % 4] = nums[rnd() % 10];
            c[i].span.start = rnd() % 4, c[i].item = (int)(rnd() % 3), c[i].id = (int)(rnd() % 3);
        }
        const char *prev = i ? c[i - 1].sentence : NULL;
        size_t pl = prev ? strlen(prev) : 0;
        switch (i ? rnd() % 8 : 7) {
        case 0: case 1: c[i].sentence = prev; break;
        case 2: c[i].sentence = arena_strndup(ar, prev, pl); break;
        case 3: c[i].sentence = i > 1 ? c[i - 2].sentence : prev; break;
        case 4: c[i].sentence = arena_strndup(ar, prev, pl && (unsigned char)prev[pl - 1] < 0x80 ? pl - 1 : pl); break;
        case 5: c[i].sentence = pool_string(ar); break;
        case 6: { /* as long as the previous, its first byte another */
            char *t = (char *)arena_strndup(ar, prev, pl);
            if (pl && (unsigned char)t[0] < 0x80)
                t[0] = t[0] == 'a' ? 'b' : 'a';
            c[i].sentence = t;
            break;
        }
        default: c[i].sentence = rnd() % 2 ? long_string(ar) : rnd_string(ar); break;
        }
        if (i && rnd() % 2) /* the same sentence at another place */
            c[i].sentence_span = c[i - 1].sentence_span;
        else
            c[i].sentence_span.byte_start = rnd() % 1000;
    }
}

/* Each claim alone, as the writer writes the first claim of an article. */
static int test_single(int compact)
{
    for (int i = 0; i < 20000; i++) {
        struct arena ar = {0};
        struct keyfig_claim c;
        rnd_claim(&c, &ar);
        char *got = json_claim_direct(&c, compact), *want = json_claim_reference(&c, compact);
        int bad = !got || !want || strcmp(got, want);
        if (bad)
            printf("FAIL json.writer.%s: claim %d:\n got  %s\n want %s\n", compact ? "compact" : "indented", i,
                   got ? got : "(null)", want ? want : "(null)");
        free(got);
        free(want);
        arena_free(&ar);
        if (bad)
            return 1;
    }
    printf("PASS json.writer.%s: 20000 random claims as Jansson dumps them\n", compact ? "compact" : "indented");
    return 0;
}

/* Runs of claims through one writer, which keeps encodings from claim to claim. */
static int test_batches(int compact)
{
    enum { NB = 400, NC = 60 };
    for (int b = 0; b < NB; b++) {
        struct arena ar = {0};
        struct keyfig_claim c[NC];
        fill_pool(&ar);
        rnd_batch(c, NC, &ar);
        struct buf want = {0};
        int nomem = 0;
        for (size_t i = 0; i < NC; i++) {
            char *one = json_claim_reference(&c[i], compact);
            nomem |= !one;
            if (i)
                buf_addc(&want, '\n');
            buf_adds(&want, one ? one : "");
            free(one);
        }
        char *got = json_claims_direct(c, NC, compact);
        int bad = nomem || !got || strcmp(got, want.data);
        if (bad) {
            size_t at = 0;
            while (got && got[at] && got[at] == want.data[at])
                at++;
            printf("FAIL json.writer.%s.batch: batch %d differs at byte %zu:\n got  %.200s\n want %.200s\n",
                   compact ? "compact" : "indented", b, at, got ? got + at : "(null)", want.data + at);
        }
        free(got);
        buf_free(&want);
        arena_free(&ar);
        if (bad)
            return 1;
    }
    printf("PASS json.writer.%s.batch: %d runs of %d claims through one writer (sentences, strings and numbers "
           "met again) as Jansson dumps each\n", compact ? "compact" : "indented", NB, NC);
    return 0;
}

int main(void)
{
    int failures = 0;
    for (int compact = 0; compact <= 1; compact++) {
        failures += test_single(compact);
        failures += test_batches(compact);
    }
    return failures ? 1 : 0;
}
