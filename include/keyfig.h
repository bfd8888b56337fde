/* keyfig: find the key figures (statistics with value, unit, subject, qualifiers) that a
 * Chinese news article asserts. This header is the whole public interface of libkeyfig; the
 * library exports no other symbol, never exits and never prints.
 *
 * Typical use (cc prog.c $(pkg-config --cflags --libs keyfig)):
 *     struct keyfig_error err = {0};
 *     struct keyfig_patterns *p = keyfig_patterns_load(NULL, &err);   // built-in set
 *     struct keyfig_article *a = keyfig_extract(p, "id", "source.txt", buf, len, NULL, &err);
 *     for (size_t i = 0; i < keyfig_article_nclaims(a); i++) use(keyfig_article_claim(a, i));
 *     keyfig_article_free(a); keyfig_patterns_free(p);
 *
 * Rules for every function below, stated once:
 *   - Pointer arguments must not be NULL, except: err may be NULL (the error is then not
 *     reported), opts may be NULL (the defaults), and every *_free accepts NULL.
 *   - Functions that can fail return NULL (those returning a pointer) or an enum keyfig_status
 *     (the write functions: KEYFIG_STATUS_OK is 0), and fill err where they take one.
 *   - Out of memory is an error like any other (KEYFIG_STATUS_NOMEM): see keyfig_set_nomem_handler.
 *   - A loaded pattern set is read-only: any number of threads may call keyfig_extract with it.
 *   - Articles must be under 4 GiB (offsets are kept in 32 bits); bigger ones are refused. */
#ifndef KEYFIG_H
#define KEYFIG_H

#include <stddef.h>

#define KEYFIG_VERSION "0.1.0"
#define KEYFIG_VERSION_MAJOR 0
#define KEYFIG_VERSION_MINOR 1
#define KEYFIG_VERSION_MICRO 0
/* One number to compare in #if, as Jansson's JANSSON_VERSION_HEX: 0x000100 is 0.1.0. */
#define KEYFIG_VERSION_HEX ((KEYFIG_VERSION_MAJOR << 16) | (KEYFIG_VERSION_MINOR << 8) | KEYFIG_VERSION_MICRO)

/* What went wrong, in struct keyfig_error.code and the int results. These are not exit codes:
 * the keyfig program maps them to its own (1 runtime, 2 usage, 3 patterns). */
enum keyfig_status {
    KEYFIG_STATUS_OK = 0,
    KEYFIG_STATUS_IO = 100,      /* a file could not be read (or written) */
    KEYFIG_STATUS_INPUT,         /* an article that cannot be read: bad encoding, empty, too large */
    KEYFIG_STATUS_PATTERN,       /* invalid pattern data (file and line given) */
    KEYFIG_STATUS_NOMEM,         /* memory ran out */
    KEYFIG_STATUS_WRITE          /* the caller's write function returned non-zero (err not filled) */
};

/* The first error recorded is kept (as in Jansson's json_error_t). */
struct keyfig_error {
    int code;          /* enum keyfig_status; KEYFIG_STATUS_OK when no error was recorded */
    char file[256];    /* the file the error is about, or "" */
    size_t line;       /* 1-based line in file, or 0 */
    char text[512];    /* what is wrong and what was expected */
};

/* Each enum's constants carry its name: KEYFIG_KIND_, KEYFIG_APPROX_, KEYFIG_DIRECTION_, KEYFIG_BASIS_. */
enum keyfig_kind {
    KEYFIG_KIND_COUNT, KEYFIG_KIND_MONEY, KEYFIG_KIND_LENGTH, KEYFIG_KIND_AREA, KEYFIG_KIND_MASS,
    KEYFIG_KIND_VOLUME, KEYFIG_KIND_DURATION, KEYFIG_KIND_PERCENT, KEYFIG_KIND_RATIO, KEYFIG_KIND_RATE,
    KEYFIG_KIND_TEMPERATURE, KEYFIG_KIND_OTHER,
    KEYFIG_NKINDS
};
enum keyfig_approx {
    KEYFIG_APPROX_EXACT, KEYFIG_APPROX_OVER, KEYFIG_APPROX_AT_LEAST, KEYFIG_APPROX_UNDER, KEYFIG_APPROX_AT_MOST,
    KEYFIG_APPROX_ABOUT
};
enum keyfig_direction { KEYFIG_DIRECTION_NONE, KEYFIG_DIRECTION_INCREASE, KEYFIG_DIRECTION_DECREASE };
enum keyfig_basis { KEYFIG_BASIS_NONE, KEYFIG_BASIS_YOY, KEYFIG_BASIS_MOM }; /* 同比, 环比 */

/* A half-open range [start, end) of the original input, in bytes and in code points. */
struct keyfig_span {
    size_t byte_start, byte_end;
    size_t start, end;
};

/* One figure. The strings belong to the article; they are taken from the original input with
 * line breaks, zero-width characters and spaces inside numbers removed (traditional characters
 * stay as written). */
struct keyfig_claim {
    int id;                       /* 1-based place of its number among all the numbers found in the
                                     article (claims and set-aside alike): the same with or without
                                     keyfig_options.all, so ids have gaps where numbers were set aside */
    int is_claim;                 /* 0 for a number set aside (only with keyfig_options.all) */
    const char *reason;           /* why it was set aside (date, slogan, ...), else NULL */
    double value;
    int has_range;
    double low, high;
    enum keyfig_kind kind;
    enum keyfig_approx approx;
    enum keyfig_direction direction;
    enum keyfig_basis basis;
    int has_from;
    double from;
    struct keyfig_span span;      /* the claim's text in the original input */
    struct keyfig_span sentence_span;
    const char *value_text;       /* the number as written: "32.3万" */
    const char *unit;             /* "" when the article gives none */
    const char *subject;          /* "" when none was found */
    const char *text;             /* the text of span */
    const char *sentence;         /* the sentence around it */
    int item;                     /* 1-based news item within the file */
    const char *rule;             /* id of the rule that produced it */
    const char *subject_rule;     /* how the subject was found ("after_classifier", "before_number",
                                     "carried", "list", "from_to", ...), NULL with no subject */
    int page;                     /* PDF input: 1-based page of the claim's first character; else 0 */
    double bbox[4];               /* PDF input: x, y, width, height of the claim on that page, in PDF
                                   * points from the page's top-left corner; zeros otherwise */
    const char *basis_word;       /* basis as the pattern set names it (change.tsv: 同比, 环比), NULL
                                     for KEYFIG_BASIS_NONE; last, so the fields above keep their place */
};

/* Called for a problem that does not stop the article, e.g. a rule that hit PCRE2's match limit
 * and was skipped there: article is the source given to keyfig_extract (its id when that is ""),
 * rule the rule's id, text what happened. May be called from any thread that extracts. */
typedef void (*keyfig_warn_fn)(const char *article, const char *rule, const char *text, void *data);

/* What the input is. AUTO looks at the source's extension (.html, .htm, .pdf), then at the bytes
 * (%PDF-, an HTML document); everything else is text. JSONL is text that came from a JSON Lines
 * record (read as text, reported as "jsonl"). */
enum keyfig_format { KEYFIG_FORMAT_AUTO, KEYFIG_FORMAT_TEXT, KEYFIG_FORMAT_HTML, KEYFIG_FORMAT_PDF, KEYFIG_FORMAT_JSONL };

struct keyfig_options {
    int all;          /* also report numbers set aside, with is_claim 0 and a reason */
    int lenient;      /* replace invalid UTF-8 with U+FFFD instead of failing */
    const char *encoding; /* input encoding (NULL: detect UTF-8, GB18030, Big5; for HTML, the page's charset) */
    enum keyfig_format format;
    /* Metadata known from outside the input (a JSON Lines record's fields), used instead of what
     * the text says; NULL: find them in the input. Copied. */
    const char *title, *date, *url;
    keyfig_warn_fn warn;  /* NULL: warnings are dropped */
    void *warn_data;      /* passed to warn */
};

struct keyfig_patterns;
struct keyfig_article;

/* Out of memory: the public function that was running returns NULL or KEYFIG_STATUS_NOMEM and
 * fills err ("out of memory (allocating N bytes)"); what that call had allocated stays allocated,
 * and the pattern set and other articles stay valid. handler (NULL: none), when set, is called
 * first with the size asked for, e.g. to log or to exit; set it before any other call, not while
 * extracting. */
void keyfig_set_nomem_handler(void (*handler)(size_t size, void *data), void *data);

/* Load and compile a pattern set from dir, or the built-in set when dir is NULL.
 * Returns a set the caller owns (free with keyfig_patterns_free), or NULL with err filled
 * (code KEYFIG_STATUS_PATTERN, file and line of the bad record). */
struct keyfig_patterns *keyfig_patterns_load(const char *dir, struct keyfig_error *err);
void keyfig_patterns_free(struct keyfig_patterns *p);

/* Extract the claims of one article held in buf[0..len) (any supported encoding and format).
 * For HTML the claims' text, code point spans and keyfig_article_text are those of the extracted
 * article text, while byte spans count bytes of the HTML file; for PDF both spans count the
 * extracted text, and page and bbox place the claim on the page.
 * id and source are copied. Returns an article the caller owns, or NULL with err filled
 * (KEYFIG_STATUS_INPUT: empty, binary, bad encoding with the byte offset, an encoding name
 * iconv does not know, 4 GiB or more). Warnings go to opts->warn. */
struct keyfig_article *keyfig_extract(const struct keyfig_patterns *p, const char *id, const char *source,
                                      const char *buf, size_t len, const struct keyfig_options *opts,
                                      struct keyfig_error *err);
/* The same for a buffer the caller gives away: buf comes from malloc with room for len + 1
 * bytes, and is freed, or kept as the article's text (UTF-8 input is then not copied). */
struct keyfig_article *keyfig_extract_take(const struct keyfig_patterns *p, const char *id, const char *source,
                                           char *buf, size_t len, const struct keyfig_options *opts,
                                           struct keyfig_error *err);
void keyfig_article_free(struct keyfig_article *a);

/* Borrowed views into the article; valid until keyfig_article_free. */
size_t keyfig_article_nclaims(const struct keyfig_article *a);
const struct keyfig_claim *keyfig_article_claim(const struct keyfig_article *a, size_t i);
const char *keyfig_article_id(const struct keyfig_article *a);
const char *keyfig_article_source(const struct keyfig_article *a);
const char *keyfig_article_text(const struct keyfig_article *a, size_t *len); /* original (or extracted), UTF-8 */
const char *keyfig_article_title(const struct keyfig_article *a);  /* "" when unknown */
const char *keyfig_article_date(const struct keyfig_article *a);   /* YYYY-MM-DD or "" */
int keyfig_article_items(const struct keyfig_article *a);
const char *keyfig_article_url(const struct keyfig_article *a);    /* "" when unknown */
const char *keyfig_article_format(const struct keyfig_article *a); /* "text", "html", "pdf" or "jsonl" */

/* Names used in JSON: "count", "money", ...; "over", ...; "increase", ... */
const char *keyfig_kind_name(enum keyfig_kind k);
const char *keyfig_approx_name(enum keyfig_approx a);   /* NULL for KEYFIG_APPROX_EXACT */
const char *keyfig_direction_name(enum keyfig_direction d); /* NULL for KEYFIG_DIRECTION_NONE */

/* The article as the JSON document CLAIMS.md defines, newly allocated (caller frees); NULL
 * when memory ran out. compact: one line (JSON Lines); otherwise indented by 2. */
char *keyfig_article_json(const struct keyfig_article *a, int compact);

/* The same document, handed to write(bytes, len, data) in pieces as it is made, so that an
 * article with many claims is never held whole in memory. Returns KEYFIG_STATUS_OK;
 * KEYFIG_STATUS_WRITE as soon as write returns non-zero; KEYFIG_STATUS_NOMEM when memory ran
 * out. (The shape of Jansson's json_dump_callback_t.) */
typedef int (*keyfig_write_fn)(const char *bytes, size_t len, void *data);
int keyfig_article_write(const struct keyfig_article *a, int compact, keyfig_write_fn write, void *data);

/* Extract and write in one go, for the biggest articles: each claim is finished, written and
 * forgotten in turn as the scan moves on, so memory holds the article's text (about ten times
 * its size at most) but not every claim.
 * buf is taken as by keyfig_extract_take. Returns KEYFIG_STATUS_OK, or as keyfig_extract's err
 * (nothing written), or as keyfig_article_write (the document is incomplete; err filled
 * for KEYFIG_STATUS_NOMEM only). */
int keyfig_extract_write(const struct keyfig_patterns *p, const char *id, const char *source, char *buf, size_t len,
                         const struct keyfig_options *opts, int compact, keyfig_write_fn write, void *data,
                         struct keyfig_error *err);

#endif
