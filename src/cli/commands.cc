#include "cli/commands.h"

namespace recoupe::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"analyze", "analyse articles and print one JSON line each (story, duplicate_of, lang, ...)", run_analyze},
      {"ingest", "analyse articles into a SQLite database, incrementally and safely", run_ingest},
      {"stories", "list the stories of a database, newest first", run_stories},
      {"explain", "say which story an article joined and why", run_explain},
      {"extract", "extract the article of each web page (title, text, date, author), no analysis", run_extract},
      {"serve", "serve a database to a browser (web reader) and to programs (JSON API)", run_serve},
      {"entities", "list the named entities of a database, most mentioned first", run_entities},
      {"quotes", "list stored quotations grouped by utterance, with their sources and dates", run_quotes},
      {"pipeline", "list the analysis components with what they require and assign", run_pipeline},
      {"train-entities", "train the entity tagger on annotated files (see make entities-model)", run_train_entities},
  };
  return table;
}

}  // namespace recoupe::cli
