// src/read/markup_text.h
//
// The plain text of the bits of HTML that feeds put in titles and summaries: tags
// dropped (a block tag or <br> becomes a line break), comments, scripts and styles
// dropped, character references decoded (&eacute; &#233; &#xE9;), blanks collapsed.
// Linear in the input, no recursion. Whole pages are the page extractor's business.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace recoupe {

//! Decodes HTML character references; unknown ones are kept as written.
std::string decode_html_entities(std::string_view text);

//! The code point of a Windows-1252 byte (which is Latin-1 except for 0x80..0x9F): what HTML reads
//! for &#128;..&#159;, and what a feed that is not UTF-8 but does not say so usually holds.
uint32_t windows_1252_code_point(unsigned char byte) noexcept;

//! Plain text of an HTML fragment. `single_line` joins lines with spaces (for titles).
std::string html_fragment_to_text(std::string_view html, bool single_line = false);

}  // namespace recoupe
