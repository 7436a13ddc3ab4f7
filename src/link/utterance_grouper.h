// src/link/utterance_grouper.h
//
// The same words reported by several sources: within one story, quotations
// of one speaker whose content words mostly overlap are one utterance, also
// when two translations word them differently ("Laissez-les s'enfuir" and
// "Laisse-les fuir, … ils reviendront"). A running passage of one article (a
// quotation over several paragraphs) is compared whole, since one source
// cuts into paragraphs what another quotes in one piece. Documents come in
// link order, so the ids ("u12") do not depend on the number of threads.
//
// Thread safety: none; the link stage calls assign() from one thread.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "doc/doc.h"

namespace recoupe {

//! What one stored article gave an utterance: enough to rebuild the grouper on a resumed run.
struct UtteranceRecord {
  uint64_t id = 0;                //!< the number of its id ("u12" → 12)
  std::string speaker;            //!< the speaker of the article's first quotation with this id
  std::vector<uint64_t> terms;    //!< sorted union of the terms of those quotations
  bool operator==(const UtteranceRecord&) const = default;
};

class UtteranceGrouper {
 public:
  //! Share of the shorter side's content words that must be found in the other to be one utterance:
  //! a majority, so that two quotations are one only when most of what one says is in the other.
  static constexpr double kMinContainment = 0.5;

  //! Sets Quote::utterance on every quotation of `doc`, whose story (doc.link.story) is known.
  void assign(Doc& doc);

  //! Starts ids after `used` (ids stored by an earlier run).
  void skip_ids(uint64_t used) { last_id_ = std::max(last_id_, used); }

  //! The records of a linked document's quotations, one per utterance id, in order of first quotation.
  static std::vector<UtteranceRecord> records_of(const Doc& doc);
  //! Re-applies what a stored document of `story` gave (records_of), in link order, before any assign():
  //! quotations of later documents then join utterances of earlier runs as they would in one run.
  void restore(const std::string& story, const std::vector<UtteranceRecord>& records);

  //! Utterances opened so far.
  size_t size() const { return utterances_.size(); }

  //! |a ∩ b| / min(|a|, |b|) of two sorted term sets; 0 when either is empty.
  static double containment(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b);
  //! True when two speaker names designate the same person ("Loukachenko", "Alexandre Loukachenko").
  static bool same_speaker(const std::string& a, const std::string& b);
  //! The same test on names already split into folded words.
  static bool same_speaker(const std::vector<std::string>& a, const std::vector<std::string>& b);

 private:
  struct Utterance {
    std::string speaker;
    std::vector<std::string> speaker_words;  // folded words of the speaker's name
    std::vector<uint64_t> terms;  // sorted union of its members' terms
    uint64_t first_doc = 0;       // link order of the document that opened it (0: a stored one)
    uint64_t id = 0;              // "u<id>"
  };
  std::vector<Utterance> utterances_;
  // Story label → surname hash → the story's utterances of that surname, oldest first: a quotation is
  // compared with its speaker's utterances only, where a big story holds hundreds of others.
  std::unordered_map<std::string, std::unordered_map<uint64_t, std::vector<uint32_t>>> by_story_;
  std::unordered_map<uint64_t, uint32_t> by_id_;  // id → index, of restored utterances
  uint64_t docs_ = 0;
  uint64_t last_id_ = 0;  // the highest id given or restored
};

}  // namespace recoupe
