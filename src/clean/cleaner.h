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

//! When `record` has a page (`html`) and no `text`: extracts the article (clean/html_extractor.h)
//! into `text` (paragraphs joined by "\n") and fills `title`, `published`, `url` (canonical) and
//! `source` (site name) where the record left them empty. `lang_hint` receives the language the
//! page declares, `author` its author (either may be null). Fails when the page holds no article.
//! A record without a page, or with its own text, is left as it is.
Status apply_page(RawRecord& record, std::string* lang_hint = nullptr, std::string* author = nullptr);

//! Builds the Doc (extracting the article of a page first, see apply_page); fails only when the
//! record has no text at all. A `published`
//! that is not ISO 8601 is kept as given but not used for ordering, and reported in `warning`.
Result<Doc> make_doc(RawRecord&& record, std::string* warning = nullptr);

}  // namespace recoupe
