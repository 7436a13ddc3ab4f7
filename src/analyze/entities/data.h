// src/analyze/entities/data.h
//
// The entity tagger's shipped data (data/models/, data/gazetteer/; see NOTICE),
// embedded in the binary at build time so that it runs from anywhere.
#pragma once

#include <string_view>
#include <vector>

namespace recoupe::ner::data {

//! data/models/entities_fr.bin: the tagger's weights (see tagger.h for the format).
std::string_view model();
//! The lists of data/gazetteer/, one string each.
const std::vector<std::string_view>& gazetteer_lists();

}  // namespace recoupe::ner::data
