/* check_patterns: `keyfig check-patterns [DIR]` — load and lint a pattern set (the built-in
 * one without DIR): every file parses, every rule compiles and consumes text, no duplicate ids
 * or entries, no unknown kinds; nested quantifiers are warned about. Exit 0, or 3 with
 * "file:line: ..." on the first error. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "cnnum.h"
#include "lexicon.h"
#include "patset.h"
#include "rules.h"
#include "util.h"

int cmd_check_patterns(int argc, char **argv)
{
    if (argc > 2 || (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))) {
        fputs("usage: keyfig check-patterns [DIR]\n", argc > 2 ? stderr : stdout);
        return argc > 2 ? KEYFIG_ERR_USAGE : KEYFIG_OK;
    }
    const char *dir = argc == 2 ? argv[1] : NULL;
    struct keyfig_error err = {0};
    struct patset *ps = patset_open(dir, &err);
    struct lexicon *lx = ps ? lexicon_load(ps, &err) : NULL;
    struct rules *r = lx ? rules_load(ps, lx, 1, &err) : NULL;
    size_t len;
    const char *path, *text = r ? patset_get(ps, "numerals.tsv", &len, &path, &err) : NULL;
    struct cnnum_table *t = text ? cnnum_table_load(text, len, path, &err) : NULL;
    int rc = KEYFIG_OK;
    if (!t) {
        err.code = KEYFIG_ERR_PATTERN;
        kf_print_error(&err, 0);
        rc = KEYFIG_ERR_PATTERN;
    } else {
        printf("%s: %zu claim rules, %zu stop rules, %zu units: ok\n", dir ? dir : "built-in patterns", rules_nclaim(r),
               rules_nstop(r), lx->units.n);
    }
    cnnum_table_free(t);
    rules_free(r);
    lexicon_free(lx);
    patset_free(ps);
    return rc;
}
