/* html: an HTML page -> the article's text, with the file bytes behind every byte of it, and the
 * page's title, date and address. The only file of libkeyfig that includes libxml2: its HTML
 * parser builds the tree (charsets, entities, broken markup); this file chooses the article in
 * it, drops page furniture (patterns/html.tsv) and lays the text out as lines. */
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decode.h"
#include "html.h"
#include "lexicon.h"
#include "patset.h"
#include "reader.h"
#include "util.h"

enum { DROP_TAG, DROP_ROLE, DROP_WORD, BLOCK_TAG, NLISTS };
static const char *const list_names[NLISTS] = {"drop-tag", "drop-role", "drop-word", "block-tag"};

struct html_rules {
    char **words[NLISTS];
    size_t n[NLISTS];
    struct lex_charset common; /* chars.tsv: for pages in GB18030 or Big5 */
    struct lex_charset wide;   /* chars.tsv: a wrapped line between two of these leaves no space */
};

struct html_rules *html_rules_load(struct patset *ps, struct keyfig_error *err)
{
    size_t len;
    const char *path, *text = patset_get(ps, "html.tsv", &len, &path, err);
    if (!text)
        return NULL;
    struct html_rules *r = xcalloc(1, sizeof *r);
    struct tsv_reader rd;
    tsv_open(&rd, text, len);
    char *f[3];
    int nf, k = 0;
    while ((nf = tsv_next(&rd, f, 3)) > 0) {
        for (k = 0; k < NLISTS && strcmp(f[0], list_names[k]); k++)
            ;
        if (nf != 2 || k == NLISTS || !*f[1]) {
            kf_error(err, KEYFIG_STATUS_PATTERN, path, rd.lineno,
                     "expected ROLE<TAB>NAME with ROLE drop-tag, drop-role, drop-word or block-tag, got \"%s\"", f[0]);
            tsv_close(&rd);
            html_rules_free(r);
            return NULL;
        }
        r->words[k] = xrealloc(r->words[k], (r->n[k] + 1) * sizeof *r->words[k]);
        r->words[k][r->n[k]++] = xstrdup(f[1]);
    }
    tsv_close(&rd);
    if (lex_charset_load(ps, CHR_COMMON, &r->common, err) || lex_charset_load(ps, CHR_WIDE, &r->wide, err)) {
        html_rules_free(r);
        return NULL;
    }
    return r;
}

void html_rules_free(struct html_rules *r)
{
    if (!r)
        return;
    for (int k = 0; k < NLISTS; k++) {
        for (size_t i = 0; i < r->n[k]; i++)
            free(r->words[k][i]);
        free(r->words[k]);
    }
    lex_charset_free(&r->common);
    lex_charset_free(&r->wide);
    free(r);
}

static int listed(const struct html_rules *r, int list, const char *s, size_t n)
{
    for (size_t i = 0; i < r->n[list]; i++)
        if (strlen(r->words[list][i]) == n && !strncasecmp(r->words[list][i], s, n))
            return 1;
    return 0;
}

/* ---- parsing, with the source of every character ----
 * libxml2 keeps no offsets in its tree, so the SAX characters callback notes where the parser is
 * in the input (xmlByteConsumed) as each piece of text arrives, and finds the piece there: as
 * written (the parser can be one character behind), or as the character reference just read
 * (1&#44;234 gives "," from "&#44;"). The offsets hang on each text node (its _private). */

struct node_map {
    uint32_t *s, *e; /* per byte of the text node's content */
    size_t n, cap;
};

struct parse {
    const char *src; /* the UTF-8 page being parsed */
    size_t len, pos; /* pos: where the last piece of text ended */
    struct node_map **maps;
    size_t nmaps;
};

static void map_add(struct node_map *m, size_t n, size_t s, size_t e, int each)
{
    if (m->n + n > m->cap) {
        m->cap = (m->n + n) * 2;
        m->s = xrealloc(m->s, m->cap * sizeof *m->s);
        m->e = xrealloc(m->e, m->cap * sizeof *m->e);
    }
    for (size_t i = 0; i < n; i++, m->n++) {
        m->s[m->n] = (uint32_t)(each ? s + i : s);
        m->e[m->n] = (uint32_t)(each ? s + i + 1 : e);
    }
}

/* 1 when ch[0..n) is the input's text ending at k (and after the last piece): mapped byte by byte. */
static int copied_at(struct parse *p, const char *ch, size_t n, size_t k, struct node_map *m)
{
    if (k > p->len || k < n || k - n < p->pos || memcmp(p->src + k - n, ch, n))
        return 0;
    map_add(m, n, k - n, k, 1);
    p->pos = k;
    return 1;
}

/* Where the n bytes of text ch, which the parser delivered at input offset end, came from. */
static void locate(struct parse *p, const char *ch, size_t n, size_t end, struct node_map *m)
{
    if (end > p->len)
        end = p->len;
    if (copied_at(p, ch, n, end, m))
        return;
    /* a character reference or entity, just read: "&#44;" ends where the parser is */
    const char *amp = NULL;
    for (size_t i = end > p->pos + 40 ? end - 40 : p->pos; i < end; i++)
        if (p->src[i] == '&')
            amp = p->src + i;
    if (amp && p->src[end - 1] == ';' && !memchr(amp, '<', (size_t)(p->src + end - amp))) {
        map_add(m, n, (size_t)(amp - p->src), end, 0);
        p->pos = end;
        return;
    }
    /* text the parser handed over before moving past its last character */
    for (size_t d = 1; d <= 4; d++)
        if (copied_at(p, ch, n, end + d, m) || (end >= d && copied_at(p, ch, n, end - d, m)))
            return;
    size_t s = end > p->pos + n ? end - n : p->pos < end ? p->pos : end; /* not found: near enough */
    map_add(m, n, s, end, 0);
    p->pos = end;
}

static void on_characters(void *ctx, const xmlChar *ch, int len)
{
    xmlParserCtxtPtr c = ctx;
    struct parse *p = c->_private;
    xmlSAX2Characters(ctx, ch, len);
    xmlNodePtr t = c->node ? c->node->last : NULL;
    if (!t || t->type != XML_TEXT_NODE || len <= 0)
        return;
    struct node_map *m = t->_private;
    if (!m) {
        m = t->_private = xcalloc(1, sizeof *m);
        p->maps = xrealloc(p->maps, (p->nmaps + 1) * sizeof *p->maps);
        p->maps[p->nmaps++] = m;
    }
    long end = xmlByteConsumed(c);
    locate(p, (const char *)ch, (size_t)len, end < 0 ? p->pos : (size_t)end, m);
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

static void quiet_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx, (void)e;
}

static const int parse_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

/* Parse buf (enc: its encoding for libxml2); with p, note the source of the text as it comes. */
static htmlDocPtr parse_page(const char *buf, size_t len, const char *enc, struct parse *p)
{
    htmlParserCtxtPtr c = htmlNewParserCtxt();
    if (!c)
        return NULL;
    c->_private = p;
    if (p)
        c->sax->characters = on_characters;
    c->sax->error = c->sax->warning = quiet;
    c->sax->serror = quiet_structured;
    /* The library prints nothing: libxml2's own messages (charset conversion, I/O) go nowhere. */
    xmlGenericErrorFunc old = xmlGenericError;
    void *oldctx = xmlGenericErrorContext;
    xmlSetGenericErrorFunc(NULL, quiet);
    htmlDocPtr d = htmlCtxtReadMemory(c, buf, len > 0x7fffffff ? 0x7fffffff : (int)len, NULL, enc,
                                      parse_options | (p ? HTML_PARSE_IGNORE_ENC : 0));
    xmlSetGenericErrorFunc(oldctx, old);
    htmlFreeParserCtxt(c);
    return d;
}

/* The charset a page declares (<meta charset>, http-equiv), as iconv names it; NULL for none.
 * GB2312 and GBK pages hold characters outside their charset often enough: GB18030 covers both. */
static char *declared_charset(const char *buf, size_t len)
{
    htmlDocPtr d = parse_page(buf, len < 16384 ? len : 16384, NULL, NULL);
    char *cs = NULL;
    if (d && d->encoding) {
        const char *e = (const char *)d->encoding;
        if (!strcasecmp(e, "gb2312") || !strcasecmp(e, "gbk") || !strcasecmp(e, "x-gbk") ||
            !strcasecmp(e, "gb18030") || !strcasecmp(e, "cp936"))
            e = "GB18030";
        else if (!strcasecmp(e, "big5"))
            e = "BIG5-HKSCS";
        cs = xstrdup(e);
    }
    xmlFreeDoc(d);
    return cs;
}

/* ---- elements ---- */

/* The value of attribute name, or NULL when absent or empty. */
static const char *attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (!strcasecmp((const char *)a->name, name) && a->children && a->children->content)
            return (const char *)a->children->content;
    return NULL;
}

static int is_tag(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && !strcasecmp((const char *)n->name, name);
}

/* A class or id naming page furniture: one of its words (split at - _ and spaces) is listed. */
static int furniture_name(const struct html_rules *r, const char *v)
{
    while (v && *v) {
        size_t skip = strspn(v, " \t\n-_"), n;
        v += skip;
        n = strcspn(v, " \t\n-_");
        if (n && listed(r, DROP_WORD, v, n))
            return 1;
        v += n;
    }
    return 0;
}

static int dropped(const struct html_rules *r, xmlNodePtr n)
{
    if (n->type == XML_COMMENT_NODE || n->type == XML_CDATA_SECTION_NODE || n->type == XML_PI_NODE)
        return 1;
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    const char *role = attr(n, "role"), *hidden = attr(n, "aria-hidden");
    return listed(r, DROP_TAG, (const char *)n->name, strlen((const char *)n->name)) || xmlHasProp(n, BAD_CAST "hidden") ||
           (hidden && !strcasecmp(hidden, "true")) || (role && listed(r, DROP_ROLE, role, strlen(role))) ||
           furniture_name(r, attr(n, "class")) || furniture_name(r, attr(n, "id"));
}

static int is_block(const struct html_rules *r, xmlNodePtr n)
{
    return n->type == XML_ELEMENT_NODE && listed(r, BLOCK_TAG, (const char *)n->name, strlen((const char *)n->name));
}

/* Bytes of running text under n, furniture and links left out (link lists are not articles). */
static size_t text_bytes(const struct html_rules *r, xmlNodePtr n)
{
    if (n->type == XML_TEXT_NODE)
        return n->content ? strlen((const char *)n->content) : 0;
    if (dropped(r, n) || is_tag(n, "a"))
        return 0;
    size_t t = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        t += text_bytes(r, c);
    return t;
}

/* The element holding the most running text directly: in its own text, inline children and
 * paragraphs (a div of <p>s, or text broken by <br>). */
static void densest(const struct html_rules *r, xmlNodePtr n, xmlNodePtr *best, size_t *best_score)
{
    if (n->type != XML_ELEMENT_NODE || dropped(r, n))
        return;
    size_t score = 0;
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE || !is_block(r, c) || is_tag(c, "p"))
            score += text_bytes(r, c);
    if (score > *best_score)
        *best = n, *best_score = score;
    for (xmlNodePtr c = n->children; c; c = c->next)
        densest(r, c, best, best_score);
}

/* The first element named tag outside page furniture (all: the one with the most text). */
static xmlNodePtr find_tag(const struct html_rules *r, xmlNodePtr n, const char *tag, int most)
{
    if (n->type != XML_ELEMENT_NODE || dropped(r, n))
        return NULL;
    if (is_tag(n, tag))
        return n;
    xmlNodePtr best = NULL;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        xmlNodePtr f = find_tag(r, c, tag, most);
        if (f && !most)
            return f;
        if (f && (!best || text_bytes(r, f) > text_bytes(r, best)))
            best = f;
    }
    return best;
}

/* The article: <article> (the longest), else <main>, else the element with the most running text. */
static xmlNodePtr article_root(const struct html_rules *r, xmlNodePtr root)
{
    xmlNodePtr a = find_tag(r, root, "article", 1);
    if (!a)
        a = find_tag(r, root, "main", 0);
    if (!a) {
        size_t score = 0;
        densest(r, root, &a, &score);
    }
    return a ? a : root;
}

/* ---- layout: blocks are lines, white space collapses ---- */

struct layout {
    const struct html_rules *r;
    struct buf out;
    uint32_t *s, *e;
    size_t cap;
    uint32_t last_cp;     /* the last character written; 0 at the start of a line */
    int space;            /* white space seen since it: 1, or 2 when it held a line break */
    uint32_t space_s, space_e;
};

static void put(struct layout *l, const char *p, size_t n, uint32_t s, uint32_t e)
{
    if (l->out.len + n + 1 > l->cap) {
        l->cap = (l->out.len + n + 1) * 2;
        l->s = xrealloc(l->s, l->cap * sizeof *l->s);
        l->e = xrealloc(l->e, l->cap * sizeof *l->e);
    }
    for (size_t i = 0; i < n; i++)
        l->s[l->out.len + i] = s, l->e[l->out.len + i] = e;
    buf_add(&l->out, p, n);
}

static void line_break(struct layout *l)
{
    if (l->out.len && l->out.data[l->out.len - 1] != '\n') {
        uint32_t at = l->e[l->out.len - 1];
        put(l, "\n", 1, at, at);
    }
    l->last_cp = 0;
    l->space = 0;
}

static int is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0;
}

/* White space collapses to one space; a line wrapped in the source between two Chinese
 * characters (chars.tsv's wide role) leaves none, as in the text a reader copies from the page. */
static void put_char(struct layout *l, const char *p, size_t n, uint32_t cp, uint32_t s, uint32_t e)
{
    if (is_space(cp)) {
        if (!l->space)
            l->space_s = s, l->space_e = e;
        l->space = cp == '\n' || cp == '\r' ? 2 : l->space ? l->space : 1;
        return;
    }
    if (l->space && l->last_cp && (l->space == 1 || !lex_charset_has(&l->r->wide, l->last_cp) || !lex_charset_has(&l->r->wide, cp)))
        put(l, " ", 1, l->space_s, l->space_e);
    l->space = 0;
    put(l, p, n, s, e);
    l->last_cp = cp;
}

static void lay_text(struct layout *l, xmlNodePtr t)
{
    const char *c = (const char *)t->content;
    const struct node_map *m = t->_private;
    size_t n = c ? strlen(c) : 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode((const unsigned char *)c + i, n - i, &cp);
        if (!k) {
            i++;
            continue;
        }
        uint32_t s = 0, e = 0;
        if (m && i + (size_t)k <= m->n)
            s = m->s[i], e = m->e[i + (size_t)k - 1];
        put_char(l, c + i, (size_t)k, cp, s, e);
        i += (size_t)k;
    }
}

static void lay_out(struct layout *l, xmlNodePtr n, int top)
{
    if (n->type == XML_TEXT_NODE) {
        lay_text(l, n);
        return;
    }
    if (n->type != XML_ELEMENT_NODE || (!top && dropped(l->r, n)))
        return;
    int block = is_block(l->r, n);
    if (block)
        line_break(l);
    for (xmlNodePtr c = n->children; c; c = c->next)
        lay_out(l, c, 0);
    if (block)
        line_break(l);
}

/* ---- metadata ---- */

/* The text of n, white space collapsed, or NULL when empty. */
static char *plain_text(const struct html_rules *r, xmlNodePtr n)
{
    struct layout l = {.r = r};
    lay_out(&l, n, 1);
    while (l.out.len && l.out.data[l.out.len - 1] == '\n')
        l.out.len--;
    for (size_t i = 0; i < l.out.len; i++)
        if (l.out.data[i] == '\n')
            l.out.data[i] = ' ';
    free(l.s);
    free(l.e);
    if (!l.out.len) {
        buf_free(&l.out);
        return NULL;
    }
    l.out.data[l.out.len] = '\0';
    return l.out.data;
}

/* 2024-03-05T08:00:00+08:00, 2024/3/5 or 2024年3月5日 -> 2024-03-05; NULL otherwise. */
static char *iso_date(const char *s)
{
    int v[3] = {0}, k = 0;
    for (const char *p = s; p && *p && k < 3;) {
        if (*p < '0' || *p > '9') {
            p++;
            continue;
        }
        char *end;
        v[k++] = (int)strtol(p, &end, 10);
        p = end;
    }
    if (k < 3 || v[0] < 1900 || v[0] > 2100 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
        return NULL;
    char out[16];
    snprintf(out, sizeof out, "%04d-%02d-%02d", v[0], v[1], v[2]);
    return xstrdup(out);
}

static void set_once(char **field, char *value)
{
    if (!*field)
        *field = value;
    else
        free(value);
}

struct meta {
    char *og_title, *title, *h1, *date, *url;
};

static void find_meta(const struct html_rules *r, xmlNodePtr n, struct meta *m)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || (dropped(r, n) && !is_tag(n, "head"))) /* a logo's <h1> */
            continue;
        const char *prop = attr(n, "property"), *content = attr(n, "content");
        if (!prop)
            prop = attr(n, "name");
        if (is_tag(n, "meta") && prop && content) {
            if (!strcasecmp(prop, "og:title") && *content)
                set_once(&m->og_title, xstrdup(content));
            else if (!strcasecmp(prop, "article:published_time"))
                set_once(&m->date, iso_date(content));
            else if (!strcasecmp(prop, "og:url") && *content)
                set_once(&m->url, xstrdup(content));
        } else if (is_tag(n, "link") && attr(n, "rel") && !strcasecmp(attr(n, "rel"), "canonical") && attr(n, "href")) {
            set_once(&m->url, xstrdup(attr(n, "href")));
        } else if (is_tag(n, "title")) {
            set_once(&m->title, plain_text(r, n));
        } else if (is_tag(n, "h1")) {
            set_once(&m->h1, plain_text(r, n));
        } else if (is_tag(n, "time") && attr(n, "datetime")) {
            set_once(&m->date, iso_date(attr(n, "datetime")));
        }
        find_meta(r, n->children, m);
    }
}

/* ---- the reader ---- */

static void parse_free(struct parse *p)
{
    for (size_t i = 0; i < p->nmaps; i++) {
        free(p->maps[i]->s);
        free(p->maps[i]->e);
        free(p->maps[i]);
    }
    free(p->maps);
}

int html_read(const struct html_rules *r, const char *buf, size_t len, const char *source, const char *encoding,
              int lenient, struct extracted *out, struct keyfig_error *err)
{
    memset(out, 0, sizeof *out);
    /* Bytes that are not UTF-8 are read in the charset the page declares; libxml2 then parses
     * the UTF-8 text, and the offsets it gives are taken back to the file's bytes. */
    char *declared = NULL;
    if (!encoding && utf8_first_invalid(buf, len) != (size_t)-1)
        encoding = declared = declared_charset(buf, len);
    struct decoded dec;
    int rc = decode_input(buf, len, source, encoding, lenient, 0, NULL, &r->common, &dec, err);
    free(declared);
    if (rc)
        return -1;
    struct parse p = {.src = dec.text, .len = dec.len};
    htmlDocPtr d = parse_page(dec.text, dec.len, "UTF-8", &p);
    xmlNodePtr root = d ? xmlDocGetRootElement(d) : NULL;
    if (!root) {
        rc = kf_error(err, KEYFIG_STATUS_INPUT, source, 0, "not an HTML page (libxml2 found no element)");
        goto out;
    }
    struct meta m = {0};
    find_meta(r, root, &m);
    struct layout l = {.r = r};
    lay_out(&l, article_root(r, root), 1);
    while (l.out.len && l.out.data[l.out.len - 1] == '\n')
        l.out.len--;
    if (!l.out.len) {
        free(l.s), free(l.e), buf_free(&l.out);
        free(m.og_title), free(m.title), free(m.h1), free(m.date), free(m.url);
        rc = kf_error(err, KEYFIG_STATUS_INPUT, source, 0, "HTML page holds no article text");
        goto out;
    }
    /* Offsets into the UTF-8 text -> offsets into the file (converted charset, BOM). */
    out->len = l.out.len;
    out->text = xstrndup(l.out.data, l.out.len);
    out->src_start = xmalloc((out->len + 1) * sizeof *out->src_start);
    out->src_end = xmalloc((out->len + 1) * sizeof *out->src_end);
    for (size_t i = 0; i <= out->len; i++) {
        size_t s = i < out->len ? l.s[i] : dec.len, e = i < out->len ? l.e[i] : dec.len;
        if (dec.map.n)
            s = srcmap_at(&dec.map, s), e = srcmap_at(&dec.map, e);
        out->src_start[i] = (uint32_t)(s + dec.bom);
        out->src_end[i] = (uint32_t)(e + dec.bom);
    }
    free(l.s), free(l.e), buf_free(&l.out);
    out->title = m.og_title ? m.og_title : m.title ? m.title : m.h1;
    if (out->title != m.title)
        free(m.title);
    if (out->title != m.h1)
        free(m.h1);
    out->date = m.date;
    out->url = m.url;
out:
    xmlFreeDoc(d);
    parse_free(&p);
    free(dec.text);
    srcmap_free(&dec.map);
    return rc;
}
