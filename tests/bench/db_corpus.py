#!/usr/bin/env python3
"""Generate claims JSON Lines for the database benchmark: ARTICLES articles of 20 claims each,
in FILES files, with subjects from a pool of 2000, dates over 2015-2025 and sentences of about
60 characters. Deterministic (seeded). usage: db_corpus.py CLAIMS FILES OUTDIR SEED"""
import json
import os
import random
import sys

claims, files, out, seed = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
rnd = random.Random(seed)
heads = ["医保基金", "地区生产总值", "财政收入", "粮食产量", "进出口总额", "社会消费品零售总额", "固定资产投资",
         "城镇新增就业", "居民人均可支配收入", "工业增加值"]
tails = ["支出", "收入", "规模", "总量", "增速", "余额", "人数", "面积", "产量", "投资"]
places = ["", "全省", "全市", "浙江省", "杭州市", "广东省", "江苏省", "四川省", "湖北省", "山东省"]
subjects = [p + h + t for p in places for h in heads for t in tails][:2000]
units = [("亿元", "money", 1e8), ("万吨", "mass", 1e7), ("万人", "count", 1e4), ("%", "percent", 1)]
per_article = 20
articles = claims // per_article
os.makedirs(out, exist_ok=True)
handles = [open(os.path.join(out, "part%02d.jsonl" % i), "w", encoding="utf-8") for i in range(files)]
for a in range(articles):
    date = "%04d-%02d-%02d" % (rnd.randint(2015, 2025), rnd.randint(1, 12), rnd.randint(1, 28))
    cs = []
    for i in range(per_article):
        subj = rnd.choice(subjects)
        word, kind, scale = rnd.choice(units)
        shown = round(rnd.uniform(1, 999), 1)
        year = int(date[:4]) - 1
        sentence = "%d年%s达到%s%s，同比增长%.1f%%，为近年来的较高水平。" % (year, subj, shown, word, rnd.uniform(0, 9))
        start = 40 * i + 6
        cs.append({"id": i + 1, "claim": True, "reason": None, "value": shown * scale, "value_text": str(shown),
                   "unit": word[-1] if kind != "percent" else "%", "kind": kind, "subject": subj, "approx": None,
                   "range": None, "change": None,
                   "span": {"start": start, "end": start + 8, "byte_start": 3 * start, "byte_end": 3 * start + 24},
                   "text": "%s%s" % (shown, word), "sentence": sentence, "item": 1, "rule": "measure.unit"})
    doc = {"article": {"id": "bench_%07d" % a, "source": "bench/%07d.txt" % a, "title": None, "date": date,
                       "items": 1}, "claims": cs}
    handles[a % files].write(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
for h in handles:
    h.close()
