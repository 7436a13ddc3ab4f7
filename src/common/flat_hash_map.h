// src/common/flat_hash_map.h
//
// An open-addressing hash map from well-mixed 64-bit keys (term and band
// hashes) to small values: one array, linear probing, no per-entry allocation.
// The link stage looks up every term of every document; std::unordered_map's
// node per entry made that a cache miss or two per lookup.
//
// Key 0 marks empty slots and is stored as kZeroKey instead (both are 64-bit hashes: the two
// meeting is as likely as any other collision). No erase: the link stage's maps only grow.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace recoupe {

template <typename V>
class FlatHashMap {
 public:
  static constexpr uint64_t kEmptyKey = 0;
  static constexpr uint64_t kZeroKey = 0x9E3779B97F4A7C15ULL;

  explicit FlatHashMap(size_t capacity = 1024) { rehash(round_up(capacity * 2)); }

  //! The value for `key`, inserting `fresh` first when absent; the bool says whether it was inserted.
  //! The reference is valid until the next insertion.
  std::pair<V&, bool> try_emplace(uint64_t key, const V& fresh) {
    if (key == kEmptyKey) key = kZeroKey;
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    size_t i = slot_for(key);
    if (slots_[i].first == key) return {slots_[i].second, false};
    slots_[i] = {key, fresh};
    ++size_;
    return {slots_[i].second, true};
  }
  //! The value for `key`, or nullptr.
  const V* find(uint64_t key) const {
    if (key == kEmptyKey) key = kZeroKey;
    const size_t i = slot_for(key);
    return slots_[i].first == key ? &slots_[i].second : nullptr;
  }
  //! Asks the processor to fetch the slot where `key` would be: a loop that knows its keys a few
  //! lookups ahead hides the cache miss of a large map.
  void prefetch(uint64_t key) const noexcept {
    if (key == kEmptyKey) key = kZeroKey;
    __builtin_prefetch(&slots_[home(key)]);
  }
  size_t size() const noexcept { return size_; }
  //! Empties the map, keeping its capacity.
  void clear() {
    std::fill(slots_.begin(), slots_.end(), std::pair<uint64_t, V>{kEmptyKey, V{}});
    size_ = 0;
  }

 private:
  static size_t round_up(size_t n) {
    size_t p = 16;
    while (p < n) p <<= 1;
    return p;
  }
  // The first slot probed for `key`.
  size_t home(uint64_t key) const noexcept { return static_cast<size_t>(key ^ (key >> 29)) & (slots_.size() - 1); }
  // The slot holding `key`, or the empty slot where it would go.
  size_t slot_for(uint64_t key) const {
    const size_t mask = slots_.size() - 1;
    size_t i = home(key);
    while (slots_[i].first != key && slots_[i].first != kEmptyKey) i = (i + 1) & mask;
    return i;
  }
  void rehash(size_t capacity) {
    std::vector<std::pair<uint64_t, V>> old(capacity, {kEmptyKey, V{}});
    old.swap(slots_);
    for (const auto& kv : old) {
      if (kv.first != kEmptyKey) slots_[slot_for(kv.first)] = kv;
    }
  }

  std::vector<std::pair<uint64_t, V>> slots_;
  size_t size_ = 0;
};

}  // namespace recoupe
