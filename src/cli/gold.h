/* gold: read gold-claim TSV files (CLAIMS.md "Gold files") and find each gold surface in its
 * article the way the reference scorer does (white space ignored, #N for the Nth occurrence). */
#ifndef KEYFIG_GOLD_H
#define KEYFIG_GOLD_H

#include <stddef.h>
#include "keyfig.h"

struct gold_claim {
    char *article, *surface, *unit, *kind, *subject, *approx, *change; /* "" when empty */
    int nth;
    double value;
    int optional;
    long start, end; /* code-point span in the article, -1 when not found */
};

struct gold_set {
    struct gold_claim *g;
    size_t n;
};

/* Parse text[0..len) (path names it in messages) and append to out (caller frees with
 * gold_free). Returns 0, or -1 with err ("path:line: ...") for a malformed line. */
int gold_parse(const char *text, size_t len, const char *path, struct gold_set *out, struct keyfig_error *err);
void gold_free(struct gold_set *s);

/* Locate surface (its nth occurrence) in text as code points, ignoring white space.
 * Returns 0 and sets [*start, *end), or -1. */
int gold_locate(const char *text, size_t len, const char *surface, int nth, long *start, long *end);

#endif
