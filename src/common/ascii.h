// src/common/ascii.h
//
// ASCII-only helpers for markup and protocol text (tag and attribute names, charset labels, HTTP
// fields), where case is ASCII case by definition and Unicode folding would be wrong and slow.
#pragma once

#include <string_view>

namespace recoupe::ascii {

constexpr char lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

//! Position of `needle` (lower-case ASCII) in `s`, from `from`, ignoring ASCII case; npos when absent.
constexpr size_t ifind(std::string_view s, std::string_view needle, size_t from = 0) noexcept {
  if (needle.empty() || s.size() < needle.size()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= s.size(); ++i) {
    if (lower(s[i]) != needle[0]) continue;
    size_t k = 1;
    while (k < needle.size() && lower(s[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

}  // namespace recoupe::ascii
