#!/bin/sh
# Regenerate results/ from the bundled seed articles (tests/seeds, copied from the project's
# founding set): claims JSON per article, a chart per article, and the review page.
# Usage: tests/make_results.sh KEYFIG
set -eu
KEYFIG=$1
cd "$(dirname "$0")/.."
mkdir -p results
rm -f results/*.json
"$KEYFIG" extract -o results tests/seeds
"$KEYFIG" plot --out results results/*.json
"$KEYFIG" report --charts results -o results/report.html tests/seeds  # from the articles: set-aside numbers shown faintly
echo "results/: $(ls results/*.json | wc -l) claim files, charts in results/<id>/, review page results/report.html"
