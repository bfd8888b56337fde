/* template: the one template syntax of keyfig (the gnuplot scripts, the review page, the
 * phrases of plots/chart.tsv). Fills a template built in from plots/ by
 * replacing each @NAME@ (capitals and _) with its value, in one pass: a value is never scanned
 * again, so text that holds "@JS@" stays text. An unknown placeholder is an error, so a typo in
 * a template fails loudly. */
#ifndef KEYFIG_TEMPLATE_H
#define KEYFIG_TEMPLATE_H

#include "keyfig.h"
#include "util.h"

/* The placeholders and the text each becomes, e.g. HEIGHT -> "580". */
struct tpl_vars {
    struct {
        const char *name;
        struct buf value;
    } v[16];
    size_t n;
};

/* The value of placeholder name (a string literal), added empty on first use. */
struct buf *tpl_var(struct tpl_vars *vs, const char *name);
/* Append template name (plots/<name>) with its placeholders replaced to out. */
int tpl_fill(const char *name, const struct tpl_vars *vs, struct buf *out, struct keyfig_error *err);
/* The same for a template held in t[0..len) (path names it in errors). */
int tpl_fill_text(const char *t, size_t len, const char *path, const struct tpl_vars *vs, struct buf *out,
                  struct keyfig_error *err);
void tpl_vars_free(struct tpl_vars *vs);

#endif
