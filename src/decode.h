/* decode: the bytes of an input file -> UTF-8 text. Detects a UTF-8 BOM, valid UTF-8,
 * or GB18030/GBK and Big5 (converted with iconv); rejects invalid UTF-8 with the byte offset
 * of the first bad sequence unless lenient. Knows nothing of normalisation or claims. */
#ifndef KEYFIG_DECODE_H
#define KEYFIG_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include "keyfig.h"
#include "srcmap.h"

struct decoded {
    char *text;          /* UTF-8, NUL-terminated, BOM removed; owned */
    size_t len;
    size_t bom;          /* bytes of BOM dropped from the start of the input */
    const char *encoding; /* "UTF-8", "GB18030" or "BIG5" (static) */
    struct srcmap map;   /* converted input only (GB18030, Big5): where each character came from;
                          * no runs for UTF-8 input; owned */
    uint32_t *src_off;   /* text from a reader (reader.h): src_off[i] is the input byte that UTF-8 byte
                          * i came from, src_off[len] the input length; else NULL; owned */
    uint32_t *src_end;   /* text from a reader: the end of the input behind byte i, which need not be
                          * where byte i + 1 came from (tags between); else NULL; owned */
};

struct lex_charset;

/* Decode buf[0..len) (named source in messages). encoding NULL: detect (input that is not UTF-8
 * reads as GB18030 or Big5, whichever decoding holds more of the common characters). reuse: NULL, or the
 * address of a malloc'd block holding buf (with room for len + 1 bytes) that valid UTF-8 may
 * take over as out->text instead of copying; *reuse is then set to NULL. utf8: buf is known to be
 * valid UTF-8 (a string Jansson decoded), not validated again. Returns 0, or -1 with err filled:
 * empty input, binary data (NUL bytes), invalid UTF-8 at byte N, or an encoding iconv cannot convert. */
int decode_input(const char *buf, size_t len, const char *source, const char *encoding, int lenient, int utf8,
                 char **reuse, const struct lex_charset *common, struct decoded *out, struct keyfig_error *err);

#endif
