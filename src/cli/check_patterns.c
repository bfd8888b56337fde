/* check_patterns: `keyfig check-patterns [DIR] [--cases FILE...]` — load and lint a pattern set
 * (the built-in one without DIR): every file parses, every rule compiles and consumes text, no
 * duplicate ids or entries, no unknown kinds; nested quantifiers are warned about. With --cases,
 * run each rule's cases (rule-id, input, the text it must give or "!" for none) and require every
 * claim and stop rule to have at least one positive and one negative case. Exit 0, or 3 with
 * "file:line: ..." for each problem. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "extract.h"
#include "cli.h"
#include "lexicon.h"
#include "rules.h"
#include "util.h"

/* Counts of positive and negative cases per rule id. */
struct coverage {
    char **id;
    int *pos, *neg;
    size_t n;
};

static void cover(struct coverage *cv, const char *id, int positive)
{
    size_t i;
    for (i = 0; i < cv->n && strcmp(cv->id[i], id); i++)
        ;
    if (i == cv->n) {
        cv->id = xrealloc(cv->id, (cv->n + 1) * sizeof *cv->id);
        cv->pos = xrealloc(cv->pos, (cv->n + 1) * sizeof *cv->pos);
        cv->neg = xrealloc(cv->neg, (cv->n + 1) * sizeof *cv->neg);
        cv->id[i] = xstrdup(id);
        cv->pos[i] = cv->neg[i] = 0;
        cv->n++;
    }
    (positive ? cv->pos : cv->neg)[i]++;
}

/* Run one case; returns 1 when it holds, else prints why and returns 0. */
static int run_case(const struct keyfig_patterns *kp, const char *path, size_t line, const char *id,
                    const char *input, const char *want)
{
    struct keyfig_options o = {.all = 1, .warn = cli_warn};
    struct keyfig_error err = {0};
    struct keyfig_article *a = keyfig_extract(kp, "case", path, input, strlen(input), &o, &err);
    if (!a) {
        fprintf(stderr, "keyfig: %s:%zu: rule %s: the input cannot be read: %s\n", path, line, id, err.text);
        return 0;
    }
    int negative = !strcmp(want, "!"), found = 0;
    struct buf got = {0};
    for (size_t i = 0; i < keyfig_article_nclaims(a); i++) {
        const struct keyfig_claim *c = keyfig_article_claim(a, i);
        if (strcmp(c->rule, id))
            continue;
        buf_printf(&got, "%s\"%s\"", got.len ? ", " : "", c->is_claim ? c->text : c->value_text);
        if (negative || !strcmp(want, c->text) || !strcmp(want, c->value_text))
            found = 1;
    }
    int ok = negative ? !found : found;
    if (!ok)
        fprintf(stderr, "keyfig: %s:%zu: rule %s: want %s%s%s, got %s\n", path, line, id, negative ? "no match" : "\"",
                negative ? "" : want, negative ? "" : "\"", got.len ? got.data : "nothing");
    buf_free(&got);
    keyfig_article_free(a);
    return ok;
}

static int run_cases(const struct keyfig_patterns *kp, char **files, int nfiles)
{
    const struct rules *r = kp->rules;
    struct keyfig_error err = {0};
    struct coverage cv = {0};
    int cases = 0, failed = 0;
    for (int f = 0; f < nfiles; f++) {
        size_t len;
        char *text = util_slurp(files[f], 0, &len, &err);
        if (!text) {
            kf_print_error(&err, 0);
            failed++;
            continue;
        }
        struct tsv_reader rd;
        tsv_open(&rd, text, len);
        char *c[3];
        int nf;
        while ((nf = tsv_next(&rd, c, 3)) > 0) {
            cases++;
            if (nf != 3) {
                fprintf(stderr, "keyfig: %s:%zu: expected rule-id<TAB>input<TAB>text or !\n", files[f], rd.lineno);
                failed++;
                continue;
            }
            cover(&cv, c[0], strcmp(c[2], "!") != 0);
            failed += !run_case(kp, files[f], rd.lineno, c[0], c[1], c[2]);
        }
        tsv_close(&rd);
        free(text);
    }
    /* every rule needs a case that fires and one that does not */
    for (int pass = 0; pass < 2; pass++) {
        size_t n = pass ? rules_nstop(r) : rules_nclaim(r);
        for (size_t i = 0; i < n; i++) {
            const char *id = pass ? rules_stop_id(r, (int)i) : rules_claim_id(r, (int)i);
            size_t k;
            for (k = 0; k < cv.n && strcmp(cv.id[k], id); k++)
                ;
            if (k == cv.n || !cv.pos[k] || !cv.neg[k]) {
                fprintf(stderr, "keyfig: rule %s has no %s case\n", id, k == cv.n || !cv.pos[k] ? "positive" : "negative");
                failed++;
            }
        }
    }
    printf("%d cases, %d problems\n", cases, failed);
    for (size_t k = 0; k < cv.n; k++)
        free(cv.id[k]);
    free(cv.id);
    free(cv.pos);
    free(cv.neg);
    return failed ? -1 : 0;
}

int cmd_check_patterns(int argc, char **argv)
{
    const char *dir = NULL;
    int ncases = 0;
    char **cases = xcalloc((size_t)argc + 1, sizeof *cases);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs("usage: keyfig check-patterns [DIR] [--cases FILE...]\n", stdout);
            free(cases);
            return CLI_EXIT_OK;
        } else if (!strcmp(argv[i], "--cases")) {
            while (i + 1 < argc && argv[i + 1][0] != '-')
                cases[ncases++] = argv[++i];
        } else if (!dir && argv[i][0] != '-') {
            dir = argv[i];
        } else {
            fputs("usage: keyfig check-patterns [DIR] [--cases FILE...]\n", stderr);
            free(cases);
            return CLI_EXIT_USAGE;
        }
    }
    struct keyfig_error err = {0};
    const struct kf_warner lint = {cli_warn, NULL, NULL};
    struct keyfig_patterns *kp = patterns_load(dir, &lint, ncases > 0, &err);
    int rc = CLI_EXIT_OK;
    if (!kp) {
        err.code = KEYFIG_STATUS_PATTERN;
        kf_print_error(&err, 0);
        rc = CLI_EXIT_PATTERNS;
    } else {
        printf("%s: %zu claim rules, %zu stop rules, %zu units: ok\n", dir ? dir : "built-in patterns",
               rules_nclaim(kp->rules), rules_nstop(kp->rules), kp->lx->units.n);
        if (ncases && run_cases(kp, cases, ncases) != 0)
            rc = CLI_EXIT_PATTERNS;
    }
    keyfig_patterns_free(kp);
    free(cases);
    return rc;
}
