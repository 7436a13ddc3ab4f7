#include "analyze/folded_tokens.h"

#include "common/folding.h"

namespace recoupe {

void FoldedTokens::fill(uint32_t t, std::string& f) const {
  const std::string_view surface = doc_.text(doc_.tokens[t].span);
  f.reserve(surface.size());
  fold_append(surface, f);  // into the slot: no temporary string
  if (f.empty()) f.push_back(' ');
}

}  // namespace recoupe
