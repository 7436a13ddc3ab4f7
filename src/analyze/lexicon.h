// src/analyze/lexicon.h
//
// Word-level resources shipped with the product (data/, see NOTICE): French
// stopwords, embedded in the binary at build time so that it runs from anywhere.
#pragma once

#include <cstdint>
#include <string_view>

namespace recoupe {

//! Calls f(word) for each word of an embedded list (data/): one per line, blank lines and lines
//! starting with '#' skipped, a Windows line end tolerated.
template <typename F>
void for_each_listed_word(std::string_view list, F&& f) {
  while (!list.empty()) {
    const size_t nl = list.find('\n');
    std::string_view w = list.substr(0, nl);
    if (!w.empty() && w.back() == '\r') w.remove_suffix(1);
    if (!w.empty() && w[0] != '#') f(w);
    if (nl == std::string_view::npos) break;
    list.remove_prefix(nl + 1);
  }
}

//! True when the folded word (see fold()) is a French stopword.
bool is_stopword(std::string_view folded_word) noexcept;

//! The term the lexical component gives a word as written (Token::term): its folded Snowball stem, hashed.
uint64_t term_of(std::string_view surface);

}  // namespace recoupe
