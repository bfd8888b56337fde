/* inputs: the articles named on a command line — files, directories of *.txt (sorted), "-" for
 * standard input, or JSON Lines records {"id": ..., "text": ...} — delivered one at a time. */
#ifndef KEYFIG_INPUTS_H
#define KEYFIG_INPUTS_H

#include <stdio.h>
#include <stddef.h>
#include "keyfig.h"

struct input_article {
    char *id;       /* file name without extension, or the record's id */
    char *source;   /* the path (for a record: its "source" string, else the path; "-" for stdin) */
    char *text;
    size_t len;
    size_t record_line; /* a JSON Lines record not yet decoded: its line number in source */
};

struct inputs;

/* paths: the PATH arguments; jsonl: read them as JSON Lines records. max_bytes: refuse larger
 * articles. Caller owns the result. */
struct inputs *inputs_open(char **paths, int npaths, int jsonl, size_t max_bytes);
/* The next article: 1 with *out filled (caller frees with input_article_free), 0 at the end,
 * -1 for an article that could not be read (err filled; the caller reports it and goes on). */
int inputs_next(struct inputs *in, struct input_article *out, struct keyfig_error *err);
/* Decode a JSON Lines record that inputs_next delivered undecoded (record_line set) into its
 * id, text and source: 0, or -1 for a bad record (err filled, naming source:line). Does nothing
 * to an article read from a file. Safe on any thread. */
int input_record_decode(struct input_article *a, size_t max_bytes, struct keyfig_error *err);
/* The same with the text under another member than "text" (report --text-field). */
int input_record_decode_field(struct input_article *a, const char *field, size_t max_bytes, struct keyfig_error *err);
/* 1 when the arguments name exactly one article file (stdout then gets one document, not an array). */
int inputs_single(const struct inputs *in);
/* Bytes of input consumed so far, and the total of all inputs (0 when unknown: a pipe). */
size_t inputs_bytes_done(const struct inputs *in);
size_t inputs_bytes_total(const struct inputs *in);
void inputs_close(struct inputs *in);
void input_article_free(struct input_article *a);

#endif
