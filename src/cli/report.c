/* report: `keyfig report PATH... -o FILE.html` writes one self-contained review page for the
 * claims of one article or a corpus: plots/report.html with report.css, report.js, the data, the
 * charts and the review files to restore inlined. It gathers, checks and escapes data; the page
 * itself (report.js) does the review. It never judges claims and never fetches anything at view
 * time. Article text comes only from what the command line names: a claims document's
 * article.source is never opened (it could name /etc/passwd, /dev/zero or a FIFO). */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claimsdoc.h"
#include "cli.h"
#include "inputs.h"
#include "fs.h"
#include "keyfig.h"
#include "pagejson.h"
#include "patset.h"
#include "spancheck.h"
#include "svg_clean.h"
#include "template.h"
#include "reader.h"
#include "util.h"

static const char usage[] =
    "usage: keyfig report [options] PATH... -o FILE.html\n"
    "\n"
    "Write one self-contained HTML page (no network, everything inline) to review the claims of\n"
    "one article or a corpus: highlights in the text, verdicts, missed figures, review and gold\n"
    "TSV export.\n"
    "\n"
    "PATH: claims JSON as `keyfig extract` writes it (a document, an array, JSON Lines), and the\n"
    "articles: files, directories of *.txt, or with --input jsonl JSON Lines records (a file or a\n"
    "directory of *.jsonl); - is standard input (claims JSON, or one article). Claims find their\n"
    "article by article.id; an article named without claims is extracted with every number (--all).\n"
    "article.source is never opened: name the articles, or give --articles DIR.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE    the page to write (- for standard output); required\n"
    "  --input jsonl|text   read the articles as JSON Lines records {\"id\": ..., \"text\": ...}\n"
    "                       (a .json/.jsonl file whose first document has \"claims\" is still claims)\n"
    "  --text-field NAME    the member of a record that holds its text (default text)\n"
    "  --articles DIR       the text of claims whose article is not named: DIR/<id>.txt\n"
    "  --review FILE        restore the verdicts of a review TSV exported from the page; repeat it\n"
    "                       to merge several reviews (the page lists where they disagree)\n"
    "  --charts DIR         inline DIR/<id>/figures.svg from `keyfig plot` where present (default results)\n"
    "  --patterns DIR       pattern set for extraction and the page's numeral parser (default: built in)\n"
    "  --max-article-bytes N  refuse larger articles and review files (default 67108864)\n"
    "  --title TEXT         the page title (default: the article's title, or the corpus size)\n"
    "  -h, --help           this help\n"
    "\n"
    "exit status: 0 success; 1 an input could not be read, or claims whose text is missing or does\n"
    "not hold their spans (reported, left out; the page holds the rest); 2 usage error; 3 invalid\n"
    "pattern data\n";

struct report_opts {
    const char *out, *articles, *charts, *patterns, *title, *input, *max_bytes, *text_field;
    const char **reviews; /* --review FILE, in order */
    size_t nreviews;
};

/* An article named on the command line (a file or a JSON Lines record). */
struct text {
    char *id, *from; /* from: the file, or file:line of a record, for messages */
    char *text;      /* as the page shows it: see page_text */
    char *json;      /* the claims of the reading that gave text (a web page, a PDF, GB18030): see
                      * page_text; NULL when text is the file as it is */
    size_t len;
    int claimed;     /* claims were given for it: it is not extracted */
};

struct report {
    struct report_opts o;
    size_t max_bytes;
    struct keyfig_patterns *pat; /* loaded at the first article that needs the library */
    struct text *texts;          /* in command-line order */
    size_t ntexts;
    size_t *by_id;               /* texts sorted by id, for finding a claims document's text */
    struct buf index;            /* JSON array: one summary per article, for the corpus index */
    struct buf docs;             /* one <script type="application/json"> per article, and charts */
    size_t n;                    /* articles added */
    char *title;                 /* default page title */
    int failed;                  /* an input was reported and left out: the exit code */
};

/* ---- reading what a claims document leads to --------------------------------------------- */

/* An id that is safe as one file name component (ids come from JSON anybody may have written). */
static int id_is_name(const char *id)
{
    return fs_id_problem(id, 0) == NULL;
}

/* Read path only when it is a regular file of at most max bytes. Used for the files a claims
 * document's id leads to (DIR/<id>.txt, a chart): opening does not block (a FIFO), and a device
 * such as /dev/zero is refused before a byte is read. NULL with err filled (errno ENOENT kept in
 * *missing so that a chart that is not there is no error). */
static char *read_regular(const char *path, size_t max, size_t *len, int *missing, struct keyfig_error *err)
{
    *missing = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *missing = errno == ENOENT;
        kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot open: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    char *data = NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        kf_error(err, KEYFIG_STATUS_IO, path, 0, "not a regular file");
    else if ((size_t)st.st_size > max)
        kf_error(err, KEYFIG_STATUS_IO, path, 0, "larger than --max-article-bytes (%zu bytes)", max);
    else {
        size_t want = (size_t)st.st_size, n = 0;
        data = xmalloc(want + 1);
        ssize_t got;
        while (n < want && (got = read(fd, data + n, want - n)) > 0)
            n += (size_t)got;
        data[n] = '\0';
        *len = n;
    }
    close(fd);
    return data;
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
    int missing;
    char *svg = read_regular(path.data, r->max_bytes, &len, &missing, &err);
    if (!svg && !missing)
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
    svg_clean(svg, len, &r->docs);
    buf_adds(&r->docs, "</template>\n");
    free(svg);
    return 1;
}

/* ---- articles ------------------------------------------------------------------------------ */

/* A claim on the page: every field claimsdoc reads (claimsdoc_write_flat), but these. The page
 * shows the article itself, so no sentence (up to 300 characters a claim, on a page that may hold
 * 60,000 claims); it counts code points, not bytes; a PDF's claim links to its page, not its box. */
static const char *const page_leaves_out[] = {"sentence", "byte_start", "byte_end", "bbox", NULL};

/* Add one article: its index entry, its data element and its chart. */
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
    json_str(d, text, len);
    buf_adds(d, ",\"claims\":[");
    for (size_t i = 0; i < a->nclaims; i++) {
        if (i)
            buf_adds(d, ",\n");
        claimsdoc_write_flat(d, &a->claims[i], page_leaves_out);
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

/* The text of an article as the page shows it and as spans count it: UTF-8 (the library decodes
 * GB18030 and Big5), the article text of a web page or a PDF (the library reads them, as extract
 * did), without a byte-order mark, CRLF as one line break. Takes buf; returns a string the
 * caller frees, or NULL with err filled. Where the library had to read buf, *json (when json is
 * not NULL) receives the claims document of that reading (every number, article id), which the
 * caller frees: the claims of an article named without claims, a PDF's pages included. */
static char *page_text(struct report *r, const char *id, const char *from, char *buf, size_t *len, char **json,
                       struct keyfig_error *err)
{
    if (utf8_first_invalid(buf, *len) != (size_t)-1 ||
        reader_detect(KEYFIG_FORMAT_AUTO, from, buf, *len) != KEYFIG_FORMAT_TEXT) {
        struct keyfig_article *a = NULL;
        struct keyfig_options opts = {.all = 1, .warn = cli_warn};
        char *out = NULL;
        if (load_patterns(r, err) == 0 && (a = keyfig_extract(r->pat, id, from, buf, *len, &opts, err))) {
            const char *t = keyfig_article_text(a, len);
            out = xstrndup(t, *len);
            if (json && !(*json = keyfig_article_json(a, 1))) {
                kf_error(err, KEYFIG_STATUS_IO, from, 0, "cannot encode the claims as JSON (out of memory?)");
                free(out);
                out = NULL;
            }
        }
        keyfig_article_free(a);
        free(buf);
        if (!out)
            return NULL;
        buf = out;
    }
    size_t i = *len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0, w = 0;
    for (; i < *len; i++)
        if (!(buf[i] == '\r' && i + 1 < *len && buf[i + 1] == '\n'))
            buf[w++] = buf[i];
    buf[w] = '\0';
    *len = w;
    return buf;
}

/* Extract one article (with the numbers set aside, so the reviewer sees what was passed over)
 * and add it. Where page_text read the original (t->json), its claims are these: the page text
 * of a web page must not be read as HTML again, nor a PDF's as a PDF. */
static int add_extracted(struct report *r, const struct text *t, struct keyfig_error *err)
{
    struct keyfig_article *a = NULL;
    char *own = NULL;
    const char *json = t->json;
    if (!json) {
        if (load_patterns(r, err) != 0)
            return -1;
        struct keyfig_options opts = {.all = 1, .warn = cli_warn};
        if (!(a = keyfig_extract(r->pat, t->id, t->from, t->text, t->len, &opts, err)))
            return -1;
        json = own = keyfig_article_json(a, 1);
    }
    struct cd_list list = {0};
    int rc = json ? claimsdoc_parse(json, strlen(json), t->from, &list, err)
                  : kf_error(err, KEYFIG_STATUS_IO, t->from, 0, "cannot encode the claims as JSON (out of memory?)");
    for (size_t i = 0; rc == 0 && i < list.n; i++)
        add_article(r, &list.articles[i], t->text, t->len);
    claimsdoc_free(&list);
    free(own);
    keyfig_article_free(a);
    return rc;
}

/* Report err and go on with the other inputs; a pattern error stops everything. */
static int report_error(struct report *r, struct keyfig_error *err)
{
    kf_print_error(err, 0);
    r->failed = err->code ? cli_exit(err->code) : CLI_EXIT_RUNTIME;
    int stop = err->code == KEYFIG_STATUS_PATTERN;
    memset(err, 0, sizeof *err);
    return stop ? -1 : 0;
}

static const struct report *sort_ctx; /* qsort has no context argument */
static int by_text_id(const void *x, const void *y)
{
    const struct text *a = &sort_ctx->texts[*(const size_t *)x], *b = &sort_ctx->texts[*(const size_t *)y];
    int c = strcmp(a->id, b->id);
    return c ? c : (*(const size_t *)x > *(const size_t *)y) - (*(const size_t *)x < *(const size_t *)y);
}

/* Read the articles named on the command line (files, directories, JSON Lines records). An
 * article that cannot be read, or whose id an earlier one has, is reported and left out. */
static int read_texts(struct report *r, char **paths, int n, struct keyfig_error *err)
{
    struct input_opts io = {.jsonl = r->o.input && !strcmp(r->o.input, "jsonl"), .max_bytes = r->max_bytes,
                            .text_field = r->o.text_field};
    struct inputs *in = inputs_open(paths, n, &io);
    struct input_article a;
    int got, rc = 0;
    while (rc == 0 && (got = inputs_next(in, &a, err)) != 0) {
        if (got < 0 || input_record_decode(&a, &io, err) != 0) {
            rc = report_error(r, err);
            input_article_free(&a);
            continue;
        }
        struct text t = {.id = a.id, .from = a.source};
        t.len = a.len;
        t.text = page_text(r, a.id, a.source, a.text, &t.len, &t.json, err);
        if (!t.text) {
            rc = report_error(r, err);
            free(a.id), free(a.source);
            continue;
        }
        r->texts = xrealloc(r->texts, (r->ntexts + 1) * sizeof *r->texts);
        r->texts[r->ntexts++] = t;
    }
    inputs_close(in);
    r->by_id = xmalloc((r->ntexts + 1) * sizeof *r->by_id);
    for (size_t i = 0; i < r->ntexts; i++)
        r->by_id[i] = i;
    sort_ctx = r;
    qsort(r->by_id, r->ntexts, sizeof *r->by_id, by_text_id);
    for (size_t i = 1; rc == 0 && i < r->ntexts; i++) {
        struct text *dup = &r->texts[r->by_id[i]];
        if (!strcmp(dup->id, r->texts[r->by_id[i - 1]].id)) {
            kf_error(err, KEYFIG_STATUS_IO, dup->from, 0, "article id \"%s\" was given before; this one is left out",
                     dup->id);
            dup->claimed = 1; /* neither matched nor extracted */
            rc = report_error(r, err);
        }
    }
    return rc;
}

/* The named article with this id (the first one given), or NULL. */
static struct text *find_text(struct report *r, const char *id)
{
    size_t lo = 0, hi = r->ntexts;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(r->texts[r->by_id[mid]].id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->ntexts && !strcmp(r->texts[r->by_id[lo]].id, id) ? &r->texts[r->by_id[lo]] : NULL;
}

/* Add the documents of one claims file, each with its text: an article named on the command
 * line, else --articles DIR/<id>.txt. A document without text, or whose spans its text does not
 * hold, is an error: reported and left out. */
static int add_claims(struct report *r, const char *path, const char *data, size_t len, struct keyfig_error *err)
{
    struct cd_list list = {0};
    if (claimsdoc_parse(data, len, path, &list, err) != 0) {
        claimsdoc_free(&list);
        return report_error(r, err);
    }
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < list.n; i++) {
        const struct cd_article *a = &list.articles[i];
        const char *id = a->id ? a->id : "";
        struct text *t = find_text(r, id);
        char *own = NULL;
        size_t tlen = 0;
        if (t) {
            t->claimed = 1;
        } else if (r->o.articles && id_is_name(id)) {
            struct buf p = {0};
            buf_printf(&p, "%s/%s.txt", r->o.articles, id);
            int missing;
            own = read_regular(p.data, r->max_bytes, &tlen, &missing, err);
            if (own)
                own = page_text(r, id, p.data, own, &tlen, NULL, err);
            if (!own && missing) {
                memset(err, 0, sizeof *err);
                kf_error(err, KEYFIG_STATUS_IO, path, 0, "article \"%s\": no text: %s does not exist", id, p.data);
            }
            buf_free(&p);
        } else {
            kf_error(err, KEYFIG_STATUS_IO, path, 0,
                     "article \"%s\": no text: name its article file or record on the command line, or give "
                     "--articles DIR", id);
        }
        const char *text = t ? t->text : own;
        size_t n = t ? t->len : tlen;
        if (text && check_spans(path, a, text, n, err) == 0)
            add_article(r, a, text, n);
        else
            rc = report_error(r, err);
        free(own);
    }
    claimsdoc_free(&list);
    return rc;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Sort the paths into claims and articles, and add everything. Standard input and .json/.jsonl
 * files are claims when their first document is (claimsdoc_is_claims); standard input that is
 * not is one article. */
static int add_inputs(struct report *r, char **paths, int npaths, struct keyfig_error *err)
{
    char **articles = xcalloc((size_t)npaths + 1, sizeof *articles);
    char **cpath = xcalloc((size_t)npaths + 1, sizeof *cpath), **cdata = xcalloc((size_t)npaths + 1, sizeof *cdata);
    size_t *clen = xcalloc((size_t)npaths + 1, sizeof *clen);
    int na = 0, nc = 0, rc = 0;
    int jsonl = r->o.input && !strcmp(r->o.input, "jsonl");
    char *stdin_text = NULL;
    size_t stdin_len = 0;
    for (int i = 0; rc == 0 && i < npaths; i++) {
        int is_stdin = !strcmp(paths[i], "-");
        if (!is_stdin && !has_suffix(paths[i], ".json") && !has_suffix(paths[i], ".jsonl")) {
            articles[na++] = paths[i];
            continue;
        }
        if (is_stdin && jsonl) { /* records: read by inputs */
            articles[na++] = paths[i];
            continue;
        }
        size_t len;
        char *data = util_slurp(paths[i], 0, &len, err); /* claims of a corpus may be large */
        if (!data) {
            rc = report_error(r, err);
            continue;
        }
        if (claimsdoc_is_claims(data, len) || (!is_stdin && !jsonl)) {
            cpath[nc] = paths[i], cdata[nc] = data, clen[nc++] = len;
        } else if (is_stdin) {
            stdin_text = data, stdin_len = len;
        } else {
            articles[na++] = paths[i];
            free(data);
        }
    }
    if (rc == 0)
        rc = read_texts(r, articles, na, err);
    if (rc == 0 && stdin_text) {
        struct text t = {.id = xstrdup("stdin"), .from = xstrdup("-"), .len = stdin_len};
        t.text = page_text(r, t.id, "-", stdin_text, &t.len, &t.json, err);
        stdin_text = NULL;
        if (t.text) {
            rc = add_extracted(r, &t, err);
            if (rc != 0)
                rc = report_error(r, err);
        } else {
            rc = report_error(r, err);
        }
        free(t.id), free(t.from), free(t.text), free(t.json);
    }
    for (int i = 0; i < nc; i++) {
        if (rc == 0)
            rc = add_claims(r, cpath[i], cdata[i], clen[i], err);
        free(cdata[i]);
    }
    for (size_t i = 0; rc == 0 && i < r->ntexts; i++)
        if (!r->texts[i].claimed && add_extracted(r, &r->texts[i], err) != 0)
            rc = report_error(r, err);
    free(stdin_text);
    free(articles), free(cpath), free(cdata), free(clen);
    return rc;
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

/* The review files to restore, as one JSON array of {name, text}: the page parses and merges
 * them (report.js), the same code that reads a file dropped on the page. */
static int add_reviews(struct report *r, struct buf *out, struct keyfig_error *err)
{
    buf_adds(out, "<script type=\"application/json\" id=\"kf-reviews\">[");
    for (size_t i = 0; i < r->o.nreviews; i++) {
        const char *path = r->o.reviews[i];
        size_t len;
        char *text = util_slurp(path, r->max_bytes, &len, err);
        if (!text)
            return -1;
        size_t bad = utf8_first_invalid(text, len);
        if (bad != (size_t)-1) {
            free(text);
            return kf_error(err, KEYFIG_STATUS_IO, path, 0, "not UTF-8 (invalid byte at %zu)", bad);
        }
        const char *base = strrchr(path, '/');
        buf_adds(out, i ? ",{\"name\":" : "{\"name\":");
        json_cstr(out, base ? base + 1 : path);
        buf_adds(out, ",\"text\":");
        json_str(out, text, len);
        buf_addc(out, '}');
        free(text);
    }
    buf_adds(out, "]</script>\n");
    return 0;
}

/* The pattern files the page's numeral parser reads (numerals, units, approximation words), as a
 * JSON object of their texts: the page parses a selected figure with the same data as extract. */
static int add_lexicon(struct report *r, struct buf *out, struct keyfig_error *err)
{
    static const char *const files[] = {"numerals.tsv", "units.tsv", "approx.tsv"};
    struct patset *ps = patset_open(r->o.patterns, err);
    if (!ps)
        return -1;
    buf_adds(out, "<script type=\"application/json\" id=\"kf-lexicon\">{");
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        size_t len;
        const char *path;
        const char *t = patset_get(ps, files[i], &len, &path, err);
        if (!t) {
            patset_free(ps);
            return -1;
        }
        buf_printf(out, "%s\"%.*s\":", i ? "," : "", (int)(strlen(files[i]) - 4), files[i]);
        json_str(out, t, len);
    }
    buf_adds(out, "}</script>\n");
    patset_free(ps);
    return 0;
}

static int fill_page(struct report *r, struct buf *page, struct keyfig_error *err)
{
    size_t clen, flen, jlen;
    const char *css = asset("report.css", "</style", &clen, err);
    const char *formats = css ? asset("review.js", "</script", &flen, err) : NULL; /* KFReview */
    const char *js = formats ? asset("report.js", "</script", &jlen, err) : NULL;
    if (!js)
        return -1;
    struct tpl_vars vs = {0};
    html_text(tpl_var(&vs, "TITLE"), r->title);
    buf_add(tpl_var(&vs, "CSS"), css, clen);
    buf_add(tpl_var(&vs, "JS"), formats, flen);
    buf_add(tpl_var(&vs, "JS"), js, jlen);
    buf_adds(tpl_var(&vs, "VERSION"), KEYFIG_VERSION);
    struct buf *data = tpl_var(&vs, "DATA");
    buf_adds(data, "<script type=\"application/json\" id=\"kf-index\">[");
    if (r->index.len)
        buf_add(data, r->index.data, r->index.len);
    buf_adds(data, "]</script>\n");
    if (r->docs.len)
        buf_add(data, r->docs.data, r->docs.len);
    int rc = add_reviews(r, data, err);
    if (rc == 0)
        rc = add_lexicon(r, data, err);
    if (rc == 0)
        rc = tpl_fill("report.html", &vs, page, err);
    tpl_vars_free(&vs);
    return rc;
}

static int write_page(FILE *f, void *data)
{
    const struct buf *page = data;
    return fwrite(page->data, 1, page->len, f) == page->len ? 0 : -1;
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
        {"--input", NULL, offsetof(struct report_opts, input)},
        {"--text-field", NULL, offsetof(struct report_opts, text_field)},
        {"--max-article-bytes", NULL, offsetof(struct report_opts, max_bytes)},
        {"--review", NULL, 0}, /* repeatable: collected in o->reviews */
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
        if (!strcmp(opts[k].lng, "--review"))
            o->reviews[o->nreviews++] = val;
        else
            *(const char **)((char *)o + opts[k].off) = val;
    }
    if (!o->out)
        return usage_error("%s", "no output file: give -o FILE.html");
    if (*npaths == 0)
        return usage_error("%s", "no input: give claims JSON, articles or directories");
    if (!*o->out)
        return usage_error("%s", "empty output file name");
    if (o->input && strcmp(o->input, "jsonl") && strcmp(o->input, "text"))
        return usage_error("--input \"%s\" (expected jsonl or text)", o->input);
    return -1;
}

int cmd_report(int argc, char **argv)
{
    struct report r = {.o = {.charts = "results"}, .max_bytes = 64u << 20};
    char **paths = xcalloc((size_t)argc + 1, sizeof *paths);
    r.o.reviews = xcalloc((size_t)argc + 1, sizeof *r.o.reviews);
    int npaths = 0;
    int rc = parse_args(argc, argv, &r.o, paths, &npaths);
    if (rc < 0 && r.o.max_bytes) {
        char *end;
        unsigned long long v = strtoull(r.o.max_bytes, &end, 10);
        if (*end || !v || *r.o.max_bytes == '-')
            rc = usage_error("--max-article-bytes \"%s\" (expected a positive whole number)", r.o.max_bytes);
        r.max_bytes = (size_t)v;
    }
    if (rc >= 0) {
        free(paths);
        free(r.o.reviews);
        return rc;
    }
    struct keyfig_error err = {0};
    struct buf page = {0};
    rc = 0;
    rc = add_inputs(&r, paths, npaths, &err);
    if (rc == 0 && r.n == 0 && r.failed)
        rc = -1; /* nothing left to review: no page (what failed was reported) */
    if (rc == 0) {
        if (r.o.title)
            r.title = (free(r.title), xstrdup(r.o.title));
        else if (r.n != 1 || !r.title) {
            struct buf t = {0};
            buf_printf(&t, "keyfig review: %zu article%s", r.n, r.n == 1 ? "" : "s");
            r.title = (free(r.title), t.data);
        }
        rc = fill_page(&r, &page, &err);
    }
    if (rc == 0) {
        struct fs_files *inputs = fs_files_new(); /* report a.json -o a.json must not eat its input */
        for (int i = 0; i < npaths; i++)
            fs_files_add_input(inputs, paths[i]);
        rc = fs_write(r.o.out, write_page, &page, inputs, &err); /* atomic; a FIFO or device in place */
        fs_files_free(inputs);
    }
    if (rc != 0 && err.code) /* errors met on the way were printed as they came */
        kf_print_error(&err, 0);
    buf_free(&page);
    buf_free(&r.index);
    buf_free(&r.docs);
    free(r.title);
    free(paths);
    free(r.o.reviews);
    for (size_t i = 0; i < r.ntexts; i++)
        free(r.texts[i].id), free(r.texts[i].from), free(r.texts[i].text), free(r.texts[i].json);
    free(r.texts);
    free(r.by_id);
    keyfig_patterns_free(r.pat);
    return rc == 0 ? r.failed : err.code ? cli_exit(err.code) : r.failed ? r.failed : CLI_EXIT_RUNTIME;
}
