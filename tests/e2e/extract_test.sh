#!/usr/bin/env bash
# Pages in: `recoupe extract` and `recoupe analyze` on JSON lines of invented French pages ("html" field).
source "$(dirname "$0")/lib.sh"

python3 - "$WORK/pages.jsonl" <<'PY'
import json, sys
body = [
    "Le conseil municipal de Montrevel a voté jeudi soir la rénovation du pont de la Reyssouze, fermé aux "
    "camions depuis l'hiver dernier, pour un montant de 2,4 millions d'euros.",
    "Les travaux commenceront au printemps et dureront huit mois, selon le maire, qui promet une déviation "
    "balisée pour les habitants des hameaux situés sur la rive droite.",
]
def page(title, paragraphs, head="", extra=""):
    return ("<html lang='fr'><head><meta charset='utf-8'><title>%s - Le Courrier de l'Ain</title>%s</head><body>"
            "<nav><a href='/'>Accueil</a> <a href='/sport'>Sport</a> <a href='/politique'>Politique</a></nav>"
            "<article><h1>%s</h1>%s%s</article>"
            "<footer><a href='/mentions'>Mentions légales</a></footer></body></html>"
            % (title, head, title, "".join("<p>%s</p>" % p for p in paragraphs), extra))
records = [
    {"id": "pont", "url": "https://courrier.example/2020/06/15/pont",
     "html": page("Le pont de la Reyssouze sera rénové", body,
                  "<meta property='og:site_name' content=\"Le Courrier de l'Ain\"><meta name='author' content='Paul Girard'>",
                  "<p>Lire aussi : <a href='/g'>Le gymnase rouvre ses portes après deux ans de travaux</a></p>"
                  "<div class='share'><a href='#'>Partager sur Facebook</a></div>")},
    {"id": "vide", "html": "<html><body><nav><a href='/'>Accueil</a></nav></body></html>"},
    {"id": "donne", "title": "Un titre donné", "text": "Un texte déjà extrait, qui passe tel quel."},
    {"id": "gare", "html": page("La gare de Bourg fermée une semaine",
                                ["La SNCF fermera la gare de Bourg-en-Bresse du 3 au 10 juillet pour des travaux "
                                 "sur les voies, a-t-elle annoncé mardi dans un communiqué.",
                                 "Des cars de substitution relieront Bourg à Mâcon et à Lyon toutes les heures, "
                                 "de cinq heures à vingt-deux heures."],
                                "", "<p class='byline'>Publié le 30 juin 2020 à 18h12</p>")},
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for r in records:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY

# extract: the fields of each page, the bad page named with its reason, exit 3.
expect_status 3 "$RECOUPE" extract "$WORK/pages.jsonl"
expect_stderr "pages.jsonl:2: skipped: page: no article text found in the page (id vide)"
expect_stderr "4 records read, 3 extracted, 1 skipped"
python3 - "$WORK/stdout" <<'PY' || fail "extract output"
import json, sys
recs = {r["id"]: r for r in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
assert list(recs) == ["pont", "donne", "gare"], list(recs)
p = recs["pont"]
assert set(p) == {"id", "url", "published", "title", "text", "author", "site"}, p
assert p["title"] == "Le pont de la Reyssouze sera rénové", p["title"]
assert p["text"].split("\n")[0].startswith("Le conseil municipal de Montrevel"), p["text"]
assert len(p["text"].split("\n")) == 2, p["text"]
for noise in ("Accueil", "Lire aussi", "Partager", "Mentions"):
    assert noise not in p["text"], noise
assert p["published"] == "2020-06-15", p["published"]
assert p["author"] == "Paul Girard" and p["site"] == "Le Courrier de l'Ain", p
assert recs["donne"]["text"] == "Un texte déjà extrait, qui passe tel quel.", recs["donne"]
g = recs["gare"]
assert g["published"] == "2020-06-30T18:12", g["published"]
assert "Publié" not in g["text"] and g["text"].startswith("La SNCF fermera"), g["text"]
PY
expect_status 0 "$RECOUPE" extract --help
expect_stdout "author"
expect_status 2 "$RECOUPE" extract
expect_stderr "no inputs"
# -o and --strict
expect_status 1 "$RECOUPE" extract --strict "$WORK/pages.jsonl" -o "$WORK/out.jsonl"
[[ $(wc -l <"$WORK/out.jsonl") == 1 ]] || fail "--strict: the record before the bad one is written"

# analyze: the extracted page becomes an analysed article (text, title, published, lang, source).
expect_status 3 "$RECOUPE" analyze "$WORK/pages.jsonl"
expect_stderr "pages.jsonl:2: skipped: page: no article text found in the page (id vide)"
python3 - "$WORK/stdout" <<'PY' || fail "analyze output"
import json, sys
recs = {r["id"]: r for r in map(json.loads, open(sys.argv[1], encoding="utf-8"))}
p = recs["pont"]
assert p["lang"] == "fr" and p["published"] == "2020-06-15", p
assert p["title"] == "Le pont de la Reyssouze sera rénové" and p["source"] == "Le Courrier de l'Ain", p
assert p["text"].startswith("Le conseil municipal"), p["text"]
assert recs["gare"]["published"] == "2020-06-30T18:12", recs["gare"]
PY
echo "extract ok"
