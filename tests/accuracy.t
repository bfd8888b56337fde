# Accuracy floors, measured with `keyfig eval` (CLAIMS.md's matching rule):
# seeds (bundled in tests/): P, R >= 0.95; unit, kind, subject accuracy >= 0.90.
# dev-gwr (read from ../shared, skipped where absent): P, R >= 0.85.
# Also: keyfig eval and the reference scorer print the same scores.
. tests/lib.sh

# at_least NAME FLOOR VALUE
at_least() {
  if awk -v v="$3" -v f="$2" 'BEGIN { exit !(v + 0 >= f + 0) }'; then pass "$1 ($3 >= $2)"; else fail "$1" "$3 is below the floor $2"; fi
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$2" | tail -1; }
acc() { sed -n "s/^$1 accuracy: .* = \([0-9.]*\)$/\1/p" "$2"; }

"$KEYFIG" extract --jsonl tests/seeds > "$OUT/seeds.jsonl" || fail accuracy.seeds.extract "exit $?"
"$KEYFIG" eval --gold tests/gold/seeds.tsv --articles tests/seeds "$OUT/seeds.jsonl" > "$OUT/seeds.eval" 2>&1
at_least accuracy.seeds.precision 0.95 "$(field P "$OUT/seeds.eval")"
at_least accuracy.seeds.recall 0.95 "$(field R "$OUT/seeds.eval")"
for a in unit kind subject; do
  at_least "accuracy.seeds.$a" 0.90 "$(acc $a "$OUT/seeds.eval")"
done

if need_shared accuracy.dev-gwr; then
  "$KEYFIG" extract --jsonl "$SHARED/dev/gwr" > "$OUT/gwr.jsonl" || fail accuracy.gwr.extract "exit $?"
  "$KEYFIG" eval --gold "$SHARED/gold/dev-gwr.tsv" --articles "$SHARED/dev/gwr" "$OUT/gwr.jsonl" > "$OUT/gwr.eval" 2>&1
  at_least accuracy.gwr.precision 0.85 "$(field P "$OUT/gwr.eval")"
  at_least accuracy.gwr.recall 0.85 "$(field R "$OUT/gwr.eval")"
  if command -v python3 >/dev/null && [ -f "$SHARED/tools/score.py" ]; then
    for set in seeds gwr; do
      if [ $set = seeds ]; then g=tests/gold/seeds.tsv; d=tests/seeds; else g=$SHARED/gold/dev-gwr.tsv; d=$SHARED/dev/gwr; fi
      python3 "$SHARED/tools/score.py" --gold "$g" --articles "$d" --pred "$OUT/$set.jsonl" > "$OUT/$set.ref" 2>/dev/null
      "$KEYFIG" eval --gold "$g" --articles "$d" "$OUT/$set.jsonl" > "$OUT/$set.mine" 2>/dev/null
      if cmp -s "$OUT/$set.ref" "$OUT/$set.mine"; then pass "eval.agrees_with_score_py.$set"
      else fail "eval.agrees_with_score_py.$set" "$(diff "$OUT/$set.ref" "$OUT/$set.mine" | head -3 | tr '\n' ' ')"; fi
    done
  else
    skip eval.agrees_with_score_py "python3 or ../shared/tools/score.py missing"
  fi
fi
