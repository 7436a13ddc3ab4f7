#!/usr/bin/env python3
"""Builds the serve tests' database: ingests tests/fixtures/serve/articles.jsonl with recoupe, then merges
the entities, dates, quotations and flags of annotations.json into each article's stored contract JSON (the
analysis does not produce them all yet; the reader must show them when it does). The hostile article also
gets very long fields and invalid UTF-8, which ingest would refuse, written straight into the file.

usage: serve_fixture.py RECOUPE FIXTURES_DIR OUT.db
"""
import json
import os
import sqlite3
import subprocess
import sys
import tempfile

recoupe, fixtures, db_path = sys.argv[1:4]
records = [json.loads(line) for line in open(os.path.join(fixtures, "serve", "articles.jsonl"), encoding="utf-8")]
for r in records:
    if r["id"] == "vdr-0001":  # very long fields: an unbroken 30,000-character word and a long abstract
        r["text"] += " " + "Vaudrac" * 4300 + " fin."
        r["abstract"] += " Séance houleuse." * 400
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as tmp:
    for r in records:
        tmp.write(json.dumps(r, ensure_ascii=False) + "\n")
try:
    subprocess.run([recoupe, "ingest", tmp.name, "--db", db_path], check=True, stderr=subprocess.DEVNULL)
finally:
    os.unlink(tmp.name)

annotations = json.load(open(os.path.join(fixtures, "serve", "annotations.json"), encoding="utf-8"))
db = sqlite3.connect(db_path)
for article, extra in annotations.items():
    if article.startswith("_"):
        continue
    (analysis,) = db.execute("SELECT analysis FROM articles WHERE id = ?", (article,)).fetchone()
    doc = json.loads(analysis)
    for kind in ("entities", "dates", "quotes"):
        spans = []
        for span in extra.get(kind, []):
            field = doc.get(span["field"], "").encode("utf-8")
            needle = span.get("text", span.get("quote", "")).encode("utf-8")
            start = field.find(needle)
            if start < 0:
                sys.exit(f"serve_fixture: {article}: {needle.decode()!r} is not in its {span['field']}")
            spans.append({**span, "start": start, "end": start + len(needle)})
        if spans:
            doc[kind] = spans
    if "flags" in extra:
        doc["flags"] = sorted(set(doc.get("flags", [])) | set(extra["flags"]))
    blob = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    if article == "vdr-0001":  # invalid UTF-8 inside the stored JSON (so in its quotation): a stray and a cut sequence
        blob = blob.replace("& équilibré".encode(), "& équilibré".encode() + b" \x80 \xc3(")
    db.execute("UPDATE articles SET analysis = CAST(? AS TEXT) WHERE id = ?", (blob, article))
# Invalid UTF-8 in a plain column too (the abstract, which search snippets may show).
db.execute("UPDATE articles SET abstract = abstract || CAST(x'20ff20c328' AS TEXT) WHERE id = 'vdr-0001'")
db.commit()
stories = db.execute("SELECT count(*) FROM stories").fetchone()[0]
print(f"serve_fixture: {len(records)} articles, {stories} stories in {db_path}")
