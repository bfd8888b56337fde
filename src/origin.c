/* origin: normalised offsets -> the original characters behind them (see origin.h). */
#include "origin.h"

#include <string.h>

#include "chars.h"
#include "lexicon.h"

/* 1 when the l bytes at s are one of lx's quote marks (article.tsv). */
static int is_quote(const struct lexicon *lx, const char *s, size_t l)
{
    for (size_t k = 0; k < lx->article.n; k++) {
        const struct lex_word *w = &lx->article.w[k];
        if (w->attr == ART_QUOTE && w->len == l && !memcmp(w->word, s, l))
            return 1;
    }
    return 0;
}

void origin_chars(const struct text *t, size_t ns, size_t ne, const struct lexicon *subject, struct buf *out)
{
    struct buf b = *out;
    b.len = 0;
    size_t last = (size_t)-1, hint = 0;
    size_t ps = 0, pe = 0; /* original bytes waiting to be copied: consecutive characters go at once */
    for (size_t i = ns; i < ne && i < t->norm_len; i = chars_next(t->norm, t->norm_len, i)) {
        size_t o = text_orig_at_hint(t, i, &hint);
        if (o == last) /* one original character written as two (㎡ -> m2) */
            continue;
        last = o;
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)t->orig + o, t->orig_len - o, &cp);
        if (!l)
            continue;
        if (subject && is_quote(subject, t->orig + o, (size_t)l))
            continue;
        if (subject && t->norm[i] == '(') { /* 细颗粒物(PM2.5)年均浓度 -> 细颗粒物年均浓度 */
            const char *close = memchr(t->norm + i, ')', ne - i);
            if (close && close + 1 < t->norm + ne) {
                i = (size_t)(close - t->norm);
                continue;
            }
        }
        int as_now = t->norm[i] == '\n' || t->norm[i] == ' '; /* a kept break or space: write it as it is now */
        if (as_now || o != pe) {
            buf_add(&b, t->orig + ps, pe - ps);
            ps = pe = o;
        }
        if (as_now) {
            buf_addc(&b, t->norm[i]);
            ps = pe = o + (size_t)l;
        } else {
            pe += (size_t)l;
        }
    }
    buf_add(&b, t->orig + ps, pe - ps);
    b.data[b.len] = '\0';
    *out = b;
}
