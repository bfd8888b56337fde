#!/usr/bin/env python3
"""Language lives in patterns/, never in C: report every CJK character, and every CJK code point
written as a number, in the code (not the comments) of the C files given.

Usage: tests/nocjk.py FILE...   prints FILE:LINE: what, one line per finding; exit 1 if any.

A finding is, outside comments:
  - a CJK character anywhere (string literal, character constant, identifier);
  - an escape in a literal that spells one: \\uXXXX, \\UXXXXXXXX, or \\xHH bytes that decode
    (as UTF-8) to one;
  - a hexadecimal constant whose value is a CJK code point (0x4E00, 0xFF0C, 0x3000).
The CJK ranges: radicals to CJK unified ideographs (U+2E80..U+9FFF, with punctuation, kana and
bopomofo), Hangul syllables, compatibility ideographs, CJK compatibility forms, half- and
full-width forms, and the supplementary ideograph planes.

A line may keep a code point or an escape that is Unicode mechanics rather than language (Python's
str.isspace counts U+3000 as white space) when one of its comments says "nocjk: WHY"; a CJK
character written as itself is never allowed.
"""
import re
import sys

RANGES = [(0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
          (0x20000, 0x3FFFF)]


def is_cjk(cp):
    return any(lo <= cp <= hi for lo, hi in RANGES)


def split_code(src):
    """The code of each line (comments blanked) and the comment text of each line, by one pass
    that knows string and character literals, so "/*" inside a string is no comment."""
    code, comments = [[]], [[]]
    i, n, state = 0, len(src), None  # state: None, 'block', 'line', '"' or "'"
    while i < n:
        c = src[i]
        if c == '\n':
            if state == 'line':
                state = None
            if state in ('"', "'"):  # an unterminated literal ends at the line (a compile error anyway)
                state = None
            code.append([])
            comments.append([])
            i += 1
            continue
        if state is None:
            if src.startswith('/*', i):
                state, i = 'block', i + 2
                continue
            if src.startswith('//', i):
                state, i = 'line', i + 2
                continue
            if c in '"\'':
                state = c
            code[-1].append(c)
        elif state in ('block', 'line'):
            if state == 'block' and src.startswith('*/', i):
                state, i = None, i + 2
                code[-1].append(' ')
                continue
            comments[-1].append(c)
        else:  # inside a literal
            if c == '\\' and i + 1 < n and src[i + 1] != '\n':
                code[-1].append(src[i:i + 2])
                i += 2
                continue
            if c == state:
                state = None
            code[-1].append(c)
        i += 1
    return [''.join(x) for x in code], [''.join(x) for x in comments]


HEX = re.compile(r'(?<![\w.])0[xX]([0-9a-fA-F]+)[uUlL]*(?![\w.])')
UESC = re.compile(r'\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})')
XRUN = re.compile(r'(?:\\x[0-9a-fA-F]{2})+')


def findings(path):
    try:
        with open(path, encoding='utf-8') as f:
            src = f.read()
    except (OSError, UnicodeDecodeError) as e:
        yield 0, 'cannot read: %s' % e
        return
    code, comments = split_code(src)
    for no, (line, comment) in enumerate(zip(code, comments), 1):
        for ch in line:
            if is_cjk(ord(ch)):
                yield no, 'CJK character %s (U+%04X)' % (ch, ord(ch))
                break
        if 'nocjk:' in comment:
            continue
        for m in UESC.finditer(line):
            cp = int(m.group(1) or m.group(2), 16)
            if is_cjk(cp):
                yield no, 'escape %s spells a CJK character' % m.group(0)
        for m in XRUN.finditer(line):
            data = bytes(int(h, 16) for h in re.findall(r'\\x([0-9a-fA-F]{2})', m.group(0)))
            text = data.decode('utf-8', errors='ignore')
            if any(is_cjk(ord(ch)) for ch in text):
                yield no, 'escapes %s spell CJK text' % m.group(0)
        for m in HEX.finditer(line):
            cp = int(m.group(1), 16)
            if is_cjk(cp):
                yield no, 'CJK code point %s' % m.group(0)


def main(paths):
    bad = 0
    for p in paths:
        for no, what in findings(p):
            print('%s:%d: %s' % (p, no, what))
            bad += 1
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
