// tests/support/sample_store.h
//
// A small database for the reader's and the server's tests: two stories (a strike at Nantes airport over two
// articles from two sources, a bread fair at Vannes), with entities and a quotation merged into the stored
// contract JSON of the strike's articles, as the analysis will give them.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "store/store.h"
#include "support/analysed_doc.h"

namespace recoupe::testing {

class SampleStore : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("recoupe_sample_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db"))
                .string();
    Remove();
    std::vector<Doc> docs;
    docs.push_back(sample_doc("a", "Grève à l'aéroport de Nantes",
                              "Les agents de sûreté de l'aéroport de Nantes sont en grève depuis lundi. "
                              "« Nous tiendrons le temps qu'il faudra », prévient Lucie Bernardin.",
                              "2024-05-06T08:00:00+02:00", "Ouest Matin"));
    docs.push_back(sample_doc("b", "Nantes : l'aéroport perturbé par la grève",
                              "La grève des agents de sûreté perturbe l'aéroport de Nantes pour le deuxième jour. "
                              "« Nous tiendrons aussi longtemps qu'il le faudra », dit Lucie Bernardin.",
                              "2024-05-07T09:00:00+02:00", "Le Courrier"));
    docs.push_back(sample_doc("c", "Fête du pain à Vannes",
                              "La fête du pain attire les boulangers du Morbihan sur le port de Vannes.",
                              "2024-05-08T09:00:00+02:00", "Ouest Matin"));
    auto store = Store::open(path_);
    ASSERT_TRUE(store.ok()) << store.error().message;
    Linker linker;
    for (auto& d : docs) linker.link(d);
    ASSERT_TRUE(store.value()->add(docs).ok());
    store.value().reset();
    Annotate("a", "Nous tiendrons le temps qu'il faudra");
    Annotate("b", "Nous tiendrons aussi longtemps qu'il le faudra");
  }
  void TearDown() override { Remove(); }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm", ".writer-lock"}) std::filesystem::remove(path_ + suffix);
  }
  // Adds two entities, a date, a flag and one quotation (utterance u1) to an article's contract JSON.
  void Annotate(const std::string& id, const std::string& quote) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    const std::string sql =
        "UPDATE articles SET analysis = json_set(analysis,"
        " '$.entities', json('[{\"field\":\"text\",\"text\":\"Lucie Bernardin\",\"type\":\"PER\",\"canonical\":\"Lucie Bernardin\"},"
        "{\"field\":\"text\",\"text\":\"Nantes\",\"type\":\"LOC\",\"canonical\":\"Nantes\"},"
        "{\"field\":\"title\",\"text\":\"Nantes\",\"type\":\"LOC\",\"canonical\":\"Nantes\"}]'),"
        " '$.dates', json('[{\"field\":\"text\",\"text\":\"lundi\",\"type\":\"DATE\",\"value\":\"2024-05-06\"}]'),"
        " '$.flags', json('[\"stock-author-bio\"]'),"
        " '$.quotes', json_array(json_object('field', 'text', 'quote', ?2, 'speaker', 'Lucie Bernardin', 'utterance', 'u1')))"
        " WHERE id = ?1";
    sqlite3_stmt* s = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_bind_text(s, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, quote.c_str(), -1, SQLITE_TRANSIENT);
    EXPECT_EQ(sqlite3_step(s), SQLITE_DONE) << sqlite3_errmsg(db);
    sqlite3_finalize(s);
    sqlite3_close(db);
  }
  std::string path_;
};

}  // namespace recoupe::testing
