/* gnuplot: fork/exec gnuplot on a script written through fs.c (see gnuplot.h). */
#include "gnuplot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fs.h"
#include "util.h"

static int write_buf(FILE *f, void *data)
{
    const struct buf *b = data;
    return b->len && fwrite(b->data, 1, b->len, f) != b->len ? -1 : 0;
}

/* dir/name, through fs_write: never over a file this run wrote already (two articles, one id). */
static int write_file(const char *dir, const char *name, const struct buf *b, struct fs_files *files,
                      struct keyfig_error *err)
{
    struct buf path = {0};
    buf_printf(&path, "%s/%s", dir, name);
    int rc = fs_write(path.data, write_buf, (void *)b, files, err);
    buf_free(&path);
    return rc;
}

/* The last non-empty line of gnuplot's messages: the error itself
 * ("figures.gp" line 12: undefined variable: foo). */
static void last_line(const struct buf *msg, char *out, size_t n)
{
    size_t end = msg->len;
    while (end && strchr(" \t\r\n", msg->data[end - 1]))
        end--;
    size_t start = end;
    while (start && msg->data[start - 1] != '\n')
        start--;
    snprintf(out, n, "%.*s", (int)(end - start), msg->data ? msg->data + start : "");
    for (char *s = out; *s; s++)
        if ((unsigned char)*s < 0x20)
            *s = ' ';
}

/* In the child: run gnuplot on script in dir, stderr to errfd. Never returns; a failed exec
 * sends its errno up the close-on-exec pipe execfd. */
static void exec_gnuplot(const char *dir, const char *expr, const char *script, int errfd, int execfd)
{
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
    }
    dup2(errfd, 2);
    int e = 0;
    if (chdir(dir) == 0) {
        char *argv[] = {"gnuplot", "-e", (char *)expr, (char *)script, NULL};
        execvp("gnuplot", argv);
    }
    e = errno;
    if (write(execfd, &e, sizeof e) < 0)
        _exit(127);
    _exit(127);
}

/* Wait for the gnuplot started on dir/script, reading its messages from errfd and a failed
 * exec's errno from execfd (both closed here). */
static int wait_gnuplot(pid_t pid, int errfd, int execfd, const char *dir, const char *script,
                        struct keyfig_error *err)
{
    struct buf msg = {0};
    char chunk[4096];
    ssize_t got;
    while ((got = read(errfd, chunk, sizeof chunk)) > 0 || (got < 0 && errno == EINTR))
        if (got > 0 && msg.len < 65536)
            buf_add(&msg, chunk, (size_t)got);
    close(errfd);
    int exec_errno = 0;
    ssize_t e = read(execfd, &exec_errno, sizeof exec_errno);
    close(execfd);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int rc = 0;
    if (e == (ssize_t)sizeof exec_errno) {
        kf_error(err, KEYFIG_STATUS_IO, "gnuplot", 0, "cannot run: %s (gnuplot is needed to draw charts)",
                 strerror(exec_errno));
        rc = -2; /* no later chart can be drawn either */
    } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char line[400];
        last_line(&msg, line, sizeof line);
        struct buf path = {0};
        buf_printf(&path, "%s/%s", dir, script);
        rc = kf_error(err, KEYFIG_STATUS_IO, path.data, 0, "gnuplot failed: %s",
                      *line ? line : WIFEXITED(status) ? "no message" : "killed by a signal");
        buf_free(&path);
    }
    buf_free(&msg);
    return rc;
}

/* Run gnuplot (found on PATH, started without a shell) on dir/script; expr sets the output
 * names first. Fills err with gnuplot's own message when it fails. */
static int run_gnuplot(const char *dir, const char *script, const char *expr, struct keyfig_error *err)
{
    int errpipe[2], execpipe[2] = {-1, -1};
    pid_t pid = -1;
    if (pipe(errpipe) < 0)
        return kf_error(err, KEYFIG_STATUS_IO, "gnuplot", 0, "cannot start: %s", strerror(errno));
    if (pipe(execpipe) == 0) {
        fcntl(errpipe[0], F_SETFD, FD_CLOEXEC);
        fcntl(execpipe[0], F_SETFD, FD_CLOEXEC);
        fcntl(execpipe[1], F_SETFD, FD_CLOEXEC);
        fflush(NULL);
        pid = fork();
    }
    if (pid < 0) {
        int e = errno;
        for (int i = 0; i < 2; i++) {
            close(errpipe[i]);
            if (execpipe[i] >= 0)
                close(execpipe[i]);
        }
        return kf_error(err, KEYFIG_STATUS_IO, "gnuplot", 0, "cannot start: %s", strerror(e));
    }
    if (pid == 0)
        exec_gnuplot(dir, expr, script, errpipe[1], execpipe[1]);
    close(errpipe[1]);
    close(execpipe[1]);
    return wait_gnuplot(pid, errpipe[0], execpipe[0], dir, script, err);
}

/* Render dir/<base>.gp to <base>.png and <base>.svg: gnuplot writes temporary names in dir,
 * renamed once both images are complete and removed otherwise. */
static int render(const char *dir, const char *base, struct keyfig_error *err)
{
    static const char *const ext[2] = {"png", "svg"};
    char tmp[2][64], final[2][64], script[64], expr[200];
    int held[2];
    for (int i = 0; i < 2; i++) {
        snprintf(tmp[i], sizeof tmp[i], ".%s.%ld.%s", base, (long)getpid(), ext[i]);
        snprintf(final[i], sizeof final[i], "%s.%s", base, ext[i]);
        struct buf t = {0};
        buf_printf(&t, "%s/%s", dir, tmp[i]);
        held[i] = fs_temp_hold(t.data); /* removed if a second signal ends the run meanwhile */
        buf_free(&t);
    }
    snprintf(script, sizeof script, "%s.gp", base);
    snprintf(expr, sizeof expr, "png_out = \"%s\"; svg_out = \"%s\"", tmp[0], tmp[1]);
    int rc = run_gnuplot(dir, script, expr, err);
    for (int i = 0; i < 2; i++) {
        struct buf from = {0}, to = {0};
        buf_printf(&from, "%s/%s", dir, tmp[i]);
        buf_printf(&to, "%s/%s", dir, final[i]);
        struct stat st;
        if (rc == 0 && (stat(from.data, &st) < 0 || st.st_size == 0))
            rc = kf_error(err, KEYFIG_STATUS_IO, to.data, 0, "gnuplot wrote no image");
        if (rc == 0 && rename(from.data, to.data) < 0)
            rc = kf_error(err, KEYFIG_STATUS_IO, to.data, 0, "cannot write: %s", strerror(errno));
        buf_free(&from);
        buf_free(&to);
    }
    for (int i = 0; rc < 0 && i < 2; i++) {
        struct buf from = {0};
        buf_printf(&from, "%s/%s", dir, tmp[i]);
        unlink(from.data);
        buf_free(&from);
    }
    for (int i = 0; i < 2; i++)
        fs_temp_done(held[i]);
    return rc;
}

int gnuplot_draw(const char *dir, const char *base, const struct buf *dat, const struct buf *gp,
                 struct fs_files *files, struct keyfig_error *err)
{
    char name[64];
    if (fs_mkdirs(dir, err) < 0)
        return -1;
    snprintf(name, sizeof name, "%s.dat", base);
    if (write_file(dir, name, dat, files, err) < 0)
        return -1;
    snprintf(name, sizeof name, "%s.gp", base);
    if (write_file(dir, name, gp, files, err) < 0)
        return -1;
    return render(dir, base, err);
}
