/* load: `keyfig load --db TARGET CLAIMS.json...` — claims documents (as extract writes them:
 * JSON, arrays or JSON Lines) into the database. Re-loading an article replaces it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "claimsdoc.h"
#include "cli.h"
#include "store.h"
#include "util.h"

static const char usage[] =
    "usage: keyfig load --db TARGET [--patterns DIR] CLAIMS.json...\n"
    "Store claims documents (keyfig extract's JSON or JSON Lines; - reads standard input) in a\n"
    "database: TARGET is a SQLite file (created when missing) or a postgresql:// URL. An article\n"
    "loaded again replaces its earlier rows.\n"
    "  --db TARGET          the database\n"
    "  --patterns DIR       the pattern set whose units give the base-unit factors (also $KEYFIG_PATTERNS)\n"
    "  -h, --help\n"
    "exit status: 0 ok, 1 a file could not be read or stored (the others still are), 2 usage error,\n"
    "3 invalid pattern data\n";

int cmd_load(int argc, char **argv)
{
    enum { O_DB = 256, O_PATTERNS };
    static const struct option longs[] = {{"db", required_argument, 0, O_DB},
                                          {"patterns", required_argument, 0, O_PATTERNS},
                                          {"help", no_argument, 0, 'h'},
                                          {0, 0, 0, 0}};
    const char *target = NULL, *patterns = getenv("KEYFIG_PATTERNS");
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        switch (c) {
        case O_DB: target = optarg; break;
        case O_PATTERNS: patterns = optarg; break;
        case 'h': fputs(usage, stdout); return CLI_EXIT_OK;
        default: fputs(usage, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (!target || optind >= argc) {
        fprintf(stderr, "keyfig: load: %s\n", target ? "no claims file given" : "--db TARGET is required");
        fputs(usage, stderr);
        return CLI_EXIT_USAGE;
    }
    struct keyfig_error err = {0};
    struct store *s = store_open(target, patterns && *patterns ? patterns : NULL, &err);
    if (!s) {
        kf_print_error(&err, 0);
        return err.code ? cli_exit(err.code) : CLI_EXIT_RUNTIME;
    }
    int rc = CLI_EXIT_OK;
    for (int i = optind; i < argc; i++) {
        struct cd_list l = {0};
        struct keyfig_error e = {0};
        /* a broken file stores nothing; the files after it are still loaded */
        int bad = claimsdoc_read(argv[i], &l, &e) < 0;
        for (size_t j = 0; !bad && j < l.n; j++)
            bad = store_add(s, &l.articles[j], &e) < 0;
        if (!bad)
            bad = store_flush(s, &e) < 0;
        if (bad) {
            kf_print_error(&e, 0);
            rc = CLI_EXIT_RUNTIME;
        }
        claimsdoc_free(&l);
    }
    store_close(s);
    return rc;
}
