/* keyfig: find the key figures (statistics with value, unit, subject, qualifiers) that a
 * Chinese news article asserts. This header is the whole public interface of libkeyfig.
 *
 * Typical use:
 *     struct keyfig_error err = {0};
 *     struct keyfig_patterns *p = keyfig_patterns_load(NULL, &err);   // built-in set
 *     struct keyfig_article *a = keyfig_extract(p, "id", "source.txt", buf, len, NULL, &err);
 *     for (size_t i = 0; i < keyfig_article_nclaims(a); i++) use(keyfig_article_claim(a, i));
 *     keyfig_article_free(a); keyfig_patterns_free(p);
 *
 * A loaded pattern set is read-only: any number of threads may call keyfig_extract with it. */
#ifndef KEYFIG_H
#define KEYFIG_H

#include <stddef.h>

#define KEYFIG_VERSION "0.1.0"

/* Exit codes of the command-line tool, also used as error codes. */
enum keyfig_status { KEYFIG_OK = 0, KEYFIG_ERR_RUNTIME = 1, KEYFIG_ERR_USAGE = 2, KEYFIG_ERR_PATTERN = 3 };

/* The first error recorded is kept (as in Jansson's json_error_t). */
struct keyfig_error {
    int code;          /* enum keyfig_status; 0 when no error was recorded */
    char file[256];    /* the file the error is about, or "" */
    size_t line;       /* 1-based line in file, or 0 */
    char text[512];    /* what is wrong and what was expected */
};

enum keyfig_kind {
    KEYFIG_COUNT, KEYFIG_MONEY, KEYFIG_LENGTH, KEYFIG_AREA, KEYFIG_MASS, KEYFIG_VOLUME,
    KEYFIG_DURATION, KEYFIG_PERCENT, KEYFIG_RATIO, KEYFIG_RATE, KEYFIG_TEMPERATURE, KEYFIG_OTHER,
    KEYFIG_NKINDS
};
enum keyfig_approx { KEYFIG_EXACT, KEYFIG_OVER, KEYFIG_AT_LEAST, KEYFIG_UNDER, KEYFIG_AT_MOST, KEYFIG_ABOUT };
enum keyfig_direction { KEYFIG_NO_CHANGE, KEYFIG_INCREASE, KEYFIG_DECREASE };
enum keyfig_basis { KEYFIG_BASIS_NONE, KEYFIG_YOY, KEYFIG_MOM }; /* 同比, 环比 */

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
};

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
};

struct keyfig_patterns;
struct keyfig_article;

/* Load and compile a pattern set from dir, or the built-in set when dir is NULL.
 * Returns a set the caller owns (free with keyfig_patterns_free), or NULL with err filled
 * (code KEYFIG_ERR_PATTERN, file and line of the bad record). */
struct keyfig_patterns *keyfig_patterns_load(const char *dir, struct keyfig_error *err);
void keyfig_patterns_free(struct keyfig_patterns *p);

/* Extract the claims of one article held in buf[0..len) (any supported encoding and format).
 * For HTML the claims' text, code point spans and keyfig_article_text are those of the extracted
 * article text, while byte spans count bytes of the HTML file; for PDF both spans count the
 * extracted text, and page and bbox place the claim on the page.
 * id and source are copied. Returns an article the caller owns, or NULL with err filled
 * (code KEYFIG_ERR_RUNTIME: bad encoding, with the byte offset). opts may be NULL. */
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
const char *keyfig_approx_name(enum keyfig_approx a);   /* NULL for KEYFIG_EXACT */
const char *keyfig_direction_name(enum keyfig_direction d); /* NULL for none */

/* The article as the JSON document CLAIMS.md defines, newly allocated (caller frees); NULL
 * when memory ran out. compact: one line (JSON Lines); otherwise indented by 2. */
char *keyfig_article_json(const struct keyfig_article *a, int compact);

/* The same document, handed to write(bytes, len, data) in pieces as it is made, so that an
 * article with many claims is never held whole in memory. Returns 0; -1 as soon as write
 * returns non-zero; -2 when memory ran out. (The shape of Jansson's json_dump_callback_t.) */
typedef int (*keyfig_write_fn)(const char *bytes, size_t len, void *data);
int keyfig_article_write(const struct keyfig_article *a, int compact, keyfig_write_fn write, void *data);

/* Extract and write in one go, for the biggest articles: each claim is finished, written and
 * forgotten in turn, so memory holds the article's text but not every claim's strings.
 * buf is taken as by keyfig_extract_take. Returns 0; -1 for an article that cannot be read (err
 * filled, nothing written); -2 when the document is incomplete: write failed (err left empty),
 * or memory ran out (err filled). */
int keyfig_extract_write(const struct keyfig_patterns *p, const char *id, const char *source, char *buf, size_t len,
                         const struct keyfig_options *opts, int compact, keyfig_write_fn write, void *data,
                         struct keyfig_error *err);

#endif
