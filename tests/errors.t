# Error cases, one directory each (jq's %%FAIL, universal-ctags' Tmain): tests/errors/NAME.d holds
# args (keyfig's arguments, one line, split at spaces), stderr (the exact text expected) and
# status (the exit code), with any input files the arguments name. keyfig runs inside a copy of
# the directory, so the paths in messages are the case's own. Error text is part of the interface.
. tests/lib.sh
for d in tests/errors/*.d; do
  name=$(basename "$d" .d)
  T=$OUT/$name
  rm -rf "$T" && mkdir -p "$T" && cp -R "$d/." "$T/"
  # shellcheck disable=SC2046
  (cd "$T" && "$KEYFIG" $(cat args) > stdout 2> actual.stderr; echo $? > actual.status)
  check "errors.$name.status" "$(cat "$d/status")" "$(cat "$T/actual.status")"
  if cmp -s "$d/stderr" "$T/actual.stderr"; then pass "errors.$name.stderr"
  else fail "errors.$name.stderr" "want [$(cat "$d/stderr")], got [$(cat "$T/actual.stderr")] (kept in $T)"; fi
done
