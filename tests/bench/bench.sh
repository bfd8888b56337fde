#!/bin/sh
# make bench: keyfig's speed and memory against the scan floor (pcre2grep -o, one numeral+unit
# pattern) and the peer (Microsoft Recognizers-Text), on a generated corpus of >= 100 MB.
# Runs are interleaved and repeated; the table gives medians. Writes results/bench.md.
# usage: tests/bench/bench.sh KEYFIG
# env: BENCH_MB (per script part, default 55), BENCH_REPS (3), BENCH_SEED (20240501),
#      BENCH_BIG_MB (the one big article, 16),
#      BENCH_PEER_BYTES (1000000), BENCH_PROFILE_BYTES (2000000; 0 skips the profile),
#      BENCH_REPORT_ONLY=1: rewrite the report from the last run's timings, measuring nothing
set -eu
KEYFIG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/tests/bench
B=$ROOT/build/bench
MB=${BENCH_MB:-55}
REPS=${BENCH_REPS:-3}
SEED=${BENCH_SEED:-20240501}
PEER_BYTES=${BENCH_PEER_BYTES:-1000000}
PROFILE_BYTES=${BENCH_PROFILE_BYTES:-2000000}
BIG_MB=${BENCH_BIG_MB:-16}
# The scan floor: one simple numeral-plus-unit pattern, covering both scripts.
SCAN_PAT='[0-9]+(?:\.[0-9]+)?[万亿萬億]?[元%吨噸人个個]'
export LC_ALL=C
mkdir -p "$B"
cd "$ROOT"

say() { echo "bench: $*" >&2; }

# ---- tools: pcre2grep (pcre2-utils) and GNU time (time) are installed when missing ----
need=""
command -v pcre2grep >/dev/null 2>&1 || need="$need pcre2-utils"
[ -x /usr/bin/time ] || need="$need time"
if [ -n "$need" ]; then
  say "installing Debian packages:$need"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >&2
fi
for c in python3 opencc node npm; do
  command -v $c >/dev/null 2>&1 || { say "$c is missing (make deps installs it)"; exit 1; }
done

# ---- the corpus, rebuilt only when its recipe changes ----
SHARED=$ROOT/../shared
if ls "$SHARED"/seeds/*.txt >/dev/null 2>&1; then
  SOURCES=$(ls "$SHARED"/seeds/*.txt "$SHARED"/dev/gwr/*.txt 2>/dev/null)
elif ls tests/seeds/*.txt >/dev/null 2>&1; then
  SOURCES=$(ls tests/seeds/*.txt)
else
  SOURCES=$(ls tests/data/*.txt)
fi
KEY=$(cat $SOURCES "$HERE/corpus.py" | md5sum | cut -c1-16)-$SEED-$MB
if [ -f "$B/CORPUS.md" ] && grep -q "^recipe key: $KEY\$" "$B/CORPUS.md" && [ -s "$B/simp.jsonl" ] && [ -s "$B/trad.jsonl" ]; then
  say "reusing the corpus in build/bench (recipe $KEY)"
else
  say "building the corpus (2 x $MB MB) from $(echo "$SOURCES" | wc -l) articles"
  rm -f "$B/CORPUS.md"
  gen=$(python3 "$HERE/corpus.py" "$SEED" "$MB" "$B/simp.jsonl" "$B/trad.src.jsonl" $SOURCES)
  opencc -c s2t.json -i "$B/trad.src.jsonl" -o "$B/trad.jsonl"
  rm -f "$B/trad.src.jsonl"
  {
    echo "# The make bench corpus"
    echo
    echo "recipe key: $KEY"
    echo
    echo "Built by tests/bench/corpus.py with seed $SEED: each article joins 3 to 12 paragraphs drawn at"
    echo "random from the sources below, and each number in them is redrawn (70%; Chinese numerals 50%)."
    echo "simp.jsonl is simplified text; trad.jsonl is a second stream from the same generator converted"
    echo "with \`opencc -c s2t.json\`."
    echo
    echo "Generator: $gen"
    echo
    echo "| file | bytes | articles |"
    echo "|---|---|---|"
    for f in simp trad; do echo "| $f.jsonl | $(wc -c < "$B/$f.jsonl") | $(wc -l < "$B/$f.jsonl") |"; done
    echo
    echo "Sources:"
    echo
    for s in $SOURCES; do echo "- ${s#"$ROOT/"} ($(md5sum < "$s" | cut -c1-12))"; done
  } > "$B/CORPUS.md"
fi
head -c "$PEER_BYTES" "$B/simp.jsonl" | sed '$d' > "$B/slice.jsonl"
# One big article (the corpus's articles run together, like a year of reports in one file) and
# one small one: their peak RSS against the article's size.
python3 - "$B/simp.jsonl" "$BIG_MB" "$B/big.txt" "$B/small.txt" <<'PY'
import json, sys
src, mb, big, small = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
out, size = [], 0
with open(src, encoding="utf-8") as f:
    for line in f:
        t = json.loads(line)["text"]
        out.append(t)
        size += len(t.encode())
        if size >= mb * 1e6:
            break
open(big, "w", encoding="utf-8").write("\n\n".join(out) + "\n")
open(small, "w", encoding="utf-8").write(out[0] + "\n")
PY
# The Jansson floor: tests/bench/jsonio.c does only the JSON reading and writing of a run.
cc -O2 -o "$B/jsonio" "$HERE/jsonio.c" -ljansson

# ---- the peer, installed into a scratch directory ----
if [ ! -d "$B/peer/node_modules/@microsoft/recognizers-text-suite" ]; then
  say "installing @microsoft/recognizers-text-suite into build/bench/peer"
  mkdir -p "$B/peer"
  [ -f "$B/peer/package.json" ] || echo '{"private": true}' > "$B/peer/package.json"
  (cd "$B/peer" && npm install --no-audit --no-fund --silent @microsoft/recognizers-text-suite >&2)
fi
PEER_VERSION=$(node -p "require('$B/peer/node_modules/@microsoft/recognizers-text-suite/package.json').version")

# ---- measuring ----
TIMES=$B/times
S=$(wc -c < "$B/simp.jsonl"); T=$(wc -c < "$B/trad.jsonl"); P=$(wc -c < "$B/slice.jsonl")
BIG=$(wc -c < "$B/big.txt"); SMALL=$(wc -c < "$B/small.txt")
KF="$KEYFIG extract --input jsonl --jsonl"
if [ "${BENCH_REPORT_ONLY:-0}" = 1 ] && [ -s "$TIMES" ]; then
  say "reporting the timings of the last run (build/bench/times)"
  REPS=$(awk '$1 == "keyfig.simp"' "$TIMES" | wc -l)
else
: > "$TIMES"
say "writing keyfig's output once, for the Jansson floor"
$KF "$B/simp.jsonl" > "$B/simp.out.jsonl"
$KF "$B/trad.jsonl" > "$B/trad.out.jsonl"
cut -d' ' -f1-3 /proc/loadavg > "$B/load.start"
# run NAME BYTES OK_STATUS CMD...: time one run (wall clock in ns, peak RSS from GNU time).
run() {
  name=$1 bytes=$2 okst=$3; shift 3
  t0=$(date +%s%N)
  st=0
  /usr/bin/time -f %M -o "$B/rss" "$@" > /dev/null 2> "$B/err" || st=$?
  t1=$(date +%s%N)
  if [ "$st" -gt "$okst" ]; then
    say "$name failed with status $st:"; cat "$B/err" >&2; exit 1
  fi
  echo "$name $bytes $((t1 - t0)) $(tail -n 1 "$B/rss")" >> "$TIMES"
}
i=1
while [ "$i" -le "$REPS" ]; do
  say "round $i of $REPS"
  run keyfig.simp "$S" 0 $KF "$B/simp.jsonl"
  run scan.simp "$S" 1 pcre2grep -u -o "$SCAN_PAT" "$B/simp.jsonl"
  run keyfig.trad "$T" 0 $KF "$B/trad.jsonl"
  run scan.trad "$T" 1 pcre2grep -u -o "$SCAN_PAT" "$B/trad.jsonl"
  run keyfig-j1.all $((S + T)) 0 $KF -j 1 "$B/simp.jsonl" "$B/trad.jsonl"
  run keyfig-j2.all $((S + T)) 0 $KF -j 2 "$B/simp.jsonl" "$B/trad.jsonl"
  run keyfig.slice "$P" 0 $KF "$B/slice.jsonl"
  run keyfig.big "$BIG" 0 "$KEYFIG" extract "$B/big.txt"
  run keyfig.small "$SMALL" 0 "$KEYFIG" extract "$B/small.txt"
  for f in simp trad; do
    out=$("$B/jsonio" "$B/$f.jsonl" "$B/$f.out.jsonl")
    echo "jansson.$f $(wc -c < "$B/$f.jsonl") $(echo "$out" | awk '{printf "%.0f", $1 * 1e9}') 0" >> "$TIMES"
  done
  # The peer times recognition only (models built before its clock starts): its own figure.
  out=$(node "$HERE/peer.js" "$B/slice.jsonl" "$B/peer/node_modules")
  echo "peer.slice $P $(echo "$out" | awk '{printf "%.0f", $1 * 1e9}') 0" >> "$TIMES"
  i=$((i + 1))
done
cut -d' ' -f1-3 /proc/loadavg > "$B/load.end"
fi

# Medians: NAME BYTES SECONDS MB/S RSS_MB (MB/s to 6 significant digits: rounded to 3 decimals, the
# peer's 0.0096 MB/s became 0.010 and its ratio to keyfig came out 4% low)
awk '{ n[$1]++; t[$1, n[$1]] = $3; r[$1] = ($4 > r[$1] ? $4 : r[$1]); b[$1] = $2 }
     END { for (k in n) { m = n[k];
             for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (t[k, j] < t[k, i]) { x = t[k, i]; t[k, i] = t[k, j]; t[k, j] = x }
             med = (m % 2) ? t[k, (m + 1) / 2] : (t[k, m / 2] + t[k, m / 2 + 1]) / 2;
             printf "%s %d %.3f %.6g %.1f %d\n", k, b[k], med / 1e9, b[k] / 1e6 / (med / 1e9), r[k] / 1024, m } }' "$TIMES" |
  sort > "$B/medians"
get() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$B/medians"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; printf (r >= 100 ? "%.0f" : "%.3g"), r }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f%%", 100 * a / b }'; }
R_SIMP=$(pct "$(get keyfig.simp 4)" "$(get scan.simp 4)")
R_TRAD=$(pct "$(get keyfig.trad 4)" "$(get scan.trad 4)")
R_PEER=$(ratio "$(get keyfig.simp 4)" "$(get peer.slice 4)")
R_PEER_SLICE=$(ratio "$(get keyfig.slice 4)" "$(get peer.slice 4)")
R_J=$(ratio "$(get keyfig-j2.all 4)" "$(get keyfig-j1.all 4)")
RSS_MAX=$(awk '$1 ~ /^keyfig[.-]/ && $1 !~ /big|small/ && $5 > m { m = $5 } END { print m }' "$B/medians")
RSS_BIG=$(get keyfig.big 5); RSS_SMALL=$(get keyfig.small 5)
R_BIG=$(ratio "$RSS_BIG" "$(awk -v b="$BIG" 'BEGIN { print b / 1048576 }')")
R_BIG_ADDED=$(ratio "$(awk -v a="$RSS_BIG" -v b="$RSS_SMALL" 'BEGIN { print a - b }')" "$(awk -v b="$BIG" 'BEGIN { print b / 1048576 }')")
R_JSON_SIMP=$(pct "$(get jansson.simp 4)" "$(get scan.simp 4)")
R_JSON_TRAD=$(pct "$(get jansson.trad 4)" "$(get scan.trad 4)")
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? "met" : "not met" }'; }

# ---- profile: callgrind over a few MB, the top functions by instructions ----
PROFILE=""
if [ "$PROFILE_BYTES" -gt 0 ] && command -v valgrind >/dev/null 2>&1; then
  say "profiling with callgrind over $PROFILE_BYTES bytes"
  head -c "$PROFILE_BYTES" "$B/simp.jsonl" | sed '$d' > "$B/profile.jsonl"
  tail -c "$PROFILE_BYTES" "$B/trad.jsonl" | sed '1d' >> "$B/profile.jsonl"
  valgrind --tool=callgrind --callgrind-out-file="$B/callgrind.out" $KF "$B/profile.jsonl" > /dev/null 2> "$B/callgrind.err"
  PROFILE=$(callgrind_annotate "$B/callgrind.out" 2>/dev/null | awk '
    /PROGRAM TOTALS/ { total = $1; next }
    total != "" && /^ *[0-9,]+ +\([ 0-9.]+%\)/ && n < 15 {
      pct = $0; sub(/^[^(]*\( */, "", pct); sub(/%.*/, "", pct)
      fn = $0; sub(/^[^)]*\) +/, "", fn); sub(/ \[.*/, "", fn); sub(/^.*\//, "", fn)
      lib = $0; sub(/^.*\[/, "", lib); sub(/\].*/, "", lib); sub(/^.*\//, "", lib)
      printf "| %s%% | `%s` | %s |\n", pct, fn, lib; n++ }')
  PROFILE_TOTAL=$(callgrind_annotate "$B/callgrind.out" 2>/dev/null | awk '/PROGRAM TOTALS/ { print $1 }')
fi

# ---- report ----
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
CORES=$(nproc)
LOAD="not recorded for this run"
[ -f "$B/load.end" ] && LOAD="$(cat "$B/load.start") at the start, $(cat "$B/load.end") at the end"
table() {
  echo "| run | bytes | median s | MB/s | peak RSS MB | runs |"
  echo "|---|---:|---:|---:|---:|---:|"
  for k in keyfig.simp keyfig.trad keyfig-j1.all keyfig-j2.all keyfig.slice keyfig.big keyfig.small scan.simp scan.trad \
    jansson.simp jansson.trad peer.slice; do
    awk -v k="$k" '$1 == k { printf "| %s | %d | %.2f | %.4g | %s | %d |\n", $1, $2, $3, $4, ($1 ~ /^(peer|jansson)/ ? "-" : $5), $6 }' "$B/medians"
  done
}
targets() {
  echo "| target | measured | |"
  echo "|---|---:|---|"
  echo "| keyfig >= 25% of the scan floor, simplified | $R_SIMP | $(verdict "${R_SIMP%\%}" 25) |"
  echo "| keyfig >= 10% of the scan floor, traditional | $R_TRAD | $(verdict "${R_TRAD%\%}" 10) |"
  echo "| keyfig >= 1000x the peer | ${R_PEER}x (same 1 MB slice, with start-up: ${R_PEER_SLICE}x) | $(verdict "$R_PEER" 1000) |"
  echo "| -j 2 >= 1.8x -j 1 | ${R_J}x | $(verdict "$R_J" 1.8) |"
  echo "| peak RSS < 64 MB (--jsonl) | $RSS_MAX MB | $(verdict 64 "$RSS_MAX") |"
  echo "| peak RSS < 4x the largest article (keyfig.big) | ${R_BIG}x ($RSS_BIG MB for $(awk -v b="$BIG" 'BEGIN { printf "%.1f", b / 1048576 }') MiB; above the small article's $RSS_SMALL MB: ${R_BIG_ADDED}x) | $(verdict 4 "$R_BIG") |"
}
# Where the floor-ratio targets stand against the JSON work alone (not targets: the bound).
bound() {
  echo "Jansson alone (jansson.*: reading the records and writing keyfig's documents, nothing else) runs at"
  echo "$R_JSON_SIMP of the scan floor on simplified text and $R_JSON_TRAD on traditional text."
}
table >&2
targets >&2
bound >&2
mkdir -p results
{
  echo "# keyfig benchmark (make bench)"
  echo
  echo "Machine: $CPU, $CORES cores (nproc). Load average (1, 5, 15 min): $LOAD of the timed"
  echo "rounds; anything above 1 means other work shared the cores, which bears on the -j 2 figure."
  echo "Corpus: build/bench/CORPUS.md (seed $SEED): simplified $S bytes, traditional $T bytes; peer slice $P bytes."
  echo "Medians of $REPS interleaved rounds; MB = 10^6 bytes of JSON Lines input; peak RSS from GNU time."
  echo
  echo "- keyfig.*: \`keyfig extract --input jsonl --jsonl FILE > /dev/null\` (single-threaded: the default, -j 1)"
  echo "- keyfig-j1.all / keyfig-j2.all: the same over both files with -j 1 / -j 2"
  echo "- scan.*: \`pcre2grep -u -o '$SCAN_PAT' FILE > /dev/null\`"
  echo "- keyfig.big / keyfig.small: \`keyfig extract FILE > /dev/null\` (one JSON document, -j 1) on one article of"
  echo "  $BIG bytes (the corpus's first articles run together) and on the first article alone ($SMALL bytes)"
  echo "- jansson.*: tests/bench/jsonio.c, only the JSON work of keyfig.*: \`json_loadb\` of every input record and"
  echo "  \`json_dumps\` of every document keyfig wrote for it (parsed beforehand, off the clock)"
  echo "- peer.slice: Recognizers-Text $PEER_VERSION (tests/bench/peer.js), zh-cn number, currency, dimension,"
  echo "  temperature and age models over the slice's texts; recognition time only, models built beforehand"
  echo
  table
  echo
  echo "## Targets (issue 5)"
  echo
  targets
  echo
  bound
  if [ -n "$PROFILE" ]; then
    echo
    echo "## Profile"
    echo
    echo "\`valgrind --tool=callgrind\` over $(wc -c < "$B/profile.jsonl") bytes (simplified and traditional),"
    echo "$PROFILE_TOTAL instructions in all; the top functions by self cost:"
    echo
    echo "| self | function | object |"
    echo "|---:|---|---|"
    echo "$PROFILE"
  fi
  echo
  cat "$HERE/notes.md"
} > results/bench.md
say "wrote results/bench.md"
