/* test_nomem: out of memory inside the library returns an error from the public function that
 * was called, and leaves the pattern set usable. Linked with -Wl,--wrap=malloc (and calloc,
 * realloc) so that the library's own allocations can be made to fail one by one: the k-th
 * allocation after arming fails, for every k until a call needs fewer than k. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "keyfig.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);

static long countdown = -1; /* allocations left before one fails; -1: never fail */
static int failed;

static int fail_now(void)
{
    if (countdown < 0)
        return 0;
    if (countdown-- > 0)
        return 0;
    failed = 1;
    return 1;
}

void *__wrap_malloc(size_t n)
{
    return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
    return fail_now() ? NULL : __real_realloc(p, n);
}

static size_t handler_calls, handler_size;

static void on_nomem(size_t size, void *data)
{
    (void)data;
    handler_calls++;
    handler_size = size;
}

static const char *const article = "全市共有45家医院，床位3200张。\n2023年完成投资10亿元，增长5.2%。";

/* keyfig_extract with the k-th allocation failing, for each k: NULL with a NOMEM error, or (once k
 * passes the last allocation) the same claims as without failure. */
static void test_extract(const struct keyfig_patterns *p, size_t want_claims)
{
    int bad = 0, nomem = 0;
    long k;
    char got[1024] = "";
    for (k = 0; k < 100000; k++) {
        struct keyfig_error err = {0};
        failed = 0;
        countdown = k;
        struct keyfig_article *a = keyfig_extract(p, "a", "a.txt", article, strlen(article), NULL, &err);
        countdown = -1;
        if (a && !failed) {
            bad += keyfig_article_nclaims(a) != want_claims;
            keyfig_article_free(a);
            break;
        }
        if (a) { /* an allocation failed where the library copes without one */
            keyfig_article_free(a);
            continue;
        }
        nomem++;
        if (err.code != KEYFIG_STATUS_NOMEM || strncmp(err.text, "out of memory (allocating ", 26) != 0 ||
            strcmp(err.file, "a.txt") != 0) {
            bad++;
            snprintf(got, sizeof got, "k=%ld: code %d file %s: %s", k, err.code, err.file, err.text);
        }
    }
    char name[64];
    snprintf(name, sizeof name, "nomem.extract: %ld allocations each failed once", k);
    report(bad == 0 && nomem > 0, name, __FILE__, __LINE__, got, "NULL with an out-of-memory error each time");
    check_int("nomem.handler_called", handler_calls >= (size_t)nomem && handler_size > 0, 1);
}

/* The write functions: KEYFIG_STATUS_NOMEM, or a NULL document. */
static void test_json(const struct keyfig_patterns *p)
{
    struct keyfig_error err = {0};
    struct keyfig_article *a = keyfig_extract(p, "a", "a.txt", article, strlen(article), NULL, &err);
    if (!a) {
        report(0, "nomem.json.extract", __FILE__, __LINE__, err.text, "an article");
        return;
    }
    int bad = 0, nomem = 0;
    for (long k = 0; k < 10000; k++) {
        failed = 0;
        countdown = k;
        char *json = keyfig_article_json(a, 0);
        countdown = -1;
        if (json && !failed) {
            free(json);
            break;
        }
        bad += json != NULL && failed == 0;
        nomem += json == NULL;
        free(json);
    }
    report(bad == 0 && nomem > 0, "nomem.article_json", __FILE__, __LINE__, "a document despite failure", "NULL");
    keyfig_article_free(a);
}

/* keyfig_patterns_load: the first 300 allocation points, then every 7th. */
static void test_load(void)
{
    int bad = 0, nomem = 0;
    char got[1024] = "", name[64];
    long k;
    for (k = 0; k < 200000; k += k < 300 ? 1 : 7) { /* all early ones, then a sample: each load compiles every rule */
        struct keyfig_error err = {0};
        failed = 0;
        countdown = k;
        struct keyfig_patterns *p = keyfig_patterns_load(NULL, &err);
        countdown = -1;
        if (p && !failed) {
            keyfig_patterns_free(p);
            break;
        }
        keyfig_patterns_free(p);
        if (p)
            continue;
        nomem++;
        if (err.code != KEYFIG_STATUS_NOMEM) {
            bad++;
            snprintf(got, sizeof got, "k=%ld: code %d: %s", k, err.code, err.text);
        }
    }
    snprintf(name, sizeof name, "nomem.patterns_load: up to allocation %ld", k);
    report(bad == 0 && nomem > 0, name, __FILE__, __LINE__, got, "NULL with an out-of-memory error");
}

int main(void)
{
#if defined(__SANITIZE_ADDRESS__)
    __lsan_disable(); /* what a failed call had allocated stays allocated, as keyfig.h says */
#endif
    keyfig_set_nomem_handler(on_nomem, NULL);
    struct keyfig_error err = {0};
    struct keyfig_patterns *p = keyfig_patterns_load(NULL, &err);
    report(p != NULL, "nomem.builtin_patterns", err.file, (long)err.line, err.text, "loaded");
    if (!p)
        return 1;
    struct keyfig_article *a = keyfig_extract(p, "a", "a.txt", article, strlen(article), NULL, &err);
    size_t n = a ? keyfig_article_nclaims(a) : 0;
    check_int("nomem.baseline_claims", n, 4); /* 45家 3200张 10亿元 5.2%; 2023年 is a date */
    keyfig_article_free(a);
    test_extract(p, n);
    test_json(p);
    test_load();
    keyfig_patterns_free(p);
    return failures ? 1 : 0;
}
