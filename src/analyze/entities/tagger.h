// src/analyze/entities/tagger.h
//
// An averaged perceptron over BIO tags (Collins 2002), decoded greedily left
// to right with the two previous tags as features. Features are 64-bit hashes
// (features.h); their top kRowBits bits pick a row of kRow weights, one per
// tag, so that a lookup is one 8-byte load and the model has no dictionary.
//
// After O, a token that cannot begin a name (may_start()) is O without being
// scored: lower-case words, punctuation and numbers, most of a text, cost
// nothing. Training makes the same choice, so the model never learns to rely
// on scores it will not get.
//
// The shipped file (data/models/entities_fr.bin, little-endian):
//   "RNER" u32 version=1, u32 row_bits, u32 rows, f32 scale,
//   then `rows` times: u32 row index, kRow int8 weights (the averaged weight times scale, clipped).
// Rows that are all zero are left out.
//
// Thread safety: a Model is immutable; tag() may run on many threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/entities/features.h"
#include "common/result.h"

namespace recoupe::ner {

inline constexpr int kRowBits = 18;
inline uint32_t row_of(uint64_t feature) noexcept { return static_cast<uint32_t>(feature >> (64 - kRowBits)); }

class Model {
 public:
  //! Parses the shipped format (see file comment).
  static Result<Model> parse(std::string_view bytes);
  //! The model embedded in the binary; throws if it does not parse (a build error).
  static const Model& builtin();

  //! Adds the weights of `features` to `scores` (kRow of them).
  void score(const std::vector<uint64_t>& features, int32_t* scores) const noexcept {
    for (uint64_t f : features) {
      const int8_t* w = weights_.data() + static_cast<size_t>(row_of(f)) * kRow;
      for (int c = 0; c < kRow; ++c) scores[c] += w[c];
    }
  }
  size_t nonzero_rows() const noexcept { return nonzero_rows_; }

 private:
  std::vector<int8_t> weights_;  // (1 << kRowBits) rows of kRow
  size_t nonzero_rows_ = 0;
};

//! Tags the sentence [begin, end) of `view` greedily; `tags` gets one Tag per token of the sentence.
void tag_sentence(const Model& model, const DocView& view, size_t begin, size_t end, std::vector<uint8_t>& tags);

//! The weights being learnt, in floats, with the running sums that averaging needs.
class Trainer {
 public:
  Trainer();
  //! Tags one sentence with the current weights and learns from `gold` (one Tag per token);
  //! returns the number of tokens tagged wrong.
  size_t learn(const DocView& view, size_t begin, size_t end, const uint8_t* gold, bool no_gazetteer);
  //! The averaged weights in the shipped format, at most `max_rows` rows (the strongest kept).
  std::string save(size_t max_rows) const;

 private:
  std::vector<float> w_;
  std::vector<double> u_;  // weights and their sums weighted by time (w - u / c is the average)
  double c_ = 1;
  std::vector<uint64_t> feats_;
};

}  // namespace recoupe::ner
