/* test_value: the "parse numbers" stage (src/value.c) on the built-in pattern set: each form a
 * number takes (written fractions, per-words, 零下, approximation characters, 半) with its exact
 * value, approximation and unit; the multipliers a range and a list share; and bad records of
 * valuewords.tsv and numerals.tsv refused with their file, line and text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_lexicon.h"
#include "cnnum.h"
#include "lexicon.h"
#include "patset.h"
#include "value.h"

static const struct {
    const char *in;
    int rc, over;
    const char *value, *unit; /* value as %.10g; unit NULL: none given */
    int line;
} parse_cases[] = {
    {"一倍半", 0, 0, "1.5", NULL, __LINE__},
    {"两倍半", 0, 0, "2.5", NULL, __LINE__},
    {"三份之一", 0, 0, "0.3333", NULL, __LINE__},
    {"三分一", 0, 0, "0.3333", NULL, __LINE__},
    {"三分之一", 0, 0, "0.3333", NULL, __LINE__}, /* the numeral parser's A分之B, to four places */
    {"一分一", -1, 0, NULL, NULL, __LINE__},      /* 一分一秒: the part is not less than the whole */
    {"8成6", 0, 0, "8.6", NULL, __LINE__},
    {"四成一", 0, 0, "4.1", NULL, __LINE__},
    {"8成12", -1, 0, NULL, NULL, __LINE__},       /* tenths take one digit */
    {"1/4", 0, 0, "0.25", NULL, __LINE__},
    {"2/3", 0, 0, "0.6667", NULL, __LINE__},
    {"24/7", -1, 0, NULL, NULL, __LINE__},        /* a part is less than its whole */
    {"/4", -1, 0, NULL, NULL, __LINE__},
    {"1/4成5", -1, 0, NULL, NULL, __LINE__},      /* two separators: none of the forms */
    {"零下5", 0, 0, "-5", NULL, __LINE__},
    {"零下12.5", 0, 0, "-12.5", NULL, __LINE__},
    {"零下0", 0, 0, "0", NULL, __LINE__},         /* no -0 */
    {"零下", -1, 0, NULL, NULL, __LINE__},
    {"6600多万", 0, 1, "66000000", NULL, __LINE__},
    {"二十余万", 0, 1, "200000", NULL, __LINE__},
    {"十几万", 0, 1, "100000", NULL, __LINE__},
    {"数十", 0, 1, "10", NULL, __LINE__},
    {"6600万", 0, 0, "66000000", NULL, __LINE__},
    {"百分之三十", 0, 0, "30", "%", __LINE__},
    {"百分之三十六点九", 0, 0, "36.9", "%", __LINE__},
    {"千分之五", 0, 0, "5", "‰", __LINE__},
    {"万分之三", 0, 0, "3", "‱", __LINE__},
    {"百分百", 0, 0, "100", "%", __LINE__},
    {"百分之", -1, 0, NULL, "%", __LINE__},       /* a per-word with no number: the unit is set, no value */
    {"半", 0, 0, "0.5", NULL, __LINE__},
    {"半半", -1, 0, NULL, NULL, __LINE__},
    {"32.3万", 0, 0, "323000", NULL, __LINE__},
    {"一", 0, 0, "1", NULL, __LINE__},
    {"成", -1, 0, NULL, NULL, __LINE__},
};

static void test_parse(const struct cnnum_table *num, const struct lexicon *lx)
{
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        const char *in = parse_cases[i].in;
        double v = 0;
        int over = -1;
        const char *unit = NULL;
        int rc = value_parse(num, lx, in, 0, strlen(in), &v, &over, &unit);
        char name[96], got[160], want[160];
        snprintf(name, sizeof name, "value.parse %s", in);
        snprintf(got, sizeof got, "rc %d", rc);
        snprintf(want, sizeof want, "rc %d", parse_cases[i].rc);
        if (rc == 0)
            snprintf(got + strlen(got), sizeof got - strlen(got), " %.10g over %d", v, over);
        if (parse_cases[i].rc == 0)
            snprintf(want + strlen(want), sizeof want - strlen(want), " %s over %d", parse_cases[i].value,
                     parse_cases[i].over);
        snprintf(got + strlen(got), sizeof got - strlen(got), " unit %s", unit ? unit : "(none)");
        snprintf(want + strlen(want), sizeof want - strlen(want), " unit %s",
                 parse_cases[i].unit ? parse_cases[i].unit : "(none)");
        report(strcmp(got, want) == 0, name, __FILE__, parse_cases[i].line, got, want);
    }
}

/* A number inside a longer text: only s[a..b) is read. */
static void test_parse_span(const struct cnnum_table *num, const struct lexicon *lx)
{
    const char *s = "气温零下5℃，增长6600多万元";
    const char *a = strstr(s, "零下"), *b = strstr(s, "℃");
    double v = 0;
    int over = -1;
    const char *unit = NULL;
    check_int("value.span rc", value_parse(num, lx, s, (size_t)(a - s), (size_t)(b - s), &v, &over, &unit), 0);
    check_int("value.span value", (long long)v, -5);
    check_int("value.span over", over, 0);
    a = strstr(s, "6600"), b = strstr(s, "元");
    check_int("value.span2 rc", value_parse(num, lx, s, (size_t)(a - s), (size_t)(b - s), &v, &over, &unit), 0);
    check_int("value.span2 value", (long long)v, 66000000);
    check_int("value.span2 over", over, 1);
}

/* The high end of a range shares its multiplier with the low end: 2至3万 is 20000 to 30000. */
static const struct {
    const char *high;
    double low;
    const char *want;
    int line;
} shared_cases[] = {
    {"3万", 2, "10000", __LINE__},       /* 2至3万 */
    {"五万", 3, "10000", __LINE__},      /* 三至五万 */
    {"4亿", 2, "100000000", __LINE__},
    {"5千", 3, "1000", __LINE__},
    {"5百", 3, "100", __LINE__},
    {"3萬", 2, "10000", __LINE__},       /* traditional: a section of numerals.tsv too */
    {"3万", 8000, "1", __LINE__},        /* 8000至3万: the low end stands on its own */
    {"3万", 3, "1", __LINE__},           /* not below the high end's digits */
    {"五十", 3, "1", __LINE__},          /* 三至五十: tens carry over to no range */
    {"30", 2, "1", __LINE__},
    {"万", 2, "1", __LINE__},            /* no digits before the multiplier */
};

static void test_shared(const struct cnnum_table *num)
{
    for (size_t i = 0; i < sizeof shared_cases / sizeof shared_cases[0]; i++) {
        const char *h = shared_cases[i].high;
        char name[96], got[64];
        snprintf(name, sizeof name, "value.shared_multiplier %g至%s", shared_cases[i].low, h);
        snprintf(got, sizeof got, "%.10g", value_shared_multiplier(num, h, 0, strlen(h), shared_cases[i].low));
        report(strcmp(got, shared_cases[i].want) == 0, name, __FILE__, shared_cases[i].line, got, shared_cases[i].want);
    }
}

/* A list's number shares the section before the unit of the list's last number: 3和5万元. */
static const struct {
    const char *s, *num, *unit;
    double v;
    const char *want;
    int line;
} list_cases[] = {
    {"3和5万元", "3", "元", 3, "10000", __LINE__},
    {"1.5和2.3亿元", "1.5", "元", 1.5, "100000000", __LINE__},
    {"3和5万多元", "3", "元", 3, "10000", __LINE__}, /* past the approximation character */
    {"3000和2万元", "3000", "元", 3000, "1", __LINE__}, /* 1000 or more: yuan as written */
    {"3和5千元", "3", "元", 3, "1", __LINE__},        /* 千 is no section */
    {"三和五万元", "三", "元", 3, "1", __LINE__},     /* a Chinese numeral is read whole */
    {"3和5元", "3", "元", 3, "1", __LINE__},
};

static void test_list(const struct cnnum_table *num)
{
    for (size_t i = 0; i < sizeof list_cases / sizeof list_cases[0]; i++) {
        const char *s = list_cases[i].s;
        size_t ns = (size_t)(strstr(s, list_cases[i].num) - s), ne = ns + strlen(list_cases[i].num);
        size_t us = (size_t)(strstr(s, list_cases[i].unit) - s);
        char name[96], got[64];
        snprintf(name, sizeof name, "value.list_multiplier %s", s);
        snprintf(got, sizeof got, "%.10g", value_list_multiplier(num, s, ns, ne, us, list_cases[i].v));
        report(strcmp(got, list_cases[i].want) == 0, name, __FILE__, list_cases[i].line, got, list_cases[i].want);
    }
}

static void test_half(const struct cnnum_table *num)
{
    const char *s = "一半年";
    check_int("value.is_half 半", value_is_half(num, s, 3, 6), 1);
    check_int("value.is_half 半年", value_is_half(num, s, 3, 9), 0);
    check_int("value.is_half 一", value_is_half(num, s, 0, 3), 0);
    check_int("value.is_half empty", value_is_half(num, s, 3, 3), 0);
}

/* A bad numerals.tsv record for the roles the value stage reads. */
static void test_bad_numerals(const char *text, size_t line, const char *want_text, const char *name)
{
    struct keyfig_error err = {0};
    struct cnnum_table *t = cnnum_table_load(text, strlen(text), "bad.tsv", &err);
    char got[1200], want[1200];
    snprintf(got, sizeof got, "%s %d %s:%zu: %s", t ? "table" : "NULL", err.code, err.file, err.line, err.text);
    snprintf(want, sizeof want, "NULL %d bad.tsv:%zu: %s", KEYFIG_STATUS_PATTERN, line, want_text);
    check_str(name, got, want);
    cnnum_table_free(t);
}

/* The words come from the data: a table whose approximation character is another one. */
static void test_data_decides(const struct lexicon *lx)
{
    const char *text = "0\t0\tdigit\n1\t1\tdigit\n2\t2\tdigit\n3\t3\tdigit\n4\t4\tdigit\n5\t5\tdigit\n6\t6\tdigit\n"
                       "7\t7\tdigit\n8\t8\tdigit\n9\t9\tdigit\n万\t10000\tsection\n约\t-\tapprox\n";
    struct keyfig_error err = {0};
    struct cnnum_table *t = cnnum_table_load(text, strlen(text), "data.tsv", &err);
    double v = 0;
    int over = 0;
    const char *unit = NULL;
    const char *in = "12约万", *in2 = "12多万";
    check_int("value.data approx rc", t ? value_parse(t, lx, in, 0, strlen(in), &v, &over, &unit) : -2, 0);
    check_int("value.data approx value", (long long)v, 120000);
    check_int("value.data approx over", over, 1);
    check_int("value.data 多 not approx", t ? value_parse(t, lx, in2, 0, strlen(in2), &v, &over, &unit) : -2, -1);
    check_int("value.data no half", t ? value_is_half(t, "半", 0, 3) : -2, 0);
    cnnum_table_free(t);
}

int main(void)
{
    struct keyfig_error err = {0};
    struct patset *ps = patset_open(NULL, &err);
    struct lexicon *lx = ps ? lexicon_load(ps, &err) : NULL;
    size_t len = 0;
    const char *path = NULL, *text = ps ? patset_get(ps, "numerals.tsv", &len, &path, &err) : NULL;
    struct cnnum_table *num = text ? cnnum_table_load(text, len, path, &err) : NULL;
    report(lx && num, "value.builtin_loads", err.file, (long)err.line, err.text, "loaded");
    if (lx && num) {
        test_parse(num, lx);
        test_parse_span(num, lx);
        test_shared(num);
        test_list(num);
        test_half(num);
        test_data_decides(lx);
    }
    cnnum_table_free(num);
    lexicon_free(lx);
    patset_free(ps);
    check_bad_record("value_bad_words", "valuewords.tsv",
                     "百分之\tper", 1, "per \"百分之\" without a unit (expected the unit it gives, such as %)",
                     "value.words_per_without_unit");
    check_bad_record("value_bad_words", "valuewords.tsv",
                     "零下\tbelow\t%", 1, "\"零下\" with a unit (only a per word gives one)", "value.words_unit_not_per");
    check_bad_record("value_bad_words", "valuewords.tsv",
                     "分\tpart", 1, "unknown role \"part\" (expected per, below, over, of, tenths, times)",
                     "value.words_unknown_role");
    check_bad_record("value_bad_words", "valuewords.tsv",
                     "# a comment\n之\tof\n之\tof", 3, "duplicate entry \"之\"", "value.words_duplicate");
    test_bad_numerals("多\t1\tapprox\n", 1, "value \"1\" for approx \"多\" (expected \"-\": a approx has no value)",
                      "value.numerals_approx_value");
    test_bad_numerals("一\t1\tdigit\n半\t0.5\thalf\n", 2, "value \"0.5\" for half \"半\" (expected \"-\": a half has no value)",
                      "value.numerals_half_value");
    test_bad_numerals("多\t-\tapprox\n多\t-\thalf\n", 2, "duplicate character \"多\" (first defined on line 1)",
                      "value.numerals_duplicate");
    return failures ? 1 : 0;
}
