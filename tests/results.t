# results/ holds the output of the README's main command for the bundled seeds: it must be current.
. tests/lib.sh
mkdir -p "$OUT/results"
"$KEYFIG" extract -o "$OUT/results" tests/seeds
for f in tests/seeds/*.txt; do
  id=$(basename "$f" .txt)
  if cmp -s "results/$id.json" "$OUT/results/$id.json"; then pass "results.current.$id"
  else fail "results.current.$id" "results/$id.json differs from a fresh extraction: run 'make results'"; fi
done
"$KEYFIG" extract -o "$OUT/results" results/example-page.html results/example-columns.pdf
for id in example-page example-columns; do
  if cmp -s "results/$id.json" "$OUT/results/$id.json"; then pass "results.current.$id"
  else fail "results.current.$id" "results/$id.json differs from a fresh extraction: run 'make results'"; fi
done
for d in results/*/; do
  [ -f "$d/figures.png" ] && [ -f "$d/figures.svg" ] && pass "results.chart.$(basename "$d")" || fail "results.chart.$(basename "$d")" "missing figures.png/svg"
done
[ -s results/report.html ] && pass results.report || fail results.report "results/report.html missing"
