/* rows: the four row formats. A table is held back until the end to align its columns (its
 * sentences cut to SENTENCE_CELLS); CSV, TSV and JSON Lines stream row by row. */
#include "rows.h"

#include <stdlib.h>
#include <string.h>

#include "cells.h"
#include "util.h"

#define SENTENCE_CELLS 60 /* a table's longest cell: a terminal line still shows the others */

const char *const rows_claim_header[ROWS_CLAIM_COLS] = {"article", "date", "claim", "kind", "value",
                                                        "value_text", "unit", "subject", "approx", "sentence"};
const int rows_claim_numeric[ROWS_CLAIM_COLS] = {0, 0, 1, 0, 1, 0, 0, 0, 0, 0};

struct rows_out {
    FILE *f;
    enum rows_format fmt;
    const char *const *header;
    const int *numeric;
    int ncols;
    char **held; /* a table's cells, row after row */
    size_t nheld;
};

int rows_format_parse(const char *s, enum rows_format *f)
{
    static const char *const names[] = {"table", "csv", "tsv", "jsonl"};
    for (int i = 0; i < 4; i++)
        if (!strcmp(s, names[i])) {
            *f = (enum rows_format)i;
            return 0;
        }
    return -1;
}

void rows_number(double v, char *out, size_t n)
{
    snprintf(out, n, "%.15g", v);
}

/* RFC 4180: a field holding a comma, a quote or a line break is quoted, its quotes doubled. */
static void csv_field(struct buf *b, const char *s)
{
    if (!s[strcspn(s, ",\"\r\n")]) {
        buf_adds(b, s);
        return;
    }
    buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            buf_addc(b, '"');
        buf_addc(b, *s);
    }
    buf_addc(b, '"');
}

/* TSV: tabs, line breaks and backslashes escaped as \t \n \r \\ (the convention of PostgreSQL's
 * text COPY and of most TSV readers), so every record is one line. */
void rows_tsv_field(struct buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '\t': buf_adds(b, "\\t"); break;
        case '\n': buf_adds(b, "\\n"); break;
        case '\r': buf_adds(b, "\\r"); break;
        case '\\': buf_adds(b, "\\\\"); break;
        default: buf_addc(b, *s);
        }
    }
}

static void write_line(struct rows_out *o, const char *const *cells)
{
    struct buf b = {0};
    for (int i = 0; i < o->ncols; i++) {
        const char *c = cells[i] ? cells[i] : "";
        if (o->fmt == ROWS_CSV) {
            if (i)
                buf_addc(&b, ',');
            csv_field(&b, c);
        } else if (o->fmt == ROWS_TSV) {
            if (i)
                buf_addc(&b, '\t');
            rows_tsv_field(&b, c);
        } else {
            buf_adds(&b, i ? ", " : "{");
            claimsdoc_json_string(&b, o->header[i]);
            buf_adds(&b, ": ");
            if (!cells[i])
                buf_adds(&b, "null");
            else if (o->numeric[i])
                buf_adds(&b, c);
            else
                claimsdoc_json_string(&b, c);
        }
    }
    if (o->fmt == ROWS_JSONL)
        buf_addc(&b, '}');
    buf_adds(&b, o->fmt == ROWS_CSV ? "\r\n" : "\n");
    fwrite(b.data, 1, b.len, o->f);
    buf_free(&b);
}

struct rows_out *rows_begin(FILE *f, enum rows_format fmt, int bom, const char *const *header, const int *numeric,
                            int ncols)
{
    struct rows_out *o = xcalloc(1, sizeof *o);
    o->f = f;
    o->fmt = fmt;
    o->header = header;
    o->numeric = numeric;
    o->ncols = ncols;
    if (fmt == ROWS_CSV && bom)
        fputs("\xEF\xBB\xBF", f);
    if (fmt == ROWS_CSV || fmt == ROWS_TSV)
        write_line(o, header);
    return o;
}

void rows_add(struct rows_out *o, const char *const *cells)
{
    if (o->fmt != ROWS_TABLE) {
        write_line(o, cells);
        return;
    }
    o->held = xrealloc(o->held, (o->nheld + 1) * o->ncols * sizeof *o->held);
    for (int i = 0; i < o->ncols; i++) {
        struct buf b = {0};
        cells_add_clean(&b, cells[i] ? cells[i] : "", SENTENCE_CELLS);
        o->held[o->nheld * o->ncols + i] = b.data ? b.data : xstrdup("");
    }
    o->nheld++;
}

/* The table: a header, then the rows, columns padded to their widest cell (numbers to the
 * right), two spaces apart; the last column is not padded. */
static void write_table(struct rows_out *o)
{
    size_t *w = xcalloc(o->ncols, sizeof *w);
    for (int i = 0; i < o->ncols; i++)
        w[i] = cells_width(o->header[i]);
    for (size_t r = 0; r < o->nheld; r++)
        for (int i = 0; i < o->ncols; i++) {
            size_t c = cells_width(o->held[r * o->ncols + i]);
            w[i] = c > w[i] ? c : w[i];
        }
    for (size_t r = 0; r <= o->nheld; r++) {
        struct buf b = {0};
        for (int i = 0; i < o->ncols; i++) {
            const char *c = r ? o->held[(r - 1) * o->ncols + i] : o->header[i];
            size_t pad = w[i] - cells_width(c);
            int last = i + 1 == o->ncols;
            if (o->numeric[i])
                buf_printf(&b, "%*s%s", (int)pad, "", c);
            else
                buf_printf(&b, "%s%*s", c, last ? 0 : (int)pad, "");
            if (!last)
                buf_adds(&b, "  ");
        }
        buf_addc(&b, '\n');
        fwrite(b.data, 1, b.len, o->f);
        buf_free(&b);
    }
    free(w);
}

void rows_end(struct rows_out *o)
{
    if (!o)
        return;
    if (o->fmt == ROWS_TABLE)
        write_table(o);
    for (size_t i = 0; i < o->nheld * o->ncols; i++)
        free(o->held[i]);
    free(o->held);
    free(o);
}

void rows_add_article(struct rows_out *o, const struct cd_article *a)
{
    for (size_t i = 0; i < a->nclaims; i++) {
        const struct cd_claim *c = &a->claims[i];
        if (!c->is_claim)
            continue;
        char id[24], value[40];
        snprintf(id, sizeof id, "%d", c->id);
        rows_number(c->value, value, sizeof value);
        const char *cells[ROWS_CLAIM_COLS] = {a->id,      a->date, id,         c->kind,   value,
                                              c->value_text, c->unit, c->subject, c->approx, c->sentence};
        rows_add(o, cells);
    }
}
