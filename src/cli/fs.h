/* fs: the one place where the command line turns untrusted ids into paths and writes output
 * files: the id check, a sorted directory listing, mkdir -p, one atomic write with one
 * permission policy, the set of files a run must not overwrite, and the SIGINT/SIGTERM handling
 * that leaves no temporary file behind. */
#ifndef KEYFIG_FS_H
#define KEYFIG_FS_H

#include <stdio.h>
#include <sys/stat.h>
#include "keyfig.h"

#define FS_ID_MAX 200 /* bytes in one id (one path component), well below NAME_MAX with ".json" */

/* NULL when id can name one output file or directory: a plain name (not empty, "." or "..", no
 * '/', no control character, at most FS_ID_MAX bytes). With relpath, id may also be a relative
 * path of such names ("sub/a", the ids of recursive input), each component checked. Else the
 * reason, a static string such as "it holds '/'". */
const char *fs_id_problem(const char *id, int relpath);

/* dir/id + suffix into *out (caller frees with buf_free) after fs_id_problem, with the parent
 * directories of a relative-path id created; then the parent of the final path must resolve to
 * dir itself (or, for a relative-path id, to the directory its components name below dir), so a
 * symbolic link planted in dir cannot send the output elsewhere. 0, or -1 with err filled,
 * naming source and the id. */
struct buf;
int fs_out_path(const char *dir, const char *id, const char *suffix, int relpath, const char *source,
                struct buf *out, struct keyfig_error *err);

/* The entries of directory path as "path/name", sorted by name (so nothing depends on the file
 * system's order), hidden ones (a leading '.') left out: *names (the caller frees each and the
 * array) and *n. 0, or -1 with err filled naming path. */
int fs_list_dir(const char *path, char ***names, size_t *n, struct keyfig_error *err);

/* mkdir -p path (mode 0777 less the umask). 0, or -1 with err filled naming path. */
int fs_mkdirs(const char *path, struct keyfig_error *err);

/* The files a run must not write over: its inputs and what it has already written, by device
 * and inode (so a second name for the same file is caught too). */
struct fs_files;
struct fs_files *fs_files_new(void);
/* Record path (which must exist) as an input of the run; a path that cannot be stat'ed is skipped. */
void fs_files_add_input(struct fs_files *s, const char *path);
void fs_files_free(struct fs_files *s);

/* Writes the whole output to f; 0, or -1 on failure (errno says why, or 0 for an interruption). */
typedef int (*fs_writer)(FILE *f, void *data);

/* Write path with w: "-" is standard output (flushed and checked); an existing file that is not
 * a regular file (a FIFO, a device) is opened and written in place, never replaced; anything else
 * goes through a temporary file in the same directory renamed over path once complete (mode 0666
 * less the umask), so no reader ever sees half a file and a failure leaves the old file. With
 * files, path must not be an input of the run nor a file written earlier in it, and is recorded
 * as written. 0, or -1 with err filled (naming path); nothing is left behind on failure. */
int fs_write(const char *path, fs_writer w, void *data, struct fs_files *files, struct keyfig_error *err);

/* Flush and close standard output at the end of a command: 0, or -1 after printing the error
 * (unless fs_write already reported it). */
int fs_close_stdout(void);

/* Catch SIGINT and SIGTERM: the first lets the run stop at the next whole document (see
 * fs_interrupted); a second one ends the process at once, removing the temporary files being
 * written. System calls are not restarted, so a blocked read returns. */
void fs_catch_signals(void);
/* The signal that asked the run to stop, or 0. */
int fs_interrupted(void);
/* Make sure path, a temporary file of the caller's, is removed if a second signal ends the
 * process before fs_temp_done(slot). Returns the slot (or -1 when all are taken). */
int fs_temp_hold(const char *path);
void fs_temp_done(int slot);

#endif
