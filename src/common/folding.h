// src/common/folding.h
//
// Case and accent folding for matching: "Élysée" and "elysee" are one key.
// Backed by ICU's case folding and canonical decomposition; results per code
// point are cached per thread, since news text reuses a small alphabet.
#pragma once

#include <string>
#include <string_view>

namespace recoupe {

//! Lower-cased, accents removed, ligatures opened (œ → oe), typographic apostrophes made ASCII.
std::string fold(std::string_view utf8_text);
//! Appends the folded form of `utf8_text` to `out`.
void fold_append(std::string_view utf8_text, std::string& out);
//! Lower-cased only (accents kept), as the Snowball stemmer expects.
std::string lower(std::string_view utf8_text);

//! True when the code point is an upper-case or title-case letter.
bool is_upper(char32_t c) noexcept;
//! True when the code point is a lower-case letter.
bool is_lower(char32_t c) noexcept;

}  // namespace recoupe
