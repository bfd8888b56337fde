/* extract: `keyfig extract [options] PATH...` — articles in, claims JSON out (stdout, JSON
 * Lines, or one file per article written atomically), optionally charted. */
#include <errno.h>
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "chan.h"
#include "claimsdoc.h"
#include "cli.h"
#include "extract.h"
#include "fs.h"
#include "inputs.h"
#include "keyfig.h"
#include "plot.h"
#include "pool.h"
#include "rows.h"
#include "store.h"
#include "util.h"

static const char usage[] =
    "usage: keyfig extract [options] PATH...\n"
    "PATH: an article file (text, HTML or PDF), a directory (every *.txt, *.html, *.htm and *.pdf in\n"
    "it, sorted), or - for standard input.\n"
    "  -r, --recursive          also read the subdirectories of a directory (ids: 2024/03/a)\n"
    "      --glob PATTERN       read the files of a directory that match PATTERN (e.g. '*.shtml')\n"
    "      --format FORMAT      read every input as text, html or pdf (default: by extension and content);\n"
    "                           or write json (default), jsonl, csv (RFC 4180) or tsv: a row per claim\n"
    "  -o, --out DIR            write DIR/<article-id>.json per article (atomically)\n"
    "      --jsonl              one compact JSON document per line\n"
    "      --db TARGET          store the articles in a database (SQLite file or postgresql:// URL)\n"
    "                           instead of writing them out; numbers set aside are kept too (--all)\n"
    "      --input jsonl        read JSON Lines records {\"id\": ..., \"text\": ...[, \"source\": ...]}\n"
    "                           (\"title\", \"date\" and \"url\" go into the article too)\n"
    "      --text-field NAME    the key of the records' text (default text; e.g. content, body)\n"
    "      --all                also report the numbers set aside (\"claim\": false, with a reason)\n"
    "      --patterns DIR       load another pattern set (also $KEYFIG_PATTERNS)\n"
    "      --encoding NAME      input encoding (default: detect UTF-8, GB18030, Big5)\n"
    "      --lenient            replace invalid UTF-8 with U+FFFD instead of failing\n"
    "      --max-article-bytes N  refuse larger articles (default 67108864)\n"
    "      --date YYYY-MM-DD    the articles' date (else read from each article's opening, or null)\n"
    "      --plot DIR           also chart each article into DIR/<article-id>/\n"
    "  -j, --jobs N             extract on N threads (default 1; 0: one per core); output order is kept\n"
    "      --progress           show articles, MB, MB/s and ETA on stderr (default: when stderr is a\n"
    "                           terminal, unless --jsonl goes to a pipe)\n"
    "  -h, --help\n"
    "exit status: 0 ok, 1 an article could not be read or written (the others are still done),\n"
    "2 usage error, 3 invalid pattern data\n";

struct extract_opts {
    const char *outdir, *patterns, *plotdir, *db;
    int jsonl, progress;
    int rows;                  /* --format csv or tsv: 1 + enum rows_format; 0 for JSON */
    int jobs;
    struct input_opts in;
    struct keyfig_options ko;
};

static int cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n > 1024 ? 1024 : n) : 1;
}

/* 1 for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2023-02-29 no). */
static int valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
            return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] && !(m == 2 && d == 29 && !leap);
}

static int parse_args(int argc, char **argv, struct extract_opts *o)
{
    enum { O_JSONL = 256, O_INPUT, O_ALL, O_PATTERNS, O_ENCODING, O_LENIENT, O_MAXBYTES, O_PLOT, O_PROGRESS,
           O_GLOB, O_FORMAT, O_TEXT_FIELD, O_DATE, O_DB };
    static const struct option longs[] = {
        {"out", required_argument, 0, 'o'},       {"jsonl", no_argument, 0, O_JSONL},
        {"input", required_argument, 0, O_INPUT}, {"all", no_argument, 0, O_ALL},
        {"patterns", required_argument, 0, O_PATTERNS}, {"encoding", required_argument, 0, O_ENCODING},
        {"lenient", no_argument, 0, O_LENIENT},   {"max-article-bytes", required_argument, 0, O_MAXBYTES},
        {"plot", required_argument, 0, O_PLOT},   {"help", no_argument, 0, 'h'},
        {"jobs", required_argument, 0, 'j'},      {"progress", no_argument, 0, O_PROGRESS},
        {"recursive", no_argument, 0, 'r'},       {"glob", required_argument, 0, O_GLOB},
        {"format", required_argument, 0, O_FORMAT}, {"text-field", required_argument, 0, O_TEXT_FIELD},
        {"date", required_argument, 0, O_DATE},   {"db", required_argument, 0, O_DB},
        {0, 0, 0, 0}};
    static const char *const formats[] = {"auto", "text", "html", "pdf"};
    o->in.max_bytes = 64u << 20;
    o->jobs = 1;
    o->patterns = getenv("KEYFIG_PATTERNS");
    if (o->patterns && !*o->patterns)
        o->patterns = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:j:rh", longs, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'o': o->outdir = optarg; break;
        case O_JSONL: o->jsonl = 1; break;
        case O_INPUT:
            if (strcmp(optarg, "jsonl") && strcmp(optarg, "text")) {
                fprintf(stderr, "keyfig: extract: --input \"%s\" (expected jsonl or text)\n", optarg);
                return CLI_EXIT_USAGE;
            }
            o->in.jsonl = !strcmp(optarg, "jsonl");
            break;
        case 'r': o->in.recursive = 1; break;
        case O_GLOB: o->in.glob = optarg; break;
        case O_TEXT_FIELD: o->in.text_field = optarg; break;
        case O_FORMAT: {
            /* one option for both ends, their names apart: an input format (text, html, pdf) or an
             * output format (json, jsonl, csv, tsv); --format html --format csv gives both */
            size_t k = 0;
            enum rows_format f;
            while (k < sizeof formats / sizeof *formats && strcmp(optarg, formats[k]))
                k++;
            if (k < sizeof formats / sizeof *formats) {
                o->ko.format = (enum keyfig_format)k; /* the names are in the enum's order */
            } else if (!strcmp(optarg, "json") || !strcmp(optarg, "jsonl")) {
                o->jsonl = optarg[4] == 'l';
            } else if (rows_format_parse(optarg, &f) == 0 && (f == ROWS_CSV || f == ROWS_TSV)) {
                o->rows = 1 + (int)f;
            } else {
                fprintf(stderr, "keyfig: extract: --format \"%s\" (expected text, html or pdf to read; json, jsonl, csv or tsv to write)\n", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        }
        case O_ALL: o->ko.all = 1; break;
        case O_PATTERNS: o->patterns = optarg; break;
        case O_ENCODING: o->ko.encoding = optarg; break;
        case O_LENIENT: o->ko.lenient = 1; break;
        case O_MAXBYTES:
            o->in.max_bytes = strtoull(optarg, &end, 10);
            if (*end || !o->in.max_bytes) {
                fprintf(stderr, "keyfig: extract: --max-article-bytes \"%s\" (expected a positive whole number)\n", optarg);
                return CLI_EXIT_USAGE;
            }
            break;
        case O_PLOT: o->plotdir = optarg; break;
        case O_DATE:
            if (!valid_date(optarg)) {
                fprintf(stderr, "keyfig: extract: --date \"%s\" (expected a date as YYYY-MM-DD)\n", optarg);
                return CLI_EXIT_USAGE;
            }
            o->ko.date = optarg;
            break;
        case O_PROGRESS: o->progress = 1; break;
        case O_DB: o->db = optarg, o->ko.all = 1, o->jsonl = 1; break;
        case 'j': {
            long n = strtol(optarg, &end, 10);
            if (*end || end == optarg || n < 0 || n > 1024) {
                fprintf(stderr, "keyfig: extract: -j \"%s\" (expected a number of threads, 0 to 1024)\n", optarg);
                return CLI_EXIT_USAGE;
            }
            o->jobs = n ? (int)n : cores();
            break;
        }
        case 'h': fputs(usage, stdout); return -1;
        default: fputs(usage, stderr); return CLI_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fputs("keyfig: extract: no PATH given (an article file, a directory or -)\n", stderr);
        fputs(usage, stderr);
        return CLI_EXIT_USAGE;
    }
    return 0;
}

/* Where a document comes from: the JSON text a worker made, or (one thread, no chart) the
 * article's text, extracted and written claim by claim straight to the file so that a huge
 * article is never held whole. */
struct document {
    const char *json;
    struct run *r;
    struct job *j;
};

/* A FILE, and text to write before the first byte of the document (the "," between the
 * documents of an array): an article that turns out unreadable writes nothing at all. */
struct sink {
    FILE *f;
    const char *prefix;
};

static int to_sink(const char *bytes, size_t len, void *data)
{
    struct sink *s = data;
    /* An interrupted run abandons a file (fs_write removes it) but ends a line on stdout. */
    if (s->f != stdout && fs_interrupted()) {
        errno = 0;
        return -1;
    }
    if (s->prefix && fputs(s->prefix, s->f) == EOF)
        return -1;
    s->prefix = NULL;
    return fwrite(bytes, 1, len, s->f) == len ? 0 : -1;
}

static int document_write(const struct document *d, FILE *f, const char *prefix);

static int plot_json(const char *json, const char *source, const char *dir, int path_ids, struct fs_files *files,
                     struct keyfig_error *err)
{
    struct cd_list l = {0};
    if (claimsdoc_parse(json, strlen(json), source, &l, err) != 0)
        return -1;
    struct plot_options po = {.files = files, .path_ids = path_ids};
    int rc = 0;
    for (size_t i = 0; i < l.n && rc >= 0; i++)
        rc = plot_article(&l.articles[i], dir, &po, err);
    claimsdoc_free(&l);
    return rc < 0 ? -1 : 0;
}

/* A progress line on stderr, rewritten in place at most four times a second. */
struct progress {
    int on, shown;
    size_t articles;
    double start, last;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress_show(struct progress *pg, const struct inputs *in, int final)
{
    double t = now();
    if (!pg->on || (!final && t - pg->last < 0.25))
        return;
    pg->last = t;
    double mb = inputs_bytes_done(in) / 1e6, total = inputs_bytes_total(in) / 1e6, secs = t - pg->start;
    double rate = secs > 0 ? mb / secs : 0;
    char eta[32] = "";
    if (total > 0 && rate > 0 && !final) {
        long left = (long)((total > mb ? total - mb : 0) / rate + 0.5);
        snprintf(eta, sizeof eta, ", ETA %ld:%02ld", left / 60, left % 60);
    }
    /* Trailing spaces wipe what a longer previous line left behind. */
    fprintf(stderr, "\rkeyfig: %zu articles, %.1f MB, %.1f MB/s%s     %s", pg->articles, mb, rate, eta,
            final ? "\n" : "");
    pg->shown = !final;
}

/* Before an error line, end the progress line so the two do not share a row. */
static void progress_break(struct progress *pg)
{
    if (pg->shown)
        fputc('\n', stderr);
    pg->shown = 0;
}

/* With -j N, a worker hands its document to the main thread through a pipe of this many bytes:
 * memory holds a window of each document in flight, never a whole one (10^6 claims of one
 * article make a 1 GB document). */
#define PIPE_BYTES (1u << 20)

/* One article on its way through the pool: read by the main thread, extracted by a worker,
 * written in input order by the main thread again. */
struct job {
    struct input_article art;
    int got;                /* inputs_next's result: 1 read, -1 unreadable (err filled) */
    struct keyfig_options ko; /* the run's, with a record's title, date and url */
    char *json;             /* its document, made whole by the worker (for --plot) */
    struct chan pipe;       /* or handed over in pieces as it is written (r->piped) */
    struct keyfig_error err; /* set by the worker before it closes the pipe */
};

struct run {
    const struct extract_opts *o;
    const struct keyfig_patterns *p;
    struct progress pg;
    int array;
    int stream;             /* extract while writing, in the main thread (document above) */
    struct fs_files *files; /* the inputs and the files written so far: never overwritten */
    int piped;              /* workers write documents into their job's pipe */
    size_t written;
    int rc;
    struct store *store;    /* --db */
    struct rows_out *rows;  /* --format csv|tsv */
};

/* The worker: decodes a JSON Lines record, extracts and makes the JSON text, so that the work
 * runs in parallel and the main thread only writes; when streaming, only decodes. It only reads
 * the pattern set, which the library allows from any thread. */
static int to_pipe(const char *bytes, size_t len, void *data)
{
    return chan_write(data, bytes, len);
}

/* What the library need not check again in an article's text: a JSON Lines record's string is valid UTF-8. */
static unsigned trust(const struct input_article *art)
{
    return art->utf8 ? EXTRACT_UTF8 : 0;
}

static void extract_job(void *arg, void *ctx)
{
    struct job *j = arg;
    const struct run *r = ctx;
    if (j->got > 0 && input_record_decode(&j->art, &r->o->in, &j->err) == 0) {
        j->ko = r->o->ko;
        j->ko.title = j->art.title, j->ko.url = j->art.url;
        if (j->art.date) /* a record's own date over --date */
            j->ko.date = j->art.date;
        if (r->o->in.jsonl && j->ko.format == KEYFIG_FORMAT_AUTO)
            j->ko.format = KEYFIG_FORMAT_JSONL;
        if (r->piped) {
            extract_write(r->p, j->art.id, j->art.source, j->art.text, j->art.len, &j->ko, trust(&j->art), r->o->jsonl,
                          to_pipe, &j->pipe, &j->err);
            j->art.text = NULL; /* taken */
        }
    }
    if (r->piped)
        chan_close(&j->pipe);
    if (j->got <= 0 || j->err.code || r->stream || r->piped)
        return;
    /* the text goes to the article (not copied): keep memory to what is in flight */
    struct keyfig_article *a =
        extract_take(r->p, j->art.id, j->art.source, j->art.text, j->art.len, &j->ko, trust(&j->art), &j->err);
    j->art.text = NULL;
    j->json = a ? keyfig_article_json(a, r->o->jsonl) : NULL;
    if (a && !j->json)
        kf_error(&j->err, KEYFIG_STATUS_IO, j->art.source, 0, "cannot encode the claims as JSON (out of memory?)");
    keyfig_article_free(a);
}

/* 0, or -1 with j->err filled for an unreadable article (nothing written) or left empty for a
 * failed write. */
static int document_write(const struct document *d, FILE *f, const char *prefix)
{
    struct sink s = {f, prefix};
    if (d->json)
        return to_sink(d->json, strlen(d->json), &s);
    struct job *j = d->j;
    const struct run *r = d->r;
    if (r->piped) { /* drained to the end even after a failed write, so that the worker finishes */
        struct buf b = {0};
        int rc = 0;
        while (chan_read(&j->pipe, &b))
            if (rc == 0 && to_sink(b.data, b.len, &s) != 0)
                rc = -1;
        buf_free(&b);
        return rc || j->err.code ? -1 : 0;
    }
    int rc = extract_write(r->p, j->art.id, j->art.source, j->art.text, j->art.len, &j->ko, trust(&j->art),
                           r->o->jsonl, to_sink, &s, &j->err);
    j->art.text = NULL; /* taken */
    return rc ? -1 : 0;
}

/* The document as rows: into the database, or CSV/TSV on stdout. */
static int to_table(struct run *r, const char *json, const char *source, struct keyfig_error *err)
{
    struct cd_list l = {0};
    int rc = claimsdoc_parse(json, strlen(json), source, &l, err);
    for (size_t i = 0; rc == 0 && i < l.n; i++) {
        if (r->store)
            rc = store_add(r->store, &l.articles[i], err);
        else
            rows_add_article(r->rows, &l.articles[i]);
    }
    claimsdoc_free(&l);
    return rc;
}

static int write_doc(FILE *f, void *data)
{
    return document_write(data, f, NULL) == 0 && fputc('\n', f) != EOF ? 0 : -1;
}

/* dir/<id>.json, written through fs_write: the id must be a plain name (or a walk's relative
 * path, each part checked), and neither an input nor
 * a document written earlier in this run is replaced. */
static int write_file(const struct run *r, const struct job *j, const struct document *d, struct keyfig_error *err)
{
    struct buf path = {0};
    /* a file's id from a directory walk is a relative path (2024/03/a); a record's is one name */
    int rc = fs_out_path(r->o->outdir, j->art.id, ".json", !r->o->in.jsonl, j->art.source, &path, err);
    if (rc == 0)
        rc = fs_write(path.data, write_doc, (void *)d, r->files, err);
    buf_free(&path);
    return rc;
}

/* Output, in input order: stdout or DIR/<id>.json, then the chart; report a failure and go on. */
static void finish_job(struct run *r, struct job *j)
{
    const struct extract_opts *o = r->o;
    const struct document d = {.json = j->json, .r = r, .j = j};
    /* a piped job's record is decoded (its id known) once its first bytes come or its pipe
     * closes; an extraction error is known once the pipe is drained */
    int ok = r->piped ? j->got > 0 && chan_wait(&j->pipe) : !j->err.code && (j->json || (r->stream && j->art.text));
    if (fs_interrupted()) {
        ok = 1; /* stopping: no more output, and no error line for what was cut short */
        if (r->piped) { /* drained, so that its worker can finish */
            struct buf b = {0};
            while (chan_read(&j->pipe, &b))
                ;
            buf_free(&b);
        }
    } else if (ok && o->outdir) {
        ok = write_file(r, j, &d, &j->err) == 0;
    } else if (ok && !r->store && !r->rows) {
        const char *sep = r->array ? (r->written ? ",\n" : "\n") : NULL;
        /* a failed write to stdout shows in ferror(stdout) at the end; an unreadable article
         * has written nothing */
        ok = document_write(&d, stdout, sep) == 0 || !j->err.code;
        if (ok && !r->array)
            fputc('\n', stdout);
    }
    if (ok && (r->store || r->rows) && !fs_interrupted())
        ok = to_table(r, j->json, j->art.source, &j->err) == 0;
    if (ok && o->plotdir && !fs_interrupted() && plot_json(j->json, j->art.source, o->plotdir, !o->in.jsonl, r->files, &j->err) != 0)
        ok = 0;
    r->written += ok && !fs_interrupted();
    r->pg.articles++;
    if (!ok && !fs_interrupted()) {
        progress_break(&r->pg);
        kf_print_error(&j->err, 0);
        r->rc = CLI_EXIT_RUNTIME;
    }
}

static void job_free(const struct run *r, struct job *j)
{
    if (r->piped)
        chan_destroy(&j->pipe);
    free(j->json);
    input_article_free(&j->art);
    free(j);
}

/* Finish the oldest job in flight and forget it: 0 when there is none (or, without wait, when
 * its work is not done yet). A piped job is written while its worker is still making it. */
static int finish_oldest(struct run *r, struct pool *pl, int wait)
{
    struct job *j = r->piped && wait ? pool_head(pl) : pool_take(pl, wait);
    if (!j)
        return 0;
    finish_job(r, j);
    if (r->piped && wait)
        pool_take(pl, 1);
    job_free(r, j);
    return 1;
}

int cmd_extract(int argc, char **argv)
{
    struct extract_opts o = {0};
    int rc = parse_args(argc, argv, &o);
    o.ko.warn = cli_warn;
    if (rc)
        return rc < 0 ? CLI_EXIT_OK : rc;
    struct keyfig_error err = {0};
    struct keyfig_patterns *p = keyfig_patterns_load(o.patterns, &err);
    if (!p) {
        kf_print_error(&err, 0);
        return cli_exit(err.code ? err.code : KEYFIG_STATUS_PATTERN);
    }
    const char *dirs[] = {o.outdir, o.plotdir};
    for (int i = 0; i < 2; i++) {
        if (dirs[i] && fs_mkdirs(dirs[i], &err) != 0) {
            kf_print_error(&err, 0);
            keyfig_patterns_free(p);
            return CLI_EXIT_RUNTIME;
        }
    }
    struct inputs *in = inputs_open(argv + optind, argc - optind, &o.in);
    struct run r = {.o = &o, .p = p, .rc = CLI_EXIT_OK, .files = fs_files_new()};
    inputs_protect(in, r.files);
    r.array = !o.jsonl && !o.outdir && !o.rows && !o.db && !inputs_single(in);
    if (o.db && !(r.store = store_open(o.db, o.patterns, &err))) {
        kf_print_error(&err, 0);
        fs_files_free(r.files);
        inputs_close(in);
        keyfig_patterns_free(p);
        return CLI_EXIT_RUNTIME;
    }
    if (o.rows && !o.db && !o.outdir)
        r.rows = rows_begin(stdout, (enum rows_format)(o.rows - 1), 0, rows_claim_header, rows_claim_numeric,
                            ROWS_CLAIM_COLS);
    /* At most 4 articles per thread in flight: memory stays bounded whatever the corpus size. */
    struct pool *pl = pool_new(o.jobs, o.jobs > 1 ? 4 * (size_t)o.jobs : 1, extract_job, &r);
    /* --plot, --db and --format read the document back: they need it whole */
    int whole = o.plotdir || o.db || o.rows;
    r.piped = !whole && pool_threads(pl) > 0;
    r.stream = !whole && !r.piped;
    /* Automatic progress only where a person watches, and never into a --jsonl pipe. */
    r.pg.on = o.progress || (isatty(STDERR_FILENO) && !(o.jsonl && !o.outdir && !isatty(STDOUT_FILENO)));
    r.pg.start = r.pg.last = now();
    if (r.array)
        fputs("[", stdout);
    for (;;) {
        struct job *j = xcalloc(1, sizeof *j);
        if (fs_interrupted() || (j->got = inputs_next(in, &j->art, &j->err)) == 0) {
            free(j);
            break;
        }
        if (r.piped)
            chan_init(&j->pipe, PIPE_BYTES);
        while (pool_full(pl))
            finish_oldest(&r, pl, 1);
        pool_put(pl, j);
        while (finish_oldest(&r, pl, 0))
            ;
        progress_show(&r.pg, in, 0);
    }
    while (finish_oldest(&r, pl, 1))
        ;
    pool_free(pl);
    progress_show(&r.pg, in, 1);
    if (r.array)
        fputs(r.written ? "\n]\n" : "]\n", stdout);
    rows_end(r.rows);
    if (r.store && store_flush(r.store, &err) < 0) {
        kf_print_error(&err, 0);
        r.rc = CLI_EXIT_RUNTIME;
    }
    store_close(r.store);
    inputs_close(in);
    fs_files_free(r.files);
    keyfig_patterns_free(p);
    return r.rc;
}
