/* test_dispatch: the shapes of claim rule whose REST (what follows the numeral) dispatch.c finds, and
 * the form it says each has (matcher.c matches REST on its own only for the first two, and probes the
 * third). Invented rules in the style of patterns/claims.rules. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "dispatch.h"

struct rcase {
    const char *name, *rule;
    const char *rest; /* NULL: no REST */
    int form;
};

static const struct rcase cases[] = {
    {"closed", "(?<num>{NUMERAL})(?<unit>{UNIT})(?<post>{POSTWORD})?", "(?<unit>{UNIT})(?<post>{POSTWORD})?",
     NUMERAL_REST_CLOSED},
    {"open", "(?<num>{NUMERAL}(?<unit>倍)半)(?<post>{POSTWORD})?", "(?:(?<unit>倍)半)(?<post>{POSTWORD})?",
     NUMERAL_REST_OPEN},
    {"alternation_inside_a_group", "(?<num>{NUMERAL})(?:万|亿)元", "(?:万|亿)元", NUMERAL_REST_CLOSED},
    {"class_with_bar", "(?<num>{NUMERAL})[|/]件", "[|/]件", NUMERAL_REST_CLOSED},
    /* each branch behind its own look-behind: REST of every branch, for the probe only */
    {"branches", "(?|(?<=为期|长达)(?<num>{NUMERAL})(?<unit>天)(?![0-9])|(?<num>{NUMERAL})(?<unit>天)(?<post>内))",
     "(?:(?<unit>天)(?![0-9])|(?<unit>天)(?<post>内))", NUMERAL_REST_PROBE},
    {"branches_open", "(?|(?<num>{NUMERAL}(?<unit>成))|(?<=约)(?<num>{NUMERAL})(?<unit>倍))",
     "(?:(?:(?<unit>成))|(?<unit>倍))", NUMERAL_REST_PROBE},
    /* not the shape: REST may stand alone, the numeral is optional, a branch holds no numeral */
    {"top_level_bar", "(?<num>{NUMERAL})元|美元", NULL, 0},
    {"optional_numeral", "(?<num>{NUMERAL})?元", NULL, 0},
    {"no_numeral_first", "(?<=￥)(?<num>{NUMERAL})", NULL, 0},
    {"branch_without_numeral", "(?|(?<num>{NUMERAL})(?<unit>天)|(?<num>[0-9]+)(?<unit>日))", NULL, 0},
    {"branches_then_more", "(?|(?<num>{NUMERAL})天|(?<num>{NUMERAL})日)内", NULL, 0},
    {"numeral_alone", "(?<num>{NUMERAL})", NULL, 0},
};

/* dispatch_before: the characters a leading look-behind of plain strings ends with, as hex code
 * points; "(none)" where the rule begins otherwise. */
struct bcase {
    const char *name, *pat, *want;
};

static const struct bcase bcases[] = {
    {"strings", "(?<=为|到|至)(?<num>[0-9]+)", "4E3A 5230 81F3"},
    {"named_group", "(?<=(?<unit>\\$|¥|￥))(?<num>[0-9]+)", "24 A5 FFE5"},
    {"after_lookahead", "(?=[0-9][0-9.]*+点)(?<=报|收于|跌了|涨了)(?<num>[0-9]+)", "4E86 4E86 4E8E 62A5"},
    {"class", "(?<=[0-9]:)(?<num>[0-9]+)", "(none)"},
    {"empty_alternative", "(?<=约|)(?<num>[0-9]+)", "(none)"},
    {"escape_class", "(?<=\\d)(?<num>[0-9]+)", "(none)"},
    {"negative", "(?<!约)(?<num>[0-9]+)", "(none)"},
    {"not_first", "(?<num>[0-9]+)(?<=约)", "(none)"},
    {"branch_reset", "(?|(?<=约)(?<num>[0-9]+)|(?<num>[0-9]+)天)", "(none)"},
    {"nested_group", "(?<=(?:约|近)(?:有))(?<num>[0-9]+)", "(none)"},
};

static void test_before(void)
{
    for (size_t i = 0; i < sizeof bcases / sizeof bcases[0]; i++) {
        uint32_t *set = NULL;
        size_t n = 0;
        char got[256] = "(none)", name[128];
        if (dispatch_before(bcases[i].pat, &set, &n) == 0) {
            size_t len = 0;
            got[0] = '\0';
            for (size_t k = 0; k < n && len < sizeof got - 16; k++)
                len += (size_t)snprintf(got + len, sizeof got - len, "%s%X", k ? " " : "", (unsigned)set[k]);
            free(set);
        }
        snprintf(name, sizeof name, "dispatch.before.%s", bcases[i].name);
        check_str(name, got, bcases[i].want);
    }
}

int main(void)
{
    test_before();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct rcase *c = &cases[i];
        int form = -1;
        char *rest = dispatch_numeral_rest(c->rule, &form);
        char name[128];
        snprintf(name, sizeof name, "dispatch.rest.%s", c->name);
        check_str(name, rest ? rest : "(null)", c->rest ? c->rest : "(null)");
        if (c->rest) {
            snprintf(name, sizeof name, "dispatch.rest.%s.form", c->name);
            check_int(name, form, c->form);
        }
        free(rest);
    }
    return failures != 0;
}
