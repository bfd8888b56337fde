/* json: an extracted article -> the JSON document of CLAIMS.md. The only file of libkeyfig
 * that includes jansson.h. Keys keep insertion order; whole numbers are JSON integers.
 * Strings go in unchecked (the _nocheck calls): every one is cut from text that decode.c has
 * already validated as UTF-8, and checking again cost a tenth of the run. */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>

#include "keyfig.h"

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

static json_t *claim_json(const struct keyfig_claim *c, size_t id)
{
    json_t *o = json_object();
    json_object_set_new_nocheck(o, "id", json_integer((json_int_t)id));
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
        json_object_set_new_nocheck(ch, "basis", c->basis == KEYFIG_YOY   ? json_string_nocheck("同比")
                                         : c->basis == KEYFIG_MOM ? json_string_nocheck("环比")
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
    return o;
}

char *keyfig_article_json(const struct keyfig_article *a, int compact)
{
    json_t *art = json_object();
    json_object_set_new_nocheck(art, "id", json_string_nocheck(keyfig_article_id(a)));
    json_object_set_new_nocheck(art, "source", json_string_nocheck(keyfig_article_source(a)));
    const char *title = keyfig_article_title(a), *date = keyfig_article_date(a);
    json_object_set_new_nocheck(art, "title", *title ? json_string_nocheck(title) : json_null());
    json_object_set_new_nocheck(art, "date", *date ? json_string_nocheck(date) : json_null());
    json_object_set_new_nocheck(art, "items", json_integer(keyfig_article_items(a)));
    json_t *claims = json_array();
    for (size_t i = 0; i < keyfig_article_nclaims(a); i++)
        json_array_append_new(claims, claim_json(keyfig_article_claim(a, i), i + 1));
    json_t *doc = json_object();
    json_object_set_new_nocheck(doc, "article", art);
    json_object_set_new_nocheck(doc, "claims", claims);
    size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) | (compact ? JSON_COMPACT : JSON_INDENT(2));
    char *out = json_dumps(doc, flags);
    json_decref(doc);
    return out;
}
