/* test_text: the normaliser's output and its map back to the original (text_orig_at,
 * text_orig_at_hint, text_orig_end), one case a line: input, normalised text, and for one
 * normalised byte offset the original byte offsets expected. Each expected offset is counted
 * from the input by hand (CJK characters are 3 bytes, U+200B is 3 bytes, "è" is 2). */
#include <string.h>

#include "check.h"
#include "patset.h"
#include "text.h"
#include "util.h"

struct tcase {
    const char *in, *norm;
    size_t at, want_at;   /* text_orig_at(at) */
    size_t end, want_end; /* text_orig_end(end) */
    int line;
};
#define T(in, norm, at, want_at, end, want_end) {in, norm, at, want_at, end, want_end, __LINE__}

static const struct tcase cases[] = {
    /* plain text is copied: offsets are the same */
    T("全市45家", "全市45家", 6, 6, 11, 11),
    /* full-width digits and comma (3 bytes each) become ASCII: norm "12" from orig bytes 0..6 */
    T("１２，３", "12,3", 1, 3, 4, 12),
    /* traditional -> simplified, same length */
    T("衛生院", "卫生院", 3, 3, 9, 9),
    /* a zero-width space is dropped: "5" (norm 1) is orig 4, the end of "家" (norm 5) is orig 8 */
    T("4\xe2\x80\x8b" "5家", "45家", 1, 4, 5, 8),
    /* a converter's pinyin annotation is dropped: 生 (norm 3) is orig 3 + strlen("(wèi)") = 9 */
    T("衛(wèi)生", "卫生", 3, 9, 6, 12),
    /* a line break inside a sentence is joined: 岗 (norm 6) is orig 7 */
    T("就业\n岗位", "就业岗位", 6, 7, 12, 13),
    /* a wrapped opening line is no headline, nor does the next break inside the sentence end one;
     * the full-width comma folds to ",": 内 (norm 60) is orig 64, its end (norm 63) orig 67 */
    T("全市新增就业\n岗位12.3万个，失业率控制在4.5%以\n内。", "全市新增就业岗位12.3万个,失业率控制在4.5%以内。", 60, 64, 63, 67),
    /* past the end: orig_len */
    T("元", "元", 3, 3, 3, 3),
};

static void test_cases(const struct normalizer *nz)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct tcase *c = &cases[i];
        struct text t;
        text_normalize(nz, c->in, strlen(c->in), &t);
        char name[160], got[64], want[64];
        snprintf(name, sizeof name, "text.normalize line %d", c->line);
        report(t.norm_len == strlen(c->norm) && memcmp(t.norm, c->norm, t.norm_len) == 0, name, __FILE__, c->line,
               t.norm, c->norm);
        snprintf(name, sizeof name, "text.orig_at line %d", c->line);
        snprintf(got, sizeof got, "%zu", text_orig_at(&t, c->at));
        snprintf(want, sizeof want, "%zu", c->want_at);
        report(strcmp(got, want) == 0, name, __FILE__, c->line, got, want);
        snprintf(name, sizeof name, "text.orig_end line %d", c->line);
        snprintf(got, sizeof got, "%zu", text_orig_end(&t, c->end));
        snprintf(want, sizeof want, "%zu", c->want_end);
        report(strcmp(got, want) == 0, name, __FILE__, c->line, got, want);
        /* the hinted look-up, walked in ascending order, agrees with the plain one everywhere */
        size_t hint = 0, disagree = 0;
        for (size_t k = 0; k <= t.norm_len; k++)
            disagree += text_orig_at_hint(&t, k, &hint) != text_orig_at(&t, k);
        snprintf(name, sizeof name, "text.orig_at_hint line %d", c->line);
        snprintf(got, sizeof got, "%zu offsets disagree", disagree);
        report(disagree == 0, name, __FILE__, c->line, got, "0 offsets disagree");
        text_free(&t);
    }
}

int main(void)
{
    struct keyfig_error err = {0};
    struct patset *ps = patset_open(NULL, &err);
    struct normalizer *nz = ps ? normalizer_new(ps, &err) : NULL;
    patset_free(ps);
    report(nz != NULL, "text.normalizer_new", err.file, 0, err.text, "a normaliser");
    if (!nz)
        return 1;
    test_cases(nz);
    normalizer_free(nz);
    return failures ? 1 : 0;
}
