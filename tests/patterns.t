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
# The language of the article's own stages is data: change.tsv's basis rows name their basis
# (yoy, mom), which the output's change.basis takes; article.tsv holds the date words.
mkdir -p "$OUT/pb" && cp patterns/* "$OUT/pb/"
sed 's/^环比\tnone\tbasis\tmom$/环比\tnone\tbasis/' patterns/change.tsv > "$OUT/pb/change.tsv"
line=$(grep -n '^环比' patterns/change.tsv | cut -d: -f1)
err=$("$KEYFIG" check-patterns "$OUT/pb" 2>&1 >/dev/null); rc=$?
check patterns.basis_column_missing "3 keyfig: $OUT/pb/change.tsv:$line: unknown basis \"\" (expected yoy, mom)" "$rc $err"
sed 's/^增长\tincrease\tverb$/增长\tincrease\tverb\tyoy/' patterns/change.tsv > "$OUT/pb/change.tsv"
line=$(grep -n '^增长	' patterns/change.tsv | cut -d: -f1)
err=$("$KEYFIG" check-patterns "$OUT/pb" 2>&1 >/dev/null); rc=$?
check patterns.basis_column_on_verb "3 keyfig: $OUT/pb/change.tsv:$line: a fourth column (yoy, mom) is for role basis only" "$rc $err"
# the first word of each basis names it: 较上月 listed before the other mom words becomes the name of every mom
{ grep -v "$(printf '\tbasis\tmom')\$" patterns/change.tsv; printf '较上月\tnone\tbasis\tmom\n环比\tnone\tbasis\tmom\n'; } > "$OUT/pb/change.tsv"
printf '物价指数\n\n居民消费价格环比上涨0.3%%。\n' > "$OUT/basis.txt"
got=$("$KEYFIG" extract --patterns "$OUT/pb" --jsonl "$OUT/basis.txt" | python3 -c 'import json,sys; d=json.loads(sys.stdin.readline()); print(d["claims"][0]["change"]["basis"])')
check patterns.basis_named_by_data "较上月" "$got"
got=$("$KEYFIG" extract --jsonl "$OUT/basis.txt" | python3 -c 'import json,sys; d=json.loads(sys.stdin.readline()); print(d["claims"][0]["change"]["basis"])')
check patterns.basis_builtin "环比" "$got"
# a dateline's 号 is article.tsv's: without that row, 4月18号 no longer dates the article
cp patterns/change.tsv "$OUT/pb/change.tsv"
printf '全市卫生健康工作会议召开\n\n召开2023年全市卫生健康工作会议。\n4月18号，全市召开会议，投入资金3亿元。\n' > "$OUT/date.txt"
date_of() { python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["article"]["date"])'; }
check patterns.date_builtin "2023-04-18" "$("$KEYFIG" extract --jsonl "$OUT/date.txt" | date_of)"
grep -v '^号	' patterns/article.tsv > "$OUT/pb/article.tsv"
check patterns.date_words_are_data "None" "$("$KEYFIG" extract --patterns "$OUT/pb" --jsonl "$OUT/date.txt" | date_of)"
# a first line that begins a news item (items.rules) is no title
cp patterns/article.tsv "$OUT/pb/article.tsv"
printf '快讯：全市投入资金三亿元\n全市投入资金3亿元。\n' > "$OUT/title.txt"
title_of() { python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["article"]["title"])'; }
check patterns.title_builtin "快讯：全市投入资金三亿元" "$("$KEYFIG" extract --jsonl "$OUT/title.txt" | title_of)"
printf 'item.flash\t快讯\n' >> "$OUT/pb/items.rules"
check patterns.title_not_an_item "None" "$("$KEYFIG" extract --patterns "$OUT/pb" --jsonl "$OUT/title.txt" | title_of)"
rm "$OUT/pb/article.tsv"
err=$("$KEYFIG" check-patterns "$OUT/pb" 2>&1 >/dev/null); rc=$?
check patterns.article_tsv_needed "3 keyfig: $OUT/pb/article.tsv: cannot open: No such file or directory" "$rc $err"
