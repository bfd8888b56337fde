#!/bin/sh
# make fuzz: build each libFuzzer target in tests/fuzz/ with clang (ASan + UBSan) into
# build/fuzz/, then run each for FUZZ_SECONDS (default 60) from its seed corpus
# (tests/fuzz/corpus/TARGET) and its regression inputs (tests/fuzz/regressions/TARGET).
# New inputs libFuzzer finds go to build/fuzz/corpus/TARGET, crashes to build/fuzz/crashes/.
# Usage: sh tests/fuzz/run.sh [TARGET...]   (TARGET: normalize cnnum extract jsonl gold patterns claims id json)
# Needs the Debian packages clang and libclang-rt-14-dev (or the clang version's libclang-rt-N-dev).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
CLANG=${CLANG:-clang}
SECONDS_EACH=${FUZZ_SECONDS:-60}
B=build/fuzz
PKGS="libpcre2-8 jansson opencc libutf8proc"
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
command -v "$CLANG" >/dev/null 2>&1 || { echo "fuzz: $CLANG not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
# shellcheck disable=SC2046
CPPFLAGS="-D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -Isrc/cli $($PKG_CONFIG --cflags $PKGS)"
LIBS="$($PKG_CONFIG --libs $PKGS) -lm -pthread"
CFLAGS="-std=c11 -g -O1 -fno-omit-frame-pointer -pthread -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all"
mkdir -p "$B/obj" "$B/crashes"

# The library and the CLI modules the targets need, compiled once (make-like: a newer source or
# header wins).
DATA=$(ls patterns/*.tsv patterns/*.rules plots/*.gp plots/*.html plots/*.js plots/*.css 2>/dev/null)
stale=0
for d in $DATA src/embed.sh; do [ "$B/embedded.c" -nt "$d" ] || stale=1; done
# shellcheck disable=SC2086
[ "$stale" = 0 ] || sh src/embed.sh "$B/embedded.c" $DATA
objs=""
newest_h=$(ls -t src/*.h src/cli/*.h include/*.h | head -1)
for src in src/*.c src/cli/inputs.c src/cli/gold.c src/cli/fs.c src/cli/claimsdoc.c src/cli/plot.c "$B/embedded.c"; do
  o=$B/obj/$(echo "$src" | tr '/' '_' | sed 's/\.c$/.o/')
  if [ ! -f "$o" ] || [ "$src" -nt "$o" ] || [ "$newest_h" -nt "$o" ]; then
    # shellcheck disable=SC2086
    $CLANG $CPPFLAGS $CFLAGS -Wno-overlength-strings -c -o "$o" "$src"
  fi
  objs="$objs $o"
done
# jieba's table (src/poslex.c), assembled into an object by the Makefile's own rule
make -s build/poslex_blob.o
objs="$objs build/poslex_blob.o"

# jieba's word table, as the library links it (assembled from build/poslex.bin by make)
make --no-print-directory build/poslex_blob.o >&2
objs="$objs build/poslex_blob.o"

targets=${*:-normalize cnnum extract jsonl gold patterns claims id json}
status=0
for t in $targets; do
  bin=$B/fuzz_$t
  # shellcheck disable=SC2086
  $CLANG $CPPFLAGS $CFLAGS -fsanitize=fuzzer -o "$bin" "tests/fuzz/fuzz_$t.c" $objs $LIBS
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
