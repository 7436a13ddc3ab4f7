// src/store/fts_tokenizer.h
//
// The full-text index's tokenizer for SQLite FTS5, named "recoupe_fr": words
// are runs of letters and digits, lower-cased, stemmed with Snowball's French
// stemmer, then folded (accents and case), so that "élections", "Election" and
// "électoral" meet where French stemming says they should. The index and the
// queries go through the same function, so a search matches whatever form was
// written. Every connection that reads or writes the index registers it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/result.h"

struct sqlite3;
struct sb_stemmer;
struct fts5_api;

namespace recoupe {

struct FtsToken {
  std::string term;
  size_t start = 0, end = 0;  //!< bytes of the word in the text
};

//! The tokenizer itself, also used outside SQLite (to mark matches in a text). One per thread.
class FtsTokenizer {
 public:
  FtsTokenizer();
  ~FtsTokenizer();
  FtsTokenizer(const FtsTokenizer&) = delete;
  FtsTokenizer& operator=(const FtsTokenizer&) = delete;

  //! The terms of `text` with their spans (invalid UTF-8 bytes separate words).
  std::vector<FtsToken> tokens(std::string_view text);
  //! The spans of the first `max` tokens of valid UTF-8 `text`, as tokens() gives them, without the cost of
  //! their terms where it can be spared: a word that opens with a letter or digit always makes a term (one
  //! made of combining marks alone folds to nothing, and is no token). What snippets need once FTS5 has
  //! said where the query's terms are.
  std::vector<std::pair<size_t, size_t>> spans(std::string_view text, size_t max = SIZE_MAX);
  //! Calls emit(term, start, end) for each word of valid UTF-8 `text`; stops at the first non-zero return.
  //! Without `terms`, words known to make a term are given with an empty one (see spans()).
  template <typename Emit>
  int run(std::string_view text, Emit&& emit, bool terms = true);

 private:
  static constexpr size_t kMaxCached = 200000;
  sb_stemmer* stemmer_;
  std::string lowered_, term_;
  std::unordered_map<std::string, std::string> cache_;  // word as written → its term
};

//! The FTS5 API of `db`, or null when this SQLite has no FTS5.
fts5_api* fts5_api_of(sqlite3* db);

//! Registers the "recoupe_fr" tokenizer on `db` (idempotent per connection).
Status register_fts_tokenizer(sqlite3* db);

//! The index terms of `text`, as the tokenizer gives them to FTS5 (for tests and query building).
std::vector<std::string> fts_terms(std::string_view text);

}  // namespace recoupe
