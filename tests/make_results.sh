#!/bin/sh
# Regenerate results/ from the bundled seed articles (tests/seeds, copied from the project's
# founding set): claims JSON per article, a chart per article, and the review page; then the
# corpus database answers of the README (query, trend chart, conflicts).
# Usage: tests/make_results.sh KEYFIG
set -eu
KEYFIG=$1
cd "$(dirname "$0")/.."
mkdir -p results
rm -f results/*.json
"$KEYFIG" extract -o results tests/seeds
# The same article as a web page and as a two-column PDF, to show what the HTML and PDF readers
# give (byte spans into the page; page and bbox on the PDF). The PDF is made once and kept.
python3 tests/wrap_html.py tests/seeds/002_4be7ee44c7442c2b.txt results/example-page.html
[ -f results/example-columns.pdf ] || /usr/bin/python3 tests/mkpdf.py columns tests/seeds/002_4be7ee44c7442c2b.txt results/example-columns.pdf
"$KEYFIG" extract -o results results/example-page.html results/example-columns.pdf
"$KEYFIG" plot --out results results/*.json
"$KEYFIG" report --charts results -o results/report.html tests/seeds  # from the articles: set-aside numbers shown faintly
# The corpus questions of the README, on a database of the seeds and the generated articles of
# tests/data/corpus (the seeds repeat no metric over time): a query, the trend chart, the conflicts.
db=build/results.db
rm -f "$db" "$db-wal" "$db-shm"
mkdir -p build
"$KEYFIG" extract --db "$db" tests/seeds tests/data/corpus
"$KEYFIG" query --db "$db" --subject 医保基金支出 --from 2023 --to 2024 > results/query.txt
"$KEYFIG" trend --db "$db" --subject 医保基金支出 --unit 元 -o results/trend.png
"$KEYFIG" conflicts --db "$db" > results/conflicts.txt
echo "results/: $(ls results/*.json | wc -l) claim files, charts in results/<id>/, review page results/report.html,\n  corpus: results/query.txt, results/trend.png, results/conflicts.txt"
