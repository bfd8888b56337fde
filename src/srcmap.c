/* srcmap: a converted text's offsets back to its input, as runs (srcmap.h). */
#include "srcmap.h"

#include <stdlib.h>

#include "util.h"

void srcmap_add(struct srcmap *m, size_t src, size_t out_w, size_t src_w)
{
    if (m->n) { /* the same widths, right after the run's last character: the run grows */
        const struct src_run *r = &m->runs[m->n - 1];
        size_t chars = (m->out_len - r->out) / r->out_w;
        if (r->out_w == out_w && r->src_w == src_w && r->src + chars * r->src_w == src) {
            m->out_len += out_w;
            m->src_len = src + src_w;
            return;
        }
    }
    if (m->n == m->cap) {
        m->cap = m->cap ? 2 * m->cap : 64;
        m->runs = xrealloc(m->runs, m->cap * sizeof *m->runs);
    }
    m->runs[m->n++] = (struct src_run){(uint32_t)m->out_len, (uint32_t)src, (uint16_t)out_w, (uint16_t)src_w};
    m->out_len += out_w;
    m->src_len = src + src_w;
}

void srcmap_add_same(struct srcmap *m, size_t src, size_t n)
{
    if (!n)
        return;
    if (m->n) { /* bytes for bytes: a run of one-byte units, whatever the characters */
        const struct src_run *r = &m->runs[m->n - 1];
        if (r->out_w == 1 && r->src_w == 1 && r->src + (m->out_len - r->out) == src) {
            m->out_len += n;
            m->src_len = src + n;
            return;
        }
    }
    srcmap_add(m, src, 1, 1);
    m->out_len += n - 1;
    m->src_len = src + n;
}

void srcmap_end(struct srcmap *m, size_t out_len, size_t src_len)
{
    m->out_len = out_len;
    m->src_len = src_len;
}

size_t srcmap_at(const struct srcmap *m, size_t i)
{
    if (i >= m->out_len || !m->n)
        return m->src_len;
    size_t lo = 0, hi = m->n; /* the last run beginning at or before i */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->runs[mid].out <= i)
            lo = mid;
        else
            hi = mid;
    }
    const struct src_run *r = &m->runs[lo];
    return r->src + (i - r->out) / r->out_w * r->src_w;
}

void srcmap_free(struct srcmap *m)
{
    free(m->runs);
    *m = (struct srcmap){0};
}
