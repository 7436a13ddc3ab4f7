// src/serve/api.h
//
// The JSON API's answers: each call runs the store's read-only queries for one
// request and writes the response body. Parameters arrive validated (server.cc
// does that); errors come back as kBadInput (400) or kNotFound (404). Text from
// the store is untrusted: strings are re-checked as UTF-8 (invalid bytes become
// U+FFFD) so that every answer is valid JSON whatever the database holds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "store/store_reader.h"

namespace recoupe::serve {

class Api {
 public:
  explicit Api(StoreReader& reader) : reader_(reader) {}

  //! GET /api/stories
  Result<std::string> stories(const StoryQuery& q);
  //! GET /api/stories/{id}; `label` is "s" followed by digits.
  Result<std::string> story(std::string_view label);
  //! GET /api/entities
  Result<std::string> entities(std::string_view contains, std::string_view type, int64_t limit, int64_t offset);
  //! GET /api/entities/{name}
  Result<std::string> entity(const std::string& name);
  //! GET /api/search
  Result<std::string> search(std::string_view text, int64_t limit, int64_t offset, bool relevance);
  //! GET /api/sources
  Result<std::string> sources();

  //! The body of an error answer: {"error": message, "status": status}.
  static std::string error_body(int status, std::string_view message);

 private:
  StoreReader& reader_;
};

}  // namespace recoupe::serve
