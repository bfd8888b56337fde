/* stagetime: where a run's time goes, stage by stage, in a build made with -DKEYFIG_STAGE_TIMES
 * (make bench builds one as build/stages/keyfig). A stage is entered and left around its work; its
 * self time (time inside it less the time in the stages it calls) is summed over all threads, and
 * at exit the sums are written to the file $KEYFIG_STAGE_FILE names (nothing is printed). In a
 * normal build the macros are empty. */
#ifndef KEYFIG_STAGETIME_H
#define KEYFIG_STAGETIME_H

enum stage {
    STAGE_LOAD,        /* loading the patterns and the lexicon, compiling the rules */
    STAGE_READ,        /* parsing a JSON Lines record (Jansson) */
    STAGE_NORMALISE,   /* text.c */
    STAGE_NUMBERS,     /* the numeral scan (matcher_next_number) */
    STAGE_STOP_AT,     /* stop rules at each numeral */
    STAGE_CLAIM_RULES, /* claim rules at each numeral */
    STAGE_TEXT_RULES,  /* text-wide stop rules and item rules */
    STAGE_SEGMENT,     /* the lexicon: segmenting a stretch into words (poslex_segment) */
    STAGE_ASSEMBLE,    /* the rest of finding claims: parse, subject, qualifiers (claims_find) */
    STAGE_FINISH,      /* finishing a claim: offsets, strings cut from the original */
    STAGE_WRITE,       /* writing its JSON */
    STAGE_COUNT
};

#ifdef KEYFIG_STAGE_TIMES
void stage_enter(enum stage s);
void stage_leave(void);
#define STAGE_ENTER(s) stage_enter(s)
#define STAGE_LEAVE() stage_leave()
#else
#define STAGE_ENTER(s) ((void)0)
#define STAGE_LEAVE() ((void)0)
#endif
/* STAGE(s, call;) runs the statement call inside stage s. */
#define STAGE(s, call)                                                                                                 \
    do {                                                                                                               \
        STAGE_ENTER(s);                                                                                                \
        call;                                                                                                          \
        STAGE_LEAVE();                                                                                                 \
    } while (0)

#endif
