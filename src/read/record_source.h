// src/read/record_source.h
//
// One input being read: a JSON-lines file, a WARC file, a feed, a single page or
// text. InputReader opens one per input, in order, and drains it.
#pragma once

#include <cstddef>

#include "read/raw_record.h"

namespace recoupe {

struct ReadOptions {
  size_t max_record_bytes = size_t{16} << 20;  //!< longer records (JSON lines, files, pages) are skipped
};

class RecordSource {
 public:
  virtual ~RecordSource() = default;
  //! Fills `out` with the next good record of this input; false at its end (or once Diagnostics
  //! turned fatal). Bad records are reported to Diagnostics and skipped.
  virtual bool next(RawRecord& out) = 0;
};

}  // namespace recoupe
