/* pdf: a PDF's text layer -> article text, page by page, with the page and box of every
 * character. The only file of libkeyfig that includes poppler (and with it glib): poppler finds
 * the reading order (columns are read one after the other, not line by line across the page);
 * this file drops what repeats in the margins (running heads, footers, page numbers). */
#include <poppler.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "pdf.h"
#include "reader.h"
#include "util.h"

/* Margins where running heads, footers and page numbers sit: this share of the page height. */
#define MARGIN 0.1

struct line {
    size_t page;        /* 1-based */
    const char *text;   /* into the page's text */
    size_t len;
    const PopplerRectangle *rects; /* one per character */
    size_t nrects;
    double top, bottom, left, right;
    char *key;          /* the text with digits as '#': "第#页", "# 人民日报" */
};

struct page_text {
    char *text;
    PopplerRectangle *rects;
    guint nrects;
    double height;
};

/* A decimal digit of any script (0-9, full-width ０-９, ...): Unicode's Nd class, by utf8proc
 * (glib is only loaded with poppler, on first use: pdf_lazy.c). */
static int is_digit_cp(uint32_t cp)
{
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ND;
}

static char *line_key(const char *s, size_t n)
{
    struct buf b = {0};
    for (size_t i = 0; i < n;) {
        uint32_t cp = 0;
        int k = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        k = k ? k : 1;
        if (is_digit_cp(cp)) {
            if (!b.len || b.data[b.len - 1] != '#')
                buf_addc(&b, '#');
        } else if (cp != ' ') {
            buf_add(&b, s + i, (size_t)k);
        }
        i += (size_t)k;
    }
    buf_addc(&b, '\0');
    return b.data;
}

/* A page number: digits with at most three other characters ("12", "- 12 -", "第12页", "12/40"). */
static int page_number(const char *key)
{
    size_t digits = 0, other = 0;
    for (size_t i = 0; key[i];) {
        uint32_t cp = 0;
        int k = utf8_decode((const unsigned char *)key + i, strlen(key + i), &cp);
        k = k ? k : 1;
        if (cp == '#')
            digits++;
        else
            other++;
        i += (size_t)k;
    }
    return digits > 0 && digits <= 2 && other <= 3;
}

static int in_margin(const struct line *l, double height)
{
    return l->nrects && (l->bottom < height * MARGIN || l->top > height * (1 - MARGIN));
}

static void add_line(struct line l, struct line **lines, size_t *n)
{
    l.top = 1e9, l.bottom = -1e9, l.left = 1e9, l.right = -1e9;
    for (size_t i = 0; i < l.nrects; i++) {
        const PopplerRectangle *r = &l.rects[i];
        l.top = r->y1 < l.top ? r->y1 : l.top;
        l.bottom = r->y2 > l.bottom ? r->y2 : l.bottom;
        l.left = r->x1 < l.left ? r->x1 : l.left;
        l.right = r->x2 > l.right ? r->x2 : l.right;
    }
    l.key = line_key(l.text, l.len);
    *lines = xrealloc(*lines, (*n + 1) * sizeof **lines);
    (*lines)[(*n)++] = l;
}

/* Two characters of one line with a gutter between them: a gap wider than the characters are
 * tall (CJK characters abut; a word space is a third of that). */
static int gutter_between(const PopplerRectangle *a, const PopplerRectangle *b)
{
    double h = a->y2 - a->y1 > b->y2 - b->y1 ? a->y2 - a->y1 : b->y2 - b->y1;
    return b->x1 - a->x2 > 1.2 * h;
}

/* Split a page's text into lines with their boxes; a line that runs across a gutter (poppler
 * joins the lines of neighbouring columns when the gutter is narrow) becomes one line a column. */
static void page_lines(const struct page_text *pt, size_t page, struct line **lines, size_t *n)
{
    size_t ci = 0; /* character index: rects count characters */
    for (const char *s = pt->text; *s;) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s), chars = utf8_count(s, len);
        struct line l = {.page = page, .text = s};
        l.rects = ci < pt->nrects ? pt->rects + ci : NULL;
        size_t nr = l.rects ? (ci + chars <= pt->nrects ? chars : pt->nrects - ci) : 0;
        size_t b = 0; /* byte offset in the line */
        for (size_t k = 0; k < nr; k++) {
            if (k > 0 && l.nrects > 0 && gutter_between(&l.rects[l.nrects - 1], &l.rects[l.nrects])) {
                l.len = b - (size_t)(l.text - s);
                add_line(l, lines, n);
                l.text = s + b, l.rects += l.nrects, l.nrects = 0;
            }
            uint32_t cp = 0;
            int m = utf8_decode((const unsigned char *)s + b, len - b, &cp);
            b += m ? (size_t)m : 1;
            l.nrects++;
        }
        l.len = len - (size_t)(l.text - s);
        if (l.len)
            add_line(l, lines, n);
        ci += chars + (nl ? 1 : 0);
        s += len + (nl ? 1 : 0);
    }
}

/* The column of a line: how many gutters lie left of it; -1 for a line across a gutter (a
 * headline over the columns), which ends one band of columns and begins the next. */
static int column_of(const struct line *l, const double *gutters, size_t ng)
{
    int col = 0;
    for (size_t g = 0; g < ng; g++) {
        if (l->left < gutters[g] - 2 && l->right > gutters[g] + 2)
            return -1;
        col += l->right <= gutters[g] + 2;
    }
    return (int)ng - col;
}

struct placed {
    struct line l;
    size_t band;
    int col;
};

static int by_top(const void *a, const void *b)
{
    const struct placed *x = a, *y = b;
    return x->l.top < y->l.top ? -1 : x->l.top > y->l.top;
}

static int by_reading_order(const void *a, const void *b)
{
    const struct placed *x = a, *y = b;
    if (x->band != y->band)
        return x->band < y->band ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return x->l.top < y->l.top ? -1 : x->l.top > y->l.top;
}

/* The gutters of a page: runs of at least 6 points, inside the text's extent, that (almost) no
 * line of the body crosses, with a fifth of the lines on either side. At most 8, left to right. */
static size_t find_gutters(const struct line *lines, size_t n, double width, double height, double *gutters)
{
    enum { BIN = 2 };
    size_t nb = (size_t)(width / BIN) + 2, total = 0, ng = 0;
    unsigned *cov = xcalloc(nb, sizeof *cov);
    double lo = 1e9, hi = -1e9;
    for (size_t i = 0; i < n; i++) {
        const struct line *l = &lines[i];
        if (!l->nrects || in_margin(l, height) || l->left < 0 || l->right > width)
            continue;
        total++;
        lo = l->left < lo ? l->left : lo;
        hi = l->right > hi ? l->right : hi;
        for (size_t b = (size_t)(l->left / BIN); b <= (size_t)(l->right / BIN) && b < nb; b++)
            cov[b]++;
    }
    size_t few = total / 20 > 1 ? total / 20 : 1;
    for (size_t b = (size_t)(lo / BIN) + 1; total >= 4 && b < (size_t)(hi / BIN) && ng < 8; b++) {
        size_t e = b;
        while (e < (size_t)(hi / BIN) && cov[e] <= few)
            e++;
        if ((e - b) * BIN >= 6) {
            double g = (double)(b + e) * BIN / 2;
            size_t left = 0, right = 0;
            for (size_t i = 0; i < n; i++) {
                left += lines[i].nrects && !in_margin(&lines[i], height) && lines[i].right <= g;
                right += lines[i].nrects && !in_margin(&lines[i], height) && lines[i].left >= g;
            }
            if (left >= total / 5 && right >= total / 5)
                gutters[ng++] = g;
        }
        b = e;
    }
    free(cov);
    return ng;
}

/* The lines of one page in reading order: band by band (a line across the gutters, such as a
 * headline over the columns, divides the bands), each band column by column, top to bottom.
 * poppler's own order interleaves columns whose gutter is narrow. */
static void reorder_columns(struct line *lines, size_t n, double width, double height)
{
    double gutters[8];
    size_t ng = find_gutters(lines, n, width, height, gutters);
    if (!ng)
        return;
    struct placed *p = xmalloc(n * sizeof *p);
    for (size_t i = 0; i < n; i++)
        p[i] = (struct placed){.l = lines[i], .col = column_of(&lines[i], gutters, ng)};
    qsort(p, n, sizeof *p, by_top);
    size_t band = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i].col < 0) /* a line across the gutters is a band of its own */
            p[i].band = ++band, p[i].col = 0, band++;
        else
            p[i].band = band;
    }
    qsort(p, n, sizeof *p, by_reading_order);
    for (size_t i = 0; i < n; i++)
        lines[i] = p[i].l;
    free(p);
}


/* Furniture: in a margin, and a page number or the same (digits aside) as a margin line of
 * another page. */
static int furniture(const struct line *lines, size_t n, size_t i, const struct page_text *pages)
{
    const struct line *l = &lines[i];
    if (!in_margin(l, pages[l->page - 1].height))
        return 0;
    if (page_number(l->key))
        return 1;
    for (size_t j = 0; j < n; j++)
        if (lines[j].page != l->page && in_margin(&lines[j], pages[lines[j].page - 1].height) &&
            !strcmp(lines[j].key, l->key))
            return 1;
    return 0;
}

static void add_place(struct extracted *x, size_t *cap, size_t n, uint32_t page, const PopplerRectangle *r)
{
    if (x->len + n + 1 > *cap) {
        *cap = (x->len + n + 1) * 2;
        x->places = xrealloc(x->places, *cap * sizeof *x->places);
    }
    for (size_t i = 0; i < n; i++) {
        struct pdf_place *p = &x->places[x->len + i];
        *p = (struct pdf_place){.page = page};
        if (r)
            p->x = (float)r->x1, p->y = (float)r->y1, p->w = (float)(r->x2 - r->x1), p->h = (float)(r->y2 - r->y1);
    }
}

/* The kept lines, each ending in a line break, with the place of every byte. */
static void assemble(const struct line *lines, size_t n, const struct page_text *pages, struct extracted *out)
{
    struct buf b = {0};
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        if (furniture(lines, n, i, pages))
            continue;
        const struct line *l = &lines[i];
        size_t ci = 0;
        for (size_t k = 0; k < l->len;) {
            uint32_t cp;
            int m = utf8_decode((const unsigned char *)l->text + k, l->len - k, &cp);
            m = m ? m : 1;
            out->len = b.len;
            add_place(out, &cap, (size_t)m, (uint32_t)l->page, ci < l->nrects ? &l->rects[ci] : NULL);
            buf_add(&b, l->text + k, (size_t)m);
            k += (size_t)m, ci++;
        }
        out->len = b.len;
        add_place(out, &cap, 1, 0, NULL);
        buf_addc(&b, '\n');
    }
    out->len = b.len;
    out->text = b.data;
}

static int has_text(const char *s)
{
    for (; s && *s; s++)
        if (!strchr(" \t\r\n\f", *s))
            return 1;
    return 0;
}

int pdf_read(const char *buf, size_t len, const char *source, struct extracted *out, struct keyfig_error *err)
{
    memset(out, 0, sizeof *out);
    GError *gerr = NULL;
    GBytes *bytes = g_bytes_new_static(buf, len);
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
    g_bytes_unref(bytes);
    if (!doc) {
        int enc = gerr && gerr->domain == POPPLER_ERROR && gerr->code == POPPLER_ERROR_ENCRYPTED;
        kf_error(err, KEYFIG_STATUS_INPUT, source, 0, enc ? "encrypted PDF (it needs a password)" : "not a readable PDF: %s",
                 gerr ? gerr->message : "poppler could not open it");
        if (gerr)
            g_error_free(gerr);
        return -1;
    }
    int npages = poppler_document_get_n_pages(doc), any = 0;
    struct page_text *pages = xcalloc(npages > 0 ? (size_t)npages : 1, sizeof *pages);
    struct line *lines = NULL;
    size_t nlines = 0;
    for (int i = 0; i < npages; i++) {
        PopplerPage *pg = poppler_document_get_page(doc, i);
        if (!pg)
            continue;
        double w;
        poppler_page_get_size(pg, &w, &pages[i].height);
        pages[i].text = poppler_page_get_text(pg);
        if (!poppler_page_get_text_layout(pg, &pages[i].rects, &pages[i].nrects))
            pages[i].rects = NULL, pages[i].nrects = 0;
        any |= has_text(pages[i].text);
        size_t first = nlines;
        if (pages[i].text) {
            page_lines(&pages[i], (size_t)i + 1, &lines, &nlines);
            if (nlines > first) /* lines is still NULL after a page without lines: no pointer sum */
                reorder_columns(lines + first, nlines - first, w, pages[i].height);
        }
        g_object_unref(pg);
    }
    int rc = 0;
    if (!any) {
        rc = kf_error(err, KEYFIG_STATUS_INPUT, source, 0, "no text layer (scanned PDF?)");
    } else {
        assemble(lines, nlines, pages, out);
        char *title = poppler_document_get_title(doc);
        if (title && has_text(title))
            out->title = xstrdup(title);
        g_free(title);
    }
    for (size_t i = 0; i < nlines; i++)
        free(lines[i].key);
    free(lines);
    for (int i = 0; i < npages; i++) {
        g_free(pages[i].text);
        g_free(pages[i].rects);
    }
    free(pages);
    g_object_unref(doc);
    return rc;
}

void pdf_box(const struct pdf_place *places, size_t start, size_t end, int *page, double bbox[4])
{
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    *page = 0;
    for (size_t i = start; i < end; i++) {
        const struct pdf_place *p = &places[i];
        if (!p->page || (*page && p->page != (uint32_t)*page))
            continue;
        if (!*page) {
            *page = (int)p->page;
            x1 = p->x, y1 = p->y, x2 = p->x + p->w, y2 = p->y + p->h;
            continue;
        }
        x1 = p->x < x1 ? p->x : x1;
        y1 = p->y < y1 ? p->y : y1;
        x2 = p->x + p->w > x2 ? p->x + p->w : x2;
        y2 = p->y + p->h > y2 ? p->y + p->h : y2;
    }
    bbox[0] = x1, bbox[1] = y1, bbox[2] = x2 - x1, bbox[3] = y2 - y1;
}
