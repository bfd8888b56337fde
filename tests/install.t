# make install honours PREFIX and DESTDIR; the installed binary runs on its own (built-in
# patterns), and a program links against the installed header and library.
. tests/lib.sh
inst=$OUT/inst
if ! make -s install DESTDIR="$inst" PREFIX=/opt/kf > "$OUT/install.log" 2>&1; then
  fail install.make "$(tail -2 "$OUT/install.log" | tr '\n' ' ')"
else
  for f in bin/keyfig lib/libkeyfig.a include/keyfig.h share/keyfig/patterns/units.tsv share/keyfig/plots/figures.gp share/man/man1/keyfig.1; do
    [ -f "$inst/opt/kf/$f" ] && pass "install.file.$f" || fail "install.file.$f" "missing under DESTDIR/PREFIX"
  done
  (cd / && "$inst/opt/kf/bin/keyfig" extract --jsonl "$ROOT/tests/seeds/002_4be7ee44c7442c2b.txt") > "$OUT/inst.jsonl"
  "$KEYFIG" extract --jsonl "$ROOT/tests/seeds/002_4be7ee44c7442c2b.txt" > "$OUT/local.jsonl"
  cmp -s "$OUT/inst.jsonl" "$OUT/local.jsonl" && pass install.binary_runs_anywhere || fail install.binary_runs_anywhere "output differs from the build tree's"
  if cc -std=c11 -I"$inst/opt/kf/include" -o "$OUT/embed" tests/data/embed_example.c "$inst/opt/kf/lib/libkeyfig.a" \
       $(pkg-config --libs libpcre2-8 jansson opencc libutf8proc libxml-2.0 poppler-glib) -lm -pthread 2> "$OUT/embed.err"; then
    n=$("$OUT/embed" tests/seeds/002_4be7ee44c7442c2b.txt | wc -l)
    want=$(python3 -c 'import json,sys; print(len(json.loads(open(sys.argv[1]).readline())["claims"]))' "$OUT/local.jsonl")
    check install.library_embeds "$want" "$n"
    line=$("$OUT/embed" tests/seeds/002_4be7ee44c7442c2b.txt | grep -m1 '巡回诊疗车')
    check install.library_claim "$(printf '46\t辆\t巡回诊疗车')" "$line"
  else
    fail install.library_links "$(head -3 "$OUT/embed.err" | tr '\n' ' ')"
  fi
fi
