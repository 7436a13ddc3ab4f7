#!/usr/bin/env bash
# Load test of `recoupe serve` on the whole OrangeSum corpus (36,152 articles): builds the database, starts the
# server on a free loopback port, and runs wrk for 60 s on story pages, then 60 s on 20 everyday searches (which
# the server's answer cache holds), then 60 s on 1,000 different one-word searches (which it mostly does not:
# what a search costs), sampling the
# server's RSS and its private part every 5 s (flat: the last sample against the one at 10 s, once
# connections and caches are up). The bar: >= 1,000 requests/s, p99 < 50 ms, no errors, memory flat.
#
#   bench/serve_load.sh [RECOUPE]     (called by bench/run.sh; RECOUPE defaults to build/recoupe)
#
# Writes bench/out/serve_load.md (the table), serve_load_*.log (wrk's output) and serve_rss.tsv. Needs
# ../shared (skips with a note otherwise) and wrk (scripts/install-deps.sh --bench). Environment: DURATION
# (seconds per run, default 60), CONNECTIONS (default 8), SERVE_DB (reuse this database instead of building it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "${1:-}"
corpus=$shared/corpora/orangesum/articles.jsonl.gz
out=bench/out
mkdir -p "$out"
need_shared serve_load corpora/orangesum/articles.jsonl.gz
if ! command -v wrk >/dev/null; then echo "serve_load: wrk not found (scripts/install-deps.sh --bench). Skipping."; exit 0; fi
duration=${DURATION:-60}
connections=${CONNECTIONS:-8}

db=${SERVE_DB:-$out/serve_orangesum.db}
if [ -z "${SERVE_DB:-}" ]; then
    rm -f "$db" "$db-wal" "$db-shm" "$db.writer-lock"
    echo "+ $recoupe ingest $corpus --db $db" | tee -a "$out/commands.txt"
    /usr/bin/time -f '%e s, %M KB' -o "$out/serve_ingest.time" "$recoupe" ingest "$corpus" --db "$db" 2>"$out/serve_ingest.log" ||
        [ $? -eq 3 ]
    echo "ingest: $(cat "$out/serve_ingest.time")"
fi

"$recoupe" serve --db "$db" --port 0 --threads 16 >"$out/serve.out" 2>"$out/serve.err" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
base=""
for _ in $(seq 1 100); do
    base=$(grep -o 'http://[^ ]*/' "$out/serve.out" 2>/dev/null || true)
    [ -n "$base" ] && break
    sleep 0.1
done
[ -n "$base" ] || { cat "$out/serve.err"; echo "serve_load: the server did not start"; exit 1; }
base=${base%/}

# The requests: 1,000 stories drawn from the database (fixed seed), and everyday French searches.
python3 - "$db" "$out" <<'PY'
import random, sqlite3, sys, urllib.parse
db, out = sys.argv[1:3]
ids = [r[0] for r in sqlite3.connect(db).execute("SELECT id FROM stories ORDER BY id")]
random.seed(1)
stories = ["/api/stories/s%d" % i for i in random.sample(ids, min(1000, len(ids)))]
words = ["gouvernement", "coronavirus confinement", "Macron", "grève SNCF", "élections municipales", "police",
         "tribunal", "Trump", "football", "incendie", "réforme des retraites", "gilets jaunes", "météo orages",
         "hôpital", "Brexit", "attentat", "vaccin", "chômage", "Paris", "enquête meurtre"]
searches = ["/api/search?" + urllib.parse.urlencode({"q": w, "limit": 20}) for w in words]
# 1,000 different words of the titles, the most frequent first: too many for the per-connection answer caches.
counts = {}
for (title,) in sqlite3.connect(db).execute("SELECT title FROM articles WHERE title IS NOT NULL ORDER BY link_order"):
    for w in title.split():
        w = w.strip(".,:;!?«»\"'()[]").lower()
        if len(w) >= 5 and w.isalpha():
            counts[w] = counts.get(w, 0) + 1
common = sorted(counts, key=lambda w: (-counts[w], w))[:1000]
random.shuffle(common)
varied = ["/api/search?" + urllib.parse.urlencode({"q": w, "limit": 20}) for w in common]
for name, paths in (("stories", stories), ("searches", searches), ("searches_varied", varied)):
    with open(f"{out}/serve_{name}.lua", "w") as f:
        f.write("local paths = {\n" + "".join('  "%s",\n' % p for p in paths) + "}\n")
        f.write("local i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n")
PY

# RSS, and the private part of it (RssAnon): the readers map the database file, whose pages RSS counts once
# per reader although they are the OS's cache of the file.
rss() { awk '/VmRSS/ {r = $2} /RssAnon/ {a = $2} END {print r "\t" a}' "/proc/$server/status"; }
: >"$out/serve_rss.tsv"
run() {  # run NAME: wrk on serve_NAME.lua while sampling RSS
    local name=$1 t=0
    (while kill -0 $server 2>/dev/null; do printf '%s\t%s\t%s\n' "$name" "$t" "$(rss)"; sleep 5; t=$((t + 5)); done) \
        >>"$out/serve_rss.tsv" &
    local sampler=$!
    echo "+ wrk -t2 -c$connections -d${duration}s --latency -s $out/serve_$name.lua $base" | tee -a "$out/commands.txt"
    wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$out/serve_$name.lua" "$base" >"$out/serve_load_$name.log"
    kill $sampler 2>/dev/null || true
    wait $sampler 2>/dev/null || true
}
# A short warm-up (page cache, prepared statements), then the measured runs.
wrk -t2 -c"$connections" -d5s -s "$out/serve_stories.lua" "$base" >/dev/null
wrk -t2 -c"$connections" -d5s -s "$out/serve_searches.lua" "$base" >/dev/null
run stories
run searches
run searches_varied

python3 - "$out" "$duration" <<'PY' | tee "$out/serve_load.md"
import re, sys
out, duration = sys.argv[1], sys.argv[2]
def ms(v):
    n, unit = float(re.match(r"[\d.]+", v).group()), re.search(r"[a-z]+", v).group()
    return n * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]
rss, private = {}, {}
for line in open(f"{out}/serve_rss.tsv"):
    name, t, kb, anon = (line.rstrip("\n").split("\t") + [""])[:4]
    if kb.strip() and anon.strip() and int(t) >= 10:  # after the first 10 s: connections opened, caches filled
        rss.setdefault(name, []).append(int(kb) / 1024)
        private.setdefault(name, []).append(int(anon) / 1024)
print(f"| workload ({duration} s, wrk 2 threads) | requests/s | p50 ms | p99 ms | errors | RSS MB at 10 s → end (max) | private MB at 10 s → end | verdict |")
print("|---|---:|---:|---:|---:|---|---|---|")
ok_all = True
for name in ("stories", "searches", "searches_varied"):
    log = open(f"{out}/serve_load_{name}.log").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", log).group(1))
    p50 = ms(re.search(r"\s50%\s+(\S+)", log).group(1))
    p99 = ms(re.search(r"\s99%\s+(\S+)", log).group(1))
    errors = sum(int(x) for x in re.findall(r"Non-2xx or 3xx responses: (\d+)", log))
    errors += sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", log))
    r, a = rss.get(name, [0]), private.get(name, [0])
    flat = all(m[-1] <= m[0] * 1.10 + 5 for m in (r, a))  # within 10 % (+5 MB) of the 10-second sample
    ok = rps >= 1000 and p99 < 50 and errors == 0 and flat
    ok_all &= ok
    label = {"stories": "story pages (1,000 stories)", "searches": "searches (20 queries, cached)",
             "searches_varied": "searches (1,000 words, mostly uncached)"}[name]
    print(f"| {label} | {rps:,.0f} | {p50:.1f} | {p99:.1f} | {errors} | {r[0]:.0f} → {r[-1]:.0f} ({max(r):.0f}) | {a[0]:.0f} → {a[-1]:.0f} | {'meets the bar' if ok else 'BELOW the bar'} |")
print()
print("Bar: >= 1,000 requests/s, p99 < 50 ms, no errors, RSS and private memory flat (last sample within 10 % + 5 MB")
print("of the one at 10 s). RSS counts the mapped database pages once per reader connection.")
sys.exit(0 if ok_all else 1)
PY
