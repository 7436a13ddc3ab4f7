#!/usr/bin/env bash
# recoupe serve's JSON API: every path of the OpenAPI file, filters, French full-text search, hostile text,
# and the migration of a database made before the full-text index existed.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/serve_lib.sh"
db=$WORK/serve.db
python3 "$REPO/tests/e2e/serve_fixture.py" "$RECOUPE" "$FIXTURES" "$db" >/dev/null
start_server "$db"

python3 "$REPO/tests/e2e/openapi_check.py" "$BASE_URL" "$REPO/src/serve/assets/openapi.json" || fail "the API does not match its OpenAPI file"

python3 - "$BASE_URL" <<'PY' || fail "API answers"
import json, sys, urllib.error, urllib.parse, urllib.request
base = sys.argv[1]
def get(path, **params):
    url = base + urllib.parse.quote(path) + ("?" + urllib.parse.urlencode(params) if params else "")
    try:
        with urllib.request.urlopen(url) as r:
            return r.status, json.loads(r.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read().decode("utf-8"))
def expect(cond, what):
    if not cond:
        sys.exit("FAIL: " + what)

# Stories: sort, filters.
_, page = get("/api/stories", sort="biggest")
expect(page["total"] == 3 and page["stories"][0]["articles"] == 3, f"biggest first: {page}")
strike = page["stories"][0]["id"]
_, page = get("/api/stories", entity="Hélène Marchetti")
expect(page["total"] == 2, f"stories naming Hélène Marchetti: {page['total']}")
_, page = get("/api/stories", source="Radio Plein Sud")
expect([s["id"] for s in page["stories"]] == [strike], "stories of a source")
_, page = get("/api/stories", **{"from": "2025-06-20"})
expect(page["total"] == 2, f"stories from 20 June: {page['total']}")
_, page = get("/api/stories", to="2025-06-12")
expect([s["id"] for s in page["stories"]] == [strike], "stories up to 12 June (the day is inclusive)")
_, page = get("/api/stories", q="crue", limit=1)
expect(page["total"] == 1 and len(page["stories"]) == 1 and "Sorbe" in page["stories"][0]["title"], "text filter")
_, page = get("/api/stories", limit=1, offset=1)
expect(len(page["stories"]) == 1 and page["offset"] == 1, "paging")

# One story: quotations grouped by utterance, each source's wording; entities, dates, flags, timeline.
_, s = get("/api/stories/" + strike)
u1 = [q for q in s["quotations"] if q["utterance"] == "u1"]
expect(len(u1) == 1 and len(u1[0]["versions"]) == 3 and u1[0]["speaker"] == "Hélène Marchetti", "utterance u1 has 3 versions")
expect(len({v["quote"] for v in u1[0]["versions"]}) == 3, "each version keeps its own wording")
expect({e["name"] for e in s["entities"]} >= {"Brévannes", "Hélène Marchetti", "Syndicat national des aiguilleurs"}, "entities")
expect(any(d["value"] == "2025-06-12" and len(d["mentions"]) == 2 for d in s["dates"]), f"dates: {s['dates']}")
expect(s["flags"] == [{"flag": "untranslated-fragment", "articles": ["qn-55120"]}], f"flags: {s['flags']}")
expect([t["day"] for t in s["timeline"]] == ["2025-06-12", "2025-06-13"], f"timeline: {s['timeline']}")
expect(len(s["sources"]) == 3, "sources")

# Entities.
_, e = get("/api/entities/Hélène Marchetti")
expect(len(e["stories"]) == 2 and len(e["quotations"]) == 4 and e["articles"] == 5, f"entity: {e}")
expect([t["day"] for t in e["timeline"]] == ["2025-06-12", "2025-06-13", "2025-06-20", "2025-06-21"], "entity timeline")
_, lst = get("/api/entities", type="LOC")
expect({x["type"] for x in lst["entities"]} == {"LOC"} and lst["total"] == 4, f"entities by type: {lst}")

# French search: case, accents and endings do not matter; every word is required.
for q, want in [("grève", 3), ("GREVES", 3), ("évacués", 2), ("inondations", 2), ("aiguilleur brévannes", 3),
                ("aiguilleurs sorbe", 0), ("sinistré", 2), ("Ministres", 5)]:
    _, r = get("/api/search", q=q)
    expect(r["total"] == want, f"search {q!r}: {r['total']} hits, wanted {want}")
_, r = get("/api/search", q="crues")
expect(any(p["match"] and p["text"].lower().startswith("crue") for h in r["hits"] for p in h["snippet"]), "snippet marks the match")

# Hostile text comes back as text, and invalid UTF-8 in the store as U+FFFD, in valid JSON.
_, page = get("/api/stories", source="Le Petit Vaudracois")
_, h = get("/api/stories/" + page["stories"][0]["id"])
a = h["articles"][0]
expect(a["title"].startswith("<script>") and len(a["text"]) > 30000 and "\ufffd" in a["abstract"], "hostile article")
expect("\ufffd" in h["quotations"][0]["versions"][0]["quote"], "invalid UTF-8 in a quotation")
_, r = get("/api/search", q="Vaudrac budget")
expect(r["total"] == 1, "search the hostile article")
for path, params in [("/api/stories/s1%00", {}), ("/api/entities/" + "x" * 600, {}), ("/api/search", {"q": "a" * 501}),
                     ("/api/stories", {"from": "2025-07-01", "to": "2025-06-01"}), ("/api/stories", {"limit": "1e3"})]:
    status, body = get(path, **params)
    expect(status in (400, 404) and "error" in body, f"{path} {params}: {status}")
print("api answers ok")
PY
# Raw bytes the URL encoding above cannot make: invalid UTF-8 in a parameter is a 400, not a 500.
code=$(python3 -c "
import sys, urllib.request, urllib.error
try: urllib.request.urlopen(sys.argv[1] + '/api/search?q=%ff%fe'); print(200)
except urllib.error.HTTPError as e: print(e.code)" "$BASE_URL")
[[ $code == 400 ]] || fail "invalid UTF-8 in q gave $code"
stop_server

# Re-ingesting the same articles changes nothing, the index included.
count() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])" "$@"; }
before=$(count "$db" "SELECT count(*) FROM articles_fts_docsize")
"$RECOUPE" ingest "$FIXTURES/serve/articles.jsonl" --db "$db" 2>/dev/null || true
[[ $(count "$db" "SELECT count(*) FROM articles_fts_docsize") == "$before" ]] || fail "re-ingest changed the index"

# A database of schema version 1 (no index) gets it when opened.
cp "$db" "$WORK/old.db"
python3 - "$WORK/old.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for kind, name in db.execute("SELECT type, name FROM sqlite_master WHERE name IN"
                             " ('articles_indexed', 'articles_reindexed', 'article_entities', 'article_quotes')").fetchall():
    db.execute(f"DROP {kind.upper()} {name}")
# Dropping the FTS5 table would need its tokenizer: unlist it, then drop its shadow tables.
db.execute("PRAGMA writable_schema = ON")
db.execute("DELETE FROM sqlite_master WHERE name = 'articles_fts'")
db.execute("PRAGMA writable_schema = OFF")
db.commit()
db.close()
db = sqlite3.connect(sys.argv[1])
for suffix in ("data", "idx", "docsize", "config"):
    db.execute(f"DROP TABLE articles_fts_{suffix}")
db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
db.commit()
PY
expect_status 0 "$RECOUPE" stories --db "$WORK/old.db"
[[ $(count "$WORK/old.db" "SELECT value FROM meta WHERE key='schema_version'") == 4 ]] || fail "not migrated"
[[ $(count "$WORK/old.db" "SELECT count(*) FROM article_quotes") == 5 ]] || fail "quotations not rebuilt"
start_server "$WORK/old.db"
python3 -c "
import json, sys, urllib.request
r = json.load(urllib.request.urlopen(sys.argv[1] + '/api/search?q=gr%C3%A8ves'))
sys.exit(0 if r['total'] == 3 else 'search on the migrated database: %d hits' % r['total'])" "$BASE_URL" || fail "migrated search"
stop_server
echo "serve api ok"
