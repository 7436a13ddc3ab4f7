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
    for_each_listed_word(embedded::kStopwordsFr, [&](std::string_view w) { s->insert(fold(w)); });
    return s;
  }();
  return *set;
}

}  // namespace

bool is_stopword(std::string_view folded_word) noexcept {
  return stopwords().count(std::string(folded_word)) > 0;
}

}  // namespace recoupe
