/* claimsdoc: read the claims JSON that `keyfig extract` writes (one document, an array of
 * documents, or a stream of them such as JSON Lines) into the plain structs of claimsdoc.h, and
 * write a claim as the review page reads it, both by one table of a claim's fields.
 * With inputs.c (JSON Lines records), the only CLI file that includes jansson.h. It checks types,
 * not the claims' meaning. */
#include "claimsdoc.h"

#include <jansson.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "pagejson.h"
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

/* Every member of a claim that the commands read, and where struct cd_claim keeps it: the one
 * list of a claim's fields, which the reader, free_claim and the review page's writer
 * (claimsdoc_write_flat) all walk, so a field added here is read, freed and on the page. In the
 * order the page has always written them (CLAIMS.md puts range, change and span earlier); the
 * fields the page never had come last. */
enum cd_type {
    CD_INT,    /* int; 0 when absent, null or out of range */
    CD_ORDINAL, /* a 1-based int (a PDF's page): 0 when absent or null, and written null */
    CD_CLAIM,  /* true unless it is false (CLAIMS.md's own example leaves "claim" out) */
    CD_NUM,    /* double; 0 when absent */
    CD_OPTNUM, /* double, with the int at has saying whether it was there */
    CD_SIZE,   /* an offset: size_t up to 2^53; 0 when absent or out of range */
    CD_STR,    /* an owned string; NULL when absent, null or not a string */
    CD_JSON,   /* an array as owned compact JSON text; NULL when absent or not an array */
    CD_RANGE,  /* {"low", "high"}: has_range, low, high; written as [low, high] */
};

struct cd_field {
    const char *in;  /* the object it sits in ("change", "span"), NULL for the claim itself */
    const char *key;
    enum cd_type type;
    size_t off, has; /* where struct cd_claim keeps it (and, for CD_OPTNUM, whether it is there) */
};

#define AT(m) offsetof(struct cd_claim, m), 0 /* and no "has" */
static const struct cd_field cd_claim_fields[] = {
    {NULL, "id", CD_INT, AT(id)},
    {NULL, "claim", CD_CLAIM, AT(is_claim)},
    {NULL, "reason", CD_STR, AT(reason)},
    {NULL, "value", CD_NUM, AT(value)},
    {NULL, "value_text", CD_STR, AT(value_text)},
    {NULL, "unit", CD_STR, AT(unit)},
    {NULL, "kind", CD_STR, AT(kind)},
    {NULL, "subject", CD_STR, AT(subject)},
    {NULL, "approx", CD_STR, AT(approx)},
    {"change", "direction", CD_STR, AT(direction)},
    {"change", "basis", CD_STR, AT(basis)},
    {NULL, "text", CD_STR, AT(text)},
    {NULL, "rule", CD_STR, AT(rule)},
    {NULL, "subject_rule", CD_STR, AT(subject_rule)},
    {"change", "from", CD_OPTNUM, offsetof(struct cd_claim, from), offsetof(struct cd_claim, has_from)},
    {NULL, "range", CD_RANGE, AT(has_range)},
    {"span", "start", CD_SIZE, AT(start)},
    {"span", "end", CD_SIZE, AT(end)},
    {NULL, "item", CD_INT, AT(item)},
    {NULL, "page", CD_ORDINAL, AT(page)},
    {"span", "byte_start", CD_SIZE, AT(byte_start)},
    {"span", "byte_end", CD_SIZE, AT(byte_end)},
    {NULL, "sentence", CD_STR, AT(sentence)},
    {NULL, "bbox", CD_JSON, AT(bbox)},
};
#undef AT
static const size_t cd_claim_nfields = sizeof cd_claim_fields / sizeof cd_claim_fields[0];

#define FIELD(c, f, type) ((type *)((char *)(c) + (f)->off))
#define CFIELD(c, f, type) ((const type *)((const char *)(c) + (f)->off))

static void read_field(const json_t *j, const struct cd_field *f, struct cd_claim *c)
{
    const json_t *o = f->in ? json_object_get(j, f->in) : j;
    switch (f->type) {
    case CD_INT:
    case CD_ORDINAL: *FIELD(c, f, int) = get_int(o, f->key, 0); break;
    case CD_CLAIM: *FIELD(c, f, int) = !json_is_false(json_object_get(o, f->key)); break;
    case CD_NUM: get_num(o, f->key, FIELD(c, f, double)); break;
    case CD_OPTNUM: *(int *)((char *)c + f->has) = get_num(o, f->key, FIELD(c, f, double)); break;
    case CD_SIZE: *FIELD(c, f, size_t) = get_size(o, f->key); break;
    case CD_STR: *FIELD(c, f, char *) = get_str(o, f->key); break;
    case CD_RANGE: {
        const json_t *r = json_object_get(o, f->key);
        c->has_range = json_is_object(r) && get_num(r, "low", &c->low) && get_num(r, "high", &c->high);
        break;
    }
    case CD_JSON: {
        const json_t *v = json_object_get(o, f->key);
        *FIELD(c, f, char *) = json_is_array(v) ? json_dumps(v, JSON_COMPACT | JSON_REAL_PRECISION(15)) : NULL;
        break;
    }
    }
}

static void read_claim(const json_t *j, struct cd_claim *c)
{
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < cd_claim_nfields; i++)
        read_field(j, &cd_claim_fields[i], c);
}

static void free_claim(struct cd_claim *c)
{
    for (size_t i = 0; i < cd_claim_nfields; i++)
        if (cd_claim_fields[i].type == CD_STR || cd_claim_fields[i].type == CD_JSON)
            free(*FIELD(c, &cd_claim_fields[i], char *));
}

static int left_out(const char *key, const char *const *leave_out)
{
    for (; leave_out && *leave_out; leave_out++)
        if (!strcmp(key, *leave_out))
            return 1;
    return 0;
}

void claimsdoc_write_flat(struct buf *b, const struct cd_claim *c, const char *const *leave_out)
{
    const char *sep = "{";
    for (size_t i = 0; i < cd_claim_nfields; i++) {
        const struct cd_field *f = &cd_claim_fields[i];
        if (left_out(f->key, leave_out))
            continue;
        buf_adds(b, sep), json_key(b, f->key);
        sep = ",";
        switch (f->type) {
        case CD_INT: buf_printf(b, "%d", *CFIELD(c, f, int)); break;
        case CD_ORDINAL:
            if (*CFIELD(c, f, int))
                buf_printf(b, "%d", *CFIELD(c, f, int));
            else
                buf_adds(b, "null");
            break;
        case CD_CLAIM: buf_adds(b, *CFIELD(c, f, int) ? "true" : "false"); break;
        case CD_NUM: json_num(b, *CFIELD(c, f, double)); break;
        case CD_OPTNUM:
            if (*(const int *)((const char *)c + f->has))
                json_num(b, *CFIELD(c, f, double));
            else
                buf_adds(b, "null");
            break;
        case CD_SIZE: buf_printf(b, "%zu", *CFIELD(c, f, size_t)); break;
        case CD_STR: json_cstr(b, *CFIELD(c, f, char *)); break;
        case CD_JSON: json_raw(b, *CFIELD(c, f, char *)); break;
        case CD_RANGE:
            if (c->has_range) {
                buf_addc(b, '['), json_num(b, c->low), buf_addc(b, ','), json_num(b, c->high), buf_addc(b, ']');
            } else {
                buf_adds(b, "null");
            }
            break;
        }
    }
    buf_adds(b, *sep == '{' ? "{}" : "}");
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
