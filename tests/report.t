# keyfig report: the page is self-contained, escapes untrusted text, reports errors in one line,
# writes atomically; then the browser test (tests/browser/report.test.js) drives it in Chromium.
# Run by tests/run.sh from the repository root with KEYFIG, OUT and ROOT set.
. tests/lib.sh

R=$OUT/report
rm -rf "$R" && mkdir -p "$R"
page=$R/review.html

# ---- the page ---------------------------------------------------------------------------
art="tests/data/report_article.json tests/data/report_article.txt"
"$KEYFIG" report $art --charts "$R/none" -o "$page" 2> "$R/err"
check "report writes a page" "0 " "$? $(cat "$R/err")"
check "report page has the article" 1 "$(grep -c 'id="kf-doc-0"' "$page")"
check "report page has no network reference" 0 "$(grep -Eci 'https?://|<link|@import|src=' "$page")"
check "report page CSP forbids fetching" 1 "$(grep -c "default-src 'none'" "$page")"
check "report page text keeps code point spans" 1 "$(grep -c '"start":28,"end":36' "$page")"
# a web page's claims are shown on its article text, as extract read it (not on the markup)
printf '<!DOCTYPE html><html><head><meta charset="utf-8"><title>卫生工作</title></head><body><h1>卫生工作</h1>\n<p>全市共有<b>45</b>家医院，床位1.2万张。</p><script>var x = "100家";</script></body></html>\n' > "$R/page.html"
"$KEYFIG" extract -o "$R/pj" "$R/page.html" 2> "$R/pj.err"
"$KEYFIG" report "$R/pj/page.json" "$R/page.html" --charts "$R/none" -o "$R/page-review.html" 2> "$R/page.err"
check "report on a web page" "0 " "$? $(cat "$R/page.err")"
check "report on a web page shows its text" "1 0" "$(grep -c '全市共有45家医院' "$R/page-review.html") $(grep -c '<b>45</b>' "$R/page-review.html")"
# a web page or a PDF named without claims: extracted once, from the page or the PDF (its text is
# not read as HTML or PDF again), so the page is the one its `extract --all` claims give
for f in "$R/page.html" results/example-columns.pdf; do
  n=$(basename "${f%.*}")
  "$KEYFIG" extract --all -o "$R/all" "$f"
  "$KEYFIG" report "$f" --charts "$R/none" -o "$R/$n-alone.html" 2> "$R/$n-alone.err"
  "$KEYFIG" report "$R/all/$n.json" "$f" --charts "$R/none" -o "$R/$n-claims.html"
  if [ -z "$(cat "$R/$n-alone.err")" ] && cmp -s "$R/$n-alone.html" "$R/$n-claims.html"; then
    pass "report on $n named alone: as with its extract --all claims"
  else
    fail "report on $n named alone: as with its extract --all claims" "$(head -1 "$R/$n-alone.err") (pages differ?)"
  fi
done
# The page's claims carry every field extract writes (claimsdoc's one table of fields reads them
# and writes the page): "change" and "span" lifted to the top, "range" as [low, high], and only
# these four left out. A field the claim writer gains and claimsdoc does not know fails here.
if command -v python3 > /dev/null 2>&1; then
  "$KEYFIG" extract --all --jsonl tests/seeds > "$R/fields.jsonl"
  "$KEYFIG" report tests/seeds --charts "$R/none" -o "$R/fields.html" 2> "$R/fields.err"
  check "report page claims: every field extract writes" "0 ok" "$? $(python3 - "$R/fields.jsonl" "$R/fields.html" <<'EOF'
import json, re, sys
want = set()
for line in open(sys.argv[1], encoding='utf-8'):
    for c in json.loads(line)['claims']:
        for k, v in c.items():
            want |= {k} if k == 'range' or not isinstance(v, dict) else {k + '.' + m for m in v}
want = {k.split('.')[-1] for k in want if not any(w.startswith(k + '.') for w in want)}
want -= {'sentence', 'byte_start', 'byte_end', 'bbox'}
page = open(sys.argv[2], encoding='utf-8').read()
bad = set()
for doc in re.findall(r'<script type="application/json" id="kf-doc-\d+">(.*?)</script>', page, re.S):
    for c in json.loads(doc)['claims']:
        bad |= set(c) ^ want
print('ok' if want and not bad else 'differ: ' + ' '.join(sorted(bad)))
EOF
)"
else
  skip "report page claims: every field extract writes" "python3 is not installed"
fi
"$KEYFIG" report $art --charts "$R/none" -o "$R/again.html"
if cmp -s "$page" "$R/again.html"; then pass "report output is deterministic"; else fail "report output is deterministic" "two runs differ"; fi
"$KEYFIG" report --charts "$R/none" --articles tests/data -o "$R/articles.html" tests/data/report_article.json
if cmp -s "$page" "$R/articles.html"; then pass "report --articles DIR"; else fail "report --articles DIR" "page differs"; fi
"$KEYFIG" report $art --charts "$R/none" -o - > "$R/stdout.html"
if cmp -s "$page" "$R/stdout.html"; then pass "report -o -"; else fail "report -o -" "page differs"; fi
if command -v node > /dev/null 2>&1; then
  if node --check plots/report.js 2> "$R/js.err"; then pass "report.js parses"; else fail "report.js parses" "$(head -1 "$R/js.err")"; fi
else
  skip "report.js parses" "node is not installed"
fi

# ---- untrusted text: article, title, subject and chart ---------------------------------------
xss='<script>alert(1)</script>'
printf '标题\n正文</script><script>alert(1)</script><img src=x onerror=alert(1)>共有医院3个，2020年。\n' > "$OUT/xss.txt"
cat > "$OUT/xss.json" <<EOF
{"article": {"id": "xss", "source": "xss.txt", "title": "$xss", "date": null, "items": 1},
 "claims": [
  {"id": 1, "claim": true, "reason": null, "value": 3, "value_text": "3", "unit": "个", "kind": "count",
   "subject": "<img src=x onerror=alert(1)>", "approx": null, "range": null, "change": null,
   "span": {"start": 69, "end": 73, "byte_start": 81, "byte_end": 91}, "text": "医院3个", "sentence": null, "item": 1,
   "rule": "</script><script>alert(2)</script>"},
  {"id": 2, "claim": false, "reason": "date\u2028<!--", "value": 2020, "value_text": "2020", "unit": "年", "kind": "other",
   "subject": null, "approx": null, "range": null, "change": null,
   "span": {"start": 74, "end": 79, "byte_start": 93, "byte_end": 100}, "text": "2020年", "sentence": null, "item": 1, "rule": "stop.date"}]}
EOF
mkdir -p "$OUT/xss-charts/xss"
cat > "$OUT/xss-charts/xss/figures.svg" <<'EOF'
<?xml version="1.0" encoding="utf-8" standalone="no"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="300" height="80" viewBox="0 0 300 80" onload="alert(1)">
<script type="text/javascript"><![CDATA[ alert(1) ]]></script>
<style>@import url(http://example.com/x.css);</style>
<defs><circle id='gpDot' r='3'/></defs>
<a xlink:href="javascript:alert(1)"><rect x="0" y="0" width="300" height="80" fill="#eef" ONCLICK="alert(1)"/></a>
<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></body></foreignObject>
<image href="http://example.com/x.png" width="10" height="10"/>
<use xlink:href="#gpDot" x="20" y="20"/>
<g id="kf-doc-0"><text>shadow</text></g>
<text x="10" y="50" style="fill:url(http://example.com/f)">chart &amp; text</text>
<SCRIPT>alert(2)</SCRIPT>
</svg>
EOF
x=$R/xss.html
"$KEYFIG" report "$OUT/xss.json" "$OUT/xss.txt" --charts "$OUT/xss-charts" -o "$x"
check "report xss page written" 0 "$?"
check "report xss: no live payload" 0 "$(grep -Fc -e '<script>alert' -e '<img src' -e '<!--",' "$x")"
check "report xss: payload escaped in data" 1 "$(grep -Fc '\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e\u003cimg src=x onerror=alert(1)\u003e' "$x")"
check "report xss: U+2028 escaped" 1 "$(grep -Fc 'date\u2028\u003c!--' "$x")"
check "report xss: title escaped" 2 "$(grep -Fc '&lt;script&gt;alert(1)&lt;/script&gt;' "$x")"
chart=$(sed -n '/<template id="kf-svg-0">/,/<\/template>/p' "$x")
check "report chart inlined" 1 "$(printf '%s\n' "$chart" | grep -c '<svg')"
check "report chart sanitised" 0 "$(printf '%s\n' "$chart" | grep -Eic 'script|alert|onload|onclick|onerror|javascript|http://example|foreignObject|<img|<image|<style|@import')"
check "report chart keeps local links" 1 "$(printf '%s\n' "$chart" | grep -c '<use xlink:href="#gpDot"')"
check "report chart cannot shadow page ids" 0 "$(printf '%s\n' "$chart" | grep -v '<template' | grep -c 'id="kf-')"

# ---- errors: one line, exit code, nothing half-written ---------------------------------------------
err() { "$KEYFIG" report "$@" > /dev/null 2> "$R/err"; echo "$? $(wc -l < "$R/err") $(head -1 "$R/err")"; }
check "report without -o" "2 2 keyfig: report: no output file: give -o FILE.html" "$(err tests/data/report_article.json)"
check "report without input" "2 2 keyfig: report: no input: give claims JSON, articles or directories" "$(err -o "$R/x.html")"
check "report unknown option" "2 2 keyfig: report: unknown option \"--bogus\"" "$(err --bogus -o "$R/x.html" tests/data/report_article.json)"
check "report option without value" "2 2 keyfig: report: option --charts needs a value" "$(err tests/data/report_article.json -o "$R/x.html" --charts)"
"$KEYFIG" report --help > "$R/help" 2>&1
check "report --help" "0 usage: keyfig report [options] PATH... -o FILE.html" "$? $(head -1 "$R/help")"
printf 'old page\n' > "$R/keep.html"
check "report missing input" "1 1 keyfig: tests/data/nope.json: cannot open: No such file or directory" \
  "$(err tests/data/nope.json -o "$R/keep.html")"
check "report failure keeps the old page" "old page" "$(cat "$R/keep.html")"
check "report leaves no temporary file" "keep.html" "$(cd "$R" && ls | grep '^keep')"
printf '{"article": ' > "$R/bad.json"
out=$(err "$R/bad.json" -o "$R/bad.html")
case $out in
  "1 1 keyfig: $R/bad.json"*) pass "report bad JSON" ;;
  *) fail "report bad JSON" "got [$out]" ;;
esac
check "report unwritable output" "1 1 keyfig: $R/no/dir/x.html: cannot write: No such file or directory" \
  "$(err $art -o "$R/no/dir/x.html")"
check "report empty directory" "1 1 keyfig: $R/none: directory holds no *.txt, *.html, *.htm or *.pdf files (nothing to extract)" \
  "$(mkdir -p "$R/none" && err "$R/none" -o "$R/x.html")"
check "report bad --input" "2 2 keyfig: report: --input \"xml\" (expected jsonl or text)" "$(err --input xml $art -o "$R/x.html")"

# ---- article.source is never a path: text comes only from what the command line names ------------
# Each claims document below names a file it must not read; a good article beside it shows that
# the page is still written, without the named file's content.
no_text() { echo "keyfig: $1: article \"$2\": no text: name its article file or record on the command line, or give --articles DIR"; }
for src in /etc/passwd ../../etc/hostname /dev/zero "$R/fifo"; do
  case $src in /etc/passwd) name=passwd ;; ../*) name=hostname ;; /dev/*) name=zero ;; *) name=fifo ;; esac
  [ "$name" = fifo ] && { rm -f "$R/fifo"; mkfifo "$R/fifo"; }
  printf '{"article": {"id": "%s", "source": "%s", "title": null, "date": null, "items": 1}, "claims": []}\n' \
    "$name" "$src" > "$R/$name.json"
  out=$(cd "$R" && timeout 10 "$KEYFIG" report "$name.json" "$ROOT/tests/data/report_article.json" \
    "$ROOT/tests/data/report_article.txt" -o "$name.html" 2> "$name.err"; echo "$? $(wc -l < "$name.err") $(head -1 "$name.err")")
  check "report source $src is not read" "1 1 $(no_text "$name.json" "$name")" "$out"
  check "report source $src: page of the rest, without it" "2 0 0" \
    "$(grep -c '"id":"report_article","title"' "$R/$name.html") $(grep -c '"id":"'"$name"'"' "$R/$name.html") $(grep -c 'root:' "$R/$name.html")"
done
# --articles DIR/<id>.txt: regular files only, size-capped (a FIFO or /dev/zero there is refused at once)
mkdir -p "$R/arts"
rm -f "$R/arts/fifo.txt" && mkfifo "$R/arts/fifo.txt"
ln -sf /dev/zero "$R/arts/zero.txt"
for name in fifo zero; do
  out=$(timeout 10 "$KEYFIG" report --articles "$R/arts" "$R/$name.json" -o "$R/x.html" 2> "$R/err"; echo "$? $(wc -l < "$R/err") $(head -1 "$R/err")")
  check "report --articles $name.txt refused" "1 1 keyfig: $R/arts/$name.txt: not a regular file" "$out"
done
head -c 300 tests/data/report_article.txt > "$R/arts/report_article.txt"
check "report --articles size cap" "1 1 keyfig: $R/arts/report_article.txt: larger than --max-article-bytes (100 bytes)" \
  "$(err --articles "$R/arts" --max-article-bytes 100 tests/data/report_article.json -o "$R/x.html")"
check "report --articles missing file" "1 1 keyfig: tests/data/report_article.json: article \"report_article\": no text: $R/none/report_article.txt does not exist" \
  "$(err --articles "$R/none" tests/data/report_article.json -o "$R/x.html")"
# claims of another text: the spans do not hold the claims' text
mkdir -p "$R/other"
printf '另一篇文章，共有医院3个。\n' > "$R/other/report_article.txt"
check "report spans outside the text" "1 1 keyfig: tests/data/report_article.json: article \"report_article\": claim 1: span 19-24 lies outside its text (14 characters)" \
  "$(err tests/data/report_article.json "$R/other/report_article.txt" -o "$R/x.html")"
{ printf '按：'; cat tests/data/report_article.txt; } > "$R/other/report_article.txt"
check "report spans that do not hold their text" "1 1 keyfig: tests/data/report_article.json: article \"report_article\": claim 1: span 19-24 does not hold its text \"2020年\" (claims of another version of the article?)" \
  "$(err tests/data/report_article.json "$R/other/report_article.txt" -o "$R/x.html")"

# ---- articles: extracted with the library ------------------------------------------------------
mkdir -p "$R/articles"
cp tests/data/report_article.txt "$OUT/xss.txt" "$R/articles/"
out=$(err "$R/articles" -o "$R/corpus.html")
check "report of a directory of articles" "0 0 " "$out"
check "report of a directory: both articles" "2 2" \
  "$(grep -c '<script type="application/json" id="kf-doc-' "$R/corpus.html") $(grep -c '"id":"report_article","title"' "$R/corpus.html")"
check "report of an article: numbers set aside too" 1 "$(grep -c '"claim":false' "$R/corpus.html" | sed 's/[1-9][0-9]*/1/')"

# ---- a JSON Lines corpus with the claims extract made of it ---------------------------------------
printf '%s\n' '{"id":"a1","text":"全市共有医院3个，新建学校15所。"}' '{"id":"a2","text":"2020年，全省服务群众49.2万人次。"}' > "$R/corpus.jsonl"
"$KEYFIG" extract --input jsonl --jsonl "$R/corpus.jsonl" > "$R/c.jsonl"
check "report --input jsonl corpus with claims" "0 0 " "$(err --input jsonl "$R/corpus.jsonl" "$R/c.jsonl" -o "$R/jl.html")"
check "report --input jsonl: record text, extract's claims" "1 1 0" \
  "$(grep -c '"id":"a1","title":null,"date":null,"source":"'"$R"'/corpus.jsonl","chart":false,"text":"全市共有医院3个，新建学校15所。","claims":\[{"id":1,"claim":true' "$R/jl.html") \
$(grep -c '"id":"a2",.*"text":"2020年，全省服务群众49.2万人次。","claims":\[{"id":2,"claim":true' "$R/jl.html") $(grep -c '"claim":false' "$R/jl.html")"
sed 's/"text":/"body":/' "$R/corpus.jsonl" > "$R/body.jsonl"
check "report --text-field" "0 0 " "$(err --input jsonl --text-field body "$R/body.jsonl" "$R/c.jsonl" -o "$R/tf.html")"
check "report --text-field: same page" "1" "$(grep -c '全省服务群众49.2万人次' "$R/tf.html")"
check "report record without the text field" "1 4 keyfig: $R/body.jsonl:1: record has no \"text\"" "$(err --input jsonl "$R/body.jsonl" "$R/c.jsonl" -o "$R/x.html")"
check "report claims of a corpus without it" "1 2 $(no_text "$R/c.jsonl" a1)" "$(err "$R/c.jsonl" -o "$R/x.html")"

# ---- keyfig eval --reviewed-only and a JSON Lines corpus as --articles ---------------------------
printf '# article\tsurface\tvalue\tunit\tkind\tsubject\tapprox\tchange\toptional\n#reviewed\ta1\na1\t医院3个\t3\t个\tcount\t医院\t\t\t\n' > "$R/g.tsv"
ev() { "$KEYFIG" eval "$@" > "$R/ev.out" 2> "$R/ev.err"; echo "$? $(grep -c . "$R/ev.err") $(grep '^a[12]:\|^P=' "$R/ev.out" | tr '\n' '|')"; }
check "eval --reviewed-only scores the marked article only" "0 0 a1: tp=1 fp=1 fn=0|P=0.500 R=1.000 F1=0.667 (tp=1 fp=1 fn=0)|" \
  "$(ev --reviewed-only --gold "$R/g.tsv" --articles "$R/corpus.jsonl" "$R/c.jsonl")"
check "eval with a JSON Lines corpus scores every article" "0 0 a1: tp=1 fp=1 fn=0|a2: tp=0 fp=1 fn=0|P=0.333 R=1.000 F1=0.500 (tp=1 fp=2 fn=0)|" \
  "$(ev --gold "$R/g.tsv" --articles "$R/corpus.jsonl" "$R/c.jsonl")"
grep -v '^#reviewed' "$R/g.tsv" > "$R/g2.tsv"
check "eval --reviewed-only without marks" "1 1 " "$(ev --reviewed-only --gold "$R/g2.tsv" --articles "$R/corpus.jsonl" "$R/c.jsonl")"
check "eval --reviewed-only without marks: message" "keyfig: $R/g2.tsv: --reviewed-only: no article is marked \"#reviewed\" in the gold files" "$(cat "$R/ev.err")"

# ---- in a real browser --------------------------------------------------------------------------
if [ ! -x /usr/bin/chromium ]; then
  skip "report browser test" "/usr/bin/chromium is missing (apt-get install chromium, or make deps)"
elif ! command -v node > /dev/null 2>&1; then
  skip "report browser test" "node is missing (apt-get install nodejs npm)"
else
  if [ ! -d tests/browser/node_modules/playwright-core ]; then
    npm install --prefix tests/browser --no-audit --no-fund > "$R/npm.log" 2>&1 ||
      echo "npm install failed: see $R/npm.log" > "$R/npm.failed"
  fi
  if [ -f "$R/npm.failed" ]; then
    skip "report browser test" "could not install playwright-core (npm install --prefix tests/browser): $(tail -1 "$R/npm.log")"
  else
    node tests/browser/report.test.js "$KEYFIG" "$ROOT" "$OUT" > "$R/browser.log" 2>&1
    rc=$?
    grep -E '^(PASS|FAIL|SKIP) ' "$R/browser.log"
    if [ "$rc" -ne 0 ] && ! grep -q '^FAIL ' "$R/browser.log"; then
      fail "report browser test" "node exited with status $rc: $(grep -v -E '^(PASS|SKIP) ' "$R/browser.log" | head -3)"
    fi
  fi
fi
