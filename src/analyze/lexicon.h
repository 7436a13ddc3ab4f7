// src/analyze/lexicon.h
//
// Word-level resources shipped with the product (data/, see NOTICE): French
// stopwords, embedded in the binary at build time so that it runs from anywhere.
#pragma once

#include <cstdint>
#include <string_view>

namespace recoupe {

//! Removes the first line of `text` and returns it without its line end ("\n", or "\r\n" from Windows).
inline std::string_view take_line(std::string_view& text) {
  const size_t nl = text.find('\n');
  std::string_view line = text.substr(0, nl);
  text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

//! Calls f(word) for each word of an embedded list (data/): one per line, blank lines and lines
//! starting with '#' skipped, a Windows line end tolerated.
template <typename F>
void for_each_listed_word(std::string_view list, F&& f) {
  while (!list.empty()) {
    const std::string_view w = take_line(list);
    if (!w.empty() && w[0] != '#') f(w);
  }
}

//! True when the folded word (see fold()) is a French stopword.
bool is_stopword(std::string_view folded_word) noexcept;

//! The term the lexical component gives a word as written (Token::term): its folded Snowball stem, hashed.
uint64_t term_of(std::string_view surface);

}  // namespace recoupe
