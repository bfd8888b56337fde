/* inputs: expand PATH arguments into articles, one at a time, so that a corpus streams
 * through in constant memory and one unreadable article never stops the others. */
#include "inputs.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

struct inputs {
    char **paths;    /* expanded list of files */
    size_t n, next;
    int jsonl;
    size_t max_bytes;
    FILE *records;   /* the JSON Lines file being read */
    const char *records_path;
    size_t lineno;
    char *line;
    size_t linecap;
    size_t done, total; /* bytes read so far; sum of the inputs' sizes, 0 when unknown */
};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void push(struct inputs *in, char *path)
{
    in->paths = xrealloc(in->paths, (in->n + 1) * sizeof *in->paths);
    in->paths[in->n++] = path;
}

/* A directory contributes its *.txt files (or *.jsonl with --input jsonl), sorted by name. */
static void expand_dir(struct inputs *in, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        push(in, xstrdup(dir)); /* reading it later reports the error */
        return;
    }
    size_t first = in->n;
    const char *ext = in->jsonl ? ".jsonl" : ".txt";
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name), el = strlen(ext);
        if (l > el && !strcmp(e->d_name + l - el, ext)) {
            struct buf b = {0};
            buf_printf(&b, "%s/%s", dir, e->d_name);
            push(in, b.data);
        }
    }
    closedir(d);
    if (in->n > first)
        qsort(in->paths + first, in->n - first, sizeof *in->paths, by_name);
    else
        push(in, xstrdup(dir)); /* reading it later reports the empty directory */
}

struct inputs *inputs_open(char **paths, int npaths, int jsonl, size_t max_bytes)
{
    struct inputs *in = xcalloc(1, sizeof *in);
    in->jsonl = jsonl;
    in->max_bytes = max_bytes;
    for (int i = 0; i < npaths; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode))
            expand_dir(in, paths[i]);
        else
            push(in, xstrdup(paths[i]));
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
    return kf_error(err, KEYFIG_STATUS_IO, path, 0, "directory holds no *%s files (nothing to extract)",
                    in->jsonl ? ".jsonl" : ".txt");
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

/* The next non-empty line of a JSON Lines file, handed over undecoded (record_line set): the
 * caller decodes it with input_record_decode, on a worker thread, so that parsing JSON does not
 * hold up the one thread that reads. 0 at the end of the file. */
static int next_record(struct inputs *in, struct input_article *out)
{
    for (;;) {
        ssize_t n = getline(&in->line, &in->linecap, in->records);
        if (n < 0)
            return 0;
        in->done += (size_t)n;
        in->lineno++;
        while (n > 0 && (in->line[n - 1] == '\n' || in->line[n - 1] == '\r'))
            in->line[--n] = '\0';
        if (n == 0)
            continue;
        out->text = in->line; /* the line buffer itself: getline allocates the next one */
        out->len = (size_t)n;
        in->line = NULL;
        in->linecap = 0;
        out->source = xstrdup(in->records_path);
        out->record_line = in->lineno;
        return 1;
    }
}

int input_record_decode(struct input_article *a, size_t max_bytes, struct keyfig_error *err)
{
    return input_record_decode_field(a, "text", max_bytes, err);
}

int input_record_decode_field(struct input_article *a, const char *field, size_t max_bytes, struct keyfig_error *err)
{
    if (!a->record_line)
        return 0;
    json_error_t je;
    json_t *rec = json_loadb(a->text, a->len, 0, &je);
    struct buf src = {0};
    buf_printf(&src, "%s:%zu", a->source, a->record_line);
    json_t *id = rec ? json_object_get(rec, "id") : NULL, *text = rec ? json_object_get(rec, field) : NULL;
    int rc = -1;
    if (!rec)
        kf_error(err, KEYFIG_STATUS_INPUT, src.data, 0, "invalid JSON: %s", je.text);
    else if (!json_is_object(rec))
        kf_error(err, KEYFIG_STATUS_INPUT, src.data, 0, "record is not an object (expected {\"id\": ..., \"text\": ...})");
    else if (!text)
        kf_error(err, KEYFIG_STATUS_INPUT, src.data, 0, "record has no \"%s\"", field);
    else if (!json_is_string(text))
        kf_error(err, KEYFIG_STATUS_INPUT, src.data, 0, "\"%s\" is not a string", field);
    else if (max_bytes && json_string_length(text) > max_bytes)
        kf_error(err, KEYFIG_STATUS_INPUT, src.data, 0, "article larger than --max-article-bytes (%zu bytes)", max_bytes);
    else {
        char idbuf[64];
        if (json_is_string(id))
            a->id = xstrdup(json_string_value(id));
        else if (json_is_integer(id)) {
            snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(id));
            a->id = xstrdup(idbuf);
        } else {
            snprintf(idbuf, sizeof idbuf, "record%zu", a->record_line);
            a->id = xstrdup(idbuf);
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
        a->record_line = 0;
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
            if (next_record(in, out))
                return 1;
            if (in->records != stdin)
                fclose(in->records);
            in->records = NULL;
        }
        if (in->next == in->n)
            return 0;
        const char *path = in->paths[in->next++];
        if (is_dir(path))
            return dir_error(in, path, err);
        if (in->jsonl) {
            in->records = strcmp(path, "-") ? fopen(path, "rb") : stdin;
            in->records_path = path;
            in->lineno = 0;
            if (!in->records)
                return kf_error(err, KEYFIG_STATUS_IO, path, 0, "cannot open: %s", strerror(errno));
            continue;
        }
        out->text = util_slurp(path, in->max_bytes, &out->len, err);
        if (!out->text)
            return -1;
        out->id = article_id(path);
        out->source = xstrdup(path);
        in->done += out->len;
        return 1;
    }
}

int inputs_single(const struct inputs *in)
{
    return in->n == 1 && !in->jsonl;
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
    for (size_t i = 0; i < in->n; i++)
        free(in->paths[i]);
    free(in->paths);
    if (in->records && in->records != stdin)
        fclose(in->records);
    free(in->line);
    free(in);
}

void input_article_free(struct input_article *a)
{
    free(a->id);
    free(a->source);
    free(a->text);
    memset(a, 0, sizeof *a);
}
