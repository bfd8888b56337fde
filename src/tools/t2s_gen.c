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

#include "util.h"

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
            len += (size_t)utf8_encode(cp, in + len);
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
        uint32_t got = 0; /* one character filling the line exactly, else no conversion */
        if (utf8_decode((const unsigned char *)p, (size_t)(nl - p), &got) != (int)(nl - p))
            got = 0;
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
