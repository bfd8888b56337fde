/* chan: a bounded byte pipe between two threads — one writes a document in pieces, the other
 * reads them in order — so that a worker never holds more than a window of its output. */
#ifndef KEYFIG_CHAN_H
#define KEYFIG_CHAN_H

#include <pthread.h>
#include <stddef.h>
#include "util.h"

struct chan {
    pthread_mutex_t mu;
    pthread_cond_t changed; /* bytes were added or taken, or the writer closed */
    struct buf pending;     /* written, not yet read */
    size_t max;             /* the writer waits while more than this is pending */
    int closed;
};

void chan_init(struct chan *c, size_t max);
/* Append bytes[0..len), first waiting while more than max bytes are pending. Returns 0. */
int chan_write(struct chan *c, const char *bytes, size_t len);
/* No more bytes will come. */
void chan_close(struct chan *c);
/* Wait until bytes are pending or the writer has closed: whatever the writer did before its
 * first write is then visible to the reader. Returns 1 when bytes are pending, 0 when the
 * writer closed without writing. */
int chan_wait(struct chan *c);
/* Wait for bytes and move them all into *out (emptied first); 0 once closed and drained. */
int chan_read(struct chan *c, struct buf *out);
void chan_destroy(struct chan *c);

#endif
