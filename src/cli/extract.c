/* extract: `keyfig extract [options] PATH...` — articles in, claims JSON out (stdout, JSON
 * Lines, or one file per article written atomically), optionally charted. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "claimsdoc.h"
#include "cli.h"
#include "inputs.h"
#include "keyfig.h"
#include "plot.h"
#include "util.h"

static const char usage[] =
    "usage: keyfig extract [options] PATH...\n"
    "PATH: an article file, a directory (every *.txt in it, sorted), or - for standard input.\n"
    "  -o, --out DIR            write DIR/<article-id>.json per article (atomically)\n"
    "      --jsonl              one compact JSON document per line\n"
    "      --input jsonl        read JSON Lines records {\"id\": ..., \"text\": ...}\n"
    "      --all                also report the numbers set aside (\"claim\": false, with a reason)\n"
    "      --patterns DIR       load another pattern set (also $KEYFIG_PATTERNS)\n"
    "      --encoding NAME      input encoding (default: detect UTF-8, GB18030, Big5)\n"
    "      --lenient            replace invalid UTF-8 with U+FFFD instead of failing\n"
    "      --max-article-bytes N  refuse larger articles (default 67108864)\n"
    "      --plot DIR           also chart each article into DIR/<article-id>/\n"
    "  -h, --help\n"
    "exit status: 0 ok, 1 an article could not be read or written (the others are still done),\n"
    "2 usage error, 3 invalid pattern data\n";

struct extract_opts {
    const char *outdir, *patterns, *plotdir;
    int jsonl, input_jsonl;
    size_t max_bytes;
    struct keyfig_options ko;
};

static int parse_args(int argc, char **argv, struct extract_opts *o)
{
    enum { O_JSONL = 256, O_INPUT, O_ALL, O_PATTERNS, O_ENCODING, O_LENIENT, O_MAXBYTES, O_PLOT };
    static const struct option longs[] = {
        {"out", required_argument, 0, 'o'},       {"jsonl", no_argument, 0, O_JSONL},
        {"input", required_argument, 0, O_INPUT}, {"all", no_argument, 0, O_ALL},
        {"patterns", required_argument, 0, O_PATTERNS}, {"encoding", required_argument, 0, O_ENCODING},
        {"lenient", no_argument, 0, O_LENIENT},   {"max-article-bytes", required_argument, 0, O_MAXBYTES},
        {"plot", required_argument, 0, O_PLOT},   {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    o->max_bytes = 64u << 20;
    o->patterns = getenv("KEYFIG_PATTERNS");
    if (o->patterns && !*o->patterns)
        o->patterns = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", longs, NULL)) != -1) {
        char *end;
        switch (c) {
        case 'o': o->outdir = optarg; break;
        case O_JSONL: o->jsonl = 1; break;
        case O_INPUT:
            if (strcmp(optarg, "jsonl") && strcmp(optarg, "text")) {
                fprintf(stderr, "keyfig: extract: --input \"%s\" (expected jsonl or text)\n", optarg);
                return KEYFIG_ERR_USAGE;
            }
            o->input_jsonl = !strcmp(optarg, "jsonl");
            break;
        case O_ALL: o->ko.all = 1; break;
        case O_PATTERNS: o->patterns = optarg; break;
        case O_ENCODING: o->ko.encoding = optarg; break;
        case O_LENIENT: o->ko.lenient = 1; break;
        case O_MAXBYTES:
            o->max_bytes = strtoull(optarg, &end, 10);
            if (*end || !o->max_bytes) {
                fprintf(stderr, "keyfig: extract: --max-article-bytes \"%s\" (expected a positive whole number)\n", optarg);
                return KEYFIG_ERR_USAGE;
            }
            break;
        case O_PLOT: o->plotdir = optarg; break;
        case 'h': fputs(usage, stdout); return -1;
        default: fputs(usage, stderr); return KEYFIG_ERR_USAGE;
        }
    }
    if (optind >= argc) {
        fputs("keyfig: extract: no PATH given (an article file, a directory or -)\n", stderr);
        fputs(usage, stderr);
        return KEYFIG_ERR_USAGE;
    }
    return 0;
}

/* Write text to dir/<id>.json through a temporary file and a rename, so a crash or a full
 * disk never leaves a half-written document behind. */
static int write_atomic(const char *dir, const char *id, const char *text, struct keyfig_error *err)
{
    struct buf path = {0}, tmp = {0};
    buf_printf(&path, "%s/%s.json", dir, id);
    buf_printf(&tmp, "%s/.%s.json.XXXXXX", dir, id);
    int rc = -1;
    int fd = mkstemp(tmp.data);
    if (fd < 0) {
        kf_error(err, KEYFIG_ERR_RUNTIME, path.data, 0, "cannot write: %s", strerror(errno));
        goto out;
    }
    FILE *f = fdopen(fd, "w");
    size_t len = strlen(text);
    int ok = f && fwrite(text, 1, len, f) == len && fputc('\n', f) != EOF;
    ok = (f ? fclose(f) == 0 : (close(fd), 0)) && ok;
    if (!ok || chmod(tmp.data, 0644) != 0 || rename(tmp.data, path.data) != 0) {
        kf_error(err, KEYFIG_ERR_RUNTIME, path.data, 0, "cannot write: %s", strerror(errno));
        unlink(tmp.data);
        goto out;
    }
    rc = 0;
out:
    buf_free(&path);
    buf_free(&tmp);
    return rc;
}

static int ensure_dir(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode) ? 0 : -1;
    return mkdir(dir, 0755);
}

static int plot_json(const char *json, const char *source, const char *dir, struct keyfig_error *err)
{
    struct cd_list l = {0};
    if (claimsdoc_parse(json, strlen(json), source, &l, err) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < l.n && rc >= 0; i++)
        rc = plot_article(&l.articles[i], dir, NULL, err);
    claimsdoc_free(&l);
    return rc < 0 ? -1 : 0;
}

int cmd_extract(int argc, char **argv)
{
    struct extract_opts o = {0};
    int rc = parse_args(argc, argv, &o);
    if (rc)
        return rc < 0 ? KEYFIG_OK : rc;
    struct keyfig_error err = {0};
    struct keyfig_patterns *p = keyfig_patterns_load(o.patterns, &err);
    if (!p) {
        kf_print_error(&err, 0);
        return err.code ? err.code : KEYFIG_ERR_PATTERN;
    }
    const char *dirs[] = {o.outdir, o.plotdir};
    for (int i = 0; i < 2; i++) {
        if (dirs[i] && ensure_dir(dirs[i]) != 0) {
            fprintf(stderr, "keyfig: %s: cannot create output directory: %s\n", dirs[i],
                    errno ? strerror(errno) : "not a directory");
            keyfig_patterns_free(p);
            return KEYFIG_ERR_RUNTIME;
        }
    }
    struct inputs *in = inputs_open(argv + optind, argc - optind, o.input_jsonl, o.max_bytes);
    int array = !o.jsonl && !o.outdir && !inputs_single(in);
    size_t written = 0;
    rc = KEYFIG_OK;
    if (array)
        fputs("[", stdout);
    struct input_article art;
    int got;
    while ((got = inputs_next(in, &art, &err)) != 0) {
        struct keyfig_article *a = got > 0 ? keyfig_extract(p, art.id, art.source, art.text, art.len, &o.ko, &err) : NULL;
        char *json = a ? keyfig_article_json(a, o.jsonl) : NULL;
        if (json && o.outdir && write_atomic(o.outdir, art.id, json, &err) != 0) {
            free(json);
            json = NULL;
        } else if (json && !o.outdir) {
            if (array)
                fputs(written ? ",\n" : "\n", stdout);
            fputs(json, stdout);
            if (!array)
                fputc('\n', stdout);
        }
        if (json && o.plotdir && plot_json(json, art.source, o.plotdir, &err) != 0)
            json = (free(json), NULL);
        written += json != NULL;
        if (!json) {
            kf_print_error(&err, 0);
            rc = KEYFIG_ERR_RUNTIME;
            memset(&err, 0, sizeof err);
        }
        free(json);
        keyfig_article_free(a);
        input_article_free(&art);
    }
    if (array)
        fputs(written ? "\n]\n" : "]\n", stdout);
    inputs_close(in);
    keyfig_patterns_free(p);
    return rc;
}
