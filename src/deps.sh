#!/bin/sh
# Check for, and install from Debian's packages where missing, what one stage of keyfig needs:
#   src/deps.sh build   compiler, the libraries it links (libxml2 for HTML, poppler-glib for PDF,
#                       SQLite and libpq for the database commands),
#                       jieba's dictionary (make, make install)
#   src/deps.sh run     gnuplot and a CJK font for the charts (make results)
#   src/deps.sh test    what the tests use (make test; Pango and cairo from Python, qpdf and
#                       pdftotext make and check the PDFs of tests/formats.t;
#                       a PostgreSQL server for the database tests)
#   src/deps.sh fuzz    clang and libFuzzer (make fuzz)
# Several stages may be named at once. Something already there (by pkg-config module or command,
# else by dpkg) is never asked for, so a user without root builds wherever the libraries are
# installed; when something is missing and neither root nor sudo is at hand, it says what to
# install and fails.
#
# One package a line: "DEBIAN-PACKAGE [CHECK...]", each CHECK being pc:MODULE (pkg-config),
# cmd:COMMAND (on PATH) or file:PATH; without a check the package is looked up with dpkg-query.
set -eu

build='
build-essential   cmd:cc cmd:make
pkg-config        cmd:pkg-config
binutils          cmd:ld cmd:objcopy cmd:ar
libpcre2-dev      pc:libpcre2-8
libjansson-dev    pc:jansson
libopencc-dev     pc:opencc
libutf8proc-dev   pc:libutf8proc
python3-jieba     file:/usr/lib/python3/dist-packages/jieba/dict.txt
libxml2-dev       pc:libxml-2.0
libpoppler-glib-dev pc:poppler-glib
libsqlite3-dev    pc:sqlite3
libpq-dev         pc:libpq
'

run='
gnuplot-nox       cmd:gnuplot
fonts-noto-cjk
'

test='
python3           cmd:python3
opencc            cmd:opencc
chromium          cmd:chromium
nodejs            cmd:node
npm               cmd:npm
parallel          cmd:parallel
pcre2-utils       cmd:pcre2grep
time              cmd:/usr/bin/time
valgrind          cmd:valgrind
python3-gi
python3-gi-cairo
gir1.2-pango-1.0
qpdf              cmd:qpdf
poppler-utils     cmd:pdftotext
postgresql
'

fuzz='
clang             cmd:clang
libclang-rt-14-dev
'

have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# present LINE...: true when every check of the line passes
present() {
  pkg=$1; shift
  [ $# -gt 0 ] || { have_pkg "$pkg"; return; }
  for c in "$@"; do
    case $c in
      pc:*) pkg-config --exists "${c#pc:}" 2>/dev/null || return 1 ;;
      cmd:*) command -v "${c#cmd:}" >/dev/null 2>&1 || return 1 ;;
      file:*) [ -e "${c#file:}" ] || return 1 ;;
      *) echo "src/deps.sh: bad check \"$c\" for $pkg" >&2; exit 2 ;;
    esac
  done
}

[ $# -gt 0 ] || set -- build
need=""
for stage in "$@"; do
  case $stage in
    build) list=$build ;; run) list=$run ;; test) list=$test ;; fuzz) list=$fuzz ;;
    *) echo "usage: src/deps.sh build|run|test|fuzz ..." >&2; exit 2 ;;
  esac
  # shellcheck disable=SC2086
  while read -r line; do
    [ -n "$line" ] || continue
    set -- $line
    present "$@" || need="$need $1"
  done <<EOF
$list
EOF
done
[ -z "$need" ] && exit 0

if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  echo "keyfig: missing Debian packages:$need" >&2
  echo "keyfig: install them as root (apt-get install$need), or make their commands and pkg-config files available, then run make again" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "keyfig: missing packages (Debian names):$need; install their equivalents, then run make again" >&2
  exit 1
fi
echo "keyfig: installing Debian packages:$need" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $need >&2
