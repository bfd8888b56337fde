# plots/review.js (review and gold TSV, the page's figure parser) under node, without a browser.
. tests/lib.sh
if command -v node > /dev/null 2>&1; then
  node tests/review_js.test.js "$ROOT" > "$OUT/review_js.log" 2>&1
  rc=$?
  grep -E '^(PASS|FAIL|SKIP) ' "$OUT/review_js.log"
  [ "$rc" -eq 0 ] || fail "review.js test" "node exited with status $rc: $(grep -v -E '^(PASS|FAIL|SKIP) ' "$OUT/review_js.log" | head -2)"
else
  skip "review.js" "node is not installed"
fi
