// recoupe's web reader: a single page over the JSON API (/api/openapi.json).
// Every piece of data reaches the page through textContent or setAttribute on
// elements built here; nothing from the API is ever parsed as HTML.
"use strict";

const app = document.getElementById("app");
const MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const TYPES = { PER: "Personnes", ORG: "Organisations", LOC: "Lieux", MISC: "Autres" };
const PAGE = 20;

// el("p", {class: "x"}, "text", child, …): an element; strings become text nodes.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function route(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") qs.set(k, v);
  const s = qs.toString();
  return "#" + path + (s ? "?" + s : "");
}
const storyHref = (id) => route("/story/" + encodeURIComponent(id));
const entityHref = (name) => route("/entity/" + encodeURIComponent(name));

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== "") qs.set(k, v);
  const url = "/api/" + path + (qs.toString() ? "?" + qs : "");
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const err = new Error(body && body.error ? body.error : "HTTP " + res.status);
    err.status = res.status;
    throw err;
  }
  return body;
}

// "2025-07-08T09:30:00+02:00" → "8 juil. 2025, 09:30"; "2025-07" → "juil. 2025"; null → "sans date".
function when(published, withTime) {
  if (!published) return "sans date";
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?/.exec(published);
  if (!m) return published;
  const [, y, mo, d, hh, mm] = m;
  let s = y;
  if (mo) s = MONTHS[Number(mo) - 1] + " " + s;
  if (d) s = Number(d) + " " + s;
  if (withTime && hh) s += ", " + hh + ":" + mm;
  return s;
}

function span(first, last) {
  if (!first && !last) return "sans date";
  const a = when(first), b = when(last);
  return a === b ? a : a + " → " + b;
}

function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

function setTitle(text) { document.title = text ? text + " — recoupe" : "recoupe"; }

function markNav(name) {
  for (const a of document.querySelectorAll("[data-nav]")) a.classList.toggle("active", a.dataset.nav === name);
}

function show(...nodes) { app.replaceChildren(...nodes); window.scrollTo(0, 0); }

function showError(err) {
  const title = err.status === 404 ? "Introuvable" : err.status === 400 ? "Requête refusée" : "Erreur";
  setTitle(title);
  show(el("h1", {}, title), el("p", { class: "error", id: "error" }, err.message));
}

function flagChips(flags) {
  return (flags || []).map((f) => el("span", { class: "flag", title: "signalement de qualité du texte" }, f));
}

// ---- story list ---------------------------------------------------------------------------------

function storyItem(s) {
  return el("li", { "data-story": s.id },
    el("div", { class: "count" }, s.articles, el("small", {}, s.articles === 1 ? "article" : "articles")),
    el("div", {},
      el("h3", {}, el("a", { href: storyHref(s.id) }, s.title || "(sans titre)")),
      el("div", { class: "meta" }, el("span", {}, span(s.first_published, s.last_published)),
        s.sources.length ? el("span", {}, s.sources.slice(0, 6).join(", ") + (s.sources.length > 6 ? "…" : "")) : null)));
}

async function viewStories(params) {
  const sort = params.get("sort") === "biggest" ? "biggest" : "newest";
  markNav(params.get("entity") || params.get("source") || params.get("q") ? "" : sort);
  const page = Math.max(0, Number(params.get("page") || 0) | 0);
  const query = {
    sort, limit: PAGE, offset: page * PAGE,
    entity: params.get("entity"), source: params.get("source"), q: params.get("q"),
    from: params.get("from"), to: params.get("to"),
  };
  const data = await api("stories", query);
  setTitle(sort === "biggest" ? "Les plus suivies" : "À la une");

  const form = el("form", { class: "filters", id: "filters" },
    el("label", {}, "Tri", el("select", { name: "sort" },
      el("option", { value: "newest", selected: sort === "newest" ? "" : null }, "Les plus récentes"),
      el("option", { value: "biggest", selected: sort === "biggest" ? "" : null }, "Les plus suivies"))),
    el("label", {}, "Du", el("input", { type: "date", name: "from", value: params.get("from") || "" })),
    el("label", {}, "Au", el("input", { type: "date", name: "to", value: params.get("to") || "" })),
    el("label", {}, "Mots", el("input", { type: "text", name: "q", value: params.get("q") || "", maxlength: 500 })),
    el("button", { type: "submit" }, "Filtrer"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    location.hash = route("/", { sort: f.get("sort"), from: f.get("from"), to: f.get("to"), q: f.get("q"),
      entity: params.get("entity"), source: params.get("source") });
  });

  const active = [];
  for (const [key, label] of [["entity", "Nom"], ["source", "Source"], ["q", "Mots"], ["from", "Du"], ["to", "Au"]]) {
    const v = params.get(key);
    if (!v) continue;
    const rest = Object.fromEntries([...params].filter(([k]) => k !== key && k !== "page"));
    active.push(el("a", { class: "chip", href: route("/", rest), title: "retirer ce filtre" }, label + " : " + v + " ✕"));
  }

  const heading = params.get("entity") ? "Récits qui citent " + params.get("entity")
    : params.get("source") ? "Récits de " + params.get("source")
    : sort === "biggest" ? "Les récits les plus suivis" : "Les derniers récits";
  const list = el("ol", { class: "story-list", id: "stories" }, data.stories.map(storyItem));
  const nav = el("div", { class: "pager" });
  const base = Object.fromEntries([...params]);
  if (page > 0) nav.append(el("a", { href: route("/", { ...base, page: page - 1 }), rel: "prev" }, "← Plus récents"));
  nav.append(el("span", { class: "muted" }, data.total ? `${data.offset + 1}–${data.offset + data.stories.length} sur ${data.total}` : ""));
  if (data.offset + data.stories.length < data.total) nav.append(el("a", { href: route("/", { ...base, page: page + 1 }), rel: "next" }, "Suivants →"));

  show(el("p", { class: "kicker" }, "Récits"), el("h1", {}, heading), form,
    active.length ? el("div", { class: "active-filters" }, active) : null,
    data.stories.length ? list : el("p", { class: "muted", id: "stories" }, "Aucun récit ne correspond."), nav);
}

// ---- one story ----------------------------------------------------------------------------------

function articleCard(a, byId) {
  const dup = a.duplicate_of ? el("div", { class: "dup" }, "reprise de ",
    byId[a.duplicate_of] ? el("a", { href: "", "data-jump": a.duplicate_of }, byId[a.duplicate_of].source || a.duplicate_of) : a.duplicate_of) : null;
  return el("article", { class: "article", id: "art-" + a.id, "data-article": a.id },
    el("div", { class: "meta" }, el("span", {}, a.source || "source inconnue"), el("span", {}, when(a.published, true))),
    el("h3", {}, a.url && /^https?:\/\//i.test(a.url) ? el("a", { href: a.url, rel: "noopener noreferrer nofollow", target: "_blank" }, a.title || a.id) : (a.title || a.id)),
    a.flags.length ? el("div", {}, flagChips(a.flags)) : null,
    a.abstract ? el("p", { class: "abstract" }, a.abstract) : null,
    dup,
    a.text ? el("details", {}, el("summary", {}, "Lire l'article (" + a.text.length.toLocaleString("fr-FR") + " caractères)"),
      el("div", { class: "text" }, a.text)) : null);
}

function quotationGroup(q) {
  const who = q.speaker ? el("a", { href: entityHref(q.speaker) }, q.speaker) : el("span", { class: "muted" }, "Locuteur non identifié");
  const sources = new Set(q.versions.map((v) => v.source || v.article));
  return el("div", { class: "quote-group", "data-utterance": q.utterance || "" },
    el("div", { class: "who" }, who, el("span", { class: "muted" }, " — " + plural(q.versions.length, "version", "versions") + ", " + plural(sources.size, "source", "sources"))),
    el("div", { class: "versions" }, q.versions.map((v) =>
      el("figure", { class: "version" }, el("blockquote", {}, v.quote),
        el("figcaption", {}, (v.source || "source inconnue") + " · " + when(v.published), " · ",
          el("a", { href: "", "data-jump": v.article }, "article"))))));
}

async function viewStory(id) {
  const s = await api("stories/" + encodeURIComponent(id));
  setTitle(s.title);
  markNav("");
  const byId = Object.fromEntries(s.articles.map((a) => [a.id, a]));

  const timeline = el("ol", { class: "timeline", id: "timeline" }, s.timeline.map((t) =>
    el("li", {}, el("div", { class: "day" }, t.day ? when(t.day) : "Sans date"), t.articles.map((aid) => articleCard(byId[aid], byId)))));

  const main = el("div", {},
    el("h2", {}, "Chronologie"), timeline,
    el("h2", {}, "Citations"),
    s.quotations.length ? el("div", { id: "quotations" }, s.quotations.map(quotationGroup))
      : el("p", { class: "muted", id: "quotations" }, "Aucune citation relevée dans ces articles."));

  const side = el("aside", {},
    el("section", {}, el("h2", {}, "Sources"), el("div", { class: "chips", id: "sources" },
      s.sources.map((x) => el("a", { class: "chip", href: route("/", { source: x.name }) }, x.name, el("span", { class: "n" }, x.articles))))),
    el("section", {}, el("h2", {}, "Noms cités"), entitiesByType(s.entities)),
    el("section", {}, el("h2", {}, "Dates citées"), s.dates.length ? el("ul", { class: "dates", id: "dates" }, s.dates.map((d) =>
      el("li", {}, el("span", { class: "value" }, d.value || "?"), " ", el("span", { class: "muted" }, "« " + [...new Set(d.mentions.map((m) => m.text))].join(" », « ") + " »"))))
      : el("p", { class: "muted", id: "dates" }, "Aucune date relevée.")));

  const flags = s.flags.length ? el("div", { class: "flags", id: "flags" }, el("strong", {}, "Qualité du texte : "),
    s.flags.map((f) => el("span", {}, el("span", { class: "flag" }, f.flag), plural(f.articles.length, "article", "articles") + " ")),) : null;

  show(el("p", { class: "kicker" }, "Récit " + s.id),
    el("h1", {}, s.title || "(sans titre)"),
    el("div", { class: "meta" }, el("span", {}, span(s.first_published, s.last_published)),
      s.event_date ? el("span", { id: "event-date" }, "les faits : " + when(s.event_date)) : null,
      s.event_place ? el("span", { id: "event-place" }, "lieu : " + s.event_place) : null,
      el("span", {}, plural(s.articles.length, "article", "articles")), el("span", {}, plural(s.sources.length, "source", "sources"))),
    flags, el("div", { class: "layout" }, main, side));
}

function entitiesByType(entities) {
  if (!entities.length) return el("p", { class: "muted", id: "entities" }, "Aucun nom relevé.");
  const groups = {};
  for (const e of entities) (groups[e.type] = groups[e.type] || []).push(e);
  return el("div", { id: "entities" }, Object.keys(groups).sort().map((t) => el("div", {},
    el("h3", { class: "muted" }, TYPES[t] || t),
    el("div", { class: "chips" }, groups[t].map((e) => el("a", { class: "chip " + t, href: entityHref(e.name), "data-entity": e.name }, e.name, el("span", { class: "n" }, e.articles)))))));
}

// ---- one entity ---------------------------------------------------------------------------------

// Articles naming the entity per month (per day when the span is short), as SVG bars.
function chart(days) {
  if (!days.length) return el("p", { class: "muted", id: "chart" }, "Aucun article daté.");
  const first = days[0].day, last = days[days.length - 1].day;
  const byDay = (Date.parse(last) - Date.parse(first)) / 864e5 <= 62;
  const key = (d) => (byDay ? d : d.slice(0, 7));
  const counts = new Map();
  // Every bucket between the first and the last, so that quiet periods show as gaps.
  for (let t = Date.parse(first); t <= Date.parse(last); t += 864e5) counts.set(key(new Date(t).toISOString().slice(0, 10)), 0);
  for (const d of days) counts.set(key(d.day), (counts.get(key(d.day)) || 0) + d.articles);
  const buckets = [...counts];
  const max = Math.max(...buckets.map(([, n]) => n));
  const W = 720, H = 200, padL = 32, padB = 28, padT = 10;
  const bw = (W - padL - 8) / buckets.length;
  const root = svg("svg", { class: "chart", id: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Articles par " + (byDay ? "jour" : "mois") });
  for (const frac of [0, 0.5, 1]) {
    const y = H - padB - frac * (H - padB - padT);
    root.append(svg("line", { x1: padL, x2: W - 4, y1: y, y2: y }), svg("text", { x: padL - 6, y: y + 4, "text-anchor": "end" }, Math.round(frac * max)));
  }
  buckets.forEach(([label, n], i) => {
    const h = max ? (n / max) * (H - padB - padT) : 0;
    const bar = svg("rect", { class: "bar", x: padL + i * bw + bw * 0.1, y: H - padB - h, width: Math.max(1, bw * 0.8), height: h });
    bar.append(svg("title", {}, label + " : " + plural(n, "article", "articles")));
    root.append(bar);
  });
  const step = Math.ceil(buckets.length / 8);
  buckets.forEach(([label], i) => {
    if (i % step) return;
    const text = byDay ? when(label) : when(label);
    root.append(svg("text", { x: padL + i * bw + bw / 2, y: H - 8, "text-anchor": "middle" }, text));
  });
  return root;
}

async function viewEntity(name) {
  const e = await api("entities/" + encodeURIComponent(name));
  setTitle(e.name);
  markNav("entities");
  show(el("p", { class: "kicker" }, TYPES[e.type] ? TYPES[e.type].replace(/s$/, "") : "Nom"),
    el("h1", {}, e.name),
    el("div", { class: "meta" }, el("span", {}, plural(e.articles, "article", "articles")), el("span", {}, plural(e.stories.length, "récit", "récits")),
      el("span", {}, plural(e.quotations.length, "citation", "citations"))),
    el("h2", {}, "Présence dans les articles"), chart(e.timeline),
    el("div", { class: "layout" },
      el("div", {}, el("h2", {}, "Ses citations"),
        e.quotations.length ? el("ol", { class: "quotes-list", id: "entity-quotes" }, e.quotations.map((q) => el("li", {},
          el("blockquote", {}, "« " + q.quote + " »"),
          el("div", { class: "meta" }, el("span", {}, when(q.published)), el("span", {}, q.source || "source inconnue"),
            el("a", { href: storyHref(q.story) }, "le récit")))))
          : el("p", { class: "muted", id: "entity-quotes" }, "Aucune citation attribuée.")),
      el("aside", {}, el("h2", {}, "Récits"), el("ol", { class: "story-list", id: "entity-stories" }, e.stories.map(storyItem)),
        el("p", {}, el("a", { href: route("/", { entity: e.name }) }, "Tous ses récits, avec filtres →")))));
}

async function viewEntities(params) {
  markNav("entities");
  setTitle("Noms");
  const page = Math.max(0, Number(params.get("page") || 0) | 0);
  const data = await api("entities", { q: params.get("q"), type: params.get("type"), limit: 50, offset: page * 50 });
  const form = el("form", { class: "filters" }, el("label", {}, "Nom", el("input", { name: "q", value: params.get("q") || "", maxlength: 500 })),
    el("label", {}, "Type", el("select", { name: "type" }, el("option", { value: "" }, "Tous"),
      Object.entries(TYPES).map(([k, v]) => el("option", { value: k, selected: params.get("type") === k ? "" : null }, v)))),
    el("button", { type: "submit" }, "Filtrer"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    location.hash = route("/entities", { q: f.get("q"), type: f.get("type") });
  });
  const table = el("table", { class: "table", id: "entity-table" },
    el("thead", {}, el("tr", {}, el("th", {}, "Nom"), el("th", {}, "Type"), el("th", {}, "Récits"), el("th", {}, "Articles"))),
    el("tbody", {}, data.entities.map((e) => el("tr", {},
      el("td", {}, el("a", { href: entityHref(e.name) }, e.name)), el("td", {}, TYPES[e.type] || e.type),
      el("td", { class: "n" }, e.stories), el("td", { class: "n" }, e.articles)))));
  const nav = el("div", { class: "pager" });
  const base = Object.fromEntries([...params]);
  if (page > 0) nav.append(el("a", { href: route("/entities", { ...base, page: page - 1 }) }, "← Précédents"));
  nav.append(el("span", { class: "muted" }, plural(data.total, "nom", "noms")));
  if (data.offset + data.entities.length < data.total) nav.append(el("a", { href: route("/entities", { ...base, page: page + 1 }) }, "Suivants →"));
  show(el("p", { class: "kicker" }, "Index"), el("h1", {}, "Les noms cités"), form,
    data.entities.length ? table : el("p", { class: "muted" }, "Aucun nom relevé dans cette base (l'analyse n'en a pas encore fourni)."), nav);
}

async function viewSources() {
  markNav("sources");
  setTitle("Sources");
  const data = await api("sources");
  show(el("p", { class: "kicker" }, "Index"), el("h1", {}, "Les sources"),
    data.sources.length ? el("table", { class: "table", id: "source-table" },
      el("thead", {}, el("tr", {}, el("th", {}, "Source"), el("th", {}, "Récits"), el("th", {}, "Articles"))),
      el("tbody", {}, data.sources.map((s) => el("tr", {},
        el("td", {}, el("a", { href: route("/", { source: s.name }) }, s.name)), el("td", { class: "n" }, s.stories), el("td", { class: "n" }, s.articles)))))
      : el("p", { class: "muted" }, "Les articles de cette base ne nomment pas leur source."));
}

// ---- search -------------------------------------------------------------------------------------

async function viewSearch(params) {
  markNav("");
  const q = params.get("q") || "";
  document.getElementById("search-input").value = q;
  setTitle("Recherche : " + q);
  const page = Math.max(0, Number(params.get("page") || 0) | 0);
  const sort = params.get("sort") === "relevance" ? "relevance" : "newest";
  const data = await api("search", { q, sort, limit: PAGE, offset: page * PAGE });
  const order = el("p", { class: "meta", id: "search-sort" },
    sort === "newest" ? el("strong", {}, "Les plus récents") : el("a", { href: route("/search", { q }) }, "Les plus récents"),
    sort === "relevance" ? el("strong", {}, "Les plus pertinents") : el("a", { href: route("/search", { q, sort: "relevance" }) }, "Les plus pertinents"));
  const list = el("ol", { class: "results", id: "results" }, data.hits.map((h) => el("li", { "data-article": h.article },
    el("h3", {}, el("a", { href: storyHref(h.story) + "" }, h.title || h.article)),
    el("div", { class: "meta" }, el("span", {}, h.source || "source inconnue"), el("span", {}, when(h.published, true)), el("span", {}, "récit " + h.story)),
    el("p", { class: "snippet" }, h.snippet.map((part) => (part.match ? el("mark", {}, part.text) : part.text))))));
  const nav = el("div", { class: "pager" });
  if (page > 0) nav.append(el("a", { href: route("/search", { q, sort, page: page - 1 }) }, "← Précédents"));
  nav.append(el("span", { class: "muted" }, data.total_is_lower_bound ? "plus de " + data.total + " articles" : plural(data.total, "article", "articles")));
  if (data.offset + data.hits.length < data.total) nav.append(el("a", { href: route("/search", { q, sort, page: page + 1 }) }, "Suivants →"));
  show(el("p", { class: "kicker" }, "Recherche"), el("h1", {}, "« " + q + " »"),
    el("p", { class: "muted" }, "Les accents, les majuscules et les terminaisons ne comptent pas ; tous les mots sont cherchés."), order,
    data.hits.length ? list : el("p", { class: "muted", id: "results" }, "Aucun article ne contient tous ces mots."), nav);
}

// ---- routing ------------------------------------------------------------------------------------

async function render() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  try {
    let m;
    if ((m = /^\/story\/(.+)$/.exec(path))) await viewStory(decodeURIComponent(m[1]));
    else if ((m = /^\/entity\/(.+)$/.exec(path))) await viewEntity(decodeURIComponent(m[1]));
    else if (path === "/entities") await viewEntities(params);
    else if (path === "/sources") await viewSources();
    else if (path === "/search") await viewSearch(params);
    else await viewStories(params);
    document.body.dataset.ready = path;
  } catch (err) {
    showError(err);
    document.body.dataset.ready = "error";
  }
}

document.getElementById("search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("search-input").value.trim();
  if (q) location.hash = route("/search", { q });
});
// Links within a story page jump to an article without touching the route.
document.addEventListener("click", (ev) => {
  const a = ev.target.closest && ev.target.closest("[data-jump]");
  if (!a) return;
  ev.preventDefault();
  const target = document.getElementById("art-" + a.dataset.jump);
  if (target) target.scrollIntoView({ behavior: "smooth", block: "start" });
});
window.addEventListener("hashchange", () => { document.body.dataset.ready = ""; render(); });
render();
