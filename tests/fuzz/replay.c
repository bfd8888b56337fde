/* replay: run a fuzz target's LLVMFuzzerTestOneInput over files and directories of inputs
 * without libFuzzer, so the normal build (gcc, and the sanitizer build) checks that every target
 * still runs its own seeds and regressions: tests/fuzz.t runs these binaries. Prints
 * "N inputs"; a failed read exits 2, a target that fails aborts. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "keyfig.h"
#include "cli.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int run_file(const char *path, size_t *n)
{
    struct keyfig_error err = {0};
    size_t len;
    char *data = util_slurp(path, 0, &len, &err);
    if (!data) {
        kf_print_error(&err, 0);
        return -1;
    }
    /* a copy of exactly len bytes, so ASan sees a read past the input's end */
    uint8_t *copy = xmalloc(len);
    memcpy(copy, data, len);
    free(data);
    LLVMFuzzerTestOneInput(copy, len);
    free(copy);
    (*n)++;
    return 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_path(const char *path, size_t *n)
{
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISDIR(st.st_mode))
        return run_file(path, n);
    DIR *d = opendir(path);
    if (!d) {
        fprintf(stderr, "replay: %s: cannot read directory\n", path);
        return -1;
    }
    char **names = NULL;
    size_t k = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        names = xrealloc(names, (k + 1) * sizeof *names);
        struct buf p = {0};
        buf_printf(&p, "%s/%s", path, e->d_name);
        names[k++] = p.data;
    }
    closedir(d);
    if (k)
        qsort(names, k, sizeof *names, by_name);
    int rc = 0;
    for (size_t i = 0; i < k; i++) {
        if (run_file(names[i], n) < 0)
            rc = -1;
        free(names[i]);
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    size_t n = 0;
    int rc = 0;
    for (int i = 1; i < argc; i++)
        if (run_path(argv[i], &n) < 0)
            rc = 2;
    printf("%zu inputs\n", n);
    return rc;
}
