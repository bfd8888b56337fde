/* A program that defines functions named like libkeyfig's internals (xmalloc, json_write,
 * utf8_decode's neighbours) and still links libkeyfig and extracts: the library keeps its own
 * symbols local. Built by tests/symbols.t. */
#include <keyfig.h>
#include <stdio.h>
#include <string.h>

int xmalloc(int x) { return x + 1; }
int json_write(void) { return 7; }
int kf_error(void) { return 3; }
int utf8_count(void) { return 5; }

int main(void)
{
    struct keyfig_error err = {0};
    struct keyfig_patterns *p = keyfig_patterns_load(NULL, &err);
    const char *in = "全市共有45家医院。";
    struct keyfig_article *a = p ? keyfig_extract(p, "h", "h.txt", in, strlen(in), NULL, &err) : NULL;
    printf("%zu %d %d %d %d\n", a ? keyfig_article_nclaims(a) : 0, xmalloc(1), json_write(), kf_error(), utf8_count());
    keyfig_article_free(a);
    keyfig_patterns_free(p);
    return a ? 0 : 1;
}
