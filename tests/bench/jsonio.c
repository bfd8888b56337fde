/* jsonio: the part of keyfig's work that is Jansson's alone, as a floor for make bench.
 * Reads every record of IN (JSON Lines, as keyfig extract --input jsonl does) and writes again
 * every document of OUT (keyfig's own --jsonl output for IN: each line is parsed off the clock,
 * then dumped with keyfig's flags on it). Prints the seconds on the clock.
 * usage: jsonio IN.jsonl OUT.jsonl */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: jsonio IN.jsonl OUT.jsonl\n", stderr);
        return 2;
    }
    double clock = 0;
    char *line = NULL;
    size_t cap = 0;
    for (int k = 1; k <= 2; k++) {
        FILE *f = fopen(argv[k], "rb");
        if (!f) {
            perror(argv[k]);
            return 1;
        }
        ssize_t n;
        while ((n = getline(&line, &cap, f)) > 0) {
            json_error_t je;
            double t0 = now();
            json_t *doc = json_loadb(line, (size_t)n, 0, &je);
            if (!doc) {
                fprintf(stderr, "jsonio: %s: %s\n", argv[k], je.text);
                return 1;
            }
            if (k == 1) {
                clock += now() - t0;
            } else {
                t0 = now();
                char *out = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15) | JSON_COMPACT);
                clock += now() - t0;
                free(out);
            }
            json_decref(doc);
        }
        fclose(f);
    }
    free(line);
    printf("%.6f\n", clock);
    return 0;
}
