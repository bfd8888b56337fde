/* report: `keyfig report PATH... -o FILE.html` writes one self-contained review page for the
 * claims of one article or a corpus: plots/report.html with report.css, report.js, the data and
 * the charts inlined. It gathers and escapes data; the page itself (report.js) does the review.
 * It never judges claims and never fetches anything at view time. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claimsdoc.h"
#include "cli.h"
#include "keyfig.h"
#include "patset.h"
#include "util.h"

static const char usage[] =
    "usage: keyfig report [options] PATH... -o FILE.html\n"
    "\n"
    "Write one self-contained HTML page (no network, everything inline) to review the claims of\n"
    "one article or a corpus: highlights in the text, verdicts, missed figures, gold TSV export.\n"
    "\n"
    "PATH: claims JSON (*.json, *.jsonl, as `keyfig extract` writes them), an article (*.txt or any\n"
    "other file), a directory of *.txt articles, or - (standard input, JSON or article text).\n"
    "Articles are extracted with every number (--all); JSON documents find their article text at\n"
    "article.source (as given, else relative to the JSON file) or at --articles DIR/<id>.txt.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE    the page to write (- for standard output); required\n"
    "  --articles DIR       read the text of JSON documents from DIR/<id>.txt\n"
    "  --charts DIR         inline DIR/<id>/figures.svg from `keyfig plot` where present (default results)\n"
    "  --patterns DIR       pattern set for extraction (default: the built-in set)\n"
    "  --title TEXT         the page title (default: the article's title, or the corpus size)\n"
    "  -h, --help           this help\n"
    "\n"
    "exit status: 0 success, 1 runtime or input error, 2 usage error, 3 invalid pattern data\n";

struct report_opts {
    const char *out, *articles, *charts, *patterns, *title;
};

struct report {
    struct report_opts o;
    struct keyfig_patterns *pat; /* loaded at the first article that needs the extractor */
    struct buf index;            /* JSON array: one summary per article, for the corpus index */
    struct buf docs;             /* one <script type="application/json"> per article, and charts */
    size_t n;                    /* articles added */
    char *title;                 /* default page title */
};

/* ---- JSON that is safe inside <script> ---------------------------------------------------- */

/* Append s[0..n) (valid UTF-8) as a JSON string. Besides JSON's own escapes, < > & become
 * \u003c \u003e \u0026 so that "</script>" or "<!--" in an article can never end or bend the
 * script element, and U+2028/2029 are escaped for old JavaScript parsers. */
static void json_str(struct buf *b, const char *s, size_t n)
{
    buf_addc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            buf_addc(b, '\\');
            buf_addc(b, (char)c);
        } else if (c == '\n') {
            buf_adds(b, "\\n");
        } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x7f) {
            buf_printf(b, "\\u%04x", c);
        } else if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
            buf_printf(b, "\\u%04x", (unsigned char)s[i + 2] == 0xa8 ? 0x2028 : 0x2029);
            i += 2;
        } else {
            buf_addc(b, (char)c);
        }
    }
    buf_addc(b, '"');
}

static void json_cstr(struct buf *b, const char *s)
{
    if (s)
        json_str(b, s, strlen(s));
    else
        buf_adds(b, "null");
}

/* Whole numbers print as integers (323000, not 3.23e+05); 15 digits as STYLE.md asks. */
static void json_num(struct buf *b, double v)
{
    if (!isfinite(v))
        buf_adds(b, "null");
    else if (v == floor(v) && fabs(v) < 1e15)
        buf_printf(b, "%.0f", v);
    else
        buf_printf(b, "%.15g", v);
}

static void json_key(struct buf *b, const char *key)
{
    buf_printf(b, "\"%s\":", key);
}

/* ---- charts --------------------------------------------------------------------------------- */

/* SVG elements gnuplot writes; anything else loses its tags (its text stays, as text). */
static const char *const svg_allowed[] = {
    "svg", "g", "path", "text", "tspan", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "defs", "desc", "title", "use", "clipPath", "symbol", "marker", "linearGradient",
    "radialGradient", "stop", "pattern", "mask", "filter", "feFlood", "feComposite", "feOffset",
    "feGaussianBlur", "feMerge", "feMergeNode", NULL};
/* Elements dropped together with their content. */
static const char *const svg_dropped[] = {"script", "style", "foreignObject", "iframe", "object", "embed", NULL};

/* s[0..n) in list; nocase for the dropped elements (<SCRIPT> is a script to an HTML parser). */
static int in_list(const char *const *list, const char *s, size_t n, int nocase)
{
    for (; *list; list++)
        if (strlen(*list) == n && (nocase ? strncasecmp(*list, s, n) : strncmp(*list, s, n)) == 0)
            return 1;
    return 0;
}

static int name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' ||
           c == '_' || c == '-' || c == '.';
}

static int space_char(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* An attribute that could run code or reach the network: on* handlers, links other than
 * same-document ones (href="#gpDot"), url() other than url(#id), javascript: anywhere; and
 * ids of the page's own (kf-doc-N), which a chart must not shadow. */
static int attr_unsafe(const char *name, size_t nlen, const char *val, size_t vlen)
{
    if (nlen >= 2 && (name[0] == 'o' || name[0] == 'O') && (name[1] == 'n' || name[1] == 'N'))
        return 1;
    if (nlen == 2 && strncmp(name, "id", 2) == 0 && vlen >= 3 && strncmp(val, "kf-", 3) == 0)
        return 1; /* the page finds its data by these ids */
    const char *colon = memchr(name, ':', nlen);
    const char *local = colon ? colon + 1 : name;
    size_t llen = nlen - (size_t)(local - name);
    if (llen == 4 && strncmp(local, "href", 4) == 0 && !(vlen > 0 && val[0] == '#'))
        return 1;
    for (size_t i = 0; i < vlen; i++) {
        if (vlen - i >= 4 && strncmp(val + i, "url(", 4) == 0) {
            size_t j = i + 4;
            while (j < vlen && (val[j] == ' ' || val[j] == '\'' || val[j] == '"'))
                j++;
            if (j >= vlen || val[j] != '#')
                return 1;
        }
        if (vlen - i >= 11 && strncasecmp(val + i, "javascript:", 11) == 0)
            return 1;
    }
    return 0;
}

/* Copy one start tag's attributes from p (after the name) to out, dropping unsafe ones and
 * re-quoting the rest with "". Returns the position after the tag's '>' (or end). */
static const char *svg_attrs(const char *p, const char *end, struct buf *out)
{
    while (p < end) {
        while (p < end && space_char(*p))
            p++;
        if (p >= end || *p == '>')
            return p < end ? p + 1 : end;
        if (*p == '/') {
            buf_addc(out, '/');
            p++;
            continue;
        }
        const char *name = p;
        while (p < end && !space_char(*p) && *p != '=' && *p != '>' && *p != '/')
            p++;
        size_t nlen = (size_t)(p - name);
        const char *val = "";
        size_t vlen = 0;
        while (p < end && space_char(*p))
            p++;
        if (p < end && *p == '=') {
            p++;
            while (p < end && space_char(*p))
                p++;
            if (p < end && (*p == '"' || *p == '\'')) {
                char q = *p++;
                val = p;
                while (p < end && *p != q)
                    p++;
                vlen = (size_t)(p - val);
                if (p < end)
                    p++;
            } else {
                val = p;
                while (p < end && !space_char(*p) && *p != '>')
                    p++;
                vlen = (size_t)(p - val);
            }
        }
        if (nlen == 0) {
            p++;
            continue;
        }
        if (attr_unsafe(name, nlen, val, vlen))
            continue;
        buf_addc(out, ' ');
        buf_add(out, name, nlen);
        buf_adds(out, "=\"");
        for (size_t i = 0; i < vlen; i++) {
            if (val[i] == '"')
                buf_adds(out, "&quot;");
            else if (val[i] == '<')
                buf_adds(out, "&lt;");
            else
                buf_addc(out, val[i]);
        }
        buf_addc(out, '"');
    }
    return end;
}

/* The position after "</name ...>" (case-insensitive), or end. */
static const char *skip_element(const char *p, const char *end, const char *name, size_t n)
{
    for (; p < end; p++) {
        if (*p == '<' && (size_t)(end - p) > n + 2 && p[1] == '/' && strncasecmp(p + 2, name, n) == 0) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            return gt ? gt + 1 : end;
        }
    }
    return end;
}

/* Copy svg[0..n) to out keeping only allowed elements and safe attributes. Our own gnuplot output
 * needs none of this, but the file sits on disk where anything could have written it. Comments,
 * processing instructions, doctypes and CDATA go. */
static void svg_sanitize(const char *svg, size_t n, struct buf *out)
{
    const char *p = svg, *end = svg + n;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) {
            buf_add(out, p, (size_t)(end - p));
            break;
        }
        buf_add(out, p, (size_t)(lt - p));
        p = lt + 1;
        if (p < end && (*p == '!' || *p == '?')) {
            const char *close = (size_t)(end - p) >= 3 && strncmp(p, "!--", 3) == 0 ? "-->"
                                : (size_t)(end - p) >= 8 && strncmp(p, "![CDATA[", 8) == 0 ? "]]>" : ">";
            const char *q = p;
            while (q < end && strncmp(q, close, strlen(close)) != 0)
                q++;
            p = q < end ? q + strlen(close) : end;
            continue;
        }
        int closing = p < end && *p == '/';
        if (closing)
            p++;
        const char *name = p;
        while (p < end && name_char(*p))
            p++;
        size_t nlen = (size_t)(p - name);
        if (!closing && in_list(svg_dropped, name, nlen, 1)) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            int self_closing = gt && gt > p && gt[-1] == '/';
            p = !gt ? end : self_closing ? gt + 1 : skip_element(gt + 1, end, name, nlen);
            continue;
        }
        int keep = nlen > 0 && in_list(svg_allowed, name, nlen, 0);
        if (closing || !keep) {
            const char *gt = memchr(p, '>', (size_t)(end - p));
            if (keep) {
                buf_adds(out, "</");
                buf_add(out, name, nlen);
                buf_addc(out, '>');
            }
            p = gt ? gt + 1 : end;
            continue;
        }
        buf_addc(out, '<');
        buf_add(out, name, nlen);
        struct buf attrs = {0};
        p = svg_attrs(p, end, &attrs);
        if (attrs.len)
            buf_add(out, attrs.data, attrs.len);
        buf_addc(out, '>');
        buf_free(&attrs);
    }
}

/* An id that is safe as one file name component (ids come from JSON anybody may have written). */
static int id_is_name(const char *id)
{
    return id && *id && strcmp(id, ".") != 0 && strcmp(id, "..") != 0 && !strchr(id, '/');
}

/* Inline charts/<id>/figures.svg, sanitised, as <template id="kf-svg-N">. Returns 1 when a chart
 * was added, 0 when there is none (a missing chart is normal: not every article was plotted). */
static int add_chart(struct report *r, const char *id)
{
    if (!r->o.charts || !id_is_name(id))
        return 0;
    struct buf path = {0};
    buf_printf(&path, "%s/%s/figures.svg", r->o.charts, id);
    struct keyfig_error err = {0};
    size_t len;
    char *svg = access(path.data, R_OK) == 0 ? util_slurp(path.data, 0, &len, &err) : NULL;
    if (!svg && err.code)
        kf_print_error(&err, 1);
    buf_free(&path);
    if (!svg)
        return 0;
    if (utf8_first_invalid(svg, len) != (size_t)-1) {
        kf_warn(err.file, 0, "not UTF-8; chart left out");
        free(svg);
        return 0;
    }
    buf_printf(&r->docs, "<template id=\"kf-svg-%zu\">", r->n);
    svg_sanitize(svg, len, &r->docs);
    buf_adds(&r->docs, "</template>\n");
    free(svg);
    return 1;
}

/* ---- articles --------------------------------------------------------------------------------- */

static void claim_json(struct buf *b, const struct cd_claim *c, int with_sentence)
{
    buf_printf(b, "{\"id\":%d,\"claim\":%s,", c->id, c->is_claim ? "true" : "false");
    json_key(b, "reason"), json_cstr(b, c->reason);
    buf_adds(b, ",\"value\":"), json_num(b, c->value);
    const char *keys[] = {"value_text", "unit", "kind", "subject", "approx", "direction", "basis", "text", "rule"};
    const char *vals[] = {c->value_text, c->unit, c->kind, c->subject, c->approx, c->direction, c->basis, c->text, c->rule};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        buf_printf(b, ",\"%s\":", keys[i]);
        json_cstr(b, vals[i]);
    }
    buf_adds(b, ",\"from\":");
    if (c->has_from)
        json_num(b, c->from);
    else
        buf_adds(b, "null");
    buf_adds(b, ",\"range\":");
    if (c->has_range) {
        buf_addc(b, '['), json_num(b, c->low), buf_addc(b, ','), json_num(b, c->high), buf_addc(b, ']');
    } else {
        buf_adds(b, "null");
    }
    buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"item\":%d", c->start, c->end, c->item);
    if (with_sentence) {
        buf_adds(b, ",\"sentence\":");
        json_cstr(b, c->sentence);
    }
    buf_addc(b, '}');
}

/* Add one article: its index entry, its data element and its chart. text may be NULL (not found);
 * then each claim carries its sentence so the reviewer still sees some context. */
static void add_article(struct report *r, const struct cd_article *a, const char *text, size_t len)
{
    size_t nclaims = 0;
    for (size_t i = 0; i < a->nclaims; i++)
        nclaims += a->claims[i].is_claim != 0;
    int chart = add_chart(r, a->id);

    struct buf *x = &r->index;
    buf_adds(x, r->n ? ",\n{" : "{");
    json_key(x, "id"), json_cstr(x, a->id ? a->id : "");
    buf_adds(x, ",\"title\":"), json_cstr(x, a->title);
    buf_adds(x, ",\"date\":"), json_cstr(x, a->date);
    buf_printf(x, ",\"claims\":%zu,\"aside\":%zu}", nclaims, a->nclaims - nclaims);

    struct buf *d = &r->docs;
    buf_printf(d, "<script type=\"application/json\" id=\"kf-doc-%zu\">{", r->n);
    json_key(d, "id"), json_cstr(d, a->id ? a->id : "");
    buf_adds(d, ",\"title\":"), json_cstr(d, a->title);
    buf_adds(d, ",\"date\":"), json_cstr(d, a->date);
    buf_adds(d, ",\"source\":"), json_cstr(d, a->source);
    buf_printf(d, ",\"chart\":%s,\"text\":", chart ? "true" : "false");
    if (text)
        json_str(d, text, len);
    else
        buf_adds(d, "null");
    buf_adds(d, ",\"claims\":[");
    for (size_t i = 0; i < a->nclaims; i++) {
        if (i)
            buf_adds(d, ",\n");
        claim_json(d, &a->claims[i], text == NULL);
    }
    buf_adds(d, "]}</script>\n");
    if (r->n == 0 && a->title && *a->title)
        r->title = xstrdup(a->title);
    r->n++;
}

static int load_patterns(struct report *r, struct keyfig_error *err)
{
    if (!r->pat)
        r->pat = keyfig_patterns_load(r->o.patterns, err);
    return r->pat ? 0 : -1;
}

/* The original text of an article file as UTF-8, whatever its encoding: the library decodes
 * GB18030 and Big5, so non-UTF-8 text goes through it. Returns a string the caller frees. */
static char *utf8_text(struct report *r, const char *path, char *buf, size_t *len, struct keyfig_error *err)
{
    if (utf8_first_invalid(buf, *len) == (size_t)-1)
        return buf;
    struct keyfig_article *a = NULL;
    char *out = NULL;
    if (load_patterns(r, err) == 0 && (a = keyfig_extract(r->pat, "-", path, buf, *len, NULL, err))) {
        const char *t = keyfig_article_text(a, len);
        out = xstrndup(t, *len);
    }
    keyfig_article_free(a);
    free(buf);
    return out;
}

/* Where a JSON document's article text lives: --articles DIR/<id>.txt, else article.source as
 * given, else relative to the JSON file's directory. Returns a path the caller frees, or NULL. */
static char *text_path(const struct report *r, const struct cd_article *a, const char *json_path)
{
    struct buf p = {0};
    if (r->o.articles) {
        if (!id_is_name(a->id))
            return NULL;
        buf_printf(&p, "%s/%s.txt", r->o.articles, a->id);
        return p.data;
    }
    if (!a->source || !*a->source)
        return NULL;
    if (a->source[0] == '/' || access(a->source, R_OK) == 0 || strcmp(json_path, "-") == 0)
        return xstrdup(a->source);
    const char *slash = strrchr(json_path, '/');
    if (slash)
        buf_add(&p, json_path, (size_t)(slash - json_path + 1));
    buf_adds(&p, a->source);
    return p.data;
}

/* Add the documents of one claims file. A missing article text is a warning: the page then
 * lists the claims without highlights. */
static int add_json(struct report *r, const char *path, const char *data, size_t len, struct keyfig_error *err)
{
    struct cd_list list = {0};
    int rc = data ? claimsdoc_parse(data, len, path, &list, err) : claimsdoc_read(path, &list, err);
    for (size_t i = 0; rc == 0 && i < list.n; i++) {
        const struct cd_article *a = &list.articles[i];
        char *tpath = text_path(r, a, path);
        struct keyfig_error terr = {0};
        size_t tlen = 0;
        char *text = tpath ? util_slurp(tpath, 0, &tlen, &terr) : NULL;
        if (text)
            text = utf8_text(r, tpath, text, &tlen, &terr);
        if (!text) {
            if (terr.code == KEYFIG_STATUS_PATTERN) {
                *err = terr;
                rc = -1;
            } else {
                kf_warn(path, 0, "article \"%s\": no text (%s%s%s); its claims are listed without highlights",
                        a->id ? a->id : "", tpath ? terr.file : "no article.source",
                        tpath ? ": " : "", tpath ? terr.text : "");
            }
        }
        if (rc == 0)
            add_article(r, a, text, tlen);
        free(text);
        free(tpath);
    }
    claimsdoc_free(&list);
    return rc;
}

/* "dir/002_x.txt" -> "002_x" (caller frees). */
static char *article_id(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".txt") == 0)
        n -= 4;
    return xstrndup(base, n);
}

/* Extract one article (with the numbers set aside, so the reviewer sees what was passed over)
 * and add it. buf is the file's content. */
static int add_text(struct report *r, const char *path, const char *id, const char *buf, size_t len,
                    struct keyfig_error *err)
{
    if (load_patterns(r, err) != 0)
        return -1;
    struct keyfig_options opts = {.all = 1, .warn = cli_warn};
    struct keyfig_article *a = keyfig_extract(r->pat, id, path, buf, len, &opts, err);
    if (!a)
        return -1;
    char *json = keyfig_article_json(a, 1);
    struct cd_list list = {0};
    int rc = json ? claimsdoc_parse(json, strlen(json), path, &list, err)
                  : kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot encode the claims as JSON (out of memory?)");
    size_t tlen;
    const char *text = keyfig_article_text(a, &tlen);
    for (size_t i = 0; rc == 0 && i < list.n; i++)
        add_article(r, &list.articles[i], text, tlen);
    claimsdoc_free(&list);
    free(json);
    keyfig_article_free(a);
    return rc;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int is_json_name(const char *path)
{
    return has_suffix(path, ".json") || has_suffix(path, ".jsonl");
}

/* Standard input holds claims JSON when it starts with { or [ (after a BOM and blanks). */
static int looks_like_json(const char *s, size_t n)
{
    size_t i = n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
    while (i < n && space_char(s[i]))
        i++;
    return i < n && (s[i] == '{' || s[i] == '[');
}

static int add_file(struct report *r, const char *path, struct keyfig_error *err)
{
    if (is_json_name(path))
        return add_json(r, path, NULL, 0, err);
    size_t len;
    char *buf = util_slurp(path, 0, &len, err);
    if (!buf)
        return -1;
    int is_stdin = strcmp(path, "-") == 0;
    char *id = is_stdin ? xstrdup("stdin") : article_id(path);
    int rc = is_stdin && looks_like_json(buf, len) ? add_json(r, path, buf, len, err)
                                                   : add_text(r, path, id, buf, len, err);
    free(id);
    free(buf);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.txt in dir, in name order (so the page is the same on every machine). */
static int add_dir(struct report *r, const char *dir, struct keyfig_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return kf_error(err, KEYFIG_STATUS_IO, dir, 0, "cannot open directory: %s", strerror(errno));
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.' || !has_suffix(e->d_name, ".txt"))
            continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        struct buf p = {0};
        buf_printf(&p, "%s%s%s", dir, has_suffix(dir, "/") ? "" : "/", e->d_name);
        names[n++] = p.data;
    }
    closedir(d);
    int rc = 0;
    if (n == 0)
        rc = kf_error(err, KEYFIG_STATUS_IO, dir, 0, "no *.txt articles in this directory");
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            rc = add_file(r, names[i], err);
        free(names[i]);
    }
    free(names);
    return rc;
}

static int add_path(struct report *r, const char *path, struct keyfig_error *err)
{
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return add_dir(r, path, err);
    return add_file(r, path, err);
}

/* ---- the page ----------------------------------------------------------------------------- */

static void html_text(struct buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': buf_adds(b, "&lt;"); break;
        case '>': buf_adds(b, "&gt;"); break;
        case '&': buf_adds(b, "&amp;"); break;
        case '"': buf_adds(b, "&quot;"); break;
        default: buf_addc(b, *s);
        }
    }
}

/* An embedded asset, checked (when closer is given) so it cannot close its own element early. */
static const char *asset(const char *name, const char *closer, size_t *len, struct keyfig_error *err)
{
    const char *s = embedded_get(name, len);
    if (!s) {
        kf_error(err, KEYFIG_STATUS_IO, name, 0, "not built into this keyfig (rebuild with make)");
        return NULL;
    }
    for (size_t i = 0; closer && i + strlen(closer) <= *len; i++) {
        if (strncasecmp(s + i, closer, strlen(closer)) == 0) {
            kf_error(err, KEYFIG_STATUS_IO, name, 0, "contains \"%s\", which would end its element early", closer);
            return NULL;
        }
    }
    return s;
}

/* Fill the template's {{NAME}} placeholders in one pass: what is substituted is never scanned
 * again, so an article that contains "{{JS}}" stays text. */
static int fill_template(struct report *r, struct buf *page, struct keyfig_error *err)
{
    size_t tlen, clen, jlen;
    const char *tpl = asset("report.html", NULL, &tlen, err);
    const char *css = tpl ? asset("report.css", "</style", &clen, err) : NULL;
    const char *js = css ? asset("report.js", "</script", &jlen, err) : NULL;
    if (!js)
        return -1;
    const char *p = tpl, *end = tpl + tlen;
    while (p < end) {
        const char *open = strstr(p, "{{");
        const char *close = open ? strstr(open, "}}") : NULL;
        if (!close) {
            buf_add(page, p, (size_t)(end - p));
            break;
        }
        buf_add(page, p, (size_t)(open - p));
        size_t n = (size_t)(close - open - 2);
        const char *name = open + 2;
        if (n == 5 && !strncmp(name, "TITLE", 5))
            html_text(page, r->title);
        else if (n == 3 && !strncmp(name, "CSS", 3))
            buf_add(page, css, clen);
        else if (n == 2 && !strncmp(name, "JS", 2))
            buf_add(page, js, jlen);
        else if (n == 7 && !strncmp(name, "VERSION", 7))
            buf_adds(page, KEYFIG_VERSION);
        else if (n == 4 && !strncmp(name, "DATA", 4)) {
            buf_adds(page, "<script type=\"application/json\" id=\"kf-index\">[");
            if (r->index.len)
                buf_add(page, r->index.data, r->index.len);
            buf_adds(page, "]</script>\n");
            if (r->docs.len)
                buf_add(page, r->docs.data, r->docs.len);
        } else
            return kf_error(err, KEYFIG_STATUS_IO, "report.html", 0, "unknown placeholder {{%.*s}}", (int)n, name);
        p = close + 2;
    }
    return 0;
}

/* Write data to path through a temporary file in the same directory and rename(), so a reader
 * never sees half a page and a failed run leaves the old page in place. */
static int write_atomic(const char *path, const char *data, size_t len, struct keyfig_error *err)
{
    if (strcmp(path, "-") == 0) {
        if (fwrite(data, 1, len, stdout) != len)
            return kf_error(err, KEYFIG_STATUS_IO, "-", 0, "write error: %s", strerror(errno));
        return 0;
    }
    struct buf tmp = {0};
    buf_printf(&tmp, "%s.XXXXXX", path);
    int fd = mkstemp(tmp.data);
    if (fd < 0) {
        kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot create: %s", strerror(errno));
        buf_free(&tmp);
        return -1;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask); /* mkstemp makes 0600; a page is as readable as any other output */
    FILE *f = fdopen(fd, "wb");
    int ok = f && fwrite(data, 1, len, f) == len;
    ok = (f ? fclose(f) == 0 : (close(fd), 0)) && ok;
    if (!ok || rename(tmp.data, path) != 0) {
        kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot write: %s", strerror(errno));
        unlink(tmp.data);
        buf_free(&tmp);
        return -1;
    }
    buf_free(&tmp);
    return 0;
}

/* ---- options ------------------------------------------------------------------------------ */

static int usage_error(const char *fmt, const char *arg)
{
    fputs("keyfig: report: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nusage: keyfig report [options] PATH... -o FILE.html (see keyfig report --help)\n", stderr);
    return CLI_EXIT_USAGE;
}

/* Options may come before or after the paths (PATH... -o FILE). Paths are collected into
 * paths[]. Returns -1 to go on, or the exit code (0 after --help). */
static int parse_args(int argc, char **argv, struct report_opts *o, char **paths, int *npaths)
{
    static const struct {
        const char *lng, *shrt;
        size_t off;
    } opts[] = {
        {"--output", "-o", offsetof(struct report_opts, out)},
        {"--articles", NULL, offsetof(struct report_opts, articles)},
        {"--charts", NULL, offsetof(struct report_opts, charts)},
        {"--patterns", NULL, offsetof(struct report_opts, patterns)},
        {"--title", NULL, offsetof(struct report_opts, title)},
    };
    int only_paths = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_paths || a[0] != '-' || !strcmp(a, "-")) {
            paths[(*npaths)++] = argv[i];
            continue;
        }
        if (!strcmp(a, "--")) {
            only_paths = 1;
            continue;
        }
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(usage, stdout);
            return CLI_EXIT_OK;
        }
        size_t k, nopts = sizeof opts / sizeof opts[0];
        const char *val = NULL;
        for (k = 0; k < nopts; k++) {
            size_t n = strlen(opts[k].lng);
            if (!strcmp(a, opts[k].lng) || (opts[k].shrt && !strcmp(a, opts[k].shrt))) {
                if (i + 1 >= argc)
                    return usage_error("option %s needs a value", a);
                val = argv[++i];
                break;
            }
            if (!strncmp(a, opts[k].lng, n) && a[n] == '=') {
                val = a + n + 1;
                break;
            }
            if (opts[k].shrt && !strncmp(a, opts[k].shrt, 2) && a[2]) {
                val = a + 2; /* -oFILE */
                break;
            }
        }
        if (k == nopts)
            return usage_error("unknown option \"%s\"", a);
        *(const char **)((char *)o + opts[k].off) = val;
    }
    if (!o->out)
        return usage_error("%s", "no output file: give -o FILE.html");
    if (*npaths == 0)
        return usage_error("%s", "no input: give claims JSON, articles or directories");
    if (!*o->out)
        return usage_error("%s", "empty output file name");
    return -1;
}

int cmd_report(int argc, char **argv)
{
    struct report r = {.o = {.charts = "results"}};
    char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
    int npaths = 0;
    int rc = parse_args(argc, argv, &r.o, paths, &npaths);
    if (rc >= 0) {
        free(paths);
        return rc;
    }
    struct keyfig_error err = {0};
    struct buf page = {0};
    rc = 0;
    for (int i = 0; rc == 0 && i < npaths; i++)
        rc = add_path(&r, paths[i], &err);
    if (rc == 0) {
        if (r.o.title)
            r.title = (free(r.title), xstrdup(r.o.title));
        else if (r.n != 1 || !r.title) {
            struct buf t = {0};
            buf_printf(&t, "keyfig review: %zu article%s", r.n, r.n == 1 ? "" : "s");
            r.title = (free(r.title), t.data);
        }
        rc = fill_template(&r, &page, &err);
    }
    if (rc == 0)
        rc = write_atomic(r.o.out, page.data, page.len, &err);
    if (rc != 0)
        kf_print_error(&err, 0);
    buf_free(&page);
    buf_free(&r.index);
    buf_free(&r.docs);
    free(r.title);
    free(paths);
    keyfig_patterns_free(r.pat);
    return rc == 0 ? CLI_EXIT_OK : cli_exit(err.code ? err.code : KEYFIG_STATUS_IO);
}
