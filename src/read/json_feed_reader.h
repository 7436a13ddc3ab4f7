// src/read/json_feed_reader.h
//
// JSON Feed (jsonfeed.org, versions 1 and 1.1): the same fields as an RSS or Atom item
// (feed_reader.h) from one JSON document, which is held whole, so at most the record limit.
// id = "id" (else "url"), html = content_html, text = content_text, abstract = summary,
// published = date_published (else date_modified), source = the feed's title.
#pragma once

#include <memory>
#include <string>

#include "read/byte_source.h"
#include "read/diagnostics.h"
#include "read/record_source.h"

namespace recoupe {

class JsonFeedReader final : public RecordSource {
 public:
  JsonFeedReader(std::unique_ptr<ByteSource> source, std::string name, const ReadOptions& options,
                 Diagnostics& diagnostics);
  ~JsonFeedReader() override;
  bool next(RawRecord& out) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace recoupe
