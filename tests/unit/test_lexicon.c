/* test_lexicon: the word lists of patterns/ as loaded: longest match after and before a
 * position, the attributes parsed, kind names, and a bad record's error (file, line, text). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_lexicon.h"
#include "chars.h"
#include "lexicon.h"
#include "patset.h"
#include "util.h"

struct lcase {
    const char *s;
    size_t at;        /* lex_at at this byte; lex_before ending here when before is set */
    int before;
    const char *want; /* NULL: no word */
    int kind;         /* want's attr, a keyfig_kind */
    int line;
};
#define AT(s, at, want, kind) {s, at, 0, want, kind, __LINE__}
#define BEFORE(s, end, want, kind) {s, end, 1, want, kind, __LINE__}

static const struct lcase cases[] = {
    AT("32.3万公里。", 7, "公里", KEYFIG_KIND_LENGTH),
    AT("3平方公里", 1, "平方公里", KEYFIG_KIND_AREA), /* the longest word wins over 平方米's prefix */
    AT("5元/吨", 1, "元/吨", KEYFIG_KIND_MONEY), /* a price per unit is money (units.tsv) */
    AT("10元钱", 2, "元钱", KEYFIG_KIND_MONEY),
    AT("46辆车", 2, "辆", KEYFIG_KIND_COUNT),
    AT("45医院", 2, NULL, 0),
    BEFORE("3平方公里", 13, "平方公里", KEYFIG_KIND_AREA),
    BEFORE("行驶里程32.3万公里", 25, "公里", KEYFIG_KIND_LENGTH),
};

static void test_units(const struct lexicon *lx)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct lcase *c = &cases[i];
        size_t n = strlen(c->s);
        const struct lex_word *w = c->before ? lex_before(&lx->units, c->s, 0, c->at) : lex_at(&lx->units, c->s, n, c->at);
        char name[160], got[160], want[160];
        snprintf(name, sizeof name, "lexicon.%s \"%s\" %zu", c->before ? "before" : "at", c->s, c->at);
        snprintf(got, sizeof got, "%s/%d", w ? w->word : "(none)", w ? w->attr : 0);
        snprintf(want, sizeof want, "%s/%d", c->want ? c->want : "(none)", c->want ? c->kind : 0);
        report(strcmp(got, want) == 0, name, __FILE__, c->line, got, want);
    }
}

static void test_kind_names(void)
{
    check_int("lexicon.kind_from_name money", kind_from_name("money"), KEYFIG_KIND_MONEY);
    check_int("lexicon.kind_from_name temperature", kind_from_name("temperature"), KEYFIG_KIND_TEMPERATURE);
    check_int("lexicon.kind_from_name unknown", kind_from_name("mas"), -1);
}

/* A unit of an unknown kind: the error names units.tsv, line 1 (the record put first) and the kind. */
static void test_bad_record(void)
{
    const char *dir = scratch_dir("lexicon_bad");
    if (scratch_patterns(dir, "units.tsv", "公斤\tmas\t1") != 0) {
        report(0, "lexicon.scratch_patterns", __FILE__, __LINE__, "a copy failed", dir);
        return;
    }
    struct keyfig_error err = {0};
    struct patset *ps = patset_open(dir, &err);
    struct lexicon *lx = ps ? lexicon_load(ps, &err) : NULL;
    check_int("lexicon.bad_kind_refused", lx == NULL, 1);
    check_int("lexicon.bad_kind_status", err.code, KEYFIG_STATUS_PATTERN);
    check_int("lexicon.bad_kind_line", err.line, 1);
    char want_file[600];
    snprintf(want_file, sizeof want_file, "%s/units.tsv", dir);
    check_str("lexicon.bad_kind_file", err.file, want_file);
    report(strstr(err.text, "\"mas\"") != NULL, "lexicon.bad_kind_names_value", __FILE__, __LINE__, err.text,
           "a message naming \"mas\"");
    lexicon_free(lx);
    patset_free(ps);
}

/* The first code point of s. */
static uint32_t cp_of(const char *s)
{
    uint32_t cp = 0;
    utf8_decode((const unsigned char *)s, strlen(s), &cp);
    return cp;
}

/* chars.tsv's roles as sets of code points (characters, and the wide range U+2E80..U+10FFFF),
 * and a role's words looked up longest first. */
static const struct {
    int role;
    const char *ch; /* one character, or U+XXXX */
    int want;
    int line;
} char_cases[] = {
    {CHR_CLAUSE, "，", 1, __LINE__},
    {CHR_CLAUSE, ",", 1, __LINE__},
    {CHR_CLAUSE, "“", 0, __LINE__}, /* quotes do not end a clause */
    {CHR_SENTENCE, "。", 1, __LINE__},
    {CHR_SENTENCE, "，", 0, __LINE__},
    {CHR_PARTICLE, "了", 1, __LINE__},
    {CHR_COMMON, "這", 1, __LINE__},
    {CHR_COMMON, "a", 0, __LINE__},
    {CHR_WIDE, "U+2E80", 1, __LINE__},
    {CHR_WIDE, "U+2E7F", 0, __LINE__},
    {CHR_WIDE, "一", 1, __LINE__},
    {CHR_WIDE, "U+20000", 1, __LINE__},
    {CHR_WIDE, "a", 0, __LINE__},
};

static void test_chars(const struct lexicon *lx)
{
    for (size_t i = 0; i < sizeof char_cases / sizeof char_cases[0]; i++) {
        const char *ch = char_cases[i].ch;
        uint32_t cp = !strncmp(ch, "U+", 2) ? (uint32_t)strtoul(ch + 2, NULL, 16) : cp_of(ch);
        char name[96];
        snprintf(name, sizeof name, "lexicon.charset role %d has %s", char_cases[i].role, ch);
        int got = lex_charset_has(&lx->charset[char_cases[i].role], cp);
        report(got == char_cases[i].want, name, __FILE__, char_cases[i].line, got ? "1" : "0", char_cases[i].want ? "1" : "0");
    }
    /* the BMP bitmap says what the ranges say, for every role and every code point of the BMP
     * (chars.tsv's ranges start and end inside pages and cover whole ones) */
    for (int r = 0; r < CHR_NROLES; r++) {
        uint32_t bad = 0x110000;
        for (uint32_t c = 0; c < 0x10000 && bad == 0x110000; c++)
            if (lex_charset_has(&lx->charset[r], c) != lex_charset_has_range(&lx->charset[r], c))
                bad = c;
        char name[96], got[32];
        snprintf(name, sizeof name, "lexicon.charset role %d bitmap equals ranges", r);
        snprintf(got, sizeof got, bad == 0x110000 ? "none" : "U+%04X", (unsigned)bad);
        report(bad == 0x110000, name, __FILE__, __LINE__, got, "none");
    }
    /* every character of a set ends with a byte its ends[] has (the clause and sentence scans
     * decode only there) */
    for (int r = 0; r < CHR_NROLES; r++) {
        uint32_t bad = 0x110000;
        for (uint32_t c = 1; c < 0x110000 && bad == 0x110000; c++) {
            if (c >= 0x10000 && c % 61 != 0 && c > 0x10100)
                continue; /* past the BMP, a sample */
            unsigned char last = c < 0x80 ? (unsigned char)c : (unsigned char)(0x80 | (c & 0x3F));
            if (lex_charset_has(&lx->charset[r], c) && !lx->charset[r].ends[last])
                bad = c;
        }
        char name[96], got[32];
        snprintf(name, sizeof name, "lexicon.charset role %d ends", r);
        snprintf(got, sizeof got, bad == 0x110000 ? "none" : "U+%04X", (unsigned)bad);
        report(bad == 0x110000, name, __FILE__, __LINE__, got, "none");
    }
    const char *s = "以及";
    const struct lex_word *w = lex_at(&lx->chars[CHR_CONNECTOR], s, strlen(s), 0);
    check_str("lexicon.chars connector 以及", w ? w->word : "(none)", "以及");
    check_int("lexicon.lex_in year", lex_in(&lx->chars[CHR_YEAR], "2017年4月", 0, 7), 1);
    check_int("lexicon.lex_in year not before its end", lex_in(&lx->chars[CHR_YEAR], "2017年4月", 0, 6), 0);
}

/* chars_clause_start and chars_sentence_start as they were written before they passed over
 * bytes that end no delimiter: a step back at a time, every character decoded. */
static size_t clause_start_ref(const struct lexicon *lx, const char *s, size_t i)
{
    size_t floor = chars_window_floor(s, i);
    while (i > floor) {
        size_t q = s[i - 1] == ')' ? chars_skip_parenthetical(s, floor, i) : i;
        if (q != i) {
            i = q;
            continue;
        }
        size_t p = chars_prev(s, i);
        int l;
        int thousands = s[p] == ',' && p > 0 && s[p - 1] >= '0' && s[p - 1] <= '9' && s[p + 1] >= '0' &&
                        s[p + 1] <= '9' && s[p + 2] >= '0' && s[p + 2] <= '9' && s[p + 3] >= '0' &&
                        s[p + 3] <= '9' && !(s[p + 4] >= '0' && s[p + 4] <= '9');
        if (chars_is_clause_delim(lx, chars_cp_at(s, i, p, &l)) && !thousands)
            break;
        i = p;
    }
    return i;
}

static size_t sentence_start_ref(const struct lexicon *lx, const char *s, size_t i)
{
    size_t floor = chars_window_floor(s, i);
    while (i > floor) {
        size_t q = chars_prev(s, i);
        int l;
        if (chars_is_sentence_delim(lx, chars_cp_at(s, i, q, &l)))
            break;
        i = q;
    }
    return i;
}

/* The clause and sentence starts at every character boundary of a text with commas, thousands
 * separators, parentheticals (nested, unclosed), line breaks, ASCII and four-byte characters,
 * repeated past CHARS_WINDOW so that the window's floor is met too. */
static void test_clause_bounds(const struct lexicon *lx)
{
    static const char piece[] = "全年GDP增长5.2%，其中(包括港澳，台湾)出口2,907亿元;进口1,2345万元。"
                                "投资额(见表(一)共为86.3亿元！\n𠀋字3000万台(套)农业机械？同比增长6%：分别为A、B；"
                                "((未闭合，继续)结束) 英文, text; end. 再\n\n";
    struct buf b = {0};
    while (b.len < 3 * CHARS_WINDOW)
        buf_adds(&b, piece);
    size_t bad_c = (size_t)-1, bad_s = (size_t)-1, n = 0;
    for (size_t i = 0; i <= b.len; i++) {
        if (i < b.len && ((unsigned char)b.data[i] & 0xC0) == 0x80)
            continue;
        n++;
        if (bad_c == (size_t)-1 && chars_clause_start(lx, b.data, i) != clause_start_ref(lx, b.data, i))
            bad_c = i;
        if (bad_s == (size_t)-1 && chars_sentence_start(lx, b.data, i) != sentence_start_ref(lx, b.data, i))
            bad_s = i;
    }
    char got[64];
    snprintf(got, sizeof got, "%zd", bad_c == (size_t)-1 ? (ssize_t)-1 : (ssize_t)bad_c);
    report(bad_c == (size_t)-1 && n > 1000, "chars.clause_start equals the step-by-step scan", __FILE__, __LINE__, got, "-1");
    snprintf(got, sizeof got, "%zd", bad_s == (size_t)-1 ? (ssize_t)-1 : (ssize_t)bad_s);
    report(bad_s == (size_t)-1 && n > 1000, "chars.sentence_start equals the step-by-step scan", __FILE__, __LINE__, got, "-1");
    buf_free(&b);
}

int main(void)
{
    struct keyfig_error err = {0};
    struct patset *ps = patset_open(NULL, &err);
    struct lexicon *lx = ps ? lexicon_load(ps, &err) : NULL;
    report(lx != NULL, "lexicon.builtin_loads", err.file, (long)err.line, err.text, "loaded");
    if (lx) {
        test_units(lx);
        test_kind_names();
        test_chars(lx);
        test_clause_bounds(lx);
    }
    lexicon_free(lx);
    patset_free(ps);
    test_bad_record();
    check_bad_record("lexicon_bad_chars", "chars.tsv",
                     "U+12G\tclause", 1, "bad code point \"U+12G\" (expected U+XXXX or U+XXXX..U+YYYY)", "lexicon.chars_bad_code_point");
    check_bad_record("lexicon_bad_chars", "chars.tsv",
                     "U+3000..U+2000\tclause", 1, "bad code point \"U+3000..U+2000\" (expected U+XXXX or U+XXXX..U+YYYY)",
                     "lexicon.chars_backwards_range");
    check_bad_record("lexicon_bad_chars", "chars.tsv",
                     "的\tde\n的\tde", 2, "duplicate entry \"的\"", "lexicon.chars_duplicate");
    check_bad_record("lexicon_bad_chars", "chars.tsv",
                     "的\tdee", 1, "unknown role \"dee\" (expected clause, sentence, particle, common, de, link, connector, "
                     "perfective, to, currency, date, date_to, date_unit, year, wide, timeframe, period, period_tail, comma, colon, enum, "
                     "ideograph, fold, wrap_before, wrap_after, opening, unfinished, stop, phrase_space, rate, negation, each, person)", "lexicon.chars_unknown_role");
    return failures ? 1 : 0;
}
