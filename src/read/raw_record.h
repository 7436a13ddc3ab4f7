// src/read/raw_record.h
//
// What every reader produces, whatever the input format: one article as the
// source gave it. Readers know formats, nothing else.
#pragma once

#include <string>

namespace recoupe {

struct RawRecord {
  std::string id;
  std::string title, abstract, text;
  std::string html;       //!< raw page, when the input had one instead of text (bytes as served)
  std::string content_type;  //!< media type and charset declared for `html` (HTTP header), or empty
  std::string published;  //!< ISO 8601 as given, or empty
  std::string url, source, lang;
  std::string origin;     //!< where it came from, for messages: "file:line" or "file"
};

}  // namespace recoupe
