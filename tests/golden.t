# Golden cases (universal-ctags Units, Jansson's test suites): tests/golden/NAME.d holds
# input.txt and expected.json, the whole document keyfig extract gives for it (every claim, so an
# extra or a missing claim fails), and optionally args (extra options). The actual output of a
# failing case is kept in tests/out/golden/NAME.json. tests/golden/bless NAME re-makes a case.
. tests/lib.sh
mkdir -p "$OUT"
n=0
for d in tests/golden/*.d; do
  name=$(basename "$d" .d)
  n=$((n + 1))
  # shellcheck disable=SC2046
  "$KEYFIG" extract $(cat "$d/args" 2>/dev/null) "$d/input.txt" > "$OUT/$name.json" 2> "$OUT/$name.err"
  if cmp -s "$d/expected.json" "$OUT/$name.json"; then
    pass "golden.$name"
  else
    fail "golden.$name" "output differs from $d/expected.json (actual kept in tests/out/golden/$name.json; diff -u them, and if the change is right: tests/golden/bless $name)"
  fi
done
[ "$n" -gt 0 ] && pass golden.cases_found || fail golden.cases_found "no tests/golden/*.d"
