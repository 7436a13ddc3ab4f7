#!/usr/bin/env bash
# Trains the shipped entity model (data/models/entities_fr.bin) on the data it may be trained on (see NOTICE):
#   - the project's own annotated news text, data/train/entities/*.txt (invented text, CC0), seen 5 times an epoch;
#   - the NewsEye part of HIPE-2022 French (CC BY 4.0), file HIPE-2022-v2.1-newseye-dev-fr.tsv of ../shared.
# Nothing else: HIPE-2020, letemps, ajmc and WikiNEuRal are non-commercial or silver, the dev gold sets are
# for evaluation, and Europeana 1906 (CC0) was tried and left out (its tags miss most names).
# Usage: scripts/train-entities.sh [RECOUPE] [OUT] [--eval FILE]...   Then rebuild: the model is embedded.
set -euo pipefail
cd "$(dirname "$0")/.."
RECOUPE=${1:-build/recoupe}
OUT=${2:-data/models/entities_fr.bin}
shift $(( $# < 2 ? $# : 2 ))
SHARED=${SHARED:-../shared}
NEWSEYE=$SHARED/eval/ner/hipe2022-dev/HIPE-2022-v2.1-newseye-dev-fr.tsv
[[ -f $NEWSEYE ]] || { echo "train-entities.sh: $NEWSEYE not found (../shared is needed to retrain)" >&2; exit 1; }
FILES=()
for f in data/train/entities/*.txt; do FILES+=("$f*5"); done
FILES+=("$NEWSEYE")
exec "$RECOUPE" train-entities "${FILES[@]}" -o "$OUT" "$@"
