// tests/support/read_inputs.h
//
// The one way read tests run InputReader over inputs: every record, every message, and the counts.
#pragma once

#include <string>
#include <vector>

#include "read/diagnostics.h"
#include "read/input_reader.h"

namespace recoupe::testing {

struct ReadAll {
  std::vector<RawRecord> records;
  std::vector<std::string> messages;
  size_t skipped = 0, ignored = 0;
  bool fatal = false;

  // The first message containing `text`, or "" (for EXPECT_NE(..., "") with a readable failure).
  std::string message(const std::string& text) const {
    for (const auto& m : messages) {
      if (m.find(text) != std::string::npos) return m;
    }
    return "";
  }
  std::string all_messages() const {
    std::string s;
    for (const auto& m : messages) s += m + "\n";
    return s;
  }
};

inline ReadAll read_inputs(const std::vector<std::string>& inputs, size_t max_bytes = 1 << 20, bool strict = false) {
  ReadAll r;
  Diagnostics d(strict, [&](const std::string& m) { r.messages.push_back(m); });
  ReadOptions o;
  o.max_record_bytes = max_bytes;
  InputReader reader(inputs, o, d);
  RawRecord rec;
  while (reader.next(rec)) r.records.push_back(rec);
  r.skipped = d.skipped();
  r.ignored = d.ignored();
  r.fatal = d.fatal();
  return r;
}

}  // namespace recoupe::testing
