// src/common/word_set.h
//
// A fixed set of words (function words, titles, verb forms), asked about most words around every
// quotation: one hash of the bytes and a probe in a flat table. std::unordered_set<std::string_view>
// hashed with std::hash and then followed a node chain, a measurable share of the quotation stage.
// A word longer than the set's longest is turned away before it is hashed: most words asked about
// are longer than the short function words most sets hold.
#pragma once

#include <xxhash.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace recoupe {

class WordSet {
 public:
  WordSet() { rehash(8); }
  WordSet(std::initializer_list<std::string_view> words) {
    rehash(words.size() * 2);
    for (std::string_view w : words) insert(w);
  }

  void insert(std::string_view w) {
    if ((words_.size() + 1) * 2 > slots_.size()) rehash(slots_.size() * 2);
    uint32_t& slot = slots_[probe(w)];
    if (slot != 0) return;  // already there
    words_.emplace_back(w);
    slot = static_cast<uint32_t>(words_.size());
    if (w.size() > longest_) longest_ = w.size();
  }
  bool contains(std::string_view w) const noexcept { return w.size() <= longest_ && slots_[probe(w)] != 0; }
  size_t size() const noexcept { return words_.size(); }

 private:
  // The slot holding `w`, or the empty slot where it would go (the table is never full).
  size_t probe(std::string_view w) const noexcept {
    const size_t mask = slots_.size() - 1;
    for (size_t i = XXH3_64bits(w.data(), w.size()) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == 0 || words_[slots_[i] - 1] == w) return i;
    }
  }
  void rehash(size_t at_least) {
    size_t n = 8;
    while (n < at_least) n *= 2;
    slots_.assign(n, 0);
    for (size_t k = 0; k < words_.size(); ++k) slots_[probe(words_[k])] = static_cast<uint32_t>(k + 1);
  }

  std::vector<std::string> words_;
  std::vector<uint32_t> slots_;  // index in words_ + 1; 0 = empty
  size_t longest_ = 0;           // bytes of the longest word
};

}  // namespace recoupe
