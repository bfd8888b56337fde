/* decode: input bytes -> UTF-8. UTF-8 is taken as it is (BOM dropped); anything else is
 * converted with iconv from GB18030 or Big5, named by the caller or guessed by which of the
 * two decodings reads as more ordinary Chinese. */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lexicon.h"
#include "util.h"

static int iconv_to_utf8(const char *buf, size_t len, const char *from, char **out, size_t *outlen,
                         size_t *bad_at)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
    size_t cap = len * 2 + 16;
    char *dst = xmalloc(cap + 1);
    char *in = (char *)buf, *o = dst;
    size_t inleft = len, oleft = cap;
    int rc = 0;
    while (inleft > 0) {
        if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
            continue;
        if (errno == E2BIG) {
            size_t used = (size_t)(o - dst);
            cap *= 2;
            dst = xrealloc(dst, cap + 1);
            o = dst + used;
            oleft = cap - used;
            continue;
        }
        *bad_at = (size_t)(in - buf);
        rc = -1;
        break;
    }
    iconv_close(cd);
    if (rc) {
        free(dst);
        return -1;
    }
    *outlen = (size_t)(o - dst);
    dst[*outlen] = '\0';
    *out = dst;
    return 0;
}

/* For converted input, the input byte behind every byte of the UTF-8 text, so spans can
 * count bytes of the file as it is (GB18030, Big5), not of the conversion. One character is
 * converted at a time: the shortest prefix iconv accepts is that character. */
static uint32_t *source_offsets(const char *buf, size_t len, const char *from, size_t outlen)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return NULL;
    uint32_t *map = xmalloc((outlen + 1) * sizeof *map);
    size_t in = 0, out = 0;
    while (in < len && out < outlen) {
        char tmp[32];
        size_t k, made = 0;
        for (k = 1; k <= 4 && in + k <= len; k++) {
            char *ip = (char *)buf + in, *op = tmp;
            size_t il = k, ol = sizeof tmp;
            iconv(cd, NULL, NULL, NULL, NULL);
            if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0) {
                made = (size_t)(op - tmp);
                break;
            }
        }
        if (k > 4 || in + k > len) { /* cannot happen after a whole conversion succeeded */
            free(map);
            iconv_close(cd);
            return NULL;
        }
        for (size_t j = 0; j < made && out < outlen; j++)
            map[out++] = (uint32_t)in;
        in += k;
    }
    while (out < outlen)
        map[out++] = (uint32_t)len;
    map[outlen] = (uint32_t)len;
    iconv_close(cd);
    return map;
}

/* How Chinese a decoding looks: the share of very common characters (chars.tsv's common role,
 * simplified and traditional forms alike), so that GB18030 read as Big5 (or the reverse) scores low. */
static double chinese_score(const struct lex_charset *common, const char *s, size_t n)
{
    size_t hits = 0, total = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!l) {
            i++;
            continue;
        }
        if (cp >= 0x80) {
            total++;
            hits += (size_t)lex_charset_has(common, cp);
        }
        i += (size_t)l;
    }
    return total ? (double)hits / (double)total : 0.0;
}

static int decode_legacy(const char *buf, size_t len, const char *source, const struct lex_charset *common, struct decoded *out,
                         struct keyfig_error *err, size_t utf8_bad)
{
    /* Score only a prefix: a few KB decide the encoding of a whole article. */
    size_t probe = len < 8192 ? len : 8192;
    char *gb = NULL, *b5 = NULL;
    size_t gblen = 0, b5len = 0, bad = 0;
    double gbs = -1, b5s = -1;
    if (iconv_to_utf8(buf, len, "GB18030", &gb, &gblen, &bad) == 0)
        gbs = chinese_score(common, gb, gblen < probe * 2 ? gblen : probe * 2);
    if (iconv_to_utf8(buf, len, "BIG5-HKSCS", &b5, &b5len, &bad) == 0)
        b5s = chinese_score(common, b5, b5len < probe * 2 ? b5len : probe * 2);
    if ((gbs < 0.15 && b5s < 0.15)) {
        free(gb);
        free(b5);
        return kf_error(err, KEYFIG_STATUS_INPUT, source, 0,
                        "invalid UTF-8 at byte %zu, and the text does not read as GB18030 or Big5 either "
                        "(name the encoding with --encoding, or use --lenient)",
                        utf8_bad);
    }
    if (gbs >= b5s) {
        free(b5);
        out->text = gb, out->len = gblen, out->encoding = "GB18030";
        out->src_off = source_offsets(buf, len, "GB18030", gblen);
    } else {
        free(gb);
        out->text = b5, out->len = b5len, out->encoding = "BIG5";
        out->src_off = source_offsets(buf, len, "BIG5-HKSCS", b5len);
    }
    return 0;
}

/* Copy with every invalid sequence replaced by U+FFFD. */
static char *replace_invalid(const char *s, size_t n, size_t *outlen)
{
    struct buf b = {0};
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l) {
            buf_add(&b, s + i, (size_t)l);
            i += (size_t)l;
        } else {
            buf_add(&b, "\xEF\xBF\xBD", 3);
            i++;
        }
    }
    if (!b.data)
        buf_add(&b, "", 0);
    *outlen = b.len;
    return b.data;
}

int decode_input(const char *buf, size_t len, const char *source, const char *encoding, int lenient, char **reuse,
                 const struct lex_charset *common, struct decoded *out, struct keyfig_error *err)
{
    memset(out, 0, sizeof *out);
    char *block = reuse && *reuse == buf ? *reuse : NULL;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        out->bom = 3;
        buf += 3, len -= 3;
        encoding = encoding ? encoding : "UTF-8";
    }
    const char *nul = memchr(buf, '\0', len);
    if (nul)
        return kf_error(err, KEYFIG_STATUS_INPUT, source, 0, "binary data (NUL byte at byte %zu), not an article text",
                        (size_t)(nul - buf) + out->bom);
    /* White space includes the ideographic space U+3000 and NO-BREAK SPACE that Chinese pages pad with. */
    size_t ws = 0;
    for (;;) {
        if (ws < len && (buf[ws] == ' ' || buf[ws] == '\t' || buf[ws] == '\n' || buf[ws] == '\r'))
            ws++;
        else if (len - ws >= 3 && !memcmp(buf + ws, "\xE3\x80\x80", 3)) /* nocjk: U+3000 is Unicode White_Space */
            ws += 3;
        else if (len - ws >= 2 && !memcmp(buf + ws, "\xC2\xA0", 2))
            ws += 2;
        else
            break;
    }
    if (ws == len)
        return kf_error(err, KEYFIG_STATUS_INPUT, source, 0, len ? "article holds only white space" : "empty article");
    if (encoding && strcasecmp(encoding, "UTF-8") && strcasecmp(encoding, "UTF8")) {
        size_t bad = 0;
        if (iconv_to_utf8(buf, len, encoding, &out->text, &out->len, &bad) != 0)
            return kf_error(err, KEYFIG_STATUS_INPUT, source, 0, "cannot convert from %s (unknown encoding, or bad byte at %zu)",
                            encoding, bad + out->bom);
        out->encoding = encoding;
        out->src_off = source_offsets(buf, len, encoding, out->len);
        return 0;
    }
    size_t bad = utf8_first_invalid(buf, len);
    if (bad == (size_t)-1) {
        if (block) { /* the caller's buffer becomes the text: no copy */
            memmove(block, buf, len);
            block[len] = '\0';
            *reuse = NULL;
            out->text = block;
        } else {
            out->text = xstrndup(buf, len);
        }
        out->len = len;
        out->encoding = "UTF-8";
        return 0;
    }
    if (lenient) {
        out->text = replace_invalid(buf, len, &out->len);
        out->encoding = "UTF-8";
        return 0;
    }
    if (encoding)
        return kf_error(err, KEYFIG_STATUS_INPUT, source, 0, "invalid UTF-8 at byte %zu", bad + out->bom);
    return decode_legacy(buf, len, source, common, out, err, bad + out->bom);
}
