#include "analyze/components.h"

namespace recoupe {

void register_builtin_components(ComponentRegistry& registry) {
  registry.add("segmenter", make_segmenter);
  registry.add("lexical", make_lexical);
  registry.add("language", make_language);
  registry.add("dates", make_dates);
  registry.add("link_features", make_link_features);
  registry.add("entities", make_entities);
  registry.add("event_place", make_event_place);
  registry.add("quotes", make_quotes);
}

}  // namespace recoupe
