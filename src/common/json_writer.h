// src/common/json_writer.h
//
// A minimal streaming JSON writer: objects, arrays, strings, numbers. Strings
// must be valid UTF-8 (everything inside recoupe is); they are written as-is
// except for the characters JSON requires escaping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace recoupe {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view v);
  JsonWriter& value(const char* v) { return value(std::string_view(v)); }
  JsonWriter& value(int64_t v);
  JsonWriter& value(double v);
  JsonWriter& value(bool v);
  JsonWriter& null();

  //! Appends `s` as a quoted, escaped JSON string.
  static void append_string(std::string& out, std::string_view s);

 private:
  void separate();
  std::string& out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace recoupe
