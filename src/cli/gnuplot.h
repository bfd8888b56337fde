/* gnuplot: draw a chart by running gnuplot (found on PATH, started with fork/exec, no shell)
 * on a script and its data file, written through fs.c. The only file that starts gnuplot. */
#ifndef KEYFIG_GNUPLOT_H
#define KEYFIG_GNUPLOT_H

#include "keyfig.h"

struct buf;
struct fs_files;

/* Write dir/base.dat (dat) and dir/base.gp (gp), creating dir as needed (with files: never over
 * a file this run wrote already), then run gnuplot there to make base.png and base.svg, each
 * complete or not there at all. Returns 0; -1 with err filled (gnuplot's own message when it
 * failed); -2 when gnuplot cannot be run at all (no later chart can be drawn either). */
int gnuplot_draw(const char *dir, const char *base, const struct buf *dat, const struct buf *gp,
                 struct fs_files *files, struct keyfig_error *err);

#endif
