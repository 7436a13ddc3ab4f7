#include "link/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "common/string_store.h"

namespace recoupe {
namespace {
constexpr size_t kCandidateTerms = 40;   // strongest document terms used to find candidate stories
constexpr uint64_t kSweepEvery = 2000;   // documents between two sweeps of closed stories
constexpr size_t kExplainTerms = 8;

// Dot product of two vectors sorted by term.
double sparse_dot(const std::vector<std::pair<uint64_t, float>>& a, const std::vector<std::pair<uint64_t, float>>& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) ++i;
    else if (b[j].first < a[i].first) ++j;
    else dot += static_cast<double>(a[i++].second) * b[j++].second;
  }
  return dot;
}

}  // namespace

void StoryClusterer::count_document(const LinkFeatures& f) {
  ++documents_;
  for (const auto& t : f.terms) ++df_[t.term];
}

StoryClusterer::Vector StoryClusterer::weigh(const LinkFeatures& f) {
  Vector v;
  v.reserve(f.terms.size());
  double norm = 0;
  const double n = static_cast<double>(documents_) + options_.prior_documents;
  for (const auto& t : f.terms) {
    const auto it = df_.find(t.term);
    const double df = it == df_.end() ? 1.0 : it->second;
    const double w = (1.0 + std::log(std::max(1.0f, t.weight))) * std::log(1.0 + n / df);
    v.emplace_back(t.term, static_cast<float>(w));
  }
  if (options_.doc_terms > 0 && v.size() > options_.doc_terms) {
    const auto keep = static_cast<std::ptrdiff_t>(options_.doc_terms);
    std::nth_element(v.begin(), v.begin() + keep, v.end(), [](const auto& a, const auto& b) {
      return a.second > b.second || (a.second == b.second && a.first < b.first);
    });
    v.resize(options_.doc_terms);
  }
  for (const auto& [term, w] : v) norm += static_cast<double>(w) * w;
  norm = std::sqrt(norm);
  if (norm > 0) {
    for (auto& [term, w] : v) w = static_cast<float>(w / norm);
  }
  return v;
}

uint32_t StoryClusterer::open_story() {
  StoryState s;
  s.index = static_cast<uint32_t>(stories_.size());
  s.label = "s" + std::to_string(s.index + 1);
  stories_.push_back(std::move(s));
  return stories_.back().index;
}

void StoryClusterer::add_to_story(uint32_t index, const Vector& v, std::optional<int64_t> seconds) {
  StoryState& s = stories_[index];
  ++s.size;
  if (seconds) {
    if (!s.first_seconds || *seconds < *s.first_seconds) s.first_seconds = seconds;
    if (!s.last_seconds || *seconds > *s.last_seconds) s.last_seconds = seconds;
  }
  if (s.closed) return;
  if (options_.recent_members > 0) {
    auto sorted = v;
    std::sort(sorted.begin(), sorted.end());
    if (s.recent.size() >= options_.recent_members) s.recent.erase(s.recent.begin());
    s.recent.push_back(std::move(sorted));
  }
  for (const auto& [term, w] : v) {
    auto [it, inserted] = s.centroid.try_emplace(term, 0.0f);
    it->second += w;
    if (inserted) postings_[term].push_back(index);
  }
  if (s.centroid.size() > 2 * options_.centroid_terms) {
    std::vector<std::pair<float, uint64_t>> by_weight;
    by_weight.reserve(s.centroid.size());
    for (const auto& [term, w] : s.centroid) by_weight.emplace_back(w, term);
    std::nth_element(by_weight.begin(), by_weight.begin() + static_cast<std::ptrdiff_t>(options_.centroid_terms),
                     by_weight.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    for (size_t i = options_.centroid_terms; i < by_weight.size(); ++i) s.centroid.erase(by_weight[i].second);
    // Postings of dropped terms go stale; lookups check the centroid, and sweeps clean them.
  }
  double norm = 0;
  for (const auto& [term, w] : s.centroid) norm += static_cast<double>(w) * w;
  s.norm = std::sqrt(norm);
}

double StoryClusterer::time_factor(const StoryState& s, std::optional<int64_t> seconds, double* gap_days) const {
  if (!seconds || !s.last_seconds) {
    if (gap_days) *gap_days = -1;
    return 1.0;
  }
  // A document older than the story's last article is inside it in time: no gap.
  const double gap = std::max(0.0, static_cast<double>(*seconds - *s.last_seconds) / 86400.0);
  if (gap_days) *gap_days = gap;
  if (gap > options_.window_days) return 0.0;
  if (gap <= options_.fresh_days) return 1.0;
  return std::exp(-(gap - options_.fresh_days) / options_.decay_days);
}

void StoryClusterer::close_quiet_stories(int64_t now) {
  const auto limit = static_cast<int64_t>(options_.window_days * 86400.0);
  for (auto& s : stories_) {
    if (!s.closed && s.last_seconds && now - *s.last_seconds > limit) {
      s.closed = true;
      std::unordered_map<uint64_t, float>().swap(s.centroid);
      decltype(s.recent)().swap(s.recent);
    }
  }
  for (auto it = postings_.begin(); it != postings_.end();) {
    auto& list = it->second;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](uint32_t i) { return stories_[i].closed || !stories_[i].centroid.count(it->first); }),
               list.end());
    it = list.empty() ? postings_.erase(it) : std::next(it);
  }
}

void StoryClusterer::place(Doc& doc, std::optional<uint32_t> forced_story) {
  const std::optional<int64_t> seconds =
      doc.published ? std::optional<int64_t>(doc.published->seconds) : std::nullopt;
  if (seconds && (!now_ || *seconds > *now_)) now_ = seconds;
  if (++since_sweep_ >= kSweepEvery && now_) {
    since_sweep_ = 0;
    close_quiet_stories(*now_);
  }
  count_document(doc.features);
  const Vector v = weigh(doc.features);

  // Candidate stories: those sharing one of the document's strongest terms.
  std::vector<size_t> order(v.size());
  for (size_t i = 0; i < v.size(); ++i) order[i] = i;
  const size_t top = std::min(kCandidateTerms, v.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                    [&](size_t a, size_t b) { return v[a].second > v[b].second || (v[a].second == v[b].second && v[a].first < v[b].first); });
  std::vector<uint32_t> candidates;
  {
    std::unordered_set<uint32_t> seen;
    for (size_t k = 0; k < top; ++k) {
      auto it = postings_.find(v[order[k]].first);
      if (it == postings_.end()) continue;
      for (uint32_t s : it->second) {
        if (!stories_[s].closed && seen.insert(s).second) candidates.push_back(s);
      }
    }
    std::sort(candidates.begin(), candidates.end());
  }

  Vector sorted_v = v;
  std::sort(sorted_v.begin(), sorted_v.end());
  auto score = [&](const StoryState& s, double* gap) {
    if (s.norm <= 0) return 0.0;
    double dot = 0;
    for (const auto& [term, w] : v) {
      auto it = s.centroid.find(term);
      if (it != s.centroid.end()) dot += static_cast<double>(w) * it->second;
    }
    double best_member = 0;
    for (const auto& m : s.recent) best_member = std::max(best_member, sparse_dot(sorted_v, m));
    const double sim = s.recent.empty() ? dot / s.norm
                                        : options_.centroid_share * dot / s.norm + (1 - options_.centroid_share) * best_member;
    return sim * time_factor(s, seconds, gap);
  };

  LinkDecision& d = doc.link;
  d.threshold = options_.threshold;
  std::optional<uint32_t> best;
  double best_score = 0, best_gap = -1;
  for (uint32_t s : candidates) {
    double gap = -1;
    const double sc = score(stories_[s], &gap);
    if (!best || sc > best_score) {
      best = s;
      best_score = sc;
      best_gap = gap;
    }
  }
  uint32_t chosen;
  if (forced_story) {
    chosen = *forced_story;
    d.new_story = false;
    double gap = -1;
    d.similarity = stories_[chosen].closed ? 0.0 : score(stories_[chosen], &gap);
    d.gap_days = gap;
  } else if (best && best_score >= options_.threshold) {
    chosen = *best;
    d.new_story = false;
    d.similarity = best_score;
    d.gap_days = best_gap;
  } else {
    chosen = open_story();
    d.new_story = true;
    d.similarity = best ? best_score : 0.0;
    d.gap_days = best ? best_gap : -1;
    if (best) d.best_other_story = stories_[*best].label;
  }
  // Why: the strongest terms shared with the story joined (or the best one refused), names first.
  d.shared_terms.clear();
  const std::optional<uint32_t> compared = d.new_story ? best : std::optional<uint32_t>(chosen);
  if (compared && !stories_[*compared].closed) {
    const StoryState& s = stories_[*compared];
    std::vector<std::pair<double, uint64_t>> shared;
    for (const auto& [term, w] : v) {
      auto it = s.centroid.find(term);
      if (it == s.centroid.end()) continue;
      const bool is_name = std::binary_search(doc.features.names.begin(), doc.features.names.end(), term);
      shared.emplace_back((is_name ? 10.0 : 1.0) * w * it->second, term);
    }
    std::sort(shared.begin(), shared.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    for (size_t i = 0; i < shared.size() && i < kExplainTerms; ++i) {
      d.shared_terms.push_back(StringStore::global().lookup(shared[i].second));
    }
  }
  d.story = stories_[chosen].label;
  add_to_story(chosen, v, seconds);
}

void StoryClusterer::replay(const LinkFeatures& features, std::optional<int64_t> seconds, uint32_t story_index) {
  if (seconds && (!now_ || *seconds > *now_)) now_ = seconds;
  if (++since_sweep_ >= kSweepEvery && now_) {
    since_sweep_ = 0;
    close_quiet_stories(*now_);
  }
  count_document(features);
  const Vector v = weigh(features);
  while (stories_.size() <= story_index) open_story();
  add_to_story(story_index, v, seconds);
}

uint32_t StoryClusterer::story_index(const std::string& label) const {
  if (label.size() < 2 || label[0] != 's') return UINT32_MAX;
  return static_cast<uint32_t>(std::stoul(label.substr(1)) - 1);
}

}  // namespace recoupe
