/* fuzz_claims: the reader of claims JSON that `keyfig plot` and `keyfig report` share
 * (src/cli/claimsdoc.c), then the id check and the chart's data and script (plot_compose) for
 * every article read: no crash, no undefined behaviour on hostile numbers, and never inf or nan
 * in a gnuplot script; and each claim as the review page writes it (claimsdoc_write_flat): never
 * a < > or & that could end or bend its <script> element. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claimsdoc.h"
#include "fs.h"
#include "plot.h"
#include "util.h"

/* 1 when a line of the script that is not a comment holds the word inf or nan. */
static int has_nonfinite(const char *gp)
{
    for (const char *line = gp; line && *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        size_t i = strspn(line, " \t");
        if (i < n && line[i] != '#')
            for (; i + 3 <= n; i++)
                if ((!strncasecmp(line + i, "inf", 3) || !strncasecmp(line + i, "nan", 3)) &&
                    (i == 0 || !isalpha((unsigned char)line[i - 1])) && (i + 3 == n || !isalpha((unsigned char)line[i + 3])))
                    return 1;
        line = end ? end + 1 : NULL;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct cd_list l = {0};
    struct keyfig_error err = {0};
    claimsdoc_parse((const char *)data, size, "fuzz.json", &l, &err);
    for (size_t i = 0; i < l.n; i++) {
        const struct cd_article *a = &l.articles[i];
        if (a->id)
            fs_id_problem(a->id, 0);
        struct buf dat = {0}, gp = {0};
        struct plot_options o = {.max_claims = 20};
        struct keyfig_error perr = {0};
        if (plot_compose(a, &o, &dat, &gp, &perr) == 0 && has_nonfinite(gp.data))
            abort();
        buf_free(&dat);
        buf_free(&gp);
        for (size_t k = 0; k < a->nclaims; k++) {
            struct buf page = {0};
            claimsdoc_write_flat(&page, &a->claims[k], NULL);
            if (page.data[strcspn(page.data, "<>&")])
                abort();
            buf_free(&page);
        }
    }
    claimsdoc_free(&l);
    return 0;
}
