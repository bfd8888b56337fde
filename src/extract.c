/* extract: the library's entry points, which run the stages in order: load the pattern set;
 * for an article, read (decode.c, or the HTML and PDF readers) -> normalise (text.c) ->
 * metadata (title, date: metadata.c) -> match, parse, assemble, filter (claim.c, filter.c) -> finish
 * (finish.c) -> write (json.c, for keyfig_extract_write). */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "claim.h"
#include "cnnum.h"
#include "finish.h"
#include "html.h"
#include "json.h"
#include "lexicon.h"
#include "metadata.h"
#include "patset.h"
#include "pdf.h"
#include "reader.h"
#include "stagetime.h"
#include "matcher.h"
#include "rules.h"
#include "util.h"

struct keyfig_patterns *patterns_load(const char *dir, const struct kf_warner *lint, int normalizer,
                                      struct keyfig_error *err)
{
    struct keyfig_patterns *p = xcalloc(1, sizeof *p);
    size_t len;
    const char *path, *text;
    if (!(p->ps = patset_open(dir, err)) || !(p->lx = lexicon_load(p->ps, err)) ||
        !(p->rules = rules_load(p->ps, p->lx, lint, err)) ||
        !(text = patset_get(p->ps, "numerals.tsv", &len, &path, err)) ||
        !(p->num = cnnum_table_load(text, len, path, err)) || !(p->html = html_rules_load(p->ps, err)) ||
        (normalizer && !(p->nz = normalizer_new(p->ps, err)))) {
        keyfig_patterns_free(p);
        return NULL;
    }
    p->lx->numerals = p->num; /* subjects skip dates written in numerals (一九五四年) */
    return p;
}

struct keyfig_patterns *keyfig_patterns_load(const char *dir, struct keyfig_error *err)
{
    struct kf_guard g;
    if (setjmp(g.jb))
        return kf_nomem(err, dir), NULL;
    kf_guard_push(&g);
    struct keyfig_patterns *p = patterns_load(dir, NULL, 1, err);
    kf_guard_pop(&g);
    return p;
}

int article_check_size(uint64_t len, const char *source, struct keyfig_error *err)
{
    if (len <= UINT32_MAX)
        return 0;
    return kf_error(err, KEYFIG_STATUS_INPUT, source, 0,
                    "article of %llu bytes is too large (keyfig reads articles under 4 GiB; split it)",
                    (unsigned long long)len);
}

void keyfig_patterns_free(struct keyfig_patterns *p)
{
    if (!p)
        return;
    normalizer_free(p->nz);
    html_rules_free(p->html);
    cnnum_table_free(p->num);
    rules_free(p->rules);
    lexicon_free(p->lx);
    patset_free(p->ps);
    free(p);
}

/* An HTML page or a PDF through its reader: the text it extracts becomes the article's, with the
 * map back to the file and the metadata the document declares. */
static int read_document(const struct keyfig_patterns *p, struct keyfig_article *a, enum keyfig_format f,
                         const char *buf, size_t len, const struct keyfig_options *opts, struct keyfig_error *err)
{
    struct extracted x;
    if (f == KEYFIG_FORMAT_HTML ? html_read(p->html, buf, len, a->source, opts->encoding, opts->lenient, &x, err)
                                : pdf_read(buf, len, a->source, &x, err))
        return -1;
    a->dec.text = x.text, a->dec.len = x.len, a->dec.encoding = "UTF-8";
    a->dec.src_off = x.src_start, a->dec.src_end = x.src_end;
    a->places = x.places;
    a->title = x.title, a->date = x.date, a->url = x.url;
    return 0;
}

/* A field the caller gives replaces what the document said. */
static void take_meta(char **field, const char *given)
{
    if (!given)
        return;
    free(*field);
    *field = xstrdup(given);
}

/* Everything but finishing the claims (emit: see claims_find); reuse: see decode_input. */
static struct keyfig_article *prepare(const struct keyfig_patterns *p, const char *id, const char *source,
                                      const char *buf, size_t len, char **reuse, const struct keyfig_options *opts,
                                      unsigned trust, draft_fn emit, void *ctx, struct keyfig_error *err)
{
    static const struct keyfig_options defaults;
    if (!opts)
        opts = &defaults;
    if (article_check_size(len, source, err) != 0)
        return NULL;
    struct keyfig_article *a = xcalloc(1, sizeof *a);
    a->lx = p->lx;
    a->id = xstrdup(id ? id : "");
    a->source = xstrdup(source ? source : "");
    enum keyfig_format f = reader_detect(opts->format, a->source, buf, len);
    static const char *const format_names[] = {"text", "text", "html", "pdf", "jsonl"};
    a->format = format_names[f];
    int rc = f == KEYFIG_FORMAT_HTML || f == KEYFIG_FORMAT_PDF
                 ? read_document(p, a, f, buf, len, opts, err)
                 : decode_input(buf, len, a->source, opts->encoding, opts->lenient, (trust & EXTRACT_UTF8) != 0, reuse,
                                &p->lx->charset[CHR_COMMON], &a->dec, err);
    if (rc != 0 || article_check_size(a->dec.len, a->source, err) != 0) {
        keyfig_article_free(a);
        return NULL;
    }
    text_normalize(p->nz, a->dec.text, a->dec.len, &a->txt);
    /* the map's offsets wrapped if normalising made the text longer than 4 GiB: nothing read them yet */
    if (article_check_size(a->txt.norm_len, a->source, err) != 0) {
        keyfig_article_free(a);
        return NULL;
    }
    /* What the caller knows (a record's fields) first, then what the document declares, then
     * what the text says; before the claims, as a streaming writer writes the header first. */
    take_meta(&a->title, opts->title);
    take_meta(&a->date, opts->date);
    take_meta(&a->url, opts->url);
    const struct kf_warner warn = {opts->warn, opts->warn_data, *a->source ? a->source : a->id};
    struct matcher *m = matcher_new(p->rules, &warn);
    if (!a->title)
        a->title = metadata_title(p, m, a->dec.text, a->dec.len);
    if (!a->date)
        a->date = metadata_date(p, &a->txt);
    if (!a->url)
        a->url = xstrdup("");
    STAGE(STAGE_ASSEMBLE, claims_find(p, m, a, opts->all, emit, ctx));
    matcher_free(m);
    return a;
}

struct keyfig_article *keyfig_extract(const struct keyfig_patterns *p, const char *id, const char *source,
                                      const char *buf, size_t len, const struct keyfig_options *opts,
                                      struct keyfig_error *err)
{
    struct kf_guard g;
    if (setjmp(g.jb))
        return kf_nomem(err, source), NULL;
    kf_guard_push(&g);
    struct keyfig_article *a = prepare(p, id, source, buf, len, NULL, opts, 0, NULL, NULL, err);
    if (a)
        finish_claims(a, p->lx);
    kf_guard_pop(&g);
    return a;
}

/* prepare() for a buffer the caller gives away: kept as the article's text, or freed. */
static struct keyfig_article *prepare_taken(const struct keyfig_patterns *p, const char *id, const char *source,
                                            char *buf, size_t len, const struct keyfig_options *opts, unsigned trust,
                                            draft_fn emit, void *ctx, struct keyfig_error *err)
{
    char *block = buf;
    struct keyfig_article *a = prepare(p, id, source, buf, len, &block, opts, trust, emit, ctx, err);
    free(block); /* NULL when the article kept it */
    return a;
}

struct keyfig_article *keyfig_extract_take(const struct keyfig_patterns *p, const char *id, const char *source,
                                           char *buf, size_t len, const struct keyfig_options *opts,
                                           struct keyfig_error *err)
{
    return extract_take(p, id, source, buf, len, opts, 0, err);
}

struct keyfig_article *extract_take(const struct keyfig_patterns *p, const char *id, const char *source, char *buf,
                                    size_t len, const struct keyfig_options *opts, unsigned trust,
                                    struct keyfig_error *err)
{
    struct kf_guard g;
    if (setjmp(g.jb))
        return kf_nomem(err, source), NULL;
    kf_guard_push(&g);
    struct keyfig_article *a = prepare_taken(p, id, source, buf, len, opts, trust, NULL, NULL, err);
    if (a)
        finish_claims(a, p->lx);
    kf_guard_pop(&g);
    return a;
}

/* Claims written as the scan lets go of their drafts: finished one at a time (their strings
 * live until the next sentence's) and written at once. */
struct claim_stream {
    const struct lexicon *lx;
    int started;
    struct finisher f;
    struct json_writer w;
    struct keyfig_claim c;
    int compact;
    keyfig_write_fn write;
    void *data;
};

static void stream_start(struct claim_stream *cs, struct keyfig_article *a)
{
    if (cs->started)
        return;
    cs->started = 1;
    finisher_init(&cs->f, a, cs->lx, &a->strings, 1);
    json_writer_init(&cs->w, a, cs->compact, cs->write, cs->data);
}

static void stream_claim(void *ctx, struct keyfig_article *a, const struct draft *d)
{
    struct claim_stream *cs = ctx;
    stream_start(cs, a);
    if (cs->w.failed)
        return;
    STAGE(STAGE_FINISH, finish_claim(a, &cs->f, d, &cs->c));
    STAGE(STAGE_WRITE, json_writer_claim(&cs->w, &cs->c));
}

int keyfig_extract_write(const struct keyfig_patterns *p, const char *id, const char *source, char *buf, size_t len,
                         const struct keyfig_options *opts, int compact, keyfig_write_fn write, void *data,
                         struct keyfig_error *err)
{
    return extract_write(p, id, source, buf, len, opts, 0, compact, write, data, err);
}

int extract_write(const struct keyfig_patterns *p, const char *id, const char *source, char *buf, size_t len,
                  const struct keyfig_options *opts, unsigned trust, int compact, keyfig_write_fn write, void *data,
                  struct keyfig_error *err)
{
    struct kf_guard g;
    if (setjmp(g.jb))
        return kf_nomem(err, source);
    kf_guard_push(&g);
    struct claim_stream cs = {.lx = p->lx, .compact = compact, .write = write, .data = data};
    struct keyfig_article *a = prepare_taken(p, id, source, buf, len, opts, trust, stream_claim, &cs, err);
    if (!a) {
        kf_guard_pop(&g);
        return err && err->code ? err->code : KEYFIG_STATUS_INPUT;
    }
    stream_start(&cs, a);
    int rc;
    STAGE(STAGE_WRITE, rc = json_status(json_writer_end(&cs.w)));
    if (rc == KEYFIG_STATUS_NOMEM)
        kf_error(err, rc, a->source, 0, "cannot encode the claims as JSON (out of memory?); the output is incomplete");
    finisher_free(&cs.f);
    keyfig_article_free(a);
    kf_guard_pop(&g);
    return rc;
}

