#!/usr/bin/env bash
# The store: incremental ingest, idempotence, kill -9 and resume without loss or duplication.
source "$(dirname "$0")/lib.sh"
sample=$REPO/data/sample/news.jsonl
db=$WORK/news.db

expect_status 0 "$RECOUPE" ingest "$sample" --db "$db"
expect_stderr "42 articles read, 42 analysed, 0 skipped"
expect_status 0 "$RECOUPE" stories --db "$db" --json
cp "$WORK/stdout" "$WORK/stories1.json"
[[ $(wc -l <"$WORK/stories1.json") -ge 10 ]] || fail "too few stories"
expect_stdout '"sources":['

# The same articles again change nothing.
expect_status 0 "$RECOUPE" ingest "$sample" --db "$db"
expect_stderr "0 analysed, 0 skipped, 42 already stored"
"$RECOUPE" stories --db "$db" --json >"$WORK/stories2.json"
cmp -s "$WORK/stories1.json" "$WORK/stories2.json" || fail "re-ingest changed the stories"

# Human-readable listing and an explanation.
expect_status 0 "$RECOUPE" stories --db "$db" --limit 3
expect_stdout "s"
expect_status 0 "$RECOUPE" explain qn-8841377 --db "$db"
expect_stdout "near-duplicate of AFN-20250708-0412"
expect_status 1 "$RECOUPE" explain no-such-id --db "$db"
expect_stderr "no article with id no-such-id"

# Ingesting in two halves gives the same database as one run: the link state is rebuilt from the store.
head -n 20 "$sample" >"$WORK/first.jsonl"
tail -n +21 "$sample" >"$WORK/second.jsonl"
"$RECOUPE" ingest "$WORK/first.jsonl" --db "$WORK/halves.db" 2>/dev/null
"$RECOUPE" ingest "$WORK/second.jsonl" --db "$WORK/halves.db" 2>/dev/null
"$RECOUPE" ingest "$WORK/first.jsonl" "$WORK/second.jsonl" --db "$WORK/whole.db" --batch 20 2>/dev/null

dump() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("SELECT id, story_id, duplicate_of, link_order FROM articles ORDER BY link_order"):
    print(*row)
print("stories", db.execute("SELECT count(*), sum(articles) FROM stories").fetchone())
# The full-text index is written in the same transactions: one entry per stored article, never two.
print("indexed", db.execute("SELECT count(*) FROM articles_fts_docsize").fetchone())
PY
}
dump "$WORK/halves.db" >"$WORK/halves.txt"
dump "$WORK/whole.db" >"$WORK/whole.txt"
diff "$WORK/halves.txt" "$WORK/whole.txt" || fail "two halves and one run differ"

# A second run groups its quotations with the utterances of the first: split the sample between two
# articles that report one utterance, ingest the parts one after the other, and compare the ids.
quotes_of() { python3 -c "import sqlite3,sys; [print(*r) for r in sqlite3.connect(sys.argv[1]).execute('SELECT link_order, n, speaker, utterance FROM article_quotes ORDER BY link_order, n')]" "$1"; }
python3 - "$WORK/whole.db" "$sample" "$WORK/early.jsonl" "$WORK/late.jsonl" <<'PY' || fail "the sample has no utterance reported by two articles"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
row = db.execute("SELECT min(link_order) FROM article_quotes WHERE utterance IN (SELECT utterance FROM article_quotes"
                 " GROUP BY utterance HAVING count(DISTINCT link_order) > 1) AND link_order > (SELECT min(q.link_order)"
                 " FROM article_quotes q WHERE q.utterance = article_quotes.utterance)").fetchone()
if row[0] is None:
    sys.exit(1)
early = {r[0] for r in db.execute("SELECT id FROM articles WHERE link_order < ?", (row[0],))}
with open(sys.argv[3], "w") as a, open(sys.argv[4], "w") as b:
    for line in open(sys.argv[2]):
        (a if json.loads(line)["id"] in early else b).write(line)
PY
"$RECOUPE" ingest "$WORK/early.jsonl" --db "$WORK/resumed.db" 2>/dev/null
"$RECOUPE" ingest "$WORK/late.jsonl" --db "$WORK/resumed.db" 2>/dev/null
quotes_of "$WORK/whole.db" >"$WORK/whole_quotes.txt"
quotes_of "$WORK/resumed.db" >"$WORK/resumed_quotes.txt"
diff "$WORK/whole_quotes.txt" "$WORK/resumed_quotes.txt" || fail "a resumed ingest grouped quotations apart from one run"

# kill -9 in the middle of a long ingest, then resume: nothing lost, nothing twice.
python3 - "$sample" "$WORK/long.jsonl" <<'PY'
import json, sys
records = [json.loads(l) for l in open(sys.argv[1])]
with open(sys.argv[2], "w") as out:
    for k in range(60):  # 2,520 articles: one day a copy of the sample, each under new ids
        for r in records:
            r2 = dict(r, id=f"{r['id']}-{k}")
            if r.get("published", "")[:10].count("-") == 2:
                r2["published"] = f"2025-{7 + k // 28:02d}-{1 + k % 28:02d}" + r["published"][10:]
            out.write(json.dumps(r2, ensure_ascii=False) + "\n")
PY
"$RECOUPE" ingest "$WORK/long.jsonl" --db "$WORK/reference.db" --batch 25 --threads 1 2>/dev/null
killed=0
for attempt in 1 2 3; do
  rm -f "$WORK"/killed.db*
  "$RECOUPE" ingest "$WORK/long.jsonl" --db "$WORK/killed.db" --batch 25 --threads 1 2>/dev/null &
  pid=$!
  # Wait until some batches are committed, then kill without warning.
  for _ in $(seq 1 400); do
    n=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$WORK/killed.db" 2>/dev/null || echo 0)
    [[ $n -gt 100 ]] && break
    sleep 0.02
  done
  # Meanwhile, a second writer is refused (the link state would diverge).
  second=0
  "$RECOUPE" ingest "$WORK/first.jsonl" --db "$WORK/killed.db" 2>"$WORK/second.err" || second=$?
  if kill -0 "$pid" 2>/dev/null; then
    [[ $second == 1 ]] || fail "a second ingest on the same database was not refused (exit $second)"
    grep -qF "another process is writing to this database" "$WORK/second.err" || fail "no clear message for a second writer"
  fi
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    killed=1
    break
  fi
  wait "$pid" || true
done
[[ $killed == 1 ]] || fail "could not kill the ingest before it finished"
before=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from articles').fetchone()[0])" "$WORK/killed.db")
echo "killed after $before of 2520 articles"
[[ $before -lt 2520 ]] || fail "the ingest had finished"
"$RECOUPE" ingest "$WORK/long.jsonl" --db "$WORK/killed.db" --batch 25 --threads 1 2>"$WORK/stderr" || true
expect_stderr "$before already stored"
dump "$WORK/reference.db" >"$WORK/reference.txt"
dump "$WORK/killed.db" >"$WORK/killed.txt"
diff "$WORK/reference.txt" "$WORK/killed.txt" >/dev/null || fail "resumed database differs from an uninterrupted ingest"
echo "store ok"
