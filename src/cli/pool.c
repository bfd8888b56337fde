/* pool: a ring of capacity slots indexed by sequence number. The caller puts jobs at the tail,
 * workers claim them in order, and the caller takes them from the head only when the head's
 * work is done, so results come back in input order whatever order the threads finish in. */
#include "pool.h"

#include <pthread.h>
#include <stdlib.h>

#include "util.h"

struct slot {
    void *job;
    int done;
};

struct pool {
    void (*work)(void *job, void *ctx);
    void *ctx;
    struct slot *ring;
    size_t cap;
    size_t head, run, tail;  /* sequence numbers: oldest in flight, next to work on, next to put */
    int stop;
    int nthreads;
    pthread_t *threads;
    pthread_mutex_t mu;
    pthread_cond_t queued;   /* a job was put (or stop was set) */
    pthread_cond_t finished; /* a job's work is done */
};

static void *worker(void *arg)
{
    struct pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->run == p->tail && !p->stop)
            pthread_cond_wait(&p->queued, &p->mu);
        if (p->stop)
            break;
        struct slot *s = &p->ring[p->run++ % p->cap];
        pthread_mutex_unlock(&p->mu);
        p->work(s->job, p->ctx);
        pthread_mutex_lock(&p->mu);
        s->done = 1;
        pthread_cond_broadcast(&p->finished);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

struct pool *pool_new(int nthreads, size_t capacity, void (*work)(void *job, void *ctx), void *ctx)
{
    struct pool *p = xcalloc(1, sizeof *p);
    p->work = work;
    p->ctx = ctx;
    p->cap = capacity ? capacity : 1;
    p->ring = xcalloc(p->cap, sizeof *p->ring);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->queued, NULL);
    pthread_cond_init(&p->finished, NULL);
    if (nthreads > 1) {
        p->threads = xcalloc((size_t)nthreads, sizeof *p->threads);
        /* A thread that cannot be started leaves fewer workers; with none, work runs inline. */
        while (p->nthreads < nthreads && pthread_create(&p->threads[p->nthreads], NULL, worker, p) == 0)
            p->nthreads++;
    }
    return p;
}

int pool_full(const struct pool *p)
{
    return p->tail - p->head >= p->cap;
}

void pool_put(struct pool *p, void *job)
{
    struct slot *s = &p->ring[p->tail % p->cap];
    s->job = job;
    s->done = 0;
    if (!p->nthreads) {
        p->work(job, p->ctx);
        s->done = 1;
        p->tail++;
        return;
    }
    pthread_mutex_lock(&p->mu);
    p->tail++;
    pthread_cond_signal(&p->queued);
    pthread_mutex_unlock(&p->mu);
}

void *pool_take(struct pool *p, int wait)
{
    void *job = NULL;
    pthread_mutex_lock(&p->mu);
    if (p->head != p->tail) {
        struct slot *s = &p->ring[p->head % p->cap];
        while (wait && !s->done)
            pthread_cond_wait(&p->finished, &p->mu);
        if (s->done) {
            job = s->job;
            p->head++;
        }
    }
    pthread_mutex_unlock(&p->mu);
    return job;
}

void *pool_head(struct pool *p)
{
    pthread_mutex_lock(&p->mu);
    void *job = p->head != p->tail ? p->ring[p->head % p->cap].job : NULL;
    pthread_mutex_unlock(&p->mu);
    return job;
}

int pool_threads(const struct pool *p)
{
    return p->nthreads;
}

void pool_free(struct pool *p)
{
    if (!p)
        return;
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->queued);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->nthreads; i++)
        pthread_join(p->threads[i], NULL);
    free(p->threads);
    pthread_cond_destroy(&p->queued);
    pthread_cond_destroy(&p->finished);
    pthread_mutex_destroy(&p->mu);
    free(p->ring);
    free(p);
}
