#!/usr/bin/env bash
# French TimeBank dev (../shared/eval/dates): the dates component's quality bars, scored by ../shared's scorer,
# and the contract shape of `dates` (byte offsets into the field give back the text).
source "$(dirname "$0")/lib.sh"
need_shared
gold=$SHARED/eval/dates/frtimebank_dev.jsonl
[[ -f $gold ]] || skip "$gold not found"
expect_status 0 "$RECOUPE" analyze "$gold" -o "$WORK/dates.jsonl"
python3 "$SHARED/tools/score.py" dates --gold "$gold" --pred "$WORK/dates.jsonl" >"$WORK/score.txt"
tail -1 "$WORK/score.txt"
python3 - "$WORK/score.txt" "$WORK/dates.jsonl" <<'PY' || fail "dates below the bars, or offsets that do not give the text"
import json, sys
text = open(sys.argv[1]).read()
r = json.loads(text[: text.rindex("}") + 1])
ok = r["detection_relaxed"]["f1"] >= 0.90 and r["value_f1"]["f1"] >= 0.85
for line in open(sys.argv[2], encoding="utf-8"):
    doc = json.loads(line)
    for d in doc["dates"]:
        field = doc[d["field"]].encode("utf-8")
        ok &= field[d["start"]:d["end"]].decode("utf-8") == d["text"]
        ok &= d["type"] in ("DATE", "TIME", "DURATION", "SET") and bool(d["value"])
sys.exit(0 if ok else 1)
PY
# without the component: no dates, and the rest of the analysis unchanged
expect_status 0 "$RECOUPE" analyze "$gold" --without dates -o "$WORK/without.jsonl"
python3 - "$WORK/dates.jsonl" "$WORK/without.jsonl" <<'PY' || fail "--without dates changed more than the dates"
import json, sys
a = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
b = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
strip = lambda d: {k: v for k, v in d.items() if k not in ("dates", "event_date", "published_inferred")}
sys.exit(0 if len(a) == len(b) and all(strip(x) == strip(y) and y["dates"] == [] for x, y in zip(a, b)) else 1)
PY
echo "dates ok"
