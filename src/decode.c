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

/* For converted input, where each character of the UTF-8 text came from in the input, so spans can
 * count bytes of the file as it is (GB18030, Big5), not of the conversion. One character is
 * converted at a time: the shortest prefix iconv accepts is that character. -1 if that fails. */
static int source_offsets(const char *buf, size_t len, const char *from, size_t outlen, struct srcmap *map)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
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
            srcmap_free(map);
            iconv_close(cd);
            return -1;
        }
        if (made)
            srcmap_add(map, in, made, k);
        out += made;
        in += k;
    }
    srcmap_end(map, outlen, len);
    iconv_close(cd);
    return 0;
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

/* The first want bytes of buf's conversion from `from` (or all of it, if shorter), into out (want +
 * 16 bytes of room): what a whole conversion would begin with. -1 where a whole one would fail. */
static int iconv_prefix(const char *buf, size_t len, const char *from, size_t want, char *out, size_t *outlen)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return -1;
    char *in = (char *)buf, *o = out;
    size_t inleft = len, oleft = want + 16;
    /* the whole input at once: it stops with E2BIG once the room (want and a character's worth) is
     * full; any other stop (a bad byte, a character cut off by the input's end) fails a whole
     * conversion too */
    int rc = iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1 && errno != E2BIG ? -1 : 0;
    iconv_close(cd);
    *outlen = (size_t)(o - out) < want ? (size_t)(o - out) : want;
    return rc;
}

static int decode_legacy(const char *buf, size_t len, const char *source, const struct lex_charset *common, struct decoded *out,
                         struct keyfig_error *err, size_t utf8_bad)
{
    /* Score only a prefix: a few KB decide the encoding of a whole article, and only the encoding
     * chosen is converted whole (two whole conversions held at once cost 3 bytes per input byte). */
    enum { PROBE = 8192 * 2 };
    static const char *const name[2] = {"GB18030", "BIG5-HKSCS"}, *const label[2] = {"GB18030", "BIG5"};
    char piece[PROBE + 16];
    double score[2];
    for (int e = 0; e < 2; e++) {
        size_t n = 0;
        score[e] = iconv_prefix(buf, len, name[e], PROBE, piece, &n) == 0 ? chinese_score(common, piece, n) : -1;
    }
    for (;;) {
        if (score[0] < 0.15 && score[1] < 0.15)
            return kf_error(err, KEYFIG_STATUS_INPUT, source, 0,
                            "invalid UTF-8 at byte %zu, and the text does not read as GB18030 or Big5 either "
                            "(name the encoding with --encoding, or use --lenient)",
                            utf8_bad);
        int e = score[0] >= score[1] ? 0 : 1;
        size_t bad = 0;
        if (iconv_to_utf8(buf, len, name[e], &out->text, &out->len, &bad) == 0) {
            out->encoding = label[e];
            return source_offsets(buf, len, name[e], out->len, &out->map) == 0 ? 0 : -1;
        }
        score[e] = -1; /* a bad byte past the piece scored */
    }
}

/* Copy with every invalid byte replaced by U+FFFD (three bytes for one), noting in map where each
 * stretch came from, so spans still count bytes of the file. */
static char *replace_invalid(const char *s, size_t n, size_t *outlen, struct srcmap *map)
{
    struct buf b = {0};
    size_t same = 0; /* where the valid stretch being copied began */
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (l) {
            i += (size_t)l;
            continue;
        }
        buf_add(&b, s + same, i - same);
        srcmap_add_same(map, same, i - same);
        buf_add(&b, "\xEF\xBF\xBD", 3);
        srcmap_add(map, i, 3, 1);
        same = ++i;
    }
    buf_add(&b, s + same, n - same);
    srcmap_add_same(map, same, n - same);
    srcmap_end(map, b.len, n);
    *outlen = b.len;
    return b.data;
}

int decode_input(const char *buf, size_t len, const char *source, const char *encoding, int lenient, int utf8,
                 char **reuse, const struct lex_charset *common, struct decoded *out, struct keyfig_error *err)
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
        if (source_offsets(buf, len, encoding, out->len, &out->map) != 0)
            return kf_error(err, KEYFIG_STATUS_INPUT, source, 0, "cannot convert from %s one character at a time", encoding);
        return 0;
    }
    size_t bad = utf8 ? (size_t)-1 : utf8_first_invalid(buf, len);
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
        out->text = replace_invalid(buf, len, &out->len, &out->map);
        out->encoding = "UTF-8";
        return 0;
    }
    if (encoding)
        return kf_error(err, KEYFIG_STATUS_INPUT, source, 0, "invalid UTF-8 at byte %zu", bad + out->bom);
    return decode_legacy(buf, len, source, common, out, err, bad + out->bom);
}
