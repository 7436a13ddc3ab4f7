// src/common/ascii.h
//
// ASCII-only helpers for markup and protocol text (tag and attribute names, charset labels, HTTP
// fields), where case is ASCII case by definition and Unicode folding would be wrong and slow.
#pragma once

#include <string>
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

//! HTML's ASCII white space: space, tab, line feed, carriage return, form feed.
constexpr bool is_html_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

//! `s` with each run of HTML white space made one space, and none at either end.
inline std::string collapse_html_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (const char c : s) {
    if (is_html_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

//! XML's white space: space, tab, line feed, carriage return.
constexpr bool is_xml_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

//! `s` without XML white space at either end.
constexpr std::string_view trim_xml_space(std::string_view s) noexcept {
  while (!s.empty() && is_xml_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_xml_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace recoupe::ascii
