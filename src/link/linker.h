// src/link/linker.h
//
// The link stage: the only stage with memory across documents. It takes
// documents in publication order, finds each one's earliest near-copy and its
// story, and records why (doc.link). Feeding the same documents in the same
// order gives the same result, whatever the number of analyze threads.
//
// Thread safety: none; one thread calls link().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "doc/doc.h"
#include "link/near_duplicates.h"
#include "link/story_clusterer.h"
#include "link/utterance_grouper.h"

namespace recoupe {

struct LinkOptions {
  StoryOptions story;
  double duplicate_threshold = 0.45;  //!< estimated Jaccard of body 4-gram sets
};

class Linker {
 public:
  explicit Linker(LinkOptions options = {});

  //! Links one document (the next in publication order): fills doc.link and its quotations' utterances.
  void link(Doc& doc);

  //! Re-applies a stored decision to rebuild state: `story` is the story label,
  //! `duplicate_of` the stored original's id, if any, `utterances` what its quotations gave
  //! (UtteranceGrouper::records_of). Replays come before any link().
  void replay(const std::string& id, const LinkFeatures& features, const std::optional<Timestamp>& published,
              const std::string& story, const std::optional<std::string>& duplicate_of,
              const std::vector<UtteranceRecord>& utterances);

  //! Starts utterance ids after `used` (the highest already stored, also by articles stored without
  //! their utterance records).
  void skip_utterance_ids(uint64_t used) { utterances_.skip_ids(used); }

  const StoryClusterer& stories() const { return stories_; }
  size_t documents() const { return ids_.size(); }

 private:
  LinkOptions options_;
  NearDuplicateIndex duplicates_;
  StoryClusterer stories_;
  UtteranceGrouper utterances_;
  std::vector<std::string> ids_;       // by insertion index
  std::vector<uint32_t> story_of_;     // by insertion index
  std::unordered_map<std::string, uint32_t> index_of_;  // id → insertion index, of replayed documents
};

//! The order in which to link `docs`: by publication time, undated documents
//! staying after the dated one that precedes them in the input; ties keep input order.
std::vector<size_t> publication_order(const std::vector<Doc>& docs);

}  // namespace recoupe
