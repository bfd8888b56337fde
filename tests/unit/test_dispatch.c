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

int main(void)
{
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
