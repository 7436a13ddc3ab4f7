// src/analyze/quote_scanner.h
//
// Finds quotation marks in one field and pairs them: « … », “ … ”, „ … “,
// " … ", ‘ … ’, ‹ … ›, mixed pairs (“ … ») and nested quotes (only the
// outer one is reported). A quote left open runs to the end of its
// paragraph, as French news does for a quotation over several paragraphs
// (an opening mark on each, a closing one only at the end).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace recoupe {

//! One quotation found by its marks; offsets are bytes into the scanned text.
struct MarkedQuote {
  uint32_t open = 0;      //!< offset of the opening mark
  uint32_t begin = 0;     //!< first byte inside the marks (edge spaces skipped)
  uint32_t end = 0;       //!< one past the last byte inside (edge spaces skipped)
  uint32_t after = 0;     //!< one past the closing mark, or the paragraph end when left open
  bool closed = true;     //!< false when the paragraph ended before a closing mark
  uint32_t paragraph = 0; //!< 0-based paragraph (line) of the opening mark
};

//! The quotations of `text`, in order. Pure function; safe from any thread.
std::vector<MarkedQuote> scan_quote_marks(std::string_view text);
//! The same, appended to `out` (a caller's reused vector: no allocation per field).
void scan_quote_marks(std::string_view text, std::vector<MarkedQuote>& out);

}  // namespace recoupe
