/* report: placeholder until the report command lands. */
#include <stdio.h>
#include "cli.h"
#include "keyfig.h"

int cmd_report(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("keyfig: report: not built yet\n", stderr);
    return KEYFIG_ERR_RUNTIME;
}
