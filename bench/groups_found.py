#!/usr/bin/env python3
"""How many duplicate groups recoupe found whole: every member linked, through duplicate_of, to one original.

  groups_found.py ANALYSIS.jsonl NAME=GROUPS.json [NAME=GROUPS.json ...]

score.py duplicates counts links against the first member in input order; this counts groups, whatever
member recoupe takes for the original (it takes the earliest published, and a verbatim copy names its source).
"""
import json
import sys

pred = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        rec = json.loads(line)
        pred[rec["id"]] = rec.get("duplicate_of")


def original(i):
    seen = set()
    while pred.get(i) and i not in seen:
        seen.add(i)
        i = pred[i]
    return i


for arg in sys.argv[2:]:
    name, path = arg.split("=", 1)
    groups = json.load(open(path, encoding="utf-8"))["groups"]
    groups = [g for g in groups if all(i in pred for i in g)]
    whole = sum(1 for g in groups if len({original(i) for i in g}) == 1)
    print(f"- {name}: {whole:,} of {len(groups):,} groups found whole (every member linked to one original)")
