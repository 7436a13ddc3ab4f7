// fuzz/fuzz_common.h
//
// What every fuzz target shares: a quiet Diagnostics, and a small record limit so that the
// "over the limit" paths are reached by small inputs too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "read/diagnostics.h"
#include "read/record_source.h"

namespace recoupe::fuzz {

inline Diagnostics quiet_diagnostics() {
  return Diagnostics(false, [](const std::string&) {});
}

inline ReadOptions small_limits() {
  ReadOptions o;
  o.max_record_bytes = 64 * 1024;
  return o;
}

//! Drains a reader, checking what every good record must have.
inline size_t drain(RecordSource& source) {
  RawRecord r;
  size_t n = 0;
  while (source.next(r)) {
    if (r.id.empty()) std::abort();  // a record always has an id
    if (r.origin.empty()) std::abort();
    ++n;
  }
  return n;
}

inline std::string_view as_view(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace recoupe::fuzz
