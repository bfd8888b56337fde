/* fuzz_jsonl: the JSON Lines reader of `keyfig extract --input jsonl` (src/cli/inputs.c), fed
 * through a temporary file as the command line would, each record then decoded as a worker does
 * (input_record_decode): every record read or rejected, none lost, and an accepted one complete. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "inputs.h"

static char path[64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!*path) {
        snprintf(path, sizeof path, "/tmp/keyfig-fuzz-jsonl-%ld.jsonl", (long)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    char *paths[] = {path};
    struct input_opts io = {.jsonl = 1, .max_bytes = 1 << 20};
    struct inputs *in = inputs_open(paths, 1, &io);
    struct input_article a;
    struct keyfig_error err = {0};
    int got;
    while ((got = inputs_next(in, &a, &err)) != 0) {
        if (got > 0 && input_record_decode(&a, &io, &err) == 0 && (!a.id || !a.source || !a.text || a.record_line))
            abort();
        input_article_free(&a);
        err = (struct keyfig_error){0};
    }
    inputs_close(in);
    return 0;
}
