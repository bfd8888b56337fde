/* eval: placeholder until the command lands. */
#include <stdio.h>
#include "cli.h"
#include "keyfig.h"

int cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("keyfig: eval: not built yet\n", stderr);
    return KEYFIG_ERR_RUNTIME;
}
