/* plot: placeholder until the plot command lands. */
#include <stdio.h>
#include "cli.h"
#include "keyfig.h"

int cmd_plot(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("keyfig: plot: not built yet\n", stderr);
    return KEYFIG_ERR_RUNTIME;
}
