/* check_patterns: placeholder until the command lands. */
#include <stdio.h>
#include "cli.h"
#include "keyfig.h"

int cmd_check_patterns(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("keyfig: check_patterns: not built yet\n", stderr);
    return KEYFIG_ERR_RUNTIME;
}
