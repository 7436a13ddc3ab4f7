#!/usr/bin/env bash
# Stories and near-duplicates on French articles written for these tests (no ../shared needed).
source "$(dirname "$0")/lib.sh"
here=$(dirname "$0")

# news_small: 12 articles; two different rail accidents a week apart must stay apart.
expect_status 0 "$RECOUPE" analyze "$FIXTURES/news_small.jsonl" -o "$WORK/small.jsonl"
python3 "$here/bcubed.py" "$FIXTURES/news_small.gold.json" "$WORK/small.jsonl" 0.95 || fail "news_small stories"
python3 - "$WORK/small.jsonl" "$FIXTURES/news_small.duplicates.json" <<'PY' || fail "news_small duplicates"
import json, sys
pred = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[1])}
groups = json.load(open(sys.argv[2]))["groups"]
in_group = {i for g in groups for i in g}
for first, *copies in groups:
    for c in copies:
        assert pred[c]["duplicate_of"] == first, f"{c}: duplicate_of {pred[c]['duplicate_of']}, wanted {first}"
for i, rec in pred.items():
    assert i in in_group or rec["duplicate_of"] is None, f"{i} wrongly marked as a copy of {rec['duplicate_of']}"
    assert rec["lang"] == "fr", f"{i}: lang {rec['lang']}"
print("duplicates ok")
PY

# The shipped demo sample: 42 articles, 18 stories, 2 wire copies.
expect_status 0 "$RECOUPE" analyze "$REPO/data/sample/news.jsonl" -o "$WORK/sample.jsonl"
python3 "$here/bcubed.py" "$REPO/data/sample/stories.gold.json" "$WORK/sample.jsonl" 0.93 || fail "sample stories"
python3 - "$WORK/sample.jsonl" "$REPO/data/sample/duplicates.gold.json" <<'PY' || fail "sample duplicates"
import json, sys
pred = {json.loads(l)["id"]: json.loads(l) for l in open(sys.argv[1])}
groups = json.load(open(sys.argv[2]))["groups"]
links = [(i, r["duplicate_of"]) for i, r in pred.items() if r["duplicate_of"]]
want = {(c, g[0]) for g in groups for c in g[1:]}
assert set(links) == want, f"links {links}, wanted {sorted(want)}"
print("sample duplicates ok")
PY

# Text files: the folder reader, the date line, stories.
expect_status 0 "$RECOUPE" analyze "$FIXTURES/txt" -o "$WORK/txt.jsonl"
python3 "$here/bcubed.py" "$FIXTURES/txt/gold.json" "$WORK/txt.jsonl" 1.0 || fail "txt stories"
grep -q '"published":"2023-11-14"' "$WORK/txt.jsonl" || fail "date line not read"

# One thread or two: the same bytes.
"$RECOUPE" analyze "$REPO/data/sample/news.jsonl" --threads 1 -o "$WORK/t1.jsonl" 2>/dev/null
"$RECOUPE" analyze "$REPO/data/sample/news.jsonl" --threads 2 --batch 7 -o "$WORK/t2.jsonl" 2>/dev/null || true
"$RECOUPE" analyze "$REPO/data/sample/news.jsonl" --threads 2 -o "$WORK/t3.jsonl" 2>/dev/null
cmp -s "$WORK/t1.jsonl" "$WORK/t3.jsonl" || fail "output differs between 1 and 2 threads"
echo "fixture stories ok"
