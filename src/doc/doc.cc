#include "doc/doc.h"

#include <algorithm>

namespace recoupe {

const char* field_name(Field f) noexcept {
  switch (f) {
    case Field::kTitle: return "title";
    case Field::kAbstract: return "abstract";
    case Field::kText: return "text";
    case Field::kCredits: return "credits";
  }
  return "text";
}

namespace {

bool before(const Token& t, Field f, uint32_t offset) {
  return t.span.field < f || (t.span.field == f && t.span.begin < offset);
}

}  // namespace

size_t Doc::token_at(Field f, uint32_t offset) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), std::pair{f, offset},
                             [](const Token& t, const auto& key) { return before(t, key.first, key.second); });
  return static_cast<size_t>(it - tokens.begin());
}

size_t Doc::token_at(Field f, uint32_t offset, size_t from) const {
  const size_t n = tokens.size();
  if (from > n || (from > 0 && !before(tokens[from - 1], f, offset))) return token_at(f, offset);
  size_t lo = from, step = 1;  // every token before `lo` is before the offset
  while (lo + step <= n && before(tokens[lo + step - 1], f, offset)) {
    lo += step;
    step *= 2;
  }
  const size_t hi = std::min(n, lo + step);
  return static_cast<size_t>(std::partition_point(tokens.begin() + static_cast<std::ptrdiff_t>(lo),
                                                  tokens.begin() + static_cast<std::ptrdiff_t>(hi),
                                                  [&](const Token& x) { return before(x, f, offset); }) -
                             tokens.begin());
}

std::vector<std::string> Doc::flag_kinds() const {
  std::vector<std::string> kinds;
  for (const TextFlag& f : flags) {
    if (std::find(kinds.begin(), kinds.end(), f.kind) == kinds.end()) kinds.push_back(f.kind);
  }
  return kinds;
}

const char* entity_type_name(Entity::Type t) noexcept {
  switch (t) {
    case Entity::Type::kPer: return "PER";
    case Entity::Type::kLoc: return "LOC";
    case Entity::Type::kOrg: return "ORG";
    case Entity::Type::kMisc: return "MISC";
  }
  return "MISC";
}

const char* timex_type_name(TimexType t) noexcept {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

}  // namespace recoupe
