/* test_poslex: the part-of-speech lexicon (jieba's dictionary with pos.tsv and postags.tsv on
 * top) and the noun-phrase narrowing subject.c builds on it, on invented phrases. Each case is
 * a stretch of text and what must come of it: its split into words with their classes, or the
 * subject kept ("" for none). Prints one PASS / FAIL line per check; run from the repository root. */
#include <stdio.h>
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
    {"其他支援员工", "支援员工", 1, __LINE__, 0},
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

int main(void)
{
    struct keyfig_error err = {0};
    struct keyfig_patterns *p = patterns_load(NULL, 0, 1, &err);
    if (!p) {
        printf("FAIL poslex.load: %s\n", err.text);
        return 1;
    }
    if (poslex_ok())
        printf("PASS poslex.table\n");
    else
        printf("FAIL poslex.table: the embedded table is malformed\n"), failures++;
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
