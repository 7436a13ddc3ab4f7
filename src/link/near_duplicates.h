// src/link/near_duplicates.h
//
// Near-duplicate search over MinHash signatures with LSH banding: 32 bands of
// 4 rows make two documents candidates from an estimated Jaccard of about 0.4
// on (the S-curve's midpoint is (1/32)^(1/4) ≈ 0.42); a candidate is a copy
// when its estimated Jaccard reaches the threshold. A document names the
// earliest exact copy it has (same body: every bin equal), or else the earliest
// document of the group of near-copies it joins, so that a chain of edits
// names one original while a verbatim republication names its own source.
//
// Thread safety: none; the link stage is single-threaded by design.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/flat_hash_map.h"

namespace recoupe {

class NearDuplicateIndex {
 public:
  struct Match {
    uint32_t original;  //!< index (in insertion order) of the copy named
    double similarity;  //!< estimated Jaccard with that copy (or, for a near-copy, the closest one)
  };
  static constexpr int kBands = 32;
  static constexpr int kRows = 4;

  explicit NearDuplicateIndex(double threshold) : threshold_(threshold) {}  // see LinkOptions

  //! The best earlier copy of `signature`, if any reaches the threshold.
  std::optional<Match> find(const std::vector<uint32_t>& signature) const;
  //! Adds a document; `original` is what find() returned for it, if anything. Returns its index.
  uint32_t add(const std::vector<uint32_t>& signature, std::optional<uint32_t> original);
  size_t size() const noexcept { return root_.size(); }

  static double estimate_jaccard(const uint32_t* a, const uint32_t* b, size_t n) noexcept;

 private:
  static uint64_t band_key(const uint32_t* band, int b) noexcept;
  double threshold_;
  size_t width_ = 0;                  // signature length (0 until the first add)
  std::vector<uint32_t> signatures_;  // flat, width_ per document; empty rows for documents without one
  std::vector<uint32_t> root_;        // first document of each one's group of copies (itself when original)
  // LSH buckets as linked lists in one array: a bucket holds the index of its newest entry.
  struct Entry {
    uint32_t doc;
    uint32_t next;  // kNone at the end of the bucket
  };
  static constexpr uint32_t kNone = UINT32_MAX;
  FlatHashMap<uint32_t> buckets_;
  std::vector<Entry> entries_;
};

}  // namespace recoupe
