/* poslex: look-ups in the embedded jieba table and a best-split segmenter over them. The
 * table's layout is documented in src/tools/poslex_gen.c, which writes it. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "chars.h"
#include "lexicon.h"
#include "poslex.h"
#include "stagetime.h"
#include "text.h"

/* The table, linked in from build/poslex.bin by build/poslex_blob.S. */
extern const unsigned char poslex_blob[];
extern const unsigned char poslex_blob_end[];

#define HEADER_BYTES 40
#define MAX_WORD_CHARS 8   /* longer dictionary words are idioms and names a subject never needs */
#define OWN_WORD_FREQ 1e4  /* a pos.tsv word jieba lacks (今年以来) beats the words it is made of */
#define ROLE_WORD_FREQ 1e3 /* a subject.tsv word jieba lacks (平均为, 可达) is a plausible word */
/* A word's flags byte (src/tools/poslex_gen.c): its tag, plus LONGER when a longer word begins
 * with it. */
#define LONGER 0x80u
#define OFFSET_MASK 0xFFFFFFu /* a slot: the hash's top 8 bits, 1 + the word's offset below them */
/* what jieba_entry found: s is a word; a longer word (may) begin with s */
#define JIEBA_WORD POSLEX_IS_WORD
#define JIEBA_LONGER POSLEX_HAS_LONGER

struct table {
    uint32_t nslots, nwords, ntags, strings_len, filter_words;
    unsigned log2_bits; /* the filter has 1 << log2_bits bits */
    double log_total;
    const char (*tags)[8];
    const uint32_t *slots;
    const unsigned char *filter; /* filter_words x u64 */
    const unsigned char *strings;
};

static int read_table(struct table *t)
{
    const unsigned char *p = poslex_blob;
    size_t size = (size_t)(poslex_blob_end - poslex_blob);
    if (size < HEADER_BYTES || memcmp(p, "KFPOS04", 8))
        return -1;
    double total;
    memcpy(&t->nslots, p + 8, 4);
    memcpy(&t->nwords, p + 12, 4);
    memcpy(&t->ntags, p + 16, 4);
    memcpy(&t->strings_len, p + 20, 4);
    memcpy(&total, p + 24, 8);
    memcpy(&t->filter_words, p + 32, 4);
    size_t slots_at = HEADER_BYTES + (size_t)t->ntags * 8, filter_at = slots_at + (size_t)t->nslots * 4;
    size_t strings_at = filter_at + (size_t)t->filter_words * 8;
    if (strings_at + t->strings_len != size || !t->nslots || (t->nslots & (t->nslots - 1)) || total <= 0 ||
        t->strings_len >= OFFSET_MASK || !t->filter_words || (t->filter_words & (t->filter_words - 1)) ||
        t->filter_words > (1u << 26))
        return -1;
    for (t->log2_bits = 6; (1u << (t->log2_bits - 6)) < t->filter_words; t->log2_bits++)
        ;
    t->log_total = log(total);
    t->tags = (const char (*)[8])(p + HEADER_BYTES);
    t->slots = (const uint32_t *)(const void *)(p + slots_at);
    t->filter = p + filter_at;
    t->strings = p + strings_at;
    return 0;
}

/* 1 when the filter's bit for a string no word, whose hash is h, is set: a longer word may begin
 * with it; 0: none does. The generator sets it with the same mix. */
static int filter_has(const struct table *t, uint32_t h)
{
    uint32_t bit = (h * 0x9E3779B1u) >> (32 - t->log2_bits);
    uint64_t word;
    memcpy(&word, t->filter + (size_t)(bit >> 6) * 8, 8);
    return (int)(word >> (bit & 63) & 1);
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

#define FNV_BASIS 2166136261u

static uint32_t fnv1a(uint32_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* jieba's entry for s[0, len), whose FNV-1a hash is h: JIEBA_WORD with its frequency and tag
 * (an index into the table's tag names, see tag_name) when it is a word, plus JIEBA_LONGER when a
 * longer word begins with it. For a string that is no word, JIEBA_LONGER when the filter says a
 * longer word may begin with it (a few strings no word begins with share a bit with one), 0 when
 * none does. */
static int jieba_entry(const struct table *t, const char *s, size_t len, uint32_t h, uint32_t *freq, unsigned *tag)
{
    if (len > 255)
        return 0;
    uint32_t top = h & ~OFFSET_MASK;
    for (uint32_t at = h & (t->nslots - 1);; at = (at + 1) & (t->nslots - 1)) {
        uint32_t slot;
        memcpy(&slot, &t->slots[at], 4);
        if (!slot) /* no word: perhaps the beginning of one */
            return filter_has(t, h) ? JIEBA_LONGER : 0;
        if ((slot & ~OFFSET_MASK) != top)
            continue;
        const unsigned char *e = t->strings + (slot & OFFSET_MASK) - 1;
        if (e[0] == len && !memcmp(e + 6, s, len)) {
            memcpy(freq, e + 2, 4);
            *tag = e[1] & ~LONGER;
            return JIEBA_WORD | (e[1] & LONGER ? JIEBA_LONGER : 0);
        }
    }
}

static const char *tag_name(const struct table *t, unsigned tag)
{
    return tag < t->ntags ? t->tags[tag] : "x";
}

/* jieba's entry for s[0, len): its frequency and tag name, or 0. */
static int jieba_word(const struct table *t, const char *s, size_t len, uint32_t *freq, const char **tag)
{
    unsigned tg;
    if (!(jieba_entry(t, s, len, fnv1a(FNV_BASIS, s, len), freq, &tg) & JIEBA_WORD))
        return 0;
    *tag = tag_name(t, tg);
    return 1;
}

int poslex_entry(const char *s, size_t len)
{
    struct table tb;
    const struct table *t = table(&tb);
    uint32_t f;
    unsigned tag;
    return t ? jieba_entry(t, s, len, fnv1a(FNV_BASIS, s, len), &f, &tag) : 0;
}

/* The class of a subject.tsv role: its boundary words are what a subject is not. */
static int role_class(int role)
{
    switch (role) {
    case SUBJ_NOUN: case SUBJ_NOUNVERB: case SUBJ_MONEY: return POS_NOUN;
    case SUBJ_DROP: return POS_PRON;
    case SUBJ_FRAME: return POS_TIME;
    case SUBJ_BASE: case SUBJ_STOP: case SUBJ_JOIN: case SUBJ_LIST: case SUBJ_SHARE: case SUBJ_COMPARE: case SUBJ_DE: return POS_FUNC;
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

int poslex_class(const struct lexicon *lx, const char *s, size_t len)
{
    const struct lex_word *w = exact(&lx->pos, s, len);
    if (w)
        return w->attr;
    struct table t;
    uint32_t f;
    const char *tag;
    const struct lex_word *role = exact(&lx->subject, s, len);
    if (role && own_role(role->attr))
        return role_class(role->attr);
    if (table(&t) && jieba_word(&t, s, len, &f, &tag))
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
    return cls != POS_FUNC && cls != POS_PRON && cls != POS_ADV && cls != POS_MOD && lex_charset_has(&lx->charset[CHR_IDEOGRAPH], chars_cp_at(s, b, a, &l)) &&
           !exact(&lx->pos, s + a, b - a) && !exact(&lx->subject, s + a, b - a);
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

static size_t segment(const struct lexicon *lx, const char *s, size_t a, size_t b, struct pos_word *out, size_t max)
{
    /* the character boundaries of the stretch; a run of ASCII letters or digits is one unit */
    size_t at[POSLEX_MAX_CHARS + 1], k = 0;
    size_t starts[4 * POSLEX_MAX_CHARS];
    size_t nstarts = 0;
    if (b - a > sizeof starts / sizeof starts[0]) { /* only the end is needed: keep whole characters */
        a = b - sizeof starts / sizeof starts[0];
        while (a < b && ((unsigned char)s[a] & 0xC0) == 0x80)
            a++;
    }
    for (size_t i = a; i < b && nstarts < sizeof starts / sizeof starts[0];) {
        int l;
        uint32_t c = chars_cp_at(s, b, i, &l);
        starts[nstarts++] = i;
        i += (size_t)l;
        if (is_ascii_alnum(c))
            while (i < b && is_ascii_alnum((uint32_t)(unsigned char)s[i]))
                i++;
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
    signed char tag_cls[128];
    memset(tag_cls, -1, sizeof tag_cls);
    best[k] = 0;
    for (size_t i = k; i-- > 0;) {
        best[i] = -INFINITY;
        /* the candidate words s[at[i], at[j]) for growing j, until no list has a word that
         * begins with the candidate (the longest pos.tsv and subject.tsv words here, jieba's
         * LONGER flag); the hash of the candidate grows with it */
        const char *w = s + at[i];
        const struct lex_word *lo = lex_at(&lx->pos, w, b - at[i], 0), *lr = lex_at(&lx->subject, w, b - at[i], 0);
        size_t own_max = lo ? lo->len : 0, role_max = lr ? lr->len : 0;
        uint32_t h = FNV_BASIS;
        for (size_t j = i + 1; j <= k && j - i <= MAX_WORD_CHARS; j++) {
            size_t len = at[j] - at[i];
            double freq = 0;
            int c = -1;
            h = fnv1a(h, s + at[j - 1], at[j] - at[j - 1]);
            const struct lex_word *own = len < own_max ? exact(&lx->pos, w, len) : len == own_max ? lo : NULL;
            const struct lex_word *role = len < role_max ? exact(&lx->subject, w, len) : len == role_max ? lr : NULL;
            uint32_t f;
            unsigned tag;
            int jf = t ? jieba_entry(t, w, len, h, &f, &tag) : 0;
            if (own) { /* jieba's frequency where it has the word: pos.tsv changes only its class */
                freq = (jf & JIEBA_WORD) && f ? f : OWN_WORD_FREQ;
                c = own->attr;
            } else if (jf & JIEBA_WORD) {
                freq = f ? f : 1;
                if (role && own_role(role->attr))
                    c = role_class(role->attr);
                else {
                    if (tag_cls[tag & 127] < 0) /* the class of each tag looked up once a call */
                        tag_cls[tag & 127] = (signed char)tag_class(lx, tag_name(t, tag));
                    c = tag_cls[tag & 127];
                }
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
                double score = log(freq) - log_total + best[j];
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
            out[n++] = (struct pos_word){at[i], at[j], c >= 0 ? c : POS_NOUN};
            i = j;
        } else {
            out[n++] = (struct pos_word){at[i], at[next[i]], cls[i]};
            i = next[i];
        }
    }
    /* 的 makes what follows it a noun phrase's head: 前5个月的翘尾, 各项的支出 (verbs to jieba) */
    for (size_t i = 1; i < n; i++)
        if (out[i].cls == POS_VERB && out[i - 1].cls == POS_FUNC && is_de(lx, s, &out[i - 1]) &&
            (i + 1 == n || out[i + 1].cls != POS_NUM))
            out[i].cls = POS_NOUN;
    return n;
}
