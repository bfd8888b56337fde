/* json: the write stage. An article, through the public view of keyfig.h only, as the JSON
 * document of CLAIMS.md, written claim by claim through write(bytes, len, data). Defined in
 * json.c, the only file of libkeyfig that includes jansson.h. */
#ifndef KEYFIG_JSON_H
#define KEYFIG_JSON_H

#include <stddef.h>
#include "keyfig.h"
#include "util.h"

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
    struct json_cache *cache; /* json.c's: the Jansson values it reuses, encodings it keeps */
};

void json_writer_init(struct json_writer *w, const struct keyfig_article *a, int compact, keyfig_write_fn write,
                      void *data);
/* The article object is written before the first claim (or by json_writer_end): a's title, date
 * and items must be known by then. */
void json_writer_claim(struct json_writer *w, const struct keyfig_claim *c);
/* Returns 0; -1 once write failed; -2 when memory ran out or Jansson could not encode a value. */
int json_writer_end(struct json_writer *w);
/* json_writer_end's result as an enum keyfig_status: OK, WRITE (-1) or NOMEM (-2). */
int json_status(int rc);

/* One claim as the writer writes it (at the top level, not inside a document), and as Jansson
 * dumps the same claim built as a tree: the two must be equal (tests and fuzzing compare them).
 * Newly allocated (free), NULL when memory ran out. */
char *json_claim_direct(const struct keyfig_claim *c, int compact);
char *json_claim_reference(const struct keyfig_claim *c, int compact);
/* The n claims at c written one after the other by one writer (so that what it keeps from claim
 * to claim is used), each at the top level, a line break between two: equal to their
 * json_claim_reference joined by line breaks. Newly allocated (free), NULL when memory ran out. */
char *json_claims_direct(const struct keyfig_claim *c, size_t n, int compact);

#endif
