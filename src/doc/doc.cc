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

}  // namespace recoupe
