/* fs: ids to paths, mkdir -p, the atomic write and the interruption handling of fs.h. Every
 * command that writes a file goes through here, so the rules (where a file may go, what it may
 * replace, its mode, what a signal leaves) are stated once. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "util.h"

/* ---- ids ---------------------------------------------------------------------------------- */

/* The problem with the one path component s[0..n), or NULL. */
static const char *component_problem(const char *s, size_t n)
{
    if (n == 0)
        return "it is empty";
    if ((n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
        return "\".\" and \"..\" name directories";
    if (n > FS_ID_MAX)
        return "it is longer than 200 bytes";
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return "it holds a control character";
    return NULL;
}

const char *fs_id_problem(const char *id, int relpath)
{
    if (!id)
        return "it is missing";
    if (!relpath)
        return strchr(id, '/') ? "it holds '/'" : component_problem(id, strlen(id));
    if (*id == '/')
        return "it is an absolute path";
    for (const char *s = id;;) {
        const char *slash = strchr(s, '/');
        size_t n = slash ? (size_t)(slash - s) : strlen(s);
        const char *why = component_problem(s, n);
        if (why)
            return why;
        if (!slash)
            return NULL;
        s = slash + 1;
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int fs_list_dir(const char *path, char ***names, size_t *n, struct keyfig_error *err)
{
    *names = NULL;
    *n = 0;
    DIR *d = opendir(path);
    if (!d)
        return kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot read directory: %s", strerror(errno));
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        *names = xrealloc(*names, (*n + 1) * sizeof **names);
        struct buf p = {0};
        buf_printf(&p, "%s/%s", path, e->d_name);
        (*names)[(*n)++] = p.data;
    }
    closedir(d);
    if (*n) /* qsort of a NULL array is undefined even for no elements */
        qsort(*names, *n, sizeof **names, by_name);
    return 0;
}

int fs_mkdirs(const char *path, struct keyfig_error *err)
{
    char *p = xstrdup(path);
    int rc = 0;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s)
            continue;
        char c = *s;
        *s = '\0';
        struct stat st;
        int e = 0;
        if (stat(p, &st) == 0)
            e = S_ISDIR(st.st_mode) ? 0 : ENOTDIR; /* OUT/file/sub: a file in the way */
        else if (mkdir(p, 0777) < 0 && errno != EEXIST)
            e = errno;
        if (e) {
            rc = kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot create directory: %s", strerror(e));
            break;
        }
        *s = c;
        if (!c)
            break;
    }
    free(p);
    return rc;
}

/* 1 when the resolved parent directory of path is want (resolved) followed by sub ("" or "/a/b"). */
static int parent_is(const char *path, const char *want, const char *sub)
{
    char *copy = xstrdup(path), *slash = strrchr(copy, '/');
    if (slash)
        *slash = '\0';
    char *got = realpath(slash ? (*copy ? copy : "/") : ".", NULL);
    struct buf w = {0};
    buf_printf(&w, "%s%s", want, sub);
    int ok = got && !strcmp(got, w.data);
    free(got);
    free(copy);
    buf_free(&w);
    return ok;
}

int fs_out_path(const char *dir, const char *id, const char *suffix, int relpath, const char *source,
                struct buf *out, struct keyfig_error *err)
{
    const char *why = fs_id_problem(id, relpath);
    if (why)
        return kf_error(err, KEYFIG_STATUS_IO, source, 0, "id \"%s\" cannot name an output file: %s; skipped",
                        id ? id : "", why);
    out->len = 0;
    buf_printf(out, "%s/%s%s", dir, id, suffix);
    const char *last = strrchr(id, '/');
    struct buf sub = {0};
    if (last) {
        buf_addc(&sub, '/');
        buf_add(&sub, id, (size_t)(last - id));
        struct buf parent = {0};
        buf_printf(&parent, "%s%s", dir, sub.data);
        int rc = fs_mkdirs(parent.data, err);
        buf_free(&parent);
        if (rc < 0) {
            buf_free(&sub);
            return -1;
        }
    }
    /* A directory not made yet holds no link; one that exists must be where its name says. */
    struct stat st;
    char *real = realpath(dir, NULL);
    int ok = real ? parent_is(out->data, real, sub.data ? sub.data : "") : lstat(dir, &st) < 0;
    free(real);
    buf_free(&sub);
    if (!ok)
        return kf_error(err, KEYFIG_STATUS_IO, out->data, 0,
                        "resolves outside the output directory %s (a symbolic link?); not written", dir);
    if (lstat(out->data, &st) == 0 && S_ISLNK(st.st_mode))
        return kf_error(err, KEYFIG_STATUS_IO, out->data, 0, "is a symbolic link; not written through");
    return 0;
}

/* ---- files a run must not overwrite ------------------------------------------------------- */

enum { SLOT_FREE, SLOT_INPUT, SLOT_WRITTEN };

struct file_id {
    dev_t dev;
    ino_t ino;
    int kind;
};

/* Open addressing on (dev, ino), kept at most half full. */
struct fs_files {
    struct file_id *slot;
    size_t cap, n;
};

struct fs_files *fs_files_new(void)
{
    struct fs_files *s = xcalloc(1, sizeof *s);
    s->cap = 64;
    s->slot = xcalloc(s->cap, sizeof *s->slot);
    return s;
}

static struct file_id *find(const struct fs_files *s, dev_t dev, ino_t ino)
{
    size_t h = ((size_t)ino * 0x9E3779B97F4A7C15u ^ (size_t)dev) & (s->cap - 1);
    while (s->slot[h].kind != SLOT_FREE && (s->slot[h].dev != dev || s->slot[h].ino != ino))
        h = (h + 1) & (s->cap - 1);
    return &s->slot[h];
}

static void files_add(struct fs_files *s, const struct stat *st, int kind)
{
    if (2 * (s->n + 1) > s->cap) {
        struct fs_files bigger = {xcalloc(2 * s->cap, sizeof *s->slot), 2 * s->cap, s->n};
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i].kind != SLOT_FREE)
                *find(&bigger, s->slot[i].dev, s->slot[i].ino) = s->slot[i];
        free(s->slot);
        *s = bigger;
    }
    struct file_id *f = find(s, st->st_dev, st->st_ino);
    if (f->kind == SLOT_FREE)
        s->n++;
    if (f->kind != SLOT_INPUT) /* an input stays an input */
        *f = (struct file_id){st->st_dev, st->st_ino, kind};
}

void fs_files_add_input(struct fs_files *s, const char *path)
{
    struct stat st;
    if (strcmp(path, "-") ? stat(path, &st) == 0 : fstat(STDIN_FILENO, &st) == 0)
        if (S_ISREG(st.st_mode))
            files_add(s, &st, SLOT_INPUT);
}

void fs_files_free(struct fs_files *s)
{
    if (!s)
        return;
    free(s->slot);
    free(s);
}

/* ---- interruption ------------------------------------------------------------------------- */

#define TEMP_SLOTS 4
static volatile sig_atomic_t caught;
static volatile sig_atomic_t temp_held[TEMP_SLOTS];
static char temp_path[TEMP_SLOTS][PATH_MAX];

/* The first signal is noted and the run stops at a document boundary; a second means "now":
 * only async-signal-safe calls (unlink, _exit) from here on. */
static void on_signal(int sig)
{
    if (!caught) {
        caught = sig;
        return;
    }
    for (int i = 0; i < TEMP_SLOTS; i++)
        if (temp_held[i])
            unlink(temp_path[i]);
    _exit(128 + sig);
}

void fs_catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a read blocked on a pipe returns, and the run ends */
    static const int sigs[] = {SIGINT, SIGTERM};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        /* a signal the caller ignores stays ignored (nohup, a background job of sh) */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

int fs_interrupted(void)
{
    return caught;
}

int fs_temp_hold(const char *path)
{
    for (int i = 0; i < TEMP_SLOTS; i++) {
        if (temp_held[i] || strlen(path) >= PATH_MAX)
            continue;
        memcpy(temp_path[i], path, strlen(path) + 1);
        temp_held[i] = 1;
        return i;
    }
    return -1;
}

void fs_temp_done(int slot)
{
    if (slot >= 0)
        temp_held[slot] = 0;
}

/* ---- writing ------------------------------------------------------------------------------ */

static mode_t file_mode(void)
{
    static mode_t mode = (mode_t)-1;
    if (mode == (mode_t)-1) {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    return mode;
}

/* Run w on f and close f: 0, or -1 with errno set (0 for an interruption). */
static int write_close(FILE *f, fs_writer w, void *data)
{
    errno = 0;
    int ok = w(f, data) == 0 && fflush(f) == 0 && !ferror(f);
    int e = errno;
    ok = fclose(f) == 0 && ok;
    if (!ok && e)
        errno = e;
    return ok ? 0 : -1;
}

static int write_error(struct keyfig_error *err, const char *path)
{
    int e = errno;
    return kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot write: %s",
                    fs_interrupted() ? "interrupted" : e ? strerror(e) : "write error");
}

/* Written in place, as sort -o does: replacing /dev/null or a FIFO by a regular file would break
 * the machine or the reader on the other end. */
static int write_in_place(const char *path, fs_writer w, void *data, struct keyfig_error *err)
{
    FILE *f = fopen(path, "wb");
    if (!f || write_close(f, w, data) < 0)
        return write_error(err, path);
    return 0;
}

static int write_replace(const char *path, fs_writer w, void *data, struct fs_files *files,
                         struct keyfig_error *err)
{
    const char *slash = strrchr(path, '/');
    struct buf tmp = {0};
    if (slash)
        buf_add(&tmp, path, (size_t)(slash - path + 1));
    buf_printf(&tmp, ".%s.XXXXXX", slash ? slash + 1 : path);
    int rc = -1, fd = mkstemp(tmp.data), slot = -1;
    if (fd < 0) {
        write_error(err, path);
        goto out;
    }
    slot = fs_temp_hold(tmp.data);
    struct stat st;
    FILE *f = fchmod(fd, file_mode()) == 0 && fstat(fd, &st) == 0 ? fdopen(fd, "wb") : NULL;
    if (!f) {
        write_error(err, path);
        close(fd);
        unlink(tmp.data);
        goto out;
    }
    if (write_close(f, w, data) < 0 || rename(tmp.data, path) < 0) {
        write_error(err, path);
        unlink(tmp.data);
        goto out;
    }
    if (files)
        files_add(files, &st, SLOT_WRITTEN);
    rc = 0;
out:
    fs_temp_done(slot);
    buf_free(&tmp);
    return rc;
}

/* Standard output failed and the error was reported: fs_close_stdout says nothing more. */
static int stdout_reported;

int fs_write(const char *path, fs_writer w, void *data, struct fs_files *files, struct keyfig_error *err)
{
    if (!strcmp(path, "-")) {
        errno = 0;
        if (w(stdout, data) < 0 || fflush(stdout) != 0 || ferror(stdout)) {
            stdout_reported = 1;
            return write_error(err, "-");
        }
        return 0;
    }
    struct stat st;
    if (stat(path, &st) == 0) {
        const struct file_id *f = files ? find(files, st.st_dev, st.st_ino) : NULL;
        if (f && f->kind == SLOT_INPUT)
            return kf_error(err, KEYFIG_STATUS_IO, path, 0, "is an input of this run; not overwritten");
        if (f && f->kind == SLOT_WRITTEN)
            return kf_error(err, KEYFIG_STATUS_IO, path, 0,
                            "already written in this run; not overwritten (two articles with the same id?)");
        if (S_ISDIR(st.st_mode))
            return kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot write: Is a directory");
        if (!S_ISREG(st.st_mode))
            return write_in_place(path, w, data, err);
    }
    return write_replace(path, w, data, files, err);
}

int fs_close_stdout(void)
{
    errno = 0;
    /* fclose too: a full disk or a closed pipe can show only at the last write */
    int bad = fflush(stdout) != 0;
    bad = ferror(stdout) || bad;
    int e = errno;
    bad = fclose(stdout) != 0 || bad;
    if (bad && !stdout_reported && !fs_interrupted()) {
        struct keyfig_error err = {0};
        errno = e ? e : errno;
        write_error(&err, "-");
        kf_print_error(&err, 0);
    }
    return bad ? -1 : 0;
}
