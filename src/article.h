/* article: the data every extraction stage shares: the in-memory article (decoded text,
 * normalised text with its offset map, items, drafts, claims) and the pattern set. Types only:
 * each stage's functions are declared in its own header (extract.h, claim.h, finish.h,
 * metadata.h, json.h). Internal to libkeyfig. */
#ifndef KEYFIG_ARTICLE_H
#define KEYFIG_ARTICLE_H

#include <stddef.h>
#include <stdint.h>
#include "decode.h"
#include "keyfig.h"
#include "reader.h"
#include "text.h"
#include "util.h"

struct poslex_memo;

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
 * (finish.c), so a draft is half the size of a claim: an article can have 100,000 of them. */
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
    struct keyfig_claim *claims; /* made from the drafts kept, by finish_claims (finish.c) */
    size_t nclaims;
    struct arena strings;       /* every string the claims point to */
    const struct lexicon *lx;   /* the pattern set's word lists (sentence ends for finishing); borrowed */
    struct poslex_memo *segmemo; /* the splits of txt.norm's stretches, while claims_find runs; else NULL */
};

/* What claims_find (claim.c) hands a draft to when it streams: see claim.h. */
typedef void (*draft_fn)(void *ctx, struct keyfig_article *a, const struct draft *d);

#endif
