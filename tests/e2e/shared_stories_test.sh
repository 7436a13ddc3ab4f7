#!/usr/bin/env bash
# Story clustering on the development gold sets of ../shared, with the one default configuration:
# the bars the project set itself (BCubed and pairwise F1, shared/tools/score.py clusters).
source "$(dirname "$0")/lib.sh"
need_shared

check() {  # check NAME MIN_BCUBED MIN_PAIRWISE
  local name=$1 min_b=$2 min_p=$3
  expect_status 0 "$RECOUPE" analyze "$SHARED/gold/$name.jsonl" -o "$WORK/$name.jsonl"
  python3 "$SHARED/tools/score.py" clusters --gold "$SHARED/gold/$name.gold.json" --pred "$WORK/$name.jsonl" >"$WORK/$name.score"
  echo "$name: $(tail -1 "$WORK/$name.score")"
  python3 - "$WORK/$name.score" "$min_b" "$min_p" <<'PY' || fail "$name below BCubed $min_b / pairwise $min_p"
import json, sys
text = open(sys.argv[1]).read()
r = json.loads(text[: text.rindex("}") + 1])
sys.exit(0 if r["bcubed"]["f1"] >= float(sys.argv[2]) and r["pairwise"]["f1"] >= float(sys.argv[3]) else 1)
PY
}
check stories_2020-06-15_17 0.96 0.93
check rpm2 0.90 0.0
echo "shared stories ok"
