// src/analyze/entities/tagger.h
//
// An averaged perceptron over BIO tags (Collins 2002), decoded greedily left
// to right with the two previous tags as features. Features are 64-bit hashes
// (features.h); their top kRowBits bits pick a row of kRow weights, one per
// tag; the model keeps only the rows that are not all zero, packed behind a
// bit set with ranks, and has no dictionary.
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

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/entities/features.h"
#include "common/result.h"

namespace recoupe::ner {

inline constexpr int kRowBits = 18;
inline uint32_t row_of(uint64_t feature) noexcept { return static_cast<uint32_t>(feature >> (64 - kRowBits)); }

// Bit count without the POPCNT instruction, which the baseline x86-64 target lacks (the builtin is a
// library call there); GCC turns this very sequence into POPCNT where the target has it (see tag_sentence).
inline uint32_t popcount(uint64_t x) noexcept {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<uint32_t>((x * 0x0101010101010101ULL) >> 56);
}

class Model {
 public:
  //! Parses the shipped format (see file comment).
  static Result<Model> parse(std::string_view bytes);
  //! The model embedded in the binary; throws if it does not parse (a build error).
  static const Model& builtin();

  //! Adds the weights of `features` to `scores` (kRow of them).
  [[gnu::always_inline]] void score(const std::vector<uint64_t>& features, int32_t* scores) const noexcept {
    score(features.data(), features.size(), scores);
  }
  //! Adds the weights of the `count` features at `features` to `scores`.
  [[gnu::always_inline]] void score(const uint64_t* features, size_t count, int32_t* scores) const noexcept {
    const uint64_t* f = features;
    const uint64_t* const last = f + count;
    while (f < last) {
      const uint64_t* const part = static_cast<size_t>(last - f) > kMaxRowsPerSum ? f + kMaxRowsPerSum : last;
      Sum sum;
      for (; f < part; ++f) sum.add(stored_row(*f));
      sum.add_to(scores);
    }
  }
  //! Adds the weights of the code features of `codes` (see feature_codes()) to `scores`: the same sums as
  //! score() of their features, from tables of every code's row made when the model is parsed.
  [[gnu::always_inline]] void score_codes(const uint32_t (&codes)[kCodeFeatureCount],
                                         int32_t* scores) const noexcept {
    Sum sum;
    add_codes(codes, sum);
    sum.add_to(scores);
  }
  //! score() of the word-context features `words` and score_codes() of `codes`, in one sum: the tagger
  //! adds both for every token it scores.
  [[gnu::always_inline]] void score_context(const uint64_t (&words)[kWordContextCount],
                                           const uint32_t (&codes)[kCodeFeatureCount],
                                           int32_t* scores) const noexcept {
    static_assert(kWordContextCount + kCodeFeatureCount <= kMaxRowsPerSum);
    Sum sum;
    for (const uint64_t f : words) sum.add(stored_row(f));
    add_codes(codes, sum);
    sum.add_to(scores);
  }
  size_t nonzero_rows() const noexcept { return nonzero_rows_; }
  //! Tells parsed models apart (from 1), for what a thread keeps of one model's scores.
  uint64_t id() const noexcept { return id_; }

 private:
  // The rows that are not all zero, packed: a dense table of 2^kRowBits rows (2 MB) missed the cache on
  // nearly every feature; this index (64 KB) and the packed rows (about 120 KB) stay in it.
  struct Block {
    uint64_t present = 0;  // which of these 64 rows are stored
    uint32_t rank = 0;     // index in rows_ of the first of them
  };
  // A sum of rows: the eight int8 weights of a row are added as one 64-bit word, each made unsigned (+128),
  // the even and the odd bytes summed in 16-bit lanes of two words; the 128s are taken off at the end.
  // Exact: up to kMaxRowsPerSum rows fit a lane (256 * 255 < 65536); longer lists are summed in parts.
  static constexpr size_t kMaxRowsPerSum = 256;
  struct Sum {
    static constexpr uint64_t kLow = 0x00FF00FF00FF00FFULL, kBias = 0x8080808080808080ULL;
    uint64_t even = 0, odd = 0;
    int32_t rows = 0;
    [[gnu::always_inline]] void add(uint64_t row) noexcept {
      const uint64_t w = row ^ kBias;
      even += w & kLow;
      odd += (w >> 8) & kLow;
      ++rows;
    }
    [[gnu::always_inline]] void add_to(int32_t* scores) const noexcept {
      static_assert(kRow == 8);
      for (int c = 0; c < kRow; c += 2) {
        scores[c] += static_cast<int32_t>((even >> (8 * c)) & 0xFFFF) - 128 * rows;
        scores[c + 1] += static_cast<int32_t>((odd >> (8 * c)) & 0xFFFF) - 128 * rows;
      }
    }
  };
  // The weights of a feature: its stored row, or zeros. A feature without a row reads a row of zeros where
  // its row would be (rows_ ends with a spare one): no branch on whether it has one, which the processor
  // could not predict and which kept it from fetching the rows of the next features while it waited.
  [[gnu::always_inline]] uint64_t stored_row(uint64_t feature) const noexcept {
    const uint32_t r = row_of(feature);
    const Block& b = blocks_[r >> 6];
    const uint64_t bit = uint64_t{1} << (r & 63);
    const uint64_t stored = 0 - ((b.present >> (r & 63)) & 1);  // all ones when the row is stored
    return weights(b.rank + popcount(b.present & (bit - 1))) & stored;
  }
  [[gnu::always_inline]] void add_codes(const uint32_t (&codes)[kCodeFeatureCount], Sum& sum) const noexcept {
    for (int f = 0; f < kCodeFeatureCount; ++f) sum.add(code_rows_[code_offsets_[f] + codes[f]]);
  }

  // The kRow weights of stored row `rank`, weight c in byte c (as on a little-endian machine).
  uint64_t weights(size_t rank) const noexcept {
    const int8_t* w = rows_.data() + rank * kRow;
    if constexpr (std::endian::native == std::endian::little) {
      uint64_t x;
      std::memcpy(&x, w, sizeof x);
      return x;
    } else {
      uint64_t x = 0;
      for (int c = 0; c < kRow; ++c) x |= uint64_t{static_cast<uint8_t>(w[c])} << (8 * c);
      return x;
    }
  }

  std::vector<Block> blocks_;  // (1 << kRowBits) / 64
  std::vector<int8_t> rows_;   // kRow weights per stored row, in row order, then a spare row (see stored_row())
  size_t nonzero_rows_ = 0;
  uint64_t id_ = 0;
  // The weights of every code of every code feature (zeros for a code that makes no feature), table after
  // table: 1,072 rows, 8.5 KB, which stay in the first-level cache.
  std::vector<uint64_t> code_rows_;
  std::array<uint32_t, kCodeFeatureCount> code_offsets_{};
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
