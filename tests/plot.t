#!/bin/sh
# keyfig plot: the generated data and script, real renders (PNG header and size, SVG that
# parses and holds the labels), untrusted text that must not run, and the error paths.
# gnuplot is a required dependency: without it these tests fail, they do not skip.
set -u
. "$ROOT/tests/lib.sh"
T=$OUT/plot
rm -rf "$T" && mkdir -p "$T"
SAMPLE=$ROOT/tests/data/sample_claims.json

# png_size FILE: "WIDTHxHEIGHT" from the IHDR chunk, or "not a PNG".
png_size() {
  magic=$(od -An -tx1 -N8 "$1" 2>/dev/null | tr -d ' \n')
  [ "$magic" = "89504e470d0a1a0a" ] || { echo "not a PNG"; return; }
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
}
svg_ok() { python3 -c 'import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])' "$1" 2>/dev/null; }
# has NAME FILE TEXT: FILE contains TEXT (fixed string).
has() {
  if grep -qF -- "$3" "$2" 2>/dev/null; then pass "$1"; else fail "$1" "no [$3] in $2"; fi
}
hasnt() {
  if grep -qF -- "$3" "$2" 2>/dev/null; then fail "$1" "[$3] in $2"; else pass "$1"; fi
}

if command -v gnuplot >/dev/null 2>&1; then pass plot_gnuplot_installed
else fail plot_gnuplot_installed "gnuplot not on PATH (apt-get install gnuplot-nox)"; fi

# ---- the sample: data, script, images ------------------------------------------------------
"$KEYFIG" plot --out "$T/r" "$SAMPLE" > "$T/out" 2> "$T/err"
check plot_sample_exit 0 $?
check plot_sample_quiet "" "$(cat "$T/out" "$T/err")"
D=$T/r/sample
check plot_sample_files "figures.dat figures.gp figures.png figures.svg" "$(cd "$D" 2>/dev/null && ls -A | tr '\n' ' ' | sed 's/ $//')"

# The data file, exactly: approximations are marked before the number (≈ > ≥ < ≤), a change
# with an earlier value is from→to, one without gets ↑/↓ (and its basis), a range low–high.
# claim 7 ("claim": false) is not drawn.
tab=$(printf '\t')
cat > "$T/want.dat" <<EOF
# keyfig figures: block 0 = title, subtitle; then one block per panel:
# row, bar start, bar end, earlier value (NaN: none), label
0${tab}丽水市卫生健康系统开展四大系列活动${tab}2020-05-16 · 6 项数据 (6 claims)


# money
1${tab}0${tab}2077000${tab}NaN${tab}费用 ↓207.7万元


# percent
1${tab}0${tab}5.2${tab}NaN${tab}国内生产总值 同比↑5.2%


# count
1${tab}1${tab}46${tab}NaN${tab}巡回诊疗车 46辆
2${tab}1${tab}3${tab}NaN${tab}先进集体 3–5个


# length
1${tab}0${tab}323000${tab}NaN${tab}行驶里程 32.3万公里


# duration
1${tab}0${tab}3.5${tab}10${tab}排队时间 10→≈3.5分钟
EOF
if cmp -s "$T/want.dat" "$D/figures.dat"; then pass plot_sample_dat
else fail plot_sample_dat "$(diff "$T/want.dat" "$D/figures.dat" | head -5 | tr '\n' '|')"; fi

# An earlier value and a range's high end keep the multiplier of the claim's own number: the
# largest section character of patterns/numerals.tsv in it, traditional (億 萬) as simplified.
cat > "$T/mult.json" <<'EOF'
{"article": {"id": "mult", "title": "倍数"}, "claims": [
 {"id": 1, "claim": true, "value": 1891400000000, "value_text": "18914億", "unit": "元", "kind": "money", "subject": "營收",
  "change": {"direction": "increase", "from": 865100000000, "basis": null}},
 {"id": 2, "claim": true, "value": 1891400000000, "value_text": "18914亿", "unit": "元", "kind": "money", "subject": "支出",
  "change": {"direction": "increase", "from": 865100000000, "basis": null}},
 {"id": 3, "claim": true, "value": 30000, "value_text": "3萬", "unit": "人次", "kind": "count", "subject": "觀光人數",
  "range": {"low": 30000, "high": 50000}},
 {"id": 4, "claim": true, "value": 2000000000000, "value_text": "2萬億", "unit": "元", "kind": "money", "subject": "總額",
  "range": {"low": 2000000000000, "high": 3000000000000}},
 {"id": 5, "claim": true, "value": 45, "value_text": "45", "unit": "家", "kind": "count", "subject": "医院",
  "range": {"low": 45, "high": 50}}]}
EOF
"$KEYFIG" plot --out "$T/m" "$T/mult.json" > "$T/out" 2>&1
check plot_mult_exit 0 $?
check plot_mult_labels "總額 2萬億–30000億元|營收 8651億→18914億元|支出 8651亿→18914亿元|觀光人數 3萬–5萬人次|医院 45–50家" \
  "$(grep -v '^#' "$T/m/mult/figures.dat" | sed -n 's/^[1-9][0-9]*\t.*\t//p' | tr '\n' '|' | sed 's/|$//')"

# The script: computed numbers and the font, no article text, every placeholder filled.
G=$D/figures.gp
has plot_gp_font "$G" 'font = "Noto Sans CJK SC"'
has plot_gp_width "$G" 'W = 1200'
has plot_gp_panels "$G" 'array PKIND[NP] = [1, 2, 3, 4, 8]'
has plot_gp_rows "$G" 'array PROWS[NP] = [1, 1, 2, 1, 1]'
# 辆 and 个 differ, so counts get a log axis; the others share one unit each
has plot_gp_log "$G" 'array PLOG[NP] = [0, 0, 1, 0, 0]'
has plot_gp_reads_dat "$G" 'data = "figures.dat"'
hasnt plot_gp_no_title "$G" '丽水市'
hasnt plot_gp_no_label "$G" '行驶里程'
if grep -q '@[A-Z_]*@' "$G"; then fail plot_gp_filled "$(grep -o '@[A-Z_]*@' "$G" | head -1)"; else pass plot_gp_filled; fi

check plot_png_size "1200x580" "$(png_size "$D/figures.png")"
if svg_ok "$D/figures.svg"; then pass plot_svg_parses; else fail plot_svg_parses "$D/figures.svg"; fi
for label in '丽水市卫生健康系统开展四大系列活动' '行驶里程 32.3万公里' '排队时间 10→≈3.5分钟' '巡回诊疗车 46辆' '金额 money'; do
  has "plot_svg_text $label" "$D/figures.svg" "$label"
done
has plot_svg_font "$D/figures.svg" 'Noto Sans CJK SC'

# A person can redraw the chart by hand from the files kept beside it.
if (cd "$D" && rm -f figures.png && gnuplot figures.gp 2>/dev/null) && [ "$(png_size "$D/figures.png")" = "1200x580" ]; then
  pass plot_redraw_by_hand
else fail plot_redraw_by_hand "cd $D && gnuplot figures.gp"; fi

"$KEYFIG" plot --out "$T/f" --font "WenQuanYi Micro Hei" "$SAMPLE" 2> "$T/err"
check plot_font_exit 0 $?
has plot_font_option "$T/f/sample/figures.gp" 'font = "WenQuanYi Micro Hei"'

# ---- untrusted text is drawn, never run ------------------------------------------------------
# Markers are relative names: keyfig runs in $T/e and gnuplot in $T/e/evil, so whatever ran
# would leave a pwned* file under $T.
python3 - "$T/evil.json" <<'EOF'
import json, sys
def claim(i, subject, unit="个"):
    return {"id": i, "claim": True, "reason": None, "value": i * 10, "value_text": str(i * 10), "unit": unit,
            "kind": "count", "subject": subject, "approx": None, "range": None, "change": None}
doc = {"article": {"id": "evil", "source": "evil.txt", "date": "2024-01-01",
                   "title": "`touch pwned_title` \"; system(\"touch pwned_t2\") '"},
       "claims": [claim(1, "`touch pwned1`"), claim(2, "\"; system(\"touch pwned2\")"),
                  claim(3, "it's \\ @FONT@ & <b>"), claim(4, "单位", unit="`touch pwned3`")]}
json.dump(doc, open(sys.argv[1], "w"), ensure_ascii=False)
EOF
mkdir -p "$T/e"
(cd "$T/e" && "$KEYFIG" plot --out . "$T/evil.json" 2> "$T/err")
check plot_evil_exit 0 $?
check plot_evil_nothing_ran "" "$(find "$T" -name 'pwned*')"
E=$T/e/evil/figures.svg
if svg_ok "$E"; then pass plot_evil_svg_parses; else fail plot_evil_svg_parses "$E"; fi
has plot_evil_backquote_drawn "$E" '`touch pwned1` 10个'
has plot_evil_system_drawn "$E" '"; system("touch pwned2") 20个'
has plot_evil_quote_drawn "$E" "it's \\ @FONT@ &amp; &lt;b> 30个"
has plot_evil_unit_drawn "$E" '单位 40`touch pwned3`'
has plot_evil_title_drawn "$E" "\`touch pwned_title\` \"; system(\"touch pwned_t2\") '"
has plot_evil_dat_escaped "$T/e/evil/figures.dat" '\042; system(\042touch pwned2\042) 20个'
hasnt plot_evil_not_in_script "$T/e/evil/figures.gp" "touch"

# ---- nothing to draw ----------------------------------------------------------------------------
printf '{"article": {"id": "none", "title": "无"}, "claims": [{"id": 1, "claim": false, "reason": "date", "value": 2023}]}\n' > "$T/none.json"
"$KEYFIG" plot --out "$T/n" "$T/none.json" > "$T/out" 2> "$T/err"
check plot_noclaims_exit 0 $?
check plot_noclaims_message "keyfig: none: no claims to chart" "$(cat "$T/out" "$T/err")"
check plot_noclaims_no_chart "no" "$([ -e "$T/n/none" ] && echo yes || echo no)"

# ---- errors: one line, exit 1, no image left half-written --------------------------------------
mkdir -p "$T/emptybin"
PATH=$T/emptybin "$KEYFIG" plot --out "$T/g" "$SAMPLE" 2> "$T/err"
check plot_nognuplot_exit 1 $?
check plot_nognuplot_message "keyfig: gnuplot: cannot run: No such file or directory (gnuplot is needed to draw charts)" "$(cat "$T/err")"
check plot_nognuplot_no_image "" "$(ls -A "$T/g/sample" | grep -v -e '^figures.dat$' -e '^figures.gp$')"

# A gnuplot that writes half an image and fails.
mkdir -p "$T/badbin"
cat > "$T/badbin/gnuplot" <<'EOF'
#!/bin/sh
png=$(printf '%s\n' "$2" | sed 's/^png_out = "\([^"]*\)".*/\1/')
printf 'half' > "$png"
echo 'plot data index k using 1:2' >&2
echo '"figures.gp" line 70: all points y value undefined!' >&2
exit 1
EOF
chmod +x "$T/badbin/gnuplot"
PATH=$T/badbin:$PATH "$KEYFIG" plot --out "$T/b" "$SAMPLE" 2> "$T/err"
check plot_gnuplot_fails_exit 1 $?
check plot_gnuplot_fails_message "keyfig: $T/b/sample/figures.gp: gnuplot failed: \"figures.gp\" line 70: all points y value undefined!" "$(cat "$T/err")"
check plot_gnuplot_fails_no_image "" "$(ls -A "$T/b/sample" | grep -v -e '^figures.dat$' -e '^figures.gp$')"

# A file where a directory should be (chmod would not stop root).
: > "$T/file"
"$KEYFIG" plot --out "$T/file/sub" "$SAMPLE" 2> "$T/err"
check plot_unwritable_exit 1 $?
check plot_unwritable_message "keyfig: $T/file/sub/sample: cannot create directory: Not a directory" "$(cat "$T/err")"

# ---- input forms and usage ------------------------------------------------------------------------
printf '[{"article": {"id": "a1"}, "claims": [{"value": 5, "kind": "money", "unit": "元", "value_text": "5"}]},\n {"article": {"id": "a2"}, "claims": []}]\n' > "$T/array.json"
"$KEYFIG" plot --out "$T/arr" "$T/array.json" 2> "$T/err"
check plot_array_exit 0 $?
check plot_array_charts "a1 | keyfig: a2: no claims to chart" "$(ls "$T/arr" | tr '\n' ' ')| $(cat "$T/err")"
printf '{"article": {"id": "l1"}, "claims": [{"value": 1}]}\n{"article": {"id": "l2"}, "claims": [{"value": 2}]}\n' > "$T/lines.jsonl"
"$KEYFIG" plot --out "$T/jl" - < "$T/lines.jsonl" 2> "$T/err"
check plot_jsonlines "0 l1 l2" "$? $(ls "$T/jl" | tr '\n' ' ' | sed 's/ $//')"
printf '{"article": {"id": "ok"}, "claims": []}\n{"article": {"id": "x"}, "claims": [1,]}\n' > "$T/bad.jsonl"
"$KEYFIG" plot --out "$T/bad" "$T/bad.jsonl" 2> "$T/err"
# the documents before the bad line are still drawn (here: one with nothing to draw)
check plot_badjson "1 keyfig: $T/bad.jsonl: invalid JSON at line 2: unexpected token near ']'|keyfig: ok: no claims to chart" \
  "$? $(cat "$T/err" | paste -sd'|')"
printf '{"article": {"id": "../up"}, "claims": [{"value": 1}]}\n' > "$T/up.json"
"$KEYFIG" plot --out "$T/up" "$T/up.json" 2> "$T/err"
check plot_id_not_a_path "1 keyfig: id \"../up\" cannot name an output file: \".\" and \"..\" name directories; skipped" "$? $(cat "$T/err")"

"$KEYFIG" plot --out "$T/u" > /dev/null 2>&1
check plot_usage_no_file 2 $?
"$KEYFIG" plot --colour red "$SAMPLE" > /dev/null 2>&1
check plot_usage_unknown 2 $?
"$KEYFIG" plot --font 'x",10"; system("id")' "$SAMPLE" > /dev/null 2>&1
check plot_usage_bad_font 2 $?
"$KEYFIG" plot --max-claims none "$SAMPLE" > /dev/null 2>&1
check plot_usage_bad_max 2 $?
"$KEYFIG" plot --help > "$T/out" 2>&1
check plot_help "0" "$?"
has plot_help_text "$T/out" "--max-claims N"

# ---- more than fit: the most salient 60, and how many were left out ----------------------------------
python3 - "$T/big.json" <<'EOF'
import json, sys
kinds = [("count", "个"), ("count", "人次"), ("money", "万元"), ("percent", "%"), ("length", "公里"), ("mass", "吨")]
claims = []
for i in range(75):
    kind, unit = kinds[i % len(kinds)]
    v = (i + 1) * 37 % 1000 + 1
    claims.append({"id": i + 1, "claim": True, "reason": None, "value": v, "value_text": str(v), "unit": unit,
                   "kind": kind, "subject": "测试指标%d" % (i + 1), "approx": ["about", None, "over"][i % 3],
                   "range": None, "change": None})
json.dump({"article": {"id": "big", "title": "七十五项数据", "date": "2024-01-02"}, "claims": claims},
          open(sys.argv[1], "w"), ensure_ascii=False)
EOF
"$KEYFIG" plot --out "$T/big" "$T/big.json" 2> "$T/err"
check plot_big_exit 0 $?
B=$T/big/big
has plot_big_note "$B/figures.dat" "另有 15 项未显示 (15 more not shown)"
check plot_big_rows 60 "$(grep -c '测试指标' "$B/figures.dat")"
# money (13 claims) and percentages (12) all stay; only the smallest of the rest go
check plot_big_money_kept 13 "$(grep '万元$' "$B/figures.dat" | grep -c '测试指标')"
check plot_big_percent_kept 12 "$(grep '%$' "$B/figures.dat" | grep -c '测试指标')"
has plot_big_svg_note "$B/figures.svg" "15 more not shown"
if svg_ok "$B/figures.svg"; then pass plot_big_svg_parses; else fail plot_big_svg_parses "$B/figures.svg"; fi
check plot_big_png_width 1200 "$(png_size "$B/figures.png" | cut -dx -f1)"
"$KEYFIG" plot --max-claims 10 --out "$T/big10" "$T/big.json" 2> "$T/err"
has plot_max_claims "$T/big10/big/figures.dat" "65 more not shown"

# ---- the corpus overview ---------------------------------------------------------------------------
mkdir -p "$T/corpus/sub"
cp "$SAMPLE" "$T/corpus/"
cp "$T/big.json" "$T/corpus/sub/"
cp "$T/none.json" "$T/corpus/"
echo 'not claims' > "$T/corpus/notes.txt"
"$KEYFIG" plot --corpus "$T/corpus" --out "$T/c" 2> "$T/err"
check plot_corpus_exit 0 $?
check plot_corpus_files "corpus.dat corpus.gp corpus.png corpus.svg" "$(ls "$T/c" | tr '\n' ' ' | sed 's/ $//')"
# one row per article (files sorted): claims, then per kind in chart order (money percent count length mass duration)
check plot_corpus_rows "1 none 无 0 0 0 0 0 0 0|2 sample 丽水市卫生健康系统开展四大系… 6 1 1 2 1 0 1|3 big 七十五项数据 75 13 12 26 12 12 0" \
  "$(grep -v '^#' "$T/c/corpus.dat" | sed -n '4,$p' | tr '\t' ' ' | tr '\n' '|' | sed 's/|$//')"
check plot_corpus_png_width 1200 "$(png_size "$T/c/corpus.png" | cut -dx -f1)"
if svg_ok "$T/c/corpus.svg"; then pass plot_corpus_svg_parses; else fail plot_corpus_svg_parses "$T/c/corpus.svg"; fi
has plot_corpus_svg_text "$T/c/corpus.svg" "sample 丽水市卫生健康系统开展四大系…"
"$KEYFIG" plot --corpus "$T/emptybin" --out "$T/c2" 2> "$T/err"
check plot_corpus_empty "1 keyfig: $T/emptybin: no claims documents (*.json, *.jsonl) found" "$? $(cat "$T/err")"
