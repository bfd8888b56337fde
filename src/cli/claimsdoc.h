/* claimsdoc: read claims JSON (as `keyfig extract` writes it: one document, an array of
 * documents, or JSON Lines) into plain C structs, for the commands that consume claims
 * (plot, report, eval, load), and write a claim back as the review page's flat JSON, both from
 * one table of a claim's fields. It does not validate claims against articles. */
#ifndef KEYFIG_CLAIMSDOC_H
#define KEYFIG_CLAIMSDOC_H

#include <stddef.h>
#include "keyfig.h"

struct cd_claim {
    int id;
    int is_claim;              /* "claim": false for numbers set aside (--all) */
    char *reason;              /* NULL when null */
    double value;
    char *value_text, *unit, *kind, *subject, *approx; /* "" / NULL as in the JSON (null -> NULL) */
    int has_range;
    double low, high;
    char *direction;           /* NULL when "change" is null */
    int has_from;
    double from;
    char *basis;
    size_t start, end, byte_start, byte_end; /* span */
    char *text, *sentence, *rule;
    char *subject_rule;        /* how the subject was found; NULL when null or absent (older JSON) */
    int item;
    int page;                  /* PDF input: 1-based page; 0 when null */
    char *bbox;                /* the bbox array as compact JSON text, NULL where absent */
};

struct cd_article {
    char *id, *source, *title, *date; /* NULL when null */
    char *url, *format;               /* NULL when absent or null */
    int items;
    struct cd_claim *claims;
    size_t nclaims;
};

struct cd_list {
    struct cd_article *articles;
    size_t n;
};

/* Parse text[0..len) (path names it in messages). Appends to out, which the caller owns and
 * frees with claimsdoc_free. Returns 0, or -1 with err filled ("path:line: ..." for JSON Lines). */
int claimsdoc_parse(const char *text, size_t len, const char *path, struct cd_list *out, struct keyfig_error *err);
/* 1 when the first JSON value in text[0..len) is a claims document (an object with "claims" or
 * "article") or an array, not a JSON Lines article record {"id": ..., "text": ...}. */
int claimsdoc_is_claims(const char *text, size_t len);
/* The same for a file ("-" is stdin). */
int claimsdoc_read(const char *path, struct cd_list *out, struct keyfig_error *err);
void claimsdoc_free(struct cd_list *l);
/* Jansson's error text for a user: its flag names (JSON_ALLOW_NUL) replaced by what they mean. */
const char *claimsdoc_json_error(const char *text);

struct buf;
/* Append claim c to b as one flat JSON object that is safe inside a page's <script> (pagejson.h):
 * every field the reader knows under its own key, the members of "change" and "span" lifted to
 * the top (direction, from, start, ...), the range as [low, high], null where absent; except the
 * fields whose keys are in leave_out (NULL-terminated; NULL leaves none out). */
void claimsdoc_write_flat(struct buf *b, const struct cd_claim *c, const char *const *leave_out);
/* Append s (NULL: "") to b as a JSON string literal, quotes and escapes included. */
void claimsdoc_json_string(struct buf *b, const char *s);

#endif
