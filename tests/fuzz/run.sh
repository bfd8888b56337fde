#!/bin/sh
# make fuzz: build each libFuzzer target in tests/fuzz/ with clang (ASan + UBSan) into
# build/fuzz/libfuzzer/, then run each for FUZZ_SECONDS (default 60) from its seed corpus
# (tests/fuzz/corpus/TARGET) and its regression inputs (tests/fuzz/regressions/TARGET).
# New inputs libFuzzer finds go to build/fuzz/corpus/TARGET, crashes to build/fuzz/crashes/.
# Usage: sh tests/fuzz/run.sh [TARGET...]   (TARGET: a tests/fuzz/fuzz_TARGET.c; default all)
# The build is the Makefile's (BUILD=build/fuzz CC=clang FUZZ=1): its sources, data files,
# pkg-config modules, tables and libraries, so this script lists none of them.
# Needs the Debian packages clang and libclang-rt-14-dev (or the clang version's libclang-rt-N-dev).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
CLANG=${CLANG:-clang}
SECONDS_EACH=${FUZZ_SECONDS:-60}
MAKE=${MAKE:-make}
B=build/fuzz
command -v "$CLANG" >/dev/null 2>&1 || { echo "fuzz: $CLANG not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }

if [ $# -eq 0 ]; then
  for src in tests/fuzz/fuzz_*.c; do
    t=$(basename "$src" .c)
    set -- "$@" "${t#fuzz_}"
  done
fi
bins=""
for t in "$@"; do
  [ -f "tests/fuzz/fuzz_$t.c" ] || { echo "fuzz: no target $t (tests/fuzz/fuzz_$t.c)" >&2; exit 2; }
  bins="$bins $B/libfuzzer/fuzz_$t"
done
# shellcheck disable=SC2086
$MAKE -s --no-print-directory BUILD=$B CC="$CLANG" FUZZ=1 $bins >&2

mkdir -p "$B/crashes"
status=0
for t in "$@"; do
  bin=$B/libfuzzer/fuzz_$t
  mkdir -p "$B/corpus/$t" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t"
  log=$B/fuzz_$t.log
  # -close_fd_mask=2: the targets' own warnings (rule limits, lint) would drown the log;
  # sanitizer reports still come out.
  if "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
       -close_fd_mask=2 -artifact_prefix="$B/crashes/$t-" -print_final_stats=1 \
       "$B/corpus/$t" "tests/fuzz/corpus/$t" "tests/fuzz/regressions/$t" > "$log" 2>&1; then
    runs=$(grep -ao 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
    echo "fuzz_$t: clean for ${SECONDS_EACH}s (${runs:-?} runs)"
  else
    echo "fuzz_$t: FAILED, see $log; inputs in $B/crashes/ (keep each in tests/fuzz/regressions/$t/ once fixed)"
    status=1
  fi
done
exit $status
