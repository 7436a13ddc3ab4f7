// What the link stage compares: a bag of weighted stems of the title, abstract
// and the body's first kBodyWords words (title and abstract count more than the
// body, proper names more than common words) and a MinHash
// signature of the body's word 4-grams for near-duplicate search.
//
// MinHash is one-permutation hashing with densification by rotation
// (Shrivastava & Li 2014): one hash per shingle instead of one per shingle and
// permutation, which is what makes it cheap enough to run on every article.
#define XXH_INLINE_ALL  // one hash per shingle: inlined, without the shared library's call
#include <xxhash.h>

#include <algorithm>
#include <array>

#include "analyze/components.h"
#include "common/flat_hash_map.h"
#include "common/folding.h"
#include "common/string_store.h"

namespace recoupe {
namespace {

constexpr float kFieldWeight[kFieldCount] = {3.0f, 2.0f, 1.0f};  // title, abstract, text
constexpr float kNameBoost = 2.0f;
constexpr float kEntityWeight = 0.5f;  // a canonical entity name, beside its words
// Body words counted as terms: the lead tells the event; later paragraphs drift to
// background shared by every story on the same theme (June set: 200-300 words best).
constexpr int kBodyWords = 250;
constexpr int kShingleWords = 4;
constexpr int kBinBits = 7;  // 2^7 = LinkFeatures::kMinhashSize bins
static_assert((1 << kBinBits) == LinkFeatures::kMinhashSize);

uint64_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

bool by_term(const TermWeight& a, const TermWeight& b) { return a.term < b.term; }

std::vector<uint32_t> minhash_of(const std::vector<uint64_t>& words) {
  std::vector<uint32_t> dense;
  if (words.empty()) return dense;
  const size_t k = std::min<size_t>(kShingleWords, words.size());
  constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  std::array<uint32_t, LinkFeatures::kMinhashSize> bins;
  bins.fill(kEmpty);
  for (size_t i = 0; i + k <= words.size(); ++i) {
    const uint64_t h = XXH3_64bits(&words[i], k * sizeof(uint64_t));
    const auto bin = static_cast<size_t>(h >> (64 - kBinBits));
    const auto value = static_cast<uint32_t>(h);
    if (value < bins[bin]) bins[bin] = value;
  }
  // Densify: an empty bin borrows the value of the next filled bin to its right,
  // salted by the distance so that two documents agree on it only when they agree there.
  dense.resize(bins.size());
  for (size_t b = 0; b < bins.size(); ++b) {
    size_t d = 0;
    while (bins[(b + d) % bins.size()] == kEmpty) ++d;
    dense[b] = d == 0 ? bins[b] : static_cast<uint32_t>(mix(bins[(b + d) % bins.size()] + d * 0x9E3779B97F4A7C15ULL));
  }
  return dense;
}

class LinkFeaturesComponent final : public Component {
 public:
  std::string name() const override { return "link_features"; }
  //! Reads `doc.entities` too when the entities component ran before it (it is optional).
  std::vector<std::string> requires_() const override { return {"doc.tokens", "token.term", "token.stop"}; }
  std::vector<std::string> assigns() const override { return {"doc.link_features"}; }

  void process(Doc& doc) const override {
    // One pass over the tokens: the terms written as names (capitalised mid-sentence), one
    // (term, weight) per counted occurrence, and the body's words for MinHash. Per-thread buffers.
    LinkFeatures& out = doc.features;
    out.names.clear();
    thread_local std::vector<TermWeight> occurrences;
    thread_local std::vector<uint64_t> body_words;
    occurrences.clear();
    body_words.clear();
    int body_seen = 0;
    for (const Token& t : doc.tokens) {
      if (!t.has(Token::kWord)) continue;
      if (t.has(Token::kCapitalized) && !t.has(Token::kSentenceStart) && !t.has(Token::kStop)) out.names.push_back(t.term);
      if (t.span.field != Field::kTitle) body_words.push_back(t.term);  // MinHash sees the whole body
      if (t.span.field == Field::kText && ++body_seen > kBodyWords) continue;
      if (t.has(Token::kStop) || t.has(Token::kNumber) || t.span.size() < 2) continue;
      occurrences.push_back({t.term, kFieldWeight[static_cast<int>(t.span.field)]});
    }
    std::sort(out.names.begin(), out.names.end());
    out.names.erase(std::unique(out.names.begin(), out.names.end()), out.names.end());
    // Occurrences summed per term (sorting beats a hash map here), a name's sum boosted once, the
    // names met in the same walk. The weights are small multiples of 0.5 (entities' too), whose
    // float sums and doubles are exact in any order.
    std::sort(occurrences.begin(), occurrences.end(), by_term);
    out.terms.clear();
    auto name = out.names.begin();
    for (size_t i = 0; i < occurrences.size();) {
      TermWeight sum = occurrences[i];
      while (++i < occurrences.size() && occurrences[i].term == sum.term) sum.weight += occurrences[i].weight;
      while (name != out.names.end() && *name < sum.term) ++name;
      if (name != out.names.end() && *name == sum.term) sum.weight *= kNameBoost;
      out.terms.push_back(sum);
    }
    if (doc.entities) add_entities(doc);
    out.minhash = minhash_of(body_words);
  }

 private:
  // Each entity's canonical name is one more name term: "Loukachenko", "Alexandre Loukachenko" and
  // "Lukashenko" meet on it, and a two-word name counts as one thing, not two loose words.
  // Entity terms join the terms summed from the words, unboosted.
  static void add_entities(Doc& doc) {
    LinkFeatures& out = doc.features;
    thread_local std::vector<TermWeight> occurrences;
    occurrences.clear();
    const size_t names_before = out.names.size();
    std::string key;
    for (const Entity& e : *doc.entities) {
      if (e.canonical.empty() || e.type == Entity::Type::kMisc) continue;
      key.clear();
      key.push_back('@');
      fold_append(e.canonical, key);
      const uint64_t term = hash_string(key);
      // Half a word's weight: the surname is a name term already, and the full weight double-counted
      // it (June set BCubed 0.962 -> 0.957); at half, spellings meet without tipping other decisions.
      occurrences.push_back({term, kEntityWeight * kFieldWeight[static_cast<int>(e.span.field)]});
      if (out.names.size() == names_before || out.names.back() != term) {
        out.names.push_back(term);
        // Readable in `recoupe explain`. A name recurs from article to article: each thread interns it
        // once, rather than taking the store's lock and probing its map for every mention.
        thread_local FlatHashMap<uint8_t> interned(size_t{1} << 14);
        if (!interned.find(term)) {
          if (interned.size() >= (size_t{1} << 20)) interned.clear();  // bounded, in a long run
          interned.try_emplace(term, 1);
          StringStore::global().intern(term, e.canonical);
        }
      }
    }
    std::sort(out.names.begin(), out.names.end());
    out.names.erase(std::unique(out.names.begin(), out.names.end()), out.names.end());
    if (occurrences.empty()) return;
    std::sort(occurrences.begin(), occurrences.end(), by_term);
    // Merged with the words' terms; an entity named several times comes once, its weights summed.
    thread_local std::vector<TermWeight> merged;
    merged.clear();
    size_t i = 0, j = 0;
    while (i < out.terms.size() || j < occurrences.size()) {
      const bool word = j == occurrences.size() || (i < out.terms.size() && out.terms[i].term <= occurrences[j].term);
      const TermWeight& next = word ? out.terms[i++] : occurrences[j++];
      if (!merged.empty() && merged.back().term == next.term) {
        merged.back().weight += next.weight;
      } else {
        merged.push_back(next);
      }
    }
    out.terms.assign(merged.begin(), merged.end());
  }
};

}  // namespace

std::unique_ptr<Component> make_link_features() { return std::make_unique<LinkFeaturesComponent>(); }

}  // namespace recoupe
