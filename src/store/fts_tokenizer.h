// src/store/fts_tokenizer.h
//
// The full-text index's tokenizer for SQLite FTS5, named "recoupe_fr": words
// are runs of letters and digits, lower-cased, stemmed with Snowball's French
// stemmer, then folded (accents and case), so that "élections", "Election" and
// "électoral" meet where French stemming says they should. The index and the
// queries go through the same function, so a search matches whatever form was
// written. Every connection that reads or writes the index registers it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

struct sqlite3;

namespace recoupe {

//! Registers the "recoupe_fr" tokenizer on `db` (idempotent per connection).
Status register_fts_tokenizer(sqlite3* db);

//! The index terms of `text`, as the tokenizer gives them to FTS5 (for tests and query building).
std::vector<std::string> fts_terms(std::string_view text);

}  // namespace recoupe
