/* poslex_gen: turn jieba's dictionary (word, frequency, part-of-speech tag per line) into the
 * table libkeyfig embeds (src/poslex.c reads it), so that no process parses 5 MB of text at
 * start-up. Run by make: poslex_gen DICT.txt OUT.bin. A build tool, not part of the library.
 *
 * Layout (native byte order, read on the machine that built it):
 *   magic "KFPOS04\0" | u32 nslots | u32 nwords | u32 ntags | u32 strings_len | f64 total_freq
 *   | u32 filter_words | u32 0 | ntags x 8-byte tag names
 *   | nslots x u32 slot (0 = empty; else the top 8 bits of the word's hash, then in the low 24
 *     bits 1 + the word's offset into strings)
 *   | filter_words x u64 filter (a bit set for each prefix that is no word, see below)
 *   | strings: per word u8 len, u8 flags, u32 freq (unaligned), the word's bytes.
 * Slots form an open-addressing hash (FNV-1a, linear probing from its low bits) over the words'
 * bytes; a look-up reads a word only when its slot's top bits match. A word's flags are its tag,
 * plus POSLEX_LONGER when it is a proper prefix, cut at a UTF-8 character boundary, of a longer
 * word. Each such prefix that is no word sets one bit of the filter (bit_of: its hash mixed), so
 * a string that is no word and whose bit is clear begins no word: the segmenter stops
 * lengthening a candidate word there. (A clear bit is certain, a set one is not: about 3% of
 * other strings share a bit with a prefix.) nwords counts the dictionary's lines that became
 * words; a word listed twice keeps its first entry. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TAGS 64
#define POSLEX_LONGER 0x80u     /* keep in step with src/poslex.c */
#define OFFSET_MASK 0xFFFFFFu      /* a slot's low 24 bits */

/* the filter bit of a string whose FNV-1a hash is h, in a filter of 1 << log2_bits bits
 * (src/poslex.c has the same) */
static uint32_t bit_of(uint32_t h, unsigned log2_bits)
{
    return (h * 0x9E3779B1u) >> (32 - log2_bits);
}

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The slot of s[0, n) in slots (nslots a power of two): the one holding it, or the empty slot
 * where it goes. */
static uint32_t *find(uint32_t *slots, uint32_t nslots, const unsigned char *strings, const char *s, size_t n)
{
    uint32_t h = fnv1a(s, n) & (nslots - 1);
    for (; slots[h]; h = (h + 1) & (nslots - 1)) {
        const unsigned char *o = strings + slots[h] - 1;
        if (o[0] == n && !memcmp(o + 6, s, n))
            break;
    }
    return &slots[h];
}

static void die(const char *what)
{
    fprintf(stderr, "poslex_gen: %s\n", what);
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc != 3)
        die("usage: poslex_gen DICT.txt OUT.bin");
    FILE *in = fopen(argv[1], "r");
    if (!in)
        die("cannot open the dictionary (install python3-jieba)");
    char tags[MAX_TAGS][8] = {{0}};
    uint32_t ntags = 0, nwords = 0;
    size_t cap = 1 << 22, len = 0;
    unsigned char *strings = malloc(cap);
    uint32_t *offsets = NULL;
    size_t capoff = 0;
    double total = 0;
    char line[512];
    while (fgets(line, sizeof line, in)) {
        char *word = strtok(line, " \t\r\n"), *freq = strtok(NULL, " \t\r\n"), *tag = strtok(NULL, " \t\r\n");
        if (!word || !freq)
            continue;
        size_t wl = strlen(word);
        if (wl > 255)
            continue;
        if (!tag)
            tag = "x";
        uint32_t t;
        for (t = 0; t < ntags && strncmp(tags[t], tag, 7); t++)
            ;
        if (t == ntags) {
            if (ntags == MAX_TAGS)
                die("too many tags");
            strncpy(tags[ntags++], tag, 7);
        }
        uint32_t f = (uint32_t)strtoul(freq, NULL, 10);
        total += f;
        if (len + wl + 6 > cap && !(strings = realloc(strings, cap *= 2)))
            die("out of memory");
        if (nwords == capoff && !(offsets = realloc(offsets, (capoff = capoff ? capoff * 2 : 1 << 16) * sizeof *offsets)))
            die("out of memory");
        offsets[nwords++] = (uint32_t)len;
        strings[len++] = (unsigned char)wl;
        strings[len++] = (unsigned char)t;
        memcpy(strings + len, &f, 4);
        len += 4;
        memcpy(strings + len, word, wl);
        len += wl;
    }
    fclose(in);
    if (!nwords)
        die("the dictionary is empty");
    /* the words, first entry kept, then the prefixes that are no word, hashed in a roomy table
     * first; the prefixes' bytes go after the words' and are not written */
    uint32_t big = 1;
    while (big < nwords * 16u)
        big <<= 1;
    uint32_t *slots = calloc(big, sizeof *slots);
    if (!slots)
        die("out of memory");
    uint32_t nentries = 0, nprefixes = 0;
    for (uint32_t i = 0; i < nwords; i++) {
        const unsigned char *e = strings + offsets[i];
        uint32_t *slot = find(slots, big, strings, (const char *)e + 6, e[0]);
        if (!*slot) { /* a word listed twice keeps its first entry */
            *slot = offsets[i] + 1;
            nentries++;
        }
    }
    size_t words_len = len;
    if (words_len >= OFFSET_MASK)
        die("the strings exceed 16 MB: widen the slots");
    for (uint32_t i = 0; i < nwords; i++) {
        unsigned char word[256];
        size_t wl = strings[offsets[i]];
        memcpy(word, strings + offsets[i] + 6, wl);
        for (size_t pl = 1; pl < wl; pl++) {
            if ((word[pl] & 0xC0) == 0x80)
                continue; /* inside a character */
            uint32_t *slot = find(slots, big, strings, (const char *)word, pl);
            if (!*slot) {
                if (len + pl + 6 > cap && !(strings = realloc(strings, cap *= 2)))
                    die("out of memory");
                if (nentries >= big / 2)
                    die("too many prefixes");
                *slot = (uint32_t)len + 1;
                nentries++;
                nprefixes++;
                strings[len++] = (unsigned char)pl;
                strings[len++] = 0;
                memset(strings + len, 0, 4);
                len += 4;
                memcpy(strings + len, word, pl);
                len += pl;
            }
            if (*slot - 1 < words_len)
                strings[*slot - 1 + 1] |= POSLEX_LONGER;
        }
    }
    uint32_t nslots = 1;
    while (nslots < nwords + nwords / 2)
        nslots <<= 1;
    unsigned log2_bits = 6;
    while ((1u << log2_bits) < nprefixes * 24u) /* one bit in 24 set: few strings share one */
        log2_bits++;
    uint32_t filter_words = 1u << (log2_bits - 6);
    uint64_t *filter = calloc(filter_words, sizeof *filter);
    uint32_t *final = calloc(nslots, sizeof *final);
    if (!final || !filter)
        die("out of memory");
    for (uint32_t i = 0; i < big; i++)
        if (slots[i]) {
            const unsigned char *e = strings + slots[i] - 1;
            uint32_t h = fnv1a((const char *)e + 6, e[0]), at = h & (nslots - 1);
            if (slots[i] - 1 >= words_len) { /* a prefix that is no word */
                uint32_t bit = bit_of(h, log2_bits);
                filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
                continue;
            }
            while (final[at]) /* each word is there once: it goes in the first empty slot */
                at = (at + 1) & (nslots - 1);
            final[at] = (h & ~OFFSET_MASK) | slots[i];
        }
    free(slots);
    slots = final;
    len = words_len;
    FILE *out = fopen(argv[2], "wb");
    if (!out)
        die("cannot write the output");
    uint32_t strings_len = (uint32_t)len;
    fwrite("KFPOS04", 1, 8, out);
    fwrite(&nslots, 4, 1, out);
    fwrite(&nwords, 4, 1, out);
    fwrite(&ntags, 4, 1, out);
    fwrite(&strings_len, 4, 1, out);
    fwrite(&total, 8, 1, out);
    uint32_t pad = 0;
    fwrite(&filter_words, 4, 1, out);
    fwrite(&pad, 4, 1, out);
    fwrite(tags, 8, ntags, out);
    fwrite(slots, 4, nslots, out);
    fwrite(filter, 8, filter_words, out);
    fwrite(strings, 1, len, out);
    if (fclose(out) != 0)
        die("write failed");
    free(slots);
    free(filter);
    free(offsets);
    free(strings);
    return 0;
}
