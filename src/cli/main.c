/* main: picks the command, prints help and version, and is the only caller of exit().
 * Each command parses its own options (see cli.h). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fs.h"
#include "keyfig.h"

static const char usage[] =
    "usage: keyfig COMMAND [options] ...\n"
    "\n"
    "Find the key figures (statistics with value, unit, subject and qualifiers) in Chinese\n"
    "news articles and reports.\n"
    "\n"
    "commands:\n"
    "  extract [options] PATH...     claims as JSON (PATH: file, directory of *.txt, or -)\n"
    "  plot [--out DIR] JSON...      a chart of each article's claims (gnuplot); --corpus: an overview\n"
    "  report PATH... -o FILE.html   a self-contained review page\n"
    "  load --db TARGET JSON...      store claims in a database (SQLite file or postgresql:// URL)\n"
    "  query --db TARGET [filters]   claims across the stored corpus (table, CSV, TSV, JSON Lines)\n"
    "  trend --db TARGET --subject S -o FILE.png   one metric over time, charted\n"
    "  conflicts --db TARGET         the same metric and period stated differently in two articles\n"
    "  eval --gold TSV... --articles DIR PRED   score predictions against gold claims\n"
    "  check-patterns [DIR] [--cases FILE...]   compile and lint a pattern set, run rule cases\n"
    "\n"
    "Run 'keyfig COMMAND --help' for a command's options.\n"
    "\n"
    "exit status: 0 success (also when no claim is found), 1 runtime or input error,\n"
    "             2 usage error, 3 invalid pattern data\n";

int main(int argc, char **argv)
{
    /* A reader that goes away (keyfig ... | head -1) ends us quietly, as for any filter. */
    signal(SIGPIPE, SIG_DFL);
    cli_init();
    if (argc < 2) {
        fputs(usage, stderr);
        return CLI_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return CLI_EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) {
        printf("keyfig %s\n", KEYFIG_VERSION);
        return CLI_EXIT_OK;
    }
    /* stops: the command checks fs_interrupted() and ends at a whole document, so it catches
     * SIGINT and SIGTERM; the others keep the default (they write at most one file, at the end). */
    static const struct {
        const char *name;
        int (*run)(int, char **);
        int stops;
    } commands[] = {
        {"extract", cmd_extract, 1}, {"eval", cmd_eval, 0},     {"check-patterns", cmd_check_patterns, 0},
        {"plot", cmd_plot, 1},       {"report", cmd_report, 0},
        {"load", cmd_load, 0},       {"query", cmd_query, 0},   {"trend", cmd_trend, 0},
        {"conflicts", cmd_conflicts, 0},
    };
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (!strcmp(cmd, commands[i].name)) {
            if (commands[i].stops)
                fs_catch_signals();
            int rc = commands[i].run(argc - 1, argv + 1);
            if (fs_close_stdout() != 0)
                rc = rc ? rc : CLI_EXIT_RUNTIME;
            /* interrupted: what was written ends with a whole document; say so as a shell would */
            exit(fs_interrupted() ? 128 + fs_interrupted() : rc);
        }
    }
    fprintf(stderr, "keyfig: unknown command \"%s\" (expected extract, plot, report, load, query, trend, conflicts, eval or check-patterns)\n", cmd);
    return CLI_EXIT_USAGE;
}
