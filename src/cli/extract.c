/* extract: placeholder until the command lands. */
#include <stdio.h>
#include "cli.h"
#include "keyfig.h"

int cmd_extract(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("keyfig: extract: not built yet\n", stderr);
    return KEYFIG_ERR_RUNTIME;
}
