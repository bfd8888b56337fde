#!/bin/sh
# A pathological rule (nested quantifiers over the same letter, no required literal so PCRE2's
# start-up optimisations cannot reject the subject early) is stopped by the match limit: one
# warning naming the rule, the other claims still found, and the run stays fast.
# check-patterns warns about the nested quantifier before any article is read.
set -u
. "$ROOT/tests/lib.sh"
T=$OUT/badregex
rm -rf "$T" && mkdir -p "$T"
cp -r "$ROOT/patterns" "$T/p"
{ printf 'bomb\t-\t(?<num>[0-9])(?:(?:a|a)+)+[bc]\n'; cat "$ROOT/patterns/claims.rules"; } > "$T/p/claims.rules"
{ printf '全市共有45家医院。1'; head -c 40 /dev/zero | tr '\000' a; printf '。\n'; } > "$T/in.txt"

start=$(date +%s)
"$KEYFIG" extract --jsonl --patterns "$T/p" "$T/in.txt" > "$T/out" 2> "$T/err"
rc=$?
secs=$(( $(date +%s) - start ))
check badregex_exit 0 "$rc"
# one line naming the article and the rule; the "1" the runaway match starts at is byte 26
check badregex_warning "keyfig: $T/in.txt: Warning: rule bomb: match limit exceeded at byte 26; rule skipped here" "$(cat "$T/err")"
check badregex_other_claims 45 "$(grep -o '"value":[0-9]*' "$T/out" | head -1 | cut -d: -f2)"
# Without the limit this rule takes 2^40 steps; with it, well under a second.
if [ "$secs" -le 10 ]; then pass badregex_fast; else fail badregex_fast "took ${secs}s"; fi

"$KEYFIG" check-patterns "$T/p" > "$T/cp.out" 2> "$T/cp.err"
check badregex_check_patterns_exit 0 "$?"
check badregex_check_patterns_warning \
  "keyfig: $T/p/claims.rules:1: Warning: rule bomb: nested quantifier near \")+[bc]\" may backtrack badly" \
  "$(cat "$T/cp.err")"

# a million digits before a unit: no rule (stop rules included) hits the match limit, and a
# number of a million digits is no figure: no warning, no claim, exit 0
python3 -c "print('1' * 1000000 + '元')" > "$T/digits.txt"
"$KEYFIG" extract --jsonl "$T/digits.txt" > "$T/digits.out" 2> "$T/digits.err"
check badregex.million_digits.rc 0 "$?"
check badregex.million_digits.quiet "" "$(cat "$T/digits.err")"
check badregex.million_digits.no_claim 0 "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["claims"]))' "$T/digits.out")"

# A rule that does not compile: exit 3, one line naming the file and line under --patterns DIR and
# the offset within the rule's own text (not within its expansion, where {NUMERAL} alone is 700 bytes).
B=$T/bad
rm -rf "$B" && cp -r "$ROOT/patterns" "$B"
line=$(( $(wc -l < "$B/claims.rules") + 1 ))
printf 'bad.rule\tmoney\t(?<num>{NUMERAL})(?<unit>元|(?<post>x)\n' >> "$B/claims.rules"
printf '1元\n' > "$T/one.txt"
"$KEYFIG" extract --patterns "$B" "$T/one.txt" > /dev/null 2> "$T/bad.err"
check badregex.compile.rc 3 "$?"
check badregex.compile.message \
  "keyfig: $B/claims.rules:$line: rule bad.rule: PCRE2 error at offset 39: missing closing parenthesis" "$(cat "$T/bad.err")"
# an error inside the rule's text: the offset counts bytes of that text (PCRE2 stops at the class name), and what follows
cp "$ROOT/patterns/claims.rules" "$B/claims.rules"
printf 'bad.class\tmoney\t(?<num>{NUMERAL})[[:nope:]]元\n' >> "$B/claims.rules"
"$KEYFIG" check-patterns "$B" > /dev/null 2> "$T/bad.err"
check badregex.class.rc 3 "$?"
check badregex.class.message \
  "keyfig: $B/claims.rules:$line: rule bad.class: PCRE2 error at offset 20 near \"nope:]]元\": unknown POSIX class name" \
  "$(cat "$T/bad.err")"
cp "$ROOT/patterns/claims.rules" "$B/claims.rules"

# An error inside a macro: the rule's line and the offset of its {NAME}, then the macro's own line in
# the directory actually used and the offset within its definition.
mline=$(grep -n '^CNDIGIT	' "$B/macros.tsv" | cut -d: -f1)
nline=$(grep -n '^NUMBER	' "$B/macros.tsv" | cut -d: -f1)
sed -i 's/^CNDIGIT	\[/CNDIGIT	[[:nope:]]/' "$B/macros.tsv"
"$KEYFIG" extract --patterns "$B" "$T/one.txt" > /dev/null 2> "$T/bad.err"
check badregex.macro.rc 3 "$?"
check badregex.macro.message \
  "keyfig: $B/macros.tsv:$nline: rule NUMBER: PCRE2 error at offset 22 near \"{NUMERAL}(?:\", in {CNDIGIT} ($B/macros.tsv:$mline, offset 3): unknown POSIX class name" \
  "$(cat "$T/bad.err")"
# NUMBER itself broken: its line in macros.tsv of DIR (it used to say line 0 of patterns/macros.tsv)
cp "$ROOT/patterns/macros.tsv" "$B/macros.tsv"
sed -i 's/^NUMBER	(?:/NUMBER	(?:(/' "$B/macros.tsv"
"$KEYFIG" extract --patterns "$B" "$T/one.txt" > /dev/null 2> "$T/bad.err"
check badregex.number.rc 3 "$?"
nlen=$(grep '^NUMBER	' "$B/macros.tsv" | cut -f2 | tr -d '\n' | wc -c)
check badregex.number.message \
  "keyfig: $B/macros.tsv:$nline: rule NUMBER: PCRE2 error at offset $nlen: missing closing parenthesis" "$(cat "$T/bad.err")"
sed -i '/^NUMBER	/d' "$B/macros.tsv"
"$KEYFIG" extract --patterns "$B" "$T/one.txt" > /dev/null 2> "$T/bad.err"
check badregex.no_number.rc 3 "$?"
check badregex.no_number.message "keyfig: $B/macros.tsv: no NUMBER macro (the numeral token rule)" "$(cat "$T/bad.err")"
