#!/bin/sh
# make bench, the database part: load >= 1 M claims into SQLite and into a throw-away PostgreSQL
# server, then time a subject query and a trend query on each. Writes results/bench_db.md.
# usage: tests/bench/db.sh KEYFIG
# env: DB_BENCH_CLAIMS (default 1000000), DB_BENCH_REPS (query repetitions, 5), DB_BENCH_SEED
set -eu
KEYFIG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CLAIMS=${DB_BENCH_CLAIMS:-1000000}
REPS=${DB_BENCH_REPS:-5}
SEED=${DB_BENCH_SEED:-20240501}
B=$ROOT/build/bench/db
SUBJECT=全省医保基金支出
export LC_ALL=C
cd "$ROOT"
say() { echo "bench-db: $*" >&2; }

rm -rf "$B" && mkdir -p "$B/corpus"
chmod 755 "$B" "$B/corpus"
say "generating $CLAIMS claims"
python3 tests/bench/db_corpus.py "$CLAIMS" 10 "$B/corpus" "$SEED"
chmod 644 "$B"/corpus/*.jsonl

now() { date +%s%N; }
ms() { echo "$1 $2" | awk '{printf "%.1f", ($2 - $1) / 1e6}'; }
# median of the arguments
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# bench NAME TARGET: one table row
bench() {
  name=$1 db=$2
  say "$name: loading"
  /usr/bin/time -f "%e %U %S" -o "$B/load.time" "$KEYFIG" load --db "$db" "$B"/corpus/*.jsonl
  load_ms=$(awk '{printf "%.0f", $1 * 1000}' "$B/load.time")
  cpu=$(awk '{printf "%.1f", $2 + $3}' "$B/load.time")
  stored=$("$KEYFIG" query --db "$db" --format tsv --subject 全省 | tail -n +2 | wc -l)
  q="" t=""
  for i in $(seq "$REPS"); do
    t0=$(now); "$KEYFIG" query --db "$db" --subject "$SUBJECT" --format tsv > "$B/q.tsv"; t1=$(now)
    q="$q $(ms "$t0" "$t1")"
    t0=$(now); "$KEYFIG" trend --db "$db" --subject "$SUBJECT" --unit 元 -o "$B/trend.png" 2> /dev/null; t1=$(now)
    t="$t $(ms "$t0" "$t1")"
  done
  rows=$(($(wc -l < "$B/q.tsv") - 1))
  rate=$(echo "$CLAIMS $load_ms" | awk '{printf "%.0f", $1 / ($2 / 1000)}')
  cpu_rate=$(echo "$CLAIMS $cpu" | awk '{printf "%.0f", $1 / $2}')
  echo "| $name | $CLAIMS | $(echo "$load_ms" | awk '{printf "%.1f", $1 / 1000}') | $rate | $cpu | $cpu_rate | $rows | $(median $q) | $(median $t) |" >> "$B/rows.md"
  say "$name: load ${load_ms} ms, query $(median $q) ms, trend $(median $t) ms ($stored claims of 全省 subjects)"
}

: > "$B/rows.md"
bench SQLite "$B/bench.db"
. tests/pg.sh
trap pg_stop EXIT
if pg_start 5434; then
  bench PostgreSQL "$PG_URL"
else
  say "PostgreSQL skipped: $PG_WHY"
  echo "| PostgreSQL | skipped: $PG_WHY | | | | | | | |" >> "$B/rows.md"
fi

{
  echo "# Database benchmark"
  echo
  echo "\`make bench\` (tests/bench/db.sh): $CLAIMS generated claims (tests/bench/db_corpus.py, 20 an article,"
  echo "2000 subjects, seed $SEED) in 10 JSON Lines files, loaded by one \`keyfig load\` into an empty database;"
  echo "then the median of $REPS runs of a subject query (\`keyfig query --subject $SUBJECT --format tsv\`) and"
  echo "of a trend (\`keyfig trend --subject $SUBJECT --unit 元\`, gnuplot included). Times are whole"
  echo "commands, process start (the pattern set, the lexicon) included. PostgreSQL runs with"
  echo "fsync=off on a Unix socket, as the tests start it. keyfig CPU is the loader's own user + system time"
  echo "(the PostgreSQL server's work is not in it); wall times depend on what else the machine runs:"
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end of this run."
  echo
  echo "| database | claims | load s (wall) | claims/s (wall) | keyfig CPU s | claims per CPU s | query rows | query ms | trend ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$B/rows.md"
  echo
  echo "Machine: $(nproc) cores, $(uname -sr)."
} > results/bench_db.md
cat results/bench_db.md
