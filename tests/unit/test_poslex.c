/* test_poslex: the part-of-speech lexicon (jieba's dictionary with pos.tsv and postags.tsv on
 * top) and the noun-phrase narrowing subject.c builds on it, on invented phrases. Each case is
 * a stretch of text and what must come of it: its split into words with their classes, or the
 * subject kept ("" for none). Prints one PASS / FAIL line per check; run from the repository root. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "extract.h"
#include "lexicon.h"
#include "poslex.h"
#include "subject.h"
#include "text.h"

static int failures;

static const char *const class_names[POS_NCLASSES] = {"noun", "mod", "verb", "adv", "func", "pron", "time", "num", "place", "other"};

/* A stretch and its split: words/classes separated by spaces. */
struct seg_case {
    const char *in, *want;
    int line;
};
static const struct seg_case seg_cases[] = {
    {"巡回诊疗车", "巡回/verb 诊疗/noun 车/noun", __LINE__},
    {"国内生产总值同比增长", "国内/noun 生产总值/noun 同比/adv 增长/verb", __LINE__},
    {"由2013年", "由/func 2013/num 年/num", __LINE__},
    {"GDP总量", "GDP/noun 总量/noun", __LINE__},
    {"每月可领取", "每月/time 可/adv 领取/verb", __LINE__},
    {"托位", "托位/noun", __LINE__},       /* in no dictionary: a run of single characters is one noun */
    {"今年以来", "今年以来/time", __LINE__}, /* a pos.tsv word beats the words it is made of */
    {"前5个月的翘尾", "前/place 5/num 个/num 月/num 的/func 翘尾/noun", __LINE__}, /* a classifier after a numeral
                                      is no unknown word; a verb after 的 heads a noun phrase */
    {"九巴", "九巴/noun", __LINE__},        /* ... but a numeral that begins a name joins it */
    {"5G基站", "5G/noun 基站/noun", __LINE__}, /* digits and letters together are a name */
};

/* A candidate subject and what is kept of it, read backwards (before the number) or forwards
 * (after a classifier). */
struct np_case {
    const char *in, *want;
    int forward, line, actions; /* actions: the figure counts (人次), so a bare verb may be its subject */
};
static const struct np_case np_cases[] = {
    {"城镇居民人均可支配收入", "城镇居民人均可支配收入", 0, __LINE__, 0},
    {"大致维持", "", 0, __LINE__, 0},               /* an adverb and a linking verb: no subject */
    {"同比", "", 0, __LINE__, 0},
    {"由2013年", "", 0, __LINE__, 0},
    {"他们每月可领取", "", 0, __LINE__, 0},
    {"2017至18年度的总开支", "总开支", 0, __LINE__, 0}, /* a leading year of account goes */
    {"其中出口", "出口", 0, __LINE__, 0},
    {"全年共接诊", "接诊", 0, __LINE__, 1},       /* a count of actions names the action */
    {"每月可领取", "", 0, __LINE__, 0},              /* ... an amount does not */
    {"海外经贸办事处大", "海外经贸办事处", 0, __LINE__, 0}, /* an adjective never ends a subject */
    {"药品收入占", "药品收入", 0, __LINE__, 0},
    {"价", "", 0, __LINE__, 0},                     /* one character is a fragment, not a subject */
    {"巡回诊疗车累计开展", "巡回诊疗车", 1, __LINE__, 0},
    {"人数不断下跌", "人数", 1, __LINE__, 0},
    {"其他支援员工", "其他支援员工", 1, __LINE__, 0},   /* 其他 qualifies the noun (pos.tsv) */
    {"这些支援员工", "支援员工", 1, __LINE__, 0},   /* a demonstrative points, never names */
    {"二级以上医疗机构", "二级以上医疗机构", 1, __LINE__, 0},
    {"省", "省", 1, __LINE__, 0},                   /* after a classifier one character is a noun */
    {"进修学习", "进修学习", 1, __LINE__, 0},
    {"增加更近", "", 1, __LINE__, 0},               /* what happened to the count, not what it counts */
    {"60岁及以上人口", "60岁及以上人口", 0, __LINE__, 0}, /* a threshold that modifies the noun stays */
    {"3个月或以上的求职者", "3个月或以上的求职者", 0, __LINE__, 0},
    {"2019年人口", "人口", 0, __LINE__, 0},          /* ... a date does not */
    {"员工出席", "员工", 1, __LINE__, 0},            /* a noun's predicate is not what a count counts */
};

static void check(const char *what, int line, const char *in, const char *got, const char *want)
{
    if (strcmp(got, want)) {
        printf("FAIL poslex.%s: tests/unit/test_poslex.c:%d: %s: got \"%s\", want \"%s\"\n", what, line, in, got, want);
        failures++;
    } else {
        printf("PASS poslex.%s: %s\n", what, in);
    }
}

/* A string of the dictionary file: a word or a proper prefix of one; for a word, its first
 * entry's frequency and tag. */
struct piece {
    const char *s;
    size_t len;
    unsigned long freq;
    const char *tag;
    size_t line;
};

static int by_bytes(const void *a, const void *b)
{
    const struct piece *x = a, *y = b;
    int c = memcmp(x->s, y->s, x->len < y->len ? x->len : y->len);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* by bytes, then by line: the first entry of a word listed twice comes first */
static int by_bytes_line(const void *a, const void *b)
{
    const struct piece *x = a, *y = b;
    int c = by_bytes(a, b);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

static size_t sort_unique(struct piece *p, size_t n)
{
    qsort(p, n, sizeof *p, by_bytes_line);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (!m || by_bytes(&p[m - 1], &p[i]))
            p[m++] = p[i];
    return m;
}

static const struct piece *in(const struct piece *p, size_t n, const char *s, size_t len)
{
    struct piece k = {s, len, 0, NULL, 0};
    return bsearch(&k, p, n, sizeof *p, by_bytes);
}

/* The embedded table agrees with jieba's dictionary (JIEBA_DICT, the file make turned into the
 * table) on every word, every proper prefix of a word cut between characters, every word followed
 * by its own first character and every word cut inside its last character: a word is
 * POSLEX_IS_WORD, with its first entry's frequency and tag and the logarithm of that frequency
 * the segmenter would compute; a prefix of a longer word is POSLEX_HAS_LONGER; anything else has
 * neither flag. */
static void check_prefix_flags(void)
{
    FILE *f = fopen(JIEBA_DICT, "rb");
    if (!f) {
        printf("FAIL poslex.prefixes: cannot open %s\n", JIEBA_DICT);
        failures++;
        return;
    }
    size_t cap = 1 << 23, size = 0, r;
    char *buf = malloc(cap + 1);
    while (buf && (r = fread(buf + size, 1, cap - size, f)) > 0)
        if ((size += r) == cap && !(buf = realloc(buf, (cap *= 2) + 1)))
            break;
    fclose(f);
    if (!buf) {
        printf("FAIL poslex.prefixes: out of memory\n");
        failures++;
        return;
    }
    buf[size] = 0;
    size_t nw = 0, np = 0, capw = 1 << 16, capp = 1 << 18;
    struct piece *words = malloc(capw * sizeof *words), *prefixes = malloc(capp * sizeof *prefixes);
    for (char *line = buf; line && *line && words && prefixes;) {
        char *end = strchr(line, '\n');
        if (end)
            *end = 0;
        char *word = strtok(line, " \t\r"), *freq = strtok(NULL, " \t\r"), *tag = strtok(NULL, " \t\r");
        if (word && freq && strlen(word) <= 255) { /* the lines poslex_gen takes */
            size_t wl = strlen(word);
            if (nw == capw)
                words = realloc(words, (capw *= 2) * sizeof *words);
            if (words)
                words[nw] = (struct piece){word, wl, strtoul(freq, NULL, 10), tag ? tag : "x", nw}, nw++;
            for (size_t pl = 1; pl < wl && prefixes; pl++)
                if (((unsigned char)word[pl] & 0xC0) != 0x80) {
                    if (np == capp)
                        prefixes = realloc(prefixes, (capp *= 2) * sizeof *prefixes);
                    if (prefixes)
                        prefixes[np++] = (struct piece){word, pl, 0, NULL, np};
                }
        }
        line = end ? end + 1 : NULL;
    }
    if (!words || !prefixes) {
        printf("FAIL poslex.prefixes: out of memory\n");
        failures++;
        free(words), free(prefixes), free(buf);
        return;
    }
    nw = sort_unique(words, nw);
    np = sort_unique(prefixes, np);
    size_t bad = 0, checked = 0, absent = 0;
    char first_bad[600] = "";
    for (int pass = 0; pass < 4; pass++) {
        const struct piece *p = pass == 1 ? prefixes : words;
        size_t n = pass == 1 ? np : nw;
        for (size_t i = 0; i < n; i++) {
            char ext[600];
            const char *s = p[i].s;
            size_t len = p[i].len;
            if (pass == 2) { /* the word and its first character again: mostly in no list */
                size_t fl = 1;
                while (fl < len && ((unsigned char)s[fl] & 0xC0) == 0x80)
                    fl++;
                memcpy(ext, s, len);
                memcpy(ext + len, s, fl);
                s = ext;
                len += fl;
            } else if (pass == 3) { /* cut inside its last character: no word, no prefix */
                if (((unsigned char)s[len - 1] & 0xC0) != 0x80)
                    continue;
                len--;
            }
            const struct piece *wd = in(words, nw, s, len);
            int want = (wd ? POSLEX_IS_WORD : 0) | (in(prefixes, np, s, len) ? POSLEX_HAS_LONGER : 0);
            int got = poslex_entry(s, len);
            uint32_t freq = 0;
            double lf = 0;
            const char *tag = "";
            int word = poslex_word(s, len, &freq, &lf, &tag);
            checked++;
            absent += want == 0;
            if (got != want && !bad++)
                snprintf(first_bad, sizeof first_bad, "%.*s: flags %d, want %d", (int)len, s, got, want);
            else if (word != !!wd && !bad++)
                snprintf(first_bad, sizeof first_bad, "%.*s: poslex_word %d, want %d", (int)len, s, word, !!wd);
            else if (wd && (freq != wd->freq || strncmp(tag, wd->tag, 7) || memcmp(&lf, &(double){log((double)freq)}, sizeof lf)) && !bad++)
                snprintf(first_bad, sizeof first_bad, "%.*s: frequency %u (log %.17g), tag %s; want %lu, %.7s", (int)len,
                         s, freq, lf, tag, wd->freq, wd->tag);
        }
    }
    if (bad || !nw || !absent) {
        printf("FAIL poslex.prefixes: %zu of %zu strings (%zu words) disagree with the dictionary; first: %s\n", bad,
               checked, nw, nw ? first_bad : "no words");
        failures++;
    } else {
        printf("PASS poslex.prefixes: %zu words, %zu prefixes, %zu other strings\n", nw, np, absent);
    }
    free(words);
    free(prefixes);
    free(buf);
}

/* poslex_segment_memo gives poslex_segment's words: every stretch between two character
 * boundaries of a text whose clauses repeat (so that stretches of the same bytes stand at
 * different offsets and the memo answers them), with every max, asked twice (the second time
 * from the memo), and once more after another text has filled the memo. */
static void check_memo(const struct keyfig_patterns *p)
{
    static const char *const texts[] = {
        "国内生产总值同比增长5%，国内生产总值同比增长6%。由2013年的前5个月的翘尾，GDP总量达到5G基站，国内生产总值同比增长",
        "每月可领取托位补贴，今年以来每月可领取托位补贴；九巴今年以来每月可领取",
    };
    int bad = 0;
    size_t asked = 0;
    for (int round = 0; round < 3; round++) {
        struct text t;
        const char *in = texts[round == 1];
        text_normalize(p->nz, in, strlen(in), &t);
        struct poslex_memo *m = poslex_memo_new(t.norm);
        for (int again = 0; again < 2; again++)
            for (size_t a = 0; a < t.norm_len; a++) {
                if (((unsigned char)t.norm[a] & 0xC0) == 0x80)
                    continue;
                for (size_t b = a + 1; b <= t.norm_len; b++) {
                    if (b < t.norm_len && ((unsigned char)t.norm[b] & 0xC0) == 0x80)
                        continue;
                    for (size_t max = 1; max <= POSLEX_MAX_CHARS; max += max < 4 ? 1 : 11) {
                        struct pos_word w1[POSLEX_MAX_CHARS], w2[POSLEX_MAX_CHARS];
                        size_t n1 = poslex_segment(p->lx, t.norm, a, b, w1, max);
                        size_t n2 = poslex_segment_memo(p->lx, m, t.norm, a, b, w2, max);
                        asked++;
                        bad |= n1 != n2;
                        for (size_t k = 0; k < n1 && n1 == n2; k++)
                            bad |= w1[k].start != w2[k].start || w1[k].end != w2[k].end || w1[k].cls != w2[k].cls;
                    }
                }
            }
        poslex_memo_free(m);
        text_free(&t);
    }
    if (!bad && asked > 10000)
        printf("PASS poslex.memo: %zu stretches, the same words with and without the memo\n", asked);
    else
        printf("FAIL poslex.memo: a stretch split otherwise from the memo\n"), failures++;
}

int main(void)
{
    struct keyfig_error err = {0};
    struct keyfig_patterns *p = patterns_load(NULL, 0, 1, &err);
    if (!p) {
        printf("FAIL poslex.load: %s\n", err.text);
        return 1;
    }
    if (poslex_ok() && poslex_verify())
        printf("PASS poslex.table\n");
    else
        printf("FAIL poslex.table: the embedded table is malformed\n"), failures++;
    check_prefix_flags();
    check_memo(p);
    for (size_t i = 0; i < sizeof seg_cases / sizeof seg_cases[0]; i++) {
        const struct seg_case *c = &seg_cases[i];
        struct text t;
        text_normalize(p->nz, c->in, strlen(c->in), &t);
        struct pos_word w[POSLEX_MAX_CHARS];
        size_t n = poslex_segment(p->lx, t.norm, 0, t.norm_len, w, POSLEX_MAX_CHARS);
        char got[512] = "";
        for (size_t k = 0; k < n; k++)
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%.*s/%s", k ? " " : "",
                     (int)(w[k].end - w[k].start), t.norm + w[k].start, class_names[w[k].cls]);
        check("segment", c->line, c->in, got, c->want);
        text_free(&t);
    }
    for (size_t i = 0; i < sizeof np_cases / sizeof np_cases[0]; i++) {
        const struct np_case *c = &np_cases[i];
        struct text t;
        text_normalize(p->nz, c->in, strlen(c->in), &t);
        size_t ss = 0, se = t.norm_len;
        int found = c->forward ? subject_noun_phrase_after(p->lx, t.norm, &ss, &se)
                               : subject_noun_phrase(p->lx, t.norm, &ss, &se, c->actions);
        char got[256];
        snprintf(got, sizeof got, "%.*s", found ? (int)(se - ss) : 0, t.norm + ss);
        check(c->forward ? "noun_phrase_after" : "noun_phrase", c->line, c->in, got, c->want);
        text_free(&t);
    }
    keyfig_patterns_free(p);
    return failures != 0;
}
