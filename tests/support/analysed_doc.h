// tests/support/analysed_doc.h
//
// The one way tests turn an article into an analysed Doc: clean, then the
// default pipeline, as the engine does for each record.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "analyze/pipeline.h"
#include "clean/cleaner.h"

namespace recoupe::testing {

inline Doc analysed_doc(RawRecord record) {
  Result<Doc> doc = make_doc(std::move(record));
  EXPECT_TRUE(doc.ok());
  static const Result<Pipeline> pipeline = Pipeline::build(Pipeline::default_names());
  pipeline->process(*doc);
  return std::move(doc.value());
}

//! An analysed article of a title, a body, a publication date and a source.
inline Doc sample_doc(const std::string& id, const std::string& title, const std::string& text,
                      const std::string& published, const std::string& source) {
  RawRecord r;
  r.id = id;
  r.title = title;
  r.text = text;
  r.published = published;
  r.source = source;
  return analysed_doc(std::move(r));
}

}  // namespace recoupe::testing
