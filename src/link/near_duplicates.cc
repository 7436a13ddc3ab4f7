#include "link/near_duplicates.h"

#include <xxhash.h>

#include <unordered_set>

namespace recoupe {

double NearDuplicateIndex::estimate_jaccard(const uint32_t* a, const uint32_t* b, size_t n) noexcept {
  size_t same = 0;
  for (size_t i = 0; i < n; ++i) same += a[i] == b[i];
  return n ? static_cast<double>(same) / static_cast<double>(n) : 0.0;
}

uint64_t NearDuplicateIndex::band_key(const uint32_t* band, int b) noexcept {
  return XXH3_64bits_withSeed(band, kRows * sizeof(uint32_t), static_cast<uint64_t>(b) + 1);
}

std::optional<NearDuplicateIndex::Match> NearDuplicateIndex::find(const std::vector<uint32_t>& sig) const {
  if (sig.size() < static_cast<size_t>(kBands * kRows) || width_ == 0 || sig.size() != width_) return std::nullopt;
  std::optional<Match> exact, near;
  std::unordered_set<uint32_t> seen;
  for (int b = 0; b < kBands; ++b) {
    const uint32_t* head = buckets_.find(band_key(sig.data() + b * kRows, b));
    if (!head) continue;
    for (uint32_t e = *head; e != kNone; e = entries_[e].next) {
      const uint32_t doc = entries_[e].doc;
      if (!seen.insert(doc).second) continue;
      const double j = estimate_jaccard(sig.data(), signatures_.data() + doc * width_, width_);
      if (j >= 1.0) {
        if (!exact || doc < exact->original) exact = Match{doc, j};
      } else if (j >= threshold_ &&
                 (!near || j > near->similarity || (j == near->similarity && root_[doc] < near->original))) {
        near = Match{root_[doc], j};
      }
    }
  }
  return exact ? exact : near;
}

uint32_t NearDuplicateIndex::add(const std::vector<uint32_t>& sig, std::optional<uint32_t> original) {
  const auto index = static_cast<uint32_t>(root_.size());
  // Roots are kept transitive, so that a near-copy of an exact copy still names the group's first document.
  root_.push_back(original ? root_[*original] : index);
  if (width_ == 0 && sig.size() >= static_cast<size_t>(kBands * kRows)) width_ = sig.size();
  if (width_ == 0) return index;  // nothing indexable seen yet; rows are filled below once known
  signatures_.resize(root_.size() * width_, 0);
  if (sig.size() != width_) return index;  // too short to index: never a candidate
  std::copy(sig.begin(), sig.end(), signatures_.begin() + static_cast<std::ptrdiff_t>(index * width_));
  for (int b = 0; b < kBands; ++b) {
    uint32_t& head = buckets_.try_emplace(band_key(sig.data() + b * kRows, b), kNone).first;
    entries_.push_back(Entry{index, head});
    head = static_cast<uint32_t>(entries_.size() - 1);
  }
  return index;
}

}  // namespace recoupe
