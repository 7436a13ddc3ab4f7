#include "analyze/folded_tokens.h"

#include <algorithm>

#include "common/folding.h"

namespace recoupe {

void FoldedTokens::fill(uint32_t t, std::string& f) const {
  const std::string_view surface = doc_.text(doc_.tokens[t].span);
  if (std::all_of(surface.begin(), surface.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    // Most words are ASCII, which fold() only lower-cases: done here in one pass, not a byte at a time.
    f.resize(surface.size());
    std::transform(surface.begin(), surface.end(), f.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; });
  } else {
    f.reserve(surface.size());
    fold_append(surface, f);  // into the slot: no temporary string
  }
  if (f.empty()) f.push_back(' ');
}

}  // namespace recoupe
