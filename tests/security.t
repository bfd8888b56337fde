#!/bin/sh
# Untrusted input never writes, reads or hangs where it should not (issue 15). Each section is one
# item of the issue: the exact stderr line and exit code, proof that nothing was written (or read)
# outside the output directory, and the good article beside the bad one still out. Device nodes are
# made here (mknod in this directory, as root), never the machine's own /dev/full or /dev/null.
set -u
. "$ROOT/tests/lib.sh"
T=$OUT/security
rm -rf "$T" && mkdir -p "$T"
cd "$T" || exit 1
GOOD='{"id":"good","text":"全市共有45家医院。"}'

# files W holds, newer than its marker, sorted, one line: what a run wrote.
written() { (cd "$1" && find . -newer .marker ! -name .marker \( -type f -o -type p -o -type l \) | sed 's|^\./||' | sort | tr '\n' ' ' | sed 's/ $//'); }
# fresh W: an empty work directory with a marker older than anything a run writes.
fresh() { rm -rf "$1" && mkdir -p "$1" && touch -d '2000-01-01' "$1/.marker"; }

# ---- 1. ids that are not plain names never become paths ----------------------------------------
# id as JSON | why it is refused | why `keyfig plot` refuses it, where it differs (plot takes the
# relative-path ids of a directory walk, 2024/03/a, each part checked). The good record beside it
# must still come out, alone.
long=$(printf '%201s' '' | tr ' ' x)
while IFS='|' read -r name id why pwhy; do
  [ -n "$name" ] || continue
  W=$T/id_$name
  fresh "$W"
  printf '{"id":%s,"text":"全市共有45家医院。"}\n%s\n' "$id" "$GOOD" > "$W/in.jsonl"
  shown=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1]).replace("\n","\\n").replace("\x1b","\\x1b"))' "$id")
  want="keyfig: in.jsonl: id \"$shown\" cannot name an output file: $why; skipped"
  (cd "$W" && "$KEYFIG" extract --input jsonl -o out in.jsonl > /dev/null 2> ../id_$name.err)
  check "security_id_${name}_extract" "1|$want|in.jsonl out/good.json" "$?|$(cat "$T/id_$name.err")|$(written "$W")"
  fresh "$W"
  printf '{"id":%s,"text":"全市共有45家医院。"}\n%s\n' "$id" "$GOOD" > "$W/in.jsonl"
  (cd "$W" && "$KEYFIG" extract --input jsonl --jsonl --plot charts in.jsonl > out.jsonl 2> ../id_$name.err)
  check "security_id_${name}_plot_option" "1|$want|charts/good/figures.dat charts/good/figures.gp charts/good/figures.png charts/good/figures.svg in.jsonl out.jsonl" \
    "$?|$(cat "$T/id_$name.err")|$(written "$W")"
  fresh "$W"
  printf '{"article":{"id":%s,"source":"in.jsonl"},"claims":[{"id":1,"value":3,"unit":"家","kind":"count"}]}\n' "$id" > "$W/c.json"
  printf '{"article":{"id":"good"},"claims":[{"id":1,"value":3,"unit":"家","kind":"count"}]}\n' >> "$W/c.json"
  (cd "$W" && "$KEYFIG" plot --out charts c.json > /dev/null 2> ../id_$name.err)
  rc=$?
  want="keyfig: in.jsonl: id \"$shown\" cannot name an output file: ${pwhy:-$why}; skipped"
  check "security_id_${name}_plot" "1|$want|c.json charts/good/figures.dat charts/good/figures.gp charts/good/figures.png charts/good/figures.svg" \
    "$rc|$(cat "$T/id_$name.err")|$(written "$W")"
done <<EOF
traversal|"/../../../../../../$T/pwn"|it holds '/'|it is an absolute path
parent|"../escape"|it holds '/'|"." and ".." name directories
empty|""|it is empty
dot|"."|"." and ".." name directories
dotdot|".."|"." and ".." name directories
newline|"a\\nkeyfig: fake.txt: all good"|it holds a control character
escape|"a\\u001b[2Jb"|it holds a control character
long|"$long"|it is longer than 200 bytes
EOF
check security_id_nothing_outside "" "$(ls "$T/pwn.json" "$T/escape.json" "$T"/id_parent/escape.json 2>/dev/null)"
# 200 bytes is still a name
W=$T/id_200 && fresh "$W"
id200=$(printf '%200s' '' | tr ' ' y)
printf '{"id":"%s","text":"全市共有45家医院。"}\n' "$id200" > "$W/in.jsonl"
(cd "$W" && "$KEYFIG" extract --input jsonl -o out in.jsonl 2> ../id_200.err)
check security_id_200_bytes "0||in.jsonl out/$id200.json" "$?|$(cat "$T/id_200.err")|$(written "$W")"
# a symbolic link planted in the output directory is neither followed nor replaced
W=$T/link && fresh "$W"
mkdir -p "$W/out" && echo victim > "$W/victim" && ln -s ../victim "$W/out/good.json"
printf '%s\n' "$GOOD" > "$W/in.jsonl"
(cd "$W" && "$KEYFIG" extract --input jsonl -o out in.jsonl 2> ../link.err)
check security_symlink_not_followed "1|keyfig: out/good.json: is a symbolic link; not written through|victim" \
  "$?|$(cat "$T/link.err")|$(cat "$W/victim")"
# report reads DIR/<id>.txt and CHARTS/<id>/figures.svg: an id never reaches outside them
W=$T/report_ids && fresh "$W"
mkdir -p "$W/arts" "$W/ch" "$W/evil" && echo SECRET-TEXT > "$W/secret.txt" && echo '<svg>EVIL-SVG</svg>' > "$W/evil/figures.svg"
printf '{"article":{"id":"../secret"},"claims":[]}\n{"article":{"id":"../evil"},"claims":[]}\n' > "$W/c.json"
(cd "$W" && "$KEYFIG" report --articles arts --charts ch c.json "$ROOT/tests/data/report_article.json" \
  "$ROOT/tests/data/report_article.txt" -o page.html 2> ../report_ids.err)
check security_report_ids "1|0|2" "$?|$(grep -c 'SECRET-TEXT\|EVIL-SVG' "$W/page.html")|$(grep -c '"\.\./secret"\|"\.\./evil"' "$T/report_ids.err")"

# ---- 3. -o never replaces a FIFO or a device: written in place; write errors reported ----------
W=$T/nodes && fresh "$W"
printf '全市共有45家医院。\n' > "$W/good.txt"
mkfifo "$W/page.fifo"
(cat "$W/page.fifo" > "$W/fifo.got" &)
(cd "$W" && "$KEYFIG" report good.txt -o page.fifo 2> ../fifo.err)
rc=$?
sleep 1
check security_report_fifo "0||fifo|1" "$rc|$(cat "$T/fifo.err")|$([ -p "$W/page.fifo" ] && echo fifo)|$(grep -c '</html>' "$W/fifo.got")"
mkdir -p "$W/out" && mkfifo "$W/out/good.json"
(cat "$W/out/good.json" > "$W/json.got" &)
(cd "$W" && "$KEYFIG" extract -o out good.txt 2> ../fifo.err)
rc=$?
sleep 1
check security_extract_fifo "0||fifo|45" "$rc|$(cat "$T/fifo.err")|$([ -p "$W/out/good.json" ] && echo fifo)|$(grep -o '"value": [0-9]*' "$W/json.got" | cut -d' ' -f2)"
if mknod "$W/full" c 1 7 2>/dev/null && mknod "$W/null" c 1 3 2>/dev/null; then
  (cd "$W" && "$KEYFIG" report good.txt -o full 2> ../full.err)
  check security_report_full "1|keyfig: full: cannot write: No space left on device|chr" \
    "$?|$(cat "$T/full.err")|$([ -c "$W/full" ] && echo chr)"
  (cd "$W" && "$KEYFIG" report good.txt -o - > full 2> ../full.err)
  check security_report_stdout_full "1|keyfig: -: cannot write: No space left on device" "$?|$(cat "$T/full.err")"
  (cd "$W" && "$KEYFIG" report good.txt -o null 2> ../full.err)
  check security_report_null "0||chr" "$?|$(cat "$T/full.err")|$([ -c "$W/null" ] && echo chr)"
  check security_nodes_no_temp "fifo.got good.txt json.got out/good.json page.fifo" "$(written "$W")"
else
  skip security_report_full "cannot make a device node here (not root, or a nodev mount)"
fi

# ---- 4. nothing written earlier in the run, and no input, is overwritten ------------------------
W=$T/dup && fresh "$W"
printf '%s\n{"id":"good","text":"全市共有46家医院。"}\n{"id":"other","text":"全市共有47家医院。"}\n' "$GOOD" > "$W/in.jsonl"
(cd "$W" && "$KEYFIG" extract --input jsonl -o out in.jsonl 2> ../dup.err)
check security_duplicate_id "1|keyfig: out/good.json: already written in this run; not overwritten (two articles with the same id?)|45 47|in.jsonl out/good.json out/other.json" \
  "$?|$(cat "$T/dup.err")|$(cat "$W/out/good.json" "$W/out/other.json" | grep -o '"value": [0-9]*' | cut -d' ' -f2 | tr '\n' ' ' | sed 's/ $//')|$(written "$W")"
(cd "$W" && "$KEYFIG" extract --input jsonl --jsonl --plot charts in.jsonl > /dev/null 2> ../dup.err)
check security_duplicate_id_chart "1|keyfig: charts/good/figures.dat: already written in this run; not overwritten (two articles with the same id?)" \
  "$?|$(cat "$T/dup.err")"
W=$T/samename && fresh "$W"
mkdir -p "$W/sub" && printf '全市共有45家医院。\n' > "$W/a.txt" && printf '全市共有46家医院。\n' > "$W/sub/a.txt"
(cd "$W" && "$KEYFIG" extract -o out a.txt sub/a.txt 2> ../same.err)
check security_same_name "1|keyfig: out/a.json: already written in this run; not overwritten (two articles with the same id?)|45|a.txt out/a.json sub/a.txt" \
  "$?|$(cat "$T/same.err")|$(grep -o '"value": [0-9]*' "$W/out/a.json" | cut -d' ' -f2)|$(written "$W")"
W=$T/selfinput && fresh "$W"
mkdir -p "$W/d" && printf '{"id":"r","text":"全市共有45家医院。"}\n%s\n' "$GOOD" > "$W/d/r.json" && cp "$W/d/r.json" "$W/copy"
(cd "$W" && "$KEYFIG" extract --input jsonl -o d d/r.json 2> ../self.err)
check security_input_not_overwritten "1|keyfig: d/r.json: is an input of this run; not overwritten|same|copy d/good.json d/r.json" \
  "$?|$(cat "$T/self.err")|$(cmp -s "$W/d/r.json" "$W/copy" && echo same)|$(written "$W")"
W=$T/reportself && fresh "$W"
printf '{"article":{"id":"a"},"claims":[]}\n' > "$W/c.json" && cp "$W/c.json" "$W/copy" && printf '全市共有45家医院。\n' > "$W/a.txt"
(cd "$W" && "$KEYFIG" report c.json a.txt -o c.json 2> ../reportself.err)
rc=$?
check security_report_input_not_overwritten "1|keyfig: c.json: is an input of this run; not overwritten|same|a.txt c.json copy" \
  "$rc|$(cat "$T/reportself.err")|$(cmp -s "$W/c.json" "$W/copy" && echo same)|$(written "$W")"
# records without an id: named by their text, so a corpus cut in chunks names each record once
W=$T/noid && fresh "$W"
printf '{"text":"全市共有45家医院。"}\n{"text":"全省有200所学校。"}\n{"text":"全市共有45家医院。","source":"x"}\n' > "$W/all.jsonl"
head -1 "$W/all.jsonl" > "$W/c1.jsonl" && tail -n +2 "$W/all.jsonl" > "$W/c2.jsonl"
ids() { python3 -c 'import json,sys; print(" ".join(json.loads(l)["article"]["id"] for f in sys.argv[1:] for l in open(f)))' "$@"; }
(cd "$W" && "$KEYFIG" extract --input jsonl --jsonl all.jsonl > all.out && "$KEYFIG" extract --input jsonl --jsonl c1.jsonl > c1.out \
  && "$KEYFIG" extract --input jsonl --jsonl c2.jsonl > c2.out)
set -- $(ids "$W/all.out")
check security_content_ids "3 ids, the first and last the same text, the second not" \
  "$# ids, $(case $1 in text-????????????????) [ "$1" = "$3" ] && [ "$1" != "$2" ] && echo "the first and last the same text, the second not" ;; esac)"
check security_content_ids_chunked "$(ids "$W/all.out")" "$(ids "$W/c1.out" "$W/c2.out")"

# ---- 5. a BOM is no record's part; UTF-16 gets one clear line ----------------------------------
W=$T/enc && fresh "$W"
printf '\357\273\277{"id":"bom","text":"全市共有45家医院。"}\n%s\n' "$GOOD" > "$W/bom.jsonl"
(cd "$W" && "$KEYFIG" extract --input jsonl --jsonl bom.jsonl > bom.out 2> ../bom.err)
check security_bom "0||bom good" "$?|$(cat "$T/bom.err")|$(ids "$W/bom.out")"
printf '%s\n' "$GOOD" > "$W/good.jsonl"
printf '{"id":"u","text":"全市共有45家医院。"}\n{"id":"v","text":"全市共有45家医院。"}\n' | iconv -f UTF-8 -t UTF-16 > "$W/u16.jsonl"
printf '{"id":"u","text":"全市共有45家医院。"}\n' | iconv -f UTF-8 -t UTF-16BE > "$W/u16be.jsonl"
for f in u16 u16be; do
  (cd "$W" && "$KEYFIG" extract --input jsonl --jsonl $f.jsonl good.jsonl > $f.out 2> ../$f.err)
  check "security_${f}" "1|keyfig: $f.jsonl: UTF-16 is not supported; convert with iconv -f UTF-16 -t UTF-8|good" \
    "$?|$(cat "$T/$f.err")|$(ids "$W/$f.out")"
done

# ---- 6. plot reports a bad article and draws the rest --------------------------------------------
W=$T/plotbad && fresh "$W"
{ printf '{"article":{"id":"../x"},"claims":[{"id":1,"value":3,"kind":"count"}]}\n'
  printf '{"article":{"id":"huge"},"claims":[{"id":7,"value":1.7e308,"kind":"count"},{"id":8,"value":-1.7e308,"kind":"count"}]}\n'
  printf '{"article":{"id":"good"},"claims":[{"id":1,"value":3,"unit":"家","kind":"count"}]}\n'; } > "$W/c.json"
printf '{"article":{"id":"later"},"claims":[{"id":1,"value":4,"unit":"家","kind":"count"}]}\n' > "$W/d.json"
printf '{"article":' > "$W/broken.json"
(cd "$W" && "$KEYFIG" plot --out charts c.json broken.json d.json 2> ../plotbad.err)
check security_plot_goes_on "1|keyfig: id \"../x\" cannot name an output file: \".\" and \"..\" name directories; skipped|keyfig: huge: claim 7: value 1.7e+308 is too large to chart (at most 1e+300)|keyfig: broken.json: invalid JSON at line 1: unexpected token near end of file|good later" \
  "$?|$(paste -sd'|' "$T/plotbad.err")|$(ls "$W/charts" | tr '\n' ' ' | sed 's/ $//')"
# no inf or nan in the numbers a script holds (its comments mention NaN)
check security_plot_finite "" "$(grep -v '^ *#' "$W"/charts/*/figures.gp | grep -iwE 'inf|nan')"

# ---- 7. SIGINT/SIGTERM: no temporary file, whole documents, exit 130/143 ------------------------
W=$T/signals && fresh "$W"
python3 - "$KEYFIG" "$W" "$ROOT/tests/seeds" <<'PY' > "$T/signals.log" 2>&1
import json, os, signal, subprocess, sys, time
keyfig, w, seeds = sys.argv[1:4]
texts = [open(os.path.join(seeds, f), encoding="utf-8").read() for f in sorted(os.listdir(seeds))]
with open(os.path.join(w, "in.jsonl"), "w", encoding="utf-8") as f:
    for i in range(4000):
        f.write(json.dumps({"id": "a%d" % i, "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
ok = True
def fail(msg):
    global ok
    ok = False
    print("FAIL", msg)
for n, (sig, mode) in enumerate([(signal.SIGTERM, "dir"), (signal.SIGINT, "dir"), (signal.SIGTERM, "stdout"),
                                  (signal.SIGINT, "stdout"), (signal.SIGTERM, "dir")]):
    out = os.path.join(w, "out%d" % n)
    args = [keyfig, "extract", "--input", "jsonl"] + (["-o", out] if mode == "dir" else ["--jsonl"])
    stdout = open(out + ".jsonl", "wb")
    p = subprocess.Popen(args + [os.path.join(w, "in.jsonl")], stdout=stdout, stderr=subprocess.PIPE)
    # signal once output has begun, a little later each run
    start = time.time()
    while time.time() - start < 60 and p.poll() is None:
        got = len(os.listdir(out)) if os.path.isdir(out) else 0
        if (got if mode == "dir" else os.path.getsize(out + ".jsonl")) > 0:
            break
        time.sleep(0.01)
    time.sleep(0.05 * n)
    p.send_signal(sig)
    rc = p.wait()
    err = p.stderr.read().decode()
    stdout.close()
    name = "%s %s" % (signal.Signals(sig).name, mode)
    if rc != 128 + sig:
        fail("%s: exit %s, want %d (did it finish first?)" % (name, rc, 128 + sig))
    if err:
        fail("%s: stderr %r" % (name, err))
    if mode == "dir":
        files = os.listdir(out)
        hidden = [f for f in files if f.startswith(".")]
        if hidden:
            fail("%s: temporary files left: %s" % (name, hidden))
        for f in files:
            try:
                json.load(open(os.path.join(out, f), encoding="utf-8"))
            except ValueError:
                fail("%s: %s is not whole JSON" % (name, f))
        print("%s: %d documents" % (name, len(files)))
    else:
        data = open(out + ".jsonl", "rb").read()
        if not data.endswith(b"\n"):
            fail("%s: standard output ends mid-line" % name)
        for line in data.splitlines():
            try:
                json.loads(line)
            except ValueError:
                fail("%s: a line is not whole JSON" % name)
                break
        print("%s: %d lines" % (name, len(data.splitlines())))
sys.exit(0 if ok else 1)
PY
if [ $? = 0 ]; then pass security_signals; else fail security_signals "$(grep FAIL "$T/signals.log" | head -3 | tr '\n' ' ')"; fi

# ---- 10. error lines stay one line, and say what a user can act on -------------------------------
W=$T/lines && fresh "$W"
printf '{"id":"a\\nkeyfig: fake.txt: all good","text":"全市共有45家医院。"}\n{"id":"n","text":"a\\u0000b"}\n' > "$W/in.jsonl"
(cd "$W" && "$KEYFIG" extract --input jsonl -o out in.jsonl 2> ../lines.err)
check security_error_lines "1|keyfig: in.jsonl: id \"a\\nkeyfig: fake.txt: all good\" cannot name an output file: it holds a control character; skipped|keyfig: in.jsonl:2: invalid JSON: \\u0000 (a NUL character) is not allowed in a string|2" \
  "$?|$(paste -sd'|' "$T/lines.err")|$(wc -l < "$T/lines.err" | tr -d ' ')"

# ---- 11. hostile numbers in claims JSON: no undefined behaviour (the sanitizer build aborts on it) --
W=$T/numbers && fresh "$W"
cat > "$W/c.json" <<'EOF'
{"article":{"id":"h","items":1e300},"claims":[
 {"id":1e300,"value":5,"unit":"家","kind":"count","item":-1e300,"span":{"start":1e30,"end":-5,"byte_start":1e300,"byte_end":2e19}},
 {"id":-2147483648,"value":3,"unit":"家","kind":"count"},{"id":2147483647,"value":3,"unit":"家","kind":"count"},
 {"id":-3e9,"value":3,"unit":"家","kind":"count"}]}
EOF
(cd "$W" && "$KEYFIG" plot --out charts c.json 2> ../numbers.err)
check security_hostile_numbers_plot "0||4" "$?|$(cat "$T/numbers.err")|$(grep -c '^[0-9]' "$W/charts/h/figures.dat" | awk '{print $1 - 1}')"
printf '全市共有5家医院。\n' > "$W/h.txt"
(cd "$W" && "$KEYFIG" report --charts charts c.json h.txt -o page.html 2> ../numbers.err)
check security_hostile_numbers_report "0|page" "$?|$(grep -q '"id":"h"' "$W/page.html" && echo page)"
