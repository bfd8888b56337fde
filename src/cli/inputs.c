/* inputs: expand PATH arguments into articles, one at a time, so that a corpus streams
 * through in constant memory and one unreadable article never stops the others. */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "claimsdoc.h"
#include "fs.h"
#include "util.h"
#include "stagetime.h"

struct inputs {
    char **paths;    /* expanded list of files */
    char **ids;      /* the article id of each: NULL for a file named on the command line */
    size_t n, next;
    struct input_opts o;
    FILE *records;   /* the JSON Lines file being read */
    const char *records_path;
    size_t lineno;
    char block[1 << 16]; /* read ahead from records: block[at..end) */
    size_t at, end;
    size_t done, total; /* bytes read so far; sum of the inputs' sizes, 0 when unknown */
};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void push(struct inputs *in, char *path, char *id)
{
    in->paths = xrealloc(in->paths, (in->n + 1) * sizeof *in->paths);
    in->ids = xrealloc(in->ids, (in->n + 1) * sizeof *in->ids);
    in->paths[in->n] = path;
    in->ids[in->n++] = id;
}

/* The files a directory contributes: --glob's, else *.jsonl with --input jsonl, else articles. */
static int wanted(const struct inputs *in, const char *name)
{
    static const char *const exts[] = {".txt", ".html", ".htm", ".pdf"};
    if (in->o.glob)
        return fnmatch(in->o.glob, name, 0) == 0;
    size_t l = strlen(name);
    for (size_t i = 0; i < (in->o.jsonl ? 1 : sizeof exts / sizeof *exts); i++) {
        const char *ext = in->o.jsonl ? ".jsonl" : exts[i];
        size_t el = strlen(ext);
        if (l > el && !strcasecmp(name + l - el, ext))
            return 1;
    }
    return 0;
}

/* "2024/03/a.html" -> "2024/03/a": an id that names the file's place under the directory given,
 * so that a.txt in two folders gives two articles, not one written over the other. */
static char *relative_id(const char *rel)
{
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    const char *dot = strrchr(base, '.');
    return xstrndup(rel, dot && dot != base ? (size_t)(dot - rel) : strlen(rel));
}

/* dir/rel's wanted files, sorted by name, and with -r its subdirectories' (hidden entries and
 * links to directories are left alone: a link loop must not walk for ever). */
static void walk_dir(struct inputs *in, const char *dir, const char *rel)
{
    struct buf here = {0};
    buf_printf(&here, "%s%s%s", dir, *rel ? "/" : "", rel);
    DIR *d = opendir(here.data);
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    if (d)
        closedir(d);
    if (n) /* qsort of a NULL array is undefined even for no elements (UBSan) */
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        struct buf path = {0}, sub = {0};
        buf_printf(&path, "%s/%s", here.data, names[i]);
        buf_printf(&sub, "%s%s%s", rel, *rel ? "/" : "", names[i]);
        struct stat st;
        if (lstat(path.data, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (in->o.recursive)
                walk_dir(in, dir, sub.data);
        } else if (wanted(in, names[i])) {
            push(in, xstrdup(path.data), relative_id(sub.data));
        }
        buf_free(&path);
        buf_free(&sub);
        free(names[i]);
    }
    free(names);
    buf_free(&here);
}

static void expand_dir(struct inputs *in, const char *dir)
{
    size_t first = in->n;
    walk_dir(in, dir, "");
    if (in->n == first)
        push(in, xstrdup(dir), NULL); /* reading it later reports the empty or unreadable directory */
}

struct inputs *inputs_open(char **paths, int npaths, const struct input_opts *o)
{
    struct inputs *in = xcalloc(1, sizeof *in);
    in->o = *o;
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
            expand_dir(in, paths[i]);
        else
            push(in, xstrdup(paths[i]), NULL);
    }
    for (size_t i = 0; i < in->n; i++) {
        struct stat st;
        int ok = strcmp(in->paths[i], "-") ? stat(in->paths[i], &st) == 0 : fstat(0, &st) == 0;
        if (!ok || !S_ISREG(st.st_mode)) {
            in->total = 0;
            break;
        }
        in->total += (size_t)st.st_size;
    }
    return in;
}

static int is_dir(const char *path)
{
    struct stat st;
    return strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A directory still in the list is one that gave no article: empty, or unreadable. */
static int dir_error(const struct inputs *in, const char *path, struct keyfig_error *err)
{
    DIR *d = opendir(path);
    if (!d)
        return kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot read directory: %s", strerror(errno));
    closedir(d);
    return kf_error(err, KEYFIG_STATUS_IO, path, 0, "directory holds no %s files (nothing to extract)",
                    in->o.glob ? in->o.glob : in->o.jsonl ? "*.jsonl" : "*.txt, *.html, *.htm or *.pdf");
}

static char *article_id(const char *path)
{
    if (!strcmp(path, "-"))
        return xstrdup("stdin");
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    return xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

/* A UTF-16 file: its byte-order mark, or a NUL byte in its first two (JSON starts with ASCII). */
static int text_is_utf16(const char *s, size_t n)
{
    return n >= 2 && ((!memcmp(s, "\xFF\xFE", 2) || !memcmp(s, "\xFE\xFF", 2)) || !s[0] || !s[1]);
}

/* The id of a record that has none: a hash of its text (64-bit FNV-1a), the same wherever the
 * record sits, so a corpus cut into chunks still gives each record one name. */
static char *content_id(const char *text, size_t len)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)text[i]) * 0x100000001b3u;
    char id[32];
    snprintf(id, sizeof id, "text-%016llx", (unsigned long long)h);
    return xstrdup(id);
}

/* Read the next line of records (without its end) into a new buffer of at most max bytes.
 * Returns 1 with *line and *len set; 2 for a line longer than max, read past but not kept (the
 * limit applies as it is read: a 500 MB line never takes 500 MB of memory); 0 at the end. */
static int read_line(struct inputs *in, size_t max, char **line, size_t *len)
{
    struct buf b = {0};
    int over = 0, any = 0;
    for (;;) {
        if (in->at == in->end) {
            in->at = 0;
            in->end = fread(in->block, 1, sizeof in->block, in->records);
            if (in->end == 0)
                break;
        }
        any = 1;
        const char *nl = memchr(in->block + in->at, '\n', in->end - in->at);
        size_t k = (nl ? (size_t)(nl - in->block) : in->end) - in->at;
        in->done += k + (nl != NULL);
        if (!over && b.len + k > max) {
            over = 1;
            buf_free(&b);
        }
        if (!over)
            buf_add(&b, in->block + in->at, k);
        in->at += k + (nl != NULL);
        if (nl)
            break;
    }
    if (!any) {
        buf_free(&b);
        return 0;
    }
    if (over)
        return 2;
    buf_reserve(&b, 0);
    b.data[b.len] = '\0';
    *line = b.data;
    *len = b.len;
    return 1;
}

/* The next non-empty line of a JSON Lines file, handed over undecoded (record_line set): the
 * caller decodes it with input_record_decode, on a worker thread, so that parsing JSON does not
 * hold up the one thread that reads. 0 at the end of the file; -1 for a line longer than
 * max_bytes (err filled). */
static int next_record(struct inputs *in, struct input_article *out, struct keyfig_error *err)
{
    for (;;) {
        char *line = NULL;
        size_t n = 0;
        int got = read_line(in, in->o.max_bytes ? in->o.max_bytes : (size_t)-1 / 2, &line, &n);
        if (got == 0)
            return 0;
        in->lineno++;
        if (got == 2)
            return kf_error(err, KEYFIG_STATUS_IO, in->records_path, in->lineno,
                            "record longer than --max-article-bytes (%zu bytes); skipped", in->o.max_bytes);
        if (in->lineno == 1 && text_is_utf16(line, n)) {
            free(line);
            while ((in->end = fread(in->block, 1, sizeof in->block, in->records)) > 0) /* one error, not one a line */
                in->done += in->end;
            in->at = in->end = 0;
            return kf_error(err, KEYFIG_STATUS_IO, in->records_path, 0,
                            "UTF-16 is not supported; convert with iconv -f UTF-16 -t UTF-8");
        }
        if (in->lineno == 1 && n >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
            memmove(line, line + 3, n - 2); /* a BOM is no part of the record (as jq reads it) */
            n -= 3;
        }
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0) {
            free(line);
            continue;
        }
        out->text = line;
        out->len = n;
        out->source = xstrdup(in->records_path);
        out->record_line = in->lineno;
        return 1;
    }
}

/* A record's string field name, copied, else NULL. */
static char *string_field(json_t *rec, const char *name)
{
    json_t *v = json_object_get(rec, name);
    return json_is_string(v) && json_string_length(v) ? xstrdup(json_string_value(v)) : NULL;
}

int input_record_decode(struct input_article *a, const struct input_opts *o, struct keyfig_error *err)
{
    if (!a->record_line)
        return 0;
    size_t max_bytes = o ? o->max_bytes : 0;
    const char *field = o && o->text_field ? o->text_field : "text";
    json_error_t je;
    json_t *rec;
    STAGE(STAGE_READ, rec = json_loadb(a->text, a->len, 0, &je));
    struct buf src = {0};
    buf_printf(&src, "%s:%zu", a->source, a->record_line);
    json_t *id = rec ? json_object_get(rec, "id") : NULL, *text = rec ? json_object_get(rec, field) : NULL;
    int rc = -1;
    if (!rec)
        kf_error(err, KEYFIG_STATUS_IO, src.data, 0, "invalid JSON: %s", claimsdoc_json_error(je.text));
    else if (!json_is_object(rec))
        kf_error(err, KEYFIG_STATUS_IO, src.data, 0, "record is not an object (expected {\"id\": ..., \"text\": ...})");
    else if (!text)
        kf_error(err, KEYFIG_STATUS_IO, src.data, 0, "record has no \"%s\"", field);
    else if (!json_is_string(text))
        kf_error(err, KEYFIG_STATUS_IO, src.data, 0, "\"%s\" is not a string", field);
    else if (max_bytes && json_string_length(text) > max_bytes)
        kf_error(err, KEYFIG_STATUS_IO, src.data, 0, "article larger than --max-article-bytes (%zu bytes)", max_bytes);
    else {
        char idbuf[64];
        if (json_is_string(id))
            a->id = xstrdup(json_string_value(id));
        else if (json_is_integer(id)) {
            snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
            a->id = xstrdup(idbuf);
        } else {
            a->id = content_id(json_string_value(text), json_string_length(text));
        }
        /* The decoded text is never longer than the line it came from: reuse the line. */
        a->len = json_string_length(text);
        memcpy(a->text, json_string_value(text), a->len);
        a->text[a->len] = '\0';
        /* No line number: a record's output must not depend on where it sits in the stream,
         * so a corpus split into chunks (Hadoop, parallel --pipe) gives the same bytes. */
        json_t *source = json_object_get(rec, "source");
        if (json_is_string(source)) {
            free(a->source);
            a->source = xstrdup(json_string_value(source));
        }
        a->title = string_field(rec, "title");
        a->date = string_field(rec, "date");
        a->url = string_field(rec, "url");
        a->record_line = 0;
        a->utf8 = 1; /* Jansson refuses invalid UTF-8 and lone surrogate escapes, as decode.c does */
        rc = 0;
    }
    buf_free(&src);
    json_decref(rec);
    return rc;
}

int inputs_next(struct inputs *in, struct input_article *out, struct keyfig_error *err)
{
    memset(out, 0, sizeof *out);
    for (;;) {
        if (in->records) {
            int got = next_record(in, out, err);
            if (got)
                return got;
            if (in->records != stdin)
                fclose(in->records);
            in->records = NULL;
            if (got < 0)
                return -1;
        }
        if (in->next == in->n)
            return 0;
        const char *path = in->paths[in->next++];
        if (is_dir(path))
            return dir_error(in, path, err);
        if (in->o.jsonl) {
            in->records = strcmp(path, "-") ? fopen(path, "rb") : stdin;
            in->records_path = path;
            in->lineno = 0;
            in->at = in->end = 0;
            if (!in->records)
                return kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot open: %s", strerror(errno));
            continue;
        }
        out->text = util_slurp(path, in->o.max_bytes, &out->len, err);
        if (!out->text)
            return -1;
        out->id = in->ids[in->next - 1] ? xstrdup(in->ids[in->next - 1]) : article_id(path);
        out->source = xstrdup(path);
        in->done += out->len;
        return 1;
    }
}

void inputs_protect(const struct inputs *in, struct fs_files *files)
{
    for (size_t i = 0; i < in->n; i++)
        fs_files_add_input(files, in->paths[i]);
}

int inputs_single(const struct inputs *in)
{
    return in->n == 1 && !in->o.jsonl;
}

size_t inputs_bytes_done(const struct inputs *in)
{
    return in->done;
}

size_t inputs_bytes_total(const struct inputs *in)
{
    return in->total;
}

void inputs_close(struct inputs *in)
{
    if (!in)
        return;
    for (size_t i = 0; i < in->n; i++) {
        free(in->paths[i]);
        free(in->ids[i]);
    }
    free(in->paths);
    free(in->ids);
    if (in->records && in->records != stdin)
        fclose(in->records);
    free(in);
}

void input_article_free(struct input_article *a)
{
    free(a->id);
    free(a->source);
    free(a->text);
    free(a->title);
    free(a->date);
    free(a->url);
    memset(a, 0, sizeof *a);
}
