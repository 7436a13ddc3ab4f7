// src/store/sqlite_columns.h
//
// Reading result columns, shared by the writer (store.cc) and the read-only side (store_reader.cc).
// Internal to the store stage.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

namespace recoupe {

//! Column `i` of the current row as text; empty for NULL.
inline std::string column_text(sqlite3_stmt* s, int i) {
  const auto* p = sqlite3_column_text(s, i);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(s, i)))
           : std::string();
}

//! Column `i` of the current row as text, valid until the statement steps or resets; empty for NULL.
inline std::string_view column_view(sqlite3_stmt* s, int i) {
  const auto* p = sqlite3_column_text(s, i);
  return p ? std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(s, i)))
           : std::string_view();
}

//! Splits a group_concat(…, char(31)) list; empty text gives no items.
inline std::vector<std::string> split_unit_separated(std::string_view joined) {
  std::vector<std::string> out;
  for (size_t b = 0; b < joined.size();) {
    size_t e = joined.find('\x1f', b);
    if (e == std::string_view::npos) e = joined.size();
    out.emplace_back(joined.substr(b, e - b));
    b = e + 1;
  }
  return out;
}

}  // namespace recoupe
