// src/cli/cli_options.h
//
// Options shared by the commands that run the engine (analyze, ingest,
// explain), and CLI11 glue.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "engine/engine.h"
#include "link/linker.h"

namespace recoupe::cli {

//! Articles `analyze` links together in publication order: a whole file of news up to this size is
//! put in time order before linking, and memory stays near 600 MB beyond it.
inline constexpr size_t kAnalyzeBatch = 50000;
//! Articles `ingest` stores per transaction: what a killed ingest may have to redo.
inline constexpr size_t kIngestBatch = 1000;

struct EngineFlags {
  std::vector<std::string> inputs;
  std::string files_from;  // a file listing more inputs, one per line
  unsigned threads = 0;
  bool strict = false;
  bool progress = false;
  double max_record_mb = 16;
  size_t batch = 0;  // 0: the command's default
  std::vector<std::string> without;  // analysis components left out (--without dates)
  LinkOptions link;
};

//! Adds INPUT... and the engine's options to `app`.
void add_engine_flags(CLI::App& app, EngineFlags& flags);
EngineOptions engine_options(const EngineFlags& flags, size_t default_batch);
//! The default pipeline less the components named by --without.
Result<Pipeline> build_pipeline(const EngineFlags& flags);

//! Parses `args`; returns -1 to go on, or the exit status (0 after --help, 2 on error).
int parse(CLI::App& app, const std::vector<std::string>& args);
//! parse(), then the inputs of --files-from; at least one input is needed.
int parse_engine_flags(CLI::App& app, const std::vector<std::string>& args, EngineFlags& flags);

//! Prints the end-of-run summary line on stderr and picks the exit status.
int finish(const char* command, const RunCounts& counts, const Status& status);

}  // namespace recoupe::cli
