#!/usr/bin/env python3
"""Speaker attribution on fr-litbank (French novels, brat annotation of citations and their sources).

  bench/litbank_quotes.py --litbank ../shared/eval/quotes/fr-litbank [--recoupe build/recoupe]

Converts each novel's citations/*.txt into one contract record, runs `recoupe analyze`, and holds
the quotations found against the brat citations (`Citation` spans, `Source` relations to an
`Entite`). A citation is found when a quotation shares at least half of its words (the reference
scorer's rule). Attribution is judged where the gold source is written as a proper name (a pronoun
needs the coreference chains, which this script does not read): right when the predicted speaker
ends with that name or the name ends with the predicted speaker. Novels mark dialogue with dashes
(— …) more than with quotation marks, and recoupe reads only quotation marks: detection recall is
low by design; attribution is the figure of interest. fr-litbank keeps a citation broken by an incise
(« …, dit-il, … ») as one citation, where the news guide, and recoupe, make it two quotations with one
speaker: two quotations in a row with the same speaker are also tried joined.
"""
import argparse, json, os, re, subprocess, sys, tempfile, unicodedata


def norm_words(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'").lower()
    return re.sub(r"[^\w']+", " ", s).split()


def overlap(a, b):
    ta, tb = set(norm_words(a)), set(norm_words(b))
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def same_name(gold, pred):
    g, p = norm_words(gold), norm_words(pred)
    if not g or not p:
        return False
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    return long_[-len(short):] == short


def read_ann(path, text):
    spans, relations = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, ranges = parts[1].partition(" ")
            pieces = [tuple(map(int, r.split())) for r in ranges.split(";")]
            spans[parts[0]] = (kind, " ".join(text[a:b] for a, b in pieces))
        elif line.startswith("R") and len(parts) >= 2:
            kind, *args = parts[1].split()
            if kind == "Source":
                a = dict(x.split(":") for x in args)
                relations.append((a["Arg1"], a["Arg2"]))
    return spans, relations


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--litbank", required=True)
    ap.add_argument("--recoupe", default="build/recoupe")
    a = ap.parse_args()
    folder = os.path.join(a.litbank, "citations")
    if not os.path.isdir(folder):
        sys.exit(f"{folder}: not found")
    names = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".txt"))
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = os.path.join(tmp, "in.jsonl"), os.path.join(tmp, "out.jsonl")
        with open(inp, "w", encoding="utf-8") as f:
            for n in names:
                text = open(os.path.join(folder, n + ".txt"), encoding="utf-8").read()
                f.write(json.dumps({"id": n, "text": text}, ensure_ascii=False) + "\n")
        subprocess.run([a.recoupe, "analyze", inp, "-o", out], check=True, stderr=subprocess.DEVNULL)
        pred = {}
        for line in open(out, encoding="utf-8"):
            d = json.loads(line)
            pred[d["id"]] = d.get("quotes") or []
    candidates = {}
    for n, quotes in pred.items():
        joined = [{"quote": a["quote"] + " " + b["quote"], "speaker": a["speaker"]}
                  for a, b in zip(quotes, quotes[1:]) if a.get("speaker") and a.get("speaker") == b.get("speaker")]
        candidates[n] = quotes + joined
    citations = found = judged = right = 0
    for n in names:
        text = open(os.path.join(folder, n + ".txt"), encoding="utf-8").read()
        spans, relations = read_ann(os.path.join(folder, n + ".ann"), text)
        source = {cit: ent for ent, cit in relations}
        for tid, (kind, ctext) in spans.items():
            if kind != "Citation":
                continue
            citations += 1
            best = max(candidates[n], key=lambda q: overlap(q["quote"], ctext), default=None)
            if best is None or overlap(best["quote"], ctext) < 0.5:
                continue
            found += 1
            ent = spans.get(source.get(tid, ""), ("", ""))[1]
            if ent[:1].isupper() and ent.split()[0].lower() not in {"il", "elle", "je", "lui", "on", "ils", "elles"}:
                judged += 1
                right += bool(best.get("speaker")) and same_name(ent, best["speaker"])
    print(json.dumps({"novels": len(names), "citations": citations, "found_with_quote_marks": found,
                      "named_sources_judged": judged, "attribution_right": right,
                      "attribution_accuracy": round(right / judged, 4) if judged else None}, indent=1))
    print(f"fr-litbank: {found}/{citations} citations found, attribution {right}/{judged}"
          f" = {right / judged if judged else 0:.3f} on named sources")


if __name__ == "__main__":
    main()
