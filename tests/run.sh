#!/bin/sh
# Run every test: the C unit-test binaries in BUILD/tests and the shell tests tests/*.t.
# Usage: tests/run.sh KEYFIG BUILD. Ends with "N passed, N failed, N skipped"; exit 1 on failure.
# Scratch files: tests/out/NAME for the shell test NAME.t, tests/out/unit/NAME for unit tests.
set -u
KEYFIG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BUILD=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=""
[ -d "$ROOT/../shared" ] && SHARED=$(cd "$ROOT/../shared" && pwd)
OUT=$ROOT/tests/out
rm -rf "$OUT" && mkdir -p "$OUT"
export KEYFIG BUILD SHARED OUT ROOT LC_ALL=C
log=$OUT/all.log
: > "$log"
for t in "$ROOT/$BUILD"/tests/*; do
  [ -x "$t" ] || continue
  echo "== $(basename "$t")" >> "$log"
  (cd "$ROOT" && "$t") >> "$log" 2>&1 || echo "FAIL $(basename "$t"): exited with status $?" >> "$log"
done
# each shell test gets a scratch directory of its own: tests/out/NAME
for t in "$ROOT"/tests/*.t; do
  [ -f "$t" ] || continue
  name=$(basename "$t" .t)
  echo "== $name.t" >> "$log"
  mkdir -p "$OUT/$name"
  (cd "$ROOT" && OUT=$OUT/$name sh "$t") >> "$log" 2>&1 || echo "FAIL $name.t: exited with status $?" >> "$log"
done
passed=$(grep -c '^PASS ' "$log")
failed=$(grep -c '^FAIL ' "$log")
skipped=$(grep -c '^SKIP ' "$log")
grep -E '^(FAIL|SKIP) ' "$log"
echo "full log: tests/out/all.log"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
