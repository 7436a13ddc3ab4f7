// tests/store/store_migration_test.cc
//
// Databases as schema versions 1 and 2 left them (built here with their DDL), opened by this Store: one
// entity table with surface forms, entity_mentions gone, the reader and `recoupe entities` reading the
// same rows, re-analysis still re-indexed.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/fts_tokenizer.h"
#include "store/store.h"
#include "store/store_reader.h"

namespace recoupe {
namespace {

namespace fs = std::filesystem;

// Version 1's tables, and the entity_mentions table that came beside them (filled by C++ at add).
const char* kV1 = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE stories(id INTEGER PRIMARY KEY, title TEXT NOT NULL, first_ts INTEGER, last_ts INTEGER,
  first_published TEXT, last_published TEXT, articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE articles(id TEXT PRIMARY KEY, link_order INTEGER NOT NULL UNIQUE, published TEXT, published_ts INTEGER,
  source TEXT, url TEXT, lang TEXT, title TEXT, abstract TEXT, text TEXT,
  story_id INTEGER NOT NULL REFERENCES stories(id), duplicate_of TEXT, flags TEXT, analysis TEXT NOT NULL,
  link_decision TEXT NOT NULL, features BLOB NOT NULL) WITHOUT ROWID;
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX stories_last ON stories(last_ts);
CREATE TABLE terms(hash INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE entity_mentions(article_id TEXT NOT NULL REFERENCES articles(id), type TEXT NOT NULL,
  canonical TEXT NOT NULL, surface TEXT NOT NULL, mentions INTEGER NOT NULL,
  PRIMARY KEY(article_id, type, canonical, surface)) WITHOUT ROWID;
CREATE INDEX entity_mentions_name ON entity_mentions(canonical, type);
INSERT INTO meta VALUES ('entity_mentions', '1');
)SQL";

// Version 2's reader indexes: article_entities without surface forms, written by an insert trigger.
const char* kV2 = R"SQL(
CREATE INDEX articles_source ON articles(source);
CREATE INDEX stories_articles ON stories(articles, last_ts);
CREATE INDEX articles_order_story ON articles(link_order, story_id);
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, abstract, text, content='articles', content_rowid='link_order', tokenize='recoupe_fr');
CREATE TABLE article_entities(name TEXT NOT NULL, type TEXT NOT NULL, link_order INTEGER NOT NULL,
  story_id INTEGER NOT NULL, mentions INTEGER NOT NULL, PRIMARY KEY(name, link_order)) WITHOUT ROWID;
CREATE INDEX article_entities_article ON article_entities(link_order);
CREATE INDEX article_entities_story ON article_entities(story_id);
CREATE TABLE article_quotes(link_order INTEGER NOT NULL, n INTEGER NOT NULL, story_id INTEGER NOT NULL,
  speaker TEXT, utterance TEXT, quote TEXT NOT NULL, PRIMARY KEY(link_order, n)) WITHOUT ROWID;
CREATE INDEX article_quotes_speaker ON article_quotes(speaker);
CREATE INDEX article_quotes_story ON article_quotes(story_id);
CREATE TRIGGER articles_indexed AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, abstract, text) VALUES (new.link_order, new.title, new.abstract, new.text);
  INSERT OR IGNORE INTO article_entities(name, type, link_order, story_id, mentions)
    SELECT coalesce(json_extract(e.value, '$.canonical'), json_extract(e.value, '$.text')) AS nm,
      coalesce(max(json_extract(e.value, '$.type')), 'MISC'), new.link_order, new.story_id, count(*)
    FROM json_each(new.analysis, '$.entities') e GROUP BY nm;
  INSERT OR IGNORE INTO article_quotes(link_order, n, story_id, speaker, utterance, quote)
    SELECT new.link_order, q.key, new.story_id, json_extract(q.value, '$.speaker'),
      json_extract(q.value, '$.utterance'), json_extract(q.value, '$.quote')
    FROM json_each(new.analysis, '$.quotes') q;
END;
)SQL";

// Two articles of one story: the mayor by full name and surname, Quimper three times, the town hall
// without a canonical name (the reader lists it, `recoupe entities` does not).
const char* kArticles = R"SQL(
INSERT INTO stories VALUES (1, 'La halle de Quimper rouvre', 1715000000, 1715090000,
  '2024-05-06T14:53:20Z', '2024-05-07T15:53:20Z', 2);
INSERT INTO articles VALUES ('q1', 1, '2024-05-06T14:53:20Z', 1715000000, 'Le Finistérien', NULL, 'fr',
  'La halle de Quimper rouvre', NULL, 'Margaux Kerbrat annonce la réouverture. Kerbrat remercie la mairie de Quimper.',
  1, NULL, '[]', '{"entities":[{"type":"PER","text":"Margaux Kerbrat","canonical":"Margaux Kerbrat"},{"type":"PER","text":"Kerbrat","canonical":"Margaux Kerbrat"},{"type":"ORG","text":"la mairie"},{"type":"LOC","text":"Quimper","canonical":"Quimper"}]}',
  '{}', x'');
INSERT INTO articles VALUES ('q2', 2, '2024-05-07T15:53:20Z', 1715090000, 'Brest Soir', NULL, 'fr',
  'Quimper : la halle ouverte', NULL, 'À Quimper, Kerbrat coupe le ruban. « Nous rouvrirons la halle », dit-elle. Quimper fête.',
  1, NULL, '[]', '{"entities":[{"type":"LOC","text":"Quimper","canonical":"Quimper"},{"type":"PER","text":"Kerbrat","canonical":"Margaux Kerbrat"},{"type":"LOC","text":"Quimper","canonical":"Quimper"}],"quotes":[{"speaker":"Margaux Kerbrat","utterance":"u1","quote":"Nous rouvrirons la halle"}]}',
  '{}', x'');
INSERT INTO entity_mentions VALUES ('q1', 'PER', 'Margaux Kerbrat', 'Margaux Kerbrat', 1),
  ('q1', 'PER', 'Margaux Kerbrat', 'Kerbrat', 1), ('q1', 'LOC', 'Quimper', 'Quimper', 1),
  ('q2', 'LOC', 'Quimper', 'Quimper', 2), ('q2', 'PER', 'Margaux Kerbrat', 'Kerbrat', 1);
)SQL";

class StoreMigration : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() /
             ("recoupe_migration_" + std::to_string(::getpid()) + "_v" + std::to_string(GetParam()) + ".db"))
                .string();
    Remove();
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm", ".writer-lock"}) fs::remove(path_ + suffix);
  }
  // Runs `sql` on a connection of its own (the tokenizer registered, as version 2's FTS table needs it).
  void Exec(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_TRUE(register_fts_tokenizer(db).ok());
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    const std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
  }
  // The first column of the first row of `sql`, as text ("" when no row).
  std::string Query(const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path_.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
      const auto* p = sqlite3_column_text(s, 0);
      out = p ? reinterpret_cast<const char*>(p) : "";
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
  }
  void MakeOld(int version) {
    Exec(kV1);
    if (version >= 2) Exec(kV2);
    Exec(kArticles);
    Exec("INSERT INTO meta VALUES ('schema_version', '" + std::to_string(version) + "')");
  }
  std::string path_;
};

TEST_P(StoreMigration, OneEntityTableForBothReaders) {
  const int version = GetParam();
  MakeOld(version);
  // The reader never migrates: it refuses the old file and leaves it as it was.
  EXPECT_FALSE(StoreReader::open(path_).ok());
  EXPECT_EQ(Query("SELECT value FROM meta WHERE key = 'schema_version'"), std::to_string(version));

  {
    auto store = Store::open(path_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    auto listed = store.value()->entities("", 10);
    ASSERT_TRUE(listed.ok()) << listed.error().message;
    ASSERT_EQ(listed->size(), 2u);  // the town hall has no canonical name
    const EntityVariants& mayor = (*listed)[0];
    EXPECT_EQ(mayor.canonical, "Margaux Kerbrat");
    EXPECT_EQ(mayor.type, "PER");
    EXPECT_EQ(mayor.mentions, 3);
    EXPECT_EQ(mayor.articles, 2);
    EXPECT_EQ(mayor.variants, (std::vector<std::string>{"Kerbrat", "Margaux Kerbrat"}));
    EXPECT_EQ(mayor.stories, (std::vector<std::string>{"s1"}));
    EXPECT_EQ((*listed)[1].canonical, "Quimper");
    EXPECT_EQ((*listed)[1].mentions, 3);
    EXPECT_EQ((*listed)[1].variants, (std::vector<std::string>{"Quimper"}));
  }
  EXPECT_EQ(Query("SELECT value FROM meta WHERE key = 'schema_version'"), std::to_string(Store::kSchemaVersion));
  EXPECT_EQ(Query("SELECT count(*) FROM sqlite_master WHERE name LIKE 'entity_mentions%'"), "0");
  EXPECT_EQ(Query("SELECT count(*) FROM meta WHERE key = 'entity_mentions'"), "0");
  EXPECT_EQ(Query("SELECT count(*) FROM article_entities"), "6");  // 4 (article, name, type, surface) in q1, 2 in q2
  EXPECT_EQ(Query("SELECT count(*) FROM article_quotes"), "1");

  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto mayor = reader.value()->entity("Margaux Kerbrat");
  ASSERT_TRUE(mayor.ok());
  EXPECT_EQ(mayor->entity.articles, 2);
  EXPECT_EQ(mayor->entity.mentions, 3);
  EXPECT_EQ(mayor->entity.stories, 1);
  EXPECT_EQ(mayor->quotes.size(), 1u);
  ASSERT_EQ(mayor->days.size(), 2u);
  EXPECT_EQ(mayor->days[0].second, 1);
  auto hall = reader.value()->entity("la mairie");
  ASSERT_TRUE(hall.ok());
  EXPECT_EQ(hall->entity.type, "ORG");
  auto story = reader.value()->story(1);
  ASSERT_TRUE(story.ok());
  ASSERT_EQ(story->entities.size(), 3u);
  EXPECT_EQ(story->entities[0].articles, 2);
  StoryQuery text;
  text.text = "halles";  // the full-text index, rebuilt for version 1, kept for version 2
  EXPECT_EQ(reader.value()->stories(text)->total, 1);
  reader.value().reset();

  // Re-analysis goes through the new triggers.
  Exec("UPDATE articles SET analysis = '{\"entities\":[{\"type\":\"LOC\",\"text\":\"Kemper\",\"canonical\":\"Quimper\"}]}'"
       " WHERE id = 'q1'");
  EXPECT_EQ(Query("SELECT group_concat(surface) FROM article_entities WHERE link_order = 1"), "Kemper");
  auto store = Store::open(path_);
  ASSERT_TRUE(store.ok());
  auto after = store.value()->entities("LOC", 10);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->size(), 1u);
  EXPECT_EQ((*after)[0].variants, (std::vector<std::string>{"Quimper", "Kemper"}));
}

INSTANTIATE_TEST_SUITE_P(Versions, StoreMigration, ::testing::Values(1, 2));

}  // namespace
}  // namespace recoupe
