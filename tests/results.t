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
# every article with claims has its chart; one without claims has none (keyfig plot skips it)
for f in tests/seeds/*.txt results/example-page.html results/example-columns.pdf; do
  id=$(basename "${f%.*}")
  n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["claims"]))' "$OUT/results/$id.json" 2>/dev/null)
  if [ "${n:-0}" -gt 0 ]; then
    [ -s "results/$id/figures.png" ] && [ -s "results/$id/figures.svg" ] && pass "results.chart.$id" || fail "results.chart.$id" "results/$id/figures.png or .svg missing ($n claims): run 'make results'"
  else
    [ ! -e "results/$id" ] && pass "results.no_chart.$id" || fail "results.no_chart.$id" "results/$id/ exists for an article without claims"
  fi
done
[ -s results/report.html ] && pass results.report || fail results.report "results/report.html missing"
# the corpus answers of the README (tests/make_results.sh builds the same database)
db=$OUT/results/corpus.db
"$KEYFIG" extract --db "$db" tests/seeds tests/data/corpus
"$KEYFIG" query --db "$db" --subject 医保基金支出 --from 2023 --to 2024 > "$OUT/results/query.txt"
"$KEYFIG" trend --db "$db" --subject 医保基金支出 --unit 元 -o "$OUT/results/trend.png"
"$KEYFIG" conflicts --db "$db" > "$OUT/results/conflicts.txt"
for f in query.txt trend.dat trend.gp conflicts.txt; do
  if cmp -s "results/$f" "$OUT/results/$f"; then pass "results.corpus.$f"
  else fail "results.corpus.$f" "results/$f differs from a fresh run: run 'make results'"; fi
done
[ -s results/trend.png ] && [ -s results/trend.svg ] && pass results.corpus.trend_chart || fail results.corpus.trend_chart "results/trend.png/svg missing"
