/* finish: drafts -> claims with spans and strings of the original (see finish.h). */
#include "finish.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "lexicon.h"
#include "metadata.h"
#include "origin.h"
#include "pdf.h"
#include "subject.h"
#include "util.h"

/* ---- strings from the original ---- */

/* origin_chars as a string of the article's (scratch: a buffer reused from call to call). */
static const char *orig_string(const struct keyfig_article *a, struct arena *strings, struct buf *scratch, size_t ns,
                               size_t ne, const struct lexicon *subject)
{
    origin_chars(&a->txt, ns, ne, subject, scratch);
    return arena_strndup(strings, scratch->data, scratch->len);
}

/* first, then the original characters behind [ns, ne) as a subject's: one string of the article's */
static const char *joined_string(const struct keyfig_article *a, struct arena *strings, struct buf *scratch,
                                 const char *first, size_t ns, size_t ne, const struct lexicon *lx)
{
    origin_chars(&a->txt, ns, ne, lx, scratch);
    size_t fl = strlen(first), sl = scratch->len;
    buf_reserve(scratch, fl);
    memmove(scratch->data + fl, scratch->data, sl);
    memcpy(scratch->data, first, fl);
    return arena_strndup(strings, scratch->data, fl + sl);
}

/* ---- code point offsets ---- */

/* The step of struct cp_index: 256, not 4096, since four look-ups per claim scanning 2 KB each
 * were a tenth of the run time (results/bench.md). */
#define FINISH_CP_STEP 256

/* The characters of s[a, b): bytes that do not continue a character, a CRLF counted once (the
 * byte after b is looked at: s is NUL-terminated). Eight bytes at a time where no CR is among
 * them: counting article by article, then from block to claim, was a twentieth of the run. */
static size_t count_cps(const char *s, size_t a, size_t b)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t c = 0, i = a;
    for (; i + 8 <= b; i += 8) {
        uint64_t w, cr;
        memcpy(&w, s + i, 8);
        uint64_t cont = w & ~(w << 1) & highs; /* 10xxxxxx: bit 7 set, bit 6 clear */
        c += 8 - (size_t)(((cont >> 7) * ones) >> 56);
        cr = w ^ (ones * '\r');
        if ((cr - ones) & ~cr & highs) /* a CR among them */
            for (size_t j = i; j < i + 8; j++)
                c -= s[j] == '\r' && s[j + 1] == '\n';
    }
    for (; i < b; i++) {
        unsigned char u = (unsigned char)s[i];
        if ((u & 0xC0) == 0x80)
            continue;
        if (u == '\r' && s[i + 1] == '\n') /* CRLF reads as one line break */
            continue;
        c++;
    }
    return c;
}

static void cp_index_init(struct cp_index *x, const char *s, size_t n)
{
    x->s = s;
    x->n = n;
    x->at = xmalloc((n / FINISH_CP_STEP + 2) * sizeof *x->at);
    x->at[0] = 0;
    x->last_byte[0] = x->last_cp[0] = x->last_byte[1] = x->last_cp[1] = 0;
    for (size_t k = 1; k <= n / FINISH_CP_STEP; k++)
        x->at[k] = x->at[k - 1] + count_cps(s, (k - 1) * FINISH_CP_STEP, k * FINISH_CP_STEP);
}

/* The code point offset of byte, counted on from the nearest point known before it (its block's
 * start, or either cursor), which becomes cursor cur. */
static size_t cp_of(struct cp_index *x, size_t byte, int cur)
{
    size_t k = byte / FINISH_CP_STEP, from = k * FINISH_CP_STEP, cp = x->at[k];
    for (int c = 0; c < 2; c++)
        if (x->last_byte[c] <= byte && x->last_byte[c] > from)
            from = x->last_byte[c], cp = x->last_cp[c];
    cp += count_cps(x->s, from, byte);
    x->last_byte[cur] = byte;
    x->last_cp[cur] = cp;
    return cp;
}

/* ---- sentences ---- */

/* A sentence longer than this many characters is cut to this many around the claim (CLAIMS.md),
 * so that output stays linear in the input: a text without sentence ends (a table, 100 MB on
 * one line) must not copy a long stretch of itself into every claim. */
#define SENTENCE_MAX_CHARS 300

/* Step back from i over up to max characters, stopping after a sentence end (chars.c's 。！？;
 * or line break); *k receives the characters stepped over. */
static size_t back_to_sentence_start(const struct lexicon *lx, const char *s, size_t n, size_t i, size_t max, size_t *k)
{
    for (*k = 0; i > 0 && *k < max; ++*k) {
        size_t p = chars_prev(s, i);
        int l;
        if (chars_is_sentence_delim(lx, chars_cp_at(s, n, p, &l)))
            break;
        i = p;
    }
    return i;
}

/* Step forward from i over up to max characters, through the next sentence end (a line break
 * stays outside); *k receives the characters stepped over. */
static size_t on_to_sentence_end(const struct lexicon *lx, const char *s, size_t n, size_t i, size_t max, size_t *k)
{
    for (*k = 0; i < n && *k < max;) {
        int l;
        uint32_t c = chars_cp_at(s, n, i, &l);
        int end = chars_is_sentence_delim(lx, c);
        if (end && c == '\n')
            break;
        i += (size_t)l;
        ++*k;
        if (end)
            break;
    }
    return i > n ? n : i;
}

static size_t back_chars(const char *s, size_t i, size_t k)
{
    while (k-- > 0 && i > 0)
        i = chars_prev(s, i);
    return i;
}

static size_t on_chars(const char *s, size_t n, size_t i, size_t k)
{
    while (k-- > 0 && i < n)
        i = chars_next(s, n, i);
    return i;
}

/* The sentence around the claim [cs, ce) whose number starts at num: from just after the previous
 * sentence end to through the next one; where that is longer than SENTENCE_MAX_CHARS, the
 * SENTENCE_MAX_CHARS characters around the claim (centred on it where the sentence allows).
 * Returns 1 when the sentence is whole. */
static int sentence_bounds(const struct lexicon *lx, const struct text *t, size_t cs, size_t ce, size_t num, size_t *ss,
                           size_t *se)
{
    const char *s = t->norm;
    size_t n = t->norm_len, kb, ka;
    size_t a = back_to_sentence_start(lx, s, n, num, SENTENCE_MAX_CHARS, &kb);
    size_t b = on_to_sentence_end(lx, s, n, num, SENTENCE_MAX_CHARS, &ka);
    if (kb + ka <= SENTENCE_MAX_CHARS) {
        *ss = a, *se = b;
        return 1;
    }
    /* the claim's characters on either side of its number, inside what was walked */
    cs = cs < a ? a : cs > num ? num : cs;
    ce = ce > b ? b : ce < num ? num : ce;
    size_t lb = utf8_count(s + cs, num - cs), la = utf8_count(s + num, ce - num);
    size_t room = lb + la < SENTENCE_MAX_CHARS ? SENTENCE_MAX_CHARS - lb - la : 0;
    size_t before = room / 2, after = room - before;
    size_t availb = kb - lb, availa = ka - la;
    if (before > availb)
        after += before - availb, before = availb;
    if (after > availa) {
        before += after - availa;
        after = availa;
        if (before > availb)
            before = availb;
    }
    *ss = back_chars(s, cs, before);
    *se = on_chars(s, n, ce, after);
    return 0;
}

/* ---- drafts -> claims ---- */

static struct keyfig_span span_of(const struct keyfig_article *a, struct cp_index *x, size_t ns, size_t ne, int cur)
{
    struct keyfig_span sp;
    const struct text *t = &a->txt;
    sp.byte_start = text_orig_at(t, ns);
    sp.byte_end = text_orig_end(t, ne);
    if (sp.byte_end < sp.byte_start)
        sp.byte_end = sp.byte_start;
    sp.start = cp_of(x, sp.byte_start, cur);
    sp.end = cp_of(x, sp.byte_end, cur);
    if (a->dec.src_off) { /* HTML, PDF: bytes of the file, not of the text read from it */
        size_t s = sp.byte_start, e = sp.byte_end;
        sp.byte_start = a->dec.src_off[s];
        /* HTML: the end of the last character's source (its entity, not the tag after it) */
        sp.byte_end = a->dec.src_end && e > s ? a->dec.src_end[e - 1] : a->dec.src_off[e];
    } else if (a->dec.map.n) { /* GB18030, Big5, --lenient: bytes of the file, not of its conversion */
        sp.byte_start = srcmap_at(&a->dec.map, sp.byte_start);
        sp.byte_end = srcmap_at(&a->dec.map, sp.byte_end);
    }
    sp.byte_start += a->dec.bom;
    sp.byte_end += a->dec.bom;
    return sp;
}

void finisher_init(struct finisher *f, const struct keyfig_article *a, const struct lexicon *lx, struct arena *strings,
                   int transient)
{
    memset(f, 0, sizeof *f);
    f->lx = lx;
    cp_index_init(&f->x, a->dec.text, a->dec.len);
    f->strings = strings;
    f->transient = transient;
    f->last_ss = (size_t)-1;
}

void finisher_free(struct finisher *f)
{
    buf_free(&f->scratch);
    free(f->x.at);
}

void finish_claim(struct keyfig_article *a, struct finisher *f, const struct draft *d, struct keyfig_claim *c)
{
    *c = (struct keyfig_claim){.is_claim = d->is_claim, .reason = d->reason, .value = d->value,
                               .has_range = d->has_range, .low = d->low, .high = d->high, .kind = d->kind,
                               .approx = d->approx, .direction = d->direction, .basis = d->basis,
                               .has_from = d->has_from, .from = d->from, .rule = d->rule, .id = d->id};
    c->span = span_of(a, &f->x, d->start, d->end, 0);
    size_t ss = f->last_ss, se = f->last_se;
    /* A number inside the last sentence has the same one, when that one was whole. */
    if (!(f->last_whole && d->num_s >= ss && d->num_s < se))
        f->last_whole = sentence_bounds(f->lx, &a->txt, d->start, d->end, d->num_s, &ss, &se);
    if (ss != f->last_ss || se != f->last_se) {
        if (f->transient)
            arena_free(f->strings);
        f->last_ss = ss, f->last_se = se;
        f->last_span = span_of(a, &f->x, ss, se, 1);
        f->last_sentence = orig_string(a, f->strings, &f->scratch, ss, se, NULL);
    }
    c->sentence_span = f->last_span;
    c->value_text = orig_string(a, f->strings, &f->scratch, d->num_s, d->num_e, NULL);
    c->unit = d->unit_text ? d->unit_text : orig_string(a, f->strings, &f->scratch, d->unit_s, d->unit_e, NULL);
    c->subject = orig_string(a, f->strings, &f->scratch, d->subj_s, d->subj_e, f->lx); /* 「X」預算 -> X預算 */
    if (c->subject && d->subj2_e > d->subj2_s) /* 药品收入 + 占总收入 */
        c->subject = joined_string(a, f->strings, &f->scratch, c->subject, d->subj2_s, d->subj2_e, f->lx);
    c->basis_word = f->lx->basis_word[d->basis];
    c->subject_rule = *c->subject ? subject_rule_name((enum subject_rule)d->subj_rule) : NULL;
    c->text = orig_string(a, f->strings, &f->scratch, d->start, d->end, NULL);
    c->sentence = f->last_sentence;
    c->item = metadata_item_of(a, d->num_s);
    if (a->places) { /* PDF: spans count bytes of the extracted text, which places describe */
        pdf_box(a->places, c->span.byte_start, c->span.byte_end, &c->page, c->bbox);
        for (int i = 0; i < 4; i++) /* a tenth of a point: finer is noise from the font metrics */
            c->bbox[i] = round(c->bbox[i] * 10) / 10;
    }
}

/* The drafts that were kept become the claims. */
void finish_claims(struct keyfig_article *a, const struct lexicon *lx)
{
    struct finisher f;
    finisher_init(&f, a, lx, &a->strings, 0);
    a->claims = xcalloc(a->ndrafts ? a->ndrafts : 1, sizeof *a->claims);
    for (size_t i = 0; i < a->ndrafts; i++)
        if (!a->drafts[i].dropped)
            finish_claim(a, &f, &a->drafts[i], &a->claims[a->nclaims++]);
    free(a->drafts);
    a->drafts = NULL;
    a->ndrafts = a->capdrafts = 0;
    finisher_free(&f);
}

