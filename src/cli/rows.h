/* rows: claims as rows of text for people and spreadsheets: an aligned table for a terminal,
 * CSV (RFC 4180, optionally with a UTF-8 byte order mark for Excel), TSV or JSON Lines. Used
 * by `query`, `extract --format` and `conflicts`. It formats; it does not choose rows. */
#ifndef KEYFIG_ROWS_H
#define KEYFIG_ROWS_H

#include <stdio.h>

#include "claimsdoc.h"

enum rows_format { ROWS_TABLE, ROWS_CSV, ROWS_TSV, ROWS_JSONL };

/* The format named s ("table", "csv", "tsv", "jsonl"): 0, or -1 when unknown. */
int rows_format_parse(const char *s, enum rows_format *f);

struct rows_out;

/* Rows of ncols columns named header[] (borrowed, kept until rows_end); numeric[i] marks a
 * column written as a JSON number in JSON Lines. bom: begin CSV with U+FEFF. Caller owns the
 * result and ends it with rows_end. */
struct rows_out *rows_begin(FILE *f, enum rows_format fmt, int bom, const char *const *header, const int *numeric,
                            int ncols);
/* One row; cells are copied, NULL is an empty cell (null in JSON Lines). */
void rows_add(struct rows_out *o, const char *const *cells);
/* Write what a table held back, and free o. */
void rows_end(struct rows_out *o);

/* The columns of a claim row, as query and extract --format write them. */
#define ROWS_CLAIM_COLS 10
extern const char *const rows_claim_header[ROWS_CLAIM_COLS];
extern const int rows_claim_numeric[ROWS_CLAIM_COLS];

/* A number as the claims JSON writes it (15 significant digits, whole numbers without a point),
 * into out[0..n). */
void rows_number(double v, char *out, size_t n);

/* Append s to b as a TSV field: tab, line breaks and backslash escaped as \t \n \r \\ (also
 * PostgreSQL's COPY text format). */
struct buf;
void rows_tsv_field(struct buf *b, const char *s);

/* Add the rows of article a's claims (numbers set aside skipped). */
void rows_add_article(struct rows_out *o, const struct cd_article *a);

#endif
