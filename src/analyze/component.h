// src/analyze/component.h
//
// An annotator over one document (as spaCy's pipeline components). Each
// component declares what it reads and what it writes, so that a Pipeline
// built in the wrong order is refused with the missing requirement named.
//
// Thread safety: process() is called concurrently on different Docs; a
// component keeps per-thread scratch state in thread_local storage.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "doc/doc.h"

namespace recoupe {

class Component {
 public:
  virtual ~Component() = default;
  virtual std::string name() const = 0;
  //! Annotations this component reads ("doc.tokens", "token.term", ...).
  virtual std::vector<std::string> requires_() const { return {}; }
  //! Annotations this component writes.
  virtual std::vector<std::string> assigns() const = 0;
  virtual void process(Doc& doc) const = 0;
};

}  // namespace recoupe
