// src/store/store_reader.cc
#include "store/store_reader.h"

#include <simdjson.h>
#include <sqlite3.h>
#include <unicode/uchar.h>

#include <algorithm>

#include "common/utf8.h"
#include "store/fts_matches.h"
#include "store/fts_tokenizer.h"
#include "store/search_snippet.h"
#include "store/sqlite_columns.h"
#include "store/store.h"

namespace recoupe {
namespace {

void bind(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

constexpr const char* kStoryColumns =
    "s.id, s.title, s.first_published, s.last_published, s.articles,"
    " (SELECT group_concat(src, char(31)) FROM (SELECT DISTINCT source AS src FROM articles a"
    "   WHERE a.story_id = s.id AND source IS NOT NULL ORDER BY source))";

StoryRow story_row(sqlite3_stmt* s) {
  StoryRow r;
  r.id = sqlite3_column_int64(s, 0);
  r.label = "s" + std::to_string(r.id);
  r.title = column_text(s, 1);
  r.first_published = column_text(s, 2);
  r.last_published = column_text(s, 3);
  r.articles = sqlite3_column_int64(s, 4);
  r.sources = split_unit_separated(column_text(s, 5));
  return r;
}

// What a story page takes from an article's contract JSON.
struct ArticleAnalysis {
  std::vector<std::string> flags;
  std::string event_date, event_place;
  std::vector<DateRow> dates;  // `article` left empty
};

// A string member of a JSON object, or empty when absent, null or not a string.
std::string string_member(simdjson::dom::object o, std::string_view key) {
  std::string_view v;
  return o[key].get(v) == simdjson::SUCCESS ? std::string(v) : std::string();
}

// An article's flags, event date, event place and dates, from its contract JSON (nothing from JSON that is not an
// object: the analysis of a stored article is what `analyze` wrote, but the database is a file anyone can edit).
ArticleAnalysis read_analysis(std::string_view json) {
  thread_local simdjson::dom::parser parser;
  thread_local std::string padded;  // simdjson reads a few bytes past the end
  padded.assign(json);
  padded.resize(json.size() + simdjson::SIMDJSON_PADDING);
  ArticleAnalysis out;
  simdjson::dom::object root;
  simdjson::error_code failed = parser.parse(padded.data(), json.size(), false).get(root);
  if (failed == simdjson::UTF8_ERROR) {  // SQLite's JSON functions let invalid UTF-8 through; so does the page (U+FFFD)
    padded = utf8::with_replacements(json);
    const size_t size = padded.size();
    padded.resize(size + simdjson::SIMDJSON_PADDING);
    failed = parser.parse(padded.data(), size, false).get(root);
  }
  if (failed) return out;
  simdjson::dom::array list;
  if (root["flags"].get(list) == simdjson::SUCCESS) {
    for (simdjson::dom::element e : list) {
      std::string_view kind;
      if (e.get(kind) == simdjson::SUCCESS) out.flags.emplace_back(kind);
    }
  }
  out.event_date = string_member(root, "event_date");
  out.event_place = string_member(root, "event_place");
  if (root["dates"].get(list) == simdjson::SUCCESS) {
    for (simdjson::dom::element e : list) {
      simdjson::dom::object date;
      if (e.get(date)) continue;
      out.dates.push_back({{}, string_member(date, "text"), string_member(date, "type"), string_member(date, "value")});
    }
  }
  return out;
}

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(static_cast<UChar32>(c)) || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

}  // namespace

StoreReader::StoreReader(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

StoreReader::~StoreReader() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Result<std::unique_ptr<StoreReader>> StoreReader::open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string msg = path + ": cannot open database: " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return Error{Errc::kNotFound, msg};
  }
  sqlite3_busy_timeout(db, 5000);
  // Pages read through a mapping of the file instead of copied out of the OS cache one read call each:
  // a search's hits are scattered over the file, and each body lookup in the WITHOUT ROWID articles
  // table walks several overflowing rows (see articles_search_row in store.cc). A third less CPU a search
  // with a pool of readers. The mapped pages are the OS's cache of the file, not memory of the process,
  // but RSS counts them once per reader (SQLite caps the size at its build's limit).
  sqlite3_exec(db, "PRAGMA mmap_size = 4294967296", nullptr, nullptr, nullptr);
  std::unique_ptr<StoreReader> r(new StoreReader(db, path));
  if (Status st = register_fts_tokenizer(db); !st) return Error{st.error().code, path + ": " + st.error().message};
  if (Status st = register_fts_matches(db); !st) return Error{st.error().code, path + ": " + st.error().message};
  sqlite3_stmt* v = r->prepare("SELECT value FROM meta WHERE key='schema_version'");
  const int version = v && sqlite3_step(v) == SQLITE_ROW ? sqlite3_column_int(v, 0) : 0;
  if (v) sqlite3_reset(v);
  if (version != Store::kSchemaVersion) {
    return Error{Errc::kCorrupt, path + ": database schema version " + std::to_string(version) + ", expected " +
                                     std::to_string(Store::kSchemaVersion) + " (open it once for writing to migrate)"};
  }
  return r;
}

sqlite3_stmt* StoreReader::prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return it->second;
  }
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    return nullptr;
  }
  cache_.emplace(sql, s);
  return s;
}

Error StoreReader::error(const std::string& what) const {
  return Error{Errc::kIo, path_ + ": " + what + ": " + sqlite3_errmsg(db_)};
}

std::string StoreReader::match_expression(std::string_view text) {
  std::string out;
  std::string_view view = text;
  std::string repaired;
  if (!utf8::is_valid(view)) {
    repaired.assign(view);
    for (size_t bad; (bad = utf8::find_invalid(repaired)) != std::string::npos;) repaired[bad] = ' ';
    view = repaired;
  }
  for (size_t i = 0; i < view.size();) {
    size_t start = i;
    if (!is_word_char(utf8::next(view, i))) continue;
    size_t end = i;
    while (end < view.size()) {
      size_t j = end;
      if (!is_word_char(utf8::next(view, j))) break;
      end = j;
    }
    i = end;
    if (!out.empty()) out.push_back(' ');
    out.push_back('"');
    out.append(view.substr(start, end - start));  // no quote inside: quotes are not word characters
    out.push_back('"');
  }
  return out;
}

Result<StoryPage> StoreReader::stories(const StoryQuery& q) {
  std::string where = " WHERE 1";
  if (q.from) where += " AND s.last_ts >= :from";
  if (q.to) where += " AND s.first_ts < :to";
  if (!q.entity.empty()) where += " AND s.id IN (SELECT story_id FROM article_entities WHERE name = :entity)";
  if (!q.source.empty()) where += " AND s.id IN (SELECT story_id FROM articles WHERE source = :source)";
  std::string match;
  if (!q.text.empty()) {
    match = match_expression(q.text);
    if (match.empty()) return Error{Errc::kBadInput, "the text query has no word in it"};
    // The index drives the join (CROSS JOIN fixes that order): its matches, then each one's story through articles_order_story (the
    // article rows themselves, text and all, are never read).
    where += " AND s.id IN (SELECT a.story_id FROM articles_fts f CROSS JOIN articles a INDEXED BY articles_order_story"
             " ON a.link_order = f.rowid"
             " WHERE articles_fts MATCH :q)";
  }
  auto bind_all = [&](sqlite3_stmt* s) {
    if (int i = sqlite3_bind_parameter_index(s, ":from")) sqlite3_bind_int64(s, i, *q.from);
    if (int i = sqlite3_bind_parameter_index(s, ":to")) sqlite3_bind_int64(s, i, *q.to);
    if (int i = sqlite3_bind_parameter_index(s, ":entity")) bind(s, i, q.entity);
    if (int i = sqlite3_bind_parameter_index(s, ":source")) bind(s, i, q.source);
    if (int i = sqlite3_bind_parameter_index(s, ":q")) bind(s, i, match);
  };
  StoryPage page;
  sqlite3_stmt* count = prepare("SELECT count(*) FROM stories s" + where);
  if (!count) return error("cannot count stories");
  bind_all(count);
  if (sqlite3_step(count) != SQLITE_ROW) return error("cannot count stories");
  page.total = sqlite3_column_int64(count, 0);
  sqlite3_reset(count);

  // Undated stories (last_ts NULL) come last, as NULLs do in a descending order; both orders are an
  // index read backwards (stories_last, stories_articles), so a page costs no sort.
  const char* order = q.sort == StoryQuery::Sort::kBiggest ? " ORDER BY s.articles DESC, s.last_ts DESC, s.id DESC"
                                                           : " ORDER BY s.last_ts DESC, s.id DESC";
  // The page is chosen on the bare rows, then its columns (the sources subquery) computed for it alone:
  // SQLite computes every selected column before sorting.
  sqlite3_stmt* s = prepare(std::string("SELECT ") + kStoryColumns + " FROM (SELECT * FROM stories s" + where + order +
                            " LIMIT :limit OFFSET :offset) s" + order);
  if (!s) return error("cannot list stories");
  bind_all(s);
  sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"), q.limit);
  sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":offset"), q.offset);
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) page.stories.push_back(story_row(s));
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) return error("cannot list stories");
  return page;
}

std::vector<QuoteRow> StoreReader::quotes(sqlite3_stmt* s) {
  std::vector<QuoteRow> out;
  while (sqlite3_step(s) == SQLITE_ROW) {
    QuoteRow q;
    q.article = column_text(s, 0);
    q.story = "s" + std::to_string(sqlite3_column_int64(s, 1));
    q.source = column_text(s, 2);
    q.published = column_text(s, 3);
    q.speaker = column_text(s, 4);
    q.utterance = column_text(s, 5);
    q.quote = column_text(s, 6);
    out.push_back(std::move(q));
  }
  sqlite3_reset(s);
  return out;
}

Result<StoryDetail> StoreReader::story(int64_t id) {
  StoryDetail d;
  // Its sources come from its articles below, which are read anyway: kStoryColumns would look every article
  // up once more.
  sqlite3_stmt* s = prepare("SELECT s.id, s.title, s.first_published, s.last_published, s.articles, NULL"
                            " FROM stories s WHERE s.id = ?1");
  if (!s) return error("cannot read story");
  sqlite3_bind_int64(s, 1, id);
  if (sqlite3_step(s) != SQLITE_ROW) {
    sqlite3_reset(s);
    return Error{Errc::kNotFound, "no story s" + std::to_string(id)};
  }
  d.story = story_row(s);
  sqlite3_reset(s);

  // The articles, and from each one's contract JSON, read here once, its event date and place and its dates:
  // asking SQLite for them parsed the JSON again in each query, which made the pages of big stories slow.
  s = prepare("SELECT a.id, a.published, a.source, a.url, a.lang, a.title, a.abstract, a.text, a.duplicate_of,"
              " a.link_order, a.analysis"
              " FROM articles a WHERE a.story_id = ?1 ORDER BY a.published_ts IS NULL, a.published_ts, a.link_order");
  if (!s) return error("cannot read articles");
  sqlite3_bind_int64(s, 1, id);
  std::vector<std::pair<int64_t, size_t>> in_link_order;  // (link_order, index in d.articles), sorted below
  std::vector<std::string> event_dates, event_places;  // by article, in d.articles order
  while (sqlite3_step(s) == SQLITE_ROW) {
    ArticleRow a;
    a.id = column_text(s, 0);
    a.published = column_text(s, 1);
    a.source = column_text(s, 2);
    a.url = column_text(s, 3);
    a.lang = column_text(s, 4);
    a.title = column_text(s, 5);
    a.abstract = column_text(s, 6);
    a.text = column_text(s, 7);
    a.duplicate_of = column_text(s, 8);
    in_link_order.emplace_back(sqlite3_column_int64(s, 9), d.articles.size());
    ArticleAnalysis analysis = read_analysis(column_view(s, 10));
    a.flags = std::move(analysis.flags);
    event_dates.push_back(std::move(analysis.event_date));
    event_places.push_back(std::move(analysis.event_place));
    for (DateRow& r : analysis.dates) {
      r.article = a.id;
      d.dates.push_back(std::move(r));
    }
    d.articles.push_back(std::move(a));
  }
  sqlite3_reset(s);
  for (const ArticleRow& a : d.articles) {
    if (!a.source.empty()) d.story.sources.push_back(a.source);
  }
  std::sort(d.story.sources.begin(), d.story.sources.end());
  d.story.sources.erase(std::unique(d.story.sources.begin(), d.story.sources.end()), d.story.sources.end());
  // story_event_date and story_event_place take the articles in link order.
  std::sort(in_link_order.begin(), in_link_order.end());
  std::vector<std::string> dates_in_link_order, places_in_link_order;
  for (const auto& [order, i] : in_link_order) {
    dates_in_link_order.push_back(std::move(event_dates[i]));
    places_in_link_order.push_back(std::move(event_places[i]));
  }
  d.story.event_date = story_event_date(std::move(dates_in_link_order));
  d.story.event_place = story_event_place(places_in_link_order);

  // A row per article, name, type and surface form: articles are the distinct link_orders.
  s = prepare("SELECT name, max(type), count(DISTINCT link_order) AS n, sum(mentions) FROM article_entities"
              " WHERE story_id = ?1 GROUP BY name ORDER BY n DESC, sum(mentions) DESC, name LIMIT 500");
  if (!s) return error("cannot read entities");
  sqlite3_bind_int64(s, 1, id);
  while (sqlite3_step(s) == SQLITE_ROW) {
    d.entities.push_back({column_text(s, 0), column_text(s, 1), 1, sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3)});
  }
  sqlite3_reset(s);

  // The quotations, told their article by its link order from the articles above, rather than by a join
  // that looked every quotation's article up again; then put in the articles' order.
  s = prepare("SELECT q.link_order, q.speaker, q.utterance, q.quote FROM article_quotes q WHERE q.story_id = ?1"
              " ORDER BY q.link_order, q.n");
  if (!s) return error("cannot read quotations");
  sqlite3_bind_int64(s, 1, id);
  std::vector<std::pair<size_t, QuoteRow>> quotes;  // (index of its article in d.articles, the row)
  while (sqlite3_step(s) == SQLITE_ROW) {
    const int64_t order = sqlite3_column_int64(s, 0);
    auto it = std::lower_bound(in_link_order.begin(), in_link_order.end(), std::pair<int64_t, size_t>{order, 0});
    if (it == in_link_order.end() || it->first != order) continue;  // its article is no longer in this story
    const ArticleRow& a = d.articles[it->second];
    QuoteRow q;
    q.article = a.id;
    q.story = d.story.label;
    q.source = a.source;
    q.published = a.published;
    q.speaker = column_text(s, 1);
    q.utterance = column_text(s, 2);
    q.quote = column_text(s, 3);
    quotes.emplace_back(it->second, std::move(q));
  }
  sqlite3_reset(s);
  std::stable_sort(quotes.begin(), quotes.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  d.quotes.reserve(quotes.size());
  for (auto& [article, q] : quotes) d.quotes.push_back(std::move(q));
  return d;
}

Result<std::vector<EntityRow>> StoreReader::entities(std::string_view contains, std::string_view type, int64_t limit,
                                                     int64_t offset, int64_t* total) {
  std::string where = " WHERE 1";
  if (!contains.empty()) where += " AND instr(lower(name), lower(:q)) > 0";
  if (!type.empty()) where += " AND type = :type";
  auto bind_all = [&](sqlite3_stmt* s) {
    if (int i = sqlite3_bind_parameter_index(s, ":q")) bind(s, i, contains);
    if (int i = sqlite3_bind_parameter_index(s, ":type")) bind(s, i, type);
  };
  if (total) {
    sqlite3_stmt* c = prepare("SELECT count(DISTINCT name) FROM article_entities" + where);
    if (!c) return error("cannot count entities");
    bind_all(c);
    *total = sqlite3_step(c) == SQLITE_ROW ? sqlite3_column_int64(c, 0) : 0;
    sqlite3_reset(c);
  }
  sqlite3_stmt* s = prepare("SELECT name, max(type), count(DISTINCT story_id), count(DISTINCT link_order) AS n,"
                            " sum(mentions) FROM article_entities" + where +
                            " GROUP BY name ORDER BY n DESC, name LIMIT :limit OFFSET :offset");
  if (!s) return error("cannot list entities");
  bind_all(s);
  sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":limit"), limit);
  sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":offset"), offset);
  std::vector<EntityRow> out;
  while (sqlite3_step(s) == SQLITE_ROW) {
    out.push_back({column_text(s, 0), column_text(s, 1), sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3),
                   sqlite3_column_int64(s, 4)});
  }
  sqlite3_reset(s);
  return out;
}

Result<EntityDetail> StoreReader::entity(const std::string& name) {
  EntityDetail d;
  d.entity.name = name;
  sqlite3_stmt* s = prepare("SELECT max(type), count(DISTINCT story_id), count(DISTINCT link_order), coalesce(sum(mentions), 0)"
                            " FROM article_entities WHERE name = ?1");
  if (!s) return error("cannot read entity");
  bind(s, 1, name);
  if (sqlite3_step(s) == SQLITE_ROW) {
    d.entity.type = column_text(s, 0);
    d.entity.stories = sqlite3_column_int64(s, 1);
    d.entity.articles = sqlite3_column_int64(s, 2);
    d.entity.mentions = sqlite3_column_int64(s, 3);
  }
  sqlite3_reset(s);

  s = prepare("SELECT a.id, a.story_id, a.source, a.published, q.speaker, q.utterance, q.quote"
              " FROM article_quotes q JOIN articles a ON a.link_order = q.link_order WHERE q.speaker = ?1"
              " ORDER BY a.published_ts IS NULL, a.published_ts, q.link_order, q.n LIMIT ?2");
  if (!s) return error("cannot read quotations");
  bind(s, 1, name);
  sqlite3_bind_int64(s, 2, kMaxListed);
  d.quotes = quotes(s);
  if (d.entity.articles == 0 && d.quotes.empty()) return Error{Errc::kNotFound, "no entity named " + name};

  StoryQuery q;
  q.entity = name;
  q.limit = kMaxListed;
  auto page = stories(q);
  if (!page) return page.error();
  d.stories = std::move(page->stories);
  // Stories where they are only quoted (not named as an entity) count too.
  for (const QuoteRow& quote : d.quotes) {
    const int64_t id = std::stoll(quote.story.substr(1));
    bool known = false;
    for (const StoryRow& r : d.stories) known = known || r.id == id;
    if (known || static_cast<int64_t>(d.stories.size()) >= kMaxListed) continue;
    auto detail_row = prepare(std::string("SELECT ") + kStoryColumns + " FROM stories s WHERE s.id = ?1");
    if (!detail_row) return error("cannot read story");
    sqlite3_bind_int64(detail_row, 1, id);
    if (sqlite3_step(detail_row) == SQLITE_ROW) d.stories.push_back(story_row(detail_row));
    sqlite3_reset(detail_row);
  }

  s = prepare("SELECT date(a.published_ts, 'unixepoch') AS day, count(DISTINCT e.link_order) FROM article_entities e"
              " JOIN articles a ON a.link_order = e.link_order"
              " WHERE e.name = ?1 AND a.published_ts IS NOT NULL GROUP BY day ORDER BY day");
  if (!s) return error("cannot read entity timeline");
  bind(s, 1, name);
  while (sqlite3_step(s) == SQLITE_ROW) d.days.emplace_back(column_text(s, 0), sqlite3_column_int64(s, 1));
  sqlite3_reset(s);
  return d;
}

Result<SearchPage> StoreReader::search(std::string_view text, int64_t limit, int64_t offset, bool relevance,
                                       int64_t count_cap) {
  const std::string match = match_expression(text);
  if (match.empty()) return Error{Errc::kBadInput, "the search has no word in it"};
  // A writer's commit moves this connection's data_version: every cached answer may be stale then.
  sqlite3_stmt* v = prepare("PRAGMA data_version");
  if (!v || sqlite3_step(v) != SQLITE_ROW) {
    if (v) sqlite3_reset(v);
    return error("cannot search");
  }
  const int64_t version = sqlite3_column_int64(v, 0);
  sqlite3_reset(v);
  if (version != data_version_) {
    search_cache_.clear();
    search_index_.clear();
    data_version_ = version;
  }
  // The snippets depend on the words as typed only through their terms, which `match` determines.
  const std::string key = match + '\x1f' + std::to_string(limit) + '\x1f' + std::to_string(offset) + '\x1f' +
                          (relevance ? "r" : "n") + std::to_string(count_cap);
  if (auto it = search_index_.find(key); it != search_index_.end()) {
    search_cache_.splice(search_cache_.begin(), search_cache_, it->second);
    return it->second->second;
  }
  auto page = search_uncached(match, text, limit, offset, relevance, count_cap);
  if (!page) return page;
  search_cache_.emplace_front(key, *page);
  search_index_[key] = search_cache_.begin();
  if (search_cache_.size() > kSearchCacheSize) {
    search_index_.erase(search_cache_.back().first);
    search_cache_.pop_back();
  }
  return page;
}

Result<SearchPage> StoreReader::search_uncached(const std::string& match, std::string_view text, int64_t limit,
                                                int64_t offset, bool relevance, int64_t count_cap) {
  SearchPage page;
  // Counting stops one past the cap: enough to tell "exactly N" from "more than N".
  const int64_t cap = std::max(count_cap, offset + limit + 1);
  sqlite3_stmt* c =
      prepare("SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT ?2)");
  if (!c) return error("cannot search");
  bind(c, 1, match);
  sqlite3_bind_int64(c, 2, cap + 1);
  if (sqlite3_step(c) != SQLITE_ROW) {
    sqlite3_reset(c);
    return error("cannot search");
  }
  const int64_t counted = sqlite3_column_int64(c, 0);
  page.total = std::min(counted, cap);
  page.total_is_lower_bound = counted > cap;
  sqlite3_reset(c);
  // Newest: FTS5 walks its doclists backwards and stops at the page, computing nothing for the other
  // matches. Relevance (bm25) scores every match first, on rowids alone. A hit's columns come from
  // articles_search_row (the table's rows are slow to reach, see store.cc); the body, long, is read only
  // for a hit whose snippet may come from it.
  const std::string columns =
      "SELECT a.id, a.story_id, a.title, a.source, a.published, a.abstract, a.link_order,"
      " recoupe_matches(articles_fts)"
      " FROM articles_fts CROSS JOIN articles a INDEXED BY articles_search_row ON a.link_order = articles_fts.rowid"
      " WHERE articles_fts MATCH ?1";
  sqlite3_stmt* s = prepare(
      relevance ? columns + " AND articles_fts.rowid IN"
                            "  (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?1 ORDER BY rank LIMIT ?2 OFFSET ?3)"
                            " ORDER BY rank"
                : columns + " ORDER BY articles_fts.rowid DESC LIMIT ?2 OFFSET ?3");
  if (!s) return error("cannot search");
  bind(s, 1, match);
  sqlite3_bind_int64(s, 2, limit);
  sqlite3_bind_int64(s, 3, offset);
  if (!tokenizer_) tokenizer_ = std::make_unique<FtsTokenizer>();
  // recoupe_matches numbers the query's terms in order; equal terms count as one (the first).
  std::vector<std::string> terms;
  for (auto& t : tokenizer_->tokens(text)) terms.push_back(std::move(t.term));
  std::vector<size_t> first_equal(terms.size());
  for (size_t i = 0; i < terms.size(); ++i) {
    first_equal[i] = static_cast<size_t>(std::find(terms.begin(), terms.end(), terms[i]) - terms.begin());
  }
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    SearchHit hit{column_text(s, 0), "s" + std::to_string(sqlite3_column_int64(s, 1)), column_text(s, 2), column_text(s, 3),
                  column_text(s, 4), {}};
    const std::string lead = column_text(s, 5);
    // Where the terms are, per column of the index (title, abstract, text): one entry per token.
    std::vector<TermAt> in[3];
    const auto matches = decode_fts_matches(sqlite3_column_blob(s, 7), static_cast<size_t>(sqlite3_column_bytes(s, 7)));
    for (const FtsMatch& m : matches) {
      if (m.column < 0 || m.column > 2 || m.phrase < 0 || static_cast<size_t>(m.phrase) >= terms.size()) continue;
      in[m.column].push_back({static_cast<size_t>(m.token), first_equal[static_cast<size_t>(m.phrase)]});
    }
    for (auto& v : in) {
      std::sort(v.begin(), v.end(), [](const TermAt& a, const TermAt& b) { return a.token < b.token; });
      v.erase(std::unique(v.begin(), v.end(), [](const TermAt& a, const TermAt& b) { return a.token == b.token; }), v.end());
    }
    // The snippet: from the lead, the body or the title, whichever holds most of the words (in that order
    // on a tie). A text without a match scores nothing, so the body is not read then.
    SearchSnippet best(lead, in[1], terms.size(), *tokenizer_);
    std::string body;
    if (best.score() < terms.size() && !in[2].empty()) {
      sqlite3_stmt* b = prepare("SELECT text FROM articles WHERE link_order = ?1");
      if (!b) return error("cannot search");
      sqlite3_bind_int64(b, 1, sqlite3_column_int64(s, 6));
      if (sqlite3_step(b) == SQLITE_ROW) body = column_text(b, 0);
      sqlite3_reset(b);
      if (SearchSnippet candidate(body, in[2], terms.size(), *tokenizer_); candidate.score() > best.score()) best = candidate;
    }
    if (best.score() < terms.size() && !in[0].empty()) {
      if (SearchSnippet candidate(hit.title, in[0], terms.size(), *tokenizer_); candidate.score() > best.score()) best = candidate;
    }
    hit.snippet = best.text();
    page.hits.push_back(std::move(hit));
  }
  sqlite3_reset(s);
  if (rc != SQLITE_DONE) return error("cannot search");
  return page;
}

Result<std::vector<SourceRow>> StoreReader::sources(int64_t limit) {
  sqlite3_stmt* s = prepare("SELECT source, count(*), count(DISTINCT story_id) FROM articles WHERE source IS NOT NULL"
                            " GROUP BY source ORDER BY count(*) DESC, source LIMIT ?1");
  if (!s) return error("cannot list sources");
  sqlite3_bind_int64(s, 1, limit);
  std::vector<SourceRow> out;
  while (sqlite3_step(s) == SQLITE_ROW) out.push_back({column_text(s, 0), sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2)});
  sqlite3_reset(s);
  return out;
}

}  // namespace recoupe
