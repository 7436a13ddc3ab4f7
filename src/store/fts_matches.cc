// src/store/fts_matches.cc
#include "store/fts_matches.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

#include "store/fts_tokenizer.h"

namespace recoupe {
namespace {

// The value: int32 triples (phrase, column, token) in native byte order; it never leaves the process.
void matches(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int, sqlite3_value**) {
  // A phrase without a term ("" or a lone combining mark) has no instances; numbering the others keeps
  // phrase i the i-th term of the query.
  const int phrases = api->xPhraseCount(fts);
  std::vector<int> number(static_cast<size_t>(std::max(phrases, 0)), -1);
  for (int p = 0, n = 0; p < phrases; ++p) {
    if (api->xPhraseSize(fts, p) > 0) number[static_cast<size_t>(p)] = n++;
  }
  int count = 0;
  if (int rc = api->xInstCount(fts, &count); rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  std::string out;
  out.reserve(static_cast<size_t>(count) * 3 * sizeof(int32_t));
  for (int i = 0; i < count; ++i) {
    int phrase = 0, column = 0, token = 0;
    if (int rc = api->xInst(fts, i, &phrase, &column, &token); rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    if (phrase < 0 || phrase >= phrases || number[static_cast<size_t>(phrase)] < 0) continue;
    const int32_t triple[3] = {number[static_cast<size_t>(phrase)], column, token};
    out.append(reinterpret_cast<const char*>(triple), sizeof triple);
  }
  sqlite3_result_blob(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

Status register_fts_matches(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (!api) return Error{Errc::kIo, std::string("this SQLite has no FTS5: ") + sqlite3_errmsg(db)};
  if (api->xCreateFunction(api, "recoupe_matches", nullptr, matches, nullptr) != SQLITE_OK) {
    return Error{Errc::kIo, std::string("cannot register recoupe_matches: ") + sqlite3_errmsg(db)};
  }
  return {};
}

std::vector<FtsMatch> decode_fts_matches(const void* blob, size_t bytes) {
  std::vector<FtsMatch> out;
  if (!blob) return out;
  const auto* p = static_cast<const char*>(blob);
  for (size_t at = 0; at + 3 * sizeof(int32_t) <= bytes; at += 3 * sizeof(int32_t)) {
    int32_t triple[3];
    std::memcpy(triple, p + at, sizeof triple);
    out.push_back({triple[0], triple[1], triple[2]});
  }
  return out;
}

}  // namespace recoupe
