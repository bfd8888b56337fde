/* fuzz_patterns: the pattern-file loaders (patset, lexicon_load, rules_load with lint,
 * cnnum_table_load) on a copy of the built-in pattern set (every file of it, patset_builtin_name)
 * where one file is replaced by the fuzz input. The first byte picks the file, counting the set's
 * names in byte order (tests/fuzz.t picks the same way); the rest is its contents. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cnnum.h"
#include "lexicon.h"
#include "patset.h"
#include "matcher.h"
#include "rules.h"
#include "util.h"

static size_t nnames; /* the files of the built-in set */
static char dir[64];

static void put(const char *name, const char *data, size_t n)
{
    char p[128];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    if (!f || fwrite(data, 1, n, f) != n || fclose(f) != 0)
        abort();
}

/* Write the built-in files into dir: the unmodified set every input starts from. */
static void restore(void)
{
    for (nnames = 0; patset_builtin_name(nnames); nnames++) {
        size_t n;
        const char *name = patset_builtin_name(nnames), *d = embedded_get(name, &n);
        if (!d)
            abort();
        put(name, d, n);
    }
    if (nnames == 0)
        abort();
}

/* Load the set in dir and, when it loads, run its rules over a short text. 1 when it loaded. */
static int load(void)
{
    struct keyfig_error err = {0};
    struct patset *ps = patset_open(dir, &err);
    struct lexicon *lx = ps ? lexicon_load(ps, &err) : NULL;
    static const struct kf_warner lint = {NULL, NULL, NULL}; /* lint runs, its warnings are dropped */
    struct rules *r = lx ? rules_load(ps, lx, &lint, &err) : NULL;
    size_t len;
    const char *path, *text = r ? patset_get(ps, "numerals.tsv", &len, &path, &err) : NULL;
    struct cnnum_table *t = text ? cnnum_table_load(text, len, path, &err) : NULL;
    if (r) { /* a set that loads must also match: run the loaded rules over a short text */
        static const char sample[] = "全市共有45家医院，投资3.5亿元，增长12.5%。";
        struct matcher *m = matcher_new(r, NULL);
        size_t s, e, pos = 0;
        while (matcher_next_number(r, m, sample, sizeof sample - 1, pos, &s, &e)) {
            struct rule_match rm;
            matcher_claim(r, m, sample, sizeof sample - 1, s, &rm);
            pos = e > pos ? e : pos + 1;
        }
        matcher_free(m);
    }
    int loaded = t != NULL;
    cnnum_table_free(t);
    rules_free(r);
    lexicon_free(lx);
    patset_free(ps);
    return loaded;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!*dir) {
        snprintf(dir, sizeof dir, "/tmp/keyfig-fuzz-patterns-%ld", (long)getpid());
        char cmd[128];
        snprintf(cmd, sizeof cmd, "mkdir -p %s", dir);
        if (system(cmd) != 0)
            abort();
        restore();
        if (!load()) { /* else every input would reach only the loaders' error paths */
            fprintf(stderr, "fuzz_patterns: the unmodified built-in set does not load from %s\n", dir);
            abort();
        }
    }
    if (size < 1)
        return 0;
    const char *name = patset_builtin_name(data[0] % nnames);
    put(name, (const char *)data + 1, size - 1);
    load();
    size_t n;
    const char *orig = embedded_get(name, &n);
    put(name, orig, n);
    return 0;
}
