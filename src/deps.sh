#!/bin/sh
# Install, from Debian's packages, whatever keyfig needs and the machine lacks: the libraries it
# links (PCRE2, Jansson, OpenCC, utf8proc, libxml2 for HTML, poppler-glib for PDF, SQLite, libpq), jieba's dictionary
# (python3-jieba: the POS lexicon), gnuplot with a CJK font for the charts, and what the
# tests use (opencc and python3 for the reference scorer, chromium and node for the browser test,
# GNU parallel for the chunking test, pcre2grep and GNU time for the benchmark, Pango and cairo
# from Python to make the PDFs of tests/formats.t, qpdf to encrypt one, pdftotext to check boxes), a PostgreSQL server for the database tests.
# Does nothing when everything is there; needs root (or sudo) otherwise.
set -eu
need=""
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in build-essential pkg-config libpcre2-dev libjansson-dev libopencc-dev opencc libutf8proc-dev python3-jieba \
         libxml2-dev libpoppler-glib-dev python3-gi python3-gi-cairo gir1.2-pango-1.0 qpdf poppler-utils \
         gnuplot-nox fonts-noto-cjk python3 chromium parallel pcre2-utils time valgrind \
         libsqlite3-dev libpq-dev postgresql; do
  have_pkg "$p" || need="$need $p"
done
# extra packages a target asks for (make fuzz: clang and its libFuzzer runtime)
for p in ${KEYFIG_EXTRA_PKGS:-}; do
  have_pkg "$p" || need="$need $p"
done
# node and npm may come from another packaging of Node.js: look for the commands.
command -v node >/dev/null 2>&1 || need="$need nodejs"
command -v npm >/dev/null 2>&1 || need="$need npm"
[ -z "$need" ] && exit 0
echo "keyfig: installing Debian packages:$need" >&2
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends $need >&2
