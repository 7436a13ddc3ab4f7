#!/usr/bin/env bash
# recoupe's end-to-end benchmark: throughput, memory, story clustering and near-duplicates, against the peer
# (bench/peer_tfidf_cluster.py, a plain scikit-learn TF-IDF single-pass clusterer), page extraction against
# readability-lxml and Mozilla Readability (bench/extraction_bench.sh), French date expressions against
# dateparser (bench/peer_dates.py), and the HTTP server under load, all on this machine in one run.
#
#   bench/run.sh [RECOUPE]        (make bench; RECOUPE defaults to build/recoupe)
#
# Needs ../shared beside the repo (exits 0 with a note when it is missing), python3 for the scorer and the
# generators, scikit-learn for the peer (Debian's python3-sklearn, hence PEER_PYTHON=/usr/bin/python3) and
# dateparser for the dates peer (Debian's python3-dateparser; its step is skipped, saying so, without it).
# Everything goes to bench/out/; the Markdown summary is printed and kept in bench/out/summary.md.
# A failing peer step is reported in the summary; a failing recoupe step is too, and makes the exit status 1.
# Environment: PYTHON (default python3), PEER_PYTHON (default /usr/bin/python3), PEER_THRESHOLD (default: the
# peer's own, tuned on the June gold set), NEAR_SEED (default 1).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}"
need_shared bench ""

peer_args=()
if [ -n "${PEER_THRESHOLD:-}" ]; then peer_args+=(--threshold "$PEER_THRESHOLD"); fi
out=bench/out
orangesum=$shared/corpora/orangesum/articles.jsonl.gz
june=$shared/gold/stories_2020-06-15_17
rpm2=$shared/gold/rpm2
score=$shared/tools/score.py

rm -rf "$out"  # nothing stale may reach the summary
mkdir -p "$out"
recoupe_failed=0

# step KEY TIMED CMD...: runs CMD (under /usr/bin/time when TIMED is 1: wall seconds, peak RSS in KB and user
# CPU seconds go to KEY.time), its stdout and stderr to KEY.log; records KEY's status in steps.tsv; returns CMD's status, or 0
# when it is the caller's $partial_rc.
step() {
    local key=$1 timed=$2 rc=0
    shift 2
    echo "+ $*" | tee -a "$out/commands.txt"
    if [ "$timed" = 1 ] && [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %M %U' -o "$out/$key.time" "$@" >"$out/$key.log" 2>&1 || rc=$?
    elif [ "$timed" = 1 ]; then
        local t0 t1
        t0=$(date +%s.%N)
        "$@" >"$out/$key.log" 2>&1 || rc=$?
        t1=$(date +%s.%N)
        echo "$t0 $t1" | awk '{printf "%.2f ? ?\n", $2 - $1}' >"$out/$key.time"
    else
        "$@" >"$out/$key.log" 2>&1 || rc=$?
    fi
    if [ $rc -eq 0 ]; then
        printf '%s\tok\n' "$key" >>"$out/steps.tsv"
    elif [ "$rc" = "${partial_rc:-}" ]; then
        printf '%s\tok: exit %s, some records skipped\n' "$key" "$rc" >>"$out/steps.tsv"
        echo "  exit $rc: done, but some records were skipped (see $out/$key.log)"
        rc=0
    else
        printf '%s\tfailed (exit %s)\n' "$key" "$rc" >>"$out/steps.tsv"
        echo "  failed (exit $rc); last lines of $out/$key.log:"
        tail -n 5 "$out/$key.log" | sed 's/^/  | /'
    fi
    return $rc
}

skip() {  # skip KEY WHY
    printf '%s\t%s\n' "$1" "$2" >>"$out/steps.tsv"
    echo "  skipped $1: $2"
}

# recoupe KEY TIMED ARGS...: a recoupe step; a failure is remembered for the exit status. Exit status 3
# ("done but some records were skipped") counts as done, with a note.
recoupe() {
    local key=$1 timed=$2 partial_rc=3  # partial_rc is read by step
    shift 2
    if [ ! -x "$recoupe" ]; then
        skip "$key" "no binary at $recoupe"
        recoupe_failed=1
        return 1
    fi
    step "$key" "$timed" "$recoupe" "$@" || { recoupe_failed=1; return 1; }
}

# scored KEY TASK GOLD PRED: score.py's verdict in KEY.score
scored() {
    step "$1" 0 "$py" "$score" "$2" --gold "$3" --pred "$4" && cp "$out/$1.log" "$out/$1.score"
}

echo "== inputs"
step exact_groups 0 "$py" bench/exact_groups_to_json.py "$shared/corpora/orangesum/exact_duplicate_groups.txt" \
    -o "$out/exact_groups.json" || true
step exact_groups_same_body 0 "$py" bench/exact_groups_to_json.py "$shared/corpora/orangesum/exact_duplicate_groups.txt" \
    --same-body "$orangesum" -o "$out/exact_groups_same_body.json" || true
step near_copies_make 0 "$py" bench/make_near_copies.py "$orangesum" --seed "${NEAR_SEED:-1}" \
    -o "$out/near_copies.jsonl" --groups "$out/near_copies.groups.json" || true

echo "== a. recoupe on OrangeSum: throughput and memory"
if recoupe recoupe_orangesum 1 analyze "$orangesum" -o "$out/recoupe_orangesum.jsonl" --threads 1; then
    if [ -f "$out/exact_groups.json" ]; then
        scored score_recoupe_exact duplicates "$out/exact_groups.json" "$out/recoupe_orangesum.jsonl" || true
    fi
    if [ -f "$out/exact_groups_same_body.json" ]; then
        scored score_recoupe_exact_same_body duplicates "$out/exact_groups_same_body.json" \
            "$out/recoupe_orangesum.jsonl" || true
    fi
fi
recoupe recoupe_orangesum_all_cores 1 analyze "$orangesum" -o "$out/recoupe_orangesum_all_cores.jsonl" --threads 0 || true

echo "== b. the peer on OrangeSum"
step peer_orangesum 1 "$peer_py" bench/peer_tfidf_cluster.py "$orangesum" -o "$out/peer_orangesum.jsonl" \
    ${peer_args[@]+"${peer_args[@]}"} || true

echo "== c. story clustering quality"
for set in june rpm2; do
    case $set in june) base=$june ;; rpm2) base=$rpm2 ;; esac
    if recoupe "recoupe_$set" 0 analyze "$base.jsonl" -o "$out/recoupe_$set.jsonl"; then
        scored "score_recoupe_$set" clusters "$base.gold.json" "$out/recoupe_$set.jsonl" || true
    fi
    if step "peer_$set" 0 "$peer_py" bench/peer_tfidf_cluster.py "$base.jsonl" -o "$out/peer_$set.jsonl" \
        ${peer_args[@]+"${peer_args[@]}"}; then
        scored "score_peer_$set" clusters "$base.gold.json" "$out/peer_$set.jsonl" || true
    fi
done

echo "== d. near-duplicates"
if [ -f "$out/near_copies.jsonl" ]; then
    if recoupe recoupe_near_copies 1 analyze "$out/near_copies.jsonl" -o "$out/recoupe_near_copies.jsonl"; then
        scored score_recoupe_near_copies duplicates "$out/near_copies.groups.json" "$out/recoupe_near_copies.jsonl" || true
    fi
else
    skip recoupe_near_copies "the near-copies set was not made"
fi

echo "== e. page extraction (bench/extraction_bench.sh: recoupe extract against readability-lxml and Mozilla Readability)"
if [ -x "$recoupe" ]; then
    if ! PYTHON="$py" PEER_PYTHON="$peer_py" bench/extraction_bench.sh "$recoupe" >"$out/extraction_bench.log" 2>&1; then
        echo "  failed; last lines of $out/extraction_bench.log:"
        tail -n 5 "$out/extraction_bench.log" | sed 's/^/  | /'
        recoupe_failed=1
    fi
else
    skip extraction_bench "no binary at $recoupe"
fi

echo "== f. dates: French temporal expressions (French TimeBank dev), recoupe and dateparser"
dates_gold=$shared/eval/dates/frtimebank_dev.jsonl
if [ -f "$dates_gold" ]; then
    if recoupe recoupe_dates 0 analyze "$dates_gold" -o "$out/recoupe_dates.jsonl"; then
        scored score_recoupe_dates dates "$dates_gold" "$out/recoupe_dates.jsonl" || true
    fi
    if "$peer_py" -c "import dateparser" 2>/dev/null; then
        if step peer_dates 1 "$peer_py" bench/peer_dates.py "$dates_gold" -o "$out/peer_dates.jsonl"; then
            scored score_peer_dates dates "$dates_gold" "$out/peer_dates.jsonl" || true
        fi
    else
        skip peer_dates "dateparser is not installed for $peer_py (scripts/install-deps.sh --bench)"
    fi
else
    skip recoupe_dates "$dates_gold not found"
fi
# What each analysis component costs: the default pipeline, then without each of dates, entities and
# quotes, then without all three, back to back on one thread, compared in CPU time (wall time follows
# whatever else the machine runs). Five rounds of the five, whose medians and fastest runs the summary
# compares: one run of each moved the ratios by two or three points from one benchmark to the next, and the
# medians of three by up to twenty when the machine's neighbours were busy.
for round in 1 2 3 4 5; do
    recoupe "recoupe_orangesum_pipeline_full_r$round" 1 analyze "$orangesum" -o /dev/null --threads 1 || true
    for c in dates entities quotes dates,entities,quotes; do
        recoupe "recoupe_orangesum_pipeline_without_${c//,/_}_r$round" 1 analyze "$orangesum" -o /dev/null \
            --threads 1 --without "$c" || true
    done
done

echo "== g. recoupe serve under load (story pages and searches on the OrangeSum database)"
if bench/serve_load.sh "$recoupe" >"$out/serve_load.log" 2>&1; then
    printf 'serve_load\tok\n' >>"$out/steps.tsv"
else
    printf 'serve_load\tfailed or below the bar (see serve_load.log)\n' >>"$out/steps.tsv"
    recoupe_failed=1
fi
tail -n 6 "$out/serve_load.log"

echo "== summary"
echo
"$py" bench/summarize.py "$out" --recoupe "$recoupe" | tee "$out/summary.md"
if [ -f "$out/recoupe_orangesum.jsonl" ] && [ -f "$out/exact_groups.json" ]; then
    { echo; echo "Duplicate groups found whole by recoupe on OrangeSum:"
      "$py" bench/groups_found.py "$out/recoupe_orangesum.jsonl" \
          "all exact_duplicate_groups=$out/exact_groups.json" \
          "groups with an identical body=$out/exact_groups_same_body.json"
      if [ -f "$out/near_copies.groups.json" ] && [ -f "$out/recoupe_near_copies.jsonl" ]; then
          "$py" bench/groups_found.py "$out/recoupe_near_copies.jsonl" "generated near-copies=$out/near_copies.groups.json"
      fi
    } | tee -a "$out/summary.md"
fi
if [ -f "$out/serve_load.md" ]; then
    { echo; echo "recoupe serve under load (bench/serve_load.sh):"; echo; cat "$out/serve_load.md"; } | tee -a "$out/summary.md"
fi

if [ -f "$out/extraction_bench.md" ]; then
    { echo; cat "$out/extraction_bench.md"; } | tee -a "$out/summary.md"
fi

exit $recoupe_failed
