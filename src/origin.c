/* origin: normalised offsets -> the original characters behind them (see origin.h). */
#include "origin.h"

#include <stdint.h>
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

#define ONES 0x0101010101010101u

/* Character by character, as text_orig_at_hint and chars_next would step, with the run and the
 * next character found inline (a call of each per character, and every quote mark compared with
 * every character of a subject, were most of the finish stage). */
void origin_chars(const struct text *t, size_t ns, size_t ne, const struct lexicon *subject, struct buf *out)
{
    struct buf b = *out;
    b.len = 0;
    const char *norm = t->norm;
    size_t n = t->norm_len, end = ne < n ? ne : n;
    uint64_t quote_first[4] = {0}; /* the first bytes of the quote marks */
    for (size_t k = 0; subject && k < subject->article.n; k++) {
        const struct lex_word *w = &subject->article.w[k];
        if (w->attr == ART_QUOTE && w->len) {
            unsigned char u = (unsigned char)w->word[0];
            quote_first[u >> 6] |= (uint64_t)1 << (u & 63);
        }
    }
    size_t i = ns, k = 0, delta = 0, run_end = (size_t)-1; /* norm i is orig i + delta up to run_end */
    while (i > 0 && i < end && ((unsigned char)norm[i] & 0xC0) == 0x80) /* to the start of its character */
        i--;
    if (i < end && t->nruns) {
        text_orig_at_hint(t, i, &k);
        delta = (size_t)t->runs[k].orig - t->runs[k].norm;
        run_end = k + 1 < t->nruns ? t->runs[k + 1].norm : (size_t)-1;
    }
    size_t last = (size_t)-1;
    size_t ps = 0, pe = 0; /* original bytes waiting to be copied: consecutive characters go at once */
    while (i < end) {
        size_t o = t->orig_len;
        if (t->nruns) {
            if (i >= run_end) { /* the last run beginning at or before i */
                while (k + 1 < t->nruns && t->runs[k + 1].norm <= i)
                    k++;
                delta = (size_t)t->runs[k].orig - t->runs[k].norm;
                run_end = k + 1 < t->nruns ? t->runs[k + 1].norm : (size_t)-1;
            }
            o = i + delta; /* modulo 2^N, as runs[k].orig + (i - runs[k].norm) */
            if (!subject && o != last) {
                /* Characters of one run that are no break or space, each as long in both texts
                 * (the same bytes, or converted to as many: 經 -> 经): all of them at once, as
                 * the steps below would copy them one by one. */
                size_t lim = run_end < end ? run_end : end, j = i;
                for (;;) {
                    for (uint64_t a, o8, nl, sp; j + 8 <= lim && j + delta + 8 <= t->orig_len; j += 8) {
                        memcpy(&a, norm + j, 8); /* eight bytes at a time */
                        memcpy(&o8, t->orig + (j + delta), 8);
                        nl = a ^ (ONES * '\n'), sp = a ^ (ONES * ' ');
                        if (a != o8 || (((nl - ONES) & ~nl) | ((sp - ONES) & ~sp)) & (ONES << 7))
                            break; /* bytes that differ, or a break or space among them */
                    }
                    while (j < lim && j + delta < t->orig_len && norm[j] == t->orig[j + delta] && norm[j] != '\n' &&
                           norm[j] != ' ')
                        j++;
                    while (j > i && j < n && ((unsigned char)norm[j] & 0xC0) == 0x80) /* whole characters */
                        j--;
                    if (j >= lim || norm[j] == '\n' || norm[j] == ' ')
                        break;
                    size_t nx = j + 1; /* a character that differs: it goes too if as long in both */
                    while (nx < n && ((unsigned char)norm[nx] & 0xC0) == 0x80)
                        nx++;
                    uint32_t c;
                    size_t oj = j + delta;
                    if (nx > lim || (size_t)utf8_decode((const unsigned char *)t->orig + oj, t->orig_len - oj, &c) != nx - j)
                        break;
                    j = nx;
                }
                if (j > i) {
                    if (o != pe) {
                        buf_add(&b, t->orig + ps, pe - ps);
                        ps = o;
                    }
                    pe = j + delta;
                    for (last = j - 1; ((unsigned char)norm[last] & 0xC0) == 0x80; last--)
                        ; /* the last character's first byte */
                    last += delta;
                    i = j;
                    continue;
                }
            }
        }
        size_t next = i + 1;
        while (next < n && ((unsigned char)norm[next] & 0xC0) == 0x80)
            next++;
        if (o == last) { /* one original character written as two (㎡ -> m2) */
            i = next;
            continue;
        }
        last = o;
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)t->orig + o, t->orig_len - o, &cp);
        unsigned char u = l ? (unsigned char)t->orig[o] : 0;
        if (!l || (quote_first[u >> 6] >> (u & 63) & 1 && is_quote(subject, t->orig + o, (size_t)l))) {
            i = next;
            continue;
        }
        if (subject && norm[i] == '(') { /* 细颗粒物(PM2.5)年均浓度 -> 细颗粒物年均浓度 */
            const char *close = memchr(norm + i, ')', ne - i);
            if (close && close + 1 < norm + ne) {
                for (i = (size_t)(close - norm) + 1; i < n && ((unsigned char)norm[i] & 0xC0) == 0x80; i++)
                    ; /* on past the ')' */
                continue;
            }
        }
        int as_now = norm[i] == '\n' || norm[i] == ' '; /* a kept break or space: write it as it is now */
        if (as_now || o != pe) {
            buf_add(&b, t->orig + ps, pe - ps);
            ps = pe = o;
        }
        if (as_now) {
            buf_addc(&b, norm[i]);
            ps = pe = o + (size_t)l;
        } else {
            pe += (size_t)l;
        }
        i = next;
    }
    buf_add(&b, t->orig + ps, pe - ps);
    b.data[b.len] = '\0';
    *out = b;
}
