/* A program embedding libkeyfig: load the pattern set once, extract one article, print its
 * claims one per line (value, unit, subject); warnings and errors are the program's to print.
 * Built against the installed header and library (pkg-config keyfig) by tests/install.t. */
#include <keyfig.h>
#include <stdio.h>
#include <stdlib.h>

static void warn(const char *article, const char *rule, const char *text, void *data)
{
    (void)data;
    fprintf(stderr, "example: %s: rule %s: %s\n", article, rule, text);
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    FILE *f = fopen(argv[1], "rb");
    if (!f)
        return 1;
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    struct keyfig_error err = {0};
    struct keyfig_patterns *p = keyfig_patterns_load(NULL, &err);
    if (!p) {
        fprintf(stderr, "example: %s:%zu: %s\n", err.file, err.line, err.text);
        return 3;
    }
    struct keyfig_options opts = {.warn = warn};
    struct keyfig_article *a = keyfig_extract(p, "example", argv[1], buf, len, &opts, &err);
    if (!a) {
        fprintf(stderr, "example: %s: %s%s\n", err.file, err.text, err.code == KEYFIG_STATUS_NOMEM ? " (try later)" : "");
        keyfig_patterns_free(p);
        return 1;
    }
    for (size_t i = 0; i < keyfig_article_nclaims(a); i++) {
        const struct keyfig_claim *c = keyfig_article_claim(a, i);
        printf("%.15g\t%s\t%s\n", c->value, c->unit, c->subject);
    }
    keyfig_article_free(a);
    keyfig_patterns_free(p);
    return 0;
}
