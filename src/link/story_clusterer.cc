#include "link/story_clusterer.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>


namespace recoupe {
namespace {
constexpr size_t kCandidateTerms = 20;   // strongest document terms used to find candidate stories
constexpr size_t kShortlist = 5;        // stories scored by centroid cosine
constexpr size_t kFinalists = 2;         // stories scored in full
constexpr uint64_t kSweepEvery = 2000;   // documents between two sweeps of closed stories
constexpr size_t kExplainTerms = 8;

// The document's weights spread over a dense array by term id (zero elsewhere), for the time of one
// placement: each dot product with a centroid or member is then one pass over that vector, with
// the products summed in the same term order, hence the same floats, as a merge of the two.
class DenseScatter {
 public:
  DenseScatter(std::vector<float>& dense, const std::vector<std::pair<uint32_t, float>>& doc) : dense_(dense), doc_(doc) {
    for (const auto& [term, w] : doc_) dense_[term] = w;
  }
  ~DenseScatter() {
    for (const auto& tw : doc_) dense_[tw.first] = 0.0f;
  }
  DenseScatter(const DenseScatter&) = delete;
  DenseScatter& operator=(const DenseScatter&) = delete;

  float weight(uint32_t term) const { return dense_[term]; }
  double dot(const std::vector<std::pair<uint32_t, float>>& other) const {
    float sum = 0;
    for (const auto& [term, w] : other) sum += dense_[term] * w;
    return sum;
  }

 private:
  std::vector<float>& dense_;
  const std::vector<std::pair<uint32_t, float>>& doc_;
};

bool has_term(const std::vector<std::pair<uint32_t, float>>& sorted, uint32_t term) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), term, [](const auto& tw, uint32_t t) { return tw.first < t; });
  return it != sorted.end() && it->first == term;
}

}  // namespace

StoryClusterer::Vector StoryClusterer::count_and_weigh(const LinkFeatures& f) {
  ++documents_;
  Vector v;
  v.reserve(f.terms.size());
  std::vector<bool> name(f.terms.size());
  const double n = static_cast<double>(documents_) + options_.prior_documents;
  // The vocabulary is large and each term a likely cache miss: ask for all the slots first.
  for (const auto& t : f.terms) vocabulary_.prefetch(t.term);
  for (const auto& t : f.terms) {
    auto [info, inserted] = vocabulary_.try_emplace(t.term, TermInfo{static_cast<uint32_t>(term_hash_.size()), 0});
    if (inserted) {
      term_hash_.push_back(t.term);
      postings_.emplace_back();
    }
    const double df = ++info.df;
    const double w = (1.0 + std::log(std::max(1.0f, t.weight))) * std::log(1.0 + n / df);
    v.emplace_back(info.id, static_cast<float>(w));
    name[v.size() - 1] = std::binary_search(f.names.begin(), f.names.end(), t.term);
  }
  // Each channel (names, other words) to its share of a unit norm; a document with
  // only one channel puts all its weight there.
  double names_sq = 0, words_sq = 0;
  for (size_t i = 0; i < v.size(); ++i) (name[i] ? names_sq : words_sq) += static_cast<double>(v[i].second) * v[i].second;
  const double name_share = words_sq > 0 ? (names_sq > 0 ? options_.name_share : 0.0) : 1.0;
  const double name_scale = names_sq > 0 ? std::sqrt(name_share / names_sq) : 0.0;
  const double word_scale = words_sq > 0 ? std::sqrt((1 - name_share) / words_sq) : 0.0;
  for (size_t i = 0; i < v.size(); ++i) v[i].second = static_cast<float>(v[i].second * (name[i] ? name_scale : word_scale));
  std::sort(v.begin(), v.end());
  return v;
}

uint32_t StoryClusterer::open_story() {
  StoryState s;
  s.index = static_cast<uint32_t>(stories_.size());
  s.label = "s" + std::to_string(s.index + 1);
  stories_.push_back(std::move(s));
  open_.push_back(1);
  return stories_.back().index;
}

void StoryClusterer::add_to_story(uint32_t index, const Vector& v, const std::optional<Timestamp>& published) {
  StoryState& s = stories_[index];
  ++s.size;
  undated_burst_ = published ? std::nullopt : std::optional<uint32_t>(index);
  if (published) {
    const int64_t first = published->seconds, last = published->end_seconds();
    if (!s.first_seconds || first < *s.first_seconds) s.first_seconds = first;
    if (!s.last_seconds || last > *s.last_seconds) s.last_seconds = last;
  }
  if (s.closed) return;
  if (options_.recent_members > 0) {
    if (s.recent.size() >= options_.recent_members) s.recent.erase(s.recent.begin());
    s.recent.push_back(v);
  }
  // Merge the document into the centroid; both are sorted by term id.
  Vector merged;
  merged.reserve(s.centroid.size() + v.size());
  size_t i = 0, j = 0;
  while (i < s.centroid.size() || j < v.size()) {
    if (j == v.size() || (i < s.centroid.size() && s.centroid[i].first < v[j].first)) {
      merged.push_back(s.centroid[i++]);
    } else if (i == s.centroid.size() || v[j].first < s.centroid[i].first) {
      postings_[v[j].first].push_back(index);  // by id: no hashing
      merged.push_back(v[j++]);
    } else {
      merged.emplace_back(s.centroid[i].first, s.centroid[i].second + v[j].second);
      ++i;
      ++j;
    }
  }
  s.centroid.swap(merged);
  if (s.centroid.size() > 2 * options_.centroid_terms) {
    // Keep the strongest terms (ties by term, for determinism), in term order.
    std::vector<std::pair<float, uint32_t>> by_weight;
    by_weight.reserve(s.centroid.size());
    for (const auto& [term, w] : s.centroid) by_weight.emplace_back(w, term);
    auto stronger = [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); };
    const auto cut = by_weight.begin() + static_cast<std::ptrdiff_t>(options_.centroid_terms - 1);
    std::nth_element(by_weight.begin(), cut, by_weight.end(), stronger);
    const auto weakest_kept = *cut;
    s.centroid.erase(std::remove_if(s.centroid.begin(), s.centroid.end(),
                                    [&](const auto& tw) { return stronger(weakest_kept, std::make_pair(tw.second, tw.first)); }),
                     s.centroid.end());
    // Postings of dropped terms go stale; scoring reads the centroid, and sweeps clean them.
  }
  double norm = 0;
  for (const auto& [term, w] : s.centroid) norm += static_cast<double>(w) * w;
  s.norm = std::sqrt(norm);
}

double StoryClusterer::time_factor(const StoryState& s, const std::optional<Timestamp>& published,
                                   double* gap_days) const {
  if (!published || !s.last_seconds) {
    if (gap_days) *gap_days = -1;
    return 1.0;
  }
  // The gap between the document's period and the story's span: none when they overlap, and
  // measured backwards for a document older than the story (input that is not in time order).
  const int64_t after = published->seconds - *s.last_seconds;
  const int64_t before = *s.first_seconds - published->end_seconds();
  const double gap = static_cast<double>(std::max<int64_t>({0, after, before})) / 86400.0;
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
      open_[s.index] = 0;
      Vector().swap(s.centroid);
      decltype(s.recent)().swap(s.recent);
    }
  }
  for (uint32_t term = 0; term < postings_.size(); ++term) {
    auto& list = postings_[term];
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](uint32_t i) { return stories_[i].closed || !has_term(stories_[i].centroid, term); }),
               list.end());
  }
}

void StoryClusterer::advance_clock(const std::optional<Timestamp>& published) {
  if (published && (!now_ || published->seconds > *now_)) now_ = published->seconds;
  if (++since_sweep_ >= kSweepEvery && now_) {
    since_sweep_ = 0;
    close_quiet_stories(*now_);
  }
}

void StoryClusterer::place(Doc& doc, std::optional<uint32_t> forced_story) {
  advance_clock(doc.published);
  const bool dated = doc.published.has_value();  // the burst rule is for undated articles only
  const Vector v = count_and_weigh(doc.features);
  dense_.resize(term_hash_.size(), 0.0f);

  // Candidate stories, in three steps that each look at fewer stories: those sharing one of the
  // document's strongest terms, ranked by the weight shared; the best of them by centroid
  // cosine; the best of those with the recent-member term too. Full scoring of every story that
  // shares a common word would cost a hash lookup per term and story.
  std::vector<size_t> order(v.size());
  for (size_t i = 0; i < v.size(); ++i) order[i] = i;
  const size_t top = std::min(kCandidateTerms, v.size());
  std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top), order.end(),
                   [&](size_t a, size_t b) { return v[a].second > v[b].second || (v[a].second == v[b].second && v[a].first < v[b].first); });
  shared_weight_.resize(stories_.size(), 0.0f);
  std::vector<uint32_t> touched;
  for (size_t k = 0; k < top; ++k) {
    for (uint32_t s : postings_[v[order[k]].first]) {
      if (!open_[s]) continue;
      if (shared_weight_[s] == 0.0f) touched.push_back(s);
      shared_weight_[s] += v[order[k]].second;
    }
  }
  auto by_shared = [&](uint32_t a, uint32_t b) {
    return shared_weight_[a] > shared_weight_[b] || (shared_weight_[a] == shared_weight_[b] && a < b);
  };
  const size_t keep = std::min(kShortlist, touched.size());
  std::partial_sort(touched.begin(), touched.begin() + static_cast<std::ptrdiff_t>(keep), touched.end(), by_shared);
  for (uint32_t s : touched) shared_weight_[s] = 0.0f;
  touched.resize(keep);
  if (!dated && undated_burst_ && !stories_[*undated_burst_].closed &&
      std::find(touched.begin(), touched.end(), *undated_burst_) == touched.end()) {
    touched.push_back(*undated_burst_);  // the burst's story is always a candidate
  }

  auto burst = [&](uint32_t story) {
    return !dated && undated_burst_ == story ? 1 + options_.undated_burst_bonus : 1.0;
  };
  // The document scattered by term id: a dot product is then one pass over the other vector.
  DenseScatter scatter(dense_, v);
  auto centroid_cosine = [&](const StoryState& s) { return s.norm > 0 ? scatter.dot(s.centroid) / s.norm : 0.0; };
  auto score = [&](const StoryState& s, double centroid, double* gap) {
    double best_member = 0;
    for (const auto& m : s.recent) best_member = std::max(best_member, scatter.dot(m));
    const double sim = s.recent.empty() ? centroid
                                        : options_.centroid_share * centroid + (1 - options_.centroid_share) * best_member;
    return burst(s.index) * sim * time_factor(s, doc.published, gap);
  };
  std::vector<std::pair<double, uint32_t>> shortlist;
  std::vector<std::pair<uint32_t, double>> cosines;  // by story, for the finalists
  for (uint32_t s : touched) {
    const double cosine = centroid_cosine(stories_[s]);
    cosines.emplace_back(s, cosine);
    shortlist.emplace_back(burst(s) * cosine * time_factor(stories_[s], doc.published, nullptr), s);
  }
  auto cosine_of = [&](uint32_t s) {
    for (const auto& [story, cosine] : cosines) {
      if (story == s) return cosine;
    }
    return centroid_cosine(stories_[s]);
  };
  const size_t finalists = std::min(kFinalists, shortlist.size());
  std::partial_sort(shortlist.begin(), shortlist.begin() + static_cast<std::ptrdiff_t>(finalists), shortlist.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
  shortlist.resize(finalists);
  std::vector<uint32_t> candidates;
  for (const auto& [sc, s] : shortlist) candidates.push_back(s);
  std::sort(candidates.begin(), candidates.end());

  LinkDecision& d = doc.link;
  d.threshold = options_.threshold;
  std::optional<uint32_t> best;
  double best_score = 0, best_gap = -1;
  for (uint32_t s : candidates) {
    double gap = -1;
    const double sc = score(stories_[s], cosine_of(s), &gap);
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
    d.similarity = stories_[chosen].closed ? 0.0 : score(stories_[chosen], cosine_of(chosen), &gap);
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
    for (const auto& [term, w] : s.centroid) {  // both sorted by term; the scatter has the document's weights
      const float dw = scatter.weight(term);
      if (dw == 0.0f) continue;
      const uint64_t hash = term_hash_[term];
      const bool is_name = std::binary_search(doc.features.names.begin(), doc.features.names.end(), hash);
      shared.emplace_back((is_name ? 10.0 : 1.0) * dw * w, hash);
    }
    std::sort(shared.begin(), shared.end(), [](const auto& a, const auto& b) { return a.first > b.first || (a.first == b.first && a.second < b.second); });
    for (size_t i = 0; i < shared.size() && i < kExplainTerms; ++i) {
      d.shared_terms.push_back(shared[i].second);
    }
  }
  d.story = stories_[chosen].label;
  add_to_story(chosen, v, doc.published);
}

void StoryClusterer::replay(const LinkFeatures& features, const std::optional<Timestamp>& published,
                            uint32_t story_index) {
  advance_clock(published);
  const Vector v = count_and_weigh(features);
  while (stories_.size() <= story_index) open_story();
  add_to_story(story_index, v, published);
}

uint32_t StoryClusterer::story_index(const std::string& label) const {
  if (label.size() < 2 || label[0] != 's') return UINT32_MAX;
  return static_cast<uint32_t>(std::stoul(label.substr(1)) - 1);
}

}  // namespace recoupe
