#include "doc/doc.h"

namespace recoupe {

const char* field_name(Field f) noexcept {
  switch (f) {
    case Field::kTitle: return "title";
    case Field::kAbstract: return "abstract";
    case Field::kText: return "text";
  }
  return "text";
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
