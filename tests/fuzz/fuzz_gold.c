/* fuzz_gold: the gold TSV reader (src/cli/gold.c), then the surface locator with each parsed
 * surface looked up in the fuzz input itself. */
#include <stdint.h>
#include <stdlib.h>

#include "gold.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct gold_set set = {0};
    struct keyfig_error err = {0};
    const char *text = (const char *)data;
    gold_parse(text, size, "fuzz.tsv", &set, &err);
    for (size_t i = 0; i < set.n; i++) {
        long s, e;
        if (gold_locate(text, size, set.g[i].surface, set.g[i].nth, &s, &e) == 0 && (s < 0 || e < s))
            abort();
    }
    gold_free(&set);
    return 0;
}
