/* fold: subject and unit keys through the library's normaliser, base values through the
 * factors of units.tsv (the lexicon of the loaded pattern set). */
#include "fold.h"

#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "patset.h"
#include "text.h"
#include "util.h"

struct fold {
    struct normalizer *nz;
    struct lexicon *lx;
};

struct fold *fold_new(const char *dir, struct keyfig_error *err)
{
    struct patset *ps = patset_open(dir, err);
    if (!ps)
        return NULL;
    struct fold *f = xcalloc(1, sizeof *f);
    f->lx = lexicon_load(ps, err);
    if (f->lx)
        f->nz = normalizer_new(ps, err);
    patset_free(ps);
    if (!f->nz) {
        fold_free(f);
        return NULL;
    }
    return f;
}

void fold_free(struct fold *f)
{
    if (!f)
        return;
    normalizer_free(f->nz);
    lexicon_free(f->lx);
    free(f);
}

char *fold_string(const struct normalizer *nz, const char *s)
{
    if (!s || !*s)
        return xstrdup("");
    struct text t;
    text_normalize(nz, s, strlen(s), &t);
    char *out = xstrdup(t.norm);
    text_free(&t);
    return out;
}

char *fold_text(const struct fold *f, const char *s)
{
    return fold_string(f->nz, s);
}

int fold_base(const struct fold *f, const char *unit_key, double value, double *base)
{
    size_t n = unit_key ? strlen(unit_key) : 0;
    const struct lex_word *w = n ? lex_at(&f->lx->units, unit_key, n, 0) : NULL;
    if (!w || w->len != n || w->factor <= 0)
        return 0;
    *base = value * w->factor;
    return 1;
}
