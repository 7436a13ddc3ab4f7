// Folded Snowball stems as term ids, and stopword flags. Surfaces repeat a
// lot in news, so each thread caches surface → (term, stop) and stems a word
// once; the cache is bounded so that a long run keeps flat memory.
#include <libstemmer.h>

#include <stdexcept>
#include <unordered_map>

#include "analyze/components.h"
#include "common/folding.h"
#include "analyze/lexicon.h"
#include "common/string_store.h"

namespace recoupe {
namespace {

constexpr size_t kCacheLimit = 1 << 19;

struct Entry {
  uint64_t term;
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

// Lets the cache be searched with a string_view, without building a string per token.
struct SurfaceHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

Entry lookup(std::string_view surface) {
  thread_local std::unordered_map<std::string, Entry, SurfaceHash, std::equal_to<>> cache;
  thread_local Stemmer stemmer;
  auto it = cache.find(surface);
  if (it != cache.end()) return it->second;
  if (cache.size() > kCacheLimit) cache.clear();
  const std::string lowered = lower(surface);
  const std::string folded = fold(lowered);
  Entry e;
  e.stop = is_stopword(folded);
  const std::string stem = fold(stemmer.stem(lowered));
  e.term = hash_string(stem);
  StringStore::global().intern(e.term, folded);
  cache.emplace(std::string(surface), e);
  return e;
}

class Lexical final : public Component {
 public:
  std::string name() const override { return "lexical"; }
  std::vector<std::string> requires_() const override { return {"doc.tokens"}; }
  std::vector<std::string> assigns() const override { return {"token.term", "token.stop"}; }
  void process(Doc& doc) const override {
    for (Token& t : doc.tokens) {
      if (!t.has(Token::kWord)) continue;
      const std::string_view surface = doc.text(t.span);
      const Entry e = lookup(surface);
      t.term = e.term;
      // Elided articles ("l'", "qu’") are stopwords whatever the list says.
      const char last = surface.back();
      if (e.stop || last == '\'' || (surface.size() >= 3 && surface.substr(surface.size() - 3) == "\xE2\x80\x99")) {
        t.flags |= Token::kStop;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Component> make_lexical() { return std::make_unique<Lexical>(); }

}  // namespace recoupe
