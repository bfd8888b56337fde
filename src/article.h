/* article: the in-memory article (decoded text, normalised text with its offset map, items,
 * claims) shared by the extraction stages, and the pattern set they use. Internal to libkeyfig. */
#ifndef KEYFIG_ARTICLE_H
#define KEYFIG_ARTICLE_H

#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "keyfig.h"
#include "reader.h"
#include "text.h"
#include "util.h"

struct keyfig_patterns {
    struct patset *ps;
    struct lexicon *lx;
    struct rules *rules;
    struct cnnum_table *num;
    struct normalizer *nz;
    struct html_rules *html;
};

/* A claim while it is assembled: its facts under the names struct keyfig_claim gives them, and
 * offsets into the normalised text. Strings and spans are made only when the claim is finished
 * (extract.c), so a draft is half the size of a claim: an article can have 100,000 of them. */
struct draft {
    double value, low, high, from;
    const char *reason;         /* why it was set aside, else NULL */
    const char *rule;
    const char *unit_text;      /* a unit not in the text (百分之 -> "%"), else NULL */
    size_t start, end;          /* the claim's text */
    size_t num_s, num_e;        /* the number as written */
    size_t subj_s, subj_e;      /* the subject, or equal when none */
    size_t subj2_s, subj2_e;    /* a piece joined after it (药品收入 + 占总收入), or equal when none */
    size_t unit_s, unit_e;
    enum keyfig_kind kind;
    enum keyfig_approx approx;
    enum keyfig_direction direction;
    enum keyfig_basis basis;
    char is_claim, has_range, has_from;
    char dropped;               /* merged into a later claim (the "from" of 由X增加到Y) */
    unsigned char subj_rule;    /* how the subject was found: enum subject_rule */
    int id;                     /* the claim's id: see keyfig_claim.id */
};

struct keyfig_article {
    char *id, *source, *title, *date, *url;
    const char *format;         /* "text", "html", "pdf" or "jsonl" */
    struct decoded dec;
    struct pdf_place *places;   /* PDF: page and box of every byte of dec.text; else NULL */
    struct text txt;
    size_t *item_starts;        /* normalised offsets where items 2, 3, ... begin */
    size_t nitems;
    struct draft *drafts;
    size_t ndrafts, capdrafts;
    int numbers;                /* numbers claims_find has met so far: a new draft's id */
    size_t list_next;           /* the first draft the 分别-list pairing has not looked at */
    struct keyfig_claim *claims; /* made from the drafts kept, by finish_claims */
    size_t nclaims;
    struct arena strings;       /* every string the claims point to */
    const struct lexicon *lx;   /* the pattern set's word lists (sentence ends for finishing); borrowed */
};

/* keyfig_patterns_load with its options: lint (NULL: none; warned about rules that may
 * backtrack badly) and normalizer (0: skip building the traditional->simplified table, for
 * callers that only check the pattern data). Caller owns the result; NULL with err filled. */
struct keyfig_patterns *patterns_load(const char *dir, const struct kf_warner *lint, int normalizer,
                                      struct keyfig_error *err);

/* 0 when an article of len bytes (as given, or decoded, or normalised) fits the 32-bit offsets
 * of the offset map; else -1 with err filled (KEYFIG_STATUS_INPUT). */
int article_check_size(uint64_t len, const char *source, struct keyfig_error *err);

/* Find the claims of a (its txt already normalised) into a->drafts. With emit, each draft is
 * handed to emit(ctx, a, draft) as soon as no later number can change it, and forgotten: memory
 * then holds a window of drafts, not one per number of the article (10^6 in 5 MB of "1%，"). */
struct matcher;
typedef void (*draft_fn)(void *ctx, struct keyfig_article *a, const struct draft *d);
void claims_find(const struct keyfig_patterns *p, struct matcher *m, struct keyfig_article *a, int all, draft_fn emit,
                 void *ctx);

/* json.c: CLAIMS.md's document, written claim by claim through write(bytes, len, data). */
struct json_writer {
    const struct keyfig_article *a;
    keyfig_write_fn write;
    void *data;
    int failed;         /* 1: the writer failed; 2: Jansson could not encode (out of memory) */
    int depth;          /* indent every line after the first by 2*depth spaces */
    int compact, begun;
    int level, first;   /* a claim being written: its nesting (indent 2*level), no member yet */
    size_t flags, n;
    struct buf out;     /* goes to write in large pieces */
};
void json_writer_init(struct json_writer *w, const struct keyfig_article *a, int compact, keyfig_write_fn write,
                      void *data);
/* The article object is written before the first claim (or by json_writer_end): a's title, date
 * and items must be known by then. */
void json_writer_claim(struct json_writer *w, const struct keyfig_claim *c);
/* Returns 0; -1 once write failed; -2 when memory ran out or Jansson could not encode a value. */
int json_writer_end(struct json_writer *w);
/* One claim as the writer writes it (at the top level, not inside a document), and as Jansson
 * dumps the same claim built as a tree: the two must be equal (tests and fuzzing compare them).
 * Newly allocated (free), NULL when memory ran out. */
char *json_claim_direct(const struct keyfig_claim *c, int compact);
char *json_claim_reference(const struct keyfig_claim *c, int compact);
/* json_writer_end's result as an enum keyfig_status: OK, WRITE (-1) or NOMEM (-2). */
int json_status(int rc);

#endif
