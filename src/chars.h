/* chars: characters, clauses and particles of the normalised text (UTF-8): the small
 * helpers the claim stages share to walk backwards and forwards around a number. */
#ifndef KEYFIG_CHARS_H
#define KEYFIG_CHARS_H

#include <stddef.h>
#include <stdint.h>
#include "keyfig.h"
#include "lexicon.h"

struct lexicon;
struct lex_list;

/* chars_cp_at for what is neither ASCII nor a three-byte character. */
uint32_t chars_cp_decode(const char *s, size_t n, size_t i, int *len);

/* The code point at s[i] (s[0..n)) with its length in *len; U+FFFD and length 1 for a byte
 * that begins no valid character. Inline, ASCII and the three-byte form of CJK text first:
 * every stage walks the text with it. */
static inline uint32_t chars_cp_at(const char *s, size_t n, size_t i, int *len)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i < n && u[0] < 0x80) {
        *len = 1;
        return u[0];
    }
    if (n - i >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        uint32_t cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
        if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
            *len = 3;
            return cp;
        }
    }
    return chars_cp_decode(s, n, i, len);
}

/* The offset of the character before the one at i (0 at 0). */
static inline size_t chars_prev(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}
/* The offset of the character after the one holding byte i (s[0..n)). */
static inline size_t chars_next(const char *s, size_t n, size_t i)
{
    for (i++; i < n && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
        ;
    return i;
}

/* The offset k characters after i, or n when the text ends first. */
static inline size_t chars_forward(const char *s, size_t n, size_t i, int k)
{
    while (k-- > 0 && i < n)
        i = chars_next(s, n, i);
    return i;
}

/* 1 when c ends a clause (a line break, or a clause delimiter of chars.tsv; not a quote: chars.tsv
 * says why). */
static inline int chars_is_clause_delim(const struct lexicon *lx, uint32_t c)
{
    return c == '\n' || lex_charset_has(&lx->charset[CHR_CLAUSE], c);
}

/* How far the stages look from a number, in bytes (about 340 Chinese characters): a clause or
 * sentence runs no further back than this, whatever the text, so each number costs a bounded
 * amount of work and a text without punctuation (100,000 figures in one "sentence") takes time
 * linear in its length. No clause of real prose comes near it. */
#define CHARS_WINDOW 1024

/* The first character boundary at or after i - CHARS_WINDOW (0 near the start). */
size_t chars_window_floor(const char *s, size_t i);
/* The last character boundary at or before i + CHARS_WINDOW, at most n. */
size_t chars_window_end(const char *s, size_t n, size_t i);

/* 1 when c ends a sentence (a line break, or a sentence delimiter of chars.tsv). */
static inline int chars_is_sentence_delim(const struct lexicon *lx, uint32_t c)
{
    return c == '\n' || lex_charset_has(&lx->charset[CHR_SENTENCE], c);
}

/* Where the parenthetical ending just before i begins ("投资额(包括…)共为"), or i itself. The
 * clause and sentence bounds below stop at chars_window_floor(s, i) too. */
size_t chars_skip_parenthetical(const char *s, size_t floor, size_t i);

/* Start of the clause holding position i (just after the previous delimiter); a parenthetical
 * inside the clause does not end it. */
size_t chars_clause_start(const struct lexicon *lx, const char *s, size_t i);

/* Start of the sentence holding position i (just after the previous sentence end). */
size_t chars_sentence_start(const struct lexicon *lx, const char *s, size_t i);

/* 1 for the particles that link a verb to its figure (chars.tsv): 增长了3%, 增至为, 成长达5%. */
static inline int chars_is_particle(const struct lexicon *lx, uint32_t c)
{
    return lex_charset_has(&lx->charset[CHR_PARTICLE], c);
}

/* The first position in s[a..b) after the particles that start there. */
size_t chars_skip_particles(const struct lexicon *lx, const char *s, size_t a, size_t b);

#endif
