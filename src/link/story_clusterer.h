// src/link/story_clusterer.h
//
// Online story clustering (single pass, as in TDT first-story detection):
// each document, taken in publication order, joins the active story whose
// centroid is most similar to it, or opens a new story. Similarity is the
// cosine of TF-IDF vectors with document frequencies counted over the stream
// so far (no look-ahead), discounted by the time since the story's last
// article; a story quiet for longer than the window stops attracting articles.
// Undated documents may join any active story and do not age it; among undated
// documents the stream order stands for time (see undated_burst_bonus).
//
// Thread safety: none; one thread feeds documents in order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/flat_hash_map.h"
#include "doc/doc.h"

namespace recoupe {

struct StoryOptions {
  double threshold = 0.25;    //!< score needed to join a story
  double window_days = 14;    //!< a story quiet for longer is closed
  double fresh_days = 1.5;    //!< no time discount below this gap
  double decay_days = 10;     //!< then the score decays as exp(-(gap - fresh) / decay)
  size_t centroid_terms = 150;  //!< terms kept per story centroid
  double centroid_share = 0.5;  //!< score = share × cos(centroid) + (1 − share) × best cos(recent member)
  //! Pseudo-documents in which no term occurs, added to the stream's count: early in a stream, and
  //! when a stream opens with one topic, the topic's words keep a high weight instead of looking common.
  double prior_documents = 1000;
  size_t recent_members = 8;   //!< members kept per story for the member term of the score
  //! Document vectors are two channels, names (terms written capitalised mid-sentence) and other
  //! words, each normalised on its own: cosine = name_share × cos(names) + (1 − name_share) × cos(words).
  //! Sharing the same people and places is not enough to be the same story (two meetings of the
  //! same two presidents); the event's own words must match too.
  double name_share = 0.3;
  //! Without dates the stream's order is the only clock: when both an undated document and the
  //! one before it are undated, its score against the story the previous one joined is multiplied
  //! by (1 + bonus) (news comes in bursts; an undated collection is usually given story by story).
  double undated_burst_bonus = 1.0;
};

//! One story as the clusterer keeps it.
struct StoryState {
  uint32_t index = 0;
  std::string label;               //!< "s<index+1>"
  std::vector<std::pair<uint32_t, float>> centroid;  //!< sum of member vectors (pruned), by term id
  double norm = 0;                 //!< L2 norm of centroid
  uint32_t size = 0;
  std::optional<int64_t> first_seconds, last_seconds;  //!< dated members only; a month-only date spans its month
  bool closed = false;             //!< expired: centroid freed
  std::vector<std::vector<std::pair<uint32_t, float>>> recent;  //!< latest members' vectors, by term id
};

class StoryClusterer {
 public:
  explicit StoryClusterer(StoryOptions options = {}) : options_(options), vocabulary_(1 << 16) {}

  //! Decides the story of `doc` (fills doc.link except duplicate fields) and adds it.
  //! When `forced_story` is given (a near-duplicate's story), the document joins it.
  void place(Doc& doc, std::optional<uint32_t> forced_story = std::nullopt);

  //! Re-applies a decision made earlier (rebuilding state from the store): updates
  //! document frequencies and the story exactly as place() did.
  void replay(const LinkFeatures& features, const std::optional<Timestamp>& published, uint32_t story_index);

  const std::vector<StoryState>& stories() const { return stories_; }
  uint32_t story_index(const std::string& label) const;
  const StoryOptions& options() const { return options_; }

 private:
  //! A weighted document or centroid, sorted by term id.
  using Vector = std::vector<std::pair<uint32_t, float>>;
  //! Counts the document's terms (giving new ones an id) and returns its vector.
  Vector count_and_weigh(const LinkFeatures& f);
  void add_to_story(uint32_t story, const Vector& v, const std::optional<Timestamp>& published);
  uint32_t open_story();
  //! Moves the stream's clock to `published` if later, and now and then closes quiet stories.
  void advance_clock(const std::optional<Timestamp>& published);
  void close_quiet_stories(int64_t now);
  double time_factor(const StoryState& s, const std::optional<Timestamp>& published, double* gap_days) const;

  StoryOptions options_;
  // Terms get dense ids in order of first sight, so that vectors are compact and postings an array.
  struct TermInfo {
    uint32_t id;
    uint32_t df;  // documents seen so far with the term
  };
  FlatHashMap<TermInfo> vocabulary_;
  std::vector<uint64_t> term_hash_;  // by id
  uint64_t documents_ = 0;
  std::vector<StoryState> stories_;
  std::vector<std::vector<uint32_t>> postings_;  // by term id: stories whose centroid has (or had) it
  std::optional<int64_t> now_;  // latest publication time seen
  uint64_t since_sweep_ = 0;
  std::optional<uint32_t> undated_burst_;  // story of the previous document, when that one was undated
  std::vector<uint8_t> open_;              // by story: 1 while not closed (compact, for the postings scan)
  std::vector<float> shared_weight_;       // scratch, by story: weight of the document's top terms it shares
  std::vector<float> dense_;               // scratch, by term id: the document being placed (see DenseScatter)
};

}  // namespace recoupe
