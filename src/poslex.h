/* poslex: jieba's dictionary (349,046 words with frequency and part of speech, Debian's
 * python3-jieba) as a table generated at build time (src/tools/poslex_gen.c) and linked into
 * libkeyfig, and a segmenter that cuts a short stretch of the normalised text into words with
 * their class. It knows words, not subjects: subject.c decides what a noun phrase is. */
#ifndef KEYFIG_POSLEX_H
#define KEYFIG_POSLEX_H

#include <stddef.h>
#include <stdint.h>
#include "keyfig.h"

struct lexicon;

/* One word of a segmented stretch: [start, end) in the text, its class (enum pos_class). */
struct pos_word {
    size_t start, end;
    int cls;
};

/* The longest stretch poslex_segment cuts, in characters: a subject is at most 20. */
#define POSLEX_MAX_CHARS 48

/* Cut s[a, b) into words the way jieba does without its model of unknown words: the split
 * whose words' dictionary frequencies give the highest product, words of pos.tsv (the
 * project's own) before jieba's. A stretch longer than POSLEX_MAX_CHARS is cut from its
 * last POSLEX_MAX_CHARS characters. Writes at most max words to out; returns how many. The
 * class of a word is pos.tsv's, else that of its jieba tag (postags.tsv), else that of its
 * subject.tsv role; a character in no dictionary is POS_NOUN when it is CJK (an unlisted name:
 * 劏房, 綜援) and a run of ASCII letters is POS_NOUN (GDP), digits POS_NUM. */
size_t poslex_segment(const struct lexicon *lx, const char *s, size_t a, size_t b, struct pos_word *out, size_t max);

/* A memo of the splits poslex_segment gives for one text (an article's normalised text, while
 * its claims are found): a split depends only on the stretch's bytes and max, so a stretch whose
 * bytes were cut before anywhere in the text (the clause before a figure, read again for each
 * figure after it; the window around a verb) takes the words kept then, at its own offsets. One
 * thread's; the text must stay unchanged while the memo is used. */
struct poslex_memo;
struct poslex_memo *poslex_memo_new(const char *s);
void poslex_memo_free(struct poslex_memo *m);
/* poslex_segment(lx, s, a, b, out, max), the same words, from m when it holds a stretch of the
 * same bytes and max; m may be NULL, and a text other than m's is cut without it. */
size_t poslex_segment_memo(const struct lexicon *lx, struct poslex_memo *m, const char *s, size_t a, size_t b,
                           struct pos_word *out, size_t max);

/* The class of the dictionary word s[0, len), as poslex_segment gives it; -1 when no list
 * knows the word. */
int poslex_class(const struct lexicon *lx, const char *s, size_t len);

/* jieba's entry for the word s[0, len): 1 with its frequency, log(frequency) as the segmenter
 * scores it (computed when the table was made) and its tag name (jieba's, cut at 7 bytes); 0
 * when the table lacks the word. */
int poslex_word(const char *s, size_t len, uint32_t *freq, double *log_freq, const char **tag);

/* What jieba's table says of s[0, len): POSLEX_IS_WORD when it is a word; POSLEX_HAS_LONGER when a
 * longer word begins with it. The segmenter stops lengthening a candidate word without it. */
#define POSLEX_IS_WORD 1
#define POSLEX_HAS_LONGER 2
int poslex_entry(const char *s, size_t len);

/* The class the segmenter gives a word of each tag number 0..255 of the table (postags.tsv's
 * class of the tag's name; a number past the table's tags is "x"), into out[256]; lx's word lists
 * must be loaded. All POS_OTHER when the table is malformed. */
void poslex_tag_classes(const struct lexicon *lx, signed char *out);

/* 1 when the built-in table's header and sizes are well formed (checked once by patterns_load). */
int poslex_ok(void);

/* 1 when, beyond poslex_ok, every index the look-ups read stays in its array (reads the whole
 * table: for tests). */
int poslex_verify(void);

#endif
