#!/usr/bin/env python3
"""Extraction quality of `recoupe extract` (or of any extractor's JSONL) on the sets of ../shared.

  bench/extraction_eval.py [--recoupe build/recoupe] [--out bench/out/extraction] [--sets a,b,...]
  bench/extraction_eval.py --score-orangesum PRED.jsonl      (score another extractor's output)
  bench/extraction_eval.py --make-orangesum-jsonl OUT.jsonl  (the OrangeSum pages as {"id", "html"} lines)

Sets (all under ../shared):
  trafilatura  eval/extraction/trafilatura_eval_fr: 24 French pages, with/without snippets, scored by
               tools/score.py extraction (title + text of the prediction)
  fundus       eval/extraction/fundus_fr_extraction_gold: 5 pages; every expected paragraph must be in the
               text, and every paragraph of the text must be an expected one (title, lead, headline, paragraph)
  htmldate     eval/extraction/htmldate_eval_fr: 22 pages with their publication day
  orangesum    corpora/orangesum/html_3000.tar.gz: bag-of-words F1 of the body (title left out) against
               abstract + text of the same id in articles.jsonl.gz, averaged over the pages
Each set is wrapped into JSON lines ({"id", "url", "html"}), run through `recoupe extract`, and scored.
Prints one line per set and writes OUT/summary.json. Python 3 standard library only.
"""
import argparse, gzip, importlib.util, json, os, subprocess, sys, tarfile, time
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def load_score_module(shared):
    spec = importlib.util.spec_from_file_location("score", os.path.join(shared, "tools", "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def decode_page(raw):
    """JSON needs text: the eval pages are UTF-8; a page that is not is kept byte for byte as Latin-1."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def write_jsonl(path, records):
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def run_extract(recoupe, jsonl, pred):
    t0 = time.perf_counter()
    p = subprocess.run([recoupe, "extract", jsonl, "-o", pred], stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 3):
        sys.exit(f"recoupe extract failed (exit {p.returncode}): {p.stderr[-2000:]}")
    return time.perf_counter() - t0


def load_pred(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out[str(r.get("id"))] = r
    return out


# ------------------------------------------------------------------ trafilatura's 24 French pages
def eval_trafilatura(args, score):
    base = os.path.join(args.shared, "eval/extraction/trafilatura_eval_fr")
    gold = json.load(open(os.path.join(base, "evaldata_fr.json"), encoding="utf-8"))
    records, gold_by_id = [], {}
    for url, g in gold.items():
        raw = open(os.path.join(base, "html", g["file"]), "rb").read()
        records.append({"id": g["file"], "url": url, "html": decode_page(raw)})
        gold_by_id[g["file"]] = {"id": g["file"], "with": g["with"], "without": g["without"]}
    jsonl, pred = os.path.join(args.out, "trafilatura.jsonl"), os.path.join(args.out, "trafilatura.pred.jsonl")
    write_jsonl(jsonl, records)
    run_extract(args.recoupe, jsonl, pred)
    r = score.score_extraction(gold_by_id, load_pred(pred))
    if args.verbose:
        preds = load_pred(pred)
        for k, g in gold_by_id.items():
            text = score.norm(((preds.get(k) or {}).get("title") or "") + " " + ((preds.get(k) or {}).get("text") or ""))
            miss = [s for s in g["with"] if score.norm(s) not in text]
            extra = [s for s in g["without"] if score.norm(s) in text]
            if miss or extra:
                print(f"  {k}: missing {miss} extra {extra}")
    return {"f1": r["f1"], "precision": r["precision"], "recall": r["recall"], "pages": len(records),
            "line": f"trafilatura_eval_fr: F1 {r['f1']:.3f} (P {r['precision']:.3f}, R {r['recall']:.3f}) on {len(records)} pages"}


# ------------------------------------------------------------------ fundus: expected paragraphs
def fundus_expected(v):
    body = v["body"]
    paragraphs = list(body.get("summary", []))
    headlines = []
    for s in body.get("sections", []):
        headlines += s.get("headline", [])
        paragraphs += s.get("paragraphs", [])
    return paragraphs, headlines


def eval_fundus(args, score):
    base = os.path.join(args.shared, "eval/extraction/fundus_fr_extraction_gold")
    meta = json.load(open(os.path.join(base, "meta.info"), encoding="utf-8"))
    golds = {}
    for name in sorted(os.listdir(base)):
        if name.endswith(".json"):
            for version, v in json.load(open(os.path.join(base, name), encoding="utf-8")).items():
                golds[(name[:-5], version)] = v
    records, expected = [], {}
    for page, info in sorted(meta.items()):
        publisher = page.split("_")[0]
        raw = gzip.open(os.path.join(base, page), "rb").read()
        html = decode_page(raw)
        # A publisher's versions are matched to its pages by title.
        candidates = [v for (p, _), v in golds.items() if p == publisher]
        v = next((c for c in candidates if score.norm(c["title"]) in score.norm(html)), candidates[0])
        records.append({"id": page, "url": info["url"], "html": html})
        expected[page] = v
    jsonl, pred = os.path.join(args.out, "fundus.jsonl"), os.path.join(args.out, "fundus.pred.jsonl")
    write_jsonl(jsonl, records)
    run_extract(args.recoupe, jsonl, pred)
    preds = load_pred(pred)
    found = total = extra = out_total = 0
    details = []
    for page, v in expected.items():
        paragraphs, headlines = fundus_expected(v)
        rec = preds.get(page) or {}
        text = rec.get("text") or ""
        ntext = score.norm(text)
        missing = [p for p in paragraphs if score.norm(p) not in ntext]
        allowed = [score.norm(x) for x in paragraphs + headlines + [v.get("title", "")]]
        allowed_joined = " ".join(allowed)
        mine = [l for l in text.split("\n") if l.strip()]
        # A paragraph of the output is boilerplate when no expected paragraph, headline or title holds it.
        extras = [l for l in mine if score.norm(l) and score.norm(l) not in allowed_joined]
        found += len(paragraphs) - len(missing)
        total += len(paragraphs)
        extra += len(extras)
        out_total += len(mine)
        details.append({"page": page, "expected": len(paragraphs), "missing": missing, "extra": extras})
        if args.verbose and (missing or extras):
            print(f"  {page}: missing {[m[:60] for m in missing]}\n    extra {[e[:80] for e in extras]}")
    return {"paragraphs_found": found, "paragraphs_expected": total, "extra_paragraphs": extra,
            "paragraphs_out": out_total, "details": details,
            "line": f"fundus_fr: {found}/{total} expected paragraphs found, {extra} boilerplate paragraphs "
                    f"out of {out_total} output, on {len(records)} pages"}


# ------------------------------------------------------------------ htmldate: publication day
def eval_htmldate(args, score):
    base = os.path.join(args.shared, "eval/extraction/htmldate_eval_fr")
    gold = json.load(open(os.path.join(base, "eval_fr.json"), encoding="utf-8"))
    records, want = [], {}
    for url, g in gold.items():
        raw = open(os.path.join(base, "html", g["file"]), "rb").read()
        records.append({"id": g["file"], "url": url, "html": decode_page(raw)})
        want[g["file"]] = g["date"]
    jsonl, pred = os.path.join(args.out, "htmldate.jsonl"), os.path.join(args.out, "htmldate.pred.jsonl")
    write_jsonl(jsonl, records)
    run_extract(args.recoupe, jsonl, pred)
    preds = load_pred(pred)
    right = 0
    for k, d in want.items():
        got = ((preds.get(k) or {}).get("published") or "")[:10]
        right += got == d
        if args.verbose and got != d:
            print(f"  {k}: want {d}, got {got or None}")
    return {"right": right, "pages": len(want),
            "line": f"htmldate_eval_fr: right publication day on {right}/{len(want)} pages"}


# ------------------------------------------------------------------ OrangeSum: bag-of-words F1
def orangesum_pages(args):
    """(id, html) of the 3,000 pages, from the unpacked folder when given, else from the archive."""
    if args.orangesum_html and os.path.isdir(args.orangesum_html):
        names = sorted(n for n in os.listdir(args.orangesum_html) if n.endswith(".html"))
        for n in names[: args.limit or None]:
            yield n[:-5], open(os.path.join(args.orangesum_html, n), "rb").read()
        return
    tar = os.path.join(args.shared, "corpora/orangesum/html_3000.tar.gz")
    count = 0
    with tarfile.open(tar) as t:
        for m in t:
            if m.isfile() and m.name.endswith(".html"):
                yield os.path.basename(m.name)[:-5], t.extractfile(m).read()
                count += 1
                if args.limit and count >= args.limit:
                    return


def orangesum_reference(shared, ids):
    ref = {}
    with gzip.open(os.path.join(shared, "corpora/orangesum/articles.jsonl.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if str(r["id"]) in ids:
                ref[str(r["id"])] = (r.get("abstract") or "") + " " + (r.get("text") or "")
    return ref


def bow_f1(pred_text, ref_text, score):
    p, g = Counter(score.toks(pred_text)), Counter(score.toks(ref_text))
    common = sum((p & g).values())
    if not common:
        return 0.0
    prec, rec = common / sum(p.values()), common / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def score_orangesum(pred_path, shared, score, ids=None):
    """Mean bag-of-words F1 of `text` against the reference, over `ids` (default: those of the pred file)
    plus, when ids is given, 0 for every page without a prediction."""
    preds = load_pred(pred_path)
    ids = set(ids) if ids is not None else set(preds)
    ref = orangesum_reference(shared, ids)
    f1s = [bow_f1((preds.get(i) or {}).get("text") or "", ref[i], score) for i in sorted(ids) if i in ref]
    return sum(f1s) / max(len(f1s), 1), len(f1s)


def make_orangesum_jsonl(args, path):
    ids = []
    with open(path, "w", encoding="utf-8") as f:
        for pid, raw in orangesum_pages(args):
            f.write(json.dumps({"id": pid, "html": decode_page(raw)}, ensure_ascii=False) + "\n")
            ids.append(pid)
    return ids


def eval_orangesum(args, score):
    jsonl, pred = os.path.join(args.out, "orangesum.jsonl"), os.path.join(args.out, "orangesum.pred.jsonl")
    ids = make_orangesum_jsonl(args, jsonl)
    seconds = run_extract(args.recoupe, jsonl, pred)
    f1, n = score_orangesum(pred, args.shared, score, ids)
    return {"bow_f1": round(f1, 4), "pages": n, "seconds": round(seconds, 2),
            "line": f"orangesum: bag-of-words F1 {f1:.4f} on {n} pages ({n / seconds:.0f} pages/s with JSON wrapping)"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--recoupe", default=os.path.join(ROOT, "build", "recoupe"))
    ap.add_argument("--shared", default=SHARED)
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "extraction"))
    ap.add_argument("--sets", default="trafilatura,fundus,htmldate,orangesum")
    ap.add_argument("--orangesum-html", help="folder of the unpacked OrangeSum pages (faster than the archive)")
    ap.add_argument("--limit", type=int, default=0, help="OrangeSum pages to use (0: all)")
    ap.add_argument("--score-orangesum", metavar="PRED", help="only score this JSONL (id, text) against OrangeSum")
    ap.add_argument("--make-orangesum-jsonl", metavar="PATH", help="only wrap the OrangeSum pages into JSONL (id, html)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print what each page misses")
    args = ap.parse_args()
    if not os.path.isdir(args.shared):
        print(f"extraction_eval: {args.shared} not found; skipping")
        return 0
    score = load_score_module(args.shared)
    if args.make_orangesum_jsonl:
        print(f"{len(make_orangesum_jsonl(args, args.make_orangesum_jsonl))} pages written to {args.make_orangesum_jsonl}")
        return 0
    if args.score_orangesum:
        f1, n = score_orangesum(args.score_orangesum, args.shared, score)
        print(json.dumps({"bow_f1": round(f1, 4), "pages": n}))
        return 0
    os.makedirs(args.out, exist_ok=True)
    summary = {}
    for name in args.sets.split(","):
        r = {"trafilatura": eval_trafilatura, "fundus": eval_fundus, "htmldate": eval_htmldate,
             "orangesum": eval_orangesum}[name](args, score)
        print(r["line"], flush=True)
        summary[name] = r
    with open(os.path.join(args.out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
