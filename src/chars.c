/* chars: walking the normalised text by code point, finding clause and sentence bounds
 * (a parenthetical does not end a clause), and skipping linking particles; the characters of
 * each kind come from chars.tsv through the lexicon. */
#include <string.h>

#include "chars.h"
#include "lexicon.h"
#include "text.h"
#include "util.h"

uint32_t chars_cp_decode(const char *s, size_t n, size_t i, int *len)
{
    uint32_t cp = 0;
    int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
    *len = l ? l : 1;
    return l ? cp : 0xFFFD;
}

size_t chars_window_floor(const char *s, size_t i)
{
    if (i <= CHARS_WINDOW)
        return 0;
    size_t f = i - CHARS_WINDOW;
    while (f < i && ((unsigned char)s[f] & 0xC0) == 0x80)
        f++;
    return f;
}

size_t chars_window_end(const char *s, size_t n, size_t i)
{
    return n - i <= CHARS_WINDOW ? n : utf8_char_start(s, i + CHARS_WINDOW);
}

/* Where the parenthetical ending just before i begins ("投资额(包括…)共为"), or i itself. */
size_t chars_skip_parenthetical(const char *s, size_t floor, size_t i)
{
    size_t w = chars_window_floor(s, i);
    if (floor < w)
        floor = w;
    if (i <= floor || s[i - 1] != ')')
        return i;
    int depth = 0;
    for (size_t p = i; p > floor;) {
        p--;
        if (s[p] == ')')
            depth++;
        else if (s[p] == '(' && --depth == 0)
            return p;
    }
    return i;
}

static int digit_at(const char *s, size_t i)
{
    return s[i] >= '0' && s[i] <= '9';
}

/* 1 when the comma at p separates thousands (2萬2,907家, 1,234.5), as the NUMERAL macro reads it:
 * a digit before it, exactly three after it. s is NUL-terminated. */
static int thousands_comma(const char *s, size_t p)
{
    return s[p] == ',' && p > 0 && digit_at(s, p - 1) && digit_at(s, p + 1) && digit_at(s, p + 2) &&
           digit_at(s, p + 3) && !digit_at(s, p + 4);
}

/* The scans below step back over the character boundaries e in (floor, i] as chars_prev would,
 * but decode the character ending at e only where its last byte, s[e - 1], may end a
 * delimiter (cs->ends, or a line break or ')'): the text is UTF-8 that decode.c has validated, so
 * every other boundary is one they would pass. */
static inline int may_end(const struct lex_charset *cs, unsigned char u)
{
    return cs->ends[u] || u == '\n' || u == ')';
}

/* Start of the clause holding position i (just after the previous delimiter); a parenthetical
 * inside the clause does not end it. */
size_t chars_clause_start(const struct lexicon *lx, const char *s, size_t i)
{
    size_t floor = chars_window_floor(s, i);
    const struct lex_charset *cs = &lx->charset[CHR_CLAUSE];
    for (size_t e = i; e > floor; e--) {
        unsigned char u = (unsigned char)s[e - 1];
        if (!may_end(cs, u) || (e != i && ((unsigned char)s[e] & 0xC0) == 0x80))
            continue;
        if (u == ')') {
            size_t q = chars_skip_parenthetical(s, floor, e);
            if (q != e) { /* on from the '(' */
                i = q;
                e = q + 1;
                continue;
            }
        }
        size_t p = chars_prev(s, e);
        int l;
        if (chars_is_clause_delim(lx, chars_cp_at(s, e, p, &l)) && !thousands_comma(s, p))
            return e;
    }
    return floor;
}

/* Start of the sentence holding position i (just after the previous 。！？; or line break). */
size_t chars_sentence_start(const struct lexicon *lx, const char *s, size_t i)
{
    size_t floor = chars_window_floor(s, i);
    const struct lex_charset *cs = &lx->charset[CHR_SENTENCE];
    for (size_t e = i; e > floor; e--) {
        unsigned char u = (unsigned char)s[e - 1];
        if (!may_end(cs, u) || (e != i && ((unsigned char)s[e] & 0xC0) == 0x80))
            continue;
        size_t q = chars_prev(s, e);
        int l;
        if (chars_is_sentence_delim(lx, chars_cp_at(s, e, q, &l)))
            return e;
    }
    return floor;
}

size_t chars_skip_particles(const struct lexicon *lx, const char *s, size_t a, size_t b)
{
    while (a < b) {
        int l;
        if (!chars_is_particle(lx, chars_cp_at(s, b, a, &l)))
            break;
        a += (size_t)l;
    }
    return a;
}
