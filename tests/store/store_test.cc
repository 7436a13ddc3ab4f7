#include <gtest/gtest.h>
#include <unistd.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "analyze/pipeline.h"
#include "clean/cleaner.h"
#include "support/analysed_doc.h"
#include "store/store.h"
#include "store/store_reader.h"

namespace recoupe {
namespace {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("recoupe_store_test_" + std::to_string(::getpid()) + ".db")).string();
    Remove();
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm", ".writer-lock"}) fs::remove(path_ + suffix);
  }
  std::string path_;
};

using testing::sample_doc;

TEST(Features, RoundTripAndCorruption) {
  LinkFeatures f;
  f.terms = {{1, 2.5f}, {7, 1.0f}};
  f.names = {7};
  f.minhash = {3, 4, 5};
  const std::vector<UtteranceRecord> utterances = {{12, "Ana Vidal", {4, 9}}, {13, "", {}}};
  auto back = decode_features(encode_features(f, utterances));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->link.terms, f.terms);
  EXPECT_EQ(back->link.names, f.names);
  EXPECT_EQ(back->link.minhash, f.minhash);
  EXPECT_EQ(back->utterances, utterances);
  std::string blob = encode_features(f, utterances);
  EXPECT_FALSE(decode_features(blob.substr(0, blob.size() - 1)).ok());
  EXPECT_FALSE(decode_features("").ok());
  blob[0] = 9;  // unknown format version
  auto bad = decode_features(blob);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, Errc::kCorrupt);
}

TEST(Features, ReadsFormatOneWithoutUtterances) {
  LinkFeatures f;
  f.terms = {{5, 1.5f}};
  f.minhash = {8};
  // Format 1 is format 2 without the trailing utterance count and records.
  std::string blob = encode_features(f);
  blob.resize(blob.size() - sizeof(uint32_t));
  blob[0] = 1;
  auto back = decode_features(blob);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->link.terms, f.terms);
  EXPECT_TRUE(back->utterances.empty());
  blob[0] = 2;  // the same bytes claiming format 2 lack the utterance count
  EXPECT_FALSE(decode_features(blob).ok());
}

TEST_F(StoreTest, AddListExplainAndReopen) {
  std::vector<Doc> docs;
  docs.push_back(sample_doc("a", "Grève à l'aéroport de Nantes", "Les agents de sûreté de l'aéroport de Nantes sont en grève depuis lundi.",
                      "2024-05-06T08:00:00+02:00", "Ouest Matin"));
  docs.push_back(sample_doc("b", "Nantes : l'aéroport perturbé par la grève", "La grève des agents de sûreté perturbe l'aéroport de Nantes pour le deuxième jour.",
                      "2024-05-07T09:00:00+02:00", "Le Courrier"));
  docs.push_back(sample_doc("c", "Fête du pain à Vannes", "La fête du pain attire les boulangers du Morbihan sur le port de Vannes.",
                      "2024-05-08T09:00:00+02:00", "Ouest Matin"));
  {
    auto store = Store::open(path_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    Linker linker;
    for (auto& d : docs) linker.link(d);
    ASSERT_TRUE(store.value()->add(docs).ok());
    EXPECT_TRUE(store.value()->contains("a"));
    EXPECT_FALSE(store.value()->contains("zzz"));
    EXPECT_EQ(store.value()->article_count(), 3);
  }
  auto store = Store::open(path_);
  ASSERT_TRUE(store.ok());
  auto stories = store.value()->stories(10);
  ASSERT_TRUE(stories.ok());
  ASSERT_EQ(stories->size(), 2u);
  EXPECT_EQ((*stories)[0].title, "Fête du pain à Vannes");  // newest first
  const StoryRow& strike = (*stories)[1];
  EXPECT_EQ(strike.articles, 2);
  EXPECT_EQ(strike.first_published, "2024-05-06T08:00:00+02:00");
  EXPECT_EQ(strike.last_published, "2024-05-07T09:00:00+02:00");
  EXPECT_EQ(strike.sources, (std::vector<std::string>{"Le Courrier", "Ouest Matin"}));
  EXPECT_EQ(strike.event_date, "2024-05-06");  // "depuis lundi", in Monday's paper
  auto why = store.value()->link_decision("b");
  ASSERT_TRUE(why.ok());
  EXPECT_NE(why->find("\"new_story\":false"), std::string::npos) << *why;
  auto missing = store.value()->link_decision("nope");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, Errc::kNotFound);
}

// A story page reads each article once: its flags, event date and dates come from its stored analysis, its
// quotations follow the articles' publication order, also when a later run linked an earlier article.
TEST_F(StoreTest, StoryDetailFollowsPublicationOrder) {
  Linker linker;
  auto add = [&](Doc d) {
    std::vector<Doc> docs;
    docs.push_back(std::move(d));
    linker.link(docs[0]);
    auto store = Store::open(path_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    ASSERT_TRUE(store.value()->add(docs).ok());
  };
  add(sample_doc("late", "Grève des éboueurs à Quimper", "La grève des éboueurs de Quimper se poursuit. « Nous irons "
                 "jusqu'au bout », a déclaré mardi Jeanne Kerlé, déléguée syndicale.",
                 "2024-05-08T09:00:00+02:00", "Le Courrier"));
  add(sample_doc("early", "Quimper : les éboueurs en grève", "Les éboueurs de Quimper sont en grève depuis lundi. "
                 "« La mairie ne nous écoute pas », a affirmé Jeanne Kerlé, déléguée syndicale, le 6 mai 2024.",
                 "2024-05-07T09:00:00+02:00", "Ouest Matin"));
  auto reader = StoreReader::open(path_);
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto story_of = [&](const std::string& id) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, "SELECT story_id FROM articles WHERE id = ?1", -1, &s, nullptr), SQLITE_OK);
    sqlite3_bind_text(s, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(s), SQLITE_ROW);
    const int64_t story = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return story;
  };
  ASSERT_EQ(story_of("late"), story_of("early")) << "the two articles are one story";
  auto detail = reader.value()->story(story_of("early"));
  ASSERT_TRUE(detail.ok()) << detail.error().message;
  ASSERT_EQ(detail->articles.size(), 2u);
  EXPECT_EQ(detail->articles[0].id, "early");  // published first, linked second
  EXPECT_EQ(detail->story.sources, (std::vector<std::string>{"Le Courrier", "Ouest Matin"}));
  ASSERT_EQ(detail->quotes.size(), 2u);
  EXPECT_EQ(detail->quotes[0].article, "early");
  EXPECT_EQ(detail->quotes[0].source, "Ouest Matin");
  EXPECT_EQ(detail->quotes[0].speaker, "Jeanne Kerlé");
  EXPECT_EQ(detail->quotes[1].article, "late");
  ASSERT_FALSE(detail->dates.empty());
  EXPECT_EQ(detail->dates[0].article, "early");  // the dates too, in the articles' order
  EXPECT_TRUE(std::any_of(detail->dates.begin(), detail->dates.end(),
                          [](const DateRow& r) { return r.text == "le 6 mai 2024" && r.type == "DATE" && r.value == "2024-05-06"; }));
  EXPECT_EQ(detail->story.event_date, "2024-05-06");
}

TEST(StoryEventPlace, MostArticlesThenTheEarliest) {
  EXPECT_EQ(story_event_place({}), "");
  EXPECT_EQ(story_event_place({"", ""}), "");
  EXPECT_EQ(story_event_place({"", "Lyon"}), "Lyon");
  EXPECT_EQ(story_event_place({"Lyon", "Nantes", "Nantes"}), "Nantes");
  EXPECT_EQ(story_event_place({"Lyon", "Nantes", "", "Nantes", "Lyon"}), "Lyon");  // a tie: the earliest
}

// Credits are a field of the stored analysis like the others, with their entities; but a photo agency is
// not a name the story cites: the entity index leaves it out.
TEST_F(StoreTest, CreditEntitiesAreStoredButNotListed) {
  std::vector<Doc> docs;
  docs.push_back(sample_doc("p", "La halle de Bourg rouvre", "La halle du marché de Bourg rouvre ses portes samedi.\n"
                      "Crédit photo : Atelier Norval", "2024-05-06T08:00:00+02:00", "Ouest Matin"));
  ASSERT_EQ(docs[0].field(Field::kCredits), "Crédit photo : Atelier Norval");
  auto store = Store::open(path_);
  ASSERT_TRUE(store.ok()) << store.error().message;
  Linker linker;
  for (auto& d : docs) linker.link(d);
  ASSERT_TRUE(store.value()->add(docs).ok());
  auto orgs = store.value()->entities("ORG", 10);
  ASSERT_TRUE(orgs.ok()) << orgs.error().message;
  EXPECT_FALSE(std::any_of(orgs->begin(), orgs->end(), [](const EntityVariants& e) { return e.canonical == "Atelier Norval"; }));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM articles a, json_each(a.analysis, '$.entities') e"
                                   " WHERE json_extract(e.value, '$.field') = 'credits'"
                                   " AND json_extract(e.value, '$.text') = 'Atelier Norval'", -1, &s, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(s, 0), 1);  // kept in the stored analysis
  sqlite3_finalize(s);
  sqlite3_close(db);
}

// A version 3 database gets version 4's triggers, which leave credit holders out of the entity index.
TEST_F(StoreTest, VersionThreeTriggersAreMadeAgain) {
  ASSERT_TRUE(Store::open(path_).ok());
  auto exec = [&](const char* sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  };
  auto trigger_sql = [&] {
    sqlite3* db = nullptr;
    std::string sql;
    if (sqlite3_open(path_.c_str(), &db) == SQLITE_OK) {
      sqlite3_stmt* s = nullptr;
      if (sqlite3_prepare_v2(db, "SELECT sql FROM sqlite_master WHERE name = 'articles_indexed'", -1, &s, nullptr) ==
              SQLITE_OK &&
          sqlite3_step(s) == SQLITE_ROW) {
        sql = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
      }
      sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return sql;
  };
  ASSERT_NE(trigger_sql().find("credits"), std::string::npos);
  // What version 3 had: a trigger that knew nothing of credits.
  exec("DROP TRIGGER articles_indexed; CREATE TRIGGER articles_indexed AFTER INSERT ON articles BEGIN SELECT 1; END;"
       " DROP INDEX IF EXISTS articles_search_row; UPDATE meta SET value = '3' WHERE key = 'schema_version';");
  ASSERT_EQ(trigger_sql().find("credits"), std::string::npos);
  ASSERT_TRUE(Store::open(path_).ok());
  EXPECT_NE(trigger_sql().find("credits"), std::string::npos);
}

TEST(StoryEventDate, EarliestThatTwoArticlesAgreeOnElseTheMedian) {
  EXPECT_EQ(story_event_date({}), "");
  EXPECT_EQ(story_event_date({"", ""}), "");
  EXPECT_EQ(story_event_date({"2022-09-26"}), "2022-09-26");
  EXPECT_EQ(story_event_date({"2022-09-27", "2022-09-26", "2022-09-27", "2022-09-26", "2019-01-01"}), "2022-09-26");
  EXPECT_EQ(story_event_date({"2022-09-28", "2019-01-01", "2022-09-26"}), "2022-09-26");  // no two agree: median
  EXPECT_EQ(story_event_date({"2022-09-28", "2022-09-26"}), "2022-09-26");
}

TEST_F(StoreTest, DuplicateIdInABatchRollsBackTheWholeBatch) {
  std::vector<Doc> docs;
  docs.push_back(sample_doc("x", "Titre", "Un texte de test pour la base.", "2024-01-01", "S"));
  docs.push_back(sample_doc("x", "Titre", "Un texte de test pour la base.", "2024-01-01", "S"));
  Linker linker;
  for (auto& d : docs) linker.link(d);
  auto store = Store::open(path_);
  ASSERT_TRUE(store.ok());
  EXPECT_FALSE(store.value()->add(docs).ok());
  EXPECT_EQ(store.value()->article_count(), 0);  // nothing half-written
}

TEST_F(StoreTest, OneWriterAtATime) {
  auto first = Store::open(path_);
  auto second = Store::open(path_);
  ASSERT_TRUE(first.ok() && second.ok());
  ASSERT_TRUE(first.value()->lock_writer().ok());
  const Status refused = second.value()->lock_writer();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, Errc::kBusy);
  first.value().reset();  // closing releases the lock
  EXPECT_TRUE(second.value()->lock_writer().ok());
}

TEST_F(StoreTest, NotADatabase) {
  { std::ofstream(path_) << "this is not sqlite, just text that is long enough to have a header............"; }
  auto store = Store::open(path_);
  EXPECT_FALSE(store.ok());
}

}  // namespace
}  // namespace recoupe
