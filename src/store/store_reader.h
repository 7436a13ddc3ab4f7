// src/store/store_reader.h
//
// Read-only queries over the database, for the faces that show it (serve).
// Each reader owns one read-only SQLite connection with its prepared
// statements; in WAL mode readers see the last committed batch and never wait
// for a writer. The schema must be current: open the file once with
// Store::open, which migrates it, before opening readers.
//
// Thread safety: one StoreReader per thread at a time (serve keeps a pool).
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace recoupe {

class FtsTokenizer;

struct StoryRow {
  int64_t id = 0;               //!< the label is "s" + id
  std::string label;
  std::string title;            //!< title of its first article
  std::string first_published;  //!< earliest dated article, as given
  std::string last_published;
  int64_t articles = 0;
  std::vector<std::string> sources;
  std::string event_date;  //!< when the story happened, from its articles' event dates (story_event_date); or empty
  std::string event_place;  //!< where it happened, from its articles' event places (story_event_place); or empty
  std::vector<std::string> people;  //!< its main people: the named persons most of its articles mention (up to 3)
};

//! Filters and order of a story listing. Dates are UTC seconds; a story matches when its span meets [from, to).
struct StoryQuery {
  enum class Sort { kNewest, kBiggest };
  std::optional<int64_t> from, to;
  std::string entity;  //!< canonical name; empty = any
  std::string source;  //!< outlet; empty = any
  std::string text;    //!< full-text query in the reader's words; empty = any
  Sort sort = Sort::kNewest;
  int64_t limit = 20;
  int64_t offset = 0;
};

struct StoryPage {
  int64_t total = 0;  //!< stories matching, over all pages
  std::vector<StoryRow> stories;
};

struct ArticleRow {
  std::string id, published, source, url, lang, title, abstract, text, duplicate_of;
  std::vector<std::string> flags;
};

struct EntityRow {
  std::string name, type;
  int64_t stories = 0, articles = 0, mentions = 0;
};

//! One quotation as one article reports it.
struct QuoteRow {
  std::string article, story, source, published;
  std::string speaker, utterance, quote;  //!< speaker and utterance may be empty
};

struct DateRow {
  std::string article, text, type, value;
};

struct StoryDetail {
  StoryRow story;
  std::vector<ArticleRow> articles;  //!< in publication order (undated last), then link order
  std::vector<EntityRow> entities;   //!< most cited first; stories = 1
  std::vector<QuoteRow> quotes;      //!< in article order, then order in the article
  std::vector<DateRow> dates;
};

struct EntityDetail {
  EntityRow entity;
  std::vector<StoryRow> stories;  //!< newest first, at most kMaxListed
  std::vector<QuoteRow> quotes;   //!< what they are quoted saying, oldest first, at most kMaxListed
  std::vector<std::pair<std::string, int64_t>> days;  //!< articles naming them per day (YYYY-MM-DD), dated ones
};

struct SearchHit {
  std::string article, story, title, source, published;
  std::string snippet;  //!< matched words between \x02 and \x03
};

struct SearchPage {
  int64_t total = 0;             //!< matches, counted up to a cap (see StoreReader::search)
  bool total_is_lower_bound = false;  //!< more than `total` match: counting stopped at the cap
  std::vector<SearchHit> hits;
};

struct SourceRow {
  std::string name;
  int64_t articles = 0, stories = 0;
};

class StoreReader {
 public:
  static constexpr int64_t kMaxListed = 200;
  //! Search matches counted exactly up to this many; counting all of a common word's matches cost more
  //! than finding the page.
  static constexpr int64_t kSearchCountCap = 1000;
  //! Search answers kept per reader (least recently used dropped first); a reader's memory stays bounded.
  static constexpr size_t kSearchCacheSize = 64;

  //! Opens `path` read-only. Fails with kNotFound when it does not exist, kCorrupt when its schema is not current.
  static Result<std::unique_ptr<StoreReader>> open(const std::string& path);
  ~StoreReader();
  StoreReader(const StoreReader&) = delete;
  StoreReader& operator=(const StoreReader&) = delete;

  //! Stories matching `q`. A text query with no word in it is kBadInput.
  Result<StoryPage> stories(const StoryQuery& q);
  //! One story with all it holds, or kNotFound.
  Result<StoryDetail> story(int64_t id);
  //! Entities whose name contains `contains` (ASCII case-insensitive; empty = all), most cited first.
  Result<std::vector<EntityRow>> entities(std::string_view contains, std::string_view type, int64_t limit,
                                          int64_t offset, int64_t* total);
  //! One entity by canonical name, or kNotFound when no article names or quotes it.
  Result<EntityDetail> entity(const std::string& name);
  //! Articles matching every word of `text`: the last stored first (the link order, which follows
  //! publication), or the most relevant first (bm25, slower on common words). Matches are counted up to
  //! max(`count_cap`, offset + limit + 1): past that, `total` is the cap and `total_is_lower_bound` is set
  //! (so a next page is known to exist whenever one does).
  //! Answers are cached (kSearchCacheSize, keyed by the FTS5 query and the page) until the database
  //! changes (PRAGMA data_version).
  Result<SearchPage> search(std::string_view text, int64_t limit, int64_t offset, bool relevance = false,
                            int64_t count_cap = kSearchCountCap);
  //! Search answers cached now (for tests).
  size_t cached_searches() const { return search_cache_.size(); }
  //! Outlets, with most articles first.
  Result<std::vector<SourceRow>> sources(int64_t limit);

  //! The FTS5 query for a reader's words: each word quoted (so no syntax reaches FTS5), all required.
  //! Empty when `text` has no word.
  static std::string match_expression(std::string_view text);

 private:
  StoreReader(sqlite3* db, std::string path);
  sqlite3_stmt* prepare(const std::string& sql);  // cached; reset and unbound
  Error error(const std::string& what) const;
  std::vector<QuoteRow> quotes(sqlite3_stmt* s);
  Result<SearchPage> search_uncached(const std::string& match, std::string_view text, int64_t limit,
                                     int64_t offset, bool relevance, int64_t count_cap);
  sqlite3* db_;
  std::string path_;
  // Most recently used first; the index points into the list. Emptied when data_version_ moves.
  std::list<std::pair<std::string, SearchPage>> search_cache_;
  std::unordered_map<std::string, std::list<std::pair<std::string, SearchPage>>::iterator> search_index_;
  int64_t data_version_ = -1;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  std::unique_ptr<FtsTokenizer> tokenizer_;  // the query's terms, the words of snippets; made on first search
};

}  // namespace recoupe
