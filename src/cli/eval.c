/* eval: `keyfig eval --gold TSV... --articles DIR [--show] PRED` — score predicted claims
 * against gold claims with CLAIMS.md's matching rule, exactly as the reference scorer
 * (shared tools/score.py) does, so the two agree. */
#include <dirent.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "claimsdoc.h"
#include "cli.h"
#include "fold.h"
#include "gold.h"
#include "inputs.h"
#include "patset.h"
#include "text.h"
#include "util.h"

static const char usage[] =
    "usage: keyfig eval --gold TSV [--gold TSV ...] --articles DIR|FILE.jsonl [--reviewed-only] [--show] PRED\n"
    "PRED: a directory of per-article .json files, a .jsonl stream, or one .json document/array.\n"
    "--articles: a directory of <id>.txt, or a JSON Lines corpus of {\"id\": ..., \"text\": ...} records.\n"
    "--reviewed-only: score only the articles a gold file marks \"#reviewed<TAB>id\" (a review's export);\n"
    "  otherwise every article of --articles counts, one without gold lines as one with no claim.\n"
    "Prints precision, recall, F1 and the unit, kind, subject, approx and change accuracies.\n";

static int same(double a, double b)
{
    return fabs(a - b) <= 1e-6 * fmax(1.0, fabs(b));
}

/* The words of patterns/scoring.tsv by role (NULL-terminated lists), and the folding both sides
 * go through. */
enum { SC_NOISE, SC_OPEN, SC_CLOSE, SC_TENTHS, SC_NROLES };

struct scorer {
    const struct normalizer *nz;
    char **words[SC_NROLES];
    size_t n[SC_NROLES];
};

static void scorer_free(struct scorer *sc)
{
    for (int r = 0; r < SC_NROLES; r++) {
        for (size_t i = 0; i < sc->n[r]; i++)
            free(sc->words[r][i]);
        free(sc->words[r]);
    }
}

/* Load scoring.tsv of ps (the built-in set) into sc. -1 with err filled on bad data. */
static int scorer_load(struct scorer *sc, struct patset *ps, struct keyfig_error *err)
{
    static const char *const roles[SC_NROLES] = {"noise", "open", "close", "tenths"};
    for (int r = 0; r < SC_NROLES; r++)
        sc->words[r] = xcalloc(1, sizeof *sc->words[r]);
    size_t len;
    const char *path;
    const char *text = patset_get(ps, "scoring.tsv", &len, &path, err);
    if (!text)
        return -1;
    struct tsv_reader rd;
    tsv_open(&rd, text, len);
    char *f[3];
    int nf, rc = 0;
    while (rc == 0 && (nf = tsv_next(&rd, f, 3)) > 0) {
        int r = 0;
        while (r < SC_NROLES && (nf != 2 || strcmp(f[1], roles[r])))
            r++;
        if (r == SC_NROLES || !*f[0]) {
            rc = kf_error(err, KEYFIG_STATUS_PATTERN, path, rd.lineno,
                          "expected TEXT<TAB>ROLE with ROLE noise, open, close or tenths");
            break;
        }
        sc->words[r] = xrealloc(sc->words[r], (sc->n[r] + 2) * sizeof *sc->words[r]);
        sc->words[r][sc->n[r]++] = xstrdup(f[0]);
        sc->words[r][sc->n[r]] = NULL;
    }
    tsv_close(&rd);
    return rc;
}

static size_t starts_any(const char *s, char *const *set)
{
    for (size_t i = 0; set[i]; i++)
        if (!strncmp(s, set[i], strlen(set[i])))
            return strlen(set[i]);
    return 0;
}

/* A folded subject as score.py's fold_subject compares it: bracketed qualifiers, then 的,
 * quotes and white space removed. s is changed in place. */
static void strip_subject(const struct scorer *sc, char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        size_t n = starts_any(r, sc->words[SC_OPEN]);
        if (n) {
            const char *q = r + n;
            size_t m = 0;
            while (*q && !(m = starts_any(q, sc->words[SC_CLOSE])))
                q++;
            if (m) { /* a closed bracket: drop it whole */
                r = q + m;
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = '\0';
    w = s;
    for (const char *r = s; *r;) {
        size_t n = starts_any(r, sc->words[SC_NOISE]);
        if (n)
            r += n;
        else if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r' || *r == '\f' || *r == '\v')
            r++;
        else
            *w++ = *r++;
    }
    *w = '\0';
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return b <= a && !strcmp(s + a - b, suffix);
}

/* The article a prediction belongs to: the id's base name without #N or .txt. */
static char *article_of(const struct cd_article *a)
{
    const char *id = a->id && *a->id ? a->id : a->source ? a->source : "";
    const char *slash = strrchr(id, '/');
    char *s = xstrdup(slash ? slash + 1 : id);
    char *h = strrchr(s, '#');
    if (h && h[1] && strspn(h + 1, "0123456789") == strlen(h + 1))
        *h = '\0';
    if (ends_with(s, ".txt"))
        s[strlen(s) - 4] = '\0';
    return s;
}

static int read_preds(const char *path, struct cd_list *l, struct keyfig_error *err)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        struct dirent **names;
        int n = scandir(path, &names, NULL, alphasort);
        if (n < 0)
            return kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot read directory");
        int rc = 0;
        for (int i = 0; i < n; i++) {
            const char *nm = names[i]->d_name;
            struct buf p = {0};
            buf_printf(&p, "%s/%s", path, nm);
            struct stat s2;
            if (nm[0] != '.' && stat(p.data, &s2) == 0) {
                if (S_ISDIR(s2.st_mode))
                    rc = rc ? rc : read_preds(p.data, l, err);
                else if (ends_with(nm, ".json") && claimsdoc_read(p.data, l, err) != 0) {
                    kf_print_error(err, 1); /* an unreadable file is skipped, as the scorer does */
                    memset(err, 0, sizeof *err);
                }
            }
            buf_free(&p);
            free(names[i]);
        }
        free(names);
        return rc;
    }
    return claimsdoc_read(path, l, err);
}

struct tally {
    long tp, fp, fn;
    long ok[5], n[5];
    struct buf rows; /* --show lines, printed after the per-article lines as the scorer does */
};

static const char *const attr_names[5] = {"unit", "kind", "subject", "approx", "change"};

/* 1 when s holds a tenths word (八成 may be written 0.8 or 8). */
static int has_tenths(const struct scorer *sc, const char *s)
{
    for (size_t i = 0; i < sc->n[SC_TENTHS]; i++)
        if (strstr(s, sc->words[SC_TENTHS][i]))
            return 1;
    return 0;
}

static int is_tenths(const struct scorer *sc, const char *s)
{
    for (size_t i = 0; i < sc->n[SC_TENTHS]; i++)
        if (!strcmp(s, sc->words[SC_TENTHS][i]))
            return 1;
    return 0;
}

static int value_ok(const struct scorer *sc, const struct cd_claim *p, const struct gold_claim *g)
{
    if (same(p->value, g->value))
        return 1;
    if (has_tenths(sc, g->surface) || is_tenths(sc, g->unit))
        return same(p->value, g->value * 10) || same(p->value, g->value / 10);
    return 0;
}

static int change_ok(const struct cd_claim *p, const struct gold_claim *g)
{
    if (!*g->change)
        return !p->direction;
    const char *lt = strchr(g->change, '<');
    size_t dl = lt ? (size_t)(lt - g->change) : strlen(g->change);
    if (!p->direction || strlen(p->direction) != dl || strncmp(p->direction, g->change, dl))
        return 0;
    return !lt || (p->has_from && same(p->from, strtod(lt + 1, NULL)));
}

/* A unit of % matches a tenths word (八成 may be written 80%). */
static int unit_tenths(const struct scorer *sc, const char *a, const char *b)
{
    return !strcmp(a, "%") && is_tenths(sc, b);
}

static void check_attrs(const struct scorer *sc, const struct cd_claim *p, const struct gold_claim *g,
                        struct tally *t, const char *art, int show)
{
    char *pu = fold_string(sc->nz, p->unit), *gu = fold_string(sc->nz, g->unit), *ps = fold_string(sc->nz, p->subject), *gs = fold_string(sc->nz, g->subject);
    int ok[5];
    strip_subject(sc, ps);
    strip_subject(sc, gs);
    ok[0] = !strcmp(pu, gu) || (*gu && ends_with(pu, gu)) || (*pu && ends_with(gu, pu)) || unit_tenths(sc, pu, gu) ||
            unit_tenths(sc, gu, pu);
    ok[1] = !strcmp(p->kind ? p->kind : "", g->kind);
    ok[2] = *gs ? (*ps && (strstr(gs, ps) || strstr(ps, gs))) : !*ps;
    ok[3] = !strcmp(p->approx ? p->approx : "", g->approx);
    ok[4] = change_ok(p, g);
    for (int k = 0; k < 5; k++) {
        t->ok[k] += ok[k];
        t->n[k]++;
        if (!ok[k] && show) {
            const char *pv[5] = {p->unit, p->kind, p->subject, p->approx, p->direction};
            const char *gv[5] = {g->unit, g->kind, g->subject, g->approx, g->change};
            buf_printf(&t->rows, "   attr-%s %s %s pred=%s gold=%s\n", attr_names[k], art, g->surface,
                       pv[k] ? pv[k] : "None", *gv[k] ? gv[k] : "None");
        }
    }
    free(pu), free(gu), free(ps), free(gs);
}

/* Score one article: each prediction takes the first unused required gold claim it overlaps
 * with an equal value, else the first unused optional one it overlaps. */
static void score_article(const struct scorer *sc, const char *art, struct gold_claim **golds, size_t ng,
                          struct cd_claim **preds, size_t np, struct tally *t, int show)
{
    char *used = xcalloc(ng + 1, 1);
    long tp = 0, fp = 0, fn = 0;
    for (size_t i = 0; i < np; i++) {
        const struct cd_claim *p = preds[i];
        long ps = (long)p->start, pe = (long)p->end;
        long hit = -1;
        for (int want_opt = 0; want_opt < 2 && hit < 0; want_opt++) {
            for (size_t k = 0; k < ng; k++) {
                const struct gold_claim *g = golds[k];
                if (used[k] || g->start < 0 || g->optional != want_opt)
                    continue;
                if (ps < g->end && g->start < pe && (want_opt || value_ok(sc, p, g))) {
                    hit = (long)k;
                    break;
                }
            }
        }
        if (hit < 0) {
            fp++;
            if (show)
                buf_printf(&t->rows, "   FP %s %s %.15g\n", art, p->text ? p->text : "", p->value);
            continue;
        }
        used[hit] = 1;
        if (golds[hit]->optional)
            continue;
        tp++;
        check_attrs(sc, p, golds[hit], t, art, show);
    }
    for (size_t k = 0; k < ng; k++) {
        if (!golds[k]->optional && !used[k]) {
            fn++;
            if (show)
                buf_printf(&t->rows, "   FN %s %s %.15g\n", art, golds[k]->surface, golds[k]->value);
        }
    }
    printf("%s: tp=%ld fp=%ld fn=%ld\n", art, tp, fp, fn);
    t->tp += tp, t->fp += fp, t->fn += fn;
    free(used);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The articles of a JSON Lines corpus: ids[i] has text texts[i]. A bad record is reported and
 * left out (its gold lines are then "not found"), as a missing .txt is. */
static int read_corpus(const char *path, char ***ids, char ***texts, size_t *n, struct keyfig_error *err)
{
    char *paths[] = {(char *)path};
    struct input_opts io = {.jsonl = 1};
    struct inputs *in = inputs_open(paths, 1, &io);
    struct input_article a;
    int got;
    while ((got = inputs_next(in, &a, err)) != 0) {
        if (got < 0 || input_record_decode(&a, NULL, err) != 0) {
            kf_print_error(err, 0);
            memset(err, 0, sizeof *err);
            input_article_free(&a);
            if (got < 0)
                break;
            continue;
        }
        *ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
        *texts = xrealloc(*texts, (*n + 1) * sizeof **texts);
        (*ids)[*n] = a.id;
        (*texts)[(*n)++] = a.text;
        a.id = a.text = NULL;
        input_article_free(&a);
    }
    inputs_close(in);
    return got < 0 ? -1 : 0;
}

/* The ids a gold file marks "#reviewed<TAB>id" (comments to the gold format; keyfig report writes them). */
static void reviewed_marks(const char *t, size_t len, char ***ids, size_t *n)
{
    static const char mark[] = "#reviewed\t";
    for (const char *p = t, *end = t + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        if ((size_t)(e - p) > sizeof mark - 1 && !strncmp(p, mark, sizeof mark - 1)) {
            const char *id = p + sizeof mark - 1;
            size_t k = (size_t)(e - id);
            while (k && (id[k - 1] == '\r' || id[k - 1] == ' '))
                k--;
            *ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
            (*ids)[(*n)++] = xstrndup(id, k);
        }
        p = e + 1;
    }
}

static int in_list(char **list, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(list[i], s))
            return 1;
    return 0;
}

int cmd_eval(int argc, char **argv)
{
    static const struct option longs[] = {{"gold", required_argument, 0, 'g'}, {"articles", required_argument, 0, 'a'},
                                          {"show", no_argument, 0, 's'},       {"help", no_argument, 0, 'h'},
                                          {"reviewed-only", no_argument, 0, 'r'}, {0, 0, 0, 0}};
    const char **gold_paths = xcalloc((size_t)argc + 1, sizeof *gold_paths);
    size_t ngold = 0;
    const char *articles = NULL;
    int show = 0, reviewed_only = 0, c, rc = CLI_EXIT_RUNTIME;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        if (c == 'g')
            gold_paths[ngold++] = optarg;
        else if (c == 'a')
            articles = optarg;
        else if (c == 's')
            show = 1;
        else if (c == 'r')
            reviewed_only = 1;
        else if (c == 'h') {
            fputs(usage, stdout);
            free(gold_paths);
            return CLI_EXIT_OK;
        } else {
            fputs(usage, stderr);
            free(gold_paths);
            return CLI_EXIT_USAGE;
        }
    }
    if (!ngold || !articles || optind != argc - 1) {
        fputs("keyfig: eval: needs --gold TSV, --articles DIR and one PRED path\n", stderr);
        fputs(usage, stderr);
        free(gold_paths);
        return CLI_EXIT_USAGE;
    }
    struct keyfig_error err = {0};
    struct gold_set gs = {0};
    struct cd_list preds = {0};
    struct normalizer *nz = NULL;
    struct scorer sc = {0};
    char **arts = NULL, **reviewed = NULL, **cids = NULL, **ctexts = NULL;
    size_t narts = 0, nreviewed = 0, ncorpus = 0;
    for (size_t i = 0; i < ngold; i++) {
        size_t len;
        char *t = util_slurp(gold_paths[i], 0, &len, &err);
        if (!t || gold_parse(t, len, gold_paths[i], &gs, &err) != 0) {
            free(t);
            goto out;
        }
        reviewed_marks(t, len, &reviewed, &nreviewed);
        free(t);
    }
    if (reviewed_only && !nreviewed) {
        kf_error(&err, KEYFIG_STATUS_IO, gold_paths[0], 0, "--reviewed-only: no article is marked \"#reviewed\" in the gold files");
        goto out;
    }
    /* the scorer folds as score.py does: with the built-in pattern set, whatever --patterns said */
    struct patset *builtin = patset_open(NULL, &err);
    if (builtin)
        nz = normalizer_new(builtin, &err);
    int scorer = nz ? scorer_load(&sc, builtin, &err) : -1;
    patset_free(builtin);
    if (read_preds(argv[optind], &preds, &err) != 0 || !nz || scorer != 0)
        goto out;
    sc.nz = nz;
    struct stat ast;
    int corpus = stat(articles, &ast) == 0 && !S_ISDIR(ast.st_mode);
    if (corpus) {
        if (read_corpus(articles, &cids, &ctexts, &ncorpus, &err) != 0)
            goto out;
        for (size_t i = 0; i < ncorpus; i++) {
            arts = xrealloc(arts, (narts + 1) * sizeof *arts);
            arts[narts++] = xstrdup(cids[i]);
        }
    } else {
        /* every article in --articles is annotated: one with no gold line asserts no claim */
        DIR *d = opendir(articles);
        if (!d) {
            kf_error(&err, KEYFIG_STATUS_IO, articles, 0, "cannot read the articles directory");
            goto out;
        }
        for (struct dirent *e; (e = readdir(d));)
            if (ends_with(e->d_name, ".txt")) {
                arts = xrealloc(arts, (narts + 1) * sizeof *arts);
                arts[narts++] = xstrndup(e->d_name, strlen(e->d_name) - 4);
            }
        closedir(d);
    }
    for (size_t i = 0; i < gs.n; i++) {
        if (!in_list(arts, narts, gs.g[i].article)) {
            arts = xrealloc(arts, (narts + 1) * sizeof *arts);
            arts[narts++] = xstrdup(gs.g[i].article);
        }
    }
    if (reviewed_only) { /* only what a reviewer finished: unreviewed claims are no false positives */
        size_t w = 0;
        for (size_t i = 0; i < narts; i++) {
            if (in_list(reviewed, nreviewed, arts[i]))
                arts[w++] = arts[i];
            else
                free(arts[i]);
        }
        narts = w;
    }
    if (narts)
        qsort(arts, narts, sizeof *arts, cmp_str);
    struct tally t = {0};
    for (size_t i = 0; i < narts; i++) {
        struct buf path = {0};
        size_t len = 0;
        char *text = NULL;
        if (corpus) {
            for (size_t k = 0; k < ncorpus && !text; k++)
                if (!strcmp(cids[k], arts[i]))
                    text = xstrdup(ctexts[k]), len = strlen(text);
        } else {
            struct keyfig_error e2 = {0};
            buf_printf(&path, "%s/%s.txt", articles, arts[i]);
            text = util_slurp(path.data, 0, &len, &e2);
        }
        size_t bom = text && len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3) ? 3 : 0;
        struct gold_claim **golds = xcalloc(gs.n + 1, sizeof *golds);
        size_t ng = 0;
        for (size_t k = 0; k < gs.n; k++) {
            struct gold_claim *g = &gs.g[k];
            if (strcmp(g->article, arts[i]))
                continue;
            if (!text || gold_locate(text + bom, len - bom, g->surface, g->nth, &g->start, &g->end) != 0)
                fprintf(stderr, "gold surface not found: %s %s\n", arts[i], g->surface);
            golds[ng++] = g;
        }
        struct cd_claim **pc = NULL;
        size_t np = 0;
        for (size_t k = 0; k < preds.n; k++) {
            char *id = article_of(&preds.articles[k]);
            if (!strcmp(id, arts[i]))
                for (size_t j = 0; j < preds.articles[k].nclaims; j++) {
                    pc = xrealloc(pc, (np + 1) * sizeof *pc);
                    pc[np++] = &preds.articles[k].claims[j];
                }
            free(id);
        }
        score_article(&sc, arts[i], golds, ng, pc, np, &t, show);
        free(pc);
        free(golds);
        free(text);
        buf_free(&path);
    }
    if (t.rows.data)
        fputs(t.rows.data, stdout);
    buf_free(&t.rows);
    for (int k = 0; k < 5; k++)
        printf("%s accuracy: %ld/%ld = %.3f\n", attr_names[k], t.ok[k], t.n[k], t.n[k] ? (double)t.ok[k] / (double)t.n[k] : 0.0);
    double P = t.tp + t.fp ? (double)t.tp / (double)(t.tp + t.fp) : 0.0;
    double R = t.tp + t.fn ? (double)t.tp / (double)(t.tp + t.fn) : 0.0;
    double F = P + R > 0 ? 2 * P * R / (P + R) : 0.0;
    printf("P=%.3f R=%.3f F1=%.3f (tp=%ld fp=%ld fn=%ld)\n", P, R, F, t.tp, t.fp, t.fn);
    rc = CLI_EXIT_OK;
out:
    if (err.code)
        kf_print_error(&err, 0);
    for (size_t i = 0; i < narts; i++)
        free(arts[i]);
    free(arts);
    for (size_t i = 0; i < nreviewed; i++)
        free(reviewed[i]);
    free(reviewed);
    for (size_t i = 0; i < ncorpus; i++)
        free(cids[i]), free(ctexts[i]);
    free(cids);
    free(ctexts);
    normalizer_free(nz);
    scorer_free(&sc);
    claimsdoc_free(&preds);
    gold_free(&gs);
    free(gold_paths);
    return rc;
}
