#!/usr/bin/env bash
# `recoupe entities`: mention counts, variants and stories from the store's article_entities table, written
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
  python3 - "$1" <<'PY' || fail "article_entities disagrees with the stored analysis"
import collections, json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
want = collections.Counter()
for aid, analysis in db.execute("SELECT id, analysis FROM articles"):
    for e in json.loads(analysis).get("entities", []):
        want[(aid, e["type"], e["canonical"], e["text"])] += 1
got = {tuple(r[:4]): r[4] for r in db.execute("SELECT a.id, e.type, e.name, e.surface, e.mentions"
                                               " FROM article_entities e JOIN articles a USING (link_order)"
                                               " WHERE e.canonical = 1")}
sys.exit(0 if want and dict(want) == got else 1)
PY
}
check_consistent "$db"

# A database of schema version 2, with its two entity tables (emptied here): the next open for writing
# drops entity_mentions and fills the one table from the stored analysis.
python3 - "$db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TABLE article_entities")
db.execute("CREATE TABLE article_entities(name TEXT NOT NULL, type TEXT NOT NULL, link_order INTEGER NOT NULL,"
           " story_id INTEGER NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY(name, link_order)) WITHOUT ROWID")
db.execute("CREATE TABLE entity_mentions(article_id TEXT NOT NULL, type TEXT NOT NULL, canonical TEXT NOT NULL,"
           " surface TEXT NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY(article_id, type, canonical, surface))"
           " WITHOUT ROWID")
db.execute("INSERT INTO meta(key, value) VALUES ('entity_mentions', '1')")
db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
db.commit()
PY
"$RECOUPE" entities --db "$db" --json >"$WORK/all3.json"
cmp -s "$WORK/all1.json" "$WORK/all3.json" || fail "the migration gave other entities"
check_consistent "$db"
[[ $(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM sqlite_master WHERE name = 'entity_mentions'\").fetchone()[0])" "$db") == 0 ]] ||
  fail "entity_mentions was kept"

# Roles in the analysis: "Le président biélorusse" is the president named in the same article.
expect_status 0 "$RECOUPE" analyze "$input"
expect_stdout '"roles":[{"field":"text","start":'
expect_stdout '"text":"Le président biélorusse","canonical":"Alexandre Loukachenko"}'
echo "entities store: ok"
