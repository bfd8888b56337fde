# src/deps.sh: with everything installed it never calls apt-get (nor sudo); with a package
# missing and no root or sudo it names the package, says how to install it and fails, without
# calling apt-get either. apt-get and sudo are stand-ins on PATH that log their calls.
. tests/lib.sh
mkdir -p "$OUT/bin"
for c in apt-get sudo; do
  # the stand-in sudo refuses (sudo -n true fails): no password-less sudo here
  printf '#!/bin/sh\necho "%s $*" >> "%s/calls"\nexit 1\n' "$c" "$OUT" > "$OUT/bin/$c"
  chmod 755 "$OUT/bin/$c"
done
: > "$OUT/calls"
PATH="$OUT/bin:$PATH" sh src/deps.sh build run test > "$OUT/all.out" 2>&1
check deps.installed.rc 0 "$?"
check deps.installed.quiet "" "$(cat "$OUT/all.out")"
check deps.installed.no_apt "" "$(grep apt-get "$OUT/calls")"

# one line added to the build list: a package whose pkg-config module does not exist
sed 's/^libpcre2-dev      pc:libpcre2-8$/&\nkeyfig-no-such-dev pc:keyfig-no-such-module/' src/deps.sh > "$OUT/deps.sh"
check deps.missing.line_added 1 "$(grep -c keyfig-no-such-dev "$OUT/deps.sh")"
: > "$OUT/calls"
if [ "$(id -u)" = 0 ]; then
  # as root it would install: run it as an ordinary user instead
  su nobody -s /bin/sh -c "PATH='$OUT/bin:$PATH' sh '$OUT/deps.sh' build" > "$OUT/missing.out" 2>&1
else
  PATH="$OUT/bin:$PATH" sh "$OUT/deps.sh" build > "$OUT/missing.out" 2>&1
fi
check deps.missing.rc 1 "$?"
check deps.missing.message "keyfig: missing Debian packages: keyfig-no-such-dev
keyfig: install them as root (apt-get install keyfig-no-such-dev), or make their commands and pkg-config files available, then run make again" "$(cat "$OUT/missing.out")"
check deps.missing.no_apt "" "$(grep apt-get "$OUT/calls")"
sh src/deps.sh nonsense > /dev/null 2>&1
check deps.bad_stage.rc 2 "$?"
