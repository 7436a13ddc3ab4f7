// src/analyze/lexicon.h
//
// Word-level resources shipped with the product (data/, see NOTICE): French
// stopwords, embedded in the binary at build time so that it runs from anywhere.
#pragma once

#include <string_view>

namespace recoupe {

//! True when the folded word (see fold()) is a French stopword.
bool is_stopword(std::string_view folded_word) noexcept;

}  // namespace recoupe
