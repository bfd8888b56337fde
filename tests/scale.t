# Scale: extract -j N writes the same bytes as -j 1 (stdout array, JSON Lines, -o DIR, errors
# included); a JSON Lines corpus split into chunks at record boundaries gives the same bytes as one
# run, and so does GNU parallel --pipe; --progress shows a progress line, and nothing does without it.
. tests/lib.sh
T=$OUT/scale
mkdir -p "$T"
if [ -n "${SHARED:-}" ] && ls "$SHARED"/seeds/*.txt >/dev/null 2>&1; then
  SRC=$(ls "$SHARED"/seeds/*.txt "$SHARED"/dev/gwr/*.txt 2>/dev/null)
else
  SRC=$(ls tests/seeds/*.txt)
fi

# A small varied corpus (the bench's generator), half converted to traditional, with a bad record
# in the middle: errors must come out in order too, and the others still be processed.
python3 tests/bench/corpus.py 11 0.15 "$T/s.jsonl" "$T/t.src.jsonl" $SRC > /dev/null
opencc -c s2t.json -i "$T/t.src.jsonl" -o "$T/t.jsonl"
{ cat "$T/s.jsonl"; printf '{"id": "bad", "text": 5}\n'; cat "$T/t.jsonl"; } > "$T/c.jsonl"
records=$(wc -l < "$T/c.jsonl")

# same NAME FILE1 FILE2: byte-identical files
same() {
  if cmp -s "$2" "$3"; then pass "$1"; else fail "$1" "$2 and $3 differ"; fi
}

# -j 1 against -j 2 and -j 0 (one per core): stdout, stderr and exit status
KF="$KEYFIG extract --input jsonl --jsonl"
$KF -j 1 "$T/c.jsonl" > "$T/j1.out" 2> "$T/j1.err"; echo $? > "$T/j1.rc"
for j in 2 0; do
  $KF -j $j "$T/c.jsonl" > "$T/j$j.out" 2> "$T/j$j.err"; echo $? > "$T/j$j.rc"
  same "scale.jsonl.j$j.stdout" "$T/j1.out" "$T/j$j.out"
  same "scale.jsonl.j$j.stderr" "$T/j1.err" "$T/j$j.err"
  same "scale.jsonl.j$j.status" "$T/j1.rc" "$T/j$j.rc"
done
check scale.jsonl.others_processed "$((records - 1))" "$(wc -l < "$T/j1.out")"
check scale.jsonl.bad_record_reported "keyfig: $T/c.jsonl:$(grep -n '"bad"' "$T/c.jsonl" | cut -d: -f1): \"text\" is not a string" "$(cat "$T/j1.err")"

# Text files as a JSON array on stdout, with an unreadable one among them
$KEYFIG extract -j 1 $SRC "$T/missing.txt" $SRC > "$T/a1.out" 2> "$T/a1.err"
$KEYFIG extract -j 3 $SRC "$T/missing.txt" $SRC > "$T/a3.out" 2> "$T/a3.err"
same scale.array.j3.stdout "$T/a1.out" "$T/a3.out"
same scale.array.j3.stderr "$T/a1.err" "$T/a3.err"

# -j 1 writes each document while extracting it (claim by claim); an article that cannot be
# decoded must leave no trace in the array, not even its separator, wherever it stands
printf 'abc\000def' > "$T/binary.txt"
$KEYFIG extract -j 1 "$T/binary.txt" $SRC "$T/binary.txt" > "$T/b1.out" 2> "$T/b1.err"
$KEYFIG extract -j 2 "$T/binary.txt" $SRC "$T/binary.txt" > "$T/b2.out" 2> "$T/b2.err"
same scale.array.unreadable_first.stdout "$T/b1.out" "$T/b2.out"
same scale.array.unreadable_first.stderr "$T/b1.err" "$T/b2.err"
check scale.array.unreadable_first.valid "$(echo "$SRC" | wc -w)" \
  "$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$T/b1.out" 2>&1)"

# -o DIR: the same files with the same bytes
$KEYFIG extract -j 1 --input jsonl -o "$T/d1" "$T/c.jsonl" 2> /dev/null
$KEYFIG extract -j 2 --input jsonl -o "$T/d2" "$T/c.jsonl" 2> /dev/null
if diff -r "$T/d1" "$T/d2" > /dev/null && [ "$(ls "$T/d1" | wc -l)" -eq "$((records - 1))" ]; then pass scale.outdir.j2
else fail scale.outdir.j2 "-o DIR differs between -j 1 and -j 2 (or files are missing)"; fi

# Chunks at record boundaries, each run on its own through stdin: concatenated, the same bytes
$KF - < "$T/c.jsonl" > "$T/whole.out" 2> /dev/null
(cd "$T" && rm -f chunk.* && split -l 17 c.jsonl chunk.)
: > "$T/chunks.out"
for c in "$T"/chunk.*; do
  $KF - < "$c" >> "$T/chunks.out" 2> /dev/null
done
same scale.chunks "$T/whole.out" "$T/chunks.out"
[ "$(ls "$T"/chunk.* | wc -l)" -gt 2 ] && pass scale.chunks.several || fail scale.chunks.several "the corpus made fewer than 3 chunks"

# GNU parallel --pipe, the single-machine form of a Hadoop Streaming mapper
if command -v parallel > /dev/null 2>&1; then
  parallel --will-cite --pipe -k --block 20k $KF - < "$T/c.jsonl" > "$T/parallel.out" 2> /dev/null
  same scale.parallel_pipe "$T/whole.out" "$T/parallel.out"
else
  skip scale.parallel_pipe "GNU parallel is not installed (Debian package parallel)"
fi

# Progress: a line on stderr with --progress, none without (stderr is a file here, not a terminal)
$KF --progress "$T/s.jsonl" > /dev/null 2> "$T/p.err"
if grep -q 'keyfig: [0-9]* articles, [0-9.]* MB, [0-9.]* MB/s' "$T/p.err"; then pass scale.progress.shown
else fail scale.progress.shown "no progress line in [$(cat "$T/p.err")]"; fi
$KEYFIG extract --progress -j 2 -o "$T/dp" $SRC 2> "$T/p2.err"
grep -q "keyfig: $(echo "$SRC" | wc -l) articles" "$T/p2.err" && pass scale.progress.count || fail scale.progress.count "[$(cat "$T/p2.err")]"
$KF -j 2 "$T/s.jsonl" > /dev/null 2> "$T/np.err"
check scale.progress.not_by_default "" "$(cat "$T/np.err")"

# -j takes a whole number from 0 up
err=$($KEYFIG extract -j x "$T/s.jsonl" 2>&1 > /dev/null); rc=$?
check scale.jobs.usage "2 keyfig: extract: -j \"x\" (expected a number of threads, 0 to 1024)" "$rc $err"
