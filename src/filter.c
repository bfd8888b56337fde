/* filter: the numbers stop rules set aside (patterns/stop.rules, idioms.tsv). The stop rules of
 * scope "text" are matched over the whole text once (intervals, sorted by start); those of scope
 * "at" are tried anchored at each numeral the scan asks about. Under --all a number set aside is
 * kept as a draft with the rule's reason. */
#include "filter.h"

#include <stdlib.h>

#include "assemble.h"
#include "matcher.h"
#include "rules.h"
#include "util.h"
#include "value.h"

struct interval {
    size_t start, end;
    int rule;
};

struct filter {
    const struct keyfig_patterns *p;
    struct matcher *m;
    struct keyfig_article *a;
    int all;
    struct interval *iv; /* the text-wide stop matches, by start */
    size_t n, cap;
    size_t *items;       /* item starts (handed to the article) */
    size_t nitems, capitems;
    size_t next_iv, cover_end; /* the intervals met so far, and how far the longest reaches */
    int cover_rule;
};

static void on_text_match(void *ctx, int rule, size_t start, size_t end)
{
    struct filter *st = ctx;
    if (rule < 0) {
        if (st->nitems == st->capitems) {
            st->capitems = st->capitems ? st->capitems * 2 : 8;
            st->items = xrealloc(st->items, st->capitems * sizeof *st->items);
        }
        st->items[st->nitems++] = start;
        return;
    }
    if (st->n == st->cap) {
        st->cap = st->cap ? st->cap * 2 : 64;
        st->iv = xrealloc(st->iv, st->cap * sizeof *st->iv);
    }
    st->iv[st->n++] = (struct interval){start, end, rule};
}

static int by_start(const void *x, const void *y)
{
    const struct interval *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

static int by_offset(const void *x, const void *y)
{
    size_t a = *(const size_t *)x, b = *(const size_t *)y;
    return a < b ? -1 : a > b;
}

static void set_aside(const struct keyfig_patterns *p, struct keyfig_article *a, size_t ts, size_t te, int rule)
{
    double v;
    int over;
    const char *u = NULL;
    if (value_parse(p->num, p->lx, a->txt.norm, ts, te, &v, &over, &u) != 0)
        return;
    struct draft *d = drafts_new(a);
    d->is_claim = 0;
    d->value = v;
    d->kind = KEYFIG_KIND_OTHER;
    d->reason = rules_stop_reason(p->rules, rule);
    d->rule = rules_stop_id(p->rules, rule);
    d->start = d->num_s = d->unit_s = d->unit_e = d->subj_s = d->subj_e = ts;
    d->end = d->num_e = te;
    d->unit_s = d->unit_e = te;
    d->subj_s = d->subj_e = te;
}

struct filter *filter_new(const struct keyfig_patterns *p, struct matcher *m, struct keyfig_article *a, int all)
{
    struct filter *f = xcalloc(1, sizeof *f);
    f->p = p;
    f->m = m;
    f->a = a;
    f->all = all;
    f->cover_rule = -1;
    matcher_scan_text(p->rules, m, a->txt.norm, a->txt.norm_len, on_text_match, f);
    if (f->n) /* qsort(NULL, 0) is undefined: an article with no stop match has no intervals */
        qsort(f->iv, f->n, sizeof *f->iv, by_start);
    if (f->nitems)
        qsort(f->items, f->nitems, sizeof *f->items, by_offset);
    /* every item start but the first (a title may stand before the first 本报讯) opens an item */
    a->item_starts = f->items;
    a->nitems = f->nitems;
    return f;
}

int filter_at(struct filter *f, size_t ts, size_t te, size_t *next)
{
    for (; f->next_iv < f->n && f->iv[f->next_iv].start <= ts; f->next_iv++) {
        if (f->iv[f->next_iv].end > f->cover_end) {
            f->cover_end = f->iv[f->next_iv].end;
            f->cover_rule = f->iv[f->next_iv].rule;
        }
    }
    size_t stop_end;
    int stop = ts < f->cover_end
                   ? f->cover_rule
                   : matcher_stop_at(f->p->rules, f->m, f->a->txt.norm, f->a->txt.norm_len, ts, &stop_end);
    if (stop < 0)
        return 0;
    if (f->all)
        set_aside(f->p, f->a, ts, te, stop);
    /* a stop rule that covers more than the numeral (2020-05-16) covers its other numbers too */
    *next = ts < f->cover_end ? te : stop_end > te ? stop_end : te;
    return 1;
}

void filter_free(struct filter *f)
{
    if (!f)
        return;
    free(f->iv);
    free(f); /* the item starts belong to the article */
}
