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

struct sqlite3;

namespace recoupe {

struct StoryRow {
  std::string label;
  std::string title;            //!< title of its first article
  std::string first_published;  //!< earliest dated article, as given
  std::string last_published;
  int64_t articles = 0;
  std::vector<std::string> sources;
  std::string event_date;  //!< when the story happened, from its articles' event dates (story_event_date); or empty
};

//! A story's event date from its articles' event dates (TIMEX3 days, empty ones ignored): the earliest that
//! two articles agree on, so that one article's slip does not move the story; else the median (the lower
//! one); empty when no article has one.
std::string story_event_date(std::vector<std::string> article_event_dates);

class Store {
 public:
  static constexpr int kSchemaVersion = 1;

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
  //! The stored link decision of an article as JSON, or kNotFound.
  Result<std::string> link_decision(const std::string& id);

 private:
  explicit Store(sqlite3* db, std::string path);
  Status exec(const char* sql);
  sqlite3* db_;
  std::string path_;
  struct Statements;
  std::unique_ptr<Statements> stmts_;
  std::unordered_set<uint64_t> known_terms_;
  int lock_fd_ = -1;  // held while this Store is the writer (see lock_writer)
};

//! Serialises link features (versioned, little-endian) for the store.
std::string encode_features(const LinkFeatures& f);
Result<LinkFeatures> decode_features(std::string_view blob);

}  // namespace recoupe
