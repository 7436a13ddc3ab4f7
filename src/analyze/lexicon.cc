#include "analyze/lexicon.h"

#include <string>
#include <unordered_set>

#include "common/folding.h"
#include "data/embedded_data.h"

namespace recoupe {
namespace {

const std::unordered_set<std::string>& stopwords() {
  static const auto* set = [] {
    auto* s = new std::unordered_set<std::string>;
    std::string_view list = embedded::kStopwordsFr;
    while (!list.empty()) {
      const size_t nl = list.find('\n');
      std::string_view w = list.substr(0, nl);
      if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
      if (!w.empty() && w[0] != '#') s->insert(fold(w));
      if (nl == std::string_view::npos) break;
      list.remove_prefix(nl + 1);
    }
    return s;
  }();
  return *set;
}

}  // namespace

bool is_stopword(std::string_view folded_word) noexcept {
  return stopwords().count(std::string(folded_word)) > 0;
}

}  // namespace recoupe
