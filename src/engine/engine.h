// src/engine/engine.h
//
// Runs the stages in their one direction: read → clean → analyze → link, and
// hands linked documents, batch by batch and in input order, to a sink (the
// JSONL writer or the store). Analysis is per document: chunks of records are
// analysed on the threads asked for while reading goes on; linking is
// sequential and in publication order within a batch, so the output does not
// depend on the number of threads.
#pragma once

#include <functional>
#include <string>
#include <unordered_set>
#include <vector>

#include "analyze/pipeline.h"
#include "common/result.h"
#include "doc/doc.h"
#include "link/linker.h"
#include "read/diagnostics.h"
#include "read/input_reader.h"

namespace recoupe {

struct EngineOptions {
  ReadOptions read;
  unsigned threads = 0;  //!< analyze threads; 0 = every core
  //! Articles analysed and linked together; linking is in publication order within a batch.
  size_t batch_size = 50000;
  bool progress = false;  //!< report progress on stderr every few seconds
};

struct RunCounts {
  size_t read = 0;      //!< good records read
  size_t analyzed = 0;  //!< documents that reached the sink
  size_t skipped = 0;   //!< bad records (reader and clean stage)
  size_t existing = 0;  //!< records dropped by the `skip` filter (already stored)
  size_t input_errors = 0;  //!< inputs that could not be read at all (missing file, read error)
  size_t ignored = 0;   //!< records that are not articles (a web archive's requests, images...): not errors
};

class Engine {
 public:
  //! A batch of linked documents in input order. Returning an error stops the run.
  using Sink = std::function<Status(std::vector<Doc>& batch)>;
  //! Ids for which this returns true are not analysed (already stored).
  using SkipFilter = std::function<bool(const std::string& id)>;

  Engine(EngineOptions options, Pipeline pipeline, Linker& linker, Diagnostics& diagnostics);

  //! Reads every input and feeds the sink; returns the first sink error.
  Status run(const std::vector<std::string>& inputs, const Sink& sink, const SkipFilter& skip = {});
  const RunCounts& counts() const { return counts_; }

 private:
  //! Records analysed together by one thread, component after component; results and messages kept in
  //! input order.
  struct Chunk {
    std::vector<Doc> docs;
    std::vector<std::pair<std::string, std::string>> skipped, notes;  // (where, what)
  };
  static constexpr size_t kChunkRecords = 256;
  Chunk analyze_chunk(std::vector<RawRecord> records) const;
  void report_progress(bool final);
  //! Final counts and progress line; returns `status`.
  Status finish(Status status);

  EngineOptions options_;
  Pipeline pipeline_;
  Linker& linker_;
  Diagnostics& diagnostics_;
  RunCounts counts_;
  double started_ = 0, last_report_ = 0;
};

unsigned resolve_threads(unsigned requested);

}  // namespace recoupe
