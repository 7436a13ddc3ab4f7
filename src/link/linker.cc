#include "link/linker.h"

#include <algorithm>
#include <limits>

namespace recoupe {

Linker::Linker(LinkOptions options)
    : options_(options), duplicates_(options.duplicate_threshold), stories_(options.story) {}

void Linker::link(Doc& doc) {
  std::optional<NearDuplicateIndex::Match> copy = duplicates_.find(doc.features.minhash);
  std::optional<uint32_t> forced;
  doc.link = LinkDecision{};
  doc.link.order = ids_.size();
  if (copy) {
    doc.link.duplicate_of = ids_[copy->original];
    doc.link.duplicate_similarity = copy->similarity;
    forced = story_of_[copy->original];
  }
  stories_.place(doc, forced);
  utterances_.assign(doc);
  duplicates_.add(doc.features.minhash, copy ? std::optional<uint32_t>(copy->original) : std::nullopt);
  ids_.push_back(doc.id);
  story_of_.push_back(stories_.story_index(doc.link.story));
}

void Linker::replay(const std::string& id, const LinkFeatures& features, const std::optional<Timestamp>& published,
                    const std::string& story, const std::optional<std::string>& duplicate_of,
                    const std::vector<UtteranceRecord>& utterances) {
  std::optional<uint32_t> original;
  if (duplicate_of) {
    auto it = index_of_.find(*duplicate_of);
    if (it != index_of_.end()) original = it->second;
  }
  const uint32_t story_index = stories_.story_index(story);
  stories_.replay(features, published, story_index);
  utterances_.restore(story, utterances);
  duplicates_.add(features.minhash, original);
  ids_.push_back(id);
  story_of_.push_back(story_index);
  index_of_.emplace(id, static_cast<uint32_t>(ids_.size() - 1));
}

std::vector<size_t> publication_order(const std::vector<Doc>& docs) {
  std::vector<int64_t> key(docs.size());
  int64_t carried = std::numeric_limits<int64_t>::min();
  for (size_t i = 0; i < docs.size(); ++i) {
    if (docs[i].published) carried = docs[i].published->seconds;
    key[i] = carried;
  }
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return key[a] < key[b]; });
  return order;
}

}  // namespace recoupe
