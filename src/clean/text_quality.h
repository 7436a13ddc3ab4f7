// src/clean/text_quality.h
//
// Finds what is wrong with a field's clean text, and leaves out what is not the
// article's own words:
//   - photo credits ("1 crédit : East2West", "Crédit photo : AFP", "© Reuters") and
//     caption lines ("Photo : la nouvelle berline à Genève") are removed;
//   - a stock author bio closing the text (« Zombie enthusiast. Webaholic. Internet
//     expert. », the signature of content farms) is removed;
//   - leftover navigation, sharing and cookie lines ("Lire aussi : …", "Partager sur
//     Facebook", "Ce site utilise des cookies") are removed;
//   - untranslated English left by a machine translation inside French text ("[people]",
//     "[later]") is kept, since it sits inside the article's sentences (often inside a
//     quotation), and flagged with its span.
// Each finding becomes a TextFlag on the Doc. Rules are line-based: the cleaner has already
// put each paragraph (and each glued sentence run) on its own line.
#pragma once

#include <string>
#include <vector>

#include "doc/doc.h"

namespace recoupe {

//! Removes credits, captions, bios and boilerplate lines from `text` (one field's clean text)
//! and returns what was found, with spans into the text as it is afterwards.
std::vector<TextFlag> strip_noise(Field field, std::string& text);

//! True when `word` (ASCII, any case) is a frequent English word that is not also French.
bool is_english_only_word(std::string_view word) noexcept;

}  // namespace recoupe
