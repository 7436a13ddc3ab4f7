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
  explicit FoldedTokens(const Doc& doc);
  ~FoldedTokens();
  FoldedTokens(const FoldedTokens&) = delete;
  FoldedTokens& operator=(const FoldedTokens&) = delete;

  //! The folded form of token `t`; a single space for a token that folds to nothing, so that an
  //! empty slot always means "not folded yet".
  const std::string& of(uint32_t t) {
    std::string& f = (*folded_)[t];
    if (f.empty()) fill(t, f);
    return f;
  }
  //! The size of of(t), without folding an ASCII word (folding only lower-cases it).
  size_t size_of(uint32_t t);

 private:
  void fill(uint32_t t, std::string& f);

  const Doc& doc_;
  // The slots: the thread's own, kept from one document to the next (a vector of strings per
  // document was allocated, zeroed and freed again for each), or this object's when those are taken.
  std::vector<std::string>* folded_;
  std::vector<std::string> own_;
  std::vector<uint32_t>* filled_;  // the slots to empty again when done
  std::vector<uint32_t> own_filled_;
  bool* pool_taken_ = nullptr;  // set while this object holds the thread's slots
};

}  // namespace recoupe
