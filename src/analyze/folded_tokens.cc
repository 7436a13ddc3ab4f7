#include "analyze/folded_tokens.h"

#include <algorithm>

#include "common/folding.h"

namespace recoupe {
namespace {

bool all_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The slots of one thread, reused document after document. A document with more tokens than this
// gets slots of its own, so that one huge record does not keep its memory for the thread's lifetime.
constexpr size_t kMaxPooledTokens = size_t{1} << 16;

struct Pool {
  std::vector<std::string> folded;
  std::vector<uint32_t> filled;
  bool taken = false;
};

}  // namespace

FoldedTokens::FoldedTokens(const Doc& doc) : doc_(doc), folded_(&own_), filled_(&own_filled_) {
  thread_local Pool pool;
  const size_t n = doc.tokens.size();
  if (!pool.taken && n <= kMaxPooledTokens) {
    pool.taken = true;
    pool_taken_ = &pool.taken;
    if (pool.folded.size() < n) pool.folded.resize(n);
    folded_ = &pool.folded;
    filled_ = &pool.filled;
  } else {
    own_.resize(n);
  }
}

FoldedTokens::~FoldedTokens() {
  if (!pool_taken_) return;
  for (const uint32_t t : *filled_) (*folded_)[t].clear();  // capacity kept: long words are not allocated again
  filled_->clear();
  *pool_taken_ = false;
}

void FoldedTokens::fill(uint32_t t, std::string& f) {
  filled_->push_back(t);
  const std::string_view surface = doc_.text(doc_.tokens[t].span);
  // Most words are ASCII, which fold() only lower-cases: done here, in the same pass that checks them.
  f.resize(surface.size());
  size_t i = 0;
  for (; i < surface.size(); ++i) {
    const auto c = static_cast<unsigned char>(surface[i]);
    if (c >= 0x80) break;
    f[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  if (i < surface.size()) {
    f.clear();
    fold_append(surface, f);  // into the slot: no temporary string
  }
  if (f.empty()) f.push_back(' ');
}

size_t FoldedTokens::size_of(uint32_t t) {
  if (const std::string& f = (*folded_)[t]; !f.empty()) return f.size();
  const std::string_view surface = doc_.text(doc_.tokens[t].span);
  if (!surface.empty() && all_ascii(surface)) return surface.size();
  return of(t).size();
}

}  // namespace recoupe
