# The corpus database: load, query, trend and conflicts on SQLite and on a throw-away PostgreSQL
# server, over the seed articles, the dev sets (when ../shared is there) and the generated
# articles of tests/data/corpus (one metric, 医保基金支出, over several dates, contradicted once).
# Run by tests/run.sh from the repository root with KEYFIG and OUT set.
. tests/lib.sh

D=$OUT/db
rm -rf "$D" && mkdir -p "$D"
chmod 755 "$D"

# ---- the corpus ------------------------------------------------------------------------------
"$KEYFIG" extract --all --jsonl tests/data/corpus/*.txt > "$D/generated.jsonl"
"$KEYFIG" extract --all --jsonl tests/seeds/*.txt > "$D/seeds.jsonl"
set -- "$D/generated.jsonl" "$D/seeds.jsonl"
if [ -n "${SHARED:-}" ] && [ -d "$SHARED/dev" ]; then
  for s in "$SHARED"/dev/*/; do
    "$KEYFIG" extract --all --jsonl "$s" > "$D/dev-$(basename "$s").jsonl" 2> /dev/null
    set -- "$@" "$D/dev-$(basename "$s").jsonl"
  done
fi
CORPUS="$*"
claims=$(cat $CORPUS | grep -o '"claim":true' | wc -l)
chmod 644 "$D"/*.jsonl

CR=$(printf '\r')
want_csv="article,date,claim,kind,value,value_text,unit,subject,approx,sentence$CR
gen_2023_03,2023-03-10,5,money,2400000000000,2.4万亿,元,医保基金支出,,2022年全省医保基金支出2.4万亿元，同比增长5.2%。$CR
gen_2023_06,2023-06-15,5,money,2400000000000,2.4萬億,元,醫保基金支出,,2023年6月15日電　省醫保局通報，2022年全省醫保基金支出2.4萬億元，定點醫療機構達到2.6萬個。$CR
gen_2023_06b,2023-06-15,5,money,2400000000000,2.4万亿,元,医保基金支出,,2023年6月15日，本报讯　2022年，全省医保基金支出2.4万亿元，比上年增长。$CR
gen_2024_02,2024-02-20,5,money,2800000000000,2.8万亿,元,医保基金支出,,2023年全省医保基金支出2.8万亿元，同比增长7.1%。$CR
gen_2024_05,2024-05-08,5,money,2500000000000,2.5万亿,元,医保基金支出,,2024年5月8日，省财政厅介绍，2023年全省医保基金支出2.5万亿元，定点医疗机构达到2.7万个。$CR"

want_table="article      date        claim  kind           value  value_text  unit  subject       approx  sentence
gen_2024_05  2024-05-08      5  money  2500000000000  2.5万亿     元    医保基金支出          2024年5月8日，省财政厅介绍，2023年全省医保基金支出2.5万亿元…
gen_2024_05  2024-05-08      6  count          27000  2.7万       个    定点医疗机构          2024年5月8日，省财政厅介绍，2023年全省医保基金支出2.5万亿元…"

want_trend="# keyfig trend: block 0 = title, subtitle, y label; block 1 = date, value, articles, label
0	醫保基金支出	6 个数值, 7 次报道 (6 figures, 7 statements)	万亿元


2023-03-10	2.4	1	2.4万亿
2023-06-15	2.4	2	2.4万亿 ×2
2024-02-20	2.8	1	2.8万亿
2024-05-08	2.5	1	2.5万亿
2025-01-12	3.1	1	3.1万亿
2025-03-01	3.12	1	3.12万亿"

want_conflict="医保基金支出 · money · 2023: 2.8万亿元 (gen_2024_02) ≠ 2.5万亿元 (gen_2024_05)
  gen_2024_02: 2023年全省医保基金支出2.8万亿元，同比增长7.1%。
  gen_2024_05: 2024年5月8日，省财政厅介绍，2023年全省医保基金支出2.5万亿元，定点医疗机构达到2.7万个。"

# suite NAME TARGET: every check against one database.
suite() {
  n=$1 db=$2
  "$KEYFIG" load --db "$db" $CORPUS 2> "$D/$n.err"
  check "$n: load" "0 " "$? $(head -1 "$D/$n.err")"
  got=$("$KEYFIG" query --db "$db" --format tsv | tail -n +2 | wc -l)
  check "$n: every claim stored" "$claims" "$got"
  check "$n: query CSV bytes (folded subject, date range, kind)" "$want_csv" \
    "$("$KEYFIG" query --db "$db" --subject 醫保基金支出 --kind money --from 2023 --to 2024-05 --format csv)"
  bom=$("$KEYFIG" query --db "$db" --article gen_2024_05 --format csv --bom | head -c 3 | od -An -tx1 | tr -d ' ')
  check "$n: CSV with a byte order mark" "efbbbf" "$bom"
  check "$n: query table" "$want_table" "$("$KEYFIG" query --db "$db" --article gen_2024_05)"
  check "$n: query --min --max --unit" "gen_2025_01 3100000000000
gen_2025_03 3120000000000" \
    "$("$KEYFIG" query --db "$db" --subject 医保 --unit 元 --min 3e12 --max 4e12 --format tsv | tail -n +2 | cut -f1,5 | tr '\t' ' ')"
  check "$n: query --subject-re" "gen_2023_06 count 26000" \
    "$("$KEYFIG" query --db "$db" --subject-re '^定點' --format tsv | tail -n +2 | cut -f1,4,5 | tr '\t' ' ')"
  check "$n: query jsonl" '{"article": "gen_2024_05", "date": "2024-05-08", "claim": 6, "kind": "count", "value": 27000, "value_text": "2.7万", "unit": "个", "subject": "定点医疗机构", "approx": null, "sentence": "2024年5月8日，省财政厅介绍，2023年全省医保基金支出2.5万亿元，定点医疗机构达到2.7万个。"}' \
    "$("$KEYFIG" query --db "$db" --article gen_2024_05 --kind count --format jsonl)"
  "$KEYFIG" trend --db "$db" --subject 醫保基金支出 -o "$D/$n-trend.png" 2> "$D/$n.err"
  check "$n: trend" "0 keyfig: 醫保基金支出: Warning: 3 figures in other units left out (\"%\"): choose one with --unit" "$? $(cat "$D/$n.err")"
  check "$n: trend data (repeats once, with their count)" "$want_trend" "$(cat "$D/$n-trend.dat")"
  check "$n: trend images" "png svg" "$(file -b "$D/$n-trend.png" | cut -c1-3 | tr A-Z a-z) $(grep -c '<svg' "$D/$n-trend.svg" | sed 's/^1$/svg/')"
  check "$n: conflicts" "$want_conflict" "$("$KEYFIG" conflicts --db "$db" --subject 医保基金)"
  check "$n: conflicts tsv" "医保基金支出 2023 gen_2024_02 2800000000000 gen_2024_05 2500000000000" \
    "$("$KEYFIG" conflicts --db "$db" --subject 医保 --format tsv | tail -n +2 | cut -f1,3,4,6,9,11 | tr '\t' ' ')"
  # idempotent: loading again changes nothing; a changed article replaces its old rows
  "$KEYFIG" load --db "$db" "$D/generated.jsonl"
  check "$n: reload is idempotent" "$claims" "$("$KEYFIG" query --db "$db" --format tsv | tail -n +2 | wc -l)"
  printf '2024年5月8日，省财政厅介绍，2023年全省医保基金支出2.8万亿元。\n' > "$D/gen_2024_05.txt"
  "$KEYFIG" extract --all --jsonl "$D/gen_2024_05.txt" > "$D/fix.jsonl"
  "$KEYFIG" load --db "$db" "$D/fix.jsonl"
  check "$n: a reloaded article replaces its rows" "gen_2024_05 2800000000000" \
    "$("$KEYFIG" query --db "$db" --article gen_2024_05 --format tsv | tail -n +2 | cut -f1,5 | tr '\t' ' ')"
  check "$n: the corrected article no longer conflicts" "" "$("$KEYFIG" conflicts --db "$db" --subject 医保基金)"
  # a broken file stores nothing and the others are still loaded
  printf '{"article": {"id": "broken"}, "claims": [\n' > "$D/broken.jsonl"
  "$KEYFIG" load --db "$db" "$D/broken.jsonl" "$D/generated.jsonl" 2> "$D/$n.err"
  check "$n: broken file" "1 1" "$? $(grep -c "^keyfig: $D/broken.jsonl: invalid JSON" "$D/$n.err")"
  check "$n: broken file stores nothing" "" "$("$KEYFIG" query --db "$db" --article broken --format tsv | tail -n +2)"
  check "$n: generated article back" "gen_2024_05 2500000000000" \
    "$("$KEYFIG" query --db "$db" --article gen_2024_05 --kind money --format tsv | tail -n +2 | cut -f1,5 | tr '\t' ' ')"
  # extract --db stores as load does (the articles replaced by the same text change nothing)
  "$KEYFIG" extract --db "$db" tests/data/corpus/ 2> "$D/$n.err"
  check "$n: extract --db" "0 " "$? $(head -1 "$D/$n.err")"
  check "$n: conflicts after extract --db" "$want_conflict" "$("$KEYFIG" conflicts --db "$db" --subject 医保基金)"
  "$KEYFIG" plot --corpus --db "$db" --out "$D/$n-plot" 2> "$D/$n.err"
  check "$n: plot --corpus --db" "0 corpus.dat corpus.gp corpus.png corpus.svg subjects.dat subjects.gp subjects.png subjects.svg" \
    "$? $(ls "$D/$n-plot" | tr '\n' ' ' | sed 's/ $//')"
}

# converted units and rounding: 12.5公里 = 12530米 at the precision of 12.5, but not 12600米 (at 100 m,
# 12530 is 12500); 萬元 and 万元 are one unit
units() {
  n=$1 db=$2
  "$KEYFIG" load --db "$db" tests/data/units.jsonl
  check "$n: conflicts across converted units, beyond rounding only" "地铁三号线 · length · as of 2024-01-05: 12.5公里 (u_a) ≠ 12600米 (u_b)
  u_a: 地铁三号线全长12.5公里。
  u_b: 地鐵三號線全長12600米。

地铁三号线 · length · as of 2024-01-05: 12600米 (u_b) ≠ 12530米 (u_c)
  u_b: 地鐵三號線全長12600米。
  u_c: 地铁三号线全长12530米。" "$("$KEYFIG" conflicts --db "$db" --subject 地铁)"
  check "$n: --unit folds 萬元" "u_a 萬元 補助
u_c 万元 补助" "$("$KEYFIG" query --db "$db" --unit 万元 --article u_a --format tsv | tail -n +2 | cut -f1,7,8 | tr '\t' ' ')
$("$KEYFIG" query --db "$db" --unit 萬元 --article u_c --format tsv | tail -n +2 | cut -f1,7,8 | tr '\t' ' ')"
  "$KEYFIG" trend --db "$db" --subject 地铁三号线 -o "$D/$n-metro.svg"
  check "$n: trend converts to the commonest unit" "米|2024-01-05 12500|2024-01-05 12530|2024-01-05 12600|" \
    "$(grep '^0' "$D/$n-metro.dat" | cut -f4)|$(grep '^2024' "$D/$n-metro.dat" | cut -f1,2 | tr '\t\n' ' |')"
}

# an interrupted load, and readers during a load: every article wholly old or wholly new
interrupted() {
  n=$1 db=$2
  python3 tests/bench/db_corpus.py 40000 1 "$D/va" 1
  python3 tests/bench/db_corpus.py 40000 1 "$D/vb" 2
  chmod -R a+rX "$D/va" "$D/vb"
  "$KEYFIG" load --db "$db" "$D/va/part00.jsonl"
  "$KEYFIG" load --db "$db" "$D/vb/part00.jsonl" &
  loader=$!
  for i in 1 2 3; do
    "$KEYFIG" query --db "$db" --format tsv > "$D/$n-snap$i.tsv"
  done
  wait $loader
  bad=""
  for i in 1 2 3; do
    python3 tests/db_consistent.py "$D/va/part00.jsonl" "$D/vb/part00.jsonl" "$D/$n-snap$i.tsv" > "$D/$n-cons" || bad="$bad $(cat "$D/$n-cons")"
  done
  check "$n: readers during a load see whole articles" "" "$bad"
  "$KEYFIG" load --db "$db" "$D/va/part00.jsonl" &
  loader=$!
  sleep 0.5
  kill -9 $loader 2> /dev/null
  wait $loader 2> /dev/null
  "$KEYFIG" query --db "$db" --format tsv > "$D/$n-killed.tsv"
  python3 tests/db_consistent.py "$D/vb/part00.jsonl" "$D/va/part00.jsonl" "$D/$n-killed.tsv" > "$D/$n-cons"
  check "$n: a killed load leaves whole articles" "0 ok" "$? $(cut -c1-2 "$D/$n-cons")"
}

# ten loaders into one database at once: nothing lost
concurrent() {
  n=$1 db=$2
  rm -rf "$D/parts" && mkdir -p "$D/parts" && chmod 755 "$D/parts"
  cat $CORPUS > "$D/all.jsonl"
  split -n l/10 -d "$D/all.jsonl" "$D/parts/p"
  pids=""
  for p in "$D"/parts/p*; do
    "$KEYFIG" load --db "$db" "$p" 2>> "$D/$n-conc.err" &
    pids="$pids $!"
  done
  bad=0
  for p in $pids; do wait "$p" || bad=$((bad + 1)); done
  check "$n: 10 concurrent loaders succeed" "0 " "$bad $(head -1 "$D/$n-conc.err")"
  check "$n: 10 concurrent loaders lose nothing" "$claims" "$("$KEYFIG" query --db "$db" --format tsv | tail -n +2 | wc -l)"
}

suite sqlite "$D/corpus.db"
concurrent sqlite "$D/concurrent.db"
units sqlite "$D/corpus.db"
interrupted sqlite "$D/interrupted.db"

# the generated articles alone, by extract --db: the aggregates of plot --corpus --db
"$KEYFIG" extract --db "$D/gen.db" tests/data/corpus/
"$KEYFIG" plot --corpus --db "$D/gen.db" --out "$D/gen-plot"
check "plot --corpus --db: claims per month by kind" "0	keyfig: 每月的关键数据 (claims per month by kind)	7 篇文章, 14 项数据 (7 articles, 14 claims)
1	2023-03	3	1	1	1
2	2023-06	3	2	0	1
3	2024-02	3	1	1	1
4	2024-05	2	1	0	1
5	2025-01	2	1	1	0
6	2025-03	1	1	0	0" "$(grep -v '^#' "$D/gen-plot/corpus.dat" | grep .)"
check "plot --corpus --db: top subjects" "1	医保基金支出	10	7	3	0
2	基本医疗保险参保人数	2	0	0	2
3	定点医疗机构	2	0	0	2" "$(grep '^[1-9]' "$D/gen-plot/subjects.dat")"
"$KEYFIG" extract --format csv tests/data/corpus/gen_2024_05.txt > "$D/x.csv"
check "extract --format csv" "article,date,claim,kind,value,value_text,unit,subject,approx,sentence$CR
gen_2024_05,2024-05-08,5,money,2500000000000,2.5万亿,元,医保基金支出,,2024年5月8日，省财政厅介绍，2023年全省医保基金支出2.5万亿元，定点医疗机构达到2.7万个。$CR
gen_2024_05,2024-05-08,6,count,27000,2.7万,个,定点医疗机构,,2024年5月8日，省财政厅介绍，2023年全省医保基金支出2.5万亿元，定点医疗机构达到2.7万个。$CR" "$(cat "$D/x.csv")"
check "extract --format tsv on 2 threads, in input order" "gen_2023_03 gen_2023_03 gen_2023_03 gen_2023_06 gen_2023_06 gen_2023_06b" \
  "$("$KEYFIG" extract --format tsv -j2 tests/data/corpus/ | tail -n +2 | cut -f1 | head -6 | tr '\n' ' ' | sed 's/ $//')"
# CSV quotes a field holding a comma, a quote or a line break (quotes doubled); TSV escapes
"$KEYFIG" load --db "$D/quoting.db" tests/data/quoting.json
check "CSV quoting (RFC 4180)" "$(printf '"q""uote",2024-02-01,1,count,3,3,个,"a,b ""c""",,"line one, ""quoted""\nline\ttwo \\ end"\r')" \
  "$("$KEYFIG" query --db "$D/quoting.db" --format csv | tail -n +2)"
check "TSV escapes" 'q"uote	2024-02-01	1	count	3	3	个	a,b "c"		line one, "quoted"\nline\ttwo \\ end' \
  "$("$KEYFIG" query --db "$D/quoting.db" --format tsv | tail -n +2)"
"$KEYFIG" extract --format xml tests/data/corpus/gen_2024_05.txt 2> "$D/err"
check "extract --format xml" "2 keyfig: extract: --format \"xml\" (expected text, html or pdf to read; json, jsonl, csv or tsv to write)" "$? $(cat "$D/err")"
"$KEYFIG" extract --format text --format tsv tests/data/corpus/gen_2024_05.txt > "$D/x.tsv"
check "extract --format text --format tsv (input and output)" "3" "$(wc -l < "$D/x.tsv" | tr -d ' ')"
"$KEYFIG" plot --db "$D/gen.db" 2> "$D/err"
check "plot --db without --corpus" "2" "$?"

# ---- errors ------------------------------------------------------------------------------------
"$KEYFIG" query --db "$D/missing.db" 2> "$D/err"
check "query on a missing database" "1 keyfig: $D/missing.db: cannot open the database: unable to open database file" "$? $(cat "$D/err")"
"$KEYFIG" query --db "$D/corpus.db" --format xml 2> "$D/err"
check "query --format xml" "2 keyfig: query: --format (expected table, csv, tsv or jsonl) \"xml\" (see 'keyfig query --help')" "$? $(cat "$D/err")"
"$KEYFIG" query --db "$D/corpus.db" --from 2023-1 2> "$D/err"
check "query --from bad date" "2" "$?"
"$KEYFIG" query --db "$D/corpus.db" --subject-re '(' 2> "$D/err"
check "query --subject-re bad" "2 keyfig: query: --subject-re \"(\": PCRE2 error at offset 1: missing closing parenthesis" "$? $(cat "$D/err")"
"$KEYFIG" trend --db "$D/corpus.db" --subject 没有这个 -o "$D/none.png" 2> "$D/err"
check "trend without claims" "1 keyfig: 没有这个: no claim about it in an article with a date" "$? $(cat "$D/err")"
check "trend without claims writes nothing" "" "$(ls "$D" | grep '^none')"
"$KEYFIG" trend --db "$D/corpus.db" --subject x -o "$D/t.pdf" 2> "$D/err"
check "trend -o must be png or svg" "2" "$?"
# the multiples of plots/trend-scales.txt (万亿, 亿, 万) take their values from numerals.tsv: a sum
# is shown in the largest its largest figure reaches; lengths and small counts keep their unit
printf '2024年1月5日电\n全市财政收入3.5亿元，旅客人数5.2万人次，医院数量900家，道路长度52000米。\n' > "$D/scales.txt"
"$KEYFIG" extract --db "$D/scales.db" "$D/scales.txt"
for s in 财政收入 旅客人数 医院数量 道路长度; do
  "$KEYFIG" trend --db "$D/scales.db" --subject $s -o "$D/scales-$s.svg"
done
check "trend scales from numerals.tsv" "亿元 3.5 3.5亿|万人次 5.2 5.2万|家 900 900|米 52000 52000|" \
  "$(for s in 财政收入 旅客人数 医院数量 道路长度; do printf '%s %s|' "$(grep '^0' "$D/scales-$s.dat" | cut -f4)" "$(grep '^2024' "$D/scales-$s.dat" | cut -f2,4 | tr '\t' ' ')"; done)"
mkdir -p "$D/no-yi" && cp patterns/* "$D/no-yi/" && grep -v '^亿\|^億' patterns/numerals.tsv > "$D/no-yi/numerals.tsv"
"$KEYFIG" trend --db "$D/scales.db" --subject 旅客人数 --patterns "$D/no-yi" -o "$D/no-yi.svg" 2> "$D/err"
check "trend: a multiple numerals.tsv does not know" \
  "1 keyfig: plots/trend-scales.txt:6: \"万亿\": expected a word of section characters of $D/no-yi/numerals.tsv (one a line)" "$? $(cat "$D/err")"
: > "$D/empty.db"
"$KEYFIG" conflicts --db "$D/empty.db" 2> "$D/err"
check "conflicts on a database without the schema" "1 keyfig: $D/empty.db: not a keyfig database (no schema_version table; create one with 'keyfig load --db')" "$? $(cat "$D/err")"

# ---- PostgreSQL: a throw-away server on a Unix socket -------------------------------------------
. tests/pg.sh
trap pg_stop EXIT
if ! pg_start 5433; then
  if [ "$PG_MISSING" = 1 ]; then skip "postgresql" "$PG_WHY"; else fail "postgresql server starts" "$PG_WHY"; fi
  exit 0
fi
pass "postgresql server starts"
suite postgresql "$PG_URL"
pg_sql "CREATE DATABASE conc"
concurrent postgresql "postgresql://keyfig@/conc?host=$PG&port=5433"
units postgresql "$PG_URL"
pg_sql "CREATE DATABASE interrupted"
interrupted postgresql "postgresql://keyfig@/interrupted?host=$PG&port=5433"
pg_sql "UPDATE schema_version SET version = 99"
"$KEYFIG" query --db "$PG_URL" 2> "$D/err"
check "postgresql: a newer schema is refused" "1 keyfig: $PG_URL: database schema version 99 is newer than this keyfig knows (1)" "$? $(cat "$D/err")"
"$KEYFIG" query --db "postgresql://keyfig:secret@/nodb?host=$PG&port=5433" 2> "$D/err"
check "postgresql: an unknown database, password not shown" "1 keyfig: postgresql://keyfig@/nodb?host=$PG&port=5433: cannot connect: connection to server on socket \"$PG/.s.PGSQL.5433\" failed: FATAL:  database \"nodb\" does not exist" "$? $(cat "$D/err")"
