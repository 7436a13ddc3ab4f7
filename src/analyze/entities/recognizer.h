// src/analyze/entities/recognizer.h
//
// Named entities of a Doc, end to end: the view (features.h), the tagger on
// each sentence (tagger.h), mention clean-up and one type per name in the
// article, then canonical names (canonical.h).
#pragma once

#include <vector>

#include "analyze/entities/canonical.h"
#include "analyze/entities/gazetteer.h"
#include "analyze/entities/tagger.h"

namespace recoupe::ner {

//! Mentions in token order: tagged, trimmed of edge punctuation and function words, one type per
//! name in the article (the majority), and occurrences of a found name that the tagger missed added.
std::vector<Mention> find_mentions(const Doc& doc, DocView& view, const Model& model, const Gazetteer& gazetteer);

//! find_mentions() and canonical_names() as the contract's entities.
std::vector<Entity> recognise(const Doc& doc, const Model& model, const Gazetteer& gazetteer);

//! Runs on `doc` the components the tagger reads after (segmenter, then lexical for the stopword flags and
//! word forms), for a text that goes through no pipeline: a training text, an article's credits.
void prepare_for_tagging(Doc& doc);

//! The entities of `doc`'s credits (Field::kCredits), which no component segments: they are cut into
//! tokens here, on their own, and tagged like a text; spans point into the credits.
std::vector<Entity> recognise_credits(const Doc& doc, const Model& model, const Gazetteer& gazetteer);

}  // namespace recoupe::ner
