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
    struct keyfig_claim *claims; /* made from the drafts kept, by finish_claims */
    size_t nclaims;
    struct arena strings;       /* every string the claims point to */
};

/* keyfig_patterns_load with its options: lint (NULL: none; warned about rules that may
 * backtrack badly) and normalizer (0: skip building the traditional->simplified table, for
 * callers that only check the pattern data). Caller owns the result; NULL with err filled. */
struct keyfig_patterns *patterns_load(const char *dir, const struct kf_warner *lint, int normalizer,
                                      struct keyfig_error *err);

/* 0 when an article of len bytes (as given, or decoded, or normalised) fits the 32-bit offsets
 * of the offset map; else -1 with err filled (KEYFIG_STATUS_INPUT). */
int article_check_size(uint64_t len, const char *source, struct keyfig_error *err);

/* Find the claims of a (its txt already normalised) into a->drafts. */
struct matcher;
void claims_find(const struct keyfig_patterns *p, struct matcher *m, struct keyfig_article *a, int all);

/* json.c: write a's document (CLAIMS.md), its claims taken from next(ctx) one by one until it
 * returns NULL. Returns 0; -1 once write fails; -2 when memory ran out or Jansson could not
 * encode a value. */
int json_write(const struct keyfig_article *a, int compact, const struct keyfig_claim *(*next)(void *ctx), void *ctx,
               keyfig_write_fn write, void *data);
/* json_write's result as an enum keyfig_status: OK, WRITE (-1) or NOMEM (-2). */
int json_status(int rc);

#endif
