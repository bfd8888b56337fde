/* patset: the pattern data files (the .tsv and .rules files of patterns/) as named byte buffers, either
 * the copy compiled into the binary or the files of a directory given at run time.
 * It only finds and reads files; parsing them is each stage's business. */
#ifndef KEYFIG_PATSET_H
#define KEYFIG_PATSET_H

#include <stddef.h>
#include "keyfig.h"

struct patset;

/* Open the set in dir, or the built-in set when dir is NULL. Caller owns the result. */
struct patset *patset_open(const char *dir, struct keyfig_error *err);
void patset_free(struct patset *ps);

/* The contents of file name (e.g. "units.tsv"): borrowed, NUL-terminated, valid until
 * patset_free. *path receives the name to use in messages ("patterns/units.tsv").
 * Returns NULL with err filled when the file is missing or unreadable. */
const char *patset_get(struct patset *ps, const char *name, size_t *len, const char **path,
                       struct keyfig_error *err);

/* The name of the i-th file of the built-in pattern set (patterns/, names in byte order), NULL
 * past the last: what a pattern directory given at run time must hold. */
const char *patset_builtin_name(size_t i);

/* Built-in files other than pattern data (plot templates, the report page), by file name. */
const char *embedded_get(const char *name, size_t *len);

#endif
