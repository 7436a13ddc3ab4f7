// src/analyze/components.h
//
// The built-in analyze components, in pipeline order:
//   segmenter      sentences and tokens of every field (ICU break iterators, French rules)
//   lexical        folded stem of each word (Snowball French), stopword and name flags
//   language       the document's language (CLD2) when the input did not give it
//   dates          French temporal expressions with TIMEX3 values, and the event date (dates.cc)
//   entities       named people, places and organisations, one canonical name each (entities/)
//   event_place    where the reported event happened, among the places found (event_place.cc)
//   link_features  weighted terms and a MinHash signature, all that the link stage reads
//   quotes         direct quotations, their speakers and cues, and their terms for the link stage
#pragma once

#include "analyze/pipeline.h"

namespace recoupe {

void register_builtin_components(ComponentRegistry& registry);

std::unique_ptr<Component> make_segmenter();
std::unique_ptr<Component> make_lexical();
std::unique_ptr<Component> make_language();
std::unique_ptr<Component> make_dates();
std::unique_ptr<Component> make_link_features();
std::unique_ptr<Component> make_entities();
std::unique_ptr<Component> make_event_place();
std::unique_ptr<Component> make_quotes();

}  // namespace recoupe
