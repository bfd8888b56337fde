/* extract: the library's entry points. Loads the pattern set; runs one article through
 * decode -> normalise -> claims_find, then turns the drafts into claims whose offsets and
 * strings refer to the original input (code points counted as a text reader sees them:
 * BOM dropped, CRLF as one line break). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "chars.h"
#include "cnnum.h"
#include "lexicon.h"
#include "patset.h"
#include "reader.h"
#include "stagetime.h"
#include "rules.h"
#include "subject.h"
#include "util.h"

struct keyfig_patterns *patterns_load(const char *dir, const struct kf_warner *lint, int normalizer,
                                      struct keyfig_error *err)
{
    struct keyfig_patterns *p = xcalloc(1, sizeof *p);
    size_t len;
    const char *path, *text;
    if (!(p->ps = patset_open(dir, err)) || !(p->lx = lexicon_load(p->ps, err)) ||
        !(p->rules = rules_load(p->ps, p->lx, lint, err)) ||
        !(text = patset_get(p->ps, "numerals.tsv", &len, &path, err)) ||
        !(p->num = cnnum_table_load(text, len, path, err)) || !(p->html = html_rules_load(p->ps, err)) ||
        (normalizer && !(p->nz = normalizer_new(err)))) {
        keyfig_patterns_free(p);
        return NULL;
    }
    return p;
}

struct keyfig_patterns *keyfig_patterns_load(const char *dir, struct keyfig_error *err)
{
    struct kf_guard g;
    if (setjmp(g.jb))
        return kf_nomem(err, dir), NULL;
    kf_guard_push(&g);
    struct keyfig_patterns *p = patterns_load(dir, NULL, 1, err);
    kf_guard_pop(&g);
    return p;
}

int article_check_size(uint64_t len, const char *source, struct keyfig_error *err)
{
    if (len <= UINT32_MAX)
        return 0;
    return kf_error(err, KEYFIG_STATUS_INPUT, source, 0,
                    "article of %llu bytes is too large (keyfig reads articles under 4 GiB; split it)",
                    (unsigned long long)len);
}

void keyfig_patterns_free(struct keyfig_patterns *p)
{
    if (!p)
        return;
    normalizer_free(p->nz);
    html_rules_free(p->html);
    cnnum_table_free(p->num);
    rules_free(p->rules);
    lexicon_free(p->lx);
    patset_free(p->ps);
    free(p);
}

/* ---- strings from the original ---- */

/* The original characters behind normalised bytes [ns, ne): traditional and full-width forms
 * as written, without the line breaks, spaces and annotations normalising dropped. for_subject:
 * also without quotes and parentheticals (「X」預算 -> X預算, 细颗粒物(PM2.5)浓度 -> 细颗粒物浓度). */
static void orig_chars_filtered(const struct text *t, size_t ns, size_t ne, int for_subject, struct buf *out)
{
    struct buf b = *out;
    b.len = 0;
    size_t last = (size_t)-1, hint = 0;
    size_t ps = 0, pe = 0; /* original bytes waiting to be copied: consecutive characters go at once */
    for (size_t i = ns; i < ne && i < t->norm_len; i = chars_next(t->norm, t->norm_len, i)) {
        size_t o = text_orig_at_hint(t, i, &hint);
        if (o == last) /* one original character written as two (㎡ -> m2) */
            continue;
        last = o;
        uint32_t cp;
        int l = utf8_decode((const unsigned char *)t->orig + o, t->orig_len - o, &cp);
        if (!l)
            continue;
        if (for_subject && (cp == 0x201C || cp == 0x201D || cp == 0x300C || cp == 0x300D || cp == '"'))
            continue;
        if (for_subject && t->norm[i] == '(') { /* 细颗粒物(PM2.5)年均浓度 -> 细颗粒物年均浓度 */
            const char *close = memchr(t->norm + i, ')', ne - i);
            if (close && close + 1 < t->norm + ne) {
                i = (size_t)(close - t->norm);
                continue;
            }
        }
        int as_now = t->norm[i] == '\n' || t->norm[i] == ' '; /* a kept break or space: write it as it is now */
        if (as_now || o != pe) {
            buf_add(&b, t->orig + ps, pe - ps);
            ps = pe = o;
        }
        if (as_now) {
            buf_addc(&b, t->norm[i]);
            ps = pe = o + (size_t)l;
        } else {
            pe += (size_t)l;
        }
    }
    buf_add(&b, t->orig + ps, pe - ps);
    b.data[b.len] = '\0';
    *out = b;
}

/* The same, as a string of the article's (scratch: a buffer reused from call to call). */
static const char *orig_string(const struct keyfig_article *a, struct arena *strings, struct buf *scratch, size_t ns,
                               size_t ne, int for_subject)
{
    orig_chars_filtered(&a->txt, ns, ne, for_subject, scratch);
    return arena_strndup(strings, scratch->data, scratch->len);
}

/* ---- code point offsets ---- */

#define CP_STEP 256

/* Code point counts at every CP_STEP bytes, so any offset is converted by scanning at most
 * CP_STEP bytes, whatever order the look-ups come in. 256, not 4096: four look-ups per claim
 * scanning 2 KB each were a tenth of the run time (results/bench.md). */
struct cp_index {
    const char *s;
    size_t n;
    size_t *at;
    size_t last_byte, last_cp; /* the last look-up: the next is often a little further on */
};

static size_t count_cps(const char *s, size_t a, size_t b)
{
    size_t c = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char u = (unsigned char)s[i];
        if ((u & 0xC0) == 0x80)
            continue;
        if (u == '\r' && i + 1 < b + 1 && s[i + 1] == '\n') /* CRLF reads as one line break */
            continue;
        c++;
    }
    return c;
}

static void cp_index_init(struct cp_index *x, const char *s, size_t n)
{
    x->s = s;
    x->n = n;
    x->at = xmalloc((n / CP_STEP + 2) * sizeof *x->at);
    x->at[0] = 0;
    x->last_byte = x->last_cp = 0;
    for (size_t k = 1; k <= n / CP_STEP; k++)
        x->at[k] = x->at[k - 1] + count_cps(s, (k - 1) * CP_STEP, k * CP_STEP);
}

static size_t cp_of(struct cp_index *x, size_t byte)
{
    size_t k = byte / CP_STEP;
    if (byte >= x->last_byte && byte - x->last_byte < byte - k * CP_STEP)
        x->last_cp += count_cps(x->s, x->last_byte, byte);
    else
        x->last_cp = x->at[k] + count_cps(x->s, k * CP_STEP, byte);
    x->last_byte = byte;
    return x->last_cp;
}

/* ---- sentences, items, title, date ---- */

/* A sentence longer than this many characters is cut to this many around the claim (CLAIMS.md),
 * so that output stays linear in the input: a text without sentence ends (a table, 100 MB on
 * one line) must not copy a long stretch of itself into every claim. */
#define SENTENCE_MAX_CHARS 300

/* Step back from i over up to max characters, stopping after a sentence end (chars.c's 。！？;
 * or line break); *k receives the characters stepped over. */
static size_t back_to_sentence_start(const char *s, size_t n, size_t i, size_t max, size_t *k)
{
    for (*k = 0; i > 0 && *k < max; ++*k) {
        size_t p = chars_prev(s, i);
        int l;
        if (chars_is_sentence_delim(chars_cp_at(s, n, p, &l)))
            break;
        i = p;
    }
    return i;
}

/* Step forward from i over up to max characters, through the next sentence end (a line break
 * stays outside); *k receives the characters stepped over. */
static size_t on_to_sentence_end(const char *s, size_t n, size_t i, size_t max, size_t *k)
{
    for (*k = 0; i < n && *k < max;) {
        int l;
        uint32_t c = chars_cp_at(s, n, i, &l);
        if (chars_is_sentence_delim(c) && c == '\n')
            break;
        i += (size_t)l;
        ++*k;
        if (chars_is_sentence_delim(c))
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
static int sentence_bounds(const struct text *t, size_t cs, size_t ce, size_t num, size_t *ss, size_t *se)
{
    const char *s = t->norm;
    size_t n = t->norm_len, kb, ka;
    size_t a = back_to_sentence_start(s, n, num, SENTENCE_MAX_CHARS, &kb);
    size_t b = on_to_sentence_end(s, n, num, SENTENCE_MAX_CHARS, &ka);
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

/* Item of a normalised offset: every 本报讯 or dateline after the first begins a new item; the
 * first does too when a long text (not just a title) stands before it. item_starts is sorted:
 * a binary search, so that an article of many items costs no more per claim. */
static int item_of(const struct keyfig_article *a, size_t at)
{
    size_t lo = 0, hi = a->nitems; /* the number of item starts <= at */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->item_starts[mid] <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 1 + (int)lo - (a->nitems && a->item_starts[0] < 600 && lo > 0);
}

/* The article's title: its first line when that line is short and not a sentence. */
static char *find_title(const struct keyfig_patterns *p, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        struct text t;
        text_normalize(p->nz, s + i, e - i, &t);
        size_t chars = utf8_count(t.norm, t.norm_len);
        int sentence = t.norm_len >= 3 && !memcmp(t.norm + t.norm_len - 3, "。", 3);
        char *title = NULL;
        if (chars > 4 && chars <= 80 && !sentence && strncmp(t.norm, "本报讯", strlen("本报讯"))) {
            struct buf b = {0};
            orig_chars_filtered(&t, 0, t.norm_len, 0, &b);
            title = b.data;
        }
        text_free(&t);
        if (title || chars > 4)
            return title ? title : xstrdup("");
        i = e + 1;
    }
    return xstrdup("");
}

static int read_int(const char *s, size_t n, size_t *i, int maxdigits)
{
    int v = 0, d = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9' && d < maxdigits) {
        v = v * 10 + (s[*i] - '0');
        (*i)++, d++;
    }
    return d ? v : -1;
}

#define OPENING_LINES 3      /* a date is read from the title, the dateline and the first lines */
#define OPENING_BYTES 600    /* ... and no further than this */

/* The end of the opening: OPENING_LINES lines or OPENING_BYTES, whichever comes first. */
static size_t opening_end(const char *s, size_t n)
{
    size_t e = n < OPENING_BYTES ? n : OPENING_BYTES;
    int lines = 0;
    for (size_t i = 0; i < e; i++)
        if (s[i] == '\n' && ++lines == OPENING_LINES)
            return i;
    while (e > 0 && e < n && ((unsigned char)s[e] & 0xC0) == 0x80)
        e--;
    return e;
}

/* A dateline's month and day at the start of a line of the opening (4月18日,杭州市…), dated by
 * the first year the opening names (…召开2023年全市卫生健康工作会议): 2023-04-18. A month and
 * day inside a sentence (海关总署今天（5月9日）公布) is no dateline: "" then, as when either is
 * missing. */
static char *month_day_of_year(const char *s, size_t n)
{
    int y = 0, mo = 0, dd = 0;
    for (size_t i = 0; i + 4 <= n && !(y && mo); i++) {
        if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
            continue;
        size_t j = i;
        int v = read_int(s, n, &j, 4);
        if (v < 0)
            continue;
        if (!y && j - i == 4 && v >= 1900 && v < 2100 && j + 3 <= n && !memcmp(s + j, "年", 3)) {
            y = v;
        } else if (!mo && (i == 0 || s[i - 1] == '\n') && j - i <= 2 && v >= 1 && v <= 12 && j + 3 <= n &&
                   !memcmp(s + j, "月", 3)) {
            size_t k = j + 3;
            int d = read_int(s, n, &k, 2);
            if (d >= 1 && d <= 31 && k + 3 <= n && (!memcmp(s + k, "日", 3) || !memcmp(s + k, "号", 3)))
                mo = v, dd = d;
        }
        i = j > i ? j - 1 : i;
    }
    if (!y || !mo)
        return xstrdup("");
    char out[48];
    snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, dd);
    return xstrdup(out);
}

/* The article's date, from its opening only (a date further on is an event's, not the
 * article's): the first full date there (2020-05-16, 2020年5月16日), else a dateline's month
 * and day with the opening's year; else "". */
static char *find_date(const struct text *t)
{
    const char *s = t->norm;
    size_t n = opening_end(s, t->norm_len);
    for (size_t i = 0; i + 8 <= n; i++) {
        if (!(s[i] == '1' || s[i] == '2') || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'))
            continue;
        size_t j = i;
        int y = read_int(s, n, &j, 4);
        if (y < 1900 || j - i != 4)
            continue;
        int cn = j + 3 <= n && !memcmp(s + j, "年", 3);
        if (cn)
            j += 3;
        else if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.'))
            j++;
        else
            continue;
        int mo = read_int(s, n, &j, 2);
        if (mo < 1 || mo > 12)
            continue;
        if (cn && j + 3 <= n && !memcmp(s + j, "月", 3))
            j += 3;
        else if (!cn && j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.'))
            j++;
        else
            continue;
        int dd = read_int(s, n, &j, 2);
        if (dd < 1 || dd > 31)
            continue;
        char out[48];
        snprintf(out, sizeof out, "%04d-%02d-%02d", y, mo, dd);
        return xstrdup(out);
    }
    return month_day_of_year(s, n);
}

/* ---- drafts -> claims ---- */

static struct keyfig_span span_of(const struct keyfig_article *a, struct cp_index *x, size_t ns, size_t ne)
{
    struct keyfig_span sp;
    const struct text *t = &a->txt;
    sp.byte_start = text_orig_at(t, ns);
    sp.byte_end = text_orig_end(t, ne);
    if (sp.byte_end < sp.byte_start)
        sp.byte_end = sp.byte_start;
    sp.start = cp_of(x, sp.byte_start);
    sp.end = cp_of(x, sp.byte_end);
    if (a->dec.src_off) { /* GB18030, Big5, HTML: bytes of the file, not of its conversion */
        size_t s = sp.byte_start, e = sp.byte_end;
        sp.byte_start = a->dec.src_off[s];
        /* HTML: the end of the last character's source (its entity, not the tag after it) */
        sp.byte_end = a->dec.src_end && e > s ? a->dec.src_end[e - 1] : a->dec.src_off[e];
    }
    sp.byte_start += a->dec.bom;
    sp.byte_end += a->dec.bom;
    return sp;
}

/* Turning drafts into claims, one at a time: offsets into the original and strings taken from
 * it. Claims of one sentence share its span and string (a dense report has several a sentence).
 * transient: the strings live only until the next sentence (the arena is emptied there), for
 * claims that are written out and forgotten one by one. */
struct finisher {
    struct cp_index x;
    struct buf scratch;
    struct arena *strings;
    int transient;
    size_t last_ss, last_se;
    int last_whole;             /* the last sentence was not cut to SENTENCE_MAX_CHARS */
    const char *last_sentence;
    struct keyfig_span last_span;
};

static void finisher_init(struct finisher *f, const struct keyfig_article *a, struct arena *strings, int transient)
{
    memset(f, 0, sizeof *f);
    cp_index_init(&f->x, a->dec.text, a->dec.len);
    f->strings = strings;
    f->transient = transient;
    f->last_ss = (size_t)-1;
}

static void finisher_free(struct finisher *f)
{
    buf_free(&f->scratch);
    free(f->x.at);
}

static void finish_claim(struct keyfig_article *a, struct finisher *f, const struct draft *d, struct keyfig_claim *c)
{
    *c = (struct keyfig_claim){.is_claim = d->is_claim, .reason = d->reason, .value = d->value,
                               .has_range = d->has_range, .low = d->low, .high = d->high, .kind = d->kind,
                               .approx = d->approx, .direction = d->direction, .basis = d->basis,
                               .has_from = d->has_from, .from = d->from, .rule = d->rule, .id = d->id};
    c->span = span_of(a, &f->x, d->start, d->end);
    size_t ss = f->last_ss, se = f->last_se;
    /* A number inside the last sentence has the same one, when that one was whole. */
    if (!(f->last_whole && d->num_s >= ss && d->num_s < se))
        f->last_whole = sentence_bounds(&a->txt, d->start, d->end, d->num_s, &ss, &se);
    if (ss != f->last_ss || se != f->last_se) {
        if (f->transient)
            arena_free(f->strings);
        f->last_ss = ss, f->last_se = se;
        f->last_span = span_of(a, &f->x, ss, se);
        f->last_sentence = orig_string(a, f->strings, &f->scratch, ss, se, 0);
    }
    c->sentence_span = f->last_span;
    c->value_text = orig_string(a, f->strings, &f->scratch, d->num_s, d->num_e, 0);
    c->unit = d->unit_text ? d->unit_text : orig_string(a, f->strings, &f->scratch, d->unit_s, d->unit_e, 0);
    c->subject = orig_string(a, f->strings, &f->scratch, d->subj_s, d->subj_e, 1); /* 「X」預算 -> X預算 */
    c->subject_rule = *c->subject ? subject_rule_name((enum subject_rule)d->subj_rule) : NULL;
    c->text = orig_string(a, f->strings, &f->scratch, d->start, d->end, 0);
    c->sentence = f->last_sentence;
    c->item = item_of(a, d->num_s);
    if (a->places) { /* PDF: spans count bytes of the extracted text, which places describe */
        pdf_box(a->places, c->span.byte_start, c->span.byte_end, &c->page, c->bbox);
        for (int i = 0; i < 4; i++) /* a tenth of a point: finer is noise from the font metrics */
            c->bbox[i] = round(c->bbox[i] * 10) / 10;
    }
}

/* The drafts that were kept become the claims. */
static void finish_claims(struct keyfig_article *a)
{
    struct finisher f;
    finisher_init(&f, a, &a->strings, 0);
    a->claims = xcalloc(a->ndrafts ? a->ndrafts : 1, sizeof *a->claims);
    for (size_t i = 0; i < a->ndrafts; i++)
        if (!a->drafts[i].dropped)
            finish_claim(a, &f, &a->drafts[i], &a->claims[a->nclaims++]);
    free(a->drafts);
    a->drafts = NULL;
    a->ndrafts = a->capdrafts = 0;
    finisher_free(&f);
}

/* An HTML page or a PDF through its reader: the text it extracts becomes the article's, with the
 * map back to the file and the metadata the document declares. */
static int read_document(const struct keyfig_patterns *p, struct keyfig_article *a, enum keyfig_format f,
                         const char *buf, size_t len, const struct keyfig_options *opts, struct keyfig_error *err)
{
    struct extracted x;
    if (f == KEYFIG_FORMAT_HTML ? html_read(p->html, buf, len, a->source, opts->encoding, opts->lenient, &x, err)
                                : pdf_read(buf, len, a->source, &x, err))
        return -1;
    a->dec.text = x.text, a->dec.len = x.len, a->dec.encoding = "UTF-8";
    a->dec.src_off = x.src_start, a->dec.src_end = x.src_end;
    a->places = x.places;
    a->title = x.title, a->date = x.date, a->url = x.url;
    return 0;
}

/* A field the caller gives replaces what the document said. */
static void take_meta(char **field, const char *given)
{
    if (!given)
        return;
    free(*field);
    *field = xstrdup(given);
}

/* Everything but finishing the claims (emit: see claims_find); reuse: see decode_input. */
static struct keyfig_article *prepare(const struct keyfig_patterns *p, const char *id, const char *source,
                                      const char *buf, size_t len, char **reuse, const struct keyfig_options *opts,
                                      draft_fn emit, void *ctx, struct keyfig_error *err)
{
    static const struct keyfig_options defaults;
    if (!opts)
        opts = &defaults;
    if (article_check_size(len, source, err) != 0)
        return NULL;
    struct keyfig_article *a = xcalloc(1, sizeof *a);
    a->id = xstrdup(id ? id : "");
    a->source = xstrdup(source ? source : "");
    enum keyfig_format f = reader_detect(opts->format, a->source, buf, len);
    static const char *const format_names[] = {"text", "text", "html", "pdf", "jsonl"};
    a->format = format_names[f];
    int rc = f == KEYFIG_FORMAT_HTML || f == KEYFIG_FORMAT_PDF
                 ? read_document(p, a, f, buf, len, opts, err)
                 : decode_input(buf, len, a->source, opts->encoding, opts->lenient, reuse, &a->dec, err);
    if (rc != 0 || article_check_size(a->dec.len, a->source, err) != 0) {
        keyfig_article_free(a);
        return NULL;
    }
    text_normalize(p->nz, a->dec.text, a->dec.len, &a->txt);
    /* the map's offsets wrapped if normalising made the text longer than 4 GiB: nothing read them yet */
    if (article_check_size(a->txt.norm_len, a->source, err) != 0) {
        keyfig_article_free(a);
        return NULL;
    }
    /* What the caller knows (a record's fields) first, then what the document declares, then
     * what the text says; before the claims, as a streaming writer writes the header first. */
    take_meta(&a->title, opts->title);
    take_meta(&a->date, opts->date);
    take_meta(&a->url, opts->url);
    if (!a->title)
        a->title = find_title(p, a->dec.text, a->dec.len);
    if (!a->date)
        a->date = find_date(&a->txt);
    if (!a->url)
        a->url = xstrdup("");
    const struct kf_warner warn = {opts->warn, opts->warn_data, *a->source ? a->source : a->id};
    struct matcher *m = matcher_new(p->rules, &warn);
    STAGE(STAGE_ASSEMBLE, claims_find(p, m, a, opts->all, emit, ctx));
    matcher_free(m);
    return a;
}

struct keyfig_article *keyfig_extract(const struct keyfig_patterns *p, const char *id, const char *source,
                                      const char *buf, size_t len, const struct keyfig_options *opts,
                                      struct keyfig_error *err)
{
    struct kf_guard g;
    if (setjmp(g.jb))
        return kf_nomem(err, source), NULL;
    kf_guard_push(&g);
    struct keyfig_article *a = prepare(p, id, source, buf, len, NULL, opts, NULL, NULL, err);
    if (a)
        finish_claims(a);
    kf_guard_pop(&g);
    return a;
}

/* prepare() for a buffer the caller gives away: kept as the article's text, or freed. */
static struct keyfig_article *prepare_taken(const struct keyfig_patterns *p, const char *id, const char *source,
                                            char *buf, size_t len, const struct keyfig_options *opts,
                                            draft_fn emit, void *ctx, struct keyfig_error *err)
{
    char *block = buf;
    struct keyfig_article *a = prepare(p, id, source, buf, len, &block, opts, emit, ctx, err);
    free(block); /* NULL when the article kept it */
    return a;
}

struct keyfig_article *keyfig_extract_take(const struct keyfig_patterns *p, const char *id, const char *source,
                                           char *buf, size_t len, const struct keyfig_options *opts,
                                           struct keyfig_error *err)
{
    struct kf_guard g;
    if (setjmp(g.jb))
        return kf_nomem(err, source), NULL;
    kf_guard_push(&g);
    struct keyfig_article *a = prepare_taken(p, id, source, buf, len, opts, NULL, NULL, err);
    if (a)
        finish_claims(a);
    kf_guard_pop(&g);
    return a;
}

/* Claims written as the scan lets go of their drafts: finished one at a time (their strings
 * live until the next sentence's) and written at once. */
struct claim_stream {
    int started;
    struct finisher f;
    struct json_writer w;
    struct keyfig_claim c;
    int compact;
    keyfig_write_fn write;
    void *data;
};

static void stream_start(struct claim_stream *cs, struct keyfig_article *a)
{
    if (cs->started)
        return;
    cs->started = 1;
    finisher_init(&cs->f, a, &a->strings, 1);
    json_writer_init(&cs->w, a, cs->compact, cs->write, cs->data);
}

static void stream_claim(void *ctx, struct keyfig_article *a, const struct draft *d)
{
    struct claim_stream *cs = ctx;
    stream_start(cs, a);
    if (cs->w.failed)
        return;
    STAGE(STAGE_FINISH, finish_claim(a, &cs->f, d, &cs->c));
    STAGE(STAGE_WRITE, json_writer_claim(&cs->w, &cs->c));
}

int keyfig_extract_write(const struct keyfig_patterns *p, const char *id, const char *source, char *buf, size_t len,
                         const struct keyfig_options *opts, int compact, keyfig_write_fn write, void *data,
                         struct keyfig_error *err)
{
    struct kf_guard g;
    if (setjmp(g.jb))
        return kf_nomem(err, source);
    kf_guard_push(&g);
    struct claim_stream cs = {.compact = compact, .write = write, .data = data};
    struct keyfig_article *a = prepare_taken(p, id, source, buf, len, opts, stream_claim, &cs, err);
    if (!a) {
        kf_guard_pop(&g);
        return err && err->code ? err->code : KEYFIG_STATUS_INPUT;
    }
    stream_start(&cs, a);
    int rc;
    STAGE(STAGE_WRITE, rc = json_status(json_writer_end(&cs.w)));
    if (rc == KEYFIG_STATUS_NOMEM)
        kf_error(err, rc, a->source, 0, "cannot encode the claims as JSON (out of memory?); the output is incomplete");
    finisher_free(&cs.f);
    keyfig_article_free(a);
    kf_guard_pop(&g);
    return rc;
}

void keyfig_article_free(struct keyfig_article *a)
{
    if (!a)
        return;
    arena_free(&a->strings);
    free(a->drafts);
    free(a->claims);
    free(a->item_starts);
    text_free(&a->txt);
    free(a->dec.text);
    free(a->dec.src_off);
    free(a->dec.src_end);
    free(a->places);
    free(a->url);
    free(a->id);
    free(a->source);
    free(a->title);
    free(a->date);
    free(a);
}

size_t keyfig_article_nclaims(const struct keyfig_article *a)
{
    return a->nclaims;
}

const struct keyfig_claim *keyfig_article_claim(const struct keyfig_article *a, size_t i)
{
    return i < a->nclaims ? &a->claims[i] : NULL;
}

const char *keyfig_article_id(const struct keyfig_article *a)
{
    return a->id;
}

const char *keyfig_article_source(const struct keyfig_article *a)
{
    return a->source;
}

const char *keyfig_article_text(const struct keyfig_article *a, size_t *len)
{
    if (len)
        *len = a->dec.len;
    return a->dec.text;
}

const char *keyfig_article_title(const struct keyfig_article *a)
{
    return a->title;
}

const char *keyfig_article_date(const struct keyfig_article *a)
{
    return a->date;
}

int keyfig_article_items(const struct keyfig_article *a)
{
    return item_of(a, a->txt.norm_len);
}

const char *keyfig_article_url(const struct keyfig_article *a)
{
    return a->url;
}

const char *keyfig_article_format(const struct keyfig_article *a)
{
    return a->format;
}

const char *keyfig_kind_name(enum keyfig_kind k)
{
    static const char *const names[KEYFIG_NKINDS] = {"count",    "money",   "length", "area", "mass",        "volume",
                                                     "duration", "percent", "ratio",  "rate", "temperature", "other"};
    return (unsigned)k < KEYFIG_NKINDS ? names[k] : "other";
}

const char *keyfig_approx_name(enum keyfig_approx x)
{
    static const char *const names[] = {NULL, "over", "at_least", "under", "at_most", "about"};
    return (unsigned)x <= KEYFIG_APPROX_ABOUT ? names[x] : NULL;
}

const char *keyfig_direction_name(enum keyfig_direction d)
{
    return d == KEYFIG_DIRECTION_INCREASE ? "increase" : d == KEYFIG_DIRECTION_DECREASE ? "decrease" : NULL;
}
