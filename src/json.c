/* json: the write stage: an extracted article -> the JSON document of CLAIMS.md, read through
 * keyfig.h's accessors alone (no stage's internals). The only file of libkeyfig that includes
 * jansson.h. Keys keep insertion order; whole numbers are JSON integers.
 * Strings go in unchecked (the _nocheck calls): every one is cut from text that decode.c has
 * already validated as UTF-8, and checking again cost a tenth of the run. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
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

/* The claim as a Jansson tree: the reference json_claim_direct must equal, byte for byte, once
 * dumped (json_claim_reference, for tests/unit/test_json.c and tests/fuzz/fuzz_json.c). */
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
        json_object_set_new_nocheck(ch, "basis", string_or_null(c->basis_word));
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
    json_object_set_new_nocheck(o, "page", c->page > 0 ? json_integer(c->page) : json_null());
    json_object_set_new_nocheck(o, "bbox", c->page > 0 ? json_pack("[o, o, o, o]", number(c->bbox[0]), number(c->bbox[1]),
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

static void flush(struct json_writer *w)
{
    if (w->out.len && !w->failed && w->write(w->out.data, w->out.len, w->data) != 0)
        w->failed = 1;
    w->out.len = 0;
}

/* Jansson's dump callback: a nested value's lines are indented by its depth. Every newline in
 * Jansson's output is layout (newlines inside strings are written as \n). */
static int collect(const char *s, size_t n, void *data)
{
    struct json_writer *w = data;
    static const char pad[] = "  ";
    const char *nl;
    while (w->depth && (nl = memchr(s, '\n', n))) {
        size_t k = (size_t)(nl - s) + 1;
        buf_add(&w->out, s, k);
        for (int d = 0; d < w->depth; d++)
            buf_add(&w->out, pad, 2);
        s += k, n -= k;
    }
    buf_add(&w->out, s, n);
    return w->failed ? -1 : 0;
}

/* Append v's encoding. Unindented values go straight into the buffer (json_dumpb, retried once
 * with more room when they do not fit): a callback per token cost a tenth of the run. */
static void dump(struct json_writer *w, json_t *v, int depth)
{
    if (depth) {
        w->depth = depth;
        if (json_dump_callback(v, collect, w, w->flags) != 0 && !w->failed)
            w->failed = 2;
    } else {
        struct buf *b = &w->out;
        buf_reserve(b, 4096);
        size_t n = json_dumpb(v, b->data + b->len, b->cap - b->len - 1, w->flags);
        if (n > b->cap - b->len - 1) {
            buf_reserve(b, n);
            n = json_dumpb(v, b->data + b->len, b->cap - b->len - 1, w->flags);
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

void json_writer_init(struct json_writer *w, const struct keyfig_article *a, int compact, keyfig_write_fn write,
                      void *data)
{
    *w = (struct json_writer){.a = a, .write = write, .data = data, .compact = compact};
    w->flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) | (compact ? JSON_COMPACT : JSON_INDENT(2));
}

/* The article object and the opening of the claims, before the first claim. */
static void begin(struct json_writer *w)
{
    if (w->begun)
        return;
    w->begun = 1;
    buf_adds(&w->out, w->compact ? "{\"article\":" : "{\n  \"article\": ");
    dump(w, article_json(w->a), w->compact ? 0 : 1);
    buf_adds(&w->out, w->compact ? ",\"claims\":[" : ",\n  \"claims\": [");
}

/* ---- a claim written directly ----
 * A tree per claim (18 keys, 30 values, each malloc'd, hashed and freed) was most of the JSON
 * cost. The claim's keys and punctuation are written here, laid out as Jansson lays out an
 * object (compact, or one key a line indented by 2, ": " after a key); every string and number
 * is still encoded by Jansson (json_dumpb with JSON_ENCODE_ANY). */

static const char spaces[] = "                                ";

/* Jansson's encoding of one string or number; v is taken. */
static void put_value(struct json_writer *w, json_t *v)
{
    struct buf *b = &w->out;
    buf_reserve(b, 64);
    size_t flags = w->flags | JSON_ENCODE_ANY;
    size_t n = v ? json_dumpb(v, b->data + b->len, b->cap - b->len - 1, flags) : 0;
    if (n > b->cap - b->len - 1) {
        buf_reserve(b, n);
        n = json_dumpb(v, b->data + b->len, b->cap - b->len - 1, flags);
    }
    if (n == 0 || n > b->cap - b->len - 1)
        w->failed = w->failed ? w->failed : 2;
    else
        b->data[b->len += n] = '\0';
    json_decref(v);
}

static void put_string(struct json_writer *w, const char *s)
{
    if (s)
        put_value(w, json_string_nocheck(s));
    else
        buf_adds(&w->out, "null");
}

static void put_number(struct json_writer *w, double v)
{
    put_value(w, number(v));
}

/* A line break and the indent of the current level (indented layout only). */
static void newline(struct json_writer *w)
{
    if (!w->compact) {
        buf_addc(&w->out, '\n');
        buf_add(&w->out, spaces, 2 * (size_t)w->level);
    }
}

static void open_(struct json_writer *w, char c)
{
    buf_addc(&w->out, c);
    w->level++;
    w->first = 1;
}

static void close_(struct json_writer *w, char c)
{
    w->level--;
    newline(w);
    buf_addc(&w->out, c);
    w->first = 0;
}

/* Before the next member or element: its separator, line break and, for a member, its key. */
static void next(struct json_writer *w, const char *key)
{
    if (!w->first)
        buf_addc(&w->out, ',');
    w->first = 0;
    newline(w);
    if (key) {
        buf_addc(&w->out, '"');
        buf_adds(&w->out, key); /* keys are plain ASCII words: nothing to escape */
        buf_adds(&w->out, w->compact ? "\":" : "\": ");
    }
}

static void member_string(struct json_writer *w, const char *key, const char *s)
{
    next(w, key);
    put_string(w, s);
}

static void member_int(struct json_writer *w, const char *key, long long v)
{
    next(w, key);
    put_value(w, json_integer((json_int_t)v));
}

static void member_literal(struct json_writer *w, const char *key, const char *lit)
{
    next(w, key);
    buf_adds(&w->out, lit);
}

static void claim_direct(struct json_writer *w, const struct keyfig_claim *c)
{
    open_(w, '{');
    member_int(w, "id", c->id);
    member_literal(w, "claim", c->is_claim ? "true" : "false");
    member_string(w, "reason", c->reason);
    next(w, "value");
    put_number(w, c->value);
    member_string(w, "value_text", c->value_text);
    member_string(w, "unit", c->unit);
    member_string(w, "kind", keyfig_kind_name(c->kind));
    member_string(w, "subject", *c->subject ? c->subject : NULL);
    member_string(w, "approx", keyfig_approx_name(c->approx));
    next(w, "range");
    if (c->has_range) {
        open_(w, '{');
        next(w, "low");
        put_number(w, c->low);
        next(w, "high");
        put_number(w, c->high);
        close_(w, '}');
    } else {
        buf_adds(&w->out, "null");
    }
    next(w, "change");
    if (c->direction) {
        open_(w, '{');
        member_string(w, "direction", keyfig_direction_name(c->direction));
        next(w, "from");
        if (c->has_from)
            put_number(w, c->from);
        else
            buf_adds(&w->out, "null");
        member_string(w, "basis", c->basis_word);
        close_(w, '}');
    } else {
        buf_adds(&w->out, "null");
    }
    next(w, "span");
    open_(w, '{');
    member_int(w, "start", (long long)c->span.start);
    member_int(w, "end", (long long)c->span.end);
    member_int(w, "byte_start", (long long)c->span.byte_start);
    member_int(w, "byte_end", (long long)c->span.byte_end);
    close_(w, '}');
    member_string(w, "text", c->text);
    member_string(w, "sentence", c->sentence);
    member_int(w, "item", c->item);
    member_string(w, "rule", c->rule);
    member_string(w, "subject_rule", c->subject_rule);
    if (c->page > 0)
        member_int(w, "page", c->page);
    else
        member_literal(w, "page", "null");
    next(w, "bbox");
    if (c->page > 0) { /* a claim of PDF input has its page and its box on it */
        open_(w, '[');
        for (int k = 0; k < 4; k++) {
            next(w, NULL);
            put_number(w, c->bbox[k]);
        }
        close_(w, ']');
    } else {
        buf_adds(&w->out, "null");
    }
    close_(w, '}');
}

void json_writer_claim(struct json_writer *w, const struct keyfig_claim *c)
{
    begin(w);
    if (w->failed)
        return;
    buf_adds(&w->out, w->compact ? (w->n ? "," : "") : (w->n ? ",\n    " : "\n    "));
    w->n++;
    w->level = w->compact ? 0 : 2; /* the claims array's elements are indented by 4 */
    claim_direct(w, c);
    if (w->out.len >= FLUSH_AT)
        flush(w);
}

char *json_claim_reference(const struct keyfig_claim *c, int compact)
{
    size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) | (compact ? JSON_COMPACT : JSON_INDENT(2));
    json_t *o = claim_json(c);
    char *s = json_dumps(o, flags);
    json_decref(o);
    return s;
}

char *json_claim_direct(const struct keyfig_claim *c, int compact)
{
    struct json_writer w;
    json_writer_init(&w, NULL, compact, NULL, NULL);
    claim_direct(&w, c);
    if (w.failed) {
        buf_free(&w.out);
        return NULL;
    }
    buf_addc(&w.out, '\0');
    return w.out.data;
}

int json_writer_end(struct json_writer *w)
{
    begin(w);
    buf_adds(&w->out, w->compact ? "]}" : w->n ? "\n  ]\n}" : "]\n}");
    flush(w);
    buf_free(&w->out);
    return -w->failed;
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
    struct json_writer w;
    json_writer_init(&w, a, compact, write, data);
    for (size_t i = 0; i < keyfig_article_nclaims(a) && !w.failed; i++)
        json_writer_claim(&w, keyfig_article_claim(a, i));
    int rc = json_writer_end(&w);
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
