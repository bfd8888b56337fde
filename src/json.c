/* json: an extracted article -> the JSON document of CLAIMS.md. The only file of libkeyfig
 * that includes jansson.h. Keys keep insertion order; whole numbers are JSON integers.
 * Strings go in unchecked (the _nocheck calls): every one is cut from text that decode.c has
 * already validated as UTF-8, and checking again cost a tenth of the run. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "keyfig.h"
#include "util.h"

static json_t *number(double v)
{
    if (v == floor(v) && fabs(v) < 9007199254740992.0)
        return json_integer((json_int_t)v);
    return json_real(v);
}

static json_t *string_or_null(const char *s)
{
    return s ? json_string_nocheck(s) : json_null();
}

static json_t *span_json(const struct keyfig_span *s)
{
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "start", json_integer((json_int_t)s->start));
    json_object_set_new_nocheck(o, "end", json_integer((json_int_t)s->end));
    json_object_set_new_nocheck(o, "byte_start", json_integer((json_int_t)s->byte_start));
    json_object_set_new_nocheck(o, "byte_end", json_integer((json_int_t)s->byte_end));
    return o;
}

static json_t *claim_json(const struct keyfig_claim *c)
{
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "id", json_integer(c->id));
    json_object_set_new_nocheck(o, "claim", json_boolean(c->is_claim));
    json_object_set_new_nocheck(o, "reason", string_or_null(c->reason));
    json_object_set_new_nocheck(o, "value", number(c->value));
    json_object_set_new_nocheck(o, "value_text", json_string_nocheck(c->value_text));
    json_object_set_new_nocheck(o, "unit", json_string_nocheck(c->unit));
    json_object_set_new_nocheck(o, "kind", json_string_nocheck(keyfig_kind_name(c->kind)));
    json_object_set_new_nocheck(o, "subject", *c->subject ? json_string_nocheck(c->subject) : json_null());
    json_object_set_new_nocheck(o, "approx", string_or_null(keyfig_approx_name(c->approx)));
    if (c->has_range)
        json_object_set_new_nocheck(o, "range", json_pack("{s:o, s:o}", "low", number(c->low), "high", number(c->high)));
    else
        json_object_set_new_nocheck(o, "range", json_null());
    if (c->direction) {
        json_t *ch = json_object();
        json_object_set_new_nocheck(ch, "direction", json_string_nocheck(keyfig_direction_name(c->direction)));
        json_object_set_new_nocheck(ch, "from", c->has_from ? number(c->from) : json_null());
        json_object_set_new_nocheck(ch, "basis", c->basis == KEYFIG_BASIS_YOY   ? json_string_nocheck("同比")
                                         : c->basis == KEYFIG_BASIS_MOM ? json_string_nocheck("环比")
                                                                  : json_null());
        json_object_set_new_nocheck(o, "change", ch);
    } else {
        json_object_set_new_nocheck(o, "change", json_null());
    }
    json_object_set_new_nocheck(o, "span", span_json(&c->span));
    json_object_set_new_nocheck(o, "text", json_string_nocheck(c->text));
    json_object_set_new_nocheck(o, "sentence", json_string_nocheck(c->sentence));
    json_object_set_new_nocheck(o, "item", json_integer(c->item));
    json_object_set_new_nocheck(o, "rule", json_string_nocheck(c->rule));
    json_object_set_new_nocheck(o, "subject_rule", c->subject_rule ? json_string_nocheck(c->subject_rule) : json_null());
    json_object_set_new_nocheck(o, "page", c->page ? json_integer(c->page) : json_null());
    json_object_set_new_nocheck(o, "bbox", c->page ? json_pack("[o, o, o, o]", number(c->bbox[0]), number(c->bbox[1]),
                                                               number(c->bbox[2]), number(c->bbox[3]))
                                                   : json_null());
    return o;
}

/* ---- writing ----
 * The document is written claim by claim, never held whole: a 13 MB report has 77,000 claims and
 * a 55 MB document. Jansson encodes every value (the article object, each claim object); this
 * file adds only the punctuation between them, laid out exactly as Jansson lays out the whole
 * document (compact, or indented by 2 with ": " after keys). Output collects in a buffer that
 * goes to the caller's writer in large pieces. */

#define FLUSH_AT (64u << 10)

struct writer {
    keyfig_write_fn write;
    void *data;
    int failed;         /* 1: the writer failed; 2: Jansson could not encode (out of memory) */
    int depth;          /* indent every line after the first by 2*depth spaces */
    struct buf out;
};

static void flush(struct writer *w)
{
    if (w->out.len && !w->failed && w->write(w->out.data, w->out.len, w->data) != 0)
        w->failed = 1;
    w->out.len = 0;
}

/* Jansson's dump callback: a nested value's lines are indented by its depth. Every newline in
 * Jansson's output is layout (newlines inside strings are written as \n). */
static int collect(const char *s, size_t n, void *data)
{
    struct writer *w = data;
    static const char spaces[] = "                                ";
    const char *nl;
    while (w->depth && (nl = memchr(s, '\n', n))) {
        size_t k = (size_t)(nl - s) + 1;
        buf_add(&w->out, s, k);
        buf_add(&w->out, spaces, 2 * (size_t)w->depth);
        s += k, n -= k;
    }
    buf_add(&w->out, s, n);
    return w->failed ? -1 : 0;
}

/* Append v's encoding. Unindented values go straight into the buffer (json_dumpb, retried once
 * with more room when they do not fit): a callback per token cost a tenth of the run. */
static void dump(struct writer *w, json_t *v, size_t flags, int depth)
{
    if (depth) {
        w->depth = depth;
        if (json_dump_callback(v, collect, w, flags) != 0 && !w->failed)
            w->failed = 2;
    } else {
        struct buf *b = &w->out;
        buf_reserve(b, 4096);
        size_t n = json_dumpb(v, b->data + b->len, b->cap - b->len - 1, flags);
        if (n > b->cap - b->len - 1) {
            buf_reserve(b, n);
            n = json_dumpb(v, b->data + b->len, b->cap - b->len - 1, flags);
        }
        if (n == 0 || n > b->cap - b->len - 1)
            w->failed = w->failed ? w->failed : 2;
        else
            b->data[b->len += n] = '\0';
    }
    json_decref(v);
    w->depth = 0;
    if (w->out.len >= FLUSH_AT)
        flush(w);
}

static json_t *article_json(const struct keyfig_article *a)
{
    json_t *art = json_object();
    json_object_set_new_nocheck(art, "id", json_string_nocheck(keyfig_article_id(a)));
    json_object_set_new_nocheck(art, "source", json_string_nocheck(keyfig_article_source(a)));
    const char *title = keyfig_article_title(a), *date = keyfig_article_date(a);
    json_object_set_new_nocheck(art, "title", *title ? json_string_nocheck(title) : json_null());
    json_object_set_new_nocheck(art, "date", *date ? json_string_nocheck(date) : json_null());
    json_object_set_new_nocheck(art, "items", json_integer(keyfig_article_items(a)));
    const char *url = keyfig_article_url(a);
    /* a page's address is the page's text: it may hold anything, so it is checked */
    json_t *u = *url ? json_string(url) : NULL;
    json_object_set_new_nocheck(art, "url", u ? u : json_null());
    json_object_set_new_nocheck(art, "format", json_string_nocheck(keyfig_article_format(a)));
    return art;
}

int json_write(const struct keyfig_article *a, int compact, const struct keyfig_claim *(*next)(void *ctx), void *ctx,
               keyfig_write_fn write, void *data)
{
    struct writer w = {.write = write, .data = data};
    size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) | (compact ? JSON_COMPACT : JSON_INDENT(2));
    size_t n = 0;
    const struct keyfig_claim *c;
    buf_adds(&w.out, compact ? "{\"article\":" : "{\n  \"article\": ");
    dump(&w, article_json(a), flags, compact ? 0 : 1);
    buf_adds(&w.out, compact ? ",\"claims\":[" : ",\n  \"claims\": [");
    while (!w.failed && (c = next(ctx))) {
        buf_adds(&w.out, compact ? (n ? "," : "") : (n ? ",\n    " : "\n    "));
        n++;
        dump(&w, claim_json(c), flags, compact ? 0 : 2);
    }
    buf_adds(&w.out, compact ? "]}" : n ? "\n  ]\n}" : "]\n}");
    flush(&w);
    buf_free(&w.out);
    return -w.failed;
}

/* The claims of a finished article, in order. */
struct claim_list {
    const struct keyfig_article *a;
    size_t next;
};

static const struct keyfig_claim *list_next(void *ctx)
{
    struct claim_list *l = ctx;
    return keyfig_article_claim(l->a, l->next++);
}

int json_status(int rc)
{
    return rc == 0 ? KEYFIG_STATUS_OK : rc == -1 ? KEYFIG_STATUS_WRITE : KEYFIG_STATUS_NOMEM;
}

int keyfig_article_write(const struct keyfig_article *a, int compact, keyfig_write_fn write, void *data)
{
    struct kf_guard g;
    if (setjmp(g.jb))
        return KEYFIG_STATUS_NOMEM;
    kf_guard_push(&g);
    struct claim_list l = {a, 0};
    int rc = json_write(a, compact, list_next, &l, write, data);
    kf_guard_pop(&g);
    return json_status(rc);
}

static int to_buf(const char *s, size_t n, void *data)
{
    buf_add(data, s, n);
    return 0;
}

char *keyfig_article_json(const struct keyfig_article *a, int compact)
{
    struct buf b = {0};
    if (keyfig_article_write(a, compact, to_buf, &b) != KEYFIG_STATUS_OK) {
        buf_free(&b);
        return NULL;
    }
    return b.data ? b.data : calloc(1, 1);
}
