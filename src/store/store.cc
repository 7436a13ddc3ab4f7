#include "store/store.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include <cstring>

#include "common/json_writer.h"
#include "common/string_store.h"
#include "doc/serializer.h"
#include "store/fts_tokenizer.h"
#include "store/sqlite_columns.h"

namespace recoupe {
namespace {

// Format 2 adds what the article's quotations gave their utterances; format 1 is still read.
constexpr uint32_t kFeaturesFormat = 2;

const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories(
  id INTEGER PRIMARY KEY,          -- the clusterer's index + 1; label is 's' || id
  title TEXT NOT NULL,             -- title (or start of text) of its first article
  first_ts INTEGER, last_ts INTEGER,             -- UTC seconds of its dated articles
  first_published TEXT, last_published TEXT,     -- the same, as the sources gave them
  articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS articles(
  id TEXT PRIMARY KEY,
  link_order INTEGER NOT NULL UNIQUE,  -- position in the link stream; replayed in this order
  published TEXT, published_ts INTEGER,
  source TEXT, url TEXT, lang TEXT,
  title TEXT, abstract TEXT, text TEXT,
  story_id INTEGER NOT NULL REFERENCES stories(id),
  duplicate_of TEXT,
  flags TEXT,             -- JSON array
  analysis TEXT NOT NULL, -- the contract's JSON line
  link_decision TEXT NOT NULL,
  features BLOB NOT NULL  -- link features, see encode_features()
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id);
CREATE INDEX IF NOT EXISTS stories_last ON stories(last_ts);
CREATE TABLE IF NOT EXISTS terms(hash INTEGER PRIMARY KEY, text TEXT NOT NULL);  -- readable terms for explanations
)SQL";

// Version 2: what the reader (serve) looks up. Everything here is derived from the articles table by
// triggers, inside the transaction that stores the article, so a killed ingest leaves no half-indexed
// article and a re-ingest (which stores nothing new) changes nothing. Entities and quotations are read
// from the article's contract JSON, whatever the analysis put there.
// Version 3: one entity table for the reader and `recoupe entities` (it replaces version 2's
// article_entities and the entity_mentions table). Triggers write it rather than C++ at add(): the
// same SQL fills it from the JSON at insert, at re-analysis (an UPDATE of analysis) and at migration,
// so it cannot disagree with the stored analysis.
// Version 4: articles_search_row, what a search hit shows. The articles table is WITHOUT ROWID with
// rows of several kB (text, analysis), so that a lookup in it copies whole rows out of their overflow
// pages at every key it compares (SQLite does so for overflowing keys): 15-20 µs of CPU a row, against
// about 1 µs in this index, which was a third of a search's time for its page of 20 hits.
const char* kSearchRowIndex =
    "CREATE INDEX IF NOT EXISTS articles_search_row ON articles(link_order, story_id, title, source, published, abstract);";
const char* kIndexSchema = R"SQL(
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);
CREATE INDEX IF NOT EXISTS stories_articles ON stories(articles, last_ts);
CREATE INDEX IF NOT EXISTS articles_order_story ON articles(link_order, story_id);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
  title, abstract, text, content='articles', content_rowid='link_order', tokenize='recoupe_fr');
CREATE TABLE IF NOT EXISTS article_entities(
  name TEXT NOT NULL,              -- the entity's canonical name (its text when it has none)
  type TEXT NOT NULL,
  surface TEXT NOT NULL,           -- the text as written
  canonical INTEGER NOT NULL,      -- 1 when the analysis gave the canonical name (`recoupe entities` lists only those)
  link_order INTEGER NOT NULL,     -- the article
  story_id INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY(name, type, surface, canonical, link_order)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_entities_article ON article_entities(link_order);
CREATE INDEX IF NOT EXISTS article_entities_story ON article_entities(story_id);
CREATE TABLE IF NOT EXISTS article_quotes(
  link_order INTEGER NOT NULL, n INTEGER NOT NULL,  -- the article, and the quotation's rank in it
  story_id INTEGER NOT NULL,
  speaker TEXT, utterance TEXT, quote TEXT NOT NULL,
  PRIMARY KEY(link_order, n)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_quotes_speaker ON article_quotes(speaker);
CREATE INDEX IF NOT EXISTS article_quotes_story ON article_quotes(story_id);
)SQL";

const char* kAnalysisJson = "CASE WHEN json_valid(a.analysis) THEN a.analysis ELSE '{}' END";

// Fills article_entities from the contract JSON of the articles of `source` (a table or subquery with
// link_order, story_id and analysis): one row per article, name, type and surface form. The holders of
// photo credits stay out: the agency that took the pictures is not a name the story cites (nor one of
// its people), though the stored analysis keeps it.
std::string index_entities_sql(const std::string& source) {
  return "INSERT OR IGNORE INTO article_entities(name, type, surface, canonical, link_order, story_id, mentions)"
         " SELECT coalesce(json_extract(e.value, '$.canonical'), json_extract(e.value, '$.text')) AS nm,"
         "  coalesce(json_extract(e.value, '$.type'), 'MISC') AS ty,"
         "  coalesce(CAST(json_extract(e.value, '$.text') AS TEXT), '') AS sf,"
         "  json_extract(e.value, '$.canonical') IS NOT NULL AS named, a.link_order, a.story_id, count(*)"
         " FROM " + source + " a, json_each(" + kAnalysisJson + ", '$.entities') e"
         " WHERE json_type(e.value) = 'object' AND nm IS NOT NULL AND CAST(nm AS TEXT) <> ''"
         "  AND coalesce(json_extract(e.value, '$.field'), '') <> 'credits'"
         " GROUP BY a.link_order, nm, ty, sf, named;";
}

// Fills article_quotes the same way.
std::string index_quotes_sql(const std::string& source) {
  return "INSERT OR IGNORE INTO article_quotes(link_order, n, story_id, speaker, utterance, quote)"
         " SELECT a.link_order, q.key, a.story_id, json_extract(q.value, '$.speaker'),"
         "  CAST(json_extract(q.value, '$.utterance') AS TEXT), json_extract(q.value, '$.quote')"
         " FROM " + source + " a, json_each(" + kAnalysisJson + ", '$.quotes') q"
         " WHERE json_type(q.value) = 'object' AND json_type(q.value, '$.quote') = 'text';";
}

std::string index_triggers_sql() {
  const std::string row = "(SELECT new.link_order AS link_order, new.story_id AS story_id, new.analysis AS analysis)";
  return "CREATE TRIGGER IF NOT EXISTS articles_indexed AFTER INSERT ON articles BEGIN"
         " INSERT INTO articles_fts(rowid, title, abstract, text) VALUES (new.link_order, new.title, new.abstract, new.text);" +
         index_entities_sql(row) + index_quotes_sql(row) +
         " END;"
         // The analysis of a stored article may be rewritten (a later analysis, a hand-made fixture).
         "CREATE TRIGGER IF NOT EXISTS articles_reindexed AFTER UPDATE OF analysis ON articles BEGIN"
         " DELETE FROM article_entities WHERE link_order = old.link_order;"
         " DELETE FROM article_quotes WHERE link_order = old.link_order;" +
         index_entities_sql(row) + index_quotes_sql(row) + " END;";
}

class Stmt {
 public:
  Stmt() = default;
  ~Stmt() { sqlite3_finalize(s_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool prepare(sqlite3* db, const char* sql) { return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) == SQLITE_OK; }
  sqlite3_stmt* get() { return s_; }
  void reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  void text(int i, std::string_view v) { sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }
  void text_or_null(int i, std::string_view v) {
    if (v.empty()) sqlite3_bind_null(s_, i); else text(i, v);
  }
  void integer(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void null(int i) { sqlite3_bind_null(s_, i); }
  void blob(int i, std::string_view v) { sqlite3_bind_blob(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT); }

 private:
  sqlite3_stmt* s_ = nullptr;
};

template <typename T>
void put(std::string& out, T v) {
  char buf[sizeof(T)];
  std::memcpy(buf, &v, sizeof(T));
  out.append(buf, sizeof(T));
}
template <typename T>
bool take(std::string_view& in, T& v) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(&v, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

}  // namespace

struct Store::Statements {
  Stmt contains, insert_article, upsert_story, insert_term;
};

std::string encode_features(const LinkFeatures& f, const std::vector<UtteranceRecord>& utterances) {
  std::string out;
  out.reserve(20 + f.terms.size() * 12 + f.names.size() * 8 + f.minhash.size() * 4);
  put<uint32_t>(out, kFeaturesFormat);
  put<uint32_t>(out, static_cast<uint32_t>(f.terms.size()));
  for (const auto& t : f.terms) {
    put<uint64_t>(out, t.term);
    put<float>(out, t.weight);
  }
  put<uint32_t>(out, static_cast<uint32_t>(f.names.size()));
  for (uint64_t n : f.names) put<uint64_t>(out, n);
  put<uint32_t>(out, static_cast<uint32_t>(f.minhash.size()));
  for (uint32_t m : f.minhash) put<uint32_t>(out, m);
  put<uint32_t>(out, static_cast<uint32_t>(utterances.size()));
  for (const UtteranceRecord& u : utterances) {
    put<uint64_t>(out, u.id);
    put<uint32_t>(out, static_cast<uint32_t>(u.speaker.size()));
    out += u.speaker;
    put<uint32_t>(out, static_cast<uint32_t>(u.terms.size()));
    for (uint64_t t : u.terms) put<uint64_t>(out, t);
  }
  return out;
}

Result<StoredFeatures> decode_features(std::string_view in) {
  StoredFeatures stored;
  LinkFeatures& f = stored.link;
  uint32_t format = 0, n = 0;
  const Error bad{Errc::kCorrupt, "stored link features are truncated or of an unknown format"};
  if (!take(in, format) || format < 1 || format > kFeaturesFormat || !take(in, n) || n > in.size() / 12) return bad;
  f.terms.resize(n);
  for (auto& t : f.terms) {
    if (!take(in, t.term) || !take(in, t.weight)) return bad;
  }
  if (!take(in, n) || n > in.size() / 8) return bad;
  f.names.resize(n);
  for (auto& x : f.names) {
    if (!take(in, x)) return bad;
  }
  if (!take(in, n) || n > in.size() / 4) return bad;
  f.minhash.resize(n);
  for (auto& x : f.minhash) {
    if (!take(in, x)) return bad;
  }
  if (format >= 2) {  // format 1 (before utterances were kept) ends here
    if (!take(in, n) || n > in.size() / 16) return bad;
    stored.utterances.resize(n);
    for (UtteranceRecord& u : stored.utterances) {
      uint32_t len = 0;
      if (!take(in, u.id) || !take(in, len) || len > in.size()) return bad;
      u.speaker.assign(in.substr(0, len));
      in.remove_prefix(len);
      if (!take(in, n) || n > in.size() / 8) return bad;
      u.terms.resize(n);
      for (auto& t : u.terms) {
        if (!take(in, t)) return bad;
      }
    }
  }
  if (!in.empty()) return bad;
  return stored;
}

Store::Store(sqlite3* db, std::string path) : db_(db), path_(std::move(path)), stmts_(std::make_unique<Statements>()) {}

Store::~Store() {
  stmts_.reset();
  sqlite3_close(db_);
  if (lock_fd_ >= 0) close(lock_fd_);  // releases the lock
}

Status Store::lock_writer() {
  if (lock_fd_ >= 0) return {};
  const std::string lock_path = path_ + ".writer-lock";
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Error{Errc::kIo, lock_path + ": cannot open: " + std::strerror(errno)};
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    close(fd);
    return Error{Errc::kBusy, path_ + ": another process is writing to this database (" + lock_path + " is locked)"};
  }
  lock_fd_ = fd;
  return {};
}

Status Store::exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    const int code = sqlite3_errcode(db_);
    std::string msg = path_ + ": " + (err ? err : "sqlite error");
    sqlite3_free(err);
    return Error{code == SQLITE_BUSY || code == SQLITE_LOCKED ? Errc::kBusy
                 : code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? Errc::kCorrupt
                                                                     : Errc::kIo,
                 msg};
  }
  return {};
}

Result<std::unique_ptr<Store>> Store::open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string msg = path + ": cannot open database: " + (db ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close(db);
    return Error{Errc::kIo, msg};
  }
  sqlite3_busy_timeout(db, 10000);
  std::unique_ptr<Store> store(new Store(db, path));
  // synchronous=NORMAL in WAL mode: a power cut may lose the last transactions but never
  // corrupts; a killed process loses nothing that was committed.
  if (Status st = store->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"); !st) {
    return st.error();
  }
  if (Status st = register_fts_tokenizer(db); !st) return Error{st.error().code, path + ": " + st.error().message};
  if (Status st = store->migrate(); !st) return st.error();
  auto& s = *store->stmts_;
  if (!s.contains.prepare(db, "SELECT 1 FROM articles WHERE id=?1") ||
      !s.insert_article.prepare(db,
          "INSERT INTO articles(id, link_order, published, published_ts, source, url, lang, title, abstract, text,"
          " story_id, duplicate_of, flags, analysis, link_decision, features)"
          " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16)") ||
      !s.upsert_story.prepare(db,
          "INSERT INTO stories(id, title, first_ts, last_ts, first_published, last_published, articles)"
          " VALUES (?1, ?2, ?3, ?3, ?4, ?4, 1)"
          " ON CONFLICT(id) DO UPDATE SET articles = articles + 1,"
          "  first_published = CASE WHEN ?3 IS NOT NULL AND (first_ts IS NULL OR ?3 < first_ts) THEN ?4 ELSE first_published END,"
          "  first_ts = CASE WHEN ?3 IS NOT NULL AND (first_ts IS NULL OR ?3 < first_ts) THEN ?3 ELSE first_ts END,"
          "  last_published = CASE WHEN ?3 IS NOT NULL AND (last_ts IS NULL OR ?3 > last_ts) THEN ?4 ELSE last_published END,"
          "  last_ts = CASE WHEN ?3 IS NOT NULL AND (last_ts IS NULL OR ?3 > last_ts) THEN ?3 ELSE last_ts END") ||
      !s.insert_term.prepare(db, "INSERT OR IGNORE INTO terms(hash, text) VALUES (?1, ?2)")) {
    return Error{Errc::kIo, path + ": " + sqlite3_errmsg(db)};
  }
  return store;
}

int Store::schema_version() {
  Stmt get;
  if (!get.prepare(db_, "SELECT value FROM meta WHERE key='schema_version'")) return 0;  // a new file
  return sqlite3_step(get.get()) == SQLITE_ROW ? sqlite3_column_int(get.get(), 0) : 0;
}

Status Store::migrate() {
  // Readers open while a writer works: take the write lock only when there is something to do.
  if (schema_version() == kSchemaVersion) return {};
  // One transaction: a migration killed half-way leaves the database as it was.
  if (Status st = exec("BEGIN IMMEDIATE"); !st) return st;
  auto fail = [&](Status st) {
    (void)exec("ROLLBACK");
    return st;
  };
  if (Status st = exec(kSchema); !st) return fail(st);
  const int version = schema_version();
  if (version > kSchemaVersion) {
    return fail(Error{Errc::kCorrupt, path_ + ": database schema version " + std::to_string(version) +
                                          ", this recoupe reads versions up to " + std::to_string(kSchemaVersion)});
  }
  if (version < 3) {
    // Versions 1 and 2 may hold entity_mentions (filled by C++ at add, flagged by a meta key) and
    // version 2 an article_entities without surface forms: both give way to version 3's table, and
    // the triggers that wrote the old one are made again.
    if (Status st = exec("DROP TABLE IF EXISTS entity_mentions; DELETE FROM meta WHERE key = 'entity_mentions';"
                         " DROP TRIGGER IF EXISTS articles_indexed; DROP TRIGGER IF EXISTS articles_reindexed;"
                         " DROP TABLE IF EXISTS article_entities;");
        !st) {
      return fail(st);
    }
    if (Status st = exec(kIndexSchema); !st) return fail(st);
    if (Status st = exec(index_triggers_sql().c_str()); !st) return fail(st);
    if (version < 2) {
      // Version 1 had no reader indexes: build them from the stored articles (new databases have none).
      if (Status st = exec("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')"); !st) return fail(st);
      if (Status st = exec(index_quotes_sql("articles").c_str()); !st) return fail(st);
    }
    if (Status st = exec(index_entities_sql("articles").c_str()); !st) return fail(st);
  }
  if (version < 4) {
    if (Status st = exec(kSearchRowIndex); !st) return fail(st);
    // Version 4's triggers leave photo-credit holders out of article_entities: version 3's are made
    // again (its articles have no credits, so nothing indexed needs to change).
    if (version == 3) {
      if (Status st = exec("DROP TRIGGER IF EXISTS articles_indexed; DROP TRIGGER IF EXISTS articles_reindexed;"); !st) {
        return fail(st);
      }
      if (Status st = exec(index_triggers_sql().c_str()); !st) return fail(st);
    }
  }
  if (version != kSchemaVersion) {
    const std::string set = "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '" +
                            std::to_string(kSchemaVersion) + "')";
    if (Status st = exec(set.c_str()); !st) return fail(st);
  }
  return exec("COMMIT");
}

bool Store::contains(const std::string& id) {
  Stmt& s = stmts_->contains;
  s.reset();
  s.text(1, id);
  return sqlite3_step(s.get()) == SQLITE_ROW;
}

int64_t Store::article_count() {
  Stmt s;
  s.prepare(db_, "SELECT count(*) FROM articles");
  return sqlite3_step(s.get()) == SQLITE_ROW ? sqlite3_column_int64(s.get(), 0) : 0;
}

Status Store::add(const std::vector<Doc>& docs) {
  if (docs.empty()) return {};
  if (Status st = exec("BEGIN IMMEDIATE"); !st) return st;
  auto fail = [&](const std::string& what) -> Status {
    std::string msg = path_ + ": " + what + ": " + sqlite3_errmsg(db_);
    (void)exec("ROLLBACK");  // the error that made us roll back is the one to report
    return Error{Errc::kIo, msg};
  };
  std::string analysis, flags;
  for (const Doc& d : docs) {
    const int64_t story_id = static_cast<int64_t>(std::stoul(d.link.story.substr(1)));
    Stmt& st = stmts_->upsert_story;
    st.reset();
    st.integer(1, story_id);
    std::string title = d.field(Field::kTitle);
    if (title.empty()) title = d.field(Field::kText).substr(0, d.field(Field::kText).find('\n')).substr(0, 160);
    st.text(2, title);
    if (d.published) {
      st.integer(3, d.published->seconds);
      st.text(4, d.published_text);
    } else {
      st.null(3);
      st.null(4);
    }
    if (sqlite3_step(st.get()) != SQLITE_DONE) return fail("cannot update story " + d.link.story);

    analysis.clear();
    append_contract_json(d, analysis);
    if (!analysis.empty() && analysis.back() == '\n') analysis.pop_back();
    flags.clear();
    JsonWriter fw(flags);
    fw.begin_array();
    for (const auto& f : d.flag_kinds()) fw.value(f);
    fw.end_array();

    Stmt& a = stmts_->insert_article;
    a.reset();
    a.text(1, d.id);
    a.integer(2, static_cast<int64_t>(d.link.order));
    a.text_or_null(3, d.published_text);
    if (d.published) a.integer(4, d.published->seconds); else a.null(4);
    a.text_or_null(5, d.source);
    a.text_or_null(6, d.url);
    a.text_or_null(7, d.lang);
    a.text_or_null(8, d.field(Field::kTitle));
    a.text_or_null(9, d.field(Field::kAbstract));
    a.text_or_null(10, d.field(Field::kText));
    a.integer(11, story_id);
    if (d.link.duplicate_of) a.text(12, *d.link.duplicate_of); else a.null(12);
    a.text(13, flags);
    a.text(14, analysis);
    a.text(15, link_decision_json(d));
    a.blob(16, encode_features(d.features, UtteranceGrouper::records_of(d)));
    if (sqlite3_step(a.get()) != SQLITE_DONE) return fail("cannot store article " + d.id);

    Stmt& t = stmts_->insert_term;
    for (const auto& tw : d.features.terms) {
      if (known_terms_.count(tw.term)) continue;
      t.reset();
      t.integer(1, static_cast<int64_t>(tw.term));
      t.text(2, StringStore::global().lookup(tw.term));
      if (sqlite3_step(t.get()) != SQLITE_DONE) return fail("cannot store terms");
      known_terms_.insert(tw.term);
    }
  }
  if (Status st = exec("COMMIT"); !st) {
    (void)exec("ROLLBACK");  // the error that made us roll back is the one to report
    return st;
  }
  return {};
}

Result<std::vector<EntityVariants>> Store::entities(const std::string& type, int64_t limit) {
  Stmt s;
  if (!s.prepare(db_,
                 "SELECT m.type, m.name, sum(m.mentions) AS n, count(DISTINCT m.link_order),"
                 " (SELECT group_concat(surface, char(31)) FROM (SELECT surface, sum(mentions) AS k"
                 "   FROM article_entities v WHERE v.name = m.name AND v.type = m.type AND v.canonical = 1"
                 "   GROUP BY surface ORDER BY k DESC, surface)),"
                 " (SELECT group_concat('s' || story_id, char(31)) FROM (SELECT story_id, count(*) AS k"
                 "   FROM article_entities w WHERE w.name = m.name AND w.type = m.type AND w.canonical = 1"
                 "   GROUP BY story_id ORDER BY k DESC, story_id))"
                 " FROM article_entities m WHERE m.canonical = 1 AND (?1 = '' OR m.type = ?1)"
                 " GROUP BY m.type, m.name ORDER BY n DESC, m.name, m.type LIMIT ?2")) {
    return Error{Errc::kIo, path_ + ": " + sqlite3_errmsg(db_)};
  }
  s.text(1, type);
  s.integer(2, limit);
  std::vector<EntityVariants> rows;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    EntityVariants r;
    r.type = column_text(s.get(), 0);
    r.canonical = column_text(s.get(), 1);
    r.mentions = sqlite3_column_int64(s.get(), 2);
    r.articles = sqlite3_column_int64(s.get(), 3);
    r.variants = split_unit_separated(column_text(s.get(), 4));
    r.stories = split_unit_separated(column_text(s.get(), 5));
    rows.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return Error{Errc::kIo, path_ + ": " + sqlite3_errmsg(db_)};
  return rows;
}

Status Store::load_into(Linker& linker) {
  {
    Stmt terms;
    terms.prepare(db_, "SELECT hash, text FROM terms");
    while (sqlite3_step(terms.get()) == SQLITE_ROW) {
      const auto h = static_cast<uint64_t>(sqlite3_column_int64(terms.get(), 0));
      known_terms_.insert(h);
      StringStore::global().intern(h, column_text(terms.get(), 1));
    }
  }
  Stmt s;
  if (!s.prepare(db_, "SELECT id, published, story_id, duplicate_of, features FROM articles ORDER BY link_order")) {
    return Error{Errc::kIo, path_ + ": " + sqlite3_errmsg(db_)};
  }
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    const std::string id = column_text(s.get(), 0);
    std::optional<Timestamp> published;
    if (sqlite3_column_type(s.get(), 1) != SQLITE_NULL) published = Timestamp::parse(column_text(s.get(), 1));
    const std::string story = "s" + std::to_string(sqlite3_column_int64(s.get(), 2));
    std::optional<std::string> dup;
    if (sqlite3_column_type(s.get(), 3) != SQLITE_NULL) dup = column_text(s.get(), 3);
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(s.get(), 4));
    auto features = decode_features(std::string_view(blob ? blob : "", static_cast<size_t>(sqlite3_column_bytes(s.get(), 4))));
    if (!features) return Error{Errc::kCorrupt, path_ + ": article " + id + ": " + features.error().message};
    linker.replay(id, features->link, published, story, dup, features->utterances);
  }
  if (rc != SQLITE_DONE) return Error{Errc::kIo, path_ + ": " + sqlite3_errmsg(db_)};
  // Utterance ids go on from the highest stored, so that a resumed ingest never reuses one (articles
  // stored in features format 1 gave no utterance records).
  Stmt u;
  if (u.prepare(db_, "SELECT max(CAST(substr(utterance, 2) AS INTEGER)) FROM article_quotes") &&
      sqlite3_step(u.get()) == SQLITE_ROW) {
    linker.skip_utterance_ids(static_cast<uint64_t>(sqlite3_column_int64(u.get(), 0)));
  }
  return {};
}

std::string story_event_date(std::vector<std::string> dates) {
  dates.erase(std::remove(dates.begin(), dates.end(), std::string()), dates.end());
  if (dates.empty()) return {};
  std::sort(dates.begin(), dates.end());  // ISO dates sort by time
  for (size_t i = 1; i < dates.size(); ++i) {
    if (dates[i] == dates[i - 1]) return dates[i];
  }
  return dates[(dates.size() - 1) / 2];
}

std::string story_event_place(const std::vector<std::string>& places) {
  std::string best;
  size_t best_count = 0;
  for (const std::string& p : places) {
    if (p.empty()) continue;
    const auto count = static_cast<size_t>(std::count(places.begin(), places.end(), p));
    if (count > best_count) {  // strictly more: the earliest keeps a tie
      best = p;
      best_count = count;
    }
  }
  return best;
}

Result<std::vector<StoryRow>> Store::stories(int64_t limit) {
  Stmt s;
  // The articles' event dates and places are read from their stored analysis (the contract's "event_date"),
  // the people from the entity table its triggers keep.
  if (!s.prepare(db_,
                 "SELECT s.id, s.title, s.first_published, s.last_published, s.articles,"
                 " (SELECT group_concat(src, char(31)) FROM (SELECT DISTINCT source AS src FROM articles a"
                 "   WHERE a.story_id = s.id AND source IS NOT NULL ORDER BY source)),"
                 " (SELECT group_concat(ed, char(31)) FROM (SELECT json_extract(a.analysis, '$.event_date') AS ed"
                 "   FROM articles a WHERE a.story_id = s.id) WHERE ed IS NOT NULL),"
                 " (SELECT group_concat(ep, char(31)) FROM (SELECT json_extract(a.analysis, '$.event_place') AS ep"
                 "   FROM articles a WHERE a.story_id = s.id ORDER BY a.link_order) WHERE ep IS NOT NULL),"
                 " (SELECT group_concat(name, char(31)) FROM (SELECT e.name FROM article_entities e"
                 "   WHERE e.story_id = s.id AND e.type = 'PER' AND e.canonical = 1 GROUP BY e.name"
                 "   ORDER BY count(DISTINCT e.link_order) DESC, sum(e.mentions) DESC, e.name LIMIT 3))"
                 " FROM stories s ORDER BY s.last_ts IS NULL, s.last_ts DESC, s.id DESC LIMIT ?1")) {
    return Error{Errc::kIo, path_ + ": " + sqlite3_errmsg(db_)};
  }
  s.integer(1, limit);
  std::vector<StoryRow> rows;
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    StoryRow r;
    r.id = sqlite3_column_int64(s.get(), 0);
    r.label = "s" + std::to_string(r.id);
    r.title = column_text(s.get(), 1);
    r.first_published = column_text(s.get(), 2);
    r.last_published = column_text(s.get(), 3);
    r.articles = sqlite3_column_int64(s.get(), 4);
    r.sources = split_unit_separated(column_text(s.get(), 5));
    r.event_date = story_event_date(split_unit_separated(column_text(s.get(), 6)));
    r.event_place = story_event_place(split_unit_separated(column_text(s.get(), 7)));
    r.people = split_unit_separated(column_text(s.get(), 8));
    rows.push_back(std::move(r));
  }
  return rows;
}

Result<std::string> Store::link_decision(const std::string& id) {
  Stmt s;
  s.prepare(db_, "SELECT link_decision FROM articles WHERE id=?1");
  s.text(1, id);
  if (sqlite3_step(s.get()) != SQLITE_ROW) return Error{Errc::kNotFound, "no article with id " + id + " in " + path_};
  return column_text(s.get(), 0);
}

Result<std::vector<ReportedQuote>> Store::quotes(const std::string& speaker, const std::string& story) {
  // Quotations live in each article's contract JSON (its `quotes` array); SQLite's JSON functions read them.
  Stmt s;
  if (!s.prepare(db_,
                 "SELECT a.story_id, json_extract(q.value, '$.utterance'), json_extract(q.value, '$.speaker'),"
                 " json_extract(q.value, '$.quote'), a.id, a.source, a.published"
                 " FROM articles a, json_each(a.analysis, '$.quotes') q"
                 " WHERE (?1 = '' OR instr(lower(coalesce(json_extract(q.value, '$.speaker'), '')), lower(?1)) > 0)"
                 "   AND (?2 = '' OR 's' || a.story_id = ?2)"
                 " ORDER BY a.story_id, CAST(substr(json_extract(q.value, '$.utterance'), 2) AS INTEGER),"
                 "   a.link_order, q.key")) {
    return Error{Errc::kIo, path_ + ": " + sqlite3_errmsg(db_)};
  }
  s.text(1, speaker);
  s.text(2, story);
  std::vector<ReportedQuote> rows;
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    ReportedQuote r;
    r.story = "s" + std::to_string(sqlite3_column_int64(s.get(), 0));
    r.utterance = column_text(s.get(), 1);
    r.speaker = column_text(s.get(), 2);
    r.quote = column_text(s.get(), 3);
    r.article = column_text(s.get(), 4);
    r.source = column_text(s.get(), 5);
    r.published = column_text(s.get(), 6);
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace recoupe
