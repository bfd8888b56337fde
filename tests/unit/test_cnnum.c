/* test_cnnum: the numeral parser against its own case table, the table loader's error
 * messages, and the shared numeral corpora in ../shared/numerals (rows that encode another
 * library's behaviour rather than a numeral's reading are listed in tests/numerals_quirks.tsv).
 * Prints one PASS / FAIL / SKIP line per check; run from the repository root. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "cnnum.h"
#include "util.h"

#define NUMERALS "patterns/numerals.tsv"
#define SHARED "../shared/numerals"
#define QUIRKS "tests/numerals_quirks.tsv"


struct pcase {
    const char *in;
    double want;
    int rc; /* 0: parses to want; -1: rejected */
    int line;
};
#define OK(s, v) {s, v, 0, __LINE__}
#define NO(s) {s, 0, -1, __LINE__}

/* Every expected value is the double nearest the exact reading, so results compare with ==. */
static const struct pcase parse_cases[] = {
    OK("0", 0),
    OK("2023", 2023),
    OK("1993", 1993),
    OK("74.4", 74.4),
    OK("0.95", 0.95),
    OK("1,234", 1234),
    OK("7,443,491,000", 7443491000.0),
    OK("１２３，４５６．７", 123456.7),
    OK("01.10", 1.1),
    OK("-10.1", -10.1),
    OK("一百零五", 105),
    OK("两万三千", 23000),
    OK("一十一", 11),
    OK("十一", 11),
    OK("十", 10),
    OK("零", 0),
    OK("三万一", 31000),
    OK("三万零一", 30001),
    OK("一百一", 110),
    OK("千一", 1100),
    OK("萬五", 15000),
    OK("百二萬", 1200000),
    OK("二百十七", 217),
    OK("一百十一", 111),
    OK("两千", 2000),
    OK("两千六", 2600),
    OK("十三万五", 135000),
    OK("一百二十万三", 1203000),
    OK("一千零十", 1010),
    OK("一万零百一十一", 10111),
    OK("壹仟贰佰", 1200),
    OK("玖仟陆佰陆拾伍", 9665),
    OK("兩千六", 2600),
    OK("參萬肆仟伍佰陸拾柒", 34567),
    OK("廿二", 22),
    OK("五百卅四", 534),
    OK("一萬零卌", 10040),
    OK("一亿五千万六千三百五十五", 150006355),
    OK("一千一百一十一亿一千一百一十一万一千一百一十一", 111111111111.0),
    OK("三万亿五千亿", 3500000000000.0),
    OK("一兆", 1e12),
    OK("2兆8,000億", 2.8e12),
    OK("1兆2000億", 1.2e12),
    OK("一亿亿", 1e16),
    OK("一十亿零一十一亿", 100000001100000000.0),
    OK("一十万万零一百一十万亿", 100110000000000000.0),
    OK("3.5万", 35000),
    OK("32.3万", 323000),
    OK("1,200万", 12000000),
    OK("3,820萬9千", 38209000),
    OK("1万600", 10600),
    OK("1万6", 16000),
    OK("8千4百萬", 84000000),
    OK("8千3", 8300),
    OK("2千萬五", 20005000),
    OK("200亿零四千230", 20000004230.0),
    OK("1億3,375萬9千", 133759000),
    OK("143億5,347萬2千", 14353472000.0),
    OK("2萬2,907", 22907),
    OK("100万三千", 1003000),
    OK("3.1千万", 31000000),
    OK("一百二十三点五亿", 12350000000.0),
    OK("零点零零三四二万", 34.2),
    OK("16.4亿", 1640000000),
    OK("三十六点九", 36.9),
    OK("四點二", 4.2),
    OK("零点零一", 0.01),
    OK("一百点123", 100.123),
    OK("零點77", 0.77),
    OK("一百万零五十四点四三二一", 1000054.4321),
    OK("负三", -3),
    OK("負十點五", -10.5),
    OK("负 1,200,000", -1200000),
    OK("负零", 0),
    OK("345 萬", 3450000),
    OK("1 万 600", 10600),
    NO("1 2万"),
    NO("一 万"),
    NO("1 234"),
    NO("3. 5万"),
    NO("345 "),
    NO(" 1万"),
    OK("一九四九", 1949),
    OK("二〇二三", 2023),
    OK("二○一二", 2012),
    OK("一一", 11),
    OK("一七二零点一三四", 1720.134),
    OK("零零零三四二", 342),
    OK("9007199254740993", 9007199254740992.0),
    OK("一万亿亿", 1e20),
    NO(""),
    NO("百十一"),
    NO("十一十二"),
    NO("负十一十二"),
    NO("十七十八"),
    NO("一一百"),
    NO("三五千"),
    NO("10..1万"),
    NO("10.1万零100"),
    NO("零点"),
    NO("点一"),
    NO("点零"),
    NO("零点点"),
    NO("零点零大"),
    NO("负"),
    NO("元整"),
    NO("12,34"),
    NO("1,"),
    NO(",1"),
    NO("1万60000"),
    NO("三千25百"),
    NO("一千零"),
    NO("一亿零万"),
    NO("一千百"),
    NO("二廿"),
    NO("负负一"),
    NO("\xe4\xb8"), /* a truncated 一 */
};

struct fcase {
    const char *in;
    double want;
    int rc;
    int line;
};

static const struct fcase fraction_cases[] = {
    OK("三分之一", 1.0 / 3),
    OK("百分之三十", 0.3),
    OK("百分之三十六点九", 0.369),
    OK("千分之五", 0.005),
    OK("万分之四三", 0.0043),
    OK("4分之3", 0.75),
    OK("负千分之15", -0.015),
    OK("百分之负三点八", -0.038),
    NO("零分之一"),
    NO("三分之"),
    NO("分之一"),
    NO("三十"),
};

static void show(char *out, size_t cap, int rc, double v)
{
    if (rc < 0)
        snprintf(out, cap, "-1 (rejected)");
    else
        snprintf(out, cap, "%.17g", v);
}

static void check_case(const char *kind, const char *in, int rc, double got, int want_rc, double want, int line)
{
    char name[256], g[64], w[64];
    if (utf8_first_invalid(in, strlen(in)) != (size_t)-1)
        in = "(invalid UTF-8)"; /* keep the test output valid UTF-8 */
    snprintf(name, sizeof name, "%s \"%s\"", kind, in);
    show(g, sizeof g, rc, got);
    show(w, sizeof w, want_rc, want);
    int ok = rc == want_rc && (rc < 0 || got == want);
    char gotx[320];
    snprintf(gotx, sizeof gotx, "%s for \"%s\"", g, in);
    report(ok, name, __FILE__, line, gotx, w);
}

static void test_parse(const struct cnnum_table *t)
{
    for (size_t i = 0; i < sizeof parse_cases / sizeof parse_cases[0]; i++) {
        const struct pcase *c = &parse_cases[i];
        double v = 0;
        int rc = cnnum_parse(t, c->in, strlen(c->in), &v);
        check_case("parse", c->in, rc, v, c->rc, c->want, c->line);
    }
    for (size_t i = 0; i < sizeof fraction_cases / sizeof fraction_cases[0]; i++) {
        const struct fcase *c = &fraction_cases[i];
        double v = 0;
        int rc = cnnum_parse_fraction(t, c->in, strlen(c->in), &v);
        check_case("fraction", c->in, rc, v, c->rc, c->want, c->line);
    }
}

/* Overflow: 九 followed by 40 亿 is 9e320, beyond a double. */
static void test_overflow(const struct cnnum_table *t)
{
    struct buf b = {0};
    buf_adds(&b, "九");
    for (int i = 0; i < 40; i++)
        buf_adds(&b, "亿");
    double v = 0;
    int rc = cnnum_parse(t, b.data, b.len, &v);
    check_case("parse", "九亿亿...(40 亿)", rc, v, -1, 0, __LINE__);
    buf_free(&b);

    /* 300 digits are a finite double (about 1.2e299). */
    for (int i = 0; i < 300; i++)
        buf_addc(&b, (char)('1' + i % 9));
    rc = cnnum_parse(t, b.data, b.len, &v);
    int ok = rc == 0 && fabs(v / 1.23456789123456789e299 - 1) < 1e-12;
    char g[64];
    show(g, sizeof g, rc, v);
    report(ok, "parse 300-digit integer", __FILE__, __LINE__, g, "1.2345678912345679e+299");
    buf_free(&b);
}

static void test_numeral_chars(const struct cnnum_table *t)
{
    static const struct {
        unsigned cp;
        int want;
        int line;
    } cases[] = {
        {0x4E00, 1, __LINE__},  /* 一 */
        {0x842C, 1, __LINE__},  /* 萬 */
        {0x5EFF, 1, __LINE__},  /* 廿 */
        {'7', 1, __LINE__},
        {0xFF17, 1, __LINE__},  /* ７ */
        {0x3007, 1, __LINE__},  /* 〇 */
        {0x70B9, 0, __LINE__},  /* 点: syntax, not a value */
        {',', 0, __LINE__},
        {0x5146, 1, __LINE__},  /* 兆: 10^12, as Taiwan writes money */
        {'a', 0, __LINE__},
        {0x1F600, 0, __LINE__}, /* outside the BMP */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[64], g[16], w[16];
        int got = cnnum_is_numeral_char(t, cases[i].cp);
        snprintf(name, sizeof name, "is_numeral_char U+%04X", cases[i].cp);
        snprintf(g, sizeof g, "%d", got);
        snprintf(w, sizeof w, "%d", cases[i].want);
        report(got == cases[i].want, name, __FILE__, cases[i].line, g, w);
    }
}

static const struct {
    const char *name, *text;
    size_t line;
    const char *message;
    int line_no;
} load_errors[] = {
    {"unknown role", "一\t1\tdigt\n", 1,
     "unknown role \"digt\" (expected digit, zero, unit, section, compound, point, negative, separator, fraction, approx, half)", __LINE__},
    {"duplicate char", "# digits\n一\t1\tdigit\n二\t2\tdigit\n一\t1\tdigit\n", 4,
     "duplicate character \"一\" (first defined on line 2)", __LINE__},
    {"value not a number", "一\tone\tdigit\n", 1,
     "value \"one\" for \"一\" is not a number (expected a whole number such as 7 or 10000)", __LINE__},
    {"unit value", "十\t15\tunit\n", 1, "value \"15\" for unit \"十\" (expected 10, 100 or 1000)", __LINE__},
    {"digit value", "一\t10\tdigit\n", 1, "value \"10\" for digit \"一\" (expected 0 to 9)", __LINE__},
    {"section value", "万\t1000\tsection\n", 1,
     "value \"1000\" for section \"万\" (expected a power of ten from 10000, such as 100000000)", __LINE__},
    {"point value", "点\t0\tpoint\n", 1, "value \"0\" for point \"点\" (expected \"-\": a point has no value)",
     __LINE__},
    {"two characters", "一二\t1\tdigit\n", 1, "character \"一二\" (expected one character or U+XXXX)", __LINE__},
    {"columns", "一\t1\n", 1, "2 columns (expected char, value, role and an optional note)", __LINE__},
    {"empty", "# nothing\n", 0, "no numeral characters (expected records of char, value, role)", __LINE__},
    {"second fraction", "分之\t-\tfraction\n之\t-\tfraction\n一\t1\tdigit\n", 2,
     "second fraction \"之\" (first defined on line 1)", __LINE__},
    {"fraction value", "分之\t1\tfraction\n", 1,
     "fraction \"分之\" with value \"1\" (expected a word of at most 16 bytes and \"-\")", __LINE__},
};

static void test_load_errors(void)
{
    for (size_t i = 0; i < sizeof load_errors / sizeof load_errors[0]; i++) {
        struct keyfig_error err = {0};
        const char *text = load_errors[i].text;
        struct cnnum_table *t = cnnum_table_load(text, strlen(text), "bad.tsv", &err);
        char name[96], got[1024], want[1024];
        snprintf(name, sizeof name, "table error: %s", load_errors[i].name);
        snprintf(got, sizeof got, "%s %d %s:%zu: %s", t ? "table" : "NULL", err.code, err.file, err.line, err.text);
        snprintf(want, sizeof want, "NULL %d bad.tsv:%zu: %s", KEYFIG_STATUS_PATTERN, load_errors[i].line,
                 load_errors[i].message);
        report(strcmp(got, want) == 0, name, __FILE__, load_errors[i].line_no, got, want);
        cnnum_table_free(t);
    }
}

/* What the table's data decides: a digit is positional only when its script's ten digits are
 * all listed (here 0 is left out, so 1,234 holds no thousands separator); A分之B only with a fraction row. */
static const struct {
    const char *table, *in;
    int fraction, rc;
    double want;
    int line;
} data_cases[] = {
    {"0\t0\tdigit\n1\t1\tdigit\n2\t2\tdigit\n3\t3\tdigit\n4\t4\tdigit\n5\t5\tdigit\n6\t6\tdigit\n7\t7\tdigit\n"
     "8\t8\tdigit\n9\t9\tdigit\n,\t-\tseparator\n", "1,234", 0, 0, 1234, __LINE__},
    {"1\t1\tdigit\n2\t2\tdigit\n3\t3\tdigit\n4\t4\tdigit\n5\t5\tdigit\n6\t6\tdigit\n7\t7\tdigit\n"
     "8\t8\tdigit\n9\t9\tdigit\n,\t-\tseparator\n", "1,234", 0, -1, 0, __LINE__},
    {"一\t1\tdigit\n三\t3\tdigit\n", "三分之一", 1, -1, 0, __LINE__},
    {"一\t1\tdigit\n三\t3\tdigit\n分之\t-\tfraction\n", "三分之一", 1, 0, 1.0 / 3, __LINE__},
    {"一\t1\tdigit\n三\t3\tdigit\nover\t-\tfraction\n", "三over一", 1, 0, 1.0 / 3, __LINE__},
};

static void test_table_data(void)
{
    for (size_t i = 0; i < sizeof data_cases / sizeof data_cases[0]; i++) {
        struct keyfig_error err = {0};
        const char *text = data_cases[i].table, *in = data_cases[i].in;
        struct cnnum_table *t = cnnum_table_load(text, strlen(text), "data.tsv", &err);
        double v = 0;
        int rc = !t ? -2
                 : data_cases[i].fraction ? cnnum_parse_fraction(t, in, strlen(in), &v)
                                          : cnnum_parse(t, in, strlen(in), &v);
        char name[96], got[64], want[64];
        snprintf(name, sizeof name, "table data: %s", in);
        snprintf(got, sizeof got, "rc %d value %.6g", rc, rc ? 0 : v);
        snprintf(want, sizeof want, "rc %d value %.6g", data_cases[i].rc, data_cases[i].want);
        report(strcmp(got, want) == 0, name, __FILE__, data_cases[i].line, got, want);
        cnnum_table_free(t);
    }
}

/* ---------- the shared corpora ---------- */

struct quirks {
    char *text;
    struct {
        const char *file, *row;
        int used;
    } q[256];
    int n;
};

/* Split a TSV copy in place; the quirk list points into it. */
static int load_quirks(struct quirks *qs)
{
    struct keyfig_error err = {0};
    size_t len;
    qs->n = 0;
    qs->text = util_slurp(QUIRKS, 0, &len, &err);
    if (!qs->text) {
        report(0, "quirks", QUIRKS, 0, err.text, "a readable file");
        return -1;
    }
    char *line = qs->text;
    size_t lineno = 0;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (*line && *line != '#') {
            if (!tab2 || qs->n == 256) {
                report(0, "quirks", QUIRKS, (long)lineno, line, "file<TAB>text<TAB>reason");
            } else {
                *tab1 = *tab2 = '\0';
                qs->q[qs->n].file = line;
                qs->q[qs->n].row = tab1 + 1;
                qs->q[qs->n++].used = 0;
            }
        }
        line = nl ? nl + 1 : NULL;
    }
    return 0;
}

static int is_quirk(struct quirks *qs, const char *file, const char *row)
{
    for (int i = 0; i < qs->n; i++) {
        if (strcmp(qs->q[i].file, file) == 0 && strcmp(qs->q[i].row, row) == 0) {
            qs->q[i].used = 1;
            return 1;
        }
    }
    return 0;
}

/* Whether a row is met: value rows within 1e-9 relative, error rows rejected. A row with
 * 分之 (二分之一) goes to cnnum_parse_fraction, the entry point the extractor uses for it. */
static int row_ok(const struct cnnum_table *t, const char *text, const char *value, char *got, size_t cap)
{
    double v = 0;
    int rc = strstr(text, "分之") ? cnnum_parse_fraction(t, text, strlen(text), &v)
                                 : cnnum_parse(t, text, strlen(text), &v);
    show(got, cap, rc, v);
    if (!value)
        return rc < 0;
    double want = strtod(value, NULL);
    return rc == 0 && fabs(v - want) <= 1e-9 * fabs(want);
}

/* value_col < 0: an error file whose rows must all be rejected. */
static void test_shared_file(const struct cnnum_table *t, struct quirks *qs, const char *name, int value_col)
{
    char path[256];
    snprintf(path, sizeof path, SHARED "/%s", name);
    struct keyfig_error err = {0};
    size_t len;
    char *text = util_slurp(path, 0, &len, &err);
    if (!text) {
        report(0, name, path, 0, err.text, "a readable file");
        return;
    }
    struct tsv_reader r;
    char *f[8];
    int nf, passed = 0, quirked = 0, failed = 0;
    tsv_open(&r, text, len);
    while ((nf = tsv_next(&r, f, 8)) > 0) {
        if (r.lineno == 1)
            continue; /* header */
        const char *value = value_col >= 0 && value_col < nf ? f[value_col] : NULL;
        char got[64], gotx[512];
        int ok = row_ok(t, f[0], value, got, sizeof got);
        if (is_quirk(qs, name, f[0])) {
            quirked++;
            snprintf(gotx, sizeof gotx, "%s for listed quirk \"%s\"", got, f[0]);
            if (ok) /* a listed row that passes: the list is stale */
                report(0, name, path, (long)r.lineno, gotx, "a failure, or remove it from " QUIRKS);
            continue;
        }
        if (ok) {
            passed++;
            continue;
        }
        failed++;
        snprintf(gotx, sizeof gotx, "%s for \"%s\"", got, f[0]);
        report(0, name, path, (long)r.lineno, gotx, value ? value : "-1 (rejected)");
    }
    tsv_close(&r);
    free(text);
    char summary[256];
    snprintf(summary, sizeof summary, "shared %s: %d rows pass, %d listed in " QUIRKS, name, passed, quirked);
    char nfailed[32];
    snprintf(nfailed, sizeof nfailed, "%d rows failing", failed);
    report(failed == 0 && passed > 0, summary, path, 0, nfailed, "every row passing or listed");
}

static void test_shared(const struct cnnum_table *t)
{
    FILE *probe = fopen(SHARED "/combined_text_value.tsv", "rb");
    if (!probe) {
        printf("SKIP shared-numerals: " SHARED " is absent\n");
        return;
    }
    fclose(probe);
    struct quirks *qs = xcalloc(1, sizeof *qs);
    if (load_quirks(qs) == 0) {
        test_shared_file(t, qs, "combined_text_value.tsv", 1);
        test_shared_file(t, qs, "cn2an_errors.tsv", -1);
        for (int i = 0; i < qs->n; i++)
            if (!qs->q[i].used)
                report(0, "quirks", QUIRKS, 0, qs->q[i].row, "a row of the shared files");
    }
    free(qs->text);
    free(qs);
}

int main(void)
{
    struct keyfig_error err = {0};
    size_t len;
    char *text = util_slurp(NUMERALS, 0, &len, &err);
    struct cnnum_table *t = text ? cnnum_table_load(text, len, NUMERALS, &err) : NULL;
    free(text);
    report(t != NULL, "table " NUMERALS " loads", err.file, (long)err.line, err.text, "a loadable table");
    if (!t)
        return 1;
    test_parse(t);
    test_overflow(t);
    test_numeral_chars(t);
    test_load_errors();
    test_table_data();
    test_shared(t);
    cnnum_table_free(t);
    return failures ? 1 : 0;
}
