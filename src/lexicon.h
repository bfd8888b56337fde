/* lexicon: the word lists of patterns/ (units, approximation words, change verbs, subject
 * words) loaded into memory, with longest-match look-ups before or after a position.
 * It knows the words and their attributes, not how claims are assembled. */
#ifndef KEYFIG_LEXICON_H
#define KEYFIG_LEXICON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "keyfig.h"
#include "util.h"

struct patset;

/* One entry of a word list; attr is the parsed attribute column (an enum per list). */
struct lex_word {
    char *word;
    size_t len;
    int attr;
    double factor; /* units: multiple of the kind's base unit; 0 where units.tsv gives none (美元);
                      change.tsv's basis words: the enum keyfig_basis they name */
    char *text;    /* valuewords.tsv: the unit a per-word gives (%); NULL elsewhere */
};

#define LEX_BUCKETS 2048

/* One word in a list's index: the code point of its first (or, for the index by last
 * character, last) character, compared before its bytes are. */
struct lex_entry {
    uint32_t cp;
    uint32_t len;
    const char *word;
    const struct lex_word *w;
};

/* Words sorted longest first, so the first hit is the longest, and indexed by their first and
 * their last character, so a look-up compares only the few words that can match there. */
struct lex_list {
    struct lex_word *w;
    size_t n, cap;
    uint32_t first_at[LEX_BUCKETS + 1]; /* CSR: words of bucket b are first[first_at[b] ..] */
    struct lex_entry *first;
    uint32_t last_at[LEX_BUCKETS + 1];
    struct lex_entry *last;
};

/* Attributes of the subject-word list (subject.tsv). */
enum subject_role {
    SUBJ_VERB,   /* a verb or preposition: a subject named before the number starts after it */
    SUBJ_STOP,   /* ends a noun phrase that follows a classifier (的 和 累计 ...) */
    SUBJ_DROP,   /* a leading word dropped from a subject (全市 累计 ...) */
    SUBJ_FRAME,  /* a time frame or place word that is never a subject on its own (其中 全年) */
    SUBJ_MONEY,  /* a word that makes a bare amount (突破57万亿) money: 资金 投资 收入 */
    SUBJ_NOUNVERB, /* a verb that is also a noun (服务 诊疗 建设): a boundary before the number only */
    SUBJ_NOUN,   /* a noun holding a boundary word (比重 比例): read as a plain noun */
    SUBJ_BASE,   /* introduces a comparison base; the subject stands before it (X比上年, X等于Y的) */
    SUBJ_JOIN,   /* joins the items of a list (、 和 及); a boundary as SUBJ_STOP is */
    SUBJ_LIST,   /* 分别: the figures after it pair with the items of the list before it */
    SUBJ_SHARE,  /* 占: the figure is a share of the whole after it; the subject stands before it */
    SUBJ_COMPARE, /* 比 较: a base as SUBJ_BASE is; a figure right after the base's noun phrase is the
                     base's own value (较去年的预算19亿元) */
    SUBJ_DE,     /* 的 之: links a modifier to the head noun after it; a boundary as SUBJ_STOP is */
    SUBJ_MANNER  /* 按 按照: how the figure is reckoned follows (按可比价格计算); the subject stands before it */
};

/* 1 for the roles that end a noun phrase read forwards (stop, join, list). */
#define SUBJ_ENDS_PHRASE(role) ((role) == SUBJ_STOP || (role) == SUBJ_JOIN || (role) == SUBJ_LIST || (role) == SUBJ_DE)

/* Word classes of the part-of-speech lexicon (pos.tsv words, postags.tsv for jieba's tags):
 * what a word can be in a subject. */
enum pos_class {
    POS_NOUN,    /* a noun, a name, a verbal noun (服务), an abbreviation (GDP): can head a subject */
    POS_MOD,     /* an adjective or distinguishing word (平均, 城镇): inside a subject, never its end */
    POS_VERB,    /* a verb: never begins or ends a subject */
    POS_ADV,     /* an adverb (已经, 仍, 分别) */
    POS_FUNC,    /* a preposition, conjunction, particle or interjection (由, 和, 了) */
    POS_PRON,    /* a pronoun or demonstrative (其中, 每月, 他们) */
    POS_TIME,    /* a time word (今年, 去年, 目前) */
    POS_NUM,     /* a numeral or measure word (全年, 亿元, 一季度) */
    POS_PLACE,   /* a locative (以上, 之间) */
    POS_OTHER,   /* an idiom or anything else */
    POS_MEASURE, /* a noun that names a measure, not what is measured (增速, 比重, 数字, 金额): a
                    subject of its own only when no metric is named nearby */
    POS_NCLASSES
};

#define POS_IS_NOUN(cls) ((cls) == POS_NOUN || (cls) == POS_MEASURE)

/* Attributes of change.tsv. */
/* noun: a word that holds a change verb but names a quantity (增加值, 增速): no change */
/* next: a one-character verb read as a change only right before its number (加12%, 贵7毫, 升3200户),
 * since elsewhere it begins or ends other words (加强, 贵州) */
enum change_role { CHG_VERB, CHG_TO, CHG_FROM, CHG_BASIS, CHG_NOUN, CHG_NEXT };

/* Roles of valuewords.tsv: the words around or inside a numeral that the value stage (value.c)
 * reads into the figure's value, in the order of the file's role names. */
enum value_role { VAL_PER, VAL_BELOW, VAL_OVER, VAL_OF, VAL_TENTHS, VAL_TIMES, VAL_NROLES };

/* Roles of chars.tsv: characters and short function words the stages test for by what they
 * do (end a clause, link a verb to its figure, ...), in the order of the file's role names. */
enum char_role {
    CHR_CLAUSE, CHR_SENTENCE, CHR_PARTICLE, CHR_COMMON, CHR_DE, CHR_LINK, CHR_CONNECTOR, CHR_PERFECTIVE, CHR_TO,
    CHR_CURRENCY, CHR_DATE, CHR_DATE_TO, CHR_DATE_UNIT, CHR_YEAR, CHR_WIDE, CHR_TIMEFRAME, CHR_PERIOD,
    CHR_PERIOD_TAIL, CHR_COMMA, CHR_COLON, CHR_ENUM, CHR_IDEOGRAPH, CHR_FOLD, CHR_WRAP_BEFORE, CHR_WRAP_AFTER,
    CHR_OPENING, CHR_UNFINISHED, CHR_STOP, CHR_PHRASE_SPACE, CHR_RATE, CHR_NEGATION, CHR_EACH, CHR_PERSON, CHR_NROLES
};

/* The one-character entries and the U+XXXX..U+YYYY ranges of a role as a set of code points: a
 * bitmap for ASCII, sorted disjoint ranges for the rest, and, built from those when the set is
 * loaded, a two-level bitmap of the Basic Multilingual Plane: page[c >> 8] is the block of 256
 * bits that holds c (block 0 empty, block 1 full, the others shared by no page). */
struct lex_charset {
    uint32_t ascii[4];
    uint32_t (*r)[2];
    size_t n, cap;
    uint16_t *page;        /* 256 entries, NULL until the set is loaded */
    const uint32_t (*block)[8];
    /* 1 for each byte that ends the UTF-8 form of some character of the set (a scan backwards
     * decodes a character only where its last byte may be one of them) */
    unsigned char ends[256];
};

/* 1 when c is in the set, outside the BMP or before the bitmap is built. */
int lex_charset_has_range(const struct lex_charset *cs, uint32_t c);

/* 1 when c is in the set. */
static inline int lex_charset_has(const struct lex_charset *cs, uint32_t c)
{
    if (c < 128)
        return (cs->ascii[c / 32] >> (c % 32)) & 1;
    if (c < 0x10000 && cs->page)
        return (cs->block[cs->page[c >> 8]][(c >> 5) & 7] >> (c & 31)) & 1;
    return lex_charset_has_range(cs, c);
}

struct cnnum_table;

/* Attributes of article.tsv: the words the article's date and title are read with (metadata.c)
 * and the quotes left out of a subject's string (origin.c). */
enum article_role {
    ART_YEAR, ART_MONTH, ART_DAY, /* follow the digits of a date's parts */
    ART_FULL_STOP,                /* a first line that ends with it is a sentence, not the title */
    ART_QUOTE                     /* a quote mark, left out of a subject as it is cut from the original */
};

struct lexicon {
    const struct cnnum_table *numerals; /* borrowed: the numeral table loaded beside it (numerals.tsv) */
    struct lex_list units;     /* attr: enum keyfig_kind */
    struct lex_list notunits;  /* words that begin like a unit but are none (人口 家庭) */
    struct lex_list approx_pre, approx_mid, approx_post; /* attr: enum keyfig_approx */
    struct lex_list change;    /* attr: direction*16 + enum change_role */
    struct lex_list subject;   /* attr: enum subject_role */
    struct lex_list pos;       /* pos.tsv: the class of a word, over jieba's tag; attr: enum pos_class */
    struct lex_list postags;   /* postags.tsv: the class of each of jieba's tags; attr: enum pos_class */
    struct lex_list chars[CHR_NROLES];      /* chars.tsv: the entries of each role */
    struct lex_charset charset[CHR_NROLES]; /* chars.tsv: the characters and ranges of each role */
    struct lex_list article;   /* article.tsv; attr: enum article_role */
    /* The word of change.tsv that names each enum keyfig_basis in the output (its first basis
     * word marked yoy, mom); NULL for KEYFIG_BASIS_NONE. Points into change. */
    const char *basis_word[3];
    struct lex_list valuewords; /* valuewords.tsv; attr: enum value_role, text: a per-word's unit */
    /* the class (enum pos_class) of each tag number of jieba's table, by postags.tsv: made at
     * load (poslex_tag_classes), read by the segmenter for every word */
    signed char tag_class[256];
};

/* The class (enum pos_class) named by s ("noun", "verb", ...), or -1. */
int pos_class_from_name(const char *s);

/* Load units.tsv, approx.tsv, change.tsv, subject.tsv, pos.tsv, postags.tsv, chars.tsv, article.tsv and valuewords.tsv. Caller owns the result
 * (lexicon_free); NULL with err filled (KEYFIG_STATUS_PATTERN, file:line) on bad data. */
struct lexicon *lexicon_load(struct patset *ps, struct keyfig_error *err);
void lexicon_free(struct lexicon *lx);

/* The code point s starts with, as the index reads it: the common one- and three-byte forms
 * decoded without validation (this runs at every word look-up; the index is built with the same
 * function, so a word and the text it matches always agree), others by utf8_decode (0 when
 * invalid). */
static inline uint32_t lex_cp_first(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t cp = 0;
    if (u[0] < 0x80)
        cp = u[0];
    else if ((u[0] & 0xF0) == 0xE0 && n >= 3)
        cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    else
        utf8_decode(u, n, &cp);
    return cp;
}

/* The code point of the character that ends s[0, end), read as lex_cp_first reads it. */
static inline uint32_t lex_cp_last(const char *s, size_t end)
{
    size_t i = end;
    while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80)
        ;
    return lex_cp_first(s + i, end - i);
}

/* 1 when a[0, n) equals b[0, n): words are a few bytes, too short for a call to memcmp to pay;
 * compared four bytes at a time (a Chinese word's characters are three). */
static inline int lex_same_bytes(const char *a, const char *b, size_t n)
{
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        uint32_t x, y;
        memcpy(&x, a + i, 4);
        memcpy(&y, b + i, 4);
        if (x != y)
            return 0;
    }
    for (; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* The longest word of l that starts at s[at] (within s[0..n)), or NULL. Inline: the stages
 * and the segmenter ask millions of times. */
static inline const struct lex_word *lex_at(const struct lex_list *l, const char *s, size_t n, size_t at)
{
    if (at >= n || !l->n)
        return NULL;
    uint32_t cp = lex_cp_first(s + at, n - at);
    unsigned b = cp % LEX_BUCKETS;
    for (uint32_t k = l->first_at[b]; k < l->first_at[b + 1]; k++) {
        const struct lex_entry *e = &l->first[k];
        if (e->cp == cp && e->len <= n - at && lex_same_bytes(s + at, e->word, e->len))
            return e->w;
    }
    return NULL;
}

/* The longest word of l that ends exactly at s[end] (not before s[floor]), or NULL. */
static inline const struct lex_word *lex_before(const struct lex_list *l, const char *s, size_t floor, size_t end)
{
    if (end <= floor || !l->n)
        return NULL;
    uint32_t cp = lex_cp_last(s + floor, end - floor);
    unsigned b = cp % LEX_BUCKETS;
    for (uint32_t k = l->last_at[b]; k < l->last_at[b + 1]; k++) {
        const struct lex_entry *e = &l->last[k];
        if (e->cp == cp && e->len <= end - floor && lex_same_bytes(s + end - e->len, e->word, e->len))
            return e->w;
    }
    return NULL;
}
/* Load the characters and ranges of role r of chars.tsv alone into cs (for a stage that needs no
 * other word list). Caller owns cs (lex_charset_free); -1 with err filled on bad data. */
int lex_charset_load(struct patset *ps, enum char_role r, struct lex_charset *cs, struct keyfig_error *err);
void lex_charset_free(struct lex_charset *cs);
/* The sets of n roles of chars.tsv at once, into out[0..n) (as lex_charset_load; one read of the file). */
int lex_charsets_load(struct patset *ps, const enum char_role *roles, size_t n, struct lex_charset *out,
                      struct keyfig_error *err);

/* 1 when a word of l starts anywhere in s[a..b). */
int lex_in(const struct lex_list *l, const char *s, size_t a, size_t b);

/* The kind named by s ("count", "money", ...), or -1. */
int kind_from_name(const char *s);

#endif
