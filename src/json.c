/* json: the write stage: an extracted article -> the JSON document of CLAIMS.md, read through
 * keyfig.h's accessors alone (no stage's internals). The only file of libkeyfig that includes
 * jansson.h. Keys keep insertion order; whole numbers are JSON integers.
 * Strings go in unchecked (the _nocheck calls): every one is cut from text that decode.c has
 * already validated as UTF-8, and checking again cost a tenth of the run. */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "keyfig.h"
#include "util.h"

/* A number written as a JSON integer: whole and below 2^53. */
static int whole(double v)
{
    return v == floor(v) && fabs(v) < 9007199254740992.0;
}

static json_t *number(double v)
{
    return whole(v) ? json_integer((json_int_t)v) : json_real(v);
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
 * is still encoded by Jansson (json_dumpb with JSON_ENCODE_ANY), through three values reused
 * from value to value (not a json_t allocated and freed for each).
 * An encoding depends only on the value (and the writer's flags, fixed for the writer): each
 * one Jansson made is kept, and the same value met again later is written as those bytes --
 * the sentence when it is the previous claim's (half of all claims share their neighbour's;
 * a third of the output is sentences), short strings (kinds, units, rule ids) and numbers in
 * small tables looked up by content. Keys are compared in full (bytes, not pointers: a string
 * may be freed and its address reused for another). */

#define SHORT_MAX 48        /* strings of at most this many bytes are kept in the short table */
#define ENC_MAX 64          /* an encoding kept in a table: at most this many bytes */
#define NSHORT 128          /* short strings kept (a power of two) */
#define NNUMS 128           /* numbers kept (a power of two) */

struct enc_string {
    unsigned char len, enc_len;   /* 0: empty slot (the empty string is encoded, never kept) */
    char s[SHORT_MAX], enc[ENC_MAX];
};

struct enc_number {
    unsigned char enc_len, real; /* enc_len 0: empty slot */
    uint64_t bits;               /* the integer, or the double's bits */
    char enc[30];
};

struct json_cache {
    json_t *str, *integer, *real; /* reused for every value Jansson encodes */
    struct buf sentence, sentence_enc;
    int has_sentence;
    struct enc_string strings[NSHORT];
    struct enc_number numbers[NNUMS];
};

static struct json_cache *cache_of(struct json_writer *w)
{
    if (!w->cache) {
        struct json_cache *k = xmalloc(sizeof *k); /* 20 KB: only what says a slot is empty is cleared */
        for (size_t i = 0; i < NSHORT; i++)
            k->strings[i].len = 0;
        for (size_t i = 0; i < NNUMS; i++)
            k->numbers[i].enc_len = 0;
        k->sentence = k->sentence_enc = (struct buf){0};
        k->has_sentence = 0;
        k->str = json_string_nocheck("");
        k->integer = json_integer(0);
        k->real = json_real(0);
        w->cache = k;
        if (!k->str || !k->integer || !k->real)
            w->failed = w->failed ? w->failed : 2;
    }
    return w->cache;
}

static void cache_free(struct json_writer *w)
{
    struct json_cache *k = w->cache;
    if (!k)
        return;
    json_decref(k->str);
    json_decref(k->integer);
    json_decref(k->real);
    buf_free(&k->sentence);
    buf_free(&k->sentence_enc);
    free(k);
    w->cache = NULL;
}

/* n bytes at the end of the output (buf_add's work without its call where there is room) */
static inline void add(struct buf *b, const char *s, size_t n)
{
    if (b->cap - b->len > n) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
    } else {
        buf_add(b, s, n);
    }
}

static inline void addc(struct buf *b, char c)
{
    if (b->cap - b->len > 1)
        b->data[b->len++] = c;
    else
        buf_add(b, &c, 1);
}

static const char spaces[] = "                                ";

/* Jansson's encoding of v (a string or number of the cache's) at the end of the output; its
 * length, 0 when Jansson failed (w->failed is set). */
static size_t put_value(struct json_writer *w, json_t *v)
{
    struct buf *b = &w->out;
    buf_reserve(b, 64);
    size_t flags = w->flags | JSON_ENCODE_ANY;
    size_t n = json_dumpb(v, b->data + b->len, b->cap - b->len - 1, flags);
    if (n > b->cap - b->len - 1) {
        buf_reserve(b, n);
        n = json_dumpb(v, b->data + b->len, b->cap - b->len - 1, flags);
    }
    if (n == 0 || n > b->cap - b->len - 1) {
        w->failed = w->failed ? w->failed : 2;
        return 0;
    }
    b->len += n;
    return n;
}

/* Jansson's encoding of the n bytes at s, newly made */
static size_t encode_string(struct json_writer *w, const char *s, size_t n)
{
    struct json_cache *k = cache_of(w);
    if (w->failed)
        return 0;
    if (json_string_setn_nocheck(k->str, s, n) != 0) {
        w->failed = w->failed ? w->failed : 2;
        return 0;
    }
    return put_value(w, k->str);
}

static size_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ^ (h >> 15);
}

static void put_string(struct json_writer *w, const char *s)
{
    if (!s) {
        add(&w->out, "null", 4);
        return;
    }
    size_t n = strlen(s);
    if (n == 0 || n > SHORT_MAX) {
        encode_string(w, s, n);
        return;
    }
    struct enc_string *e = &cache_of(w)->strings[hash_bytes(s, n) & (NSHORT - 1)];
    if (e->len == n && !memcmp(e->s, s, n)) {
        add(&w->out, e->enc, e->enc_len);
        return;
    }
    size_t m = encode_string(w, s, n);
    if (m && m <= ENC_MAX) {
        memcpy(e->s, s, n);
        e->len = (unsigned char)n;
        memcpy(e->enc, w->out.data + w->out.len - m, m);
        e->enc_len = (unsigned char)m;
    }
}

/* The sentence: the previous claim's encoding again when the text is the same. */
static void put_sentence(struct json_writer *w, const char *s)
{
    if (!s) {
        add(&w->out, "null", 4);
        return;
    }
    struct json_cache *k = cache_of(w);
    size_t n = strlen(s);
    if (k->has_sentence && k->sentence.len == n && !memcmp(k->sentence.data, s, n)) {
        add(&w->out, k->sentence_enc.data, k->sentence_enc.len);
        return;
    }
    k->has_sentence = 0;
    size_t m = encode_string(w, s, n);
    if (!m)
        return;
    k->sentence.len = k->sentence_enc.len = 0;
    buf_add(&k->sentence, s, n);
    buf_add(&k->sentence_enc, w->out.data + w->out.len - m, m);
    k->has_sentence = 1;
}

/* An integer, or for a real the double's bits. */
static void put_number_as(struct json_writer *w, double v, int real, long long iv)
{
    struct json_cache *k = cache_of(w);
    uint64_t bits;
    if (real)
        memcpy(&bits, &v, sizeof bits);
    else
        bits = (uint64_t)iv;
    struct enc_number *e = &k->numbers[(size_t)(((bits ^ (uint64_t)real) * 0x9E3779B97F4A7C15u) >> 32) & (NNUMS - 1)];
    if (e->enc_len && e->bits == bits && e->real == real) {
        add(&w->out, e->enc, e->enc_len);
        return;
    }
    if (w->failed)
        return;
    json_t *j = real ? k->real : k->integer;
    if (real ? json_real_set(j, v) != 0 : json_integer_set(j, (json_int_t)iv) != 0) {
        w->failed = w->failed ? w->failed : 2;
        return;
    }
    size_t m = put_value(w, j);
    if (m && m <= sizeof e->enc) {
        e->bits = bits;
        e->real = (unsigned char)real;
        memcpy(e->enc, w->out.data + w->out.len - m, m);
        e->enc_len = (unsigned char)m;
    }
}

static void put_int(struct json_writer *w, long long v)
{
    put_number_as(w, 0, 0, v);
}

/* as number() makes it: an integer when whole */
static void put_number(struct json_writer *w, double v)
{
    if (whole(v))
        put_number_as(w, 0, 0, (long long)v);
    else
        put_number_as(w, v, 1, 0);
}

/* A line break and the indent of the current level (indented layout only). */
static void newline(struct json_writer *w)
{
    if (!w->compact) {
        addc(&w->out, '\n');
        add(&w->out, spaces, 2 * (size_t)w->level);
    }
}

static void open_(struct json_writer *w, char c)
{
    addc(&w->out, c);
    w->level++;
    w->first = 1;
}

static void close_(struct json_writer *w, char c)
{
    w->level--;
    newline(w);
    addc(&w->out, c);
    w->first = 0;
}

/* Before the next member or element: its separator, line break and, for a member, its key
 * (quoted, with its colon: "\"id\":", kl bytes). Keys are plain ASCII words: nothing to escape. */
static void next_(struct json_writer *w, const char *key, size_t kl)
{
    if (!w->first)
        addc(&w->out, ',');
    w->first = 0;
    newline(w);
    if (key) {
        add(&w->out, key, kl);
        if (!w->compact)
            addc(&w->out, ' ');
    }
}

#define next(w, key) next_((w), "\"" key "\":", sizeof "\"" key "\":" - 1)
#define element(w) next_((w), NULL, 0)

#define member_string(w, key, s) (next(w, key), put_string((w), (s)))
#define member_int(w, key, v) (next(w, key), put_int((w), (v)))
#define member_literal(w, key, lit) (next(w, key), add(&(w)->out, (lit), strlen(lit)))

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
        add(&w->out, "null", 4);
    }
    next(w, "change");
    if (c->direction) {
        open_(w, '{');
        member_string(w, "direction", keyfig_direction_name(c->direction));
        next(w, "from");
        if (c->has_from)
            put_number(w, c->from);
        else
            add(&w->out, "null", 4);
        member_string(w, "basis", c->basis_word);
        close_(w, '}');
    } else {
        add(&w->out, "null", 4);
    }
    next(w, "span");
    open_(w, '{');
    member_int(w, "start", (long long)c->span.start);
    member_int(w, "end", (long long)c->span.end);
    member_int(w, "byte_start", (long long)c->span.byte_start);
    member_int(w, "byte_end", (long long)c->span.byte_end);
    close_(w, '}');
    member_string(w, "text", c->text);
    next(w, "sentence");
    put_sentence(w, c->sentence);
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
            element(w);
            put_number(w, c->bbox[k]);
        }
        close_(w, ']');
    } else {
        add(&w->out, "null", 4);
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

char *json_claims_direct(const struct keyfig_claim *c, size_t n, int compact)
{
    struct json_writer w;
    json_writer_init(&w, NULL, compact, NULL, NULL);
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_addc(&w.out, '\n');
        w.level = 0;
        claim_direct(&w, &c[i]);
    }
    cache_free(&w);
    if (w.failed) {
        buf_free(&w.out);
        return NULL;
    }
    buf_addc(&w.out, '\0');
    return w.out.data;
}

char *json_claim_direct(const struct keyfig_claim *c, int compact)
{
    return json_claims_direct(c, 1, compact);
}

int json_writer_end(struct json_writer *w)
{
    begin(w);
    buf_adds(&w->out, w->compact ? "]}" : w->n ? "\n  ]\n}" : "]\n}");
    flush(w);
    buf_free(&w->out);
    cache_free(w);
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
