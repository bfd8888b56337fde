/* cnnum: one numeral that a matcher has already delimited -> double. The characters and their
 * values come from patterns/numerals.tsv; the grammar is here: positional digits (1,234.5,
 * 一九四九), 十/百/千 within a section, 万/亿 sections, colloquial 三万一 = 31000, mixed 3,820萬9千,
 * decimals scaled by a unit (32.3万) and A分之B. It does not search text and knows no units. */
#include "cnnum.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* approx and half are characters the value stage (value.c) reads around a numeral; the parser
 * here rejects a numeral holding one. */
enum role { ROLE_DIGIT, ROLE_ZERO, ROLE_UNIT, ROLE_SECTION, ROLE_COMPOUND, ROLE_POINT, ROLE_NEGATIVE,
            ROLE_SEPARATOR, ROLE_FRACTION, ROLE_APPROX, ROLE_HALF, NROLES };

static const char *const role_names[NROLES] = {
    "digit", "zero", "unit", "section", "compound", "point", "negative", "separator", "fraction", "approx", "half",
};

struct entry {
    uint32_t cp;
    unsigned char role;   /* enum role */
    unsigned char digit;  /* digit value; for a compound its leading digit (廿: 2) */
    unsigned char exp;    /* unit, section, compound: the power of ten (十: 1, 万: 4, 廿: 1) */
    unsigned char arabic; /* a decimal digit of a positional script (see mark_positional) */
    size_t line;
};

/* The BMP index stores entry number + 1 in a byte, so a table holds at most 255 characters. */
#define MAX_ENTRIES 255
#define BMP_SIZE 0x10000

#define MAX_FRACTION 16 /* bytes of the word between denominator and numerator */

struct cnnum_table {
    char fraction[MAX_FRACTION + 1]; /* the word of A分之B, "" when numerals.tsv names none */
    size_t fraction_line;
    size_t n;
    struct entry ent[MAX_ENTRIES];
    unsigned char bmp[BMP_SIZE]; /* O(1) lookup: entry number + 1, or 0 for other characters */
};

/* ---------- the table ---------- */

static const struct entry *lookup(const struct cnnum_table *t, uint32_t cp)
{
    if (cp < BMP_SIZE)
        return t->bmp[cp] ? &t->ent[t->bmp[cp] - 1] : NULL;
    for (size_t i = 0; i < t->n; i++) /* rare: characters outside the BMP */
        if (t->ent[i].cp == cp)
            return &t->ent[i];
    return NULL;
}

/* Unicode decimal digits are positional by definition, unlike 一二三 (三五千 is a range), and
 * Unicode encodes each such script's ten digits as ten consecutive code points. So a digit is
 * positional when numerals.tsv lists its whole run: the ten code points around it, valued 0 to 9
 * in order. */
static void mark_positional(struct cnnum_table *t)
{
    for (size_t i = 0; i < t->n; i++) {
        struct entry *e = &t->ent[i];
        if (e->role != ROLE_DIGIT || e->cp < e->digit)
            continue;
        uint32_t base = e->cp - e->digit;
        unsigned d = 0;
        for (const struct entry *o; d < 10 && (o = lookup(t, base + d)) && o->role == ROLE_DIGIT && o->digit == d;)
            d++;
        e->arabic = d == 10;
    }
}

/* The char column: one UTF-8 character, or U+XXXX for characters one cannot see (thin space). */
static int parse_char(const char *s, uint32_t *cp)
{
    size_t n = strlen(s);
    if (n > 2 && s[0] == 'U' && s[1] == '+') {
        char *end;
        unsigned long v = strtoul(s + 2, &end, 16);
        if (*end || n > 8 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return -1;
        *cp = (uint32_t)v;
        return 0;
    }
    int l = utf8_decode((const unsigned char *)s, n, cp);
    return l > 0 && (size_t)l == n ? 0 : -1;
}

/* A whole number written in ASCII digits (no sign, no exponent, no locale). */
static int parse_count(const char *s, uint64_t *v)
{
    if (!*s)
        return -1;
    uint64_t x = 0;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || x > (UINT64_MAX - 9) / 10)
            return -1;
        x = x * 10 + (uint64_t)(*s - '0');
    }
    *v = x;
    return 0;
}

/* Exponent k when v == 10^k (k >= 1), else -1. */
static int power_of_ten(uint64_t v)
{
    int k = 0;
    for (; v >= 10 && v % 10 == 0; v /= 10)
        k++;
    return v == 1 && k > 0 ? k : -1;
}

/* Fill e's digit/exp from the value column, checking it fits the role. */
static int set_value(struct entry *e, const char *val, const char *ch, const char *path, size_t line,
                     struct keyfig_error *err)
{
    const char *role = role_names[e->role];
    if (e->role >= ROLE_POINT) {
        if (strcmp(val, "-") != 0)
            return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                            "value \"%s\" for %s \"%s\" (expected \"-\": a %s has no value)", val, role, ch, role);
        return 0;
    }
    uint64_t v;
    if (parse_count(val, &v) < 0)
        return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                        "value \"%s\" for \"%s\" is not a number (expected a whole number such as 7 or 10000)",
                        val, ch);
    int k = power_of_ten(v);
    switch (e->role) {
    case ROLE_DIGIT:
        if (v > 9)
            return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                            "value \"%s\" for digit \"%s\" (expected 0 to 9)", val, ch);
        e->digit = (unsigned char)v;
        return 0;
    case ROLE_ZERO:
        if (v != 0)
            return kf_error(err, KEYFIG_STATUS_PATTERN, path, line, "value \"%s\" for zero \"%s\" (expected 0)", val, ch);
        return 0;
    case ROLE_UNIT:
        if (k < 1 || k > 3)
            return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                            "value \"%s\" for unit \"%s\" (expected 10, 100 or 1000)", val, ch);
        e->exp = (unsigned char)k;
        return 0;
    case ROLE_SECTION:
        if (k < 4 || k > 64)
            return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                            "value \"%s\" for section \"%s\" (expected a power of ten from 10000, such as 100000000)",
                            val, ch);
        e->exp = (unsigned char)k;
        return 0;
    default: /* compound: d * 10^k with 1 <= k <= 3, as 廿 = 20 */
        for (k = 0; v >= 10 && v % 10 == 0; v /= 10)
            k++;
        if (v > 9 || v == 0 || k < 1 || k > 3)
            return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                            "value \"%s\" for compound \"%s\" (expected a digit times 10, 100 or 1000, such as 20)",
                            val, ch);
        e->digit = (unsigned char)v;
        e->exp = (unsigned char)k;
        return 0;
    }
}

static int add_record(struct cnnum_table *t, char **f, int nf, const char *path, size_t line,
                      struct keyfig_error *err)
{
    if (nf < 3 || nf > 4)
        return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                        "%d columns (expected char, value, role and an optional note)", nf);
    int r = 0;
    while (r < NROLES && strcmp(f[2], role_names[r]) != 0)
        r++;
    if (r == NROLES) {
        char names[160] = "";
        for (int k = 0; k < NROLES; k++)
            snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", k ? ", " : "", role_names[k]);
        return kf_error(err, KEYFIG_STATUS_PATTERN, path, line, "unknown role \"%s\" (expected %s)", f[2], names);
    }
    if (r == ROLE_FRACTION) { /* a word, not a character */
        if (t->fraction_line)
            return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                            "second fraction \"%s\" (first defined on line %zu)", f[0], t->fraction_line);
        if (!*f[0] || strlen(f[0]) > MAX_FRACTION || strcmp(f[1], "-"))
            return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                            "fraction \"%s\" with value \"%s\" (expected a word of at most %d bytes and \"-\")", f[0],
                            f[1], MAX_FRACTION);
        memcpy(t->fraction, f[0], strlen(f[0]) + 1);
        t->fraction_line = line;
        return 0;
    }
    struct entry e = {0};
    e.line = line;
    if (parse_char(f[0], &e.cp) < 0)
        return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                        "character \"%s\" (expected one character or U+XXXX)", f[0]);
    e.role = (unsigned char)r;
    const struct entry *dup = lookup(t, e.cp);
    if (dup)
        return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                        "duplicate character \"%s\" (first defined on line %zu)", f[0], dup->line);
    if (set_value(&e, f[1], f[0], path, line, err) < 0)
        return -1;
    if (t->n == MAX_ENTRIES)
        return kf_error(err, KEYFIG_STATUS_PATTERN, path, line,
                        "too many numeral characters (expected at most %d)", MAX_ENTRIES);
    t->ent[t->n++] = e;
    if (e.cp < BMP_SIZE)
        t->bmp[e.cp] = (unsigned char)t->n;
    return 0;
}

struct cnnum_table *cnnum_table_load(const char *text, size_t len, const char *path, struct keyfig_error *err)
{
    struct cnnum_table *t = xcalloc(1, sizeof *t);
    struct tsv_reader r;
    char *f[5];
    int nf, bad = 0;
    tsv_open(&r, text, len);
    while (!bad && (nf = tsv_next(&r, f, 5)) > 0)
        bad = add_record(t, f, nf, path, r.lineno, err) < 0;
    tsv_close(&r);
    mark_positional(t);
    if (!bad && t->n == 0)
        bad = kf_error(err, KEYFIG_STATUS_PATTERN, path, 0,
                       "no numeral characters (expected records of char, value, role)") < 0;
    if (bad) {
        free(t);
        return NULL;
    }
    return t;
}

void cnnum_table_free(struct cnnum_table *t)
{
    free(t);
}

/* Characters that carry a value (digit, zero, unit, section, compound). The point, minus
 * sign and thousands separator are numeral syntax only between such characters: a lone
 * 点, - or ， in text is not a number. */
int cnnum_is_numeral_char(const struct cnnum_table *t, unsigned cp)
{
    const struct entry *e = lookup(t, cp);
    return e && e->role <= ROLE_COMPOUND;
}

int cnnum_is_approx_char(const struct cnnum_table *t, unsigned cp)
{
    const struct entry *e = lookup(t, cp);
    return e && e->role == ROLE_APPROX;
}

int cnnum_is_half_char(const struct cnnum_table *t, unsigned cp)
{
    const struct entry *e = lookup(t, cp);
    return e && e->role == ROLE_HALF;
}

int cnnum_scale(const struct cnnum_table *t, unsigned cp, int *section)
{
    const struct entry *e = lookup(t, cp);
    if (!e || (e->role != ROLE_UNIT && e->role != ROLE_SECTION))
        return 0;
    *section = e->role == ROLE_SECTION;
    return e->exp;
}

const char *cnnum_fraction_word(const struct cnnum_table *t)
{
    return t->fraction;
}

/* ---------- exact decimals: m * 10^e ---------- */

/* Integers up to 19 digits and 32.3 (323e-1) are exact; beyond 19 significant digits the low
 * digits are dropped, which is far below a double's precision anyway. */
struct dec {
    uint64_t m;
    int e;
};

#define DEC_ZERO ((struct dec){0, 0})
#define DEC_LIMIT 400 /* |e| beyond this is inf or 0 as a double: stop counting */

static void dec_push(struct dec *d, unsigned digit)
{
    if (d->m <= (UINT64_MAX - 9) / 10)
        d->m = d->m * 10 + digit;
    else if (d->e < DEC_LIMIT)
        d->e++;
}

static void dec_push_frac(struct dec *d, unsigned digit)
{
    if (d->m <= (UINT64_MAX - 9) / 10 && d->e > -DEC_LIMIT) {
        d->m = d->m * 10 + digit;
        d->e--;
    }
}

static struct dec dec_shift(struct dec d, int k)
{
    if (d.m && d.e < DEC_LIMIT)
        d.e += k;
    return d;
}

static struct dec dec_add(struct dec a, struct dec b)
{
    if (!b.m)
        return a;
    if (!a.m)
        return b;
    if (a.e < b.e) {
        struct dec t = a;
        a = b;
        b = t;
    }
    while (a.e > b.e && a.m <= UINT64_MAX / 10) {
        a.m *= 10;
        a.e--;
    }
    while (a.e > b.e && b.m) { /* b lies below a's 19 significant digits */
        b.m /= 10;
        b.e++;
    }
    if (a.m > UINT64_MAX - b.m) {
        a.m /= 10;
        b.m /= 10;
        a.e++;
    }
    a.m += b.m;
    return a;
}

/* 1 when d < 10^k: a number after 千 must stay below 1000 (四千230 yes, 三千2500 no). */
static int dec_below(struct dec d, int k)
{
    int digits = 0;
    for (uint64_t m = d.m; m; m /= 10)
        digits++;
    return !d.m || digits + d.e <= k;
}

static const double pow10_exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

/* One multiplication or division by an exact power of ten, so 323e-1 -> 32.3 and 95e-2 -> 0.95
 * are the correctly rounded doubles, and 323e3 is exactly 323000. */
static double dec_value(struct dec d)
{
    double m = (double)d.m;
    if (!d.m)
        return 0;
    if (d.e >= 0)
        return d.e <= 22 ? m * pow10_exact[d.e] : m * pow(10, d.e);
    if (d.e >= -22)
        return m / pow10_exact[-d.e];
    return m / 1e22 / pow(10, -d.e - 22);
}

/* ---------- reading characters ---------- */

struct cursor {
    const unsigned char *s;
    size_t n, i;
};

/* The table entry of the character at c->i (NULL for any other character or bad UTF-8);
 * *len gets its byte length (0 at the end or on bad UTF-8). */
static const struct entry *peek(const struct cnnum_table *t, const struct cursor *c, size_t *len)
{
    uint32_t cp;
    int l = utf8_decode(c->s + c->i, c->n - c->i, &cp);
    *len = (size_t)(l > 0 ? l : 0);
    return l > 0 ? lookup(t, cp) : NULL;
}

static int is_digit(const struct entry *e)
{
    return e && (e->role == ROLE_DIGIT || e->role == ROLE_ZERO);
}

static int is_scale(const struct entry *e)
{
    return e && (e->role == ROLE_UNIT || e->role == ROLE_SECTION);
}

/* A run of Arabic digits with optional thousands separators (1,234 or １２３，４５６), appended
 * to *d. Groups after a separator have exactly three digits, so 12,34 (a list) is rejected.
 * Returns the number of digits, or -1. */
static int arabic_run(const struct cnnum_table *t, struct cursor *c, size_t end, struct dec *d)
{
    int digits = 0, group = 0, seps = 0;
    while (c->i < end) {
        size_t len;
        const struct entry *e = peek(t, c, &len);
        if (e && e->role == ROLE_SEPARATOR) {
            if (!group || (seps ? group != 3 : group > 3))
                return -1;
            group = 0;
            seps++;
        } else if (e && e->arabic) {
            dec_push(d, e->digit);
            digits++;
            group++;
        } else {
            break;
        }
        c->i += len;
    }
    return seps && group != 3 ? -1 : digits;
}

/* Digits read positionally up to end: 2023, 1,234, 一九四九, 二〇二三, 一一 (= 11). */
static int positional(const struct cnnum_table *t, struct cursor *c, size_t end, struct dec *d)
{
    if (c->i >= end)
        return -1;
    while (c->i < end) {
        size_t len;
        const struct entry *e = peek(t, c, &len);
        if (e && e->arabic) {
            if (arabic_run(t, c, end, d) < 0)
                return -1;
        } else if (is_digit(e)) {
            dec_push(d, e->digit);
            c->i += len;
        } else {
            return -1;
        }
    }
    return 0;
}

/* ---------- 十/百/千 and 万/亿 ---------- */

enum tok { T_START, T_NUM, T_ZERO, T_UNIT, T_SECTION };

struct units {
    struct dec total;    /* the sections done so far */
    struct dec group;    /* the part below the next section: 三千二百 in 三千二百万 */
    struct dec num;      /* a number not yet given a unit: 三 of 三百, 230 of 四千230 */
    int num_single;      /* num is one digit character, so 三万一 may mean 31000 */
    int num_arabic;      /* num is written in Arabic digits (a space may follow it) */
    enum tok prev;       /* the previous token */
    enum tok before_num; /* the token before num */
    int unit;            /* exponent of the group's last unit (百: 2), 0 for none */
    int unit_implicit;   /* that unit had no number of its own (十一, 百二) */
    int section;         /* exponent of the last section run (万亿: 12), 0 for none */
};

static int on_num(struct units *u, struct dec v, int single)
{
    if (u->prev == T_NUM) /* 一一百, 3五千: two numbers in a row */
        return -1;
    u->num = v;
    u->num_single = single;
    u->num_arabic = 0;
    u->before_num = u->prev;
    u->prev = T_NUM;
    return 0;
}

static int on_zero(struct units *u)
{
    if (u->prev == T_NUM || u->prev == T_START) /* 一零百, 零一百 */
        return -1;
    u->prev = T_ZERO;
    return 0;
}

/* A unit without a number means one: at the start (十一, 百二萬, 千一), after 零 (一千零十),
 * and 十 after a unit that had its number (二百十七); not 百十一 or 一千百. */
static int implicit_one_ok(const struct units *u, int exp)
{
    switch (u->prev) {
    case T_START:
    case T_ZERO:
        return 1;
    case T_UNIT:
        return exp == 1 && !u->unit_implicit;
    default:
        return 0;
    }
}

/* Add n * 10^exp to the group, units falling (十一十二 and 三千25百 are rejected). */
static int add_unit(struct units *u, struct dec n, int exp, int implicit)
{
    if (u->unit && (exp >= u->unit || !dec_below(n, u->unit - exp)))
        return -1;
    u->group = dec_add(u->group, dec_shift(n, exp));
    u->unit = exp;
    u->unit_implicit = implicit;
    u->prev = T_UNIT;
    return 0;
}

static int on_unit(struct units *u, int exp)
{
    if (u->prev == T_NUM)
        return add_unit(u, u->num, exp, 0);
    if (!implicit_one_ok(u, exp))
        return -1;
    return add_unit(u, (struct dec){1, 0}, exp, 1);
}

static int on_compound(struct units *u, const struct entry *e)
{
    if (u->prev == T_NUM) /* 二廿 */
        return -1;
    return add_unit(u, (struct dec){e->digit, 0}, e->exp, 0);
}

/* Fold a pending number into the group. One digit right after a unit counts in the next
 * lower unit (一百一 = 110, 百二萬 = 120万, 8千3 = 8300); at the end also after a section
 * (三万一 = 31000), but not before one (一亿二万 is 100020000). After 零 it is plain. */
static int close_group(struct units *u, int at_end)
{
    if (u->prev == T_ZERO) /* 一千零, 一亿零万 */
        return -1;
    if (u->prev != T_NUM)
        return 0;
    int lower = -1;
    if (u->num_single && u->before_num == T_UNIT)
        lower = u->unit - 1;
    else if (u->num_single && at_end && u->before_num == T_SECTION)
        lower = u->section - 1;
    if (lower >= 0) {
        u->group = dec_add(u->group, dec_shift(u->num, lower));
        return 0;
    }
    if (u->unit && !dec_below(u->num, u->unit))
        return -1;
    u->group = dec_add(u->group, u->num);
    return 0;
}

/* A section scales what it closes. A bigger (or equal) one scales everything before it
 * (一千一百一十一万一千一百一十一亿, 一十亿零一十一亿); a smaller one only its own group
 * (一亿五千万); one right after another scales everything (一万亿 = 10^12, 一万万 = 10^8). */
static int on_section(struct units *u, int exp)
{
    if (u->prev == T_SECTION) {
        u->total = dec_shift(u->total, exp);
        u->section += exp;
        return 0;
    }
    if (close_group(u, 0) < 0)
        return -1;
    struct dec g = u->prev == T_START ? (struct dec){1, 0} : u->group; /* 萬五 = 15000 */
    if (!u->section || exp >= u->section) {
        u->total = dec_shift(dec_add(u->total, g), exp);
    } else {
        if (!dec_below(g, u->section - exp)) /* 3亿20000万 */
            return -1;
        u->total = dec_add(u->total, dec_shift(g, exp));
    }
    u->group = DEC_ZERO;
    u->unit = u->unit_implicit = 0;
    u->section = exp;
    u->prev = T_SECTION;
    return 0;
}

/* Spaces next to an Arabic digit, as pangu-style spacing writes 345 萬 and 1 万 600. Two
 * Arabic runs are never joined: 1 2万 is two numbers in a row and rejected. */
static int skip_spaces(const struct cnnum_table *t, struct cursor *c, size_t end, int after_arabic)
{
    if (c->i >= end || c->s[c->i] != ' ')
        return 0;
    struct cursor next = *c;
    while (next.i < end && next.s[next.i] == ' ')
        next.i++;
    size_t len;
    const struct entry *e = peek(t, &next, &len);
    if (next.i == end || (!after_arabic && !(e && e->arabic)))
        return -1;
    c->i = next.i;
    return 0;
}

static int units_token(const struct cnnum_table *t, struct units *u, struct cursor *c, size_t end)
{
    size_t len;
    const struct entry *e = peek(t, c, &len);
    if (c->i < end && c->s[c->i] == ' ')
        return u->prev == T_START ? -1 : skip_spaces(t, c, end, u->prev == T_NUM && u->num_arabic);
    if (e && e->arabic) {
        struct dec v = DEC_ZERO;
        int digits = arabic_run(t, c, end, &v);
        if (digits < 0 || on_num(u, v, digits == 1) < 0)
            return -1;
        u->num_arabic = 1;
        return 0;
    }
    c->i += len;
    if (!e)
        return -1;
    switch (e->role) {
    case ROLE_DIGIT:
        return on_num(u, (struct dec){e->digit, 0}, 1);
    case ROLE_ZERO:
        return on_zero(u);
    case ROLE_UNIT:
        return on_unit(u, e->exp);
    case ROLE_SECTION:
        return on_section(u, e->exp);
    case ROLE_COMPOUND:
        return on_compound(u, e);
    default:
        return -1;
    }
}

/* An integer with units up to end: 一百零五, 两万三千, 3,820萬9千, 200亿零四千230. */
static int with_units(const struct cnnum_table *t, struct cursor *c, size_t end, struct dec *d)
{
    struct units u = {.prev = T_START};
    while (c->i < end)
        if (units_token(t, &u, c, end) < 0)
            return -1;
    if (u.prev == T_START || close_group(&u, 1) < 0)
        return -1;
    if (u.section && !dec_below(u.group, u.section)) /* 1万60000 */
        return -1;
    *d = dec_add(u.total, u.group);
    return 0;
}

/* ---------- the whole numeral ---------- */

/* Where the integer part ends (the point, or the end) and whether it has units or sections. */
struct shape {
    size_t int_end;
    int has_unit, has_section;
};

static int scan_shape(const struct cnnum_table *t, struct cursor c, struct shape *sh)
{
    sh->int_end = c.n;
    sh->has_unit = sh->has_section = 0;
    while (c.i < c.n) {
        size_t len;
        const struct entry *e = peek(t, &c, &len);
        if (!e && len == 1 && c.s[c.i] == ' ') { /* allowed only by skip_spaces */
            c.i++;
            continue;
        }
        if (!e)
            return -1;
        if (e->role == ROLE_POINT) {
            sh->int_end = c.i;
            return 0;
        }
        sh->has_unit |= e->role == ROLE_UNIT || e->role == ROLE_COMPOUND || e->role == ROLE_SECTION;
        sh->has_section |= e->role == ROLE_SECTION;
        c.i += len;
    }
    return 0;
}

/* After the point: at least one digit, then optionally units that scale the whole number
 * (32.3万, 3.1千万, 一百二十三点五亿), their exponent summed into *scale. 10.1万零100 is rejected. */
static int fraction_and_scale(const struct cnnum_table *t, struct cursor *c, struct dec *frac, int *scale)
{
    size_t len;
    const struct entry *e;
    int digits = 0;
    while ((e = peek(t, c, &len)) && is_digit(e)) {
        dec_push_frac(frac, e->digit);
        digits++;
        c->i += len;
    }
    *scale = 0;
    while ((e = peek(t, c, &len)) && is_scale(e)) {
        if (*scale < DEC_LIMIT)
            *scale += e->exp;
        c->i += len;
    }
    return digits && c->i == c->n ? 0 : -1;
}

/* Skip a leading minus sign and any spaces after it (负 1,200,000); 1 when there was one. */
static int skip_sign(const struct cnnum_table *t, struct cursor *c)
{
    size_t len;
    const struct entry *e = peek(t, c, &len);
    if (!e || e->role != ROLE_NEGATIVE)
        return 0;
    c->i += len;
    while (c->i < c->n && c->s[c->i] == ' ')
        c->i++;
    return 1;
}

static int parse_dec(const struct cnnum_table *t, const char *s, size_t n, struct dec *d, int *neg)
{
    struct cursor c = {(const unsigned char *)s, n, 0};
    struct shape sh;
    *neg = skip_sign(t, &c);
    if (scan_shape(t, c, &sh) < 0)
        return -1;
    *d = DEC_ZERO;
    int r = sh.has_unit ? with_units(t, &c, sh.int_end, d) : positional(t, &c, sh.int_end, d);
    if (r < 0 || c.i == c.n)
        return r;
    size_t len;
    peek(t, &c, &len);
    c.i += len; /* the point */
    struct dec frac = DEC_ZERO;
    int scale;
    if (fraction_and_scale(t, &c, &frac, &scale) < 0 || (scale && sh.has_section))
        return -1;
    *d = dec_shift(dec_add(*d, frac), scale);
    return 0;
}

/* -0 and infinity are not values a text states. */
static int store(double v, int neg, double *value)
{
    if (!isfinite(v))
        return -1;
    *value = neg && v != 0 ? -v : v;
    return 0;
}

int cnnum_parse(const struct cnnum_table *t, const char *s, size_t n, double *value)
{
    struct dec d;
    int neg;
    if (parse_dec(t, s, n, &d, &neg) < 0)
        return -1;
    return store(dec_value(d), neg, value);
}

/* b / a with one rounding when both are small enough to be exact: 百分之三十六点九 is
 * 369 / 1000, not 36.9 / 100, so it equals the double 0.369. */
static double dec_divide(struct dec b, struct dec a)
{
    const uint64_t exact = (uint64_t)1 << 53;
    int k = b.e - a.e;
    if (a.m <= exact && b.m <= exact && k >= -22 && k <= 22) {
        double p = pow10_exact[k < 0 ? -k : k];
        if (k < 0 && (double)a.m * p <= (double)exact)
            return (double)b.m / ((double)a.m * p);
        if (k >= 0 && (double)b.m * p <= (double)exact)
            return (double)b.m * p / (double)a.m;
    }
    return dec_value(b) / dec_value(a);
}

/* Byte offset of the fraction word (分之) in s[0..n), or n. */
static size_t find_fraction(const struct cnnum_table *t, const char *s, size_t n)
{
    const size_t fl = strlen(t->fraction);
    for (size_t i = 0; fl && i + fl <= n; i++)
        if (memcmp(s + i, t->fraction, fl) == 0)
            return i;
    return n;
}

int cnnum_parse_fraction(const struct cnnum_table *t, const char *s, size_t n, double *value)
{
    size_t at = find_fraction(t, s, n);
    if (at == n)
        return -1;
    size_t after = at + strlen(t->fraction);
    struct dec a, b;
    int neg_a, neg_b;
    if (parse_dec(t, s, at, &a, &neg_a) < 0 || parse_dec(t, s + after, n - after, &b, &neg_b) < 0 || !a.m)
        return -1;
    return store(dec_divide(b, a), neg_a != neg_b, value);
}
