/* test_reader: the read stage for HTML and PDF — which reader an input gets, the file bytes behind
 * each piece of text libxml2 hands over (references, CRLF, text longer than the parser's 1000-byte
 * buffer), what the layout keeps, and the box of a span of PDF text. Prints one PASS / FAIL line
 * per check; run from the repository root. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "patset.h"
#include "pdf.h"
#include "reader.h"
#include "util.h"

static int failures;

static void check(int ok, int line, const char *what, const char *got, const char *want)
{
    if (ok) {
        printf("PASS reader.%d %s\n", line, what);
    } else {
        printf("FAIL reader.%d %s: got [%s], want [%s]\n", line, what, got, want);
        failures++;
    }
}

struct dcase {
    enum keyfig_format want;
    const char *source, *bytes;
    enum keyfig_format expect;
    int line;
};

static const struct dcase detect_cases[] = {
    {KEYFIG_FORMAT_AUTO, "a.txt", "全市共有45家医院。", KEYFIG_FORMAT_TEXT, __LINE__},
    {KEYFIG_FORMAT_AUTO, "a.HTML", "全市", KEYFIG_FORMAT_HTML, __LINE__},
    {KEYFIG_FORMAT_AUTO, "a.htm", "全市", KEYFIG_FORMAT_HTML, __LINE__},
    {KEYFIG_FORMAT_AUTO, "-", "\xEF\xBB\xBF \n<!DOCTYPE html><p>x", KEYFIG_FORMAT_HTML, __LINE__},
    {KEYFIG_FORMAT_AUTO, "-", "<html>", KEYFIG_FORMAT_HTML, __LINE__},
    {KEYFIG_FORMAT_AUTO, "-", "<b>45</b>家", KEYFIG_FORMAT_TEXT, __LINE__}, /* markup, not a page */
    {KEYFIG_FORMAT_AUTO, "x.bin", "%PDF-1.5\n", KEYFIG_FORMAT_PDF, __LINE__},
    {KEYFIG_FORMAT_AUTO, "x.pdf", "", KEYFIG_FORMAT_PDF, __LINE__},
    {KEYFIG_FORMAT_TEXT, "x.pdf", "%PDF-1.5", KEYFIG_FORMAT_TEXT, __LINE__},
    {KEYFIG_FORMAT_HTML, "x.txt", "全市", KEYFIG_FORMAT_HTML, __LINE__},
};

/* An HTML page, the text it gives, and for one piece of that text the file bytes it spans. */
struct hcase {
    const char *html, *text, *piece, *source;
    int line;
};

static const struct hcase html_cases[] = {
    {"<p>共有1&#44;234家</p>", "共有1,234家", ",", "&#44;", __LINE__},
    {"<p>共有1&#44;234家</p>", "共有1,234家", "1,234家", "1&#44;234家", __LINE__},
    {"<p>A&amp;B <b>45</b>家</p>", "A&B 45家", "B 45家", "B <b>45</b>家", __LINE__},
    {"<p>床位\r\n3200张</p>", "床位 3200张", "位 3", "位\r\n3", __LINE__}, /* the normaliser drops it */
    {"<p>床位\r\n床位</p>", "床位床位", "位床", "位\r\n床", __LINE__}, /* a wrapped line of Chinese */
    {"<div>甲<p>乙</p>丙<br>丁</div>", "甲\n乙\n丙\n丁", "丙", "丙", __LINE__},
    {"<p>a  b\n c</p><script>x=1</script><nav>首页</nav>", "a b c", "b c", "b\n c", __LINE__},
    {"<body><div class=\"share-bar\">分享56次</div><p>医院45家</p></body>", "医院45家", "45", "45", __LINE__},
    {"<p>x</p><p hidden>99家</p><p aria-hidden=\"true\">88家</p><p>y</p>", "x\ny", "y", "y", __LINE__},
};

static void html_case(const struct html_rules *r, const struct hcase *c)
{
    struct extracted x;
    struct keyfig_error err = {0};
    if (html_read(r, c->html, strlen(c->html), "case", NULL, 0, &x, &err) != 0) {
        check(0, c->line, "html_read", err.text, "0");
        return;
    }
    check(!strcmp(x.text, c->text), c->line, "text", x.text, c->text);
    const char *at = strstr(x.text, c->piece);
    char got[256] = "(piece not in the text)";
    if (at) {
        size_t s = (size_t)(at - x.text), e = s + strlen(c->piece);
        size_t fs = x.src_start[s], fe = x.src_end[e - 1];
        snprintf(got, sizeof got, "%.*s", fe >= fs ? (int)(fe - fs) : 0, c->html + fs);
    }
    check(!strcmp(got, c->source), c->line, "bytes", got, c->source);
    extracted_free(&x);
}

/* A paragraph longer than libxml2's buffer of 1000 bytes arrives in pieces, the parser one
 * character behind at each cut: every figure in it still maps to its own bytes. */
static void long_text(const struct html_rules *r)
{
    struct buf b = {0};
    buf_adds(&b, "<p>");
    for (int i = 0; i < 200; i++)
        buf_printf(&b, "第%d段共有%d家医院，", i, i * 7);
    buf_adds(&b, "</p>");
    struct extracted x;
    struct keyfig_error err = {0};
    int bad = 0, n = 0;
    if (html_read(r, b.data, b.len, "long", NULL, 0, &x, &err) == 0) {
        for (const char *p = x.text; (p = strstr(p, "共有")); p++, n++) {
            size_t s = (size_t)(p - x.text);
            const char *end = strstr(p, "，");
            size_t e = (size_t)(end - x.text);
            bad += x.src_end[e - 1] - x.src_start[s] != e - s ||
                   memcmp(b.data + x.src_start[s], p, e - s) != 0;
        }
        extracted_free(&x);
    }
    char got[64];
    snprintf(got, sizeof got, "%d of %d", bad, n);
    check(bad == 0 && n == 200, __LINE__, "long paragraph", got, "0 of 200");
    buf_free(&b);
}

static void pdf_boxes(void)
{
    /* "45家" on page 2 (three characters, the last 3 bytes wide), a line break, then page 3 */
    const struct pdf_place p[] = {
        {2, 10, 20, 5, 10}, {2, 15, 20, 5, 10}, {2, 20, 21, 10, 10}, {2, 20, 21, 10, 10}, {2, 20, 21, 10, 10},
        {0, 0, 0, 0, 0},    {3, 50, 60, 10, 10},
    };
    int page;
    double bb[4];
    char got[128];
    pdf_box(p, 0, 5, &page, bb);
    snprintf(got, sizeof got, "%d %g %g %g %g", page, bb[0], bb[1], bb[2], bb[3]);
    check(!strcmp(got, "2 10 20 20 11"), __LINE__, "pdf_box", got, "2 10 20 20 11");
    pdf_box(p, 3, 7, &page, bb); /* across the page break: the part on the first page */
    snprintf(got, sizeof got, "%d %g %g %g %g", page, bb[0], bb[1], bb[2], bb[3]);
    check(!strcmp(got, "2 20 21 10 10"), __LINE__, "pdf_box across pages", got, "2 20 21 10 10");
    pdf_box(p, 5, 6, &page, bb);
    snprintf(got, sizeof got, "%d", page);
    check(page == 0, __LINE__, "pdf_box of a line break", got, "0");
}

int main(void)
{
    for (size_t i = 0; i < sizeof detect_cases / sizeof *detect_cases; i++) {
        const struct dcase *c = &detect_cases[i];
        enum keyfig_format f = reader_detect(c->want, c->source, c->bytes, strlen(c->bytes));
        char got[16], want[16];
        snprintf(got, sizeof got, "%d", (int)f);
        snprintf(want, sizeof want, "%d", (int)c->expect);
        check(f == c->expect, c->line, "detect", got, want);
    }
    struct keyfig_error err = {0};
    struct patset *ps = patset_open(NULL, &err);
    struct html_rules *r = ps ? html_rules_load(ps, &err) : NULL;
    if (!r) {
        check(0, __LINE__, "html_rules_load", err.text, "ok");
    } else {
        for (size_t i = 0; i < sizeof html_cases / sizeof *html_cases; i++)
            html_case(r, &html_cases[i]);
        long_text(r);
    }
    pdf_boxes();
    html_rules_free(r);
    patset_free(ps);
    return failures ? 1 : 0;
}
