#!/usr/bin/env bash
# Quotations and speakers scored by ../shared's scorer on the quotes development gold and the seeds,
# with floors a little below the figures measured when they were set (see README, Quotations).
source "$(dirname "$0")/lib.sh"
need_shared
expect_status 0 "$RECOUPE" analyze "$SHARED/gold/quotes_dev.jsonl" -o "$WORK/dev.jsonl"
python3 "$SHARED/tools/score.py" quotes --gold "$SHARED/gold/quotes_dev.gold.json" --pred "$WORK/dev.jsonl" >"$WORK/dev.txt"
tail -1 "$WORK/dev.txt"
python3 - "$WORK/dev.txt" <<'PY' || fail "quotes_dev below its floors"
import json, sys
text = open(sys.argv[1]).read()
r = json.loads(text[: text.rindex("}") + 1])
floors = {"detection": 0.85, "attribution": 0.63, "end_to_end": 0.55}
got = {"detection": r["detection"]["f1"], "attribution": r["attribution_accuracy"], "end_to_end": r["end_to_end"]["f1"]}
low = [f"{k} {got[k]} < {v}" for k, v in floors.items() if got[k] < v]
print("\n".join(low))
sys.exit(1 if low else 0)
PY

expect_status 0 "$RECOUPE" analyze "$SHARED/seeds" --threads 1 -o "$WORK/seeds.jsonl"
expect_status 0 "$RECOUPE" analyze "$SHARED/seeds" --threads 2 -o "$WORK/seeds2.jsonl"
cmp -s "$WORK/seeds.jsonl" "$WORK/seeds2.jsonl" || fail "seeds: output differs between 1 and 2 threads"
python3 "$SHARED/tools/score.py" seeds --gold "$SHARED/gold/seeds.gold.json" --pred "$WORK/seeds.jsonl" >"$WORK/seeds.txt"
python3 - "$WORK/seeds.txt" "$WORK/seeds.jsonl" <<'PY' || fail "seeds: quotes below their floors"
import json, sys
text = open(sys.argv[1]).read()
r = json.loads(text[: text.rindex("}") + 1])
e2e = r["quotes"]["end_to_end"]["f1"]
grouped = r["cross_source_quotes_grouped"]
speakers = set()
for line in open(sys.argv[2]):
    for q in json.loads(line).get("quotes") or []:
        speakers.add(q.get("speaker"))
print(f"seeds quotes end-to-end F1 {e2e}, grouped across sources {grouped}, speakers {sorted(s for s in speakers if s)}")
ok = e2e >= 0.95 and grouped == "3/3" and "Alexandre Loukachenko" in speakers and "Vladimir Poutine" in speakers
sys.exit(0 if ok else 1)
PY

# The store keeps them: `recoupe quotes` lists one utterance reported by both seed articles of story 1.
expect_status 0 "$RECOUPE" ingest "$SHARED/seeds" --db "$WORK/news.db"
expect_status 0 "$RECOUPE" quotes --db "$WORK/news.db" --speaker loukachenko --json
python3 - "$WORK/stdout" <<'PY' || fail "recoupe quotes: no utterance reported by both 000 and 002"
import json, sys
groups = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
both = [g for g in groups if {r["article"][:3] for r in g["reports"]} >= {"000", "002"}]
sys.exit(0 if both and all(g["speaker"] == "Alexandre Loukachenko" for g in groups) else 1)
PY
expect_status 2 "$RECOUPE" quotes
echo "quotes ok"
