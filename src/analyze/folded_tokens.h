// src/analyze/folded_tokens.h
//
// The folded form of each token of a Doc (common/folding.h), computed the first
// time it is asked for and kept. Quotations and the speaker names they need
// look at the same words from several places; one cache folds each word once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "doc/doc.h"

namespace recoupe {

class FoldedTokens {
 public:
  //! One empty slot per token of `doc`, whose tokens must not change while this lives.
  explicit FoldedTokens(const Doc& doc) : doc_(doc), folded_(doc.tokens.size()) {}

  //! The folded form of token `t`; a single space for a token that folds to nothing, so that an
  //! empty slot always means "not folded yet".
  const std::string& of(uint32_t t) {
    std::string& f = folded_[t];
    if (f.empty()) fill(t, f);
    return f;
  }

 private:
  void fill(uint32_t t, std::string& f) const;

  const Doc& doc_;
  std::vector<std::string> folded_;
};

}  // namespace recoupe
