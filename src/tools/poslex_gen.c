/* poslex_gen: turn jieba's dictionary (word, frequency, part-of-speech tag per line) into the
 * table libkeyfig embeds (src/poslex.c reads it), so that no process parses 5 MB of text at
 * start-up. Run by make: poslex_gen DICT.txt OUT.bin. A build tool, not part of the library.
 *
 * The table is a trie of the words' characters, 6 bytes a node (498,114 nodes for jieba's 349,045
 * words, 3.2 MB in all; a hash of UTF-8 strings took 7.8 MB, and its pages are all read on a large
 * corpus).
 * Layout (native byte order, read on the machine that built it; every array starts at a
 * multiple of 8 bytes, zero padding after it):
 *   header: magic "KFPOS05\0" | u32 nnodes | u32 nroot | u32 nchars | u32 npairs | u32 nfreqs
 *     | u32 ntags | u32 nblocks | u32 nwords | f64 total_freq | f64 log(total_freq)
 *   | ntags x 8-byte tag names
 *   | nfreqs x f64: log() of each distinct frequency, ascending
 *   | nfreqs x u32: the distinct frequencies
 *   | npairs x u16: a pair's frequency (index into the above); pair 0 is no word
 *   | npairs x u8: a pair's tag (index into the tag names)
 *   | CP_PAGES x u16: per 256 code points, the block of char ids holding them (0: none)
 *   | nblocks x 256 x u16: 1 + a code point's char id, 0 for a character in no word; block 0 empty
 *   | nnodes + 1 x u16 label: the char id of the edge into the node (the last node is a sentinel)
 *   | nnodes + 1 x u16 pair: the node's word entry (its frequency and tag), 0 when no word ends there
 *   | nnodes + 1 x u16 rel, (nnodes + 64) / 64 x u32 base: node i's children are the nodes from
 *     base[i / 64] + rel[i] up to that of node i + 1.
 * Node 0 is the root; nodes are in breadth-first order, each node's children by char id. The
 * characters that begin a word have the char ids 0 .. nroot - 1, so the root's child for char
 * id c is node 1 + c. A string is a word when its walk ends at a node with a pair; a longer word
 * begins with it when that node has children. Frequencies and their logarithms are stored once
 * each (5,087 distinct values), a word's frequency and tag once per distinct pair (16,838).
 * nwords counts the distinct words; a word listed twice keeps its first entry. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_TAGS 64
#define CP_PAGES (0x110000 >> 8) /* keep in step with src/poslex.c */
#define BASE_SHIFT 6             /* one base per 64 nodes (src/poslex.c has the same) */

struct node {
    uint32_t cp, parent, fidx, order; /* fidx: 1 + the word's line entry, 0 when no word */
    uint32_t freq;
    unsigned char tag;
};

static struct node *nodes;
static uint32_t nnodes, capnodes;
/* open-addressing hash of (parent, code point) -> 1 + node */
static uint32_t *hash;
static uint32_t hashsize;

static void die(const char *what)
{
    fprintf(stderr, "poslex_gen: %s\n", what);
    exit(1);
}

static void *grow(void *p, size_t n)
{
    if (!(p = realloc(p, n ? n : 1)))
        die("out of memory");
    return p;
}

static uint32_t mix(uint32_t parent, uint32_t cp)
{
    uint64_t k = ((uint64_t)parent << 21 | cp) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)(k >> 32);
}

static void rehash(void);

/* The child of parent for cp, made when missing. */
static uint32_t child(uint32_t parent, uint32_t cp)
{
    if ((nnodes + 1) * 2 > hashsize)
        rehash();
    uint32_t h = mix(parent, cp) & (hashsize - 1);
    for (; hash[h]; h = (h + 1) & (hashsize - 1)) {
        const struct node *n = &nodes[hash[h] - 1];
        if (n->parent == parent && n->cp == cp)
            return hash[h] - 1;
    }
    if (nnodes == capnodes)
        nodes = grow(nodes, (capnodes *= 2) * sizeof *nodes);
    nodes[nnodes] = (struct node){cp, parent, 0, 0, 0, 0};
    hash[h] = ++nnodes;
    return nnodes - 1;
}

static void rehash(void)
{
    free(hash);
    hashsize = hashsize ? hashsize * 2 : 1u << 16;
    hash = calloc(hashsize, sizeof *hash);
    if (!hash)
        die("out of memory");
    for (uint32_t i = 1; i < nnodes; i++) {
        uint32_t h = mix(nodes[i].parent, nodes[i].cp) & (hashsize - 1);
        while (hash[h])
            h = (h + 1) & (hashsize - 1);
        hash[h] = i + 1;
    }
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* index of v in the sorted v[0, n) */
static uint32_t find_u32(const uint32_t *v, uint32_t n, uint32_t x)
{
    const uint32_t *p = bsearch(&x, v, n, sizeof *v, cmp_u32);
    if (!p)
        die("internal: value not found");
    return (uint32_t)(p - v);
}

static uint32_t find_u64(const uint64_t *v, uint32_t n, uint64_t x)
{
    const uint64_t *p = bsearch(&x, v, n, sizeof *v, cmp_u64);
    if (!p)
        die("internal: value not found");
    return (uint32_t)(p - v);
}

static void put(FILE *out, const void *p, size_t size, size_t n)
{
    static const char zero[8];
    if (n && fwrite(p, size, n, out) != n)
        die("write failed");
    size_t pad = (8 - size * n % 8) % 8;
    if (pad && fwrite(zero, 1, pad, out) != pad)
        die("write failed");
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
    capnodes = 1 << 16;
    nodes = grow(NULL, capnodes * sizeof *nodes);
    nodes[nnodes++] = (struct node){0, UINT32_MAX, 0, 0, 0, 0}; /* the root */
    rehash();
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
        uint32_t at = 0;
        for (size_t i = 0; i < wl;) {
            uint32_t cp;
            int l = utf8_decode((const unsigned char *)word + i, wl - i, &cp);
            if (!l)
                die("the dictionary is not valid UTF-8");
            at = child(at, cp);
            i += (size_t)l;
        }
        if (!nodes[at].fidx) { /* a word listed twice keeps its first entry */
            nodes[at].fidx = 1;
            nodes[at].freq = f;
            nodes[at].tag = (unsigned char)t;
            nwords++;
        }
    }
    fclose(in);
    if (!nwords)
        die("the dictionary is empty");
    free(hash);

    /* char ids: the characters that begin a word first, then the others, each by code point */
    uint32_t *firsts = grow(NULL, nnodes * sizeof *firsts), *others = grow(NULL, nnodes * sizeof *others);
    uint32_t nfirst = 0, nother = 0;
    for (uint32_t i = 1; i < nnodes; i++)
        if (nodes[i].parent == 0)
            firsts[nfirst++] = nodes[i].cp;
    qsort(firsts, nfirst, sizeof *firsts, cmp_u32); /* distinct: one root child each */
    for (uint32_t i = 1; i < nnodes; i++)
        if (nodes[i].parent != 0)
            others[nother++] = nodes[i].cp;
    qsort(others, nother, sizeof *others, cmp_u32);
    uint32_t nunique = 0;
    for (uint32_t i = 0; i < nother; i++)
        if ((!nunique || others[nunique - 1] != others[i]) && !bsearch(&others[i], firsts, nfirst, sizeof *firsts, cmp_u32))
            others[nunique++] = others[i];
    uint32_t nchars = nfirst + nunique;
    if (nchars >= 0xFFFF)
        die("too many distinct characters for 16-bit char ids");
    uint16_t cpmap1[CP_PAGES] = {0};
    uint16_t *blocks = grow(NULL, 256 * sizeof *blocks); /* block 0: no character */
    memset(blocks, 0, 256 * sizeof *blocks);
    uint32_t nblocks = 1;
    for (uint32_t id = 0; id < nchars; id++) {
        uint32_t cp = id < nfirst ? firsts[id] : others[id - nfirst];
        if (!cpmap1[cp >> 8]) {
            if (nblocks == 0xFFFF)
                die("too many character blocks");
            blocks = grow(blocks, (size_t)(nblocks + 1) * 256 * sizeof *blocks);
            memset(blocks + (size_t)nblocks * 256, 0, 256 * sizeof *blocks);
            cpmap1[cp >> 8] = (uint16_t)nblocks++;
        }
        blocks[(size_t)cpmap1[cp >> 8] * 256 + (cp & 255)] = (uint16_t)(id + 1);
    }
    /* each node's label as a char id; the edges sorted by (parent, label) give each node's children */
    uint64_t *edges = grow(NULL, nnodes * sizeof *edges);
    for (uint32_t i = 1; i < nnodes; i++) {
        uint32_t cp = nodes[i].cp, id = (uint32_t)blocks[(size_t)cpmap1[cp >> 8] * 256 + (cp & 255)] - 1;
        nodes[i].cp = id;
        edges[i - 1] = (uint64_t)nodes[i].parent << 40 | (uint64_t)id << 24 | i;
    }
    if (nnodes >= 1u << 24)
        die("too many nodes");
    qsort(edges, nnodes - 1, sizeof *edges, cmp_u64);
    uint32_t *kids_at = grow(NULL, (nnodes + 1) * sizeof *kids_at); /* into edges, by old node */
    for (uint32_t i = 0, e = 0; i <= nnodes; i++) {
        while (e < nnodes - 1 && (edges[e] >> 40) < i)
            e++;
        kids_at[i] = e;
    }
    /* breadth-first order */
    uint32_t *bfs = grow(NULL, nnodes * sizeof *bfs), head = 0, tail = 0;
    bfs[tail++] = 0;
    while (head < tail) {
        uint32_t o = bfs[head++];
        for (uint32_t e = kids_at[o]; e < kids_at[o + 1]; e++)
            bfs[tail++] = (uint32_t)(edges[e] & 0xFFFFFF);
    }
    if (tail != nnodes)
        die("internal: breadth-first walk missed nodes");
    for (uint32_t i = 0; i < nnodes; i++)
        nodes[bfs[i]].order = i;
    /* distinct frequencies and (frequency, tag) pairs */
    uint32_t *freqs = grow(NULL, nwords * sizeof *freqs), nfreqs = 0;
    uint64_t *pairs = grow(NULL, nwords * sizeof *pairs);
    uint32_t npairs = 0;
    for (uint32_t i = 0; i < nnodes; i++)
        if (nodes[i].fidx)
            freqs[nfreqs++] = nodes[i].freq;
    qsort(freqs, nfreqs, sizeof *freqs, cmp_u32);
    uint32_t n = 0;
    for (uint32_t i = 0; i < nfreqs; i++)
        if (!n || freqs[n - 1] != freqs[i])
            freqs[n++] = freqs[i];
    nfreqs = n;
    if (nfreqs > 0xFFFF)
        die("too many distinct frequencies");
    for (uint32_t i = 0; i < nnodes; i++)
        if (nodes[i].fidx)
            pairs[npairs++] = (uint64_t)find_u32(freqs, nfreqs, nodes[i].freq) << 8 | nodes[i].tag;
    qsort(pairs, npairs, sizeof *pairs, cmp_u64);
    n = 0;
    for (uint32_t i = 0; i < npairs; i++)
        if (!n || pairs[n - 1] != pairs[i])
            pairs[n++] = pairs[i];
    npairs = n + 1; /* pair 0: no word */
    if (npairs > 0xFFFF)
        die("too many distinct (frequency, tag) pairs");
    double *logs = grow(NULL, nfreqs * sizeof *logs);
    for (uint32_t i = 0; i < nfreqs; i++)
        logs[i] = log((double)freqs[i]);
    uint16_t *pair_freq = grow(NULL, npairs * sizeof *pair_freq);
    unsigned char *pair_tag = grow(NULL, npairs);
    pair_freq[0] = 0, pair_tag[0] = 0;
    for (uint32_t i = 1; i < npairs; i++) {
        pair_freq[i] = (uint16_t)(pairs[i - 1] >> 8);
        pair_tag[i] = (unsigned char)(pairs[i - 1] & 0xFF);
    }
    /* the node arrays, in breadth-first order, with a sentinel node at the end */
    uint16_t *label = grow(NULL, (nnodes + 1) * sizeof *label), *pair = grow(NULL, (nnodes + 1) * sizeof *pair);
    uint16_t *rel = grow(NULL, (nnodes + 1) * sizeof *rel);
    uint32_t nbase = (nnodes >> BASE_SHIFT) + 1, *base = grow(NULL, nbase * sizeof *base);
    uint32_t first_child = 1; /* of the node in hand: its children follow the previous node's */
    for (uint32_t i = 0; i <= nnodes; i++) {
        if (i == nnodes) {
            label[i] = 0, pair[i] = 0;
        } else {
            const struct node *nd = &nodes[bfs[i]];
            label[i] = (uint16_t)(i ? nd->cp : 0);
            pair[i] = nd->fidx ? (uint16_t)(1 + find_u64(pairs, npairs - 1,
                                                         (uint64_t)find_u32(freqs, nfreqs, nd->freq) << 8 | nd->tag))
                               : 0;
        }
        if (!(i & ((1u << BASE_SHIFT) - 1)))
            base[i >> BASE_SHIFT] = first_child;
        if (first_child - base[i >> BASE_SHIFT] > 0xFFFF)
            die("a block of nodes has too many children for 16-bit offsets");
        rel[i] = (uint16_t)(first_child - base[i >> BASE_SHIFT]);
        if (i < nnodes)
            first_child += kids_at[bfs[i] + 1] - kids_at[bfs[i]];
    }
    if (first_child != nnodes)
        die("internal: children miscounted");
    /* the root's children are the first characters in char id order: node 1 + id */
    for (uint32_t i = 1; i <= nfirst; i++)
        if (label[i] != i - 1 || nodes[bfs[i]].parent != 0)
            die("internal: the root's children are out of order");

    FILE *out = fopen(argv[2], "wb");
    if (!out)
        die("cannot write the output");
    double log_total = log(total);
    uint32_t head32[8] = {nnodes, nfirst, nchars, npairs, nfreqs, ntags, nblocks, nwords};
    put(out, "KFPOS05", 1, 8);
    put(out, head32, 4, 8);
    put(out, &total, 8, 1);
    put(out, &log_total, 8, 1);
    put(out, tags, 8, ntags);
    put(out, logs, 8, nfreqs);
    put(out, freqs, 4, nfreqs);
    put(out, pair_freq, 2, npairs);
    put(out, pair_tag, 1, npairs);
    put(out, cpmap1, 2, CP_PAGES);
    put(out, blocks, 2, (size_t)nblocks * 256);
    put(out, label, 2, nnodes + 1);
    put(out, pair, 2, nnodes + 1);
    put(out, rel, 2, nnodes + 1);
    put(out, base, 4, nbase);
    if (fclose(out) != 0)
        die("write failed");
    free(nodes), free(firsts), free(others), free(blocks), free(edges), free(kids_at), free(bfs);
    free(freqs), free(pairs), free(logs), free(pair_freq), free(pair_tag), free(label), free(pair), free(rel), free(base);
    return 0;
}
