/* pool: run one function over a stream of jobs on N threads and hand the jobs back in the
 * order they were put in — a small ordered map. It knows nothing of articles or JSON. */
#ifndef KEYFIG_POOL_H
#define KEYFIG_POOL_H

#include <stddef.h>

struct pool;

/* work(job, ctx) is called once per job, on one of nthreads threads (in the caller's thread,
 * inside pool_put, when nthreads <= 1). At most capacity jobs are in flight at once.
 * Returns a pool the caller owns (free with pool_free); allocation failure exits. */
struct pool *pool_new(int nthreads, size_t capacity, void (*work)(void *job, void *ctx), void *ctx);

/* 1 when capacity jobs are in flight: take one before putting another. */
int pool_full(const struct pool *p);

/* Queue job (borrowed until pool_take returns it). The pool must not be full. */
void pool_put(struct pool *p, void *job);

/* The oldest job once its work is done, or NULL when no job is in flight. With wait = 0, also
 * NULL while the oldest job is still being worked on. */
void *pool_take(struct pool *p, int wait);

/* The oldest job in flight, whether or not its work is done (NULL when none): its worker can
 * hand results over while it runs. It stays in flight until pool_take returns it. */
void *pool_head(struct pool *p);

/* The number of threads running jobs; 0 when work runs inline in pool_put. */
int pool_threads(const struct pool *p);

/* Stop the threads; jobs still in flight are not returned. pool_free(NULL) is a no-op. */
void pool_free(struct pool *p);

#endif
