#include "cli/cli_options.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "cli/commands.h"
#include "read/input_reader.h"

namespace recoupe::cli {

void add_engine_flags(CLI::App& app, EngineFlags& f) {
  app.add_option("inputs", f.inputs,
                 "JSONL or JSONL.gz files (- for stdin), .txt and .html files, WARC/ARC archives, RSS/Atom/JSON "
                 "feeds, or folders of them");
  app.add_option("--files-from", f.files_from, "also read the inputs listed in this file, one per line (- for stdin)");
  app.add_option("--threads", f.threads, "analyze threads (0 = every core)")->capture_default_str();
  app.add_flag("--strict", f.strict, "stop at the first bad record (exit 1)");
  app.add_flag("--progress", f.progress, "report progress on stderr (default when stderr is a terminal)");
  app.add_option("--max-record-mb", f.max_record_mb, "skip records larger than this")->capture_default_str();
  app.add_option("--batch", f.batch, "articles analysed and linked together");
  app.add_option("--without", f.without, "leave out these analysis components (see `recoupe pipeline`), e.g. dates,quotes")
      ->delimiter(',');
  app.add_option("--story-threshold", f.link.story.threshold, "similarity needed to join a story")
      ->capture_default_str();
  app.add_option("--story-window-days", f.link.story.window_days, "a story quiet for longer is closed")
      ->capture_default_str();
  app.add_option("--centroid-share", f.link.story.centroid_share, "weight of the centroid against the closest member")
      ->capture_default_str();
  app.add_option("--prior-documents", f.link.story.prior_documents, "pseudo-documents smoothing the stream's IDF")
      ->capture_default_str();
  app.add_option("--name-share", f.link.story.name_share, "weight of the name channel in a document's similarity")
      ->capture_default_str();
  app.add_option("--undated-burst-bonus", f.link.story.undated_burst_bonus,
                 "score bonus, between undated documents, for the story the previous one joined")
      ->capture_default_str();
  app.add_option("--duplicate-threshold", f.link.duplicate_threshold,
                 "estimated Jaccard of body 4-grams for a near-duplicate")
      ->capture_default_str();
}

EngineOptions engine_options(const EngineFlags& f, size_t default_batch) {
  EngineOptions o;
  o.threads = f.threads;
  o.progress = f.progress || isatty(STDERR_FILENO);
  o.read.max_record_bytes = static_cast<size_t>(f.max_record_mb * 1024 * 1024);
  o.batch_size = f.batch ? f.batch : default_batch;
  return o;
}

Result<Pipeline> build_pipeline(const EngineFlags& f) {
  const std::vector<std::string> all = Pipeline::default_names();
  std::vector<std::string> names;
  for (const auto& name : all) {
    if (std::find(f.without.begin(), f.without.end(), name) == f.without.end()) names.push_back(name);
  }
  for (const auto& name : f.without) {
    if (std::find(all.begin(), all.end(), name) == all.end()) {
      return Error{Errc::kBadInput, "--without " + name + ": no such component in the pipeline"};
    }
  }
  return Pipeline::build(names);
}

int parse(CLI::App& app, const std::vector<std::string>& args) {
  std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    std::fputs(app.help().c_str(), stdout);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "recoupe %s: %s\n\n%s", app.get_name().c_str(), e.what(), app.help().c_str());
    return kExitUsage;
  }
  return -1;
}

int parse_engine_flags(CLI::App& app, const std::vector<std::string>& args, EngineFlags& flags) {
  if (int rc = parse(app, args); rc >= 0) return rc;
  if (!flags.files_from.empty()) {
    auto listed = read_input_list(flags.files_from);
    if (!listed) {
      std::fprintf(stderr, "recoupe %s: %s\n", app.get_name().c_str(), listed.error().message.c_str());
      return kExitError;
    }
    flags.inputs.insert(flags.inputs.end(), listed->begin(), listed->end());
  }
  if (flags.inputs.empty()) {
    std::fprintf(stderr, "recoupe %s: no inputs: give files, folders or - (stdin), or --files-from LIST\n\n%s",
                 app.get_name().c_str(), app.help().c_str());
    return kExitUsage;
  }
  return -1;
}

int finish(const char* command, const RunCounts& c, const Status& status) {
  std::fprintf(stderr, "recoupe %s: %zu articles read, %zu analysed, %zu skipped", command, c.read, c.analyzed,
               c.skipped);
  if (c.existing) std::fprintf(stderr, ", %zu already stored", c.existing);
  if (c.ignored) std::fprintf(stderr, ", %zu non-HTML records passed over", c.ignored);
  if (c.input_errors) std::fprintf(stderr, ", %zu inputs unreadable", c.input_errors);
  std::fputc('\n', stderr);
  if (!status) {
    std::fprintf(stderr, "recoupe %s: %s\n", command, status.error().message.c_str());
    return kExitError;
  }
  if (c.input_errors) return kExitError;
  return c.skipped ? kExitSkipped : kExitOk;
}

}  // namespace recoupe::cli
