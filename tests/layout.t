#!/bin/sh
# layout: README's "How it works" section (its stage table and its layout tables) names every
# file of src/, src/cli/ and src/tools/, and names no file that is not there.
. tests/lib.sh
section=$(awk '/^## How it works/ { on = 1; next } on && /^## / { exit } on' README.md)
printf '%s\n' "$section" | grep -o '`src/[^`]*[^/`]`' | tr -d '`' | sort -u > "$OUT/listed"
find src -type f | sort > "$OUT/files"
check layout.tables_found "yes" "$([ -s "$OUT/listed" ] && echo yes || echo no)"
# every file has a row; every path in the tables exists
check layout.every_file_listed "" "$(comm -23 "$OUT/files" "$OUT/listed" | tr '\n' ' ')"
check layout.no_stale_row "" "$(comm -13 "$OUT/files" "$OUT/listed" | tr '\n' ' ')"
