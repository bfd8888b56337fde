/* test_api: the public interface as an embedding program sees it: version macros, status codes,
 * the warning callback (a rule that hits PCRE2's match limit), the refusal of articles of
 * 4 GiB or more (checked on a mapping no page of which may be read, so no RAM is needed), and
 * the write functions' return convention. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

#include "extract.h"
#include "check.h"
#include "keyfig.h"

static void test_version(void)
{
    char v[32];
    snprintf(v, sizeof v, "%d.%d.%d", KEYFIG_VERSION_HEX >> 16, (KEYFIG_VERSION_HEX >> 8) & 0xff,
             KEYFIG_VERSION_HEX & 0xff);
    check_str("version.hex_matches_string", v, KEYFIG_VERSION);
}

struct warnings {
    int n;
    char last[600];
};

static void collect(const char *article, const char *rule, const char *text, void *data)
{
    struct warnings *w = data;
    w->n++;
    snprintf(w->last, sizeof w->last, "%s|%s|%s", article, rule, text);
}

/* A rule with nested quantifiers over the same letter and no required literal: the match limit
 * stops it, the callback hears of it once, and the article's other claims are still found. */
static void test_warn_callback(void)
{
    const char *dir = scratch_dir("api_warn");
    if (scratch_patterns(dir, "claims.rules", "bomb\t-\t(?<num>[0-9])(?:(?:a|a)+)+[bc]") != 0) {
        report(0, "warn.scratch_patterns", __FILE__, __LINE__, "a copy failed", dir);
        return;
    }
    struct keyfig_error err = {0};
    struct keyfig_patterns *p = keyfig_patterns_load(dir, &err);
    report(p != NULL, "warn.patterns_load", err.file, (long)err.line, err.text, "loaded");
    if (!p)
        return;
    char in[128];
    snprintf(in, sizeof in, "全市共有45家医院。1%s。", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    struct warnings w = {0};
    struct keyfig_options o = {.warn = collect, .warn_data = &w};
    struct keyfig_article *a = keyfig_extract(p, "id7", "news/7.txt", in, strlen(in), &o, &err);
    check_int("warn.extracts", a != NULL, 1);
    check_int("warn.called_once", w.n, 1);
    /* the "1" that starts the runaway match is byte 26: eight three-byte characters and "45" before it */
    check_str("warn.names_article_and_rule", w.last, "news/7.txt|bomb|match limit exceeded at byte 26; rule skipped here");
    check_int("warn.other_claims", a && keyfig_article_nclaims(a) >= 1 ? (long long)keyfig_article_claim(a, 0)->value : -1,
              45);
    keyfig_article_free(a);
    /* no callback: the warning is dropped (the library prints nothing), the claims are the same */
    a = keyfig_extract(p, "id7", "", in, strlen(in), NULL, &err);
    check_int("warn.none_still_extracts", a ? (long long)keyfig_article_nclaims(a) : -1, 1);
    keyfig_article_free(a);
    /* an article without a source name is named by its id */
    w.n = 0;
    a = keyfig_extract(p, "id7", "", in, strlen(in), &o, &err);
    check_str("warn.id_when_no_source", w.last, "id7|bomb|match limit exceeded at byte 26; rule skipped here");
    keyfig_article_free(a);
    keyfig_patterns_free(p);
}

/* 4 GiB and more: refused before a byte is read (the mapping cannot be read at all). */
static void test_too_large(const struct keyfig_patterns *p)
{
    if (SIZE_MAX <= UINT32_MAX) {
        printf("SKIP api.too_large: size_t has 32 bits here\n");
        return;
    }
    uint64_t four = UINT64_C(1) << 32;
    check_int("size.under_4GiB", article_check_size(four - 1, "x", NULL), 0);
    struct keyfig_error err = {0};
    check_int("size.4GiB", article_check_size(four, "x", &err), -1);
    check_int("size.4GiB.status", err.code, KEYFIG_STATUS_INPUT);
    size_t len = (size_t)four;
    void *m = mmap(NULL, len + 1, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (m == MAP_FAILED) {
        printf("SKIP api.too_large.extract: cannot map 4 GiB of address space\n");
        return;
    }
    memset(&err, 0, sizeof err);
    struct keyfig_article *a = keyfig_extract(p, "big", "big.txt", m, len, NULL, &err);
    check_int("size.extract_refuses", a == NULL, 1);
    check_int("size.extract_status", err.code, KEYFIG_STATUS_INPUT);
    check_str("size.extract_message", err.text,
              "article of 4294967296 bytes is too large (keyfig reads articles under 4 GiB; split it)");
    check_str("size.extract_file", err.file, "big.txt");
    keyfig_article_free(a);
    munmap(m, len + 1);
}

static int refuse(const char *bytes, size_t len, void *data)
{
    (void)bytes, (void)len;
    ++*(int *)data;
    return 1;
}

static int count_bytes(const char *bytes, size_t len, void *data)
{
    (void)bytes;
    *(size_t *)data += len;
    return 0;
}

static void test_statuses(const struct keyfig_patterns *p)
{
    check_int("status.distinct_from_exit_codes", KEYFIG_STATUS_IO > 3 && KEYFIG_STATUS_OK == 0, 1);
    const char *in = "全市共有45家医院，床位3200张。";
    struct keyfig_error err = {0};
    struct keyfig_article *a = keyfig_extract(p, "s", "s.txt", in, strlen(in), NULL, &err);
    char *json = a ? keyfig_article_json(a, 1) : NULL;
    size_t n = 0;
    check_int("status.write_ok", a ? keyfig_article_write(a, 1, count_bytes, &n) : -1, KEYFIG_STATUS_OK);
    check_int("status.write_same_bytes", n, json ? strlen(json) : 0);
    int calls = 0;
    check_int("status.write_refused", a ? keyfig_article_write(a, 1, refuse, &calls) : -1, KEYFIG_STATUS_WRITE);
    check_int("status.write_stops_at_refusal", calls, 1);
    free(json);
    keyfig_article_free(a);

    char *buf = strdup(in);
    calls = 0;
    check_int("status.extract_write_refused",
              keyfig_extract_write(p, "s", "s.txt", buf, strlen(in), NULL, 1, refuse, &calls, &err), KEYFIG_STATUS_WRITE);
    check_int("status.extract_write_refused_err_empty", err.code, KEYFIG_STATUS_OK);
    buf = strdup("\xc0\xaf bad");
    check_int("status.extract_write_bad_input",
              keyfig_extract_write(p, "b", "b.txt", buf, 6, NULL, 1, count_bytes, &n, &err), KEYFIG_STATUS_INPUT);
    check_str("status.extract_write_bad_input_text", err.text,
              "invalid UTF-8 at byte 0, and the text does not read as GB18030 or Big5 either "
              "(name the encoding with --encoding, or use --lenient)");
    memset(&err, 0, sizeof err);
    check_int("status.missing_patterns", keyfig_patterns_load("tests/out/unit/no-such-dir", &err) == NULL, 1);
    check_int("status.missing_patterns_code", err.code, KEYFIG_STATUS_PATTERN);
}

int main(void)
{
    test_version();
    test_warn_callback();
    struct keyfig_error err = {0};
    struct keyfig_patterns *p = keyfig_patterns_load(NULL, &err);
    report(p != NULL, "api.builtin_patterns", err.file, (long)err.line, err.text, "loaded");
    if (!p)
        return 1;
    test_too_large(p);
    test_statuses(p);
    keyfig_patterns_free(p);
    return failures ? 1 : 0;
}
