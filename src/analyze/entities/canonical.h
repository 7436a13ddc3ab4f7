// src/analyze/entities/canonical.h
//
// One name per entity. Within an article, mentions of one entity are grouped:
// the same words; a person's surname alone or with a title ("Loukachenko",
// "Le Pen") with the fullest name that ends with it ("Alexandre Loukachenko");
// an acronym with the name whose initials it spells ("OMS", "Organisation
// mondiale de la santé"), or that it follows in brackets; a place or
// organisation's first word with the longer name it begins ("Lion", "Lion de
// Belfort"). The group's name is its longest mention, written the same way in
// every article (typographic apostrophes made straight, a name in capitals
// written in title case: "VLADIMIR Poutine" → "Vladimir Poutine"), unless the
// gazetteer lists it as a variant of another ("Lukashenko", "Biélorussie").
#pragma once

#include <string>
#include <vector>

#include "analyze/entities/features.h"
#include "analyze/entities/gazetteer.h"

namespace recoupe::ner {

//! A mention found by the tagger: tokens [begin, end) of the Doc.
struct Mention {
  uint32_t begin = 0, end = 0;
  Entity::Type type = Entity::Type::kMisc;
};

//! The canonical name of each mention (same order), from the whole article's mentions.
std::vector<std::string> canonical_names(const Doc& doc, const DocView& view, const Gazetteer& gazetteer,
                                         const std::vector<Mention>& mentions);

//! The display form of a name: spaces collapsed, straight apostrophes, title case for words in capitals
//! when `persons` (or when every word of the name is in capitals and it is longer than one word).
std::string normalise_name(std::string_view text, bool person);

}  // namespace recoupe::ner
