#!/bin/sh
# make bench: keyfig's speed and memory against the scan floor (pcre2grep -o, one numeral+unit
# pattern), the peer (Microsoft Recognizers-Text) and a build of an earlier commit (BASE), on a
# generated corpus of >= 100 MB. Runs are interleaved and repeated; the table gives medians.
# Also: start-up on a one-line input, and a stage table from a -DKEYFIG_STAGE_TIMES build of the
# same sources (build/stages/keyfig). Writes results/bench.md.
# usage: tests/bench/bench.sh KEYFIG [STAGE_KEYFIG]
# env: BENCH_BASE (a commit: built in build/bench/base-SHA and measured side by side),
#      BENCH_MB (per script part, default 55), BENCH_REPS (3), BENCH_SEED (20240501),
#      BENCH_BIG_MB (the one big article, 16), BENCH_STARTUP_RUNS (40),
#      BENCH_PEER_BYTES (1000000), BENCH_PEER_REPS (rounds that run the peer, 1: it takes ~100 s),
#      BENCH_PROFILE_BYTES (0: no callgrind profile; the stage table replaces it),
#      BENCH_REPORT_ONLY=1: rewrite the report from the last run's timings, measuring nothing
set -eu
KEYFIG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
STAGE_KEYFIG=""
[ $# -ge 2 ] && [ -x "$2" ] && STAGE_KEYFIG=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/tests/bench
B=$ROOT/build/bench
MB=${BENCH_MB:-55}
REPS=${BENCH_REPS:-3}
SEED=${BENCH_SEED:-20240501}
PEER_BYTES=${BENCH_PEER_BYTES:-1000000}
PROFILE_BYTES=${BENCH_PROFILE_BYTES:-0}
PEER_REPS=${BENCH_PEER_REPS:-1}
STARTUP_RUNS=${BENCH_STARTUP_RUNS:-40}
BASE=${BENCH_BASE:-}
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

# ---- BASE: the given commit, built from git archive in its own directory (kept between runs) ----
BASE_KF=""
BASE_SHA=""
if [ -n "$BASE" ]; then
  BASE_SHA=$(git rev-parse --short "$BASE^{commit}")
  BASE_DESC="$(git log -1 --format='%h, %cs' "$BASE_SHA") ($(git log -1 --format=%s "$BASE_SHA" | cut -c1-60)...)"
  BD=$B/base-$BASE_SHA
  if [ ! -x "$BD/keyfig" ]; then
    say "building BASE $BASE_SHA in $BD"
    rm -rf "$BD" && mkdir -p "$BD"
    git archive "$BASE_SHA" | tar -x -C "$BD"
    (cd "$BD" && make -j2 keyfig >&2) || { say "BASE $BASE_SHA does not build"; exit 1; }
  fi
  BASE_KF=$BD/keyfig
fi

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
BKF="$BASE_KF extract --input jsonl --jsonl"
if [ "${BENCH_REPORT_ONLY:-0}" = 1 ] && [ -s "$TIMES" ]; then
  say "reporting the timings of the last run (build/bench/times)"
  REPS=$(awk '$1 == "keyfig.simp"' "$TIMES" | wc -l)
else
: > "$TIMES"
say "writing keyfig's output once, for the Jansson floor"
$KF "$B/simp.jsonl" > "$B/simp.out.jsonl"
$KF "$B/trad.jsonl" > "$B/trad.out.jsonl"
# -j 2 writes the same bytes as -j 1
if ! $KF -j 2 "$B/simp.jsonl" | cmp -s - "$B/simp.out.jsonl"; then say "-j 2 output differs from -j 1"; exit 1; fi
cut -d' ' -f1-3 /proc/loadavg > "$B/load.start"
# run NAME BYTES OK_STATUS CMD...: time one run (wall clock in ns, peak RSS in KB and user + system
# CPU seconds from GNU time).
run() {
  name=$1 bytes=$2 okst=$3; shift 3
  t0=$(date +%s%N)
  st=0
  /usr/bin/time -f '%M %U %S' -o "$B/rss" "$@" > /dev/null 2> "$B/err" || st=$?
  t1=$(date +%s%N)
  if [ "$st" -gt "$okst" ]; then
    say "$name failed with status $st:"; cat "$B/err" >&2; exit 1
  fi
  echo "$name $bytes $((t1 - t0)) $(tail -n 1 "$B/rss" | awk '{ printf "%d %.2f", $1, $2 + $3 }')" >> "$TIMES"
}
i=1
while [ "$i" -le "$REPS" ]; do
  say "round $i of $REPS"
  run keyfig.simp "$S" 0 $KF "$B/simp.jsonl"
  [ -z "$BASE_KF" ] || run base.simp "$S" 0 $BKF "$B/simp.jsonl"
  run scan.simp "$S" 1 pcre2grep -u -o "$SCAN_PAT" "$B/simp.jsonl"
  run keyfig.trad "$T" 0 $KF "$B/trad.jsonl"
  [ -z "$BASE_KF" ] || run base.trad "$T" 0 $BKF "$B/trad.jsonl"
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
  if [ "$i" -le "$PEER_REPS" ]; then
    out=$(node "$HERE/peer.js" "$B/slice.jsonl" "$B/peer/node_modules")
    echo "peer.slice $P $(echo "$out" | awk '{printf "%.0f", $1 * 1e9}') 0" >> "$TIMES"
  fi
  i=$((i + 1))
done
# Start-up: a one-line input, keyfig and BASE interleaved (tests/bench/startup.py: median wall and
# median CPU of the child, from its resource usage).
say "start-up: $STARTUP_RUNS runs of each on a one-line input"
printf '全市共有45家医院。\n' > "$B/oneline.txt"
python3 "$HERE/startup.py" "$STARTUP_RUNS" "$B/oneline.txt" keyfig "$KEYFIG" ${BASE_KF:+base "$BASE_KF"} > "$B/startup"
# Stages: the -DKEYFIG_STAGE_TIMES build over each file once, single-threaded.
: > "$B/stages"
if [ -n "$STAGE_KEYFIG" ]; then
  for f in simp trad; do
    say "stage times over $f.jsonl"
    KEYFIG_STAGE_FILE="$B/stages.$f" "$STAGE_KEYFIG" extract --input jsonl --jsonl "$B/$f.jsonl" > "$B/stages.out"
    cmp -s "$B/stages.out" "$B/$f.out.jsonl" || { say "the stage build's output differs"; exit 1; }
    sed "s/^/$f /" "$B/stages.$f" >> "$B/stages"
  done
fi
cut -d' ' -f1-3 /proc/loadavg > "$B/load.end"
fi

# Medians: NAME BYTES SECONDS MB/S RSS_MB (MB/s to 6 significant digits: rounded to 3 decimals, the
# peer's 0.0096 MB/s became 0.010 and its ratio to keyfig came out 4% low)
# Fields: NAME BYTES SECONDS MB/S RSS_MB RUNS CPU_SECONDS (median of user + system; 0 where not measured)
awk '{ n[$1]++; t[$1, n[$1]] = $3; c[$1, n[$1]] = ($5 == "" ? 0 : $5); r[$1] = ($4 > r[$1] ? $4 : r[$1]); b[$1] = $2 }
     END { for (k in n) { m = n[k];
             for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) {
               if (t[k, j] < t[k, i]) { x = t[k, i]; t[k, i] = t[k, j]; t[k, j] = x }
               if (c[k, j] < c[k, i]) { x = c[k, i]; c[k, i] = c[k, j]; c[k, j] = x } }
             med = (m % 2) ? t[k, (m + 1) / 2] : (t[k, m / 2] + t[k, m / 2 + 1]) / 2;
             cpu = (m % 2) ? c[k, (m + 1) / 2] : (c[k, m / 2] + c[k, m / 2 + 1]) / 2;
             printf "%s %d %.3f %.6g %.1f %d %.2f\n", k, b[k], med / 1e9, b[k] / 1e6 / (med / 1e9), r[k] / 1024, m, cpu } }' "$TIMES" |
  sort > "$B/medians"
get() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$B/medians"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; printf (r >= 100 ? "%.0f" : "%.3g"), r }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f%%", 100 * a / b }'; }
R_SIMP=$(pct "$(get keyfig.simp 4)" "$(get scan.simp 4)")
R_TRAD=$(pct "$(get keyfig.trad 4)" "$(get scan.trad 4)")
R_PEER=$(ratio "$(get keyfig.simp 4)" "$(get peer.slice 4)")
R_PEER_SLICE=$(ratio "$(get keyfig.slice 4)" "$(get peer.slice 4)")
R_J=$(ratio "$(get keyfig-j1.all 3)" "$(get keyfig-j2.all 3)")
# -j 2 by CPU time (on a shared machine the wall ratio is at the mercy of other work): the speed-up two
# cores of its own would give if both stayed busy, 2 x (-j 1's CPU seconds) / (-j 2's CPU seconds), i.e.
# what threading adds in work; and the cores the -j 2 run actually kept busy (its CPU over its wall).
R_J_BUSY=$(ratio "$(get keyfig-j2.all 7)" "$(get keyfig-j2.all 3)")
R_J_WORK=$(ratio "$(get keyfig-j2.all 7)" "$(get keyfig-j1.all 7)")
R_J_CPU=$(ratio "$(awk -v c="$(get keyfig-j1.all 7)" 'BEGIN { print 2 * c }')" "$(get keyfig-j2.all 7)")
RSS_J2=$(get keyfig-j2.all 5)
RSS_MAX=$(awk '$1 ~ /^keyfig[.-]/ && $1 !~ /big|small/ && $5 > m { m = $5 } END { print m }' "$B/medians")
RSS_BIG=$(get keyfig.big 5); RSS_SMALL=$(get keyfig.small 5)
R_BIG=$(ratio "$RSS_BIG" "$(awk -v b="$BIG" 'BEGIN { print b / 1048576 }')")
R_BIG_ADDED=$(ratio "$(awk -v a="$RSS_BIG" -v b="$RSS_SMALL" 'BEGIN { print a - b }')" "$(awk -v b="$BIG" 'BEGIN { print b / 1048576 }')")
R_JSON_SIMP=$(pct "$(get jansson.simp 4)" "$(get scan.simp 4)")
R_JSON_TRAD=$(pct "$(get jansson.trad 4)" "$(get scan.trad 4)")
if [ -n "$BASE_KF" ] && [ -n "$(get base.simp 4)" ]; then
  R_BASE_SIMP=$(ratio "$(get keyfig.simp 4)" "$(get base.simp 4)")
  R_BASE_TRAD=$(ratio "$(get keyfig.trad 4)" "$(get base.trad 4)")
  R_BASE_SIMP_CPU=$(ratio "$(get base.simp 7)" "$(get keyfig.simp 7)")
  R_BASE_TRAD_CPU=$(ratio "$(get base.trad 7)" "$(get keyfig.trad 7)")
fi
st_get() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$B/startup"; }
START_WALL=$(st_get keyfig 2); START_CPU=$(st_get keyfig 3)
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? "met" : "not met" }'; }
pct_num() { echo "${1%\%}"; }

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
  echo "| run | bytes | median s | MB/s | CPU s | peak RSS MB | runs |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for k in keyfig.simp base.simp keyfig.trad base.trad keyfig-j1.all keyfig-j2.all keyfig.slice keyfig.big keyfig.small \
    scan.simp scan.trad jansson.simp jansson.trad peer.slice; do
    awk -v k="$k" '$1 == k { printf "| %s | %d | %.2f | %.4g | %s | %s | %d |\n", $1, $2, $3, $4,
      ($1 ~ /^(peer|jansson)/ ? "-" : sprintf("%.2f", $7)), ($1 ~ /^(peer|jansson)/ ? "-" : $5), $6 }' "$B/medians"
  done
}
targets() {
  echo "| target (issue 11) | measured | |"
  echo "|---|---:|---|"
  if [ -n "${R_BASE_SIMP:-}" ]; then
    echo "| single-threaded >= 2.0x BASE ($BASE_SHA), simplified | ${R_BASE_SIMP}x (CPU time: ${R_BASE_SIMP_CPU}x) | $(verdict "$R_BASE_SIMP" 2.0) |"
    echo "| single-threaded >= 2.0x BASE ($BASE_SHA), traditional | ${R_BASE_TRAD}x (CPU time: ${R_BASE_TRAD_CPU}x) | $(verdict "$R_BASE_TRAD" 2.0) |"
  else
    echo "| single-threaded >= 2.0x BASE | no BASE given (make bench BASE=commit) | - |"
  fi
  echo "| >= 12% of the scan floor, simplified | $R_SIMP | $(verdict "$(pct_num "$R_SIMP")" 12) |"
  echo "| >= 12% of the scan floor, traditional | $R_TRAD | $(verdict "$(pct_num "$R_TRAD")" 12) |"
  echo "| >= 2000x Recognizers-Text (steady state) | ${R_PEER}x (same 1 MB slice, with start-up: ${R_PEER_SLICE}x) | $(verdict "$R_PEER" 2000) |"
  echo "| start-up <= 15 ms, one-line input | ${START_WALL} ms wall, ${START_CPU} ms CPU (medians of $STARTUP_RUNS) | $(verdict 15 "$START_WALL") (wall), $(verdict 15 "$START_CPU") (CPU) |"
  echo "| peak RSS <= 16 MB, --jsonl -j 2 | $RSS_J2 MB (largest of any --jsonl run: $RSS_MAX MB) | $(verdict 16 "$RSS_J2") |"
  echo "| peak RSS <= 4x the largest article (keyfig.big) | ${R_BIG}x ($RSS_BIG MB for $(awk -v b="$BIG" 'BEGIN { printf "%.1f", b / 1048576 }') MiB; above the small article's $RSS_SMALL MB: ${R_BIG_ADDED}x) | $(verdict 4 "$R_BIG") |"
  echo "| -j 2 >= 1.8x -j 1 | wall ${R_J}x; CPU time ${R_J_CPU}x (2 x CPU of -j 1 / CPU of -j 2; the run kept ${R_J_BUSY} cores busy) | $(verdict "$R_J" 1.8) (wall), $(verdict "$R_J_CPU" 1.8) (CPU) |"
}
# Where the floor-ratio targets stand against the JSON work alone (not targets: the bound).
bound() {
  echo "Jansson alone (jansson.*: reading the records and writing keyfig's documents, nothing else) runs at"
  echo "$R_JSON_SIMP of the scan floor on simplified text and $R_JSON_TRAD on traditional text."
}
startup_table() {
  echo "| program | median wall ms | median CPU ms | runs |"
  echo "|---|---:|---:|---:|"
  awk '{ printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4 }' "$B/startup"
}
# The stage table: each stage's self time as a share of the run's wall time, and that share of the
# run's CPU time per MB of input (the timer reads a wall clock; on a busy machine waiting is spread
# over the stages, so shares are the figure to read).
stage_table() {
  awk -v S="$S" -v T="$T" '
    { v[$1, $2] = $3; c[$1, $2] = $4; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
    END {
      names["load"] = "loading patterns, lexicon, rules"; names["read"] = "reading JSON Lines (json_loadb)"
      names["normalise"] = "normalising (text.c)"; names["numbers"] = "numeral scan (matcher_next_number)"
      names["stop_at"] = "stop rules at each numeral"; names["claim_rules"] = "claim rules at each numeral"
      names["text_rules"] = "text-wide stop and item rules"; names["segment"] = "lexicon: segmenting (poslex_segment)"
      names["assemble"] = "assembling claims: parse, subject, qualify (claims_find, rest)"
      names["finish"] = "finishing claims (offsets, strings from the original)"; names["write"] = "writing JSON"
      printf "| stage | simplified | traditional | CPU s per MB (simp / trad) | calls (simp) |\n|---|---:|---:|---:|---:|\n"
      for (f = 1; f <= 2; f++) { k = f == 1 ? "simp" : "trad"; sum[k] = 0
        for (i = 1; i <= n; i++) if (order[i] != "wall" && order[i] != "cpu") sum[k] += v[k, order[i]] }
      for (i = 1; i <= n; i++) { st = order[i]; if (st == "wall" || st == "cpu") continue
        ps = 100 * v["simp", st] / v["simp", "wall"]; pt = 100 * v["trad", st] / v["trad", "wall"]
        printf "| %s | %.1f%% | %.1f%% | %.4f / %.4f | %d |\n", names[st], ps, pt,
          ps / 100 * v["simp", "cpu"] / (S / 1e6), pt / 100 * v["trad", "cpu"] / (T / 1e6), c["simp", st] }
      os = 100 * (v["simp", "wall"] - sum["simp"]) / v["simp", "wall"]; ot = 100 * (v["trad", "wall"] - sum["trad"]) / v["trad", "wall"]
      printf "| everything else (I/O, the main loop, the CLI) | %.1f%% | %.1f%% | %.4f / %.4f | - |\n", os, ot,
        os / 100 * v["simp", "cpu"] / (S / 1e6), ot / 100 * v["trad", "cpu"] / (T / 1e6)
      printf "\nStage-build runs: %.2f s wall, %.2f s CPU (simplified); %.2f s wall, %.2f s CPU (traditional).\n",
        v["simp", "wall"], v["simp", "cpu"], v["trad", "wall"], v["trad", "cpu"]
      lex_s = v["simp", "segment"] / v["simp", "wall"] * v["simp", "cpu"] / (S / 1e6)
      lex_t = v["trad", "segment"] / v["trad", "wall"] * v["trad", "cpu"] / (T / 1e6)
      printf "The lexicon (segmenting) costs %.1f ms of CPU per MB of simplified input and %.1f ms per MB of traditional\n", 1000 * lex_s, 1000 * lex_t
      printf "input; loading it and the rules at start-up (the load stage) takes %.1f ms.\n", 1000 * v["simp", "load"] / 1
    }' "$B/stages"
}
table >&2
targets >&2
bound >&2
[ -s "$B/stages" ] && stage_table >&2
mkdir -p results
{
  echo "# keyfig benchmark (make bench)"
  echo
  echo "Machine: $CPU, $CORES cores (nproc). Load average (1, 5, 15 min): $LOAD of the timed"
  echo "rounds; anything above 1 means other work shared the cores, which bears on the -j 2 figure."
  echo "Corpus: build/bench/CORPUS.md (seed $SEED): simplified $S bytes, traditional $T bytes; peer slice $P bytes."
  echo "Medians of $REPS interleaved rounds; MB = 10^6 bytes of JSON Lines input; peak RSS and CPU (user + system)"
  echo "from GNU time."
  echo
  echo "- keyfig.*: \`keyfig extract --input jsonl --jsonl FILE > /dev/null\` (single-threaded: the default, -j 1)"
  if [ -n "$BASE_KF" ]; then
    echo "- base.*: the same with BASE, commit $BASE_DESC (built from \`git archive\` in build/bench/base-$BASE_SHA),"
    echo "  run right after keyfig in each round"
  fi
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
  echo "## Targets"
  echo
  targets
  echo
  bound
  echo
  echo "## Start-up"
  echo
  echo "\`keyfig extract\` of a one-line file ($(wc -c < "$B/oneline.txt") bytes), $STARTUP_RUNS runs each, interleaved"
  echo "(tests/bench/startup.py; CPU from the child's resource usage):"
  echo
  startup_table
  if [ -s "$B/stages" ]; then
    echo
    echo "## Where the time goes"
    echo
    echo "A build with \`-DKEYFIG_STAGE_TIMES\` (build/stages/keyfig, src/stagetime.h) over each file once, -j 1, its"
    echo "output checked equal to keyfig's. Each stage's self time (time in it less the stages it calls), as a share"
    echo "of the run's wall time, and that share of the run's CPU time per MB:"
    echo
    stage_table
  fi
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
