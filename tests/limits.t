# Limits on hostile input: time linear in the input for every pathological shape we know (CPU time
# on N and 4N copies, asserted as a ratio, never as an absolute time), output linear in the input
# (a sentence is cut to 300 characters around its claim), a JSON Lines line past
# --max-article-bytes refused as it is read, and -j N holding a window of each document, not all of it.
. tests/lib.sh
T=$OUT/limits
mkdir -p "$T"
export T
python3 - <<'PY'
import json, os, resource, subprocess, sys

K, T = os.environ["KEYFIG"], os.environ["T"]
sanitized = bool(os.environ.get("KEYFIG_SANITIZED"))

def ok(name, cond, why):
    print(("PASS %s" % name) if cond else ("FAIL %s: %s" % (name, why)))

def run(args, stdin=None):
    """Run keyfig in a child and return (rc, stdout, stderr, cpu seconds, peak RSS in KB): the
    child runs under a fresh python so that RUSAGE_CHILDREN is its alone."""
    probe = ("import resource, subprocess, sys, json\n"
             "p = subprocess.run(sys.argv[1:], stdout=open(%r, 'wb'), stderr=subprocess.PIPE)\n"
             "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
             "print(json.dumps([p.returncode, p.stderr.decode(), u.ru_utime + u.ru_stime, u.ru_maxrss]))")
    out = os.path.join(T, "run.out")
    r = subprocess.run([sys.executable, "-c", probe % out, K] + args, capture_output=True, text=True, check=True)
    rc, err, cpu, rss = json.loads(r.stdout)
    return rc, open(out, "rb").read(), err, cpu, rss

# ---- time: each shape at N and 4N copies ----
SHAPES = {
    "claims_one_sentence": lambda n: "".join("%d家，" % i for i in range(n)),      # issue 15 item 8
    "percent_words": lambda n: "百分之" * (3 * n),
    "no_punctuation": lambda n: "".join("%d家" % i for i in range(n)),
    "hospitals": lambda n: "".join("全市共有%d家医院，" % i for i in range(n)),
    "from_to_chain": lambda n: "".join("由%d亿元增加到" % i for i in range(n)) + "5亿元。",
    "from_to_run": lambda n: "".join("由%d亿元增加到%d亿元" % (i, i + 1) for i in range(n)),
    "many_items": lambda n: "".join("本报讯 全市有%d家医院。\n" % i for i in range(n)),
    "years_all": lambda n: "".join("%d年" % (1900 + i % 100) for i in range(n)) + "有3家",
    "close_parens": lambda n: "".join("%d家)" % i for i in range(n)),
    "open_parens": lambda n: "".join("(%d家" % i for i in range(n)),
    "de_runs": lambda n: "".join("%d个的" % i for i in range(n)),
    "nouns_numbers": lambda n: "".join("医院%d" % i for i in range(n)),
    "broken_lines": lambda n: "".join("%d\n家\n" % i for i in range(n)),
    "spaces": lambda n: "".join("%d 家 " % i for i in range(n)),
    "ranges": lambda n: "".join("%d-" % i for i in range(n)),
    "long_line": lambda n: "中" * (20 * n) + "3家医院",
    "digits": lambda n: "1" * (4 * n),
}
if sanitized:
    print("SKIP limits.linear: time ratios are measured in the plain build (the sanitizers' cost is not the code's)")
else:
    N = 5000
    for name, make in SHAPES.items():
        times = []
        for n in (N, 4 * N):
            path = os.path.join(T, "%s.%d.txt" % (name, n))
            with open(path, "w", encoding="utf-8") as f:
                f.write(make(n) + "\n")
            args = ["extract"] + (["--all"] if name.endswith("_all") else []) + [path]
            best = min(run(args)[3] for _ in range(2))  # the less disturbed of two runs
            times.append(max(best, 0.01))
        ratio = times[1] / times[0]
        ok("limits.linear." + name, ratio < 6,
           "4N copies took %.1fx the CPU time of N (%.2fs, %.2fs): not linear" % (ratio, times[0], times[1]))

# ---- output: a long sentence is cut to 300 characters around the claim ----
def claims(out):
    return json.loads(out)["claims"]

path = os.path.join(T, "long_sentence.txt")
with open(path, "w", encoding="utf-8") as f:
    f.write("前" * 250 + "全市共有45家医院" + "后" * 250 + "。\n")
rc, out, err, _, _ = run(["extract", path])
c = claims(out)[0]
s = c["sentence"]
i = s.find(c["text"])
ok("limits.sentence_cap.length", len(s) == 300, "sentence of %d characters, want 300" % len(s))
ok("limits.sentence_cap.centred", i >= 0 and abs(i - (300 - len(c["text"]) - i)) <= 1,
   "claim %r at %d of %r" % (c["text"], i, s))
with open(path, "w", encoding="utf-8") as f:
    f.write("全市共有45家医院" + "后" * 500 + "。\n")
rc, out, err, _, _ = run(["extract", path])
s = claims(out)[0]["sentence"]
ok("limits.sentence_cap.at_start", len(s) == 300 and s.startswith("全市共有45家医院后"),
   "want the sentence's first 300 characters, got %d: %r" % (len(s), s[:20]))
with open(path, "w", encoding="utf-8") as f:
    f.write("第一句。" + "前" * 100 + "全市共有45家医院" + "后" * 100 + "。第三句。\n")
rc, out, err, _, _ = run(["extract", path])
s = claims(out)[0]["sentence"]
ok("limits.sentence_cap.short_whole", s == "前" * 100 + "全市共有45家医院" + "后" * 100 + "。",
   "a sentence under 300 characters stays whole: %r" % s[:20])

# output grows as the input does: 4x the claims, at most 4.5x the bytes
sizes = []
for n in (2000, 8000):
    path = os.path.join(T, "out.%d.txt" % n)
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join("全市共有%d家医院，" % i for i in range(n)) + "\n")
    rc, out, err, _, _ = run(["extract", "--jsonl", path])
    cs = claims(out)
    longest = max(len(c["sentence"]) for c in cs)
    sizes.append(len(out))
ok("limits.output_linear", sizes[1] < 4.5 * sizes[0] and longest <= 300,
   "output %d then %d bytes for 4x the input; longest sentence %d characters" % (sizes[0], sizes[1], longest))

# ---- a JSON Lines line past --max-article-bytes is refused as it is read ----
path = os.path.join(T, "big.jsonl")
with open(path, "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "a", "text": "全市有3家医院。"}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "big", "text": "全" * 10000000}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "c", "text": "全市有5家医院。"}, ensure_ascii=False) + "\n")
rc, out, err, _, rss = run(["extract", "--max-article-bytes", "1000", "--input", "jsonl", "--jsonl", path])
ids = [json.loads(l)["article"]["id"] for l in out.decode().splitlines()]
ok("limits.jsonl_line.error", rc == 1 and err == "keyfig: %s:2: record longer than --max-article-bytes (1000 bytes); skipped\n" % path,
   "exit %d, stderr %r" % (rc, err))
ok("limits.jsonl_line.others", ids == ["a", "c"], "documents %r, want a and c" % ids)
if sanitized:  # AddressSanitizer keeps freed memory in quarantine: RSS is not the code's
    print("SKIP limits.jsonl_line.memory: peak RSS is measured in the plain build")
else:
    ok("limits.jsonl_line.memory", rss < 25 * 1024, "peak RSS %d KB reading past a 30 MB line, want < 25 MB" % rss)

# ---- -j 2 holds a window of each document: 30,000 claims (a 37 MB document) in little memory ----
path = os.path.join(T, "many.txt")
with open(path, "w", encoding="utf-8") as f:
    f.write("".join("全市共有%d家医院，" % i for i in range(30000)) + "\n")
rc1, out1, _, _, rss1 = run(["extract", "-j", "1", "--jsonl", path])
rc2, out2, _, _, rss2 = run(["extract", "-j", "2", "--jsonl", path])
ok("limits.jobs.same_bytes", rc1 == rc2 == 0 and out1 == out2, "-j 2 wrote other bytes than -j 1")
if sanitized:
    print("SKIP limits.jobs.memory: peak RSS is measured in the plain build")
else:
  ok("limits.jobs.memory", rss2 < 32 * 1024 and len(out2) > 30e6,
   "-j 2: peak RSS %d KB for a %d-byte document from 0.8 MB, want < 32 MB" % (rss2, len(out2)))
PY

# ---- one article's memory: at most 10x its bytes plus 8 MB above a one-line article (README), whatever its shape ----
python3 - <<'PY'
import os, resource, subprocess, sys
K, T = os.environ["KEYFIG"], os.environ["T"]
if os.environ.get("KEYFIG_SANITIZED"):
    print("SKIP limits.article_memory: the sanitizers' shadow memory is not the code's")
    sys.exit(0)
SHAPES = {
    "percent": "1%，",
    "fullwidth": "１２３４５６７８９０，",
    "spaces": "12 家 ",
    "hospitals": "全市共有45家医院，",
    "traditional": "萬億兩個項3萬元，",
}
# the same in a legacy encoding: converted to UTF-8, with the map back to the file's bytes
ENCODED = {"hospitals_gb18030": ("全市共有45家医院，", "gb18030"), "traditional_big5": ("萬億兩個項3萬元，", "big5")}
probe = ("import resource, subprocess, sys\n"
         "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
def peak(path):
    return int(subprocess.run([sys.executable, "-c", probe, K, "extract", "--all", path],
                              capture_output=True, text=True, check=True).stdout)
# the process's own floor: shared libraries, the traditional->simplified table, the word table
one = os.path.join(T, "mem.one.txt")
open(one, "wb").write("全市共有45家医院。\n".encode())
base = peak(one)
for name, (unit, enc) in list((k, (v, "utf-8")) for k, v in SHAPES.items()) + list(ENCODED.items()):
    path = os.path.join(T, "mem.%s.txt" % name)
    text = (unit * (2000000 // len(unit.encode(enc)))).encode(enc)
    open(path, "wb").write(text)
    rss = peak(path)
    limit = base + (10 * len(text) + 8 * 1024 * 1024) // 1024
    print(("PASS limits.article_memory.%s" % name) if rss <= limit else
          "FAIL limits.article_memory.%s: peak RSS %d KB for %d bytes, want <= %d KB (%d KB for one line)" % (name, rss, len(text), limit, base))
    if enc != "utf-8":
        # converting costs the file's bytes a few times over at most, not a map of 4 bytes a byte
        # of the conversion held beside a second, rejected conversion
        same = os.path.join(T, "mem.%s.utf8.txt" % name)
        open(same, "wb").write(text.decode(enc).encode())
        plain = peak(same)
        limit = plain + 4 * len(text) // 1024
        print(("PASS limits.article_memory.%s_vs_utf8" % name) if rss <= limit else
              "FAIL limits.article_memory.%s_vs_utf8: peak RSS %d KB, want <= %d KB (%d KB for the same text in UTF-8)" % (name, rss, limit, plain))
PY
