/* template: @NAME@ placeholders in the templates of plots/ (see template.h). */
#include "template.h"

#include <stdio.h>
#include <string.h>

#include "patset.h"

struct buf *tpl_var(struct tpl_vars *vs, const char *name)
{
    for (size_t i = 0; i < vs->n; i++)
        if (!strcmp(vs->v[i].name, name))
            return &vs->v[i].value;
    vs->v[vs->n].name = name; /* at most a dozen names, all literals of the callers */
    return &vs->v[vs->n++].value;
}

/* The value of the placeholder at t[0..n), or NULL. */
static const struct buf *lookup(const struct tpl_vars *vs, const char *t, size_t n)
{
    for (size_t i = 0; i < vs->n; i++)
        if (strlen(vs->v[i].name) == n && !memcmp(vs->v[i].name, t, n))
            return &vs->v[i].value;
    return NULL;
}

int tpl_fill_text(const char *t, size_t len, const char *path, const struct tpl_vars *vs, struct buf *out,
                  struct keyfig_error *err)
{
    for (size_t i = 0; i < len;) {
        const char *end = t[i] == '@' ? memchr(t + i + 1, '@', len - i - 1) : NULL;
        size_t n = end ? (size_t)(end - t - i - 1) : 0;
        if (!end || n == 0 || strspn(t + i + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") != n) {
            buf_addc(out, t[i++]);
            continue;
        }
        const struct buf *v = lookup(vs, t + i + 1, n);
        if (!v)
            return kf_error(err, KEYFIG_STATUS_IO, path, 0, "unknown placeholder @%.*s@", (int)n, t + i + 1);
        buf_add(out, v->data ? v->data : "", v->len);
        i += n + 2;
    }
    return 0;
}

int tpl_fill(const char *name, const struct tpl_vars *vs, struct buf *out, struct keyfig_error *err)
{
    size_t len;
    const char *t = embedded_get(name, &len);
    char path[64];
    snprintf(path, sizeof path, "plots/%s", name);
    if (!t)
        return kf_error(err, KEYFIG_STATUS_IO, path, 0, "template missing from the build (rebuild keyfig)");
    return tpl_fill_text(t, len, path, vs, out, err);
}

void tpl_vars_free(struct tpl_vars *vs)
{
    for (size_t i = 0; i < vs->n; i++)
        buf_free(&vs->v[i].value);
}
