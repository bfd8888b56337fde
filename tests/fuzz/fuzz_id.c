/* fuzz_id: the id check that guards every path made from an id (src/cli/fs.c). The first byte
 * picks plain names or relative paths. An accepted id has no empty, "." or ".." component, no
 * control character, no component over FS_ID_MAX bytes and (plain) no '/'; and fs_out_path puts a
 * plain one directly inside the output directory. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"
#include "util.h"

static char dir[64];

static void check_accepted(const char *id, int relpath)
{
    if (*id == '/' || (!relpath && strchr(id, '/')))
        abort();
    for (const char *s = id;;) {
        const char *slash = strchr(s, '/');
        size_t n = slash ? (size_t)(slash - s) : strlen(s);
        if (n == 0 || n > FS_ID_MAX || (n == 1 && s[0] == '.') || (n == 2 && !memcmp(s, "..", 2)))
            abort();
        for (size_t i = 0; i < n; i++)
            if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
                abort();
        if (!slash)
            break;
        s = slash + 1;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!*dir) {
        snprintf(dir, sizeof dir, "/tmp/keyfig-fuzz-id-%ld", (long)getpid());
        mkdir(dir, 0700);
    }
    if (size < 1)
        return 0;
    int relpath = data[0] & 1;
    char *id = xstrndup((const char *)data + 1, size - 1); /* up to the first NUL, as a C string id */
    if (fs_id_problem(id, relpath) == NULL) {
        check_accepted(id, relpath);
        if (!relpath) {
            struct buf path = {0};
            struct keyfig_error err = {0};
            if (fs_out_path(dir, id, ".json", 0, "fuzz", &path, &err) != 0 ||
                strncmp(path.data, dir, strlen(dir)) || strchr(path.data + strlen(dir) + 1, '/'))
                abort();
            buf_free(&path);
        }
    }
    free(id);
    return 0;
}
