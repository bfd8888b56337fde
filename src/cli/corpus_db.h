/* corpus_db: `keyfig plot --corpus --db TARGET` — the overview of a stored corpus as aggregates
 * instead of a bar per article: claims per month by kind, and the top subjects by kind. */
#ifndef KEYFIG_CORPUS_DB_H
#define KEYFIG_CORPUS_DB_H

#include "keyfig.h"

/* Draw outdir/corpus.png|svg (a bar per month of article dates) and outdir/subjects.png|svg
 * (the TOP_SUBJECTS commonest folded subjects). Returns 0, or -1 with err filled. */
int corpus_db_plot(const char *target, const char *outdir, const char *font, struct keyfig_error *err);

#endif
