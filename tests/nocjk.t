# Language lives in patterns/, never in C: no CJK character, CJK escape or CJK code point in the
# code of src/ (comments may keep examples). tests/nocjk.py is the checker; the cases below
# prove it catches each form and leaves comments alone.
. tests/lib.sh
export PYTHONIOENCODING=utf-8
T=$OUT
mkdir -p "$T"
if ! command -v python3 >/dev/null; then
  skip nocjk "python3 missing"
  exit 0
fi


# the checker on known input: every form is caught, at its line; comments are not
cat > "$T/bad.c" <<'EOF'
/* a comment may say 的 and 0x4E00 */
static const char *w = "的"; // a literal
int x = c == 0x7684;
// "之" in a line comment
const char *s = "/* 了 */";
int y = c == '\u4E00';
const char *e = "\xE7\x9A\x84";
int z = c == 0xFF0C; /* nocjk: kept on purpose */
int ok = c == 0xFFFD || c == 0x10FFFF || c == 0x2014;
const char *ok2 = "\xC2\xA0 /* 的 */";
EOF
python3 tests/nocjk.py "$T/bad.c" > "$T/bad.out"
check nocjk.catches.exit 1 "$?"
check nocjk.catches.findings "$T/bad.c:2: CJK character 的 (U+7684)
$T/bad.c:3: CJK code point 0x7684
$T/bad.c:5: CJK character 了 (U+4E86)
$T/bad.c:6: escape \\u4E00 spells a CJK character
$T/bad.c:7: escapes \\xE7\\x9A\\x84 spell CJK text
$T/bad.c:10: CJK character 的 (U+7684)" "$(cat "$T/bad.out")"
printf '/* 的 */\nint a = 1; // 0x4E00\n' > "$T/clean.c"
python3 tests/nocjk.py "$T/clean.c" > "$T/clean.out"
check nocjk.comments_only "0" "$?$(cat "$T/clean.out")"

# the code of src/ (the library, the command line and the build tools): every file
set -- src/*.c src/*.h src/cli/*.c src/cli/*.h src/tools/*.c
check nocjk.files_checked 1 "$([ $# -ge 60 ] && echo 1)"
python3 tests/nocjk.py "$@" > "$T/src.out"
check nocjk.src "0" "$?$(head -5 "$T/src.out" | tr '\n' ' ')"
