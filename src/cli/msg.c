/* msg: the program's one printer of errors and warnings ("keyfig: FILE:LINE: Warning: text"),
 * the callbacks that let the library's warnings and out-of-memory reach it, and the mapping
 * of the library's status codes to exit codes. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "util.h"

/* s with its control characters escaped (\n, \t, \x1b): a message naming an id or a path from
 * the input stays one line, so an id holding "\nkeyfig: fake.txt: all good" cannot forge one. */
static void put_escaped(const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\n')
            fputs("\\n", stderr);
        else if (c == '\r')
            fputs("\\r", stderr);
        else if (c == '\t')
            fputs("\\t", stderr);
        else if (c < 0x20 || c == 0x7f)
            fprintf(stderr, "\\x%02x", c);
        else
            fputc(c, stderr);
    }
}

static void print_prefix(const char *file, size_t line, int warning)
{
    fputs("keyfig: ", stderr);
    if (file && *file) {
        put_escaped(file);
        if (line)
            fprintf(stderr, ":%zu", line);
        fputs(": ", stderr);
    }
    if (warning)
        fputs("Warning: ", stderr);
}

/* flockfile keeps a message on one line when several threads extract at once. */
void kf_print_error(const struct keyfig_error *err, int warning)
{
    flockfile(stderr);
    print_prefix(err->file, err->line, warning);
    put_escaped(err->text);
    fputc('\n', stderr);
    funlockfile(stderr);
}

void kf_warn(const char *file, size_t line, const char *fmt, ...)
{
    flockfile(stderr);
    print_prefix(file, line, 1);
    char text[sizeof ((struct keyfig_error *)0)->text];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    put_escaped(text);
    fputc('\n', stderr);
    funlockfile(stderr);
}

void cli_warn(const char *article, const char *rule, const char *text, void *data)
{
    (void)data;
    kf_warn(article, 0, "rule %s: %s", rule, text);
}

/* The library would return an error; the program has nothing better to do than stop. */
static void nomem(size_t size, void *data)
{
    (void)data;
    fprintf(stderr, "keyfig: out of memory (allocating %zu bytes)\n", size);
    exit(CLI_EXIT_RUNTIME);
}

void cli_init(void)
{
    keyfig_set_nomem_handler(nomem, NULL);
}

int cli_exit(int status)
{
    switch (status) {
    case KEYFIG_STATUS_OK: return CLI_EXIT_OK;
    case KEYFIG_STATUS_PATTERN: return CLI_EXIT_PATTERNS;
    default: return CLI_EXIT_RUNTIME;
    }
}
