/* text: normalise a decoded article for matching, keeping a map back to the original.
 * One pass over the code points; each kept character is written in its normalised form and
 * the map (runs, text.h) records the original offset of the character it came from. */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "lexicon.h"
#include "patset.h"
#include "stagetime.h"
#include "util.h"

/* The traditional->simplified table, built at make time from OpenCC's t2s data by
 * src/tools/t2s_gen.c (build/t2s.bin, linked in by build/t2s_blob.s): "KFT2S1\0\0", the first and
 * last code point it covers, one uint32 per code point from the first (0 where nothing changes). */
extern const unsigned char t2s_blob[];
extern const unsigned char t2s_blob_end[];

/* The sets of chars.tsv the normaliser reads characters by, in this order. */
static const enum char_role nz_roles[] = {CHR_IDEOGRAPH, CHR_FOLD, CHR_WRAP_BEFORE, CHR_WRAP_AFTER, CHR_OPENING,
                                          CHR_UNFINISHED, CHR_STOP, CHR_PHRASE_SPACE};
enum { NZ_IDEOGRAPH, NZ_FOLD, NZ_WRAP_BEFORE, NZ_WRAP_AFTER, NZ_OPENING, NZ_UNFINISHED, NZ_STOP, NZ_PHRASE_SPACE, NZ_NSETS };

struct normalizer {
    const uint32_t *t2s;     /* borrowed: the linked-in table */
    uint32_t t2s_first, t2s_last;
    struct lex_charset set[NZ_NSETS];
    /* The short path: the widest range of ideographs (chars.tsv) written in three bytes of UTF-8, the
     * Unified Ideographs, holds most characters of an article. Those of it that no rule below treats
     * specially (no white space, fold, sentence end or list mark) are decoded from three bytes,
     * converted by the t2s table alone and written as three bytes. */
    uint32_t plain_first, plain_last;
    unsigned char *plain; /* bit set: the ideograph may take the short path; owned */
};

static uint32_t fold(const struct normalizer *nz, uint32_t cp);
static int is_space(uint32_t cp);
static int is_zero_width(uint32_t cp);
static int is_list_marker(uint32_t c);

/* Which ideographs the short path may take: decided once from the same sets and table the
 * general path reads, so both paths write the same text (well under a millisecond at load). */
static void plain_ideographs(struct normalizer *nz)
{
    const struct lex_charset *ideo = &nz->set[NZ_IDEOGRAPH];
    nz->plain_first = 1, nz->plain_last = 0;
    for (size_t i = 0; i < ideo->n; i++) {
        uint32_t lo = ideo->r[i][0] > 0x800 ? ideo->r[i][0] : 0x800, hi = ideo->r[i][1] < 0xFFFF ? ideo->r[i][1] : 0xFFFF;
        if (lo <= hi && (nz->plain_first > nz->plain_last || hi - lo > nz->plain_last - nz->plain_first))
            nz->plain_first = lo, nz->plain_last = hi;
    }
    if (nz->plain_first > nz->plain_last)
        return;
    nz->plain = xcalloc((nz->plain_last - nz->plain_first) / 8 + 1, 1);
    for (uint32_t cp = nz->plain_first; cp <= nz->plain_last; cp++) {
        uint32_t to = fold(nz, cp);
        int plain = !is_space(cp) && !is_zero_width(cp) && !is_list_marker(cp) && !lex_charset_has(&nz->set[NZ_FOLD], cp) &&
                    !lex_charset_has(&nz->set[NZ_STOP], to) && to >= 0x800 && to <= 0xFFFF && !(to >= 0xD800 && to <= 0xDFFF) &&
                    !is_list_marker(to) && to != '\n';
        if (plain)
            nz->plain[(cp - nz->plain_first) / 8] |= (unsigned char)(1u << ((cp - nz->plain_first) % 8));
    }
}

static int is_plain_ideograph(const struct normalizer *nz, uint32_t cp)
{
    return cp >= nz->plain_first && cp <= nz->plain_last &&
           ((nz->plain[(cp - nz->plain_first) / 8] >> ((cp - nz->plain_first) % 8)) & 1);
}

struct normalizer *normalizer_new(struct patset *ps, struct keyfig_error *err)
{
    const unsigned char *p = t2s_blob;
    size_t size = (size_t)(t2s_blob_end - t2s_blob);
    uint32_t range[2] = {1, 0};
    if (size >= 16)
        memcpy(range, p + 8, sizeof range);
    if (size < 16 || memcmp(p, "KFT2S1\0\0", 8) || range[0] > range[1] ||
        size != 16 + ((size_t)range[1] - range[0] + 1) * sizeof(uint32_t)) {
        kf_error(err, KEYFIG_STATUS_IO, NULL, 0, "the linked-in traditional->simplified table is damaged (%zu bytes)", size);
        return NULL;
    }
    struct normalizer *nz = xcalloc(1, sizeof *nz);
    if (lex_charsets_load(ps, nz_roles, NZ_NSETS, nz->set, err)) {
        free(nz);
        return NULL;
    }
    nz->t2s = (const uint32_t *)(const void *)(p + 16); /* .balign 8 in t2s_blob.s */
    nz->t2s_first = range[0], nz->t2s_last = range[1];
    plain_ideographs(nz);
    return nz;
}

void normalizer_free(struct normalizer *nz)
{
    if (!nz)
        return;
    for (int i = 0; i < NZ_NSETS; i++)
        lex_charset_free(&nz->set[i]);
    free(nz->plain);
    free(nz);
}

static int in_set(const struct normalizer *nz, int set, uint32_t cp)
{
    return lex_charset_has(&nz->set[set], cp);
}

static int is_zero_width(uint32_t cp)
{
    return cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

/* White space: the ASCII controls and Unicode's space separators (Zs: U+00A0, U+2000-U+200A, the
 * ideographic space ...), by utf8proc. */
static int is_space(uint32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ZS;
}

static int is_ascii_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

static int is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Full-width ASCII forms (１２３，％) fold to ASCII through Unicode's compatibility mapping,
 * and CJK compatibility ideographs (U+F900-FAFF, which some converters and Korean fonts leave
 * for an ordinary 留 or 樂) to the unified ideograph they stand for. Only those blocks: NFKC on
 * other characters would turn list labels such as ① into digits. */
static uint32_t fold_width(const struct normalizer *nz, uint32_t cp)
{
    if (cp < 0x80)
        return cp;
    if (cp == 0x2236)
        return ':'; /* the ratio sign of statistics tables, 猪粮比价6∶1: read like the colon */
    if (!in_set(nz, NZ_FOLD, cp))
        return cp;
    utf8proc_int32_t dst[4];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char((utf8proc_int32_t)cp, dst, 4, UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &last);
    return n == 1 ? (uint32_t)dst[0] : cp;
}

static uint32_t simplified(const struct normalizer *nz, uint32_t cp)
{
    if (cp >= nz->t2s_first && cp <= nz->t2s_last && nz->t2s[cp - nz->t2s_first])
        cp = nz->t2s[cp - nz->t2s_first];
    return cp;
}

static uint32_t fold(const struct normalizer *nz, uint32_t cp)
{
    return simplified(nz, fold_width(nz, cp));
}

/* A line break between two characters that can continue each other (ideographs, digits,
 * letters) is a hard wrap from a PDF or a web page, not a paragraph end: 1600吨建⏎⏎筑垃圾. */
static int joins_across_break(const struct normalizer *nz, uint32_t prev, uint32_t next)
{
    int p = in_set(nz, NZ_IDEOGRAPH, prev) || is_ascii_alnum(prev) || prev == '.' || prev == '%';
    int n = in_set(nz, NZ_IDEOGRAPH, next) || is_ascii_alnum(next) || next == '.' || next == '%';
    /* nor does a break before punctuation that closes or continues a sentence: (PM2.5⏎)年均 */
    int closing = in_set(nz, NZ_WRAP_BEFORE, next);
    /* a paragraph never ends on a comma or an enumeration mark: a narrow column's line does
     * (“三项工程、⏎一项管理”) */
    int continuing = in_set(nz, NZ_WRAP_AFTER, prev);
    int opening = in_set(nz, NZ_OPENING, next);
    return (p && n) || (p && closing) || (continuing && (n || opening));
}

/* Length of a converter's pinyin annotation "(wèi)" at s, or 0. */
static size_t pinyin_annotation(const char *s, size_t n)
{
    static const char *const toned = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ";
    if (n < 3 || s[0] != '(')
        return 0;
    size_t i = 1;
    int letters = 0;
    while (i < n && s[i] != ')') {
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!l)
            return 0;
        int ok = (cp >= 'a' && cp <= 'z');
        if (!ok && cp >= 0x80) {
            char e[5]; /* 4 bytes for a code point beyond U+FFFF, then the NUL */
            int el = utf8_encode(cp, e);
            e[el] = '\0';
            ok = strstr(toned, e) != NULL;
        }
        if (!ok || ++letters > 7)
            return 0;
        i += (size_t)l;
    }
    return (i < n && letters > 0) ? i + 1 : 0;
}

struct out {
    const struct normalizer *nz;
    struct buf b;
    struct text_run *runs;
    size_t nruns, runcap;
    uint32_t last;      /* last code point written, 0 at the start */
    size_t digit_run;   /* length of the run of ASCII digits just written */
    int spaced_run;     /* that run was written digit by digit with spaces between (1 9 9 3) */
    size_t line_chars;  /* characters written since the last line break kept */
    int first_line;     /* still on the text's first line (a title, when it is short) */
    int ended;          /* the last character written ends a sentence (。！？) */
    int item_line;      /* the line began with a list or heading marker (- * • #) */
};

/* 1 for a mark that begins an item of a list or a heading (- 2018年：15,188, ### 小标题): such a
 * line is a block of its own */
static int is_list_marker(uint32_t c)
{
    return c == '-' || c == '*' || c == 0x2022 || c == '#';
}

/* 1 for a character a line cannot end on when it is complete: a list or clause goes on after
 * 、 ， ； ： and an opening quote or bracket (“三项工程、⏎一项管理”). */
static int continues_line(const struct normalizer *nz, uint32_t c)
{
    return in_set(nz, NZ_UNFINISHED, c);
}

/* A first line of this many characters, ending in no digit and no sentence end, is a headline
 * (shorter, it is more likely a wrap inside the opening words: 約1600吨建⏎⏎筑垃圾). */
#define TITLE_MIN_CHARS 10
#define TITLE_MAX_CHARS 64

/* Map the character about to be written at norm offset o->b.len to orig_at: it extends the
 * current run when both texts have advanced by the same number of bytes since the run began
 * (a character copied, or converted to one of the same length: 經 -> 经), else starts a run. */
static void map_char(struct out *o, size_t orig_at)
{
    if (o->nruns) {
        const struct text_run *r = &o->runs[o->nruns - 1];
        if (orig_at >= r->orig && orig_at - r->orig == o->b.len - r->norm)
            return;
    }
    if (o->nruns == o->runcap) {
        o->runcap = o->runcap ? 2 * o->runcap : 64;
        o->runs = xrealloc(o->runs, o->runcap * sizeof *o->runs);
    }
    o->runs[o->nruns++] = (struct text_run){(uint32_t)o->b.len, (uint32_t)orig_at};
}

static void emit(struct out *o, uint32_t cp, size_t orig_at)
{
    if (o->b.len + 5 > o->b.cap) /* room for a character and the NUL (checked here: a call per character shows) */
        buf_reserve(&o->b, 4);
    map_char(o, orig_at);
    int l = cp < 0x80 ? (o->b.data[o->b.len] = (char)cp, 1) : utf8_encode(cp, o->b.data + o->b.len);
    o->b.len += (size_t)l;
    if (o->line_chars == 0 && cp != '\n')
        o->item_line = is_list_marker(cp);
    o->line_chars = cp == '\n' ? 0 : o->line_chars + 1;
    if (cp == '\n')
        o->first_line = 0;
    o->ended = in_set(o->nz, NZ_STOP, cp);
    o->digit_run = is_digit(cp) ? o->digit_run + 1 : 0;
    if (!o->digit_run)
        o->spaced_run = 0;
    o->last = cp;
}

/* The plain ideograph at orig[i] (three bytes; decode_input made the text valid UTF-8), if it is one:
 * its code point, else 0. */
static inline uint32_t plain_at(const struct normalizer *nz, const char *orig, size_t len, size_t i)
{
    if (len - i < 3) /* utf8_bmp_at reads the byte at i, and the end of the text may be there */
        return 0;
    size_t l;
    uint32_t c = utf8_bmp_at((const unsigned char *)orig, len, i, &l);
    return l == 3 && is_plain_ideograph(nz, c) ? c : 0;
}

/* emit for the run of plain ideographs (plain_ideographs) at orig[*i], first its first: each is
 * three bytes in and three out, so the map needs no new run after the first character, and none is
 * a line break, list mark, sentence end or digit, so the state's answers are known. */
static void emit_plain_run(const struct normalizer *nz, struct out *o, const char *orig, size_t len, size_t *i, uint32_t first)
{
    map_char(o, *i);
    size_t k = 0;
    uint32_t c = first, cp = 0;
    do {
        if (o->b.len + 4 > o->b.cap)
            buf_reserve(&o->b, 3);
        cp = simplified(nz, c); /* no fold: plain ideographs have none */
        char *d = o->b.data + o->b.len; /* three bytes (plain_ideographs), written here: a call of
                                         * utf8_encode per character cost a quarter of the stage */
        d[0] = (char)(0xE0 | (cp >> 12));
        d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (char)(0x80 | (cp & 0x3F));
        o->b.len += 3;
        *i += 3;
        k++;
    } while ((c = plain_at(nz, orig, len, *i)) != 0);
    if (o->line_chars == 0)
        o->item_line = 0;
    o->line_chars += k;
    o->ended = 0;
    o->digit_run = 0;
    o->spaced_run = 0;
    o->last = cp;
}

/* The next visible code point at or after *i, folded; 0 at the end. */
static uint32_t peek_visible(const struct normalizer *nz, const char *s, size_t n, size_t i, size_t *digits_after)
{
    uint32_t cp = 0, first = 0;
    size_t run = 0;
    while (i < n) {
        int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!l)
            return 0;
        cp = fold(nz, cp);
        if (is_zero_width(cp)) {
            i += (size_t)l;
            continue;
        }
        if (!first) {
            if (is_space(cp)) {
                i += (size_t)l;
                continue;
            }
            first = cp;
        }
        if (!is_digit(cp))
            break;
        run++;
        i += (size_t)l;
    }
    if (digits_after)
        *digits_after = run;
    return first;
}

/* Handle the white space run starting at *i: drop it, or keep one space or one line break. */
static void white_run(const struct normalizer *nz, const char *s, size_t n, size_t *i, struct out *o)
{
    size_t start = *i;
    int newline = 0, ideographic = 0, newlines = 0;
    while (*i < n) {
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)s + *i, n - *i, &cp);
        if (!l || !(is_space(cp) || is_zero_width(cp)))
            break;
        newline |= cp == '\n';
        newlines += cp == '\n';
        ideographic |= in_set(nz, NZ_PHRASE_SPACE, cp);
        *i += (size_t)l;
    }
    size_t digits_after = 0;
    uint32_t next = peek_visible(nz, s, n, *i, &digits_after);
    uint32_t prev = o->last;
    if (!prev || !next)
        return;
    if (newline) {
        /* a headline is never part of the sentence after it, even with one line break between
         * (【标题】…新台阶⏎央视网消息：…): the first line break after a short first line stays */
        int title = o->first_line && o->line_chars >= TITLE_MIN_CHARS && o->line_chars <= TITLE_MAX_CHARS &&
                    !o->ended && !is_digit(prev) && !continues_line(nz, prev);
        /* only the text's first line break can end a headline, joined or not: after 全市新增就业⏎岗位
         * (a wrap) the next break (控制在4.5%以⏎内) is inside a sentence, however long it has grown */
        o->first_line = 0;
        /* an item of a list ends at its paragraph's end (- 2018年：15,188⏎⏎林郑月娥称…) */
        int item_end = o->item_line && (newlines >= 2 || is_list_marker(next));
        if (title || item_end || !joins_across_break(nz, prev, next))
            emit(o, '\n', start);
        return;
    }
    /* an ideographic space between phrases (新巴、城巴分阶段加12%　九巴加8.5%, a headline's
     * parts) separates them as a comma would */
    if (ideographic && !(is_digit(prev) && is_digit(next))) {
        emit(o, ',', start);
        return;
    }
    /* Spaces inside a number written digit by digit (1 9 9 3 年, 7 4 7 7 2 亿元) go; a space
     * between two numbers (图1 2019年, a table row) or two words stays. */
    if (is_digit(prev) && is_digit(next)) {
        if ((o->digit_run == 1 || o->spaced_run) && digits_after == 1)
            o->spaced_run = 1;
        else
            emit(o, ' ', start);
        return;
    }
    if (is_ascii_alnum(prev) && is_ascii_alnum(next))
        emit(o, ' ', start);
}

static void normalize(const struct normalizer *nz, const char *orig, size_t len, struct text *t);

void text_normalize(const struct normalizer *nz, const char *orig, size_t len, struct text *t)
{
    STAGE(STAGE_NORMALISE, normalize(nz, orig, len, t));
}

static void normalize(const struct normalizer *nz, const char *orig, size_t len, struct text *t)
{
    /* normalising never lengthens the text by more than a few bytes: size the buffers once */
    struct out o = {.nz = nz};
    o.first_line = 1;
    o.b.cap = len + 16;
    o.b.data = xmalloc(o.b.cap);
    size_t i = 0;
    while (i < len) {
        uint32_t c = plain_at(nz, orig, len, i);
        if (c) {
            emit_plain_run(nz, &o, orig, len, &i, c);
            continue;
        }
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)orig + i, len - i, &cp);
        if (!l) { /* decode_input guarantees UTF-8; be safe anyway */
            i++;
            continue;
        }
        if (is_space(cp)) {
            white_run(nz, orig, len, &i, &o);
            continue;
        }
        if (is_zero_width(cp)) {
            i += (size_t)l;
            continue;
        }
        if (cp == '(' && in_set(nz, NZ_IDEOGRAPH, o.last)) {
            size_t skip = pinyin_annotation(orig + i, len - i);
            if (skip) {
                i += skip;
                continue;
            }
        }
        emit(&o, fold(nz, cp), i);
        i += (size_t)l;
    }
    /* PCRE2's JIT reads the subject a word at a time, past its end into the spare capacity:
     * harmless, but valgrind reports every such read of uninitialised bytes. */
    memset(o.b.data + o.b.len, 0, o.b.cap - o.b.len);
    t->orig = orig;
    t->orig_len = len;
    t->norm = o.b.data;
    t->norm_len = o.b.len;
    t->runs = o.runs;
    t->nruns = o.nruns;
}

size_t text_orig_at_hint(const struct text *t, size_t i, size_t *hint)
{
    if (i >= t->norm_len || !t->nruns)
        return t->orig_len;
    while (i > 0 && ((unsigned char)t->norm[i] & 0xC0) == 0x80) /* to the start of its character */
        i--;
    size_t k = *hint < t->nruns ? *hint : 0;
    /* the run found last time, or the one after it (callers walk forward), else a binary search
     * for the last run beginning at or before i */
    if (k + 1 < t->nruns && t->runs[k + 1].norm <= i)
        k++;
    if (t->runs[k].norm > i || (k + 1 < t->nruns && t->runs[k + 1].norm <= i)) {
        size_t lo = 0, hi = t->nruns;
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (t->runs[mid].norm <= i)
                lo = mid;
            else
                hi = mid;
        }
        k = lo;
    }
    *hint = k;
    return t->runs[k].orig + (i - t->runs[k].norm);
}

size_t text_orig_at(const struct text *t, size_t i)
{
    size_t hint = 0;
    return text_orig_at_hint(t, i, &hint);
}

size_t text_orig_end(const struct text *t, size_t e)
{
    if (e == 0)
        return text_orig_at(t, 0);
    if (e >= t->norm_len)
        e = t->norm_len;
    size_t start = text_orig_at(t, e - 1);
    uint32_t cp;
    int l = utf8_decode((const unsigned char *)t->orig + start, t->orig_len - start, &cp);
    return start + (size_t)(l ? l : 1);
}

void text_free(struct text *t)
{
    free(t->norm);
    free(t->runs);
    t->norm = NULL;
    t->runs = NULL;
    t->nruns = 0;
}
