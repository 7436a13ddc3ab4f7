#!/usr/bin/env python3
"""Entity F1 of `recoupe analyze` on HIPE-style French newspaper sets (coarse literal PER/LOC/ORG).

Each TSV document becomes one contract JSONL record (text rebuilt from the tokens, NoSpaceAfter honoured,
line-end hyphenation undone); recoupe analyses them; predicted and gold mentions are compared as bags of
(text, type) per document, as ../shared/tools/score.py does for entities. Gold mentions drop a leading
title ("M.", "Mme", ...) as the project's guide does.
Usage: bench/entities_hipe.py RECOUPE FILE.tsv...   (e.g. ../shared/eval/ner/hipe2022-dev/*-fr.tsv)"""
import collections
import json
import os
import subprocess
import sys
import tempfile

TYPES = {"pers": "PER", "per": "PER", "loc": "LOC", "org": "ORG"}
TITLES = {"m", "mm", "mme", "mmes", "mlle", "dr", "général", "président", ".", "monsieur", "madame"}


def documents(path):
    docs, tokens, name = [], [], None
    cols = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("TOKEN"):
            cols = {c: i for i, c in enumerate(line.split("\t"))}
            continue
        if line.startswith("#"):
            if "document_id" in line:
                if tokens:
                    docs.append((name, tokens))
                tokens, name = [], line.split("=", 1)[1].strip()
            continue
        if not line:
            continue
        f = line.split("\t")
        misc = f[cols.get("MISC", len(f) - 1)] if cols.get("MISC", 99) < len(f) else ""
        tokens.append((f[0], f[cols.get("NE-COARSE-LIT", 1)], "NoSpaceAfter" not in misc))
    if tokens:
        docs.append((name, tokens))
    return docs


def assemble(tokens):
    text, mentions, cur = "", [], None
    i = 0
    while i < len(tokens):
        tok, tag, space = tokens[i]
        while tok.endswith("¬") and i + 1 < len(tokens):
            tok = tok[:-1] + tokens[i + 1][0]
            space = tokens[i + 1][2]
            i += 1
        typ = TYPES.get(tag[2:].split(".")[0].lower()) if tag[:2] in ("B-", "I-") else None
        if cur and (typ != cur[0] or tag.startswith("B-")):
            mentions.append(cur)
            cur = None
        if typ and cur is None:
            cur = [typ, []]
        if cur:
            cur[1].append((len(text), len(text) + len(tok), tok))
        text += tok + (" " if space else "")
        i += 1
    if cur:
        mentions.append(cur)
    gold = []
    for typ, toks in mentions:
        while len(toks) > 1 and toks[0][2].lower() in TITLES:
            toks = toks[1:]
        gold.append((text[toks[0][0]:toks[-1][1]], typ))
    return text, gold


def main():
    recoupe, files = sys.argv[1], sys.argv[2:]
    total = [0, 0, 0]
    for path in files:
        records, gold = [], {}
        for n, (name, tokens) in enumerate(documents(path)):
            text, mentions = assemble(tokens)
            rid = f"{os.path.basename(path)}#{n}"
            records.append({"id": rid, "text": text, "lang": "fr"})
            gold[rid] = collections.Counter(mentions)
        with tempfile.TemporaryDirectory() as tmp:
            inp, out = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "out.jsonl")
            with open(inp, "w", encoding="utf-8") as f:
                for r in records:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            subprocess.run([recoupe, "analyze", inp, "-o", out], check=True, stderr=subprocess.DEVNULL)
            tp = fp = fn = 0
            for line in open(out, encoding="utf-8"):
                d = json.loads(line)
                p = collections.Counter((e["text"], e["type"]) for e in d.get("entities", []) if e["type"] in ("PER", "LOC", "ORG"))
                g = gold[d["id"]]
                tp += sum((p & g).values()); fp += sum((p - g).values()); fn += sum((g - p).values())
        prec = tp / (tp + fp) if tp + fp else 0
        rec = tp / (tp + fn) if tp + fn else 0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0
        print(f"{os.path.basename(path)}: {len(records)} documents, P {prec:.3f} R {rec:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})")
        for k, v in zip(range(3), (tp, fp, fn)):
            total[k] += v


if __name__ == "__main__":
    main()
