/* fuzz_cnnum: the numeral parser (cnnum.h) with the built-in numerals.tsv, on any valid
 * UTF-8 as one delimited numeral and as an "A分之B" fraction. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "cnnum.h"
#include "patset.h"
#include "util.h"

static struct cnnum_table *table;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!table) {
        struct keyfig_error err = {0};
        struct patset *ps = patset_open(NULL, &err);
        size_t len;
        const char *path, *text = patset_get(ps, "numerals.tsv", &len, &path, &err);
        if (!text || !(table = cnnum_table_load(text, len, path, &err)))
            abort();
        patset_free(ps); /* the built-in data stays; the table holds its own copy */
    }
    const char *s = (const char *)data;
    if (utf8_first_invalid(s, size) != (size_t)-1)
        return -1; /* the matcher hands over valid UTF-8 only */
    double v;
    if (cnnum_parse(table, s, size, &v) == 0 && !isfinite(v))
        abort();
    if (cnnum_parse_fraction(table, s, size, &v) == 0 && !isfinite(v))
        abort();
    return 0;
}
