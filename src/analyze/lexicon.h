// src/analyze/lexicon.h
//
// Word-level resources shipped with the product (data/, see NOTICE): French
// stopwords, embedded in the binary at build time so that it runs from anywhere.
#pragma once

#include <cstdint>
#include <string_view>

namespace recoupe {

//! True when the folded word (see fold()) is a French stopword.
bool is_stopword(std::string_view folded_word) noexcept;

//! The term the lexical component gives a word as written (Token::term): its folded Snowball stem, hashed.
uint64_t term_of(std::string_view surface);

}  // namespace recoupe
