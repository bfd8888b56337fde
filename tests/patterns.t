# Every claim and stop rule has cases that fire and cases that do not (tests/patterns/*.cases),
# and they all hold; a broken case makes check-patterns exit 3 naming the file and line.
. tests/lib.sh
if "$KEYFIG" check-patterns --cases tests/patterns/*.cases > "$OUT/cases.out" 2> "$OUT/cases.err"; then
  pass "patterns.cases ($(tail -1 "$OUT/cases.out"))"
else
  while read -r line; do fail patterns.case "$line"; done < "$OUT/cases.err"
fi
printf 'measure.unit\t他说了46句话。\t46句\n' > "$OUT/bad.cases"
cat tests/patterns/*.cases >> "$OUT/bad.cases"
err=$("$KEYFIG" check-patterns --cases "$OUT/bad.cases" 2>&1 >/dev/null); rc=$?
check patterns.broken_case "3 keyfig: $OUT/bad.cases:1: rule measure.unit: want \"46句\", got nothing" "$rc $err"
grep -v '^ratio.colon' tests/patterns/claims.cases > "$OUT/missing.cases"
err=$("$KEYFIG" check-patterns --cases "$OUT/missing.cases" tests/patterns/stop.cases 2>&1 >/dev/null); rc=$?
check patterns.rule_without_cases "3 keyfig: rule ratio.colon has no positive case" "$rc $err"
mkdir -p "$OUT/pu" && cp patterns/* "$OUT/pu/" && printf 'x\377\tcount\n' >> "$OUT/pu/units.tsv"
size=$(( $(wc -c < patterns/units.tsv) + 1 ))
err=$("$KEYFIG" check-patterns "$OUT/pu" 2>&1 >/dev/null); rc=$?
check patterns.invalid_utf8 "3 keyfig: $OUT/pu/units.tsv: invalid UTF-8 at byte $size" "$rc $err"
