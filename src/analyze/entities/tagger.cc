#include "analyze/entities/tagger.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "analyze/entities/data.h"
#include "common/flat_hash_map.h"

namespace recoupe::ner {
namespace {

constexpr char kMagic[4] = {'R', 'N', 'E', 'R'};
constexpr uint32_t kVersion = 1;
constexpr size_t kRows = size_t{1} << kRowBits;

template <typename T>
void put(std::string& out, T v) {
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out.append(b, sizeof(T));
}

template <typename T>
bool get(std::string_view& in, T& v) {
  if (in.size() < sizeof(T)) return false;
  std::memcpy(&v, in.data(), sizeof(T));
  in.remove_prefix(sizeof(T));
  return true;
}

// Greedy decoding shared by the shipped model and training: `score(i, prev, prev2, scores)` fills kRow scores
// for token i after tags prev2, prev; `on_tag(i, best)` sees each scored decision. Always inlined: the
// tagger's POPCNT clone (see tag_sentence) only counts bits with the instruction in code inlined into it.
template <typename Scores, typename Score, typename OnTag>
[[gnu::always_inline]] inline void decode(const DocView& view, size_t begin, size_t end, uint8_t* tags, Score&& score,
                                          OnTag&& on_tag) {
  int prev = kO, prev2 = kO;
  bool prev_lower = false;  // the previous token is a lower-case word inside the name (not a particle)
  bool prev_caps = false;   // the previous token is a word in capitals inside the name (an acronym)
  // A raw pointer, read once: the byte-wide stores into `tags` may alias anything, and would make the
  // compiler load the vector's start again for each token.
  const TokenView* const tokens = view.tokens.data();
  for (size_t i = begin; i < end; ++i) {
    int best = kO;
    const TokenView& tok = tokens[i];
    const bool can_start = may_start(tok);
    if (prev != kO || can_start) {
      Scores s{};
      score(i, prev, prev2, s);
      bool found = false;
      const bool can_continue = may_continue(tok);
      // A person's name goes on over capitalised words and particles ("de", "van"), not lower-case words.
      const bool connector = (tok.trigger & kTrigConnector) != 0;
      const bool person_goes_on = tok.shape != kLower || connector;
      // No name goes on over a stopword ("avait", "qui") unless a listed name does ("Médecins sans frontières").
      // Nor over two lower-case words in a row ("Commission européenne prépare"), unless listed.
      const bool listed = (tok.gaz & (gaz_inside_bit(kGazLoc) | gaz_inside_bit(kGazOrg) | gaz_inside_bit(kGazPer))) != 0;
      const bool lower = tok.shape == kLower && !connector;
      // Nor over a lower-case word after an acronym ("CGT appelle").
      const bool name_goes_on =
          listed || connector || (!(tok.flags & Token::kStop) && !(lower && (prev_lower || prev_caps)));
      for (int t = 0; t < kTagCount; ++t) {
        if (!allowed(prev, t) || (is_inside(t) && !can_continue) || (is_begin(t) && !can_start) ||
            (t == kIPer && !person_goes_on) || (is_inside(t) && !name_goes_on)) {
          continue;
        }
        if (!found || s[t] > s[best]) best = t;
        found = true;
      }
      on_tag(i, best);
    }
    tags[i - begin] = static_cast<uint8_t>(best);
    prev_lower = is_inside(best) && tok.shape == kLower && !(tok.trigger & kTrigConnector);
    prev_caps = best != kO && tok.shape == kAllCaps;
    prev2 = prev;
    prev = best;
  }
}

// The summed weights of the features a token has on its own (kOwnFeatures: its static ones, and those that
// read it with the previous tag), per thread and model: the same words come back all through a text and
// from one article to the next, and their affixes, shapes and marks need not be hashed and looked up
// again. Integer sums, so the scores are exactly those of the features one by one.
class OwnScores {
 public:
  // Inlined into the tagger, so that its POPCNT clone scores the features of a word it has no sums for.
  [[gnu::always_inline]] const std::array<int32_t, kRow>& get(const Model& model, const DocView& view, size_t begin,
                                                              size_t end, size_t i, int prev,
                                                              std::vector<uint64_t>& feats) {
    if (model.id() != model_) {
      map_.clear();
      model_ = model.id();
    }
    OwnKey key = own_key(view, begin, i);
    key.marks |= static_cast<uint64_t>(prev) << 48;  // the history features it sums read the previous tag
    const uint64_t hash = key.form ^ (key.marks * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL);
    if (const Entry* e = map_.find(hash); e && e->key == key) return e->sums;
    feats.clear();
    static_features(view, begin, end, i, false, feats, kOwnFeatures);
    history_features(view, i, prev, kO, false, feats, kOwnFeatures);  // these do not read prev2
    scratch_.sums.fill(0);
    scratch_.key = key;
    model.score(feats, scratch_.sums.data());
    if (map_.size() >= kMaxEntries) map_.clear();  // bounded: a long run meets ever more words
    if (!map_.find(hash)) map_.try_emplace(hash, scratch_);  // a colliding key is scored, not kept
    return scratch_.sums;
  }

 private:
  struct Entry {
    OwnKey key;
    std::array<int32_t, kRow> sums{};
  };
  // Small enough to stay in the second-level cache between articles (8,192 slots of 56 bytes, 450 KB): a
  // table four times larger kept more sums, but its lookups missed that cache, which cost more time than
  // scoring again the sums it would have kept.
  static constexpr size_t kMaxEntries = size_t{1} << 12;
  FlatHashMap<Entry> map_{kMaxEntries};
  Entry scratch_;
  uint64_t model_ = 0;
};

}  // namespace

Result<Model> Model::parse(std::string_view in) {
  auto bad = [](const std::string& why) { return Error{Errc::kBadInput, "entity model: " + why}; };
  if (in.size() < 4 || std::memcmp(in.data(), kMagic, 4) != 0) return bad("not a model file (no RNER header)");
  in.remove_prefix(4);
  uint32_t version = 0, row_bits = 0, rows = 0;
  float scale = 0;
  if (!get(in, version) || !get(in, row_bits) || !get(in, rows) || !get(in, scale)) return bad("header cut short");
  if (version != kVersion) return bad("version " + std::to_string(version) + ", this build reads 1");
  if (row_bits != kRowBits) return bad("row bits " + std::to_string(row_bits) + ", this build uses " + std::to_string(kRowBits));
  if (in.size() < static_cast<size_t>(rows) * (4 + kRow)) return bad("rows cut short");
  Model m;
  m.blocks_.assign(kRows / 64, Block{});
  m.rows_.reserve((static_cast<size_t>(rows) + 1) * kRow);
  int64_t last = -1;
  for (uint32_t r = 0; r < rows; ++r) {
    uint32_t index = 0;
    get(in, index);
    if (index >= kRows) return bad("row index out of range");
    if (static_cast<int64_t>(index) <= last) return bad("row indices not increasing");
    last = index;
    Block& b = m.blocks_[index >> 6];
    if (b.present == 0) b.rank = static_cast<uint32_t>(m.rows_.size() / kRow);
    b.present |= uint64_t{1} << (index & 63);
    m.rows_.insert(m.rows_.end(), in.data(), in.data() + kRow);
    in.remove_prefix(kRow);
  }
  m.rows_.insert(m.rows_.end(), kRow, 0);  // the spare row that stored_row() may read for a feature without one
  m.nonzero_rows_ = rows;
  for (int f = 0; f < kCodeFeatureCount; ++f) {
    m.code_offsets_[static_cast<size_t>(f)] = static_cast<uint32_t>(m.code_rows_.size());
    for (uint32_t code = 0; code < kCodeCounts[f]; ++code) {
      uint64_t feature = 0;
      const bool any = code_feature(static_cast<CodeFeature>(f), code, feature);
      m.code_rows_.push_back(any ? m.stored_row(feature) : 0);
    }
  }
  static std::atomic<uint64_t> models{0};
  m.id_ = ++models;
  return m;
}

const Model& Model::builtin() {
  static const Model* model = [] {
    Result<Model> m = parse(data::model());
    if (!m) throw std::runtime_error(m.error().message);
    return new Model(std::move(m.value()));
  }();
  return *model;
}

// The model's rank lookups count bits (popcount()): GCC compiles that to one instruction in a clone of the
// tagger for the processors that have it, chosen when the program loads.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
[[gnu::target_clones("popcnt", "default")]]
#endif
void tag_sentence(const Model& model, const DocView& view, size_t begin, size_t end, std::vector<uint8_t>& tags) {
  thread_local std::vector<uint64_t> feats;
  thread_local OwnScores own;
  tags.assign(end - begin, kO);
  decode<std::array<int32_t, kRow>>(
      view, begin, end, tags.data(),
      [&](size_t i, int prev, int prev2, std::array<int32_t, kRow>& s) __attribute__((always_inline)) {
        s = own.get(model, view, begin, end, i, prev, feats);
        uint64_t words[kWordContextCount];
        word_context_features(view, begin, end, i, words);
        uint32_t codes[kCodeFeatureCount];
        feature_codes(view, begin, end, i, prev, prev2, codes);
        model.score_context(words, codes, s.data());
      },
      [](size_t, int) {});
}

Trainer::Trainer() : w_(kRows * kRow, 0.0f), u_(kRows * kRow, 0.0f) {}

size_t Trainer::learn(const DocView& view, size_t begin, size_t end, const uint8_t* gold, bool no_gazetteer) {
  std::vector<uint8_t> tags(end - begin);
  size_t errors = 0;
  decode<std::array<float, kRow>>(
      view, begin, end, tags.data(),
      [&](size_t i, int prev, int prev2, std::array<float, kRow>& s) {
        feats_.clear();
        static_features(view, begin, end, i, no_gazetteer, feats_);
        history_features(view, i, prev, prev2, no_gazetteer, feats_);
        for (uint64_t x : feats_) {
          const float* w = w_.data() + static_cast<size_t>(row_of(x)) * kRow;
          for (int c = 0; c < kRow; ++c) s[c] += w[c];
        }
      },
      [&](size_t i, int best) {
        const int want = gold[i - begin];
        if (best != want) {
          const double c = c_;
          for (uint64_t x : feats_) {
            const size_t r = static_cast<size_t>(row_of(x)) * kRow;
            w_[r + want] += 1;
            u_[r + want] += c;
            w_[r + best] -= 1;
            u_[r + best] -= c;
          }
        }
        c_ += 1;
      });
  for (size_t i = begin; i < end; ++i) errors += tags[i - begin] != gold[i - begin];
  return errors;
}

std::string Trainer::save(size_t max_rows) const {
  std::vector<float> avg(w_.size());
  for (size_t k = 0; k < w_.size(); ++k) avg[k] = static_cast<float>(w_[k] - u_[k] / c_);
  std::vector<std::pair<float, uint32_t>> strength;
  for (size_t r = 0; r < kRows; ++r) {
    float m = 0;
    for (int c = 0; c < kRow; ++c) m = std::max(m, std::fabs(avg[r * kRow + c]));
    if (m > 0) strength.emplace_back(m, static_cast<uint32_t>(r));
  }
  if (strength.size() > max_rows) {
    std::nth_element(strength.begin(), strength.begin() + static_cast<std::ptrdiff_t>(max_rows), strength.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    strength.resize(max_rows);
  }
  // Scale so that all but the strongest 0.1% of weights fit in int8; those are clipped.
  std::vector<float> mags;
  for (const auto& [m, r] : strength) {
    for (int c = 0; c < kRow; ++c) mags.push_back(std::fabs(avg[static_cast<size_t>(r) * kRow + c]));
  }
  float top = 1;
  if (!mags.empty()) {
    const size_t q = std::min(mags.size() - 1, static_cast<size_t>(static_cast<double>(mags.size()) * 0.999));
    std::nth_element(mags.begin(), mags.begin() + static_cast<std::ptrdiff_t>(q), mags.end());
    top = std::max(mags[q], 1e-6f);
  }
  const float scale = 127.0f / top;
  std::sort(strength.begin(), strength.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  std::string out(kMagic, 4);
  put(out, kVersion);
  put(out, static_cast<uint32_t>(kRowBits));
  std::string rows;
  uint32_t count = 0;
  for (const auto& [m, r] : strength) {
    int8_t q[kRow];
    bool any = false;
    for (int c = 0; c < kRow; ++c) {
      const float v = std::round(avg[static_cast<size_t>(r) * kRow + c] * scale);
      q[c] = static_cast<int8_t>(std::clamp(v, -127.0f, 127.0f));
      any |= q[c] != 0;
    }
    if (!any) continue;
    put(rows, r);
    rows.append(reinterpret_cast<const char*>(q), kRow);
    ++count;
  }
  put(out, count);
  put(out, scale);
  out += rows;
  return out;
}

}  // namespace recoupe::ner
