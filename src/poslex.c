/* poslex: look-ups in the embedded jieba table and a best-split segmenter over them. The
 * table's layout is documented in src/tools/poslex_gen.c, which writes it. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "lexicon.h"
#include "poslex.h"
#include "stagetime.h"
#include "text.h"
#include "util.h"

/* The table, linked in from build/poslex.bin by build/poslex_blob.S. */
extern const unsigned char poslex_blob[];
extern const unsigned char poslex_blob_end[];

#define HEADER_BYTES 56
#define CP_PAGES (0x110000 >> 8) /* src/tools/poslex_gen.c has the same */
#define BASE_SHIFT 6
#define MAX_WORD_CHARS 8   /* longer dictionary words are idioms and names a subject never needs */
#define OWN_WORD_FREQ 1e4  /* a pos.tsv word jieba lacks (今年以来) beats the words it is made of */
#define ROLE_WORD_FREQ 1e3 /* a subject.tsv word jieba lacks (平均为, 可达) is a plausible word */
/* what jieba_entry found: s is a word; a longer word begins with s */
#define JIEBA_WORD POSLEX_IS_WORD
#define JIEBA_LONGER POSLEX_HAS_LONGER
#define NO_NODE UINT32_MAX /* a walk that left the trie: no word begins with the string */
#define UNIT_RUN UINT32_MAX /* segment: a unit of several characters (letters, digits) */
#define UNIT_BAD (UINT32_MAX - 1) /* segment: a byte that is not UTF-8 */

struct table {
    uint32_t nnodes, nroot, nchars, npairs, nfreqs, ntags, nblocks;
    double log_total;
    const char (*tags)[8];
    const double *logs;       /* log() of each distinct frequency */
    const uint32_t *freqs;    /* the distinct frequencies */
    const uint16_t *pair_freq; /* per (frequency, tag) pair: its frequency's index */
    const unsigned char *pair_tag;
    const uint16_t *cpmap, *blocks; /* code point -> 1 + char id */
    const uint16_t *label, *pair, *rel;
    const uint32_t *base;
};

static size_t padded(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

static int read_table(struct table *t)
{
    const unsigned char *p = poslex_blob;
    size_t size = (size_t)(poslex_blob_end - poslex_blob);
    if (size < HEADER_BYTES || memcmp(p, "KFPOS05", 8))
        return -1;
    uint32_t h[8];
    memcpy(h, p + 8, sizeof h);
    t->nnodes = h[0], t->nroot = h[1], t->nchars = h[2], t->npairs = h[3], t->nfreqs = h[4], t->ntags = h[5];
    t->nblocks = h[6];
    memcpy(&t->log_total, p + 48, 8);
    if (!t->nnodes || t->nroot >= t->nnodes || t->nchars >= 0xFFFF || !t->npairs || t->npairs > 0x10000 ||
        !t->nfreqs || t->nfreqs > 0x10000 || t->ntags > 256 || !t->nblocks || t->nblocks > 0x10000 ||
        t->nnodes >= (1u << 24))
        return -1;
    size_t at = HEADER_BYTES;
    t->tags = (const char (*)[8])(p + at);
    at += padded((size_t)t->ntags * 8);
    t->logs = (const double *)(const void *)(p + at);
    at += padded((size_t)t->nfreqs * 8);
    t->freqs = (const uint32_t *)(const void *)(p + at);
    at += padded((size_t)t->nfreqs * 4);
    t->pair_freq = (const uint16_t *)(const void *)(p + at);
    at += padded((size_t)t->npairs * 2);
    t->pair_tag = p + at;
    at += padded(t->npairs);
    t->cpmap = (const uint16_t *)(const void *)(p + at);
    at += padded((size_t)CP_PAGES * 2);
    t->blocks = (const uint16_t *)(const void *)(p + at);
    at += padded((size_t)t->nblocks * 256 * 2);
    t->label = (const uint16_t *)(const void *)(p + at);
    at += padded(((size_t)t->nnodes + 1) * 2);
    t->pair = (const uint16_t *)(const void *)(p + at);
    at += padded(((size_t)t->nnodes + 1) * 2);
    t->rel = (const uint16_t *)(const void *)(p + at);
    at += padded(((size_t)t->nnodes + 1) * 2);
    t->base = (const uint32_t *)(const void *)(p + at);
    at += padded((size_t)((t->nnodes >> BASE_SHIFT) + 1) * 4);
    return at == size ? 0 : -1;
}

/* The table is read-only data in the binary: its header is parsed on every call rather than
 * kept in a global, which costs a few loads and keeps the library free of mutable state. */
static const struct table *table(struct table *t)
{
    return read_table(t) == 0 ? t : NULL;
}

int poslex_ok(void)
{
    struct table t;
    return table(&t) != NULL;
}

/* Beyond poslex_ok's sizes: the values a walk reads stay in their arrays (char ids below
 * nchars, pairs below npairs, frequencies below nfreqs, tags below ntags, children ranges
 * ascending within the nodes, the root's children in char id order). Reads the whole table. */
int poslex_verify(void)
{
    struct table tb;
    const struct table *t = table(&tb);
    if (!t)
        return 0;
    for (uint32_t i = 0; i < CP_PAGES; i++)
        if (t->cpmap[i] >= t->nblocks)
            return 0;
    for (size_t i = 0; i < (size_t)t->nblocks * 256; i++)
        if (t->blocks[i] > t->nchars || (i < 256 && t->blocks[i]))
            return 0;
    for (uint32_t i = 0; i < t->npairs; i++)
        if (t->pair_freq[i] >= t->nfreqs || t->pair_tag[i] >= t->ntags)
            return 0;
    uint32_t prev = 1;
    for (uint32_t i = 0; i <= t->nnodes; i++) {
        uint32_t fc = t->base[i >> BASE_SHIFT] + t->rel[i];
        if (fc < prev || fc > t->nnodes || t->pair[i] >= t->npairs || t->label[i] >= t->nchars ||
            (i && i <= t->nroot && t->label[i] != i - 1))
            return 0;
        prev = fc;
    }
    return prev == t->nnodes;
}

/* The first child of node i; its children end where node i + 1's begin. */
static uint32_t first_child(const struct table *t, uint32_t i)
{
    return t->base[i >> BASE_SHIFT] + t->rel[i];
}

/* 1 + the char id of code point cp, 0 for a character in no word */
static uint32_t char_id(const struct table *t, uint32_t cp)
{
    return cp < 0x110000 ? t->blocks[(size_t)t->cpmap[cp >> 8] * 256 + (cp & 255)] : 0;
}

/* The child of node at (not NO_NODE) for 1 + char id id1, NO_NODE when it has none. */
static inline uint32_t child(const struct table *t, uint32_t at, uint32_t id1)
{
    if (!id1--)
        return NO_NODE;
    if (!at) /* the root's children: the first characters, by char id */
        return id1 < t->nroot ? 1 + id1 : NO_NODE;
    uint32_t lo = first_child(t, at), end = first_child(t, at + 1), hi = end;
    while (hi - lo > 8) { /* children by char id */
        uint32_t mid = lo + (hi - lo) / 2;
        if (t->label[mid] < id1)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < end && t->label[lo] < id1; lo++)
        ;
    return lo < end && t->label[lo] == id1 ? lo : NO_NODE;
}

/* The node reached from node at by the characters of s[0, n), NO_NODE when no word begins with
 * what has been walked (a character in no word, or not UTF-8). */
static uint32_t walk(const struct table *t, uint32_t at, const char *s, size_t n)
{
    for (size_t i = 0; i < n && at != NO_NODE;) {
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!l)
            return NO_NODE;
        i += (size_t)l;
        at = child(t, at, char_id(t, cp));
    }
    return at;
}

/* jieba's entry for the string whose walk ended at node at: JIEBA_WORD with its pair (frequency
 * and tag) when it is a word, plus JIEBA_LONGER when a longer word begins with it; 0 when
 * neither. */
static inline int jieba_entry(const struct table *t, uint32_t at, unsigned *pair)
{
    if (at == NO_NODE)
        return 0;
    *pair = t->pair[at];
    return (*pair ? JIEBA_WORD : 0) | (first_child(t, at + 1) > first_child(t, at) ? JIEBA_LONGER : 0);
}

static const char *tag_name(const struct table *t, unsigned tag)
{
    return tag < t->ntags ? t->tags[tag] : "x";
}

int poslex_word(const char *s, size_t len, uint32_t *freq, double *log_freq, const char **tag)
{
    struct table tb;
    const struct table *t = table(&tb);
    unsigned pr;
    if (!t || !(jieba_entry(t, walk(t, 0, s, len), &pr) & JIEBA_WORD))
        return 0;
    *freq = t->freqs[t->pair_freq[pr]];
    *log_freq = t->logs[t->pair_freq[pr]];
    *tag = tag_name(t, t->pair_tag[pr]);
    return 1;
}

int poslex_entry(const char *s, size_t len)
{
    struct table tb;
    const struct table *t = table(&tb);
    unsigned pr;
    return t ? jieba_entry(t, walk(t, 0, s, len), &pr) : 0;
}

/* The class of a subject.tsv role: its boundary words are what a subject is not. */
static int role_class(int role)
{
    switch (role) {
    case SUBJ_NOUN: case SUBJ_NOUNVERB: case SUBJ_MONEY: return POS_NOUN;
    case SUBJ_DROP: return POS_PRON;
    case SUBJ_FRAME: return POS_TIME;
    case SUBJ_BASE: case SUBJ_STOP: case SUBJ_JOIN: case SUBJ_LIST: case SUBJ_SHARE: case SUBJ_COMPARE: case SUBJ_DE: case SUBJ_MANNER: return POS_FUNC;
    default: return POS_VERB;
    }
}

/* 1 for the subject.tsv roles that say what a word is, over jieba's tag: its nouns (就业, 特约
 * are tagged verb and adverb), its leading place words and time frames (全国 is a noun to jieba,
 * but never begins a subject here). Its boundary roles (verb, stop) only say where a subject
 * ends: 其中 is listed as a verb there and is a pronoun. */
static int own_role(int role)
{
    int c = role_class(role);
    return POS_IS_NOUN(c) || c == POS_PRON || c == POS_TIME;
}

static const struct lex_word *exact(const struct lex_list *l, const char *s, size_t len)
{
    const struct lex_word *w = lex_at(l, s, len, 0);
    return w && w->len == len ? w : NULL;
}

static int tag_class(const struct lexicon *lx, const char *tag)
{
    const struct lex_word *w = exact(&lx->postags, tag, strnlen(tag, 8));
    return w ? w->attr : POS_OTHER;
}

void poslex_tag_classes(const struct lexicon *lx, signed char *out)
{
    struct table tb;
    const struct table *t = table(&tb);
    for (unsigned k = 0; k < 256; k++)
        out[k] = (signed char)(t ? tag_class(lx, tag_name(t, k)) : POS_OTHER);
}

int poslex_class(const struct lexicon *lx, const char *s, size_t len)
{
    const struct lex_word *w = exact(&lx->pos, s, len);
    if (w)
        return w->attr;
    uint32_t f;
    double lf;
    const char *tag;
    const struct lex_word *role = exact(&lx->subject, s, len);
    if (role && own_role(role->attr))
        return role_class(role->attr);
    if (poslex_word(s, len, &f, &lf, &tag))
        return tag_class(lx, tag);
    return role ? role_class(role->attr) : -1;
}

static int is_ascii_alnum(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.';
}

/* 1 when the single character s[a, b), of class cls, may be part of an unknown word. */
static int may_join(const struct lexicon *lx, const char *s, size_t a, size_t b, int cls)
{
    int l;
    const struct lex_word *chg = exact(&lx->change, s + a, b - a);
    return cls != POS_FUNC && cls != POS_PRON && cls != POS_ADV && cls != POS_MOD && cls != POS_PLACE && lex_charset_has(&lx->charset[CHR_IDEOGRAPH], chars_cp_at(s, b, a, &l)) &&
           !exact(&lx->pos, s + a, b - a) && !exact(&lx->subject, s + a, b - a) &&
           !(chg && chg->attr % 16 == CHG_VERB); /* 呎价|跌至: a change verb stays a word of its own */
}

/* 1 when w is a de word (subject.tsv's role de: 的 之) */
static int is_de(const struct lexicon *lx, const char *s, const struct pos_word *w)
{
    const struct lex_word *r = exact(&lx->subject, s + w->start, w->end - w->start);
    return r && r->attr == SUBJ_DE;
}

static size_t segment(const struct lexicon *lx, const char *s, size_t a, size_t b, struct pos_word *out, size_t max);

size_t poslex_segment(const struct lexicon *lx, const char *s, size_t a, size_t b, struct pos_word *out, size_t max)
{
    size_t n;
    STAGE(STAGE_SEGMENT, n = segment(lx, s, a, b, out, max));
    return n;
}

/* ---- the memo ---- */

#define MEMO_SLOTS 256 /* stretches kept (a power of two): an article's stretches, most of them */
#define MEMO_MAX_BYTES 0xFFFF /* longer stretches are not kept (word offsets are 16-bit) */

struct memo_slot {
    uint64_t h;       /* 0: empty */
    uint32_t a;       /* where the stretch kept begins in the text (its bytes are compared there) */
    uint16_t len;     /* its length in bytes */
    unsigned char max, n;
    struct { /* the words, offsets from a */
        uint16_t start, end;
        signed char cls;
    } w[POSLEX_MAX_CHARS];
};

struct poslex_memo {
    const char *s;
    struct memo_slot slot[MEMO_SLOTS];
};

struct poslex_memo *poslex_memo_new(const char *s)
{
    struct poslex_memo *m = xmalloc(sizeof *m);
    m->s = s;
    for (size_t i = 0; i < MEMO_SLOTS; i++)
        m->slot[i].h = 0;
    return m;
}

void poslex_memo_free(struct poslex_memo *m)
{
    free(m);
}

/* A hash of the n bytes at s and max, never 0. */
static uint64_t memo_hash(const char *s, size_t n, size_t max)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ ((uint64_t)n << 8) ^ max;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        h = (h ^ x) * 0xBF58476D1CE4E5B9u;
        h ^= h >> 31;
    }
    uint64_t x = 0;
    for (; i < n; i++)
        x = x << 8 | (unsigned char)s[i];
    h = (h ^ x) * 0x94D049BB133111EBu;
    h ^= h >> 29;
    return h | 1;
}

size_t poslex_segment_memo(const struct lexicon *lx, struct poslex_memo *m, const char *s, size_t a, size_t b,
                           struct pos_word *out, size_t max)
{
    if (!m || s != m->s || b <= a || b - a > MEMO_MAX_BYTES || max > POSLEX_MAX_CHARS || a > UINT32_MAX)
        return poslex_segment(lx, s, a, b, out, max);
    size_t n;
    STAGE_ENTER(STAGE_SEGMENT);
    size_t len = b - a;
    uint64_t h = memo_hash(s + a, len, max);
    struct memo_slot *e = &m->slot[(h >> 32) & (MEMO_SLOTS - 1)];
    if (e->h == h && e->len == len && e->max == max && !memcmp(s + e->a, s + a, len)) {
        n = e->n;
        for (size_t i = 0; i < n; i++)
            out[i] = (struct pos_word){a + e->w[i].start, a + e->w[i].end, e->w[i].cls};
    } else {
        n = segment(lx, s, a, b, out, max);
        e->h = h, e->a = (uint32_t)a, e->len = (uint16_t)len, e->max = (unsigned char)max, e->n = (unsigned char)n;
        for (size_t i = 0; i < n; i++) {
            e->w[i].start = (uint16_t)(out[i].start - a);
            e->w[i].end = (uint16_t)(out[i].end - a);
            e->w[i].cls = (signed char)out[i].cls;
        }
    }
    STAGE_LEAVE();
    return n;
}

static size_t segment(const struct lexicon *lx, const char *s, size_t a, size_t b, struct pos_word *out, size_t max)
{
    /* the character boundaries of the stretch; a run of ASCII letters or digits is one unit */
    size_t at[POSLEX_MAX_CHARS + 1], k = 0;
    size_t starts[4 * POSLEX_MAX_CHARS];
    /* each unit's code point; UNIT_RUN for a run of letters or digits, UNIT_BAD for a byte that
     * is not UTF-8 (a character chars_cp_at reads as U+FFFD) */
    uint32_t unit_cp[4 * POSLEX_MAX_CHARS];
    size_t nstarts = 0;
    if (b - a > sizeof starts / sizeof starts[0]) { /* only the end is needed: keep whole characters */
        a = b - sizeof starts / sizeof starts[0];
        while (a < b && ((unsigned char)s[a] & 0xC0) == 0x80)
            a++;
    }
    for (size_t i = a; i < b && nstarts < sizeof starts / sizeof starts[0];) {
        uint32_t c;
        int l = utf8_decode((const unsigned char *)s + i, b - i, &c);
        unit_cp[nstarts] = l ? c : UNIT_BAD;
        if (!l)
            c = 0xFFFD, l = 1;
        starts[nstarts++] = i;
        i += (size_t)l;
        if (is_ascii_alnum(c) && i < b && is_ascii_alnum((uint32_t)(unsigned char)s[i])) {
            unit_cp[nstarts - 1] = UNIT_RUN;
            while (i < b && is_ascii_alnum((uint32_t)(unsigned char)s[i]))
                i++;
        }
    }
    size_t first = nstarts > POSLEX_MAX_CHARS ? nstarts - POSLEX_MAX_CHARS : 0;
    for (size_t i = first; i < nstarts; i++)
        at[k++] = starts[i];
    at[k] = b;
    if (!k || !max)
        return 0;
    struct table tb;
    const struct table *t = table(&tb);
    /* best[i]: the best log-probability of a split of units i..k; next[i]: where its first word ends */
    double best[POSLEX_MAX_CHARS + 1];
    size_t next[POSLEX_MAX_CHARS + 1];
    int cls[POSLEX_MAX_CHARS + 1];
    double log_total = t ? t->log_total : log(1e8);
    /* 1 + the char id of each unit that is one character (0: in no word), looked up once for
     * the walks from every start; UNIT_RUN for a run of letters or digits, walked by its bytes */
    uint32_t unit_id[POSLEX_MAX_CHARS];
    for (size_t q = 0; t && q < k; q++) {
        uint32_t c = unit_cp[first + q];
        unit_id[q] = c == UNIT_RUN ? UNIT_RUN : c == UNIT_BAD ? 0 : char_id(t, c);
    }
    best[k] = 0;
    for (size_t i = k; i-- > 0;) {
        best[i] = -INFINITY;
        /* the candidate words s[at[i], at[j]) for growing j, until no list has a word that
         * begins with the candidate (the longest pos.tsv and subject.tsv words here, jieba's
         * LONGER flag) */
        const char *w = s + at[i];
        const struct lex_word *lo = lex_at(&lx->pos, w, b - at[i], 0), *lr = lex_at(&lx->subject, w, b - at[i], 0);
        size_t own_max = lo ? lo->len : 0, role_max = lr ? lr->len : 0;
        uint32_t node = t ? 0 : NO_NODE; /* the trie walk of the candidate grows with it */
        for (size_t j = i + 1; j <= k && j - i <= MAX_WORD_CHARS; j++) {
            size_t len = at[j] - at[i];
            double freq = 0, log_freq = 0;
            int c = -1, jlog = 0; /* jlog: log_freq is the table's log of jieba's frequency */
            if (node != NO_NODE)
                node = unit_id[j - 1] != UNIT_RUN ? child(t, node, unit_id[j - 1])
                                                  : walk(t, node, s + at[j - 1], at[j] - at[j - 1]);
            const struct lex_word *own = len < own_max ? exact(&lx->pos, w, len) : len == own_max ? lo : NULL;
            const struct lex_word *role = len < role_max ? exact(&lx->subject, w, len) : len == role_max ? lr : NULL;
            uint32_t f = 0;
            unsigned pr = 0, tag = 0;
            int jf = jieba_entry(t, node, &pr);
            if (jf & JIEBA_WORD) {
                f = t->freqs[t->pair_freq[pr]];
                log_freq = t->logs[t->pair_freq[pr]];
                tag = t->pair_tag[pr];
            }
            if (own) { /* jieba's frequency where it is higher: a word the project lists is a
                          word (这类 is 3 to jieba, and 这/类人士 would win) */
                freq = (jf & JIEBA_WORD) && f > OWN_WORD_FREQ ? f : OWN_WORD_FREQ;
                jlog = (jf & JIEBA_WORD) && f > OWN_WORD_FREQ;
                c = own->attr;
            } else if (jf & JIEBA_WORD) {
                freq = f ? f : 1;
                jlog = f != 0;
                if (role && own_role(role->attr))
                    c = role_class(role->attr);
                else
                    c = lx->tag_class[tag & 255]; /* tag_class(lx, tag_name(t, tag)), made at load */
            } else if (role) { /* subject.tsv's boundary roles say where a subject ends, not what a
                                  word is: they stand in only for words jieba lacks; its nouns
                                  (就业, 特约) are nouns whatever jieba's tag */
                freq = ROLE_WORD_FREQ;
                c = role_class(role->attr);
            } else if (j == i + 1) { /* a unit in no dictionary stands alone */
                int l;
                uint32_t cp = chars_cp_at(s, at[j], at[i], &l);
                freq = 1;
                int letters = 0; /* 5G, 4K: a run of digits and letters is a name, not a numeral */
                for (size_t q = at[i]; q < at[j]; q++)
                    letters |= ((unsigned char)s[q] | 0x20) >= 'a' && ((unsigned char)s[q] | 0x20) <= 'z';
                c = lex_charset_has(&lx->charset[CHR_IDEOGRAPH], cp) || letters ? POS_NOUN
                    : (cp >= '0' && cp <= '9') ? POS_NUM : POS_FUNC;
            }
            if (c >= 0) {
                double score = (jlog ? log_freq : log(freq)) - log_total + best[j];
                if (score > best[i]) {
                    best[i] = score;
                    next[i] = j;
                    cls[i] = c;
                }
            }
            if (!(jf & JIEBA_LONGER) && len >= own_max && len >= role_max)
                break; /* no longer candidate is a word */
        }
    }
    size_t n = 0;
    for (size_t i = 0; i < k && n < max;) {
        /* A run of characters the split left single is most often a word no dictionary has
         * (托位, 劏房): jieba hands such runs to its model of unknown words; here they become one
         * noun. Particles, adjectives and the project's own words (的, 大, 再) stay apart. */
        size_t j = i;
        /* but a classifier after a numeral stays apart: 5个月 is no word 个月 (九巴 is one) */
        while (j < k && next[j] == j + 1 && may_join(lx, s, at[j], at[j + 1], cls[j]) &&
               !(cls[j] == POS_NUM && j > 0 && next[j - 1] == j && cls[j - 1] == POS_NUM))
            j++;
        if (j - i >= 2) {
            /* a run that is itself a word keeps that word's class (来年: a time word) */
            int c = poslex_class(lx, s + at[i], at[j] - at[i]);
            /* two characters, the second a verb the first is not (扛住, 程需), read a verb and
             * its complement better than a noun; longer runs, and two verbs (置居), are mostly names */
            if (c < 0)
                c = j - i == 2 && cls[j - 1] == POS_VERB && cls[i] != POS_VERB ? POS_VERB : POS_NOUN;
            out[n++] = (struct pos_word){at[i], at[j], c};
            i = j;
        } else {
            out[n++] = (struct pos_word){at[i], at[next[i]], cls[i]};
            i = next[i];
        }
    }
    /* 每盎司, 每公斤: the measure a price is per points at the figure; it names nothing */
    for (size_t i = 0; i < n; i++) {
        int l;
        if (!lex_charset_has(&lx->charset[CHR_EACH], chars_cp_at(s, out[i].end, out[i].start, &l)))
            continue;
        size_t u = out[i].start + (size_t)l;
        if (u < out[i].end && exact(&lx->units, s + u, out[i].end - u))
            out[i].cls = POS_PRON; /* as 每 alone is: never the start of a subject */
    }
    /* 的 makes what follows it a noun phrase's head: 前5个月的翘尾, 各项的支出 (verbs to jieba) */
    for (size_t i = 1; i < n; i++)
        if (out[i].cls == POS_VERB && out[i - 1].cls == POS_FUNC && is_de(lx, s, &out[i - 1]) &&
            (i + 1 == n || out[i + 1].cls != POS_NUM))
            out[i].cls = POS_NOUN;
    return n;
}
