# make install (of the plain build, also in the sanitizer pass) honours PREFIX and DESTDIR; the
# installed binary runs on its own (built-in patterns), and a program built with pkg-config
# against the installed keyfig.pc links the shared library (by its soname) or the static one,
# and extracts.
. tests/lib.sh
inst=$OUT/inst
if ! make -s install BUILD=build DESTDIR="$inst" PREFIX=/opt/kf > "$OUT/install.log" 2>&1; then
  fail install.make "$(tail -2 "$OUT/install.log" | tr '\n' ' ')"
else
  for f in bin/keyfig lib/libkeyfig.a lib/libkeyfig.so.0 lib/libkeyfig.so lib/pkgconfig/keyfig.pc include/keyfig.h share/keyfig/patterns/units.tsv share/keyfig/plots/figures.gp share/man/man1/keyfig.1; do
    [ -f "$inst/opt/kf/$f" ] && pass "install.file.$f" || fail "install.file.$f" "missing under DESTDIR/PREFIX"
  done
  (cd / && "$inst/opt/kf/bin/keyfig" extract --jsonl "$ROOT/tests/seeds/002_4be7ee44c7442c2b.txt") > "$OUT/inst.jsonl"
  "$KEYFIG" extract --jsonl "$ROOT/tests/seeds/002_4be7ee44c7442c2b.txt" > "$OUT/local.jsonl"
  cmp -s "$OUT/inst.jsonl" "$OUT/local.jsonl" && pass install.binary_runs_anywhere || fail install.binary_runs_anywhere "output differs from the build tree's"
  # a program built as its author would: pkg-config --cflags --libs keyfig, against the installed
  # keyfig.pc (PKG_CONFIG_SYSROOT_DIR puts the DESTDIR before its paths)
  pc() { PKG_CONFIG_PATH="$inst/opt/kf/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$inst" pkg-config "$@"; }
  check install.pc_version "$(sed -n 's/^#define KEYFIG_VERSION "\(.*\)"/\1/p' include/keyfig.h)" "$(pc --modversion keyfig)"
  want=$(python3 -c 'import json,sys; print(len(json.loads(open(sys.argv[1]).readline())["claims"]))' "$OUT/local.jsonl")
  for kind in shared static; do
    case $kind in
      # shared: the .so found through -L; static: the same flags with the archive chosen over the .so
      shared) libs=$(pc --libs keyfig) ;;
      static) libs="-Wl,-Bstatic -lkeyfig -Wl,-Bdynamic -Wl,--as-needed $(pc --static --libs keyfig)" ;;
    esac
    # shellcheck disable=SC2046,SC2086
    if cc -std=c11 $(pc --cflags keyfig) -o "$OUT/embed_$kind" tests/data/embed_example.c $libs 2> "$OUT/embed_$kind.err"; then
      run() { LD_LIBRARY_PATH="$inst/opt/kf/lib" "$OUT/embed_$kind" "$@"; }
      check "install.$kind.claims" "$want" "$(run tests/seeds/002_4be7ee44c7442c2b.txt | wc -l)"
      check "install.$kind.claim" "$(printf '46\t辆\t巡回诊疗车')" "$(run tests/seeds/002_4be7ee44c7442c2b.txt | grep -m1 '巡回诊疗车')"
      uses_so=$(LD_LIBRARY_PATH="$inst/opt/kf/lib" ldd "$OUT/embed_$kind" | grep -c 'libkeyfig\.so\.0 => .*/opt/kf/lib/')
      case $kind in shared) check install.shared.uses_soname 1 "$uses_so" ;; static) check install.static.no_so 0 "$uses_so" ;; esac
    else
      fail "install.$kind.links" "$(head -3 "$OUT/embed_$kind.err" | tr '\n' ' ')"
    fi
  done
fi
