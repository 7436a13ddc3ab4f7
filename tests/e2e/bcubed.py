#!/usr/bin/env python3
"""BCubed F1 of `recoupe analyze` output against a {"stories": [{"ids": [...]}]} file.
usage: bcubed.py GOLD.json PRED.jsonl MIN_F1 — exits 1 when F1 < MIN_F1."""
import json
import sys
from collections import Counter

gold_path, pred_path, minimum = sys.argv[1], sys.argv[2], float(sys.argv[3])
gold = {i: k for k, s in enumerate(json.load(open(gold_path, encoding="utf-8"))["stories"]) for i in s["ids"]}
pred = {}
for line in open(pred_path, encoding="utf-8"):
    rec = json.loads(line)
    pred[rec["id"]] = rec.get("story") or "solo:" + rec["id"]
missing = set(gold) - set(pred)
if missing:
    sys.exit(f"no prediction for {sorted(missing)[:5]}")
pairs = Counter((gold[i], pred[i]) for i in gold)
gsize, psize = Counter(gold.values()), Counter(pred[i] for i in gold)
precision = sum(n * n / psize[p] for (g, p), n in pairs.items()) / len(gold)
recall = sum(n * n / gsize[g] for (g, p), n in pairs.items()) / len(gold)
f1 = 2 * precision * recall / (precision + recall)
print(f"bcubed precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} (minimum {minimum})")
sys.exit(0 if f1 >= minimum else 1)
