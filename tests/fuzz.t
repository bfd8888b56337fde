#!/bin/sh
# Replay every fuzz seed and regression input (tests/fuzz/corpus/, tests/fuzz/regressions/)
# through the normal build, the way a user would reach that code: keyfig extract on the file,
# --input jsonl for the JSON Lines reader, eval --gold for the gold reader, --patterns for the
# pattern loader. Asserts no crash: an exit code keyfig documents (0, 1, 3), never a signal.
# Then each fuzz target itself, built with a replaying main() (BUILD/replay/, by make), runs its
# seeds and regressions: a target that no longer runs them fails here, not only in make fuzz.
set -u
. "$ROOT/tests/lib.sh"
T=$OUT/fuzz
rm -rf "$T" && mkdir -p "$T"
F=$ROOT/tests/fuzz
printf '全市共有45家医院。\n' > "$T/good.txt"
printf '{"article":{"id":"good"},"claims":[]}\n' > "$T/pred.jsonl"
mkdir -p "$T/articles" && cp "$T/good.txt" "$T/articles/good.txt"
# names the pattern target picks with its first byte: the built-in set (the Makefile embeds
# patterns/*.tsv and *.rules), in byte order as fuzz_patterns.c counts them
# shellcheck disable=SC2046
set -- $(cd "$ROOT/patterns" && LC_ALL=C ls -- *.tsv *.rules | LC_ALL=C sort)
NNAMES=$#
[ "$NNAMES" -gt 9 ] || fail fuzz_pattern_names "only $NNAMES files in $ROOT/patterns"

# ok NAME RC: pass unless RC is a signal or an undocumented code.
ok() {
  case $2 in 0|1|3) pass "$1" ;; *) fail "$1" "exit $2 (a crash or a signal?)" ;; esac
}

n=0
for kind in corpus regressions; do
  for t in normalize cnnum extract jsonl gold patterns claims; do
    for f in "$F/$kind/$t"/*; do
      [ -f "$f" ] || continue
      n=$((n + 1))
      name="fuzz_${kind}_${t}_$(basename "$f")"
      case $t in
        normalize|cnnum)
          "$KEYFIG" extract --all "$f" > /dev/null 2>&1; ok "$name" $? ;;
        extract)
          # the target's first byte picks the options; the rest is the article
          tail -c +2 "$f" > "$T/article.txt"
          "$KEYFIG" extract --all --lenient "$T/article.txt" > /dev/null 2>&1; ok "$name" $?
          "$KEYFIG" extract "$T/article.txt" > /dev/null 2>&1; ok "${name}_strict" $? ;;
        jsonl)
          "$KEYFIG" extract --input jsonl --jsonl "$f" > /dev/null 2>&1; ok "$name" $? ;;
        claims)
          rm -rf "$T/charts"
          "$KEYFIG" plot --out "$T/charts" "$f" > /dev/null 2>&1; ok "$name" $? ;;
        gold)
          "$KEYFIG" eval --gold "$f" --articles "$T/articles" "$T/pred.jsonl" > /dev/null 2>&1; ok "$name" $? ;;
        patterns)
          rm -rf "$T/p" && cp -r "$ROOT/patterns" "$T/p"
          k=$(od -An -tu1 -N1 "$f" | tr -d ' ')
          [ -n "$k" ] || k=0
          idx=$((k % NNAMES + 1))
          eval "target=\${$idx}"
          # shellcheck disable=SC2154
          tail -c +2 "$f" > "$T/p/$target"
          "$KEYFIG" extract --patterns "$T/p" "$T/good.txt" > /dev/null 2>&1; ok "$name" $? ;;
      esac
    done
  done
done
[ "$n" -gt 0 ] || fail fuzz_inputs "no input in tests/fuzz/corpus or tests/fuzz/regressions"

# Every target in tests/fuzz/ on its own seeds and regressions, none left out.
for src in "$F"/fuzz_*.c; do
  t=$(basename "$src" .c); t=${t#fuzz_}
  bin=$ROOT/$BUILD/replay/fuzz_$t
  if [ ! -x "$bin" ]; then
    fail "fuzz_target_$t" "$bin not built (make builds every tests/fuzz/fuzz_*.c)"
    continue
  fi
  got=$("$bin" "$F/corpus/$t" $( [ -d "$F/regressions/$t" ] && echo "$F/regressions/$t") 2> "$T/target_$t.err")
  rc=$?
  case "$rc|$got" in
    "0|0 inputs") fail "fuzz_target_$t" "no seeds in tests/fuzz/corpus/$t" ;;
    "0|"*" inputs") pass "fuzz_target_$t" ;;
    *) fail "fuzz_target_$t" "exit $rc on its own inputs: $(head -c 300 "$T/target_$t.err")" ;;
  esac
done
