#!/usr/bin/env python3
"""Build the benchmark corpus: JSON Lines articles {"id", "text"} made by shuffling the paragraphs
of the source articles across new articles and altering every number, so no article repeats
another verbatim. Writes SIMP (simplified) of about MB megabytes; bench.sh converts a second
stream, TRAD_SRC, to traditional characters with OpenCC.
usage: corpus.py SEED MB OUT_SIMP OUT_TRAD_SRC SOURCE.txt..."""
import json
import random
import re
import sys

seed, mb, out_simp, out_trad = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
sources = sys.argv[5:]
rng = random.Random(seed)

paras = []
for path in sources:
    with open(path, encoding="utf-8") as f:
        for p in re.split(r"\n\s*\n|\n(?=\s*　)", f.read()):
            p = p.strip()
            if len(p) >= 20:
                paras.append(p)
if not paras:
    sys.exit("corpus.py: no paragraphs in the sources")

CN = "零一二三四五六七八九"
ARABIC = re.compile(r"\d+(?:\.\d+)?")
CHINESE = re.compile("[一二三四五六七八九][十百千]?[一二三四五六七八九]?")


def arabic(m):
    s = m.group(0)
    if rng.random() < 0.3:
        return s  # keep some years and figures as they were
    head, dot, tail = s.partition(".")
    new = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in head[1:])
    if dot:
        new += "." + "".join(rng.choice("0123456789") for _ in tail)
    return new


def chinese(m):
    if rng.random() < 0.5:
        return m.group(0)
    return "".join(CN[rng.randint(1, 9)] if c in CN else c for c in m.group(0))


def vary(p):
    return CHINESE.sub(chinese, ARABIC.sub(arabic, p))


def write(path, target, prefix):
    size = n = 0
    with open(path, "w", encoding="utf-8") as f:
        while size < target:
            k = rng.randint(3, 12)
            text = "\n\n".join(vary(rng.choice(paras)) for _ in range(k))
            line = json.dumps({"id": "%s%07d" % (prefix, n), "text": text}, ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n, size


ns, ss = write(out_simp, mb * 1e6, "s")
nt, st = write(out_trad, mb * 1e6, "t")
print("%d paragraphs from %d files; simplified %d articles %d bytes; traditional source %d articles %d bytes"
      % (len(paras), len(sources), ns, ss, nt, st))
