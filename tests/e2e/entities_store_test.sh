#!/usr/bin/env bash
# `recoupe entities`: mention counts, variants and stories from the store's entity_mentions table, written
# with each article (re-ingest changes nothing) and filled from the stored analysis for older databases.
source "$(dirname "$0")/lib.sh"
input=$FIXTURES/entities_store.jsonl
db=$WORK/news.db

expect_status 0 "$RECOUPE" ingest "$input" --db "$db"
expect_stderr "3 articles read, 3 analysed, 0 skipped"
expect_status 0 "$RECOUPE" entities --db "$db" --json
cp "$WORK/stdout" "$WORK/all1.json"
# Counted by hand in the fixture: five mentions of the Belarusian president in two articles of one story,
# as his full name and his surname; Minsk four times; AFP twice, under its listed name.
head -n 1 "$WORK/all1.json" | grep -qF '{"canonical":"Alexandre Loukachenko","type":"PER","mentions":5,"articles":2,"variants":["Alexandre Loukachenko","Loukachenko"],"stories":["s1"]}' ||
  fail "first entity: $(head -n 1 "$WORK/all1.json")"
expect_stdout '{"canonical":"Minsk","type":"LOC","mentions":4,"articles":2,'
expect_stdout '{"canonical":"Agence France-Presse","type":"ORG","mentions":2,"articles":2,"variants":["AFP"]'

# --type and --limit.
expect_status 0 "$RECOUPE" entities --db "$db" --json --type PER --limit 1
[[ $(wc -l <"$WORK/stdout") == 1 ]] || fail "--limit 1 printed $(wc -l <"$WORK/stdout") lines"
expect_stdout '"canonical":"Alexandre Loukachenko"'
expect_status 0 "$RECOUPE" entities --db "$db" --type LOC
grep -q 'PER\|ORG' "$WORK/stdout" && fail "--type LOC listed another type"
expect_stdout "Minsk  LOC  4 mentions in 2 articles"
expect_status 2 "$RECOUPE" entities --db "$db" --type DATE

# The same articles again change nothing.
expect_status 0 "$RECOUPE" ingest "$input" --db "$db"
expect_stderr "0 analysed, 0 skipped, 3 already stored"
"$RECOUPE" entities --db "$db" --json >"$WORK/all2.json"
cmp -s "$WORK/all1.json" "$WORK/all2.json" || fail "re-ingest changed the entities"

# The table holds, for each article, exactly the mentions of its stored analysis.
check_consistent() {
  python3 - "$1" <<'PY' || fail "entity_mentions disagrees with the stored analysis"
import collections, json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
want = collections.Counter()
for aid, analysis in db.execute("SELECT id, analysis FROM articles"):
    for e in json.loads(analysis).get("entities", []):
        want[(aid, e["type"], e["canonical"], e["text"])] += 1
got = {tuple(r[:4]): r[4] for r in db.execute("SELECT article_id, type, canonical, surface, mentions FROM entity_mentions")}
sys.exit(0 if want and dict(want) == got else 1)
PY
}
check_consistent "$db"

# A database made before the table: dropped here, it is filled from the stored analysis at the next open.
python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TABLE entity_mentions")
db.execute("DELETE FROM meta WHERE key = 'entity_mentions'")
db.commit()
PY
"$RECOUPE" entities --db "$db" --json >"$WORK/all3.json"
cmp -s "$WORK/all1.json" "$WORK/all3.json" || fail "the migration gave other entities"
check_consistent "$db"

# Roles in the analysis: "Le président biélorusse" is the president named in the same article.
expect_status 0 "$RECOUPE" analyze "$input"
expect_stdout '"roles":[{"field":"text","start":'
expect_stdout '"text":"Le président biélorusse","canonical":"Alexandre Loukachenko"}'
echo "entities store: ok"
