#!/usr/bin/env bash
# Extraction speed and quality: recoupe extract against its peers on the 3,000 OrangeSum pages, all in one run,
# one thread each; then recoupe alone on the three gold sets (bench/extraction_eval.py).
#
#   bench/extraction_bench.sh [RECOUPE]        (bench/run.sh calls it; RECOUPE defaults to build/recoupe)
#
# Peers: readability-lxml (Debian's python3-readability, run by /usr/bin/python3) and Mozilla Readability on
# linkedom (bench/js, installed by `scripts/install-deps.sh --bench` with npm ci). A peer that is not
# installed is reported as skipped. For each: pages/s over wall time and over CPU time (user + sys: the
# fairer figure on a busy machine), peak memory (/usr/bin/time), bag-of-words F1 of the body against
# OrangeSum's abstract + text. Every extractor reads the same JSON lines ({"id", "html"}) and writes JSON lines.
# recoupe runs three times and its fastest run is kept (a few seconds each); the peers, at minutes a run, once.
# Output: bench/out/extraction/ (predictions, logs) and the table bench/out/extraction_bench.md.
# Environment: PAGES (default 0: all 3,000), PYTHON (default python3), PEER_PYTHON (default /usr/bin/python3).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}"
need_shared extraction_bench corpora/orangesum
out=bench/out/extraction
mkdir -p "$out"
pages_jsonl=$out/orangesum_pages.jsonl
table=bench/out/extraction_bench.md

echo "== OrangeSum pages as JSON lines"
"$py" bench/extraction_eval.py --make-orangesum-jsonl "$pages_jsonl" --limit "${PAGES:-0}"
pages=$(wc -l <"$pages_jsonl")

results=$out/results.tsv
: >"$results"
# run NAME REPEATS CMD...: CMD under /usr/bin/time -v, REPEATS times (the fastest wall time is kept: the machine
# may be busy), output in $out/NAME.pred.jsonl; appends NAME, wall, cpu, peak KB, F1 to $results.
run() {
    local name=$1 repeats=$2
    shift 2
    echo "== $name"
    local best_wall="" best_cpu="" best_kb="" r
    for ((r = 0; r < repeats; r++)); do
        local rc=0
        /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1 || rc=$?
        if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
            echo "  failed (exit $rc); see $out/$name.log"
            printf '%s\tfailed (exit %s)\n' "$name" "$rc" >>"$results"
            return 0
        fi
        local wall cpu kb
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$out/$name.time")
        cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$out/$name.time")
        kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out/$name.time")
        if [ -z "$best_wall" ] || awk -v a="$wall" -v b="$best_wall" 'BEGIN {exit !(a < b)}'; then
            best_wall=$wall best_cpu=$cpu best_kb=$kb
        fi
    done
    local f1
    f1=$("$py" bench/extraction_eval.py --score-orangesum "$out/$name.pred.jsonl" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["bow_f1"])')
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$best_wall" "$best_cpu" "$best_kb" "$f1" >>"$results"
    echo "  wall ${best_wall}s, cpu ${best_cpu}s, peak ${best_kb} KB, bag-of-words F1 $f1 (fastest of $repeats)"
}

if [ -x "$recoupe" ]; then
    run recoupe 3 "$recoupe" extract "$pages_jsonl" -o "$out/recoupe.pred.jsonl"
else
    printf 'recoupe\tskipped: no binary at %s\n' "$recoupe" >>"$results"
fi
if "$peer_py" -c 'import readability, lxml' 2>/dev/null; then
    run readability-lxml 1 "$peer_py" bench/peer_readability_lxml.py "$pages_jsonl" "$out/readability-lxml.pred.jsonl"
else
    printf 'readability-lxml\tskipped: python3-readability is not installed (scripts/install-deps.sh --bench)\n' >>"$results"
fi
if [ -d bench/js/node_modules/@mozilla/readability ] && command -v node >/dev/null; then
    run mozilla-readability 1 node bench/js/readability_extract.mjs "$pages_jsonl" "$out/mozilla-readability.pred.jsonl"
else
    printf 'mozilla-readability\tskipped: bench/js/node_modules is missing (scripts/install-deps.sh --bench)\n' >>"$results"
fi

echo "== gold sets (recoupe)"
quality=$out/quality.txt
if [ -x "$recoupe" ]; then
    "$py" bench/extraction_eval.py --recoupe "$recoupe" --out "$out" --sets trafilatura,fundus,htmldate | tee "$quality"
else
    : >"$quality"
fi

"$py" - "$results" "$pages" "$quality" >"$table" <<'PY'
import sys
results, pages, quality = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rows, notes = [], []
for line in open(results, encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) == 5:
        rows.append((f[0], float(f[1]), float(f[2]), int(f[3]), float(f[4])))
    else:
        notes.append(f"{f[0]}: {f[1]}")
print(f"Extraction on the OrangeSum pages ({pages} pages, one thread each, same machine, same run)\n")
print("| extractor | pages/s (wall) | pages/s (CPU) | peak memory | bag-of-words F1 |")
print("|---|---:|---:|---:|---:|")
for name, wall, cpu, kb, f1 in rows:
    print(f"| {name} | {pages / max(wall, 1e-9):,.0f} | {pages / max(cpu, 1e-9):,.0f} | {kb / 1024:,.0f} MB | {f1:.4f} |")
mine = next((r for r in rows if r[0] == "recoupe"), None)
peers = [r for r in rows if r[0] != "recoupe"]
if mine and peers:
    fastest = max(peers, key=lambda r: pages / max(r[2], 1e-9))
    print(f"\nrecoupe is {fastest[2] / max(mine[2], 1e-9):.0f}x the fastest peer ({fastest[0]}) in CPU time, "
          f"{fastest[1] / max(mine[1], 1e-9):.0f}x in wall time.")
for n in notes:
    print(f"\n{n}")
q = open(quality, encoding="utf-8").read().strip()
if q:
    print("\nrecoupe on the gold sets:\n")
    for line in q.splitlines():
        print(f"- {line}")
PY
echo
cat "$table"
