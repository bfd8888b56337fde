/* article: an extracted article as keyfig.h shows it (accessors, freeing) and the names of
 * keyfig.h's enums. The write stage (json.c) reads the article through these alone. */
#include <stdlib.h>

#include "article.h"
#include "metadata.h"
#include "poslex.h"
#include "util.h"

void keyfig_article_free(struct keyfig_article *a)
{
    if (!a)
        return;
    poslex_memo_free(a->segmemo);
    arena_free(&a->strings);
    free(a->drafts);
    free(a->claims);
    free(a->item_starts);
    text_free(&a->txt);
    free(a->dec.text);
    srcmap_free(&a->dec.map);
    free(a->dec.src_off);
    free(a->dec.src_end);
    free(a->places);
    free(a->url);
    free(a->id);
    free(a->source);
    free(a->title);
    free(a->date);
    free(a);
}

size_t keyfig_article_nclaims(const struct keyfig_article *a)
{
    return a->nclaims;
}

const struct keyfig_claim *keyfig_article_claim(const struct keyfig_article *a, size_t i)
{
    return i < a->nclaims ? &a->claims[i] : NULL;
}

const char *keyfig_article_id(const struct keyfig_article *a)
{
    return a->id;
}

const char *keyfig_article_source(const struct keyfig_article *a)
{
    return a->source;
}

const char *keyfig_article_text(const struct keyfig_article *a, size_t *len)
{
    if (len)
        *len = a->dec.len;
    return a->dec.text;
}

const char *keyfig_article_title(const struct keyfig_article *a)
{
    return a->title;
}

const char *keyfig_article_date(const struct keyfig_article *a)
{
    return a->date;
}

int keyfig_article_items(const struct keyfig_article *a)
{
    return metadata_item_of(a, a->txt.norm_len);
}

const char *keyfig_article_url(const struct keyfig_article *a)
{
    return a->url;
}

const char *keyfig_article_format(const struct keyfig_article *a)
{
    return a->format;
}

const char *keyfig_kind_name(enum keyfig_kind k)
{
    static const char *const names[KEYFIG_NKINDS] = {"count",    "money",   "length", "area", "mass",        "volume",
                                                     "duration", "percent", "ratio",  "rate", "temperature", "other"};
    return (unsigned)k < KEYFIG_NKINDS ? names[k] : "other";
}

const char *keyfig_approx_name(enum keyfig_approx x)
{
    static const char *const names[] = {NULL, "over", "at_least", "under", "at_most", "about"};
    return (unsigned)x <= KEYFIG_APPROX_ABOUT ? names[x] : NULL;
}

const char *keyfig_direction_name(enum keyfig_direction d)
{
    return d == KEYFIG_DIRECTION_INCREASE ? "increase" : d == KEYFIG_DIRECTION_DECREASE ? "decrease" : NULL;
}
