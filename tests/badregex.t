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
got=$(cat "$T/err")
case $got in
  "keyfig: $T/in.txt: Warning: rule bomb: match limit exceeded"*) pass badregex_warning ;;
  *) fail badregex_warning "want one line [keyfig: $T/in.txt: Warning: rule bomb: match limit exceeded ...], got [$got]" ;;
esac
check badregex_one_warning 1 "$(grep -c . "$T/err")"
check badregex_other_claims 45 "$(grep -o '"value":[0-9]*' "$T/out" | head -1 | cut -d: -f2)"
# Without the limit this rule takes 2^40 steps; with it, well under a second.
if [ "$secs" -le 10 ]; then pass badregex_fast; else fail badregex_fast "took ${secs}s"; fi

"$KEYFIG" check-patterns "$T/p" > "$T/cp.out" 2> "$T/cp.err"
rc=$?
if grep -q 'not built yet' "$T/cp.err"; then
  skip badregex_check_patterns "keyfig check-patterns is not built yet"
else
  check badregex_check_patterns_exit 0 "$rc"
  check badregex_check_patterns_warning \
    "keyfig: $T/p/claims.rules:1: Warning: rule bomb: nested quantifier near \")+[bc]\" may backtrack badly" \
    "$(grep 'rule bomb' "$T/cp.err")"
fi

# a stop rule that hits the match limit inside the combined stop pattern is named too, and the
# run goes on: a million digits before a unit
python3 -c "print('1' * 1000000 + '元')" > "$OUT/digits.txt"
err=$("$KEYFIG" extract "$OUT/digits.txt" 2>&1 >/dev/null); rc=$?
case "$err" in
  "") pass badregex.million_digits_quiet ;;
  *"Warning: rule "*) case "$err" in *"rule stop.rules"*) fail badregex.million_digits_named "$err" ;; *) pass badregex.million_digits_named ;; esac ;;
  *) fail badregex.million_digits "$err" ;;
esac
check badregex.million_digits.rc 0 "$rc"
