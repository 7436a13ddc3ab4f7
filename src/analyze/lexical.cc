// Folded Snowball stems as term ids, and stopword flags. Surfaces repeat a
// lot in news, so each thread caches surface → (term, stop) and stems a word
// once. The cache is keyed by the surface's 64-bit hash (a collision among a
// few hundred thousand surfaces has a probability near 1e-9), and is emptied
// when full rather than grown, so that a long run keeps flat memory.
#include <libstemmer.h>

#define XXH_INLINE_ALL  // one call per word: inlined, without the shared library's call
#include <xxhash.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "analyze/components.h"
#include "analyze/entities/features.h"
#include "analyze/lexicon.h"
#include "common/flat_hash_map.h"
#include "common/folding.h"
#include "common/string_store.h"

namespace recoupe {
namespace {

// Surfaces kept per thread: at most 2^19 entries in 2^20 slots of 32 bytes, 32 MB. The table starts
// small and doubles as surfaces come: a table sized for the worst case from the start spread the
// common words over 32 MB, a cache and TLB miss per word.
constexpr size_t kCacheEntries = size_t{1} << 19;
constexpr size_t kCacheStart = size_t{1} << 12;

struct Entry {
  uint64_t term;
  uint64_t form;   // Token::form
  uint32_t marks;  // Token::marks
  bool stop;
};

class Stemmer {
 public:
  Stemmer() : s_(sb_stemmer_new("french", "UTF_8")) {
    if (!s_) throw std::runtime_error("Snowball French stemmer unavailable");
  }
  ~Stemmer() { sb_stemmer_delete(s_); }
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  std::string_view stem(std::string_view w) {
    const sb_symbol* out = sb_stemmer_stem(s_, reinterpret_cast<const sb_symbol*>(w.data()), static_cast<int>(w.size()));
    if (!out) return w;
    return {reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s_))};
  }

 private:
  sb_stemmer* s_;
};

FlatHashMap<Entry>& thread_cache() {
  thread_local FlatHashMap<Entry> cache(kCacheStart);
  return cache;
}

uint64_t key_of(std::string_view surface) { return XXH3_64bits(surface.data(), surface.size()); }

// `key` is key_of(surface).
Entry lookup(FlatHashMap<Entry>& cache, std::string_view surface, uint64_t key, uint8_t flags) {
  thread_local Stemmer stemmer;
  if (const Entry* hit = cache.find(key)) return *hit;
  const std::string lowered = lower(surface);
  const std::string folded = fold(lowered);
  Entry e;
  e.stop = is_stopword(folded);
  const std::string stem = fold(stemmer.stem(lowered));
  e.term = hash_string(stem);
  ner::word_marks(surface, flags, e.form, e.marks);
  StringStore::global().intern(e.term, folded);
  if (cache.size() + 1 >= kCacheEntries) cache.clear();  // before it would grow
  cache.try_emplace(key, e);
  return e;
}

class Lexical final : public Component {
 public:
  std::string name() const override { return "lexical"; }
  std::vector<std::string> requires_() const override { return {"doc.tokens"}; }
  std::vector<std::string> assigns() const override { return {"token.term", "token.stop", "token.form"}; }
  void process(Doc& doc) const override {
    // One pass over the tokens with a look-ahead: each word's key is hashed, and its slot
    // prefetched, kAhead words before the word is looked up.
    FlatHashMap<Entry>& cache = thread_cache();
    constexpr size_t kAhead = 8;
    struct Pending {
      Token* token;
      uint64_t key;
    };
    std::array<Pending, kAhead> ring;
    size_t first = 0, pending = 0;
    auto next = doc.tokens.begin();
    const auto end = doc.tokens.end();
    auto look_ahead = [&] {
      for (; pending < kAhead && next != end; ++next) {
        if (!next->has(Token::kWord)) continue;
        const uint64_t key = key_of(doc.text(next->span));
        cache.prefetch(key);
        ring[(first + pending++) % kAhead] = Pending{&*next, key};
      }
    };
    for (look_ahead(); pending > 0; look_ahead()) {
      const Pending word = ring[first];
      first = (first + 1) % kAhead;
      --pending;
      Token& t = *word.token;
      const std::string_view surface = doc.text(t.span);
      const Entry e = lookup(cache, surface, word.key, t.flags);
      t.term = e.term;
      t.form = e.form;
      t.marks = e.marks;
      // Elided articles ("l'", "qu’") are stopwords whatever the list says.
      const char last = surface.back();
      if (e.stop || last == '\'' || (surface.size() >= 3 && surface.substr(surface.size() - 3) == "\xE2\x80\x99")) {
        t.flags |= Token::kStop;
      }
    }
  }
};

}  // namespace

uint64_t term_of(std::string_view surface) {
  // Not through lookup()'s cache: an entry there also holds the entity marks of a token's flags,
  // which a bare surface does not have.
  thread_local Stemmer stemmer;
  return hash_string(fold(stemmer.stem(lower(surface))));
}

std::unique_ptr<Component> make_lexical() { return std::make_unique<Lexical>(); }

}  // namespace recoupe
