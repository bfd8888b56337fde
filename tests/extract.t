# Extraction behaviour, table-driven from tests/extract_cases.tsv (values, units, kinds,
# subjects, qualifiers, changes and spans into the original input, messy input included).
. tests/lib.sh
python3 - tests/extract_cases.tsv > "$OUT/cases.jsonl" <<'PY'
import json, sys
texts = []
for line in open(sys.argv[1], encoding='utf-8'):
    line = line.rstrip('\n')
    if not line or line.startswith('#'): continue
    t = line.split('\t')[0].replace('⏎', '\n')
    if t not in texts: texts.append(t)
for i, t in enumerate(texts):
    print(json.dumps({'id': str(i), 'text': t}, ensure_ascii=False))
PY
"$KEYFIG" extract --input jsonl --jsonl "$OUT/cases.jsonl" > "$OUT/cases.out" || fail extract.cases.run "exit $?"
python3 tests/extract_check.py tests/extract_cases.tsv "$OUT/cases.out"

# --all reports set-aside numbers with their reason
printf '2023年召开第二届“十四五”规划会议，全市45家医院。\n' > "$OUT/all.txt"
got=$("$KEYFIG" extract --all "$OUT/all.txt" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join("%s:%s" % (c["value_text"], c["reason"] or "claim") for c in d["claims"]))')
check extract.all.reasons "2023:date 二:ordinal 45:claim" "$got"
# claim ids number every number met (claims and set-aside alike, 十四五 too, which --all cannot
# value): the same with and without --all
ids() { python3 -c 'import json,sys; print(" ".join("%s:%s" % (c["id"], c["value_text"]) for c in json.load(sys.stdin)["claims"]))'; }
check extract.ids.stable "4:45" "$("$KEYFIG" extract "$OUT/all.txt" | ids)"
check extract.ids.all "1:2023 2:二 4:45" "$("$KEYFIG" extract --all "$OUT/all.txt" | ids)"

# BOM and CRLF: code points count as a text reader sees them (BOM dropped, CRLF one break)
printf '\357\273\277标题\r\n全市共有45家医院。\r\n' > "$OUT/bom.txt"
got=$("$KEYFIG" extract "$OUT/bom.txt" | python3 -c 'import json,sys; c=json.load(sys.stdin)["claims"][0]; print(c["span"]["start"], c["span"]["end"], c["span"]["byte_start"], c["text"])')
check extract.bom_crlf.span "7 12 23 45家医院" "$got"

# article fields: id, title, date, items (each 本报讯 after the first begins a news item)
printf '全市卫生健康大会召开\n2020-05-16\n本报讯 全市有45家医院。\n本报讯 另有12个社区。\n' > "$OUT/items.txt"
got=$("$KEYFIG" extract "$OUT/items.txt" | python3 -c 'import json,sys; d=json.load(sys.stdin); a=d["article"]; print(a["id"], a["title"], a["date"], a["items"], [c["item"] for c in d["claims"]])')
check extract.article_fields "items 全市卫生健康大会召开 2020-05-16 2 [1, 2]" "$got"

# fields CLAIMS.md lists, keys in order; those this input cannot fill are null (never left out)
got=$("$KEYFIG" extract "$OUT/items.txt" | python3 -c 'import json,sys; d=json.load(sys.stdin); a=d["article"]; c=d["claims"][0]; print(list(a)[-2:], a["url"], a["format"], list(c)[-4:], c["subject_rule"], c["page"], c["bbox"])')
check extract.contract_fields "['url', 'format'] None text ['rule', 'subject_rule', 'page', 'bbox'] after_classifier None None" "$got"
printf '{"id": "r", "text": "全市有45家医院。"}\n' > "$OUT/fmt.jsonl"
got=$("$KEYFIG" extract --input jsonl --jsonl "$OUT/fmt.jsonl" | python3 -c 'import json,sys; a=json.load(sys.stdin)["article"]; print(a["url"], a["format"])')
check extract.format_jsonl "None jsonl" "$got"

# GB18030 and Big5 input are detected and converted
printf '全市共有45家医院，床位3200张。' | iconv -f UTF-8 -t GB18030 > "$OUT/gb.txt"
printf '全市共有45家醫院，床位3200張。' | iconv -f UTF-8 -t BIG5 > "$OUT/big5.txt"
for f in gb big5; do
  got=$("$KEYFIG" extract "$OUT/$f.txt" | python3 -c 'import json,sys; print(" ".join(c["text"] for c in json.load(sys.stdin)["claims"]))')
  case $f in gb) want="45家医院 床位3200张" ;; big5) want="45家醫院 床位3200張" ;; esac
  check "extract.encoding.$f" "$want" "$got"
done

# spans of converted input count bytes of the file as it is
got=$("$KEYFIG" extract "$OUT/big5.txt" | python3 -c 'import json,sys; raw=open(sys.argv[1],"rb").read(); print(" ".join(raw[c["span"]["byte_start"]:c["span"]["byte_end"]].decode("big5") for c in json.load(sys.stdin)["claims"]))' "$OUT/big5.txt")
check extract.encoding.byte_spans "45家醫院 床位3200張" "$got"
# ... across characters of every width: ASCII (1 byte), CJK (2), a four-byte GB18030 character (U+20000)
printf 'AB\360\240\200\200区有12家医院，ok床位3200张；又增5.5万元。' | iconv -f UTF-8 -t GB18030 > "$OUT/gbw.txt"
got=$("$KEYFIG" extract "$OUT/gbw.txt" | python3 -c 'import json,sys; raw=open(sys.argv[1],"rb").read(); print(" ".join("%d:%s:%s" % (c["span"]["byte_start"], raw[c["span"]["byte_start"]:c["span"]["byte_end"]].decode("gb18030") == c["text"], c["text"]) for c in json.load(sys.stdin)["claims"]))' "$OUT/gbw.txt")
# 12 at 2 + 4 + 4 (AB, the four-byte character, 区有); then 8 + 2 (，) bytes on
check extract.encoding.byte_spans_widths "10:True:12家医院 20:True:ok床位3200张 36:True:增5.5万元" "$got"
# --lenient: each invalid byte becomes U+FFFD (three bytes) in the text, but spans still count the file's
printf '\377全市有45家医院，\376床位3200张。' > "$OUT/lenient.txt"
got=$("$KEYFIG" extract --lenient "$OUT/lenient.txt" | python3 -c 'import json,sys; raw=open(sys.argv[1],"rb").read(); print(" ".join("%d-%d:%s" % (c["span"]["byte_start"], c["span"]["byte_end"], raw[c["span"]["byte_start"]:c["span"]["byte_end"]].decode()) for c in json.load(sys.stdin)["claims"]))' "$OUT/lenient.txt")
check extract.lenient.byte_spans "10-21:45家医院 25-38:床位3200张" "$got"
# the encoding is told from the first 16 KB, but a bad byte after them still fails the conversion
python3 -c 'import sys; sys.stdout.buffer.write(("全市共有45家医院。" * 2000).encode("gb18030") + b"\xff\xff" + "床位3200张。".encode("gb18030"))' > "$OUT/gblate.txt"
err=$("$KEYFIG" extract "$OUT/gblate.txt" 2>&1 >/dev/null); rc=$?
check extract.encoding.bad_byte_late "1 keyfig: $OUT/gblate.txt: invalid UTF-8 at byte 2, and the text does not read as GB18030 or Big5 either (name the encoding with --encoding, or use --lenient)" "$rc $err"

# output modes: one document for one file, an array for several, JSON Lines, -o DIR
n=$("$KEYFIG" extract tests/seeds | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
check extract.array_for_directory 5 "$n"
n=$("$KEYFIG" extract --jsonl tests/seeds | wc -l)
check extract.jsonl_lines 5 "$n"
"$KEYFIG" extract -o "$OUT/dir" tests/seeds/000_d751c00eaa50a941.txt
[ -f "$OUT/dir/000_d751c00eaa50a941.json" ] && ! ls -a "$OUT/dir" | grep -q '^\.0' && pass extract.outdir_atomic || fail extract.outdir_atomic "file missing or temporary left"

# errors: one line naming the file, exit codes 1 (input), 2 (usage), 3 (patterns)
err=$("$KEYFIG" extract "$OUT/nope.txt" tests/seeds/003_c43a63376113f348.txt 2>&1 >"$OUT/one.json"); rc=$?
check extract.error.missing.rc 1 "$rc"
check extract.error.missing.msg "keyfig: $OUT/nope.txt: cannot open: No such file or directory" "$err"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$OUT/one.json")
check extract.error.others_still_processed 1 "$n"
printf '\300\257 bad\n' > "$OUT/bad.txt"
err=$("$KEYFIG" extract "$OUT/bad.txt" 2>&1 >/dev/null); rc=$?
check extract.error.bad_utf8 "1 keyfig: $OUT/bad.txt: invalid UTF-8 at byte 0, and the text does not read as GB18030 or Big5 either (name the encoding with --encoding, or use --lenient)" "$rc $err"
"$KEYFIG" extract 2>/dev/null; check extract.error.usage.rc 2 "$?"
"$KEYFIG" extract --bogus x 2>/dev/null; check extract.error.unknown_option.rc 2 "$?"
line=$(( $(wc -l < patterns/claims.rules) + 1 ))
mkdir -p "$OUT/pat" && cp patterns/* "$OUT/pat/" && printf 'x.bad\tmas\t(?<num>[0-9])\n' >> "$OUT/pat/claims.rules"
err=$("$KEYFIG" extract --patterns "$OUT/pat" tests/seeds 2>&1 >/dev/null); rc=$?
check extract.error.patterns "3 keyfig: $OUT/pat/claims.rules:$line: rule x.bad: unknown kind \"mas\" (expected - or count, money, length, area, mass, volume, duration, percent, ratio, rate, temperature, other)" "$rc $err"
"$KEYFIG" check-patterns >/dev/null 2>&1; check check_patterns.builtin.rc 0 "$?"
"$KEYFIG" check-patterns "$OUT/pat" >/dev/null 2>&1; check check_patterns.bad.rc 3 "$?"
printf 'x.empty\t-\t(?<num>[0-9]*)\n' > "$OUT/empty.rules"; cp patterns/* "$OUT/pat/"; cat "$OUT/empty.rules" >> "$OUT/pat/claims.rules"
err=$("$KEYFIG" check-patterns "$OUT/pat" 2>&1 | tail -1)
case "$err" in *"rule x.empty can match the empty string"*) pass check_patterns.empty_rule ;; *) fail check_patterns.empty_rule "$err" ;; esac

# a dateline without its year is dated by the first year the opening names
printf '卫健委召开2023年全市卫生健康工作会议\n4月18日,会议召开。全市有45家医院。\n' > "$OUT/dateline.txt"
got=$("$KEYFIG" extract "$OUT/dateline.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["article"]["date"])')
check extract.article_date_from_dateline 2023-04-18 "$got"

# agency datelines begin news items, and are no part of a subject
printf '今日要闻\n新华社北京3月5日电 全国共有医院3.8万家。\n新华社上海3月5日电（记者 张三）上海新增床位2000张。\n中新网3月6日电 广东投入资金10亿元。\n' > "$OUT/datelines.txt"
got=$("$KEYFIG" extract "$OUT/datelines.txt" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["article"]["items"], " ".join("%d:%s" % (c["item"], c["subject"]) for c in d["claims"]))')
check extract.datelines "3 1:医院 2:床位 3:广东投入资金" "$got"

# a date is the article's only when its opening gives it: a month and day inside a sentence
# (今天（9月26日）) and a year further on (2021年底) make none
printf '全国秋粮收购工作进展顺利 农民增收有保障\n央视网消息：国家粮食和物资储备局今天（9月26日）介绍，全国收购秋粮1200万吨。\n二段。\n三段。\n到2021年底，全国粮食产量达到6.8亿吨。\n' > "$OUT/nodate.txt"
got=$("$KEYFIG" extract "$OUT/nodate.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["article"]["date"])')
check extract.article_date_not_from_body None "$got"
# the caller's date: --date, checked as a calendar date
got=$("$KEYFIG" extract --date 2021-09-26 "$OUT/nodate.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["article"]["date"])')
check extract.article_date_option 2021-09-26 "$got"
err=$("$KEYFIG" extract --date 2023-02-29 "$OUT/nodate.txt" 2>&1 >/dev/null); rc=$?
check extract.article_date_option_invalid '2 keyfig: extract: --date "2023-02-29" (expected a date as YYYY-MM-DD)' "$rc $err"
