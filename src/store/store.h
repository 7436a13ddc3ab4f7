// src/store/store.h
//
// The database: one SQLite file in WAL mode with articles, their analysis,
// stories and the link stage's features. Nothing else writes to it. Each
// batch is one transaction, so an ingest killed at any point leaves the
// database as it was after the last whole batch; rerunning the same ingest
// skips what is stored and goes on. The link stage's state is rebuilt at open
// by replaying stored features in link order, which gives exactly the state an
// uninterrupted run would have had.
//
// Thread safety: one Store per thread; SQLite serialises writers across processes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_set>
#include <string>
#include <vector>

#include "common/result.h"
#include "doc/doc.h"
#include "link/linker.h"
#include "store/store_reader.h"

struct sqlite3;

namespace recoupe {

//! An entity across the stored articles (`recoupe entities`).
struct EntityVariants {
  std::string type;       //!< PER, LOC or ORG
  std::string canonical;  //!< its canonical name
  int64_t mentions = 0;   //!< mentions in all articles
  int64_t articles = 0;   //!< articles that mention it
  std::vector<std::string> variants;  //!< surface forms, most used first
  std::vector<std::string> stories;   //!< story labels, most mentions first
};

//! One stored quotation, with the article that reports it.
struct ReportedQuote {
  std::string story;      //!< story label ("s3")
  std::string utterance;  //!< same value = the same words spoken once ("u12")
  std::string speaker;    //!< canonical name, or empty
  std::string quote;
  std::string article, source, published;
};

//! A story's event date from its articles' event dates (TIMEX3 days, empty ones ignored): the earliest that
//! two articles agree on, so that one article's slip does not move the story; else the median (the lower
//! one); empty when no article has one.
std::string story_event_date(std::vector<std::string> article_event_dates);

//! A story's event place from its articles' event places in link order (empty ones ignored): the one most
//! articles give, the earliest given on a tie; empty when no article has one.
std::string story_event_place(const std::vector<std::string>& article_event_places);

class Store {
 public:
  //! 1: articles, stories, terms; 2: adds the reader's indexes (full text, entities, quotations);
  //! 3: one entity table, with surface forms, for the reader and `recoupe entities`; 4: a covering index of
  //! the columns a search hit shows (articles_search_row).
  static constexpr int kSchemaVersion = 4;

  //! Opens (creating if needed) the database at `path`.
  static Result<std::unique_ptr<Store>> open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  //! True when an article with this id is stored.
  bool contains(const std::string& id);
  //! Number of stored articles.
  int64_t article_count();

  //! Makes this process the database's only writer until the Store is closed. Linking depends on
  //! all that came before, so two ingests at once would each decide without the other's articles.
  //! Fails with kBusy, naming the lock file, when another process holds it.
  Status lock_writer();

  //! Stores a batch of linked documents in one transaction.
  Status add(const std::vector<Doc>& docs);
  //! Replays every stored decision into `linker` (which must be fresh), in link order.
  Status load_into(Linker& linker);

  //! Stories, newest (by last article) first.
  Result<std::vector<StoryRow>> stories(int64_t limit);
  //! Entities with their mention counts, most mentioned first; `type` "" for all types.
  Result<std::vector<EntityVariants>> entities(const std::string& type, int64_t limit);
  //! Stored quotations, by story then utterance then link order; `speaker` (a substring, any case)
  //! and `story` (a label, "s3") filter when not empty.
  Result<std::vector<ReportedQuote>> quotes(const std::string& speaker, const std::string& story);
  //! The stored link decision of an article as JSON, or kNotFound.
  Result<std::string> link_decision(const std::string& id);

 private:
  explicit Store(sqlite3* db, std::string path);
  Status exec(const char* sql);
  Status migrate();
  int schema_version();  // 0 for a new file
  sqlite3* db_;
  std::string path_;
  struct Statements;
  std::unique_ptr<Statements> stmts_;
  std::unordered_set<uint64_t> known_terms_;
  int lock_fd_ = -1;  // held while this Store is the writer (see lock_writer)
};

//! What the link stage gets back from a stored article on a resumed run.
struct StoredFeatures {
  LinkFeatures link;
  std::vector<UtteranceRecord> utterances;
};

//! Serialises link features and utterance records (versioned, little-endian) for the store.
std::string encode_features(const LinkFeatures& f, const std::vector<UtteranceRecord>& utterances = {});
Result<StoredFeatures> decode_features(std::string_view blob);

}  // namespace recoupe
