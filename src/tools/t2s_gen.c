/* t2s_gen: the traditional->simplified table of src/text.c, built at make time from OpenCC's t2s
 * configuration (character level: every ideograph converted alone, one per line, so that no phrase
 * forms across them), instead of at every start-up (it took 80% of a one-line run's time).
 * Output: "KFT2S1\0\0", the first and last code point (uint32 each), then one uint32 per code point
 * of that range: the simplified character, or 0 where nothing changes. Native byte order: the table
 * is linked into the same build. The ideographs converted are the ranges of chars.tsv's role
 * ideograph within the Basic Multilingual Plane (the supplementary ideographs have no simplified
 * forms in OpenCC's t2s data worth a table four times the size).
 * usage: t2s_gen CHARS_TSV OUT */
#include <opencc/opencc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RANGES 32
#define BMP_LAST 0xFFFFu

static uint32_t ranges[MAX_RANGES][2];
static size_t nranges;
static uint32_t FIRST = 0xFFFFFFFFu, LAST = 0;

static int in_range(uint32_t cp)
{
    for (size_t i = 0; i < nranges; i++)
        if (cp >= ranges[i][0] && cp <= ranges[i][1])
            return 1;
    return 0;
}

/* The U+XXXX..U+YYYY rows of role ideograph in chars.tsv, within the BMP; 0, or -1 on a bad file. */
static int read_ranges(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[256];
    while (fgets(line, sizeof line, f)) {
        unsigned lo, hi;
        char role[32];
        if (sscanf(line, "U+%X..U+%X\t%31s", &lo, &hi, role) == 3 && !strcmp(role, "ideograph") && lo <= hi &&
            hi <= BMP_LAST && nranges < MAX_RANGES) {
            ranges[nranges][0] = lo, ranges[nranges][1] = hi;
            nranges++;
            FIRST = lo < FIRST ? lo : FIRST;
            LAST = hi > LAST ? hi : LAST;
        }
    }
    fclose(f);
    return nranges ? 0 : -1;
}

static size_t encode(uint32_t cp, char *o)
{
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* One UTF-8 character filling s[0..n) exactly, or 0. */
static uint32_t decode_one(const unsigned char *s, size_t n)
{
    if (n == 3 && (s[0] & 0xF0) == 0xE0)
        return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    if (n == 4 && (s[0] & 0xF8) == 0xF0)
        return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    if (n == 2 && (s[0] & 0xE0) == 0xC0)
        return ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
    if (n == 1 && s[0] < 0x80)
        return s[0];
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: t2s_gen CHARS_TSV OUT\n", stderr);
        return 2;
    }
    if (read_ranges(argv[1]) != 0) {
        fprintf(stderr, "t2s_gen: %s: no U+XXXX..U+YYYY ranges of role ideograph\n", argv[1]);
        return 1;
    }
    opencc_t od = opencc_open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
    if (od == (opencc_t)-1) {
        fprintf(stderr, "t2s_gen: cannot load OpenCC's %s: %s\n", OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP, opencc_error());
        return 1;
    }
    size_t cap = (LAST - FIRST + 1) * 5, len = 0;
    char *in = malloc(cap);
    uint32_t *t = calloc(LAST - FIRST + 1, sizeof *t);
    if (!in || !t)
        return 1;
    for (uint32_t cp = FIRST; cp <= LAST; cp++)
        if (in_range(cp)) {
            len += encode(cp, in + len);
            in[len++] = '\n';
        }
    char *out = opencc_convert_utf8(od, in, len);
    if (!out) {
        fprintf(stderr, "t2s_gen: OpenCC failed: %s\n", opencc_error());
        return 1;
    }
    const char *p = out;
    size_t changed = 0;
    for (uint32_t cp = FIRST; cp <= LAST && *p; cp++) {
        if (!in_range(cp))
            continue;
        const char *nl = strchr(p, '\n');
        if (!nl)
            break;
        uint32_t got = decode_one((const unsigned char *)p, (size_t)(nl - p));
        if (got && got != cp) {
            t[cp - FIRST] = got;
            changed++;
        }
        p = nl + 1;
    }
    opencc_convert_utf8_free(out);
    opencc_close(od);
    FILE *f = fopen(argv[2], "wb");
    uint32_t range[2] = {FIRST, LAST};
    if (!f || fwrite("KFT2S1\0\0", 1, 8, f) != 8 || fwrite(range, sizeof range, 1, f) != 1 ||
        fwrite(t, sizeof *t, LAST - FIRST + 1, f) != LAST - FIRST + 1 || fclose(f)) {
        fprintf(stderr, "t2s_gen: cannot write %s\n", argv[2]);
        return 1;
    }
    fprintf(stderr, "t2s_gen: %zu of the ideographs change\n", changed);
    free(in);
    free(t);
    return 0;
}
