// src/common/hash_bits.h
//
// A set of well-mixed 64-bit hashes (word forms, terms) kept as one bit each, indexed by the hash's top
// kIndexBits bits: a test in one load that turns away most of the words asked before a larger table is
// searched. It never says no to a hash it was given; it may say yes to one it was not.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace recoupe {

template <int kIndexBits>
class HashBits {
  static_assert(kIndexBits >= 6 && kIndexBits <= 24, "from one 64-bit word to 2 MB");

 public:
  void add(uint64_t hash) noexcept {
    const uint64_t i = hash >> (64 - kIndexBits);
    bits_[i >> 6] |= uint64_t{1} << (i & 63);
  }
  //! False only for a hash never added.
  bool may_contain(uint64_t hash) const noexcept {
    const uint64_t i = hash >> (64 - kIndexBits);
    return ((bits_[i >> 6] >> (i & 63)) & 1) != 0;
  }

 private:
  std::array<uint64_t, (size_t{1} << kIndexBits) / 64> bits_{};
};

}  // namespace recoupe
