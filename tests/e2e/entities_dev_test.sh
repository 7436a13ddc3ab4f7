#!/usr/bin/env bash
# Entities on the shared development gold (15 OrangeSum articles), scored by ../shared's scorer:
# typed F1 must stay above a floor a little under what the shipped model measures (0.85 on 2026-11-22).
source "$(dirname "$0")/lib.sh"
need_shared
expect_status 0 "$RECOUPE" analyze "$SHARED/gold/entities_dev.jsonl" -o "$WORK/dev.jsonl"
python3 "$SHARED/tools/score.py" entities --gold "$SHARED/gold/entities_dev.gold.json" --pred "$WORK/dev.jsonl" >"$WORK/score.txt"
tail -1 "$WORK/score.txt"
python3 - "$WORK/score.txt" <<'PY' || fail "entities_dev: typed F1 below the floor 0.82"
import json, sys
text = open(sys.argv[1]).read()
result = json.loads(text[: text.rindex("}") + 1])
sys.exit(0 if result["typed"]["f1"] >= 0.82 else 1)
PY
# Without the component, no "entities" key at all (absent = not produced).
expect_status 0 "$RECOUPE" analyze "$SHARED/gold/entities_dev.jsonl" --without entities -o "$WORK/none.jsonl"
! grep -q '"entities"' "$WORK/none.jsonl" || fail "--without entities still writes entities"
expect_status 1 "$RECOUPE" analyze "$SHARED/gold/entities_dev.jsonl" --without nope -o "$WORK/x.jsonl"
expect_stderr "--without nope: no such component"
echo "entities dev ok"
