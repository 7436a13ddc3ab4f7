// src/clean/cleaner.h
//
// RawRecord → Doc: Unicode NFC, line ends and control characters made safe,
// paragraph breaks restored where a scraper glued sentences ("jeudi.Le
// gouvernement"), credits, bios and boilerplate left out and flagged (text_quality.h), and the
// publication date parsed. Offsets of every later
// annotation refer to the text made here.
#pragma once

#include <string>

#include "common/result.h"
#include "doc/doc.h"
#include "read/raw_record.h"

namespace recoupe {

//! Normalises one field's text (see file comment).
std::string clean_text(std::string_view text);

//! Inserts a line break where a sentence end runs into the next sentence with no space.
std::string restore_glued_sentences(std::string_view text);

//! Builds the Doc; fails only when the record has no text at all. A `published`
//! that is not ISO 8601 is kept as given but not used for ordering, and reported in `warning`.
Result<Doc> make_doc(RawRecord&& record, std::string* warning = nullptr);

}  // namespace recoupe
