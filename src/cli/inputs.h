/* inputs: the articles named on a command line — files, directories of *.txt, *.html, *.htm and
 * *.pdf (sorted; with their subdirectories when recursive), "-" for standard input, or JSON Lines
 * records {"id": ..., "text": ...} — delivered one at a time. */
#ifndef KEYFIG_INPUTS_H
#define KEYFIG_INPUTS_H

#include <stdio.h>
#include <stddef.h>
#include "keyfig.h"

struct input_article {
    char *id;       /* file name without extension (in a directory: its path relative to the
                     * directory named, "2024/03/a"), or the record's id */
    char *source;   /* the path (for a record: its "source" string, else the path; "-" for stdin) */
    char *text;
    size_t len;
    size_t record_line; /* a JSON Lines record not yet decoded: its line number in source */
    char *title, *date, *url; /* a record's fields of those names, else NULL */
    int utf8;       /* text is a record's string as Jansson decoded it: valid UTF-8 */
};

struct input_opts {
    int jsonl;              /* read the files as JSON Lines records */
    size_t max_bytes;       /* refuse larger articles */
    int recursive;          /* walk the subdirectories of a directory */
    const char *glob;       /* which files of a directory to read (fnmatch), NULL: the default set */
    const char *text_field; /* the record key holding the text, NULL: "text" */
};

struct inputs;

/* paths: the PATH arguments, read as o says (copied). Caller owns the result. */
struct inputs *inputs_open(char **paths, int npaths, const struct input_opts *o);
/* The next article: 1 with *out filled (caller frees with input_article_free), 0 at the end,
 * -1 for an article that could not be read (err filled; the caller reports it and goes on). */
int inputs_next(struct inputs *in, struct input_article *out, struct keyfig_error *err);
/* Decode a JSON Lines record that inputs_next delivered undecoded (record_line set) into its
 * id, text and source: 0, or -1 for a bad record (err filled, naming source:line). Does nothing
 * to an article read from a file. o gives max_bytes and text_field (NULL: no limit, "text").
 * Safe on any thread. */
int input_record_decode(struct input_article *a, const struct input_opts *o, struct keyfig_error *err);
/* Record every input file in files, so that no output of the run replaces one. */
struct fs_files;
void inputs_protect(const struct inputs *in, struct fs_files *files);
/* 1 when the arguments name exactly one article file (stdout then gets one document, not an array). */
int inputs_single(const struct inputs *in);
/* Bytes of input consumed so far, and the total of all inputs (0 when unknown: a pipe). */
size_t inputs_bytes_done(const struct inputs *in);
size_t inputs_bytes_total(const struct inputs *in);
void inputs_close(struct inputs *in);
void input_article_free(struct input_article *a);

#endif
