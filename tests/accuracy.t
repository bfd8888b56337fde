# Accuracy floors, measured with `keyfig eval` (CLAIMS.md's matching rule), and the check that
# keyfig eval prints exactly what the reference scorer (../shared/tools/score.py) prints.
#   seeds (bundled in tests/)               P, R >= 0.95; unit, kind, subject >= 0.90
#   dev-gwr   (../shared, skipped if absent) the floors in the table below
#   dev-news  (../shared)                   the floors in the table below
#   dev-stats (../shared)                   the floors in the table below
. tests/lib.sh

# at_least NAME FLOOR VALUE
at_least() {
  if awk -v v="$3" -v f="$2" 'BEGIN { exit !(v + 0 >= f + 0) }'; then pass "$1 ($3 >= $2)"; else fail "$1" "$3 is below the floor $2"; fi
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" "$2" | tail -1; }
acc() { sed -n "s/^$1 accuracy: .* = \([0-9.]*\)$/\1/p" "$2"; }

# score SET GOLD DIR FLOORS: extract DIR, score it against GOLD, hold each "name=floor" of FLOORS
# (P, R, or an attribute), and compare keyfig eval's output with the reference scorer's.
score() {
  set_=$1 gold=$2 dir=$3
  "$KEYFIG" extract --jsonl "$dir" > "$OUT/$set_.jsonl" || fail "accuracy.$set_.extract" "exit $?"
  "$KEYFIG" eval --gold "$gold" --articles "$dir" "$OUT/$set_.jsonl" > "$OUT/$set_.eval" 2>&1
  for f in $4; do
    name=${f%%=*} floor=${f#*=}
    case $name in
      P | R) got=$(field "$name" "$OUT/$set_.eval") ;;
      *) got=$(acc "$name" "$OUT/$set_.eval") ;;
    esac
    at_least "accuracy.$set_.$name" "$floor" "$got"
  done
  if [ -z "${SHARED:-}" ] || ! [ -f "$SHARED/tools/score.py" ] || ! command -v python3 >/dev/null; then
    skip "eval.agrees_with_score_py.$set_" "python3 or ../shared/tools/score.py missing"
    return
  fi
  python3 "$SHARED/tools/score.py" --gold "$gold" --articles "$dir" --pred "$OUT/$set_.jsonl" > "$OUT/$set_.ref" 2>/dev/null
  if cmp -s "$OUT/$set_.ref" "$OUT/$set_.eval"; then pass "eval.agrees_with_score_py.$set_"
  else fail "eval.agrees_with_score_py.$set_" "$(diff "$OUT/$set_.ref" "$OUT/$set_.eval" | head -3 | tr '\n' ' ')"; fi
}

score seeds tests/gold/seeds.tsv tests/seeds "P=0.95 R=0.95 unit=0.90 kind=0.90 subject=0.90"
if need_shared accuracy.dev; then
  score gwr "$SHARED/gold/dev-gwr.tsv" "$SHARED/dev/gwr" "P=0.99 R=0.99 subject=0.94 change=0.99"
  score news "$SHARED/gold/dev-news.tsv" "$SHARED/dev/news" "P=0.99 R=0.99 subject=0.87 change=0.97"
  score stats "$SHARED/gold/dev-stats.tsv" "$SHARED/dev/stats" "P=0.99 R=0.99 subject=0.92 change=0.985"
fi
