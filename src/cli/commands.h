// src/cli/commands.h
//
// One table of subcommands (as fastText's main.cc): help and dispatch read the
// same rows. Each command parses its own arguments and prints its own usage.
// Data goes to stdout, diagnostics to stderr.
#pragma once

#include <string>
#include <vector>

namespace recoupe::cli {

//! Exit statuses, documented in the README.
enum Exit : int {
  kExitOk = 0,
  kExitError = 1,    //!< a fatal error: unreadable input or database, --strict stop
  kExitUsage = 2,    //!< bad arguments
  kExitSkipped = 3,  //!< finished, but some records were skipped (see stderr)
};

struct Command {
  const char* name;
  const char* summary;
  int (*run)(const std::vector<std::string>& args);  //!< args after the command name
};

const std::vector<Command>& commands();

int run_analyze(const std::vector<std::string>& args);
int run_ingest(const std::vector<std::string>& args);
int run_stories(const std::vector<std::string>& args);
int run_explain(const std::vector<std::string>& args);
int run_extract(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);
int run_entities(const std::vector<std::string>& args);
int run_pipeline(const std::vector<std::string>& args);
int run_train_entities(const std::vector<std::string>& args);
int run_quotes(const std::vector<std::string>& args);

}  // namespace recoupe::cli
