#!/bin/sh
# Bad input loses nothing (issue 6): each row of the table below is one bad input given beside a
# good article. The row states the exact stderr and exit code; the good article must still come
# out, both on stdout (JSON, two paths) and with -o DIR (its file there, none for the bad one,
# no temporary file left). Then the cases that are not one file: JSON Lines records, output
# directories, a full disk, a reader that goes away, a 100 MB article.
set -u
. "$ROOT/tests/lib.sh"
T=$OUT/badinput
rm -rf "$T" && mkdir -p "$T"
cd "$T" || exit 1
ROOTUSER=0
[ "$(id -u)" = 0 ] && ROOTUSER=1
UTF8_NOT_LEGACY='and the text does not read as GB18030 or Big5 either (name the encoding with --encoding, or use --lenient)'

# mk_NAME: create the bad input in the current directory; print its path (or "SKIP: why").
mk_missing() { echo missing.txt; }
mk_unreadable() {
  [ "$ROOTUSER" = 1 ] && { echo "SKIP: running as root, which chmod 000 does not stop (see read_error)"; return; }
  printf '全市共有3家医院。\n' > unreadable.txt && chmod 000 unreadable.txt && echo unreadable.txt
}
# open() succeeds, read() fails with EIO: a read error that root gets too.
mk_read_error() {
  [ -r /proc/self/mem ] || { echo "SKIP: no /proc/self/mem"; return; }
  echo /proc/self/mem
}
mk_empty_dir() { mkdir -p emptydir && : > emptydir/notes.md && echo emptydir; }
mk_empty() { : > empty.txt && echo empty.txt; }
mk_whitespace() { printf '  \n\t\r\n　\n' > ws.txt && echo ws.txt; }
mk_nul() { printf 'ab\000cd 全市共有45家医院。' > nul.txt && echo nul.txt; }
mk_png() { printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001' > png.txt && echo png.txt; }
mk_overlong() { printf '全市\300\25745家医院。' > overlong.txt && echo overlong.txt; }
mk_surrogate() { printf '全市\355\240\200共有45家医院。' > surrogate.txt && echo surrogate.txt; }
mk_truncated() { printf '全市共有45家医院\345\205' > truncated.txt && echo truncated.txt; }
mk_gb18030() { printf '全市共有45家医院。今年的经济发展很好。\n' | iconv -f UTF-8 -t GB18030 > gb.txt && echo gb.txt; }
mk_big5() { printf '全市共有45家醫院。今年的經濟發展很好。\n' | iconv -f UTF-8 -t BIG5 > big5.txt && echo big5.txt; }
mk_too_large() { yes '全市共有45家医院。' | head -n 100 > large.txt && echo large.txt; }
mk_digits() { { printf '总量达'; head -c 1000000 /dev/zero | tr '\000' 7; printf '吨。\n'; } > digits.txt && echo digits.txt; }
mk_overflow_cn() { printf '国家储备达九千九百九十九亿亿亿元。\n' > ovcn.txt && echo ovcn.txt; }
mk_overflow_exp() { printf '总量达1e400吨，又达1E-400吨。\n' > ovexp.txt && echo ovexp.txt; }
mk_overflow_digits() {
  { printf '总量达'; head -c 400 /dev/zero | tr '\000' 9; printf '吨，'; head -c 400 /dev/zero | tr '\000' 9
    printf '.5万亿元。\n'; } > ovdig.txt && echo ovdig.txt
}

# name | extra options | exit | stderr: the exact text ("" for none); glob * stands for a part
# that is not fixed (the rule-limit warnings, checked below).
while IFS='|' read -r name opts want_rc want_err; do
  [ -n "$name" ] || continue
  mkdir -p "$T/$name" && cd "$T/$name" || continue
  printf '全市共有45家医院。\n' > good.txt
  bad=$(mk_"$name" 2>/dev/null)
  case $bad in SKIP:*) skip "badinput_$name" "${bad#SKIP: }"; cd "$T"; continue ;; esac
  want_err=$(printf '%s' "$want_err" | sed "s|@UTF8@|$UTF8_NOT_LEGACY|")
  # shellcheck disable=SC2086
  "$KEYFIG" extract $opts "$bad" good.txt > out.json 2> err
  rc=$?
  check "badinput_${name}_exit" "$want_rc" "$rc"
  got=$(cat err)
  # shellcheck disable=SC2254
  case $got in
    $want_err) pass "badinput_${name}_stderr" ;;
    *) fail "badinput_${name}_stderr" "want [$want_err], got [$(printf '%s' "$got" | head -c 300)]" ;;
  esac
  # The good article, second in a two-document array that is valid JSON.
  if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); a=[x for x in d if x["article"]["id"]=="good"]; sys.exit(0 if a and a[0]["claims"][0]["value"]==45 else 1)' out.json 2>/dev/null
  then pass "badinput_${name}_good_stdout"
  else fail "badinput_${name}_good_stdout" "no claim 45 for good.txt in valid JSON on stdout: $(head -c 200 out.json)"; fi
  # shellcheck disable=SC2086
  "$KEYFIG" extract $opts -o outdir "$bad" good.txt > /dev/null 2> err_o
  rc=$?
  badid=$(basename "$bad"); badid=${badid%.*}
  state="exit=$rc good=$([ -s outdir/good.json ] && echo yes || echo no)"
  state="$state bad=$([ -e "outdir/$badid.json" ] && echo yes || echo no) tmp=$(ls -A outdir | grep -c '^\.')"
  if [ "$want_rc" = 0 ]; then want_state="exit=0 good=yes bad=yes tmp=0"; else want_state="exit=$want_rc good=yes bad=no tmp=0"; fi
  check "badinput_${name}_outdir" "$want_state" "$state"
  cd "$T"
done <<'EOF'
missing||1|keyfig: missing.txt: cannot open: No such file or directory
unreadable||1|keyfig: unreadable.txt: cannot open: Permission denied
read_error||1|keyfig: /proc/self/mem: read error: Input/output error
empty_dir||1|keyfig: emptydir: directory holds no [*].txt, [*].html, [*].htm or [*].pdf files (nothing to extract)
empty||1|keyfig: empty.txt: empty article
whitespace||1|keyfig: ws.txt: article holds only white space
nul||1|keyfig: nul.txt: binary data (NUL byte at byte 2), not an article text
png||1|keyfig: png.txt: binary data (NUL byte at byte 8), not an article text
overlong||1|keyfig: overlong.txt: invalid UTF-8 at byte 6, @UTF8@
surrogate||1|keyfig: surrogate.txt: invalid UTF-8 at byte 6, @UTF8@
truncated||1|keyfig: truncated.txt: invalid UTF-8 at byte 23, @UTF8@
gb18030||0|
big5||0|
too_large|--max-article-bytes 1000|1|keyfig: large.txt: article larger than --max-article-bytes (1000 bytes); raise the limit to read it
digits||0|*
overflow_cn||0|
overflow_exp||0|
overflow_digits||0|
EOF

# GB18030 and Big5 without --encoding: detected, converted, and the claim found in them.
for f in gb18030/gb big5/big5; do
  subj=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["claims"][0]["subject"])' "$T/${f%/*}/out.json" 2>/dev/null)
  case $f in gb*) want=医院 ;; *) want=醫院 ;; esac
  check "badinput_${f%/*}_detected" "$want" "$subj"
done
# 10^6 digits: nothing but rule-limit warnings on stderr, each naming the file.
bad_lines=$(grep -cv '^keyfig: digits.txt: Warning: rule ' "$T/digits/err")
check badinput_digits_only_warnings 0 "$bad_lines"
# Overflowing numbers: never inf/nan (which is not JSON), never a crash.
for n in overflow_cn overflow_exp overflow_digits; do
  if grep -qiE 'inf|nan' "$T/$n/out.json"; then fail "badinput_${n}_finite" "$(grep -oiE '"value":[^,]*' "$T/$n/out.json" | head -3)"
  else pass "badinput_${n}_finite"; fi
done

# ---- JSON Lines: one error line per bad record, naming file:line; the others still done --------
cd "$T" || exit 1
cat > recs.jsonl <<'EOF'
{"id": "a", "text": "全市共有45家医院。"}
{"id": "b", "text": 
{"id": "c"}
{"id": "d", "text": 42}
[1, 2]

{"id": "e", "text": "全省有200所学校。"}
EOF
cat > want_err <<'EOF'
keyfig: recs.jsonl:2: invalid JSON: unexpected token near end of file
keyfig: recs.jsonl:3: record has no "text"
keyfig: recs.jsonl:4: "text" is not a string
keyfig: recs.jsonl:5: record is not an object (expected {"id": ..., "text": ...})
EOF
"$KEYFIG" extract --input jsonl --jsonl recs.jsonl > recs.out 2> recs.err
check badinput_jsonl_exit 1 $?
check badinput_jsonl_stderr "$(cat want_err)" "$(cat recs.err)"
check badinput_jsonl_good_records "a e" "$(python3 -c '
import json,sys
print(" ".join(json.loads(l)["article"]["id"] for l in open(sys.argv[1])))' recs.out 2>&1)"
"$KEYFIG" extract --input jsonl -o recs.d recs.jsonl > /dev/null 2> recs.err
check badinput_jsonl_outdir "exit=1 a.json e.json" "exit=$? $(ls -A recs.d | tr '\n' ' ' | sed 's/ $//')"
check badinput_jsonl_outdir_stderr "$(cat want_err)" "$(cat recs.err)"

# A record's text is not validated as UTF-8 again (src/cli/extract.c passes EXTRACT_UTF8): Jansson
# must refuse every byte sequence decode.c would, and every escape that makes one; a pair of
# surrogate escapes is a character.
printf '{"id":"a","text":"全市\377共有45家医院。"}\n{"id":"b","text":"全市\300\200共有45家医院。"}\n{"id":"c","text":"全市\355\240\200共有45家医院。"}\n{"id":"d","text":"全市\\ud800共有45家医院。"}\n' > utf8.jsonl
printf '{"id":"e","text":"全市\\udc00共有45家医院。"}\n{"id":"f","text":"全市\\u0000共有45家医院。"}\n{"id":"g","text":"全市\364\220\200\200共有45家医院。"}\n{"id":"h","text":"全市\\ud83d\\ude00共有45家医院。"}\n' >> utf8.jsonl
cat > want_err <<'EOF'
keyfig: utf8.jsonl:1: invalid JSON: unable to decode byte 0xff near '"全市'
keyfig: utf8.jsonl:2: invalid JSON: unable to decode byte 0xc0 near '"全市'
keyfig: utf8.jsonl:3: invalid JSON: unable to decode byte 0xed near '"全市'
keyfig: utf8.jsonl:4: invalid JSON: invalid Unicode '\uD800'
keyfig: utf8.jsonl:5: invalid JSON: invalid Unicode '\uDC00'
keyfig: utf8.jsonl:6: invalid JSON: \u0000 (a NUL character) is not allowed in a string
keyfig: utf8.jsonl:7: invalid JSON: unable to decode byte 0xf4 near '"全市'
EOF
"$KEYFIG" extract --input jsonl --jsonl utf8.jsonl > utf8.out 2> utf8.err
check badinput_jsonl_utf8_exit 1 $?
check badinput_jsonl_utf8_stderr "$(cat want_err)" "$(cat utf8.err)"
check badinput_jsonl_utf8_good "h 45" "$(python3 -c '
import json,sys
for l in open(sys.argv[1]):
    d = json.loads(l)
    print(d["article"]["id"], " ".join(str(c["value"]) for c in d["claims"]))' utf8.out 2>&1)"

# ---- output directories -------------------------------------------------------------------------
printf '全市共有45家医院。\n' > good.txt
echo x > afile
"$KEYFIG" extract -o afile/sub good.txt > out 2> err
check badinput_outdir_under_file "1|keyfig: afile/sub: cannot create directory: Not a directory|" \
  "$?|$(cat err)|$(cat out)"
if [ "$ROOTUSER" = 1 ]; then
  skip badinput_outdir_readonly "running as root, which a read-only directory does not stop"
else
  mkdir -p ro && chmod 555 ro
  "$KEYFIG" extract -o ro good.txt > out 2> err
  check badinput_outdir_readonly "1|keyfig: ro/good.json: cannot write: Permission denied|" "$?|$(cat err)|$(ls -A ro)"
  chmod 755 ro
fi

# ---- a full disk: a full device (1,7) made here as standard output, never the machine's own -------
rm -f full
if mknod full c 1 7 2>/dev/null; then
  "$KEYFIG" extract good.txt > full 2> err
  check badinput_dev_full "1|keyfig: -: cannot write: No space left on device" "$?|$(cat err)"
  "$KEYFIG" extract --jsonl good.txt good.txt > full 2> err
  check badinput_dev_full_jsonl "1|keyfig: -: cannot write: No space left on device" "$?|$(cat err)"
  rm -f full
else
  skip badinput_dev_full "cannot make a device node here (not root, or a nodev mount)"
fi

# ---- SIGPIPE: the reader goes away; keyfig ends quietly ------------------------------------------
mkdir -p many
i=0
while [ $i -lt 400 ]; do cp good.txt "many/a$i.txt"; i=$((i + 1)); done
first=$( { "$KEYFIG" extract --jsonl many 2> pipe.err; echo $? > pipe.rc; } | head -1 | cut -c1-30)
check badinput_sigpipe_first_line '{"article":{"id":"a0","source"' "$first"
check badinput_sigpipe_quiet "" "$(cat pipe.err)"
case $(cat pipe.rc) in 0|141) pass badinput_sigpipe_status ;; *) fail badinput_sigpipe_status "exit $(cat pipe.rc)" ;; esac

# ---- a 100 MB article on one line ----------------------------------------------------------------
# A figure at each end, 100 MB of text without a sentence end between them.
printf '全市共有45家医院，' > big.txt
yes '这是一段很长的没有句号的文字' | head -n 2380952 | tr -d '\n' >> big.txt
printf '，全省有200所学校。' >> big.txt
"$KEYFIG" extract --jsonl big.txt good.txt > big.out 2> big.err
check badinput_100mb_refused "1|keyfig: big.txt: article larger than --max-article-bytes (67108864 bytes); raise the limit to read it|good" \
  "$?|$(cat big.err)|$(grep -o '"id":"good"' big.out | cut -c7-10)"
start=$(date +%s)
"$KEYFIG" extract --jsonl --max-article-bytes 200000000 big.txt > big.out 2> big.err
rc=$?
secs=$(( $(date +%s) - start ))
check badinput_100mb_read "0||45 200" "$rc|$(cat big.err)|$(grep -o '"value":[0-9]*' big.out | cut -d: -f2 | tr '\n' ' ' | sed 's/ $//')"
# 7 s in a plain build, about 20 s under ASan on the 2-CPU test machine.
if [ "$secs" -le 120 ]; then pass badinput_100mb_time; else fail badinput_100mb_time "took ${secs}s (limit 120 s)"; fi
rm -f big.txt big.out
