// src/store/fts_matches.h
//
// Where a full-text match falls in its row, as FTS5 found it: the SQL function
// recoupe_matches(articles_fts), an FTS5 auxiliary function, gives every
// instance of the query's phrases in the current row (phrase, column, token
// offset). Snippets are then cut from those positions without stemming the
// columns' words again: the tokenizer's work is done once, at indexing.
#pragma once

#include <cstddef>
#include <vector>

#include "common/result.h"

struct sqlite3;

namespace recoupe {

struct FtsMatch {
  int phrase = 0;  //!< among the query's phrases that have a term (an empty one matches nothing)
  int column = 0;  //!< of the FTS5 table
  int token = 0;   //!< index of the token in that column's text, as the tokenizer counts them
};

//! Registers recoupe_matches() on `db` (idempotent per connection).
Status register_fts_matches(sqlite3* db);

//! The matches in the value recoupe_matches() returned; empty for anything else.
std::vector<FtsMatch> decode_fts_matches(const void* blob, size_t bytes);

}  // namespace recoupe
