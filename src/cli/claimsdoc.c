/* claimsdoc: read the claims JSON that `keyfig extract` writes (one document, an array of
 * documents, or a stream of them such as JSON Lines) into the plain structs of claimsdoc.h.
 * The only CLI file that includes jansson.h. It checks types, not the claims' meaning. */
#include "claimsdoc.h"

#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* A copy of the string member key of o; NULL when it is absent, null or not a string. */
static char *get_str(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    if (!json_is_string(v))
        return NULL;
    return xstrndup(json_string_value(v), json_string_length(v));
}

/* The number member key of o (integer or real) into *out; 0 when it is not a number. */
static int get_num(const json_t *o, const char *key, double *out)
{
    const json_t *v = json_object_get(o, key);
    if (!json_is_number(v))
        return 0;
    *out = json_number_value(v);
    return 1;
}

/* Numbers from JSON anybody may have written: a double outside the target type's range would
 * make the cast undefined, so such a value reads as the default, like a missing one. */
static int get_int(const json_t *o, const char *key, int dflt)
{
    double d;
    return get_num(o, key, &d) && d >= INT_MIN && d <= INT_MAX ? (int)d : dflt;
}

static size_t get_size(const json_t *o, const char *key)
{
    double d;
    /* 2^53: every offset of a real article, and exactly representable */
    return get_num(o, key, &d) && d >= 0 && d <= 9007199254740992.0 ? (size_t)d : 0;
}

const char *claimsdoc_json_error(const char *text)
{
    /* Jansson names its flag: "\u0000 is not allowed without JSON_ALLOW_NUL" */
    return strstr(text, "JSON_ALLOW_NUL") ? "\\u0000 (a NUL character) is not allowed in a string" : text;
}

static void read_claim(const json_t *j, struct cd_claim *c)
{
    memset(c, 0, sizeof *c);
    c->id = get_int(j, "id", 0);
    /* CLAIMS.md's own example leaves "claim" out: a figure is a claim unless it says false. */
    c->is_claim = !json_is_false(json_object_get(j, "claim"));
    c->reason = get_str(j, "reason");
    get_num(j, "value", &c->value);
    c->value_text = get_str(j, "value_text");
    c->unit = get_str(j, "unit");
    c->kind = get_str(j, "kind");
    c->subject = get_str(j, "subject");
    c->approx = get_str(j, "approx");
    const json_t *range = json_object_get(j, "range");
    if (json_is_object(range) && get_num(range, "low", &c->low) && get_num(range, "high", &c->high))
        c->has_range = 1;
    const json_t *change = json_object_get(j, "change");
    if (json_is_object(change)) {
        c->direction = get_str(change, "direction");
        c->has_from = get_num(change, "from", &c->from);
        c->basis = get_str(change, "basis");
    }
    const json_t *span = json_object_get(j, "span");
    if (json_is_object(span)) {
        c->start = get_size(span, "start");
        c->end = get_size(span, "end");
        c->byte_start = get_size(span, "byte_start");
        c->byte_end = get_size(span, "byte_end");
    }
    c->text = get_str(j, "text");
    c->sentence = get_str(j, "sentence");
    c->rule = get_str(j, "rule");
    c->subject_rule = get_str(j, "subject_rule");
    c->item = get_int(j, "item", 0);
    c->page = get_int(j, "page", 0);
    const json_t *bbox = json_object_get(j, "bbox");
    c->bbox = json_is_array(bbox) ? json_dumps(bbox, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
}

static void free_claim(struct cd_claim *c)
{
    free(c->reason);
    free(c->value_text);
    free(c->unit);
    free(c->kind);
    free(c->subject);
    free(c->approx);
    free(c->direction);
    free(c->basis);
    free(c->text);
    free(c->sentence);
    free(c->rule);
    free(c->subject_rule);
    free(c->bbox);
}

static void free_article(struct cd_article *a)
{
    free(a->id);
    free(a->source);
    free(a->title);
    free(a->date);
    free(a->url);
    free(a->format);
    for (size_t i = 0; i < a->nclaims; i++)
        free_claim(&a->claims[i]);
    free(a->claims);
}

/* Append document doc to out. line is where the document starts, for messages. */
static int read_document(const json_t *doc, const char *path, size_t line, struct cd_list *out,
                         struct keyfig_error *err)
{
    const json_t *art = json_object_get(doc, "article");
    const json_t *claims = json_object_get(doc, "claims");
    if (!json_is_object(doc) || (art && !json_is_object(art) && !json_is_null(art)))
        return kf_error(err, KEYFIG_STATUS_IO, path, line,
                        "not a claims document (expected an object with \"article\" and \"claims\")");
    if (claims && !json_is_array(claims) && !json_is_null(claims))
        return kf_error(err, KEYFIG_STATUS_IO, path, line, "\"claims\" is not an array");
    struct cd_article a = {0};
    a.id = get_str(art, "id");
    a.source = get_str(art, "source");
    a.title = get_str(art, "title");
    a.date = get_str(art, "date");
    a.url = get_str(art, "url");
    a.format = get_str(art, "format");
    a.items = get_int(art, "items", 0);
    a.nclaims = json_array_size(claims);
    a.claims = xcalloc(a.nclaims, sizeof *a.claims);
    for (size_t i = 0; i < a.nclaims; i++) {
        const json_t *c = json_array_get(claims, i);
        if (!json_is_object(c)) {
            a.nclaims = i;
            free_article(&a);
            return kf_error(err, KEYFIG_STATUS_IO, path, line, "claim %zu is not an object", i + 1);
        }
        read_claim(c, &a.claims[i]);
    }
    out->articles = xrealloc(out->articles, (out->n + 1) * sizeof *out->articles);
    out->articles[out->n++] = a;
    return 0;
}

/* A top-level value: a document, or an array of documents. */
static int read_value(const json_t *v, const char *path, size_t line, struct cd_list *out,
                      struct keyfig_error *err)
{
    if (!json_is_array(v))
        return read_document(v, path, line, out, err);
    for (size_t i = 0; i < json_array_size(v); i++)
        if (read_document(json_array_get(v, i), path, line, out, err) < 0)
            return -1;
    return 0;
}

static size_t skip_space(const char *text, size_t len, size_t off, size_t *line)
{
    while (off < len && strchr(" \t\r\n", text[off]) && text[off]) {
        if (text[off] == '\n')
            (*line)++;
        off++;
    }
    return off;
}

static size_t count_lines(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == '\n';
    return k;
}

int claimsdoc_parse(const char *text, size_t len, const char *path, struct cd_list *out, struct keyfig_error *err)
{
    size_t off = 0, line = 1;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        off = 3;
    /* Decode one value at a time: this reads a single document, an array and JSON Lines
     * alike (and pretty-printed documents one after another). */
    for (off = skip_space(text, len, off, &line); off < len; off = skip_space(text, len, off, &line)) {
        json_error_t je;
        json_t *v = json_loadb(text + off, len - off, JSON_DISABLE_EOF_CHECK, &je);
        if (!v) {
            size_t at = line + (je.line > 0 ? (size_t)je.line - 1 : 0);
            return kf_error(err, KEYFIG_STATUS_IO, path, 0, "invalid JSON at line %zu: %s", at,
                            claimsdoc_json_error(je.text));
        }
        int rc = read_value(v, path, line, out, err);
        json_decref(v);
        if (rc < 0)
            return -1;
        line += count_lines(text + off, (size_t)je.position);
        off += (size_t)je.position;
    }
    return 0;
}

void claimsdoc_json_string(struct buf *b, const char *s)
{
    json_t *j = json_string(s ? s : "");
    char *t = j ? json_dumps(j, JSON_ENCODE_ANY) : NULL;
    buf_adds(b, t ? t : "\"\"");
    free(t);
    json_decref(j);
}

int claimsdoc_is_claims(const char *text, size_t len)
{
    size_t line = 1, off = len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
    off = skip_space(text, len, off, &line);
    json_error_t je;
    json_t *v = off < len ? json_loadb(text + off, len - off, JSON_DISABLE_EOF_CHECK, &je) : NULL;
    int yes = json_is_array(v) || json_object_get(v, "claims") || json_object_get(v, "article");
    json_decref(v);
    return yes;
}

int claimsdoc_read(const char *path, struct cd_list *out, struct keyfig_error *err)
{
    size_t len;
    char *text = util_slurp(path, 0, &len, err);
    if (!text)
        return -1;
    int rc = claimsdoc_parse(text, len, path, out, err);
    free(text);
    return rc;
}

void claimsdoc_free(struct cd_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        free_article(&l->articles[i]);
    free(l->articles);
    l->articles = NULL;
    l->n = 0;
}
