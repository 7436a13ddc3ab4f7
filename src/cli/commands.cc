#include "cli/commands.h"

namespace recoupe::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"analyze", "analyse articles and print one JSON line each (story, duplicate_of, lang, ...)", run_analyze},
      {"ingest", "analyse articles into a SQLite database, incrementally and safely", run_ingest},
      {"stories", "list the stories of a database, newest first", run_stories},
      {"explain", "say which story an article joined and why", run_explain},
      {"quotes", "list stored quotations grouped by utterance, with their sources and dates", run_quotes},
      {"pipeline", "list the analysis components with what they require and assign", run_pipeline},
  };
  return table;
}

}  // namespace recoupe::cli
