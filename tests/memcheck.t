# valgrind memcheck of an end-to-end extraction (seeds, with --all): no errors, no leaks.
. tests/lib.sh
if ! command -v valgrind >/dev/null 2>&1; then
  fail memcheck "valgrind is not installed (src/deps.sh installs it)"
elif [ -n "${KEYFIG_SANITIZED:-}" ]; then
  skip memcheck "the sanitizer build cannot run under valgrind; the plain run covers it"
else
  valgrind -q --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --error-exitcode=9 "$KEYFIG" extract --all --jsonl tests/seeds > /dev/null 2> "$OUT/memcheck.log"
  rc=$?
  if [ $rc -eq 0 ]; then pass memcheck.seeds; else fail memcheck.seeds "valgrind exit $rc: $(head -3 "$OUT/memcheck.log" | tr '\n' ' ')"; fi
fi
