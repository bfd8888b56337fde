/* check_lexicon: the unit tests' check that a bad record of a pattern file is refused by
 * lexicon_load with the file, line and message a user needs. Header-only, as check.h is. */
#ifndef KEYFIG_TEST_CHECK_LEXICON_H
#define KEYFIG_TEST_CHECK_LEXICON_H

#include "check.h"
#include "lexicon.h"
#include "patset.h"

/* Put record first in file of a copy of patterns/ (in tests/out/unit/SCRATCH) and load the word
 * lists: the load must fail with KEYFIG_STATUS_PATTERN at file:line and the text want_text. */
static void check_bad_record(const char *scratch, const char *file, const char *record, size_t line,
                             const char *want_text, const char *name)
{
    const char *dir = scratch_dir(scratch);
    if (scratch_patterns(dir, file, record) != 0) {
        report(0, name, __FILE__, __LINE__, "a copy of patterns/ failed", dir);
        return;
    }
    struct keyfig_error err = {0};
    struct patset *ps = patset_open(dir, &err);
    struct lexicon *lx = ps ? lexicon_load(ps, &err) : NULL;
    char got[1200], want[1200];
    snprintf(got, sizeof got, "%s %d %s:%zu: %s", lx ? "loaded" : "NULL", err.code, err.file, err.line, err.text);
    snprintf(want, sizeof want, "NULL %d %s/%s:%zu: %s", KEYFIG_STATUS_PATTERN, dir, file, line, want_text);
    check_str(name, got, want);
    lexicon_free(lx);
    patset_free(ps);
}

#endif
