# Real inputs: HTML pages (libxml2) and PDFs (poppler), directories walked recursively, JSON Lines
# with other keys. Every fixture is written here; the PDFs are typeset from the seed articles by
# tests/mkpdf.py (Pango and cairo from Debian's python3-gi-cairo).
. tests/lib.sh
T=$OUT/formats
mkdir -p "$T"
# Debian's python3 has the GObject bindings, whichever python3 is first on PATH
PYGI=""
for p in /usr/bin/python3 python3; do
  if "$p" -c 'import gi, cairo; gi.require_version("PangoCairo", "1.0")' 2>/dev/null; then PYGI=$p; break; fi
done

# json FILE EXPR: print EXPR over the document d (and raw, the input file's bytes, when given)
json() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); raw=open(sys.argv[3],"rb").read() if len(sys.argv)>3 else b""; print(eval(sys.argv[2]))' "$@"
}

# ---- HTML: furniture dropped, entities in numbers, metadata, byte spans into the file ----
cat > "$T/page.html" <<'EOF'
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>全市卫生健康大会召开 - 新闻网</title>
<meta property="og:title" content="全市卫生健康大会召开">
<meta property="og:url" content="https://news.example.cn/2024/03/05/a.html">
<meta property="article:published_time" content="2024-03-05T08:00:00+08:00">
<style>p { margin: 0 }</style>
<script>var n = "全市共有99家医院";</script>
</head>
<body>
<header><a href="/">首页</a> <a href="/live">直播24小时</a></header>
<nav class="main-nav"><ul><li><a href="/a">要闻</a></li><li><a href="/b">热点3条</a></li></ul></nav>
<article>
<h1>全市卫生健康大会召开</h1>
<div class="info">来源：本报 <span class="views">阅读12,345次</span></div>
<p>本报讯 全市共有<b>1&#44;234</b>家医院，床位3200张。</p>
<p>今年新增社区卫生服务中心12个，
比去年增加3个。</p>
<div class="share-bar">分享到：微信 微博 已有56人分享</div>
<p hidden>全市共有99家药店。</p><div aria-hidden="true">88家诊所</div>
</article>
<div class="related-news"><h3>相关新闻</h3><ul><li><a href="/x">全市新建7所学校</a></li></ul></div>
<div id="comments">网友评论 8条</div>
<footer>版权所有 2024 备案号12345678</footer>
</body>
</html>
EOF
"$KEYFIG" extract "$T/page.html" > "$T/page.json"; rc=$?
check formats.html.rc 0 "$rc"
check formats.html.claims "1234/家/医院 3200/张/床位 12/个/社区卫生服务中心 3/个/社区卫生服务中心" \
  "$(json "$T/page.json" '" ".join("%s/%s/%s" % (c["value"], c["unit"], c["subject"]) for c in d["claims"])')"
check formats.html.article "全市卫生健康大会召开|2024-03-05|https://news.example.cn/2024/03/05/a.html|html|page" \
  "$(json "$T/page.json" '"|".join(str(d["article"][k]) for k in ("title", "date", "url", "format", "id"))')"
# byte spans cut the claim's source out of the file, markup and references included
check formats.html.byte_spans "1&#44;234</b>家医院|床位3200张|新增社区卫生服务中心12个|增加3个" \
  "$(json "$T/page.json" '"|".join(raw[c["span"]["byte_start"]:c["span"]["byte_end"]].decode() for c in d["claims"])' "$T/page.html")"
# code point spans count the extracted text, as keyfig_article_text gives it
# (the text: 全市卫生健康大会召开⏎来源：本报⏎本报讯 全市共有1,234家医院，...)
check formats.html.cp_spans "25 33" "$(json "$T/page.json" '"%d %d" % (d["claims"][0]["span"]["start"], d["claims"][0]["span"]["end"])')"
check formats.html.page_null "None None" "$(json "$T/page.json" 'str(d["claims"][0]["page"]) + " " + str(d["claims"][0]["bbox"])')"

# GBK-declared page: the file's bytes are GBK, entities and spans still right
sed 's/charset="utf-8"/charset="gbk"/' "$T/page.html" | iconv -f UTF-8 -t GBK > "$T/gbk.html"
"$KEYFIG" extract "$T/gbk.html" > "$T/gbk.json"
check formats.html.gbk.claims "$(json "$T/page.json" '[c["text"] for c in d["claims"]]')" "$(json "$T/gbk.json" '[c["text"] for c in d["claims"]]')"
check formats.html.gbk.byte_spans "1&#44;234</b>家医院|床位3200张" \
  "$(json "$T/gbk.json" '"|".join(raw[c["span"]["byte_start"]:c["span"]["byte_end"]].decode("gbk") for c in d["claims"][:2])' "$T/gbk.html")"
# a Big5 page declared with http-equiv
cat > "$T/big5.src" <<'EOF'
<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"><title>醫院統計</title></head>
<body><div class="nav">首頁 直播24小時</div><p>&nbsp;&nbsp;全市共有45家醫院，床位3200張。</p></body></html>
EOF
iconv -f UTF-8 -t BIG5 "$T/big5.src" > "$T/big5.htm"
check formats.html.big5 "45家醫院 床位3200張 醫院統計" \
  "$("$KEYFIG" extract "$T/big5.htm" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(c["text"] for c in d["claims"]), d["article"]["title"])')"

# no <article>, no <main>: the block with the most running text; the title from the first h1
cat > "$T/noarticle.txt" <<'EOF'
<html><head><meta charset="utf-8"></head><body>
<div class="top"><a href="/">首页</a><a href="/v">视频100条</a></div>
<div id="left"><ul><li><a href="/1">全市新建7所学校</a></li><li><a href="/2">新增9个公园</a></li></ul></div>
<div id="content"><h1>新建学校投入使用</h1>
<div>2024年9月1日 来源：教育局</div>
全市今年新建学校15所，<br>新增学位2.3万个。
<p>其中小学8所。</p>
</div>
<div class="copyright">版权所有 2024</div>
</body></html>
EOF
"$KEYFIG" extract --format html "$T/noarticle.txt" > "$T/noarticle.json"
check formats.html.no_article "15/所/学校 23000/个/学位 8/所/小学|新建学校投入使用|2024-09-01" \
  "$(json "$T/noarticle.json" '" ".join("%s/%s/%s" % (c["value"], c["unit"], c["subject"]) for c in d["claims"]) + "|" + d["article"]["title"] + "|" + d["article"]["date"]')"
# detected from the bytes, whatever the name
"$KEYFIG" extract "$T/noarticle.txt" > "$T/detected.json"
check formats.html.detected "html 3" "$(json "$T/detected.json" 'd["article"]["format"] + " " + str(len(d["claims"]))')"
# a text article stays text
printf '全市共有45家医院。\n' > "$T/plain.txt"
check formats.text.format "text" "$("$KEYFIG" extract "$T/plain.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["article"]["format"])')"

# ---- seed articles: the same claims from .txt, an HTML wrapping and typeset PDFs ----
cat > "$T/same.py" <<'EOF'
import collections, json, sys
def claims(path):
    return collections.Counter((c['value'], c['unit'], c['subject']) for c in json.load(open(path))['claims'])
a, b = claims(sys.argv[1]), claims(sys.argv[2])
print('same' if a == b else 'only in .txt: %s; only in %s: %s' % (sorted((a - b).elements(), key=str), sys.argv[2], sorted((b - a).elements(), key=str)))
EOF
# PDF spans: the text pdftotext finds in the claim's box on its page holds the claim's number
cat > "$T/boxes.py" <<'EOF'
import json, subprocess, sys
d = json.load(open(sys.argv[1]))
bad = []
for c in d['claims']:
    x, y, w, h = c['bbox']
    out = subprocess.run(['pdftotext', '-f', str(c['page']), '-l', str(c['page']), '-x', str(int(x)), '-y', str(int(y)),
                          '-W', str(int(w) + 2), '-H', str(int(h) + 2), sys.argv[2], '-'], capture_output=True, text=True).stdout
    if c['value_text'].replace(' ', '') not in ''.join(out.split()):
        bad.append((c['text'], c['page'], c['bbox'], out.strip()))
print('%d claims, %d not in their box %s' % (len(d['claims']), len(bad), bad[:3]))
EOF
for f in tests/seeds/*.txt; do
  id=$(basename "$f" .txt)
  "$KEYFIG" extract "$f" > "$T/$id.txt.json"
  python3 tests/wrap_html.py "$f" "$T/$id.html"
  "$KEYFIG" extract "$T/$id.html" > "$T/$id.html.json"
  check "formats.seed.html.$id" same "$(python3 "$T/same.py" "$T/$id.txt.json" "$T/$id.html.json")"
  # (a claim across a paragraph break spans the markup between: 1600吨建</p><p>筑垃圾)
  n=$(json "$T/$id.html.json" 'sum(1 for c in d["claims"] if "".join(__import__("re").sub("<[^>]*>", "", __import__("html").unescape(raw[c["span"]["byte_start"]:c["span"]["byte_end"]].decode())).split()) != "".join(c["text"].split()))' "$T/$id.html")
  check "formats.seed.html_spans.$id" 0 "$n"
  if [ -z "$PYGI" ]; then skip "formats.seed.pdf.$id" "no python3 with Pango and cairo (src/deps.sh installs python3-gi-cairo)"; continue; fi
  for mode in plain columns columns3 furniture; do
    "$PYGI" tests/mkpdf.py "$mode" "$f" "$T/$id-$mode.pdf"
    "$KEYFIG" extract "$T/$id-$mode.pdf" > "$T/$id-$mode.json"
    check "formats.seed.pdf_$mode.$id" same "$(python3 "$T/same.py" "$T/$id.txt.json" "$T/$id-$mode.json")"
  done
  n=$(json "$T/$id-columns.json" 'len(d["claims"])')
  check "formats.seed.pdf_boxes.$id" "$n claims, 0 not in their box []" "$(python3 "$T/boxes.py" "$T/$id-columns.json" "$T/$id-columns.pdf")"
done

if [ -n "$PYGI" ]; then
  f=tests/seeds/002_4be7ee44c7442c2b.txt
  # two columns are read one after the other: every claim's sentence is one of the .txt's,
  # never half of one column's line and half of the other's
  n=$(python3 -c 'import json,sys
txt = "".join(open(sys.argv[2], encoding="utf-8").read().split())
d = json.load(open(sys.argv[1]))
print(sum("".join(c["sentence"].split()) not in txt for c in d["claims"]))' "$T/002_4be7ee44c7442c2b-columns.json" "$f")
  check formats.pdf.columns.sentences 0 "$n"
  check formats.pdf.article "pdf 002_4be7ee44c7442c2b-columns" "$(json "$T/002_4be7ee44c7442c2b-columns.json" 'd["article"]["format"] + " " + d["article"]["id"]')"
  # running heads, footers and page numbers are gone; every claim has a page and a box
  check formats.pdf.furniture "0 0" \
    "$(json "$T/002_4be7ee44c7442c2b-furniture.json" 'str(sum("简报" in c["sentence"] or "本刊地址" in c["sentence"] for c in d["claims"])) + " " + str(sum(c["page"] is None or len(c["bbox"]) != 4 for c in d["claims"]))')"
  npages=$(pdfinfo "$T/002_4be7ee44c7442c2b-furniture.pdf" | awk '/^Pages:/ {print $2}')
  check formats.pdf.pages "True" "$(json "$T/002_4be7ee44c7442c2b-furniture.json" 'len(set(c["page"] for c in d["claims"])) > 1 and all(1 <= c["page"] <= '"$npages"' for c in d["claims"])')"
  # a scan (an image, no text layer) and an encrypted PDF: one line each, exit 1, the others done
  "$PYGI" tests/mkpdf.py image - "$T/scan.pdf"
  qpdf --encrypt user owner 256 -- "$T/002_4be7ee44c7442c2b-plain.pdf" "$T/locked.pdf"
  err=$("$KEYFIG" extract --jsonl "$T/scan.pdf" "$T/locked.pdf" "$T/plain.txt" 2>&1 >"$T/some.jsonl"); rc=$?
  check formats.pdf.scan_error "keyfig: $T/scan.pdf: no text layer (scanned PDF?)
keyfig: $T/locked.pdf: encrypted PDF (it needs a password)" "$err"
  check formats.pdf.scan_rc 1 "$rc"
  check formats.pdf.others_done 1 "$(wc -l < "$T/some.jsonl")"
fi

# a damaged PDF: poppler's complaint in one line, nothing else on stderr
printf '%%PDF-1.4\ngarbage\n' > "$T/bad.pdf"
err=$("$KEYFIG" extract "$T/bad.pdf" 2>&1 >/dev/null); rc=$?
check formats.pdf.damaged "1 keyfig: $T/bad.pdf: not a readable PDF: PDF document is damaged" "$rc $err"

# ---- directories: -r, default extensions, --glob, ids relative to the argument ----
mkdir -p "$T/corpus/2024/03" "$T/corpus/2024/04" "$T/corpus/.hidden"
printf '全市共有45家医院。\n' > "$T/corpus/2024/03/a.txt"
printf '全市共有46家医院。\n' > "$T/corpus/2024/04/a.txt"
cp "$T/page.html" "$T/corpus/2024/b.html"
printf '全市共有47家医院。\n' > "$T/corpus/top.txt"
printf '全市共有48家医院。\n' > "$T/corpus/notes.md"
printf '全市共有49家医院。\n' > "$T/corpus/.hidden/c.txt"
check formats.dir.flat "top" "$("$KEYFIG" extract --jsonl "$T/corpus" | python3 -c 'import json,sys; print(" ".join(json.loads(l)["article"]["id"] for l in sys.stdin))')"
check formats.dir.recursive "2024/03/a 2024/04/a 2024/b top" "$("$KEYFIG" extract -r --jsonl "$T/corpus" | python3 -c 'import json,sys; print(" ".join(json.loads(l)["article"]["id"] for l in sys.stdin))')"
check formats.dir.glob "notes" "$("$KEYFIG" extract -r --glob '*.md' --jsonl "$T/corpus" | python3 -c 'import json,sys; print(" ".join(json.loads(l)["article"]["id"] for l in sys.stdin))')"
"$KEYFIG" extract -r -o "$T/out" "$T/corpus"; rc=$?
check formats.dir.outdir "0 45 46" "$rc $(json "$T/out/2024/03/a.json" 'd["claims"][0]["value"]') $(json "$T/out/2024/04/a.json" 'd["claims"][0]["value"]')"

# ---- JSON Lines: --text-field, and title, date, url into the article ----
printf '%s\n' '{"id": "r1", "content": "全市共有45家医院。", "title": "医院", "date": "2024-03-05", "url": "https://x.example/1", "source": "晚报"}' \
  '{"id": "r2", "text": "全市共有46家医院。"}' > "$T/recs.jsonl"
got=$("$KEYFIG" extract --input jsonl --text-field content --jsonl "$T/recs.jsonl" 2>"$T/recs.err" | python3 -c 'import json,sys
for l in sys.stdin:
    a = json.loads(l)["article"]; print(a["id"], a["title"], a["date"], a["url"], a["source"], a["format"])')
check formats.jsonl.fields "r1 医院 2024-03-05 https://x.example/1 晚报 jsonl" "$got"
check formats.jsonl.missing_field "keyfig: $T/recs.jsonl:2: record has no \"content\"" "$(cat "$T/recs.err")"
err=$("$KEYFIG" extract --format doc "$T/plain.txt" 2>&1 >/dev/null); rc=$?
check formats.usage.format "2 keyfig: extract: --format \"doc\" (expected text, html or pdf to read; json, jsonl, csv or tsv to write)" "$rc $err"
