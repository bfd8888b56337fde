# Helpers for the shell tests (tests/*.t). Each test prints one line per check:
# "PASS name", "FAIL name: why" or "SKIP name: why"; tests/run.sh counts them.
# Environment from run.sh: KEYFIG (the binary), BUILD, SHARED (../shared or ""), OUT (scratch dir).
pass() { echo "PASS $1"; }
fail() { echo "FAIL $1: $2"; }
skip() { echo "SKIP $1: $2"; }
# check NAME WANT GOT
check() {
  if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "want [$2], got [$3]"; fi
}
# need_shared NAME: true when ../shared is there, else prints a SKIP line.
need_shared() {
  if [ -n "${SHARED:-}" ] && [ -d "$SHARED" ]; then return 0; fi
  skip "$1" "../shared is absent (public test data is read from beside the clone, never copied in)"
  return 1
}
