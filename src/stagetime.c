/* stagetime: the stage timer of a -DKEYFIG_STAGE_TIMES build (stagetime.h). Monotonic clock, read once
 * per enter and leave (a thread's CPU clock costs a system call); a thread keeps its own stack of
 * stages, and the sums are shared. */
#include "stagetime.h"

#ifdef KEYFIG_STAGE_TIMES
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static const char *const names[STAGE_COUNT] = {"load", "read", "normalise", "numbers", "stop_at", "claim_rules",
                                               "text_rules", "segment", "assemble", "finish", "write"};
static _Atomic uint64_t total_ns[STAGE_COUNT];
static _Atomic uint64_t calls[STAGE_COUNT];

#define DEPTH 32
static _Thread_local int stack[DEPTH], depth;
static _Thread_local uint64_t last;
static uint64_t started;

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void stage_enter(enum stage s)
{
    uint64_t t = now_ns();
    if (depth > 0 && depth <= DEPTH)
        atomic_fetch_add_explicit(&total_ns[stack[depth - 1]], t - last, memory_order_relaxed);
    if (depth < DEPTH)
        stack[depth] = (int)s;
    depth++;
    atomic_fetch_add_explicit(&calls[s], 1, memory_order_relaxed);
    last = t;
}

void stage_leave(void)
{
    uint64_t t = now_ns();
    if (depth > 0 && depth <= DEPTH)
        atomic_fetch_add_explicit(&total_ns[stack[depth - 1]], t - last, memory_order_relaxed);
    if (depth > 0)
        depth--;
    last = t;
}

__attribute__((constructor)) static void start(void)
{
    started = now_ns();
}

/* "stage SECONDS CALLS" lines, then "wall SECONDS 0" (since start-up) and "cpu SECONDS 0" (user + system
 * of the process) */
__attribute__((destructor)) static void report(void)
{
    const char *path = getenv("KEYFIG_STAGE_FILE");
    FILE *f = path ? fopen(path, "w") : NULL;
    if (!f)
        return;
    for (int i = 0; i < STAGE_COUNT; i++)
        fprintf(f, "%s %.6f %llu\n", names[i], (double)atomic_load(&total_ns[i]) / 1e9,
                (unsigned long long)atomic_load(&calls[i]));
    fprintf(f, "wall %.6f 0\n", (double)(now_ns() - started) / 1e9);
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) == 0)
        fprintf(f, "cpu %.6f 0\n", (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                                       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
    fclose(f);
}
#else
typedef int stagetime_unused; /* ISO C wants something in a translation unit */
#endif
