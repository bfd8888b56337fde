/* srcmap: where each character of a converted text (GB18030 or Big5 read as UTF-8, or UTF-8 with its
 * invalid bytes replaced) came from in the input, as runs of characters of the same widths (a Chinese character is 3 bytes of UTF-8 from 2 of
 * GB18030; an ASCII one 1 from 1), a few bytes a run: a byte-per-byte map cost 4 bytes per byte of
 * text, 12 per character. Knows nothing of encodings: decode.c adds the characters. */
#ifndef KEYFIG_SRCMAP_H
#define KEYFIG_SRCMAP_H

#include <stddef.h>
#include <stdint.h>

struct src_run {
    uint32_t out, src;       /* the run's first character: its offsets in the text and in the input */
    uint16_t out_w, src_w;   /* every character of the run: its width in the text and in the input */
};

struct srcmap {
    struct src_run *runs;    /* owned */
    size_t n, cap;
    size_t out_len, src_len; /* the ends: where the text's end maps to */
};

/* Append one character: out_w bytes of the text (at the current end) came from src_w bytes of the
 * input at src (right after the previous character's). */
void srcmap_add(struct srcmap *m, size_t src, size_t out_w, size_t src_w);

/* Append n bytes copied unchanged from the input at src. */
void srcmap_add_same(struct srcmap *m, size_t src, size_t n);

/* The end of both texts (after the last character). */
void srcmap_end(struct srcmap *m, size_t out_len, size_t src_len);

/* The input offset of the character holding text byte i (its first byte); src_len at or past out_len. */
size_t srcmap_at(const struct srcmap *m, size_t i);

void srcmap_free(struct srcmap *m);

#endif
