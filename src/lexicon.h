/* lexicon: the word lists of patterns/ (units, approximation words, change verbs, subject
 * words) loaded into memory, with longest-match look-ups before or after a position.
 * It knows the words and their attributes, not how claims are assembled. */
#ifndef KEYFIG_LEXICON_H
#define KEYFIG_LEXICON_H

#include <stddef.h>
#include "keyfig.h"

struct patset;

/* One entry of a word list; attr is the parsed attribute column (an enum per list). */
struct lex_word {
    char *word;
    size_t len;
    int attr;
    double factor; /* units: multiple of the kind's base unit; 0 where units.tsv gives none (美元) */
};

#define LEX_BUCKETS 2048

/* Words sorted longest first, so the first hit is the longest, and indexed by their first and
 * their last character, so a look-up compares only the few words that can match there. */
struct lex_list {
    struct lex_word *w;
    size_t n;
    size_t first_at[LEX_BUCKETS + 1], *first; /* CSR: words of bucket b are first[first_at[b] ..] */
    size_t last_at[LEX_BUCKETS + 1], *last;
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
    SUBJ_LIST    /* 分别: the figures after it pair with the items of the list before it */
};

/* 1 for the roles that end a noun phrase read forwards (stop, join, list). */
#define SUBJ_ENDS_PHRASE(role) ((role) == SUBJ_STOP || (role) == SUBJ_JOIN || (role) == SUBJ_LIST)

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

struct lexicon {
    struct lex_list units;     /* attr: enum keyfig_kind */
    struct lex_list notunits;  /* words that begin like a unit but are none (人口 家庭) */
    struct lex_list approx_pre, approx_mid, approx_post; /* attr: enum keyfig_approx */
    struct lex_list change;    /* attr: direction*16 + enum change_role */
    struct lex_list subject;   /* attr: enum subject_role */
    struct lex_list pos;       /* pos.tsv: the class of a word, over jieba's tag; attr: enum pos_class */
    struct lex_list postags;   /* postags.tsv: the class of each of jieba's tags; attr: enum pos_class */
};

/* The class (enum pos_class) named by s ("noun", "verb", ...), or -1. */
int pos_class_from_name(const char *s);

/* Load units.tsv, approx.tsv, change.tsv, subject.tsv, pos.tsv and postags.tsv. Caller owns the result
 * (lexicon_free); NULL with err filled (KEYFIG_STATUS_PATTERN, file:line) on bad data. */
struct lexicon *lexicon_load(struct patset *ps, struct keyfig_error *err);
void lexicon_free(struct lexicon *lx);

/* The longest word of l that starts at s[at] (within s[0..n)), or NULL. */
const struct lex_word *lex_at(const struct lex_list *l, const char *s, size_t n, size_t at);
/* The longest word of l that ends exactly at s[end] (not before s[floor]), or NULL. */
const struct lex_word *lex_before(const struct lex_list *l, const char *s, size_t floor, size_t end);
/* The kind named by s ("count", "money", ...), or -1. */
int kind_from_name(const char *s);

#endif
