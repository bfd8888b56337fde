/* chan: a bounded byte pipe between two threads (see chan.h). The reader swaps the pending
 * buffer out whole, so each byte is copied once on either side. */
#include "chan.h"

void chan_init(struct chan *c, size_t max)
{
    pthread_mutex_init(&c->mu, NULL);
    pthread_cond_init(&c->changed, NULL);
    c->pending = (struct buf){0};
    c->max = max;
    c->closed = 0;
}

int chan_write(struct chan *c, const char *bytes, size_t len)
{
    pthread_mutex_lock(&c->mu);
    while (c->pending.len > c->max)
        pthread_cond_wait(&c->changed, &c->mu);
    buf_add(&c->pending, bytes, len);
    pthread_cond_broadcast(&c->changed);
    pthread_mutex_unlock(&c->mu);
    return 0;
}

void chan_close(struct chan *c)
{
    pthread_mutex_lock(&c->mu);
    c->closed = 1;
    pthread_cond_broadcast(&c->changed);
    pthread_mutex_unlock(&c->mu);
}

int chan_wait(struct chan *c)
{
    pthread_mutex_lock(&c->mu);
    while (!c->pending.len && !c->closed)
        pthread_cond_wait(&c->changed, &c->mu);
    int any = c->pending.len > 0;
    pthread_mutex_unlock(&c->mu);
    return any;
}

int chan_read(struct chan *c, struct buf *out)
{
    out->len = 0;
    pthread_mutex_lock(&c->mu);
    while (!c->pending.len && !c->closed)
        pthread_cond_wait(&c->changed, &c->mu);
    struct buf b = c->pending;
    c->pending = *out;
    *out = b;
    pthread_cond_broadcast(&c->changed);
    pthread_mutex_unlock(&c->mu);
    return out->len > 0;
}

void chan_destroy(struct chan *c)
{
    buf_free(&c->pending);
    pthread_cond_destroy(&c->changed);
    pthread_mutex_destroy(&c->mu);
}
