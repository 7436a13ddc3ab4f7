// src/store/fts_tokenizer.cc
#include "store/fts_tokenizer.h"

#include <libstemmer.h>
#include <sqlite3.h>
#include <unicode/uchar.h>

#include <memory>
#include <new>
#include <unordered_map>

#include "common/folding.h"
#include "common/utf8.h"

namespace recoupe {
namespace {

// Longer runs are not words (base64, URLs glued together): indexed as they are, unstemmed.
constexpr size_t kMaxStemmedBytes = 64;

[[gnu::noinline]] bool is_word_char_beyond_ascii(char32_t c) {
  return u_isalnum(static_cast<UChar32>(c)) || u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

// Inlined for ASCII, most of the characters: snippets split whole texts into words.
inline bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return is_word_char_beyond_ascii(c);
}

// Stored text is valid UTF-8; a query may not be: invalid bytes become spaces, so offsets are kept.
std::string_view repair(std::string_view text, std::string& buffer) {
  if (utf8::is_valid(text)) return text;
  buffer.assign(text);
  for (size_t bad; (bad = utf8::find_invalid(buffer)) != std::string::npos;) buffer[bad] = ' ';
  return buffer;
}

int x_create(void*, const char**, int, Fts5Tokenizer** out) {
  auto* t = new (std::nothrow) FtsTokenizer();
  if (!t) return SQLITE_NOMEM;
  *out = reinterpret_cast<Fts5Tokenizer*>(t);
  return SQLITE_OK;
}

void x_delete(Fts5Tokenizer* t) { delete reinterpret_cast<FtsTokenizer*>(t); }

int x_tokenize(Fts5Tokenizer* tok, void* ctx, int, const char* text, int n,
               int (*token)(void*, int, const char*, int, int, int)) {
  auto* t = reinterpret_cast<FtsTokenizer*>(tok);
  std::string_view view(text ? text : "", static_cast<size_t>(n > 0 ? n : 0));
  std::string repaired;
  view = repair(view, repaired);
  return t->run(view,
                [&](const std::string& term, size_t start, size_t end) {
                  return token(ctx, 0, term.data(), static_cast<int>(term.size()), static_cast<int>(start),
                               static_cast<int>(end));
                });
}

}  // namespace

FtsTokenizer::FtsTokenizer() : stemmer_(sb_stemmer_new("french", "UTF_8")) {}
FtsTokenizer::~FtsTokenizer() {
if (stemmer_) sb_stemmer_delete(stemmer_);
}

template <typename Emit>
int FtsTokenizer::run(std::string_view text, Emit&& emit, bool terms) {
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = utf8::next(text, i);
    if (!is_word_char(c)) continue;
    size_t end = i;
    while (end < text.size()) {
      size_t j = end;
      if (!is_word_char(utf8::next(text, j))) break;
      end = j;
    }
    i = end;
    const std::string_view word = text.substr(start, end - start);
    if (!terms && (c < 0x80 || u_isalnum(static_cast<UChar32>(c)))) {
      // A word that opens with a letter or digit keeps it through stemming and folding: it makes a term.
      term_.clear();
      if (int rc = emit(term_, start, end); rc != SQLITE_OK) return rc;
      continue;
    }
    // News reuses a bounded vocabulary: a word's term is computed once per connection (an ingest
    // indexes the same words again and again).
    const std::string key(word);
    if (auto hit = cache_.find(key); hit != cache_.end()) {
      if (hit->second.empty()) continue;
      if (int rc = emit(hit->second, start, end); rc != SQLITE_OK) return rc;
      continue;
    }
    if (cache_.size() >= kMaxCached) cache_.clear();
    term_.clear();
    bool ascii = true;
    for (char ch : word) ascii = ascii && static_cast<unsigned char>(ch) < 0x80;
    if (ascii && word.size() <= kMaxStemmedBytes && stemmer_) {
      // Most words: lower-case in place, and a stem of ASCII letters is already folded.
      lowered_.assign(word);
      for (char& ch : lowered_) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
      }
      const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(lowered_.data()),
                                           static_cast<int>(lowered_.size()));
      if (s && sb_stemmer_length(stemmer_) > 0) {  // never empty (spans() counts on it)
        term_.assign(reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(stemmer_)));
      } else {
        term_ = lowered_;
      }
    } else if (word.size() <= kMaxStemmedBytes && stemmer_) {
      lowered_ = lower(word);
      const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(lowered_.data()),
                                           static_cast<int>(lowered_.size()));
      if (s && sb_stemmer_length(stemmer_) > 0) {
        fold_append(std::string_view(reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(stemmer_))),
                    term_);
      } else {
        fold_append(lowered_, term_);
      }
    } else {
      fold_append(word, term_);
    }
    cache_.emplace(key, term_);
    if (term_.empty()) continue;
    if (int rc = emit(term_, start, end); rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

std::vector<FtsToken> FtsTokenizer::tokens(std::string_view text) {
  std::string repaired;
  std::vector<FtsToken> out;
  run(repair(text, repaired), [&](const std::string& term, size_t start, size_t end) {
    out.push_back({term, start, end});
    return SQLITE_OK;
  });
  return out;
}

std::vector<std::pair<size_t, size_t>> FtsTokenizer::spans(std::string_view text, size_t max) {
  std::vector<std::pair<size_t, size_t>> out;
  if (max == 0) return out;
  run(
      text,
      [&](const std::string&, size_t start, size_t end) {
        out.emplace_back(start, end);
        return out.size() < max ? SQLITE_OK : SQLITE_DONE;
      },
      false);
  return out;
}

fts5_api* fts5_api_of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

Status register_fts_tokenizer(sqlite3* db) {
  fts5_api* api = fts5_api_of(db);
  if (!api) return Error{Errc::kIo, std::string("this SQLite has no FTS5: ") + sqlite3_errmsg(db)};
  fts5_tokenizer t{x_create, x_delete, x_tokenize};
  if (api->xCreateTokenizer(api, "recoupe_fr", nullptr, &t, nullptr) != SQLITE_OK) {
    return Error{Errc::kIo, std::string("cannot register the full-text tokenizer: ") + sqlite3_errmsg(db)};
  }
  return {};
}

std::vector<std::string> fts_terms(std::string_view text) {
  FtsTokenizer t;
  std::vector<std::string> out;
  for (auto& token : t.tokens(text)) out.push_back(std::move(token.term));
  return out;
}

}  // namespace recoupe
