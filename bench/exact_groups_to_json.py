#!/usr/bin/env python3
"""Turns OrangeSum's exact_duplicate_groups.txt into the groups file `score.py duplicates` reads.

  exact_groups_to_json.py [GROUPS.txt] -o GROUPS.json
  exact_groups_to_json.py [GROUPS.txt] -o BODIES.json --same-body ARTICLES.jsonl.gz

GROUPS.txt (default: ../shared/corpora/orangesum/exact_duplicate_groups.txt from the repo root) has one group
a line, comma-separated file names ("1447.json,1491.json"); the output is {"groups": [["1447", "1491"], ...]}.

The groups join articles whose body, lead OR title is identical, so some of them are not copies: recurring
rubrics ("Coronavirus: le point sur la pandémie dans le monde", 83 articles; "Qui a dit... ?") share a title
over different bodies. With --same-body, each group is split by identical body text (the `text` field, read
from ARTICLES) and only the parts with two or more members are kept: the subset that are copies for sure.
Python 3 standard library only.
"""
import argparse
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path


def read_groups(path):
    groups = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            ids = [x.strip() for x in line.split(",") if x.strip()]
            ids = [x[:-5] if x.endswith(".json") else x for x in ids]
            if len(ids) >= 2:
                groups.append(ids)
    return groups


def read_bodies(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    bodies = {}
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                bodies[str(rec["id"])] = " ".join((rec.get("text") or "").split())
    return bodies


def split_by_body(groups, bodies):
    out = []
    for g in groups:
        parts = defaultdict(list)
        for i in g:
            if i in bodies and bodies[i]:
                parts[bodies[i]].append(i)
        out.extend(p for p in parts.values() if len(p) >= 2)
    return out


def main():
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "orangesum" / "exact_duplicate_groups.txt"
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("groups", nargs="?", default=str(default))
    ap.add_argument("-o", "--output", help="output JSON (default stdout)")
    ap.add_argument("--same-body", metavar="ARTICLES", help="keep only members with an identical body, read from ARTICLES")
    a = ap.parse_args()
    groups = read_groups(a.groups)
    if a.same_body:
        groups = split_by_body(groups, read_bodies(a.same_body))
    text = json.dumps({"groups": groups}, ensure_ascii=False) + "\n"
    if a.output:
        Path(a.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"{len(groups)} groups, {sum(len(g) for g in groups)} articles, {sum(len(g) - 1 for g in groups)} copies",
          file=sys.stderr)


if __name__ == "__main__":
    main()
