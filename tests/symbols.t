# libkeyfig.a and libkeyfig.so define exactly the functions keyfig.h declares: every other global
# (xmalloc, json_write, ...) is local, so a program may define its own names freely.
. tests/lib.sh
T=$OUT
mkdir -p "$T"
lib=. # the plain build's libraries, also in the sanitizer pass (make check builds them)
# the functions keyfig.h declares: "name(" after a return type at the start of a declaration
sed -n 's/^[a-z].*[ *]\(keyfig_[a-z_]*\)(.*/\1/p' include/keyfig.h | sort -u > "$T/want"
check symbols.header_declares_api 1 "$([ "$(wc -l < "$T/want")" -ge 20 ] && echo 1)"
for f in libkeyfig.a libkeyfig.so; do
  if [ ! -e "$lib/$f" ]; then fail "symbols.$f" "$lib/$f not built (make libs)"; continue; fi
  case $f in
    *.a) nm -g --defined-only "$lib/$f" ;;
    *) nm -D --defined-only "$lib/$f" ;;
  esac | awk 'NF == 3 && $2 != "A" { sub(/@.*/, "", $3); print $3 }' | sort -u > "$T/$f.got"
  extra=$(comm -13 "$T/want" "$T/$f.got" | tr '\n' ' ')
  missing=$(comm -23 "$T/want" "$T/$f.got" | tr '\n' ' ')
  check "symbols.$f.only_api" "" "$extra"
  check "symbols.$f.all_api" "" "$missing"
done
check symbols.soname "libkeyfig.so.0" "$(readelf -d "$lib/libkeyfig.so" 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
# a host that defines xmalloc, json_write, kf_error and utf8_count links with the static library
if cc -std=c11 -Iinclude -o "$T/host" tests/data/host_defines_internals.c "$lib/libkeyfig.a" \
     $(pkg-config --libs $(sed -n "s/^LIB_PKGS = //p" Makefile)) -lm -pthread 2> "$T/host.err"; then
  check symbols.host_defines_internals "1 2 7 3 5" "$("$T/host")"
else
  fail symbols.host_defines_internals "$(head -3 "$T/host.err" | tr '\n' ' ')"
fi
# the library neither exits nor prints: it calls no exit function and no stdio output function,
# and does not touch stdout or stderr (warnings go to the caller's callback)
used=$(nm -u "$lib/libkeyfig.a" | awk '{print $2}' | grep -xE 'exit|_exit|_Exit|quick_exit|printf|fprintf|vprintf|vfprintf|puts|fputs|fputc|putc|putchar|perror|fwrite|stdout|stderr|err|errx|warn|warnx' | sort -u | tr '\n' ' ')
check symbols.no_exit_no_print "" "$used"
