#!/usr/bin/env bash
# Extraction quality on trafilatura's 24 French evaluation pages (../shared/eval/extraction/trafilatura_eval_fr),
# scored by ../shared/tools/score.py: fails under a floor a little below what recoupe reaches, so that a
# regression shows. Skipped (77) without ../shared.
source "$(dirname "$0")/lib.sh"
base=$SHARED/eval/extraction/trafilatura_eval_fr
[[ -d $base ]] || skip "needs ../shared beside the repo (CI has it): $base not found"
FLOOR=0.95      # recoupe reaches 0.965; trafilatura 0.938, Mozilla Readability 0.897, readability-lxml 0.844
DATE_FLOOR=20   # right publication day on 21 of the 22 htmldate pages
python3 "$REPO/bench/extraction_eval.py" --recoupe "$RECOUPE" --shared "$SHARED" --out "$WORK" \
    --sets trafilatura,htmldate >"$WORK/eval.txt" || fail "extraction_eval.py failed"
cat "$WORK/eval.txt"
python3 - "$WORK/summary.json" "$FLOOR" "$DATE_FLOOR" <<'PY' || fail "under the floor"
import json, sys
s = json.load(open(sys.argv[1]))
f1, right = s["trafilatura"]["f1"], s["htmldate"]["right"]
assert f1 >= float(sys.argv[2]), f"trafilatura_eval_fr F1 {f1} < {sys.argv[2]}"
assert right >= int(sys.argv[3]), f"htmldate: {right} right dates < {sys.argv[3]}"
PY
echo "extraction on shared ok"
