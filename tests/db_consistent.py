#!/usr/bin/env python3
"""Check a snapshot of a database (keyfig query --format tsv) against the two versions an
interrupted or concurrent load wrote: every article must be wholly version A or wholly version B
(or absent when absent_ok), never a mix or a part. Prints "ok N" (articles seen) or the first bad
article. usage: db_consistent.py A.jsonl B.jsonl SNAPSHOT.tsv"""
import json
import sys


def versions(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            out[d["article"]["id"]] = sorted((c["id"], c["value"]) for c in d["claims"] if c["claim"])
    return out


a, b = versions(sys.argv[1]), versions(sys.argv[2])
seen = {}
with open(sys.argv[3], encoding="utf-8") as f:
    next(f)
    for line in f:
        cols = line.rstrip("\n").split("\t")
        seen.setdefault(cols[0], []).append((int(cols[2]), float(cols[4])))


def same(x, y):
    return len(x) == len(y) and all(i == j and abs(v - w) <= 1e-9 * max(1, abs(w)) for (i, v), (j, w) in zip(x, y))


for art, rows in sorted(seen.items()):
    rows.sort()
    if not (same(rows, a.get(art, [])) or same(rows, b.get(art, []))):
        print("article %s: %d claims, neither version A (%d) nor B (%d)" % (art, len(rows), len(a.get(art, [])),
                                                                           len(b.get(art, []))))
        sys.exit(1)
print("ok %d" % len(seen))
