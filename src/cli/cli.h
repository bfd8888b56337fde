/* cli: the keyfig command line. Each command is a function returning an exit code
 * (enum keyfig_status); only main.c calls exit(). */
#ifndef KEYFIG_CLI_H
#define KEYFIG_CLI_H

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
