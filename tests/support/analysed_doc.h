// tests/support/analysed_doc.h
//
// The one way tests turn an article into an analysed Doc: clean, then the
// default pipeline, as the engine does for each record.
#pragma once

#include <gtest/gtest.h>

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

}  // namespace recoupe::testing
