/* check: the unit tests' one reporting helper and their scratch directories. Each check prints
 * "PASS name" or "FAIL file:line: got X, want Y" (tests/run.sh counts them). Run from the
 * repository root. Header-only: each test is one .c file. */
#ifndef KEYFIG_TEST_CHECK_H
#define KEYFIG_TEST_CHECK_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int failures;

static void report(int ok, const char *name, const char *file, long line, const char *got, const char *want)
{
    if (ok) {
        printf("PASS %s\n", name);
    } else {
        printf("FAIL %s:%ld: %s: got %s, want %s\n", file ? file : "", line, name, got ? got : "", want ? want : "");
        failures++;
    }
}

/* check_str(name, got, want): strings equal. check_int likewise for integers. */
#define check_str(name, got, want) report(strcmp((got), (want)) == 0, (name), __FILE__, __LINE__, (got), (want))
#define check_int(name, got, want)                                                                             \
    do {                                                                                                       \
        long long g_ = (long long)(got), w_ = (long long)(want);                                               \
        char gs_[32], ws_[32];                                                                                 \
        snprintf(gs_, sizeof gs_, "%lld", g_);                                                                 \
        snprintf(ws_, sizeof ws_, "%lld", w_);                                                                 \
        report(g_ == w_, (name), __FILE__, __LINE__, gs_, ws_);                                                \
    } while (0)

/* A fresh scratch directory of this test's own: tests/out/unit/NAME (emptied of files first). */
static inline const char *scratch_dir(const char *name)
{
    static char dir[512];
    mkdir("tests/out", 0777);
    mkdir("tests/out/unit", 0777);
    snprintf(dir, sizeof dir, "tests/out/unit/%s", name);
    mkdir(dir, 0777);
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[1024];
    while (d && (e = readdir(d))) {
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (e->d_name[0] != '.')
            remove(path);
    }
    if (d)
        closedir(d);
    return dir;
}

/* Copy the .tsv and .rules files of patterns/ into dir, with line put first in the file named file
 * (NULL: none), to try a pattern set with one record changed. Returns 0, or -1. */
static inline int scratch_patterns(const char *dir, const char *file, const char *line)
{
    DIR *d = opendir("patterns");
    if (!d)
        return -1;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        const char *dot = strrchr(e->d_name, '.');
        if (!dot || (strcmp(dot, ".tsv") && strcmp(dot, ".rules")))
            continue;
        char from[1024], to[1024], buf[65536];
        snprintf(from, sizeof from, "patterns/%s", e->d_name);
        snprintf(to, sizeof to, "%s/%s", dir, e->d_name);
        FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
        if (!in || !out)
            rc = -1;
        if (out && file && line && strcmp(file, e->d_name) == 0)
            fprintf(out, "%s\n", line);
        size_t n;
        while (in && out && (n = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, n, out);
        if (in)
            fclose(in);
        if (out && fclose(out) != 0)
            rc = -1;
    }
    closedir(d);
    return rc;
}

#endif
