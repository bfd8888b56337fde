/* cli: the keyfig command line. Each command is a function returning an exit code
 * (enum cli_exit); only main.c calls exit(). */
#ifndef KEYFIG_CLI_H
#define KEYFIG_CLI_H

#include <stddef.h>
#include "keyfig.h"

/* The program's exit codes; the library's enum keyfig_status maps to them through cli_exit. */
enum cli_exit { CLI_EXIT_OK = 0, CLI_EXIT_RUNTIME = 1, CLI_EXIT_USAGE = 2, CLI_EXIT_PATTERNS = 3 };
int cli_exit(int status);

/* Print "keyfig: file:line: text" (with "Warning: " when warning) to stderr. */
void kf_print_error(const struct keyfig_error *err, int warning);
void kf_warn(const char *file, size_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A keyfig_warn_fn printing "keyfig: ARTICLE: Warning: rule RULE: TEXT". */
void cli_warn(const char *article, const char *rule, const char *text, void *data);
/* Out of memory prints and exits 1 (keyfig_set_nomem_handler). */
void cli_init(void);

int cmd_extract(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_check_patterns(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_report(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_query(int argc, char **argv);
int cmd_trend(int argc, char **argv);
int cmd_conflicts(int argc, char **argv);

#endif
