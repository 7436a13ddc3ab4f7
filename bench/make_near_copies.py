#!/usr/bin/env python3
"""Builds a near-duplicate benchmark from contract JSONL: originals, edited copies of them, and distractors.

  make_near_copies.py [ARTICLES.jsonl[.gz]] -o NEAR.jsonl --groups NEAR.groups.json [--seed 1]

From the first --pool articles of ARTICLES (default ../shared/corpora/orangesum/articles.jsonl.gz from the repo
root) it drops the ones that already copy one another (same title, same lead, or sharing many 5-word shingles),
then draws, with a seeded generator, --originals articles to copy and --distractors others left untouched.
Each copy ("copy-<orig>-<k>") is published 10 minutes to 2 days after its original and differs from it by:
  - a changed title (a prefix such as "INFO -", the parts around a colon swapped, synonyms, numbers);
  - 1-3 body sentences dropped (at most a fifth of them; originals have six sentences or more);
  - 1-2 sentences taken from another article inserted at random places;
  - 1-3 sentences reworded: two neighbouring words swapped, words replaced from a small synonym table, numbers
    changed; the lead (abstract) is reworded the same way half of the time.
Sentences are split on . ! ? followed by an upper-case letter, with or without a space (OrangeSum lost its
paragraph breaks: "jeudi.Le gouvernement"); a split after an initial or "M." is not made.

NEAR.jsonl lists originals, copies and distractors sorted by publication time (so input order is publication
order); NEAR.groups.json is {"groups": [[orig, copy, ...], ...]} for `score.py duplicates`.
Same input and --seed give byte-identical files. Python 3 standard library only.
"""
import argparse
import gzip
import json
import random
import re
import sys
import zlib
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
# end of sentence: punctuation, maybe a closing quote or bracket (one followed by a space: in `Yés"."Mais` the
# quote opens the next sentence), maybe spaces, then an upper-case letter (maybe after an opening quote or dash)
SENT_END = re.compile(r'[.!?…]+(?:["»)](?=\s))?(\s*)(?=[«"(\-–—]?\s*[' + UPPER + r'])')
NO_SPLIT_BEFORE = re.compile(r"(?:\b[" + UPPER + r"]|\bMM?|\bMmes?|\bMlle|\bDr|\bSt|\bav|\bn°|\bp)\s*$")
NUMBER = re.compile(r"\d+")
WORD = re.compile(r"\w+", re.UNICODE)

# Written for this script: common news words and a replacement that keeps the sense (roughly).
SYNONYMS = {
    "annoncé": "déclaré", "déclaré": "affirmé", "affirmé": "assuré", "assuré": "soutenu", "indiqué": "précisé",
    "précisé": "souligné", "souligné": "rappelé", "expliqué": "détaillé", "estimé": "jugé", "ajouté": "poursuivi",
    "également": "aussi", "aussi": "également", "toutefois": "cependant", "cependant": "néanmoins",
    "environ": "près de", "rapidement": "vite", "important": "majeur", "importante": "majeure",
    "gouvernement": "exécutif", "policiers": "forces de l'ordre", "personnes": "individus", "ville": "commune",
    "pays": "nation", "hausse": "augmentation", "baisse": "diminution", "voiture": "véhicule",
    "enquête": "investigation", "juge": "magistrat", "réunion": "rencontre", "accord": "entente",
    "victimes": "personnes touchées", "décès": "morts", "morts": "décès", "médecins": "soignants",
    "entreprise": "société", "entreprises": "sociétés", "mesures": "dispositions", "mesure": "disposition",
    "récemment": "dernièrement", "notamment": "en particulier", "hier": "la veille", "selon": "d'après",
    "président": "chef", "début": "commencement", "fin": "terme", "nouvelle": "récente", "nouveau": "récent",
    "plusieurs": "divers", "grand": "vaste", "grande": "vaste", "difficile": "compliqué", "projet": "plan",
    "attaque": "agression", "manifestants": "protestataires", "habitants": "résidents", "élus": "parlementaires",
}
TITLE_PREFIXES = ["INFO - ", "VIDÉO - ", "DIRECT - ", "ALERTE - ", "EN IMAGES - ", "Actu - ", "REPORTAGE - "]


def open_text(path):
    return gzip.open(path, "rt", encoding="utf-8") if str(path).endswith(".gz") else open(path, encoding="utf-8")


def read_pool(path, limit):
    out = []
    with open_text(path) as f:
        for line in f:
            if len(out) >= limit:
                break
            if not line.strip():
                continue
            r = json.loads(line)
            out.append({"id": str(r["id"]),
                        "published": r.get("published") or r.get("published_time") or r.get("date") or "",
                        "title": r.get("title") or "", "abstract": r.get("abstract") or "", "text": r.get("text") or ""})
    return out


def split_sentences(text):
    """[(sentence, separator that followed it)]: "" or the original spaces; None after the last sentence."""
    out, start = [], 0
    for m in SENT_END.finditer(text):
        if NO_SPLIT_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        sent = text[start:m.start(1)].strip()
        if sent:
            out.append((sent, m.group(1)))
        start = m.end(1)
    rest = text[start:].strip()
    if rest:
        out.append((rest, None))
    elif out:
        out[-1] = (out[-1][0], None)
    return out


def join_sentences(parts, default_sep):
    text = []
    for k, (s, sep) in enumerate(parts):
        text.append(s)
        if k + 1 < len(parts):
            text.append(default_sep if sep is None else sep)
    return "".join(text)


def norm_key(s):
    return " ".join(WORD.findall(s.lower()))


def shingles(text, n=5, keep_mod=4):
    """hashes of word n-grams, a stable 1-in-keep_mod sample of them"""
    w = WORD.findall(text.lower())
    hs = set()
    for k in range(len(w) - n + 1):
        h = zlib.crc32(" ".join(w[k:k + n]).encode("utf-8"))
        if h % keep_mod == 0:
            hs.add(h)
    return hs


def clean_pool(pool, overlap=0.3):
    """Keeps the articles that copy no earlier kept article (title, lead, or shingle overlap >= `overlap` of
    the smaller one), so the only copies in the benchmark are the ones made here."""
    seen_title, seen_abstract, owner, size, kept = set(), set(), {}, {}, []
    for k, a in enumerate(pool):
        t, ab = norm_key(a["title"]), norm_key(a["abstract"])
        if (t and t in seen_title) or (ab and ab in seen_abstract):
            continue
        sh = shingles(a["text"])
        counts = {}
        for h in sh:
            o = owner.get(h)
            if o is not None:
                counts[o] = counts.get(o, 0) + 1
        if any(c >= overlap * max(1, min(len(sh), size[o])) for o, c in counts.items()):
            continue
        kept.append(a)
        seen_title.add(t)
        seen_abstract.add(ab)
        size[k] = len(sh)
        for h in sh:
            owner.setdefault(h, k)
    return kept


def match_case(repl, word):
    return repl[:1].upper() + repl[1:] if word[:1].isupper() else repl


def reword(s, rng):
    """One to three edits of a sentence: synonyms, numbers, a swap of neighbouring words."""
    ops = ["syn", "num", "swap"]
    rng.shuffle(ops)
    want = rng.randint(1, 2)
    done = 0
    for op in ops:
        if done >= want:
            break
        new = s
        if op == "syn":
            spots = [m for m in WORD.finditer(s) if m.group(0).lower() in SYNONYMS
                     and s[m.start() - 1:m.start()] not in ("-", "'", "’") and s[m.end():m.end() + 1] != "-"]
            if spots:
                for m in sorted(rng.sample(spots, min(len(spots), rng.randint(1, 3))), key=lambda m: -m.start()):
                    new = new[:m.start()] + match_case(SYNONYMS[m.group(0).lower()], m.group(0)) + new[m.end():]
        elif op == "num":
            spots = [m for m in NUMBER.finditer(s) if not (len(m.group(0)) == 4 and m.group(0)[:2] in ("19", "20"))]
            if spots:
                m = rng.choice(spots)
                v = int(m.group(0))
                v2 = max(0, v + rng.choice([-1, 1]) * rng.randint(1, max(1, v // 10)))
                if v2 == v:
                    v2 = v + 1
                new = s[:m.start()] + str(v2) + s[m.end():]
        else:
            w = s.split(" ")
            idx = [i for i in range(1, len(w) - 2) if w[i].isalpha() and w[i + 1].isalpha()]
            if idx:
                i = rng.choice(idx)
                w[i], w[i + 1] = w[i + 1], w[i]
                new = " ".join(w)
        if new != s:
            s = new
            done += 1
    return s, done > 0


def new_title(title, rng):
    ops = ["prefix", "colon", "reword"]
    rng.shuffle(ops)
    t = title
    for op in ops[:rng.randint(1, 2)]:
        if op == "prefix":
            t = rng.choice(TITLE_PREFIXES) + t
        elif op == "colon" and ":" in t:
            head, _, tail = t.partition(":")
            if head.strip() and tail.strip():
                tail = tail.strip()
                t = tail[:1].upper() + tail[1:] + " (" + head.strip() + ")"
        else:
            t, _ = reword(t, rng)
    if t == title:
        t = rng.choice(TITLE_PREFIXES) + t
    return t


def later(published, rng):
    """an ISO time 10 minutes to 2 days after `published`, at the same precision (days: 1-2 days later)"""
    try:
        d = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        return published
    if "T" not in published:
        return (d + timedelta(days=rng.randint(1, 2))).date().isoformat()
    return (d + timedelta(seconds=rng.randint(600, 2 * 86400))).isoformat()


def sort_key(rec):
    try:
        d = datetime.fromisoformat(rec["published"].replace("Z", "+00:00"))
    except ValueError:
        return float("inf")
    if d.tzinfo is None:
        d = d.replace(tzinfo=timezone.utc)
    return d.timestamp()


def make_copy(orig, k, sources, rng):
    parts = split_sentences(orig["text"])
    seps = [sep for _, sep in parts if sep is not None]
    default_sep = Counter(seps).most_common(1)[0][0] if seps else " "
    # drop 1-3 sentences, at most a fifth of them
    drop = set(rng.sample(range(len(parts)), rng.randint(1, max(1, min(3, len(parts) // 5)))))
    body = [p for i, p in enumerate(parts) if i not in drop]
    # reword 1-3 of the sentences left
    for i in rng.sample(range(len(body)), min(len(body), rng.randint(1, 3))):
        s, _ = reword(body[i][0], rng)
        body[i] = (s, body[i][1])
    # insert 1-2 sentences of another article
    src = rng.choice(sources)
    while src["id"] == orig["id"]:
        src = rng.choice(sources)
    cand = [s for s, _ in split_sentences(src["text"]) if 30 <= len(s) <= 400] or [src["title"]]
    for s in rng.sample(cand, min(len(cand), rng.randint(1, 2))):
        body.insert(rng.randint(0, len(body)), (s, default_sep))
    abstract = orig["abstract"]
    if abstract and rng.random() < 0.5:
        abstract, _ = reword(abstract, rng)
    return {"id": f"copy-{orig['id']}-{k}", "published": later(orig["published"], rng),
            "title": new_title(orig["title"], rng), "abstract": abstract,
            "text": join_sentences(body, default_sep)}


def jaccard(a, b):
    a, b = set(WORD.findall(a.lower())), set(WORD.findall(b.lower()))
    return len(a & b) / max(1, len(a | b))


def main():
    root = Path(__file__).resolve().parent.parent
    default = root.parent / "shared" / "corpora" / "orangesum" / "articles.jsonl.gz"
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", nargs="?", default=str(default))
    ap.add_argument("-o", "--output", required=True, help="benchmark JSONL")
    ap.add_argument("--groups", required=True, help="groups JSON for score.py duplicates")
    ap.add_argument("--pool", type=int, default=12000, help="use the first N articles (default %(default)s)")
    ap.add_argument("--originals", type=int, default=2000, help="articles to copy (default %(default)s)")
    ap.add_argument("--copies", type=int, default=1, help="copies of each original (default %(default)s)")
    ap.add_argument("--distractors", type=int, default=3000, help="untouched other articles (default %(default)s)")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()

    rng = random.Random(a.seed)
    pool = read_pool(a.input, a.pool)
    clean = clean_pool(pool)
    eligible = [x for x in clean if len(split_sentences(x["text"])) >= 6 and x["title"]]
    if len(eligible) < a.originals:
        sys.exit(f"only {len(eligible)} articles of the first {a.pool} can be copied; raise --pool")
    originals = rng.sample(eligible, a.originals)
    chosen = {x["id"] for x in originals}
    rest = [x for x in clean if x["id"] not in chosen]
    if len(rest) < a.distractors:
        sys.exit(f"only {len(rest)} articles left for {a.distractors} distractors; raise --pool")
    distractors = rng.sample(rest, a.distractors)

    records, groups, sims = [], [], []
    for o in originals:
        g = [o["id"]]
        for k in range(1, a.copies + 1):
            c = make_copy(o, k, pool, rng)
            records.append(c)
            g.append(c["id"])
            sims.append(jaccard(o["text"], c["text"]))
        groups.append(g)
    records = sorted(originals + distractors + records, key=sort_key)

    with open(a.output, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(a.groups, "w", encoding="utf-8") as f:
        json.dump({"groups": groups}, f, ensure_ascii=False)
        f.write("\n")
    sims.sort()
    print(f"near-copies: {len(pool)} read, {len(clean)} after removing existing copies; wrote {len(records)} "
          f"articles ({len(originals)} originals, {len(sims)} copies, {len(distractors)} distractors); "
          f"body word Jaccard original/copy: median {sims[len(sims) // 2]:.2f}, min {sims[0]:.2f}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
