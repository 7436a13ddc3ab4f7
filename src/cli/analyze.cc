// recoupe analyze INPUT... [-o OUT.jsonl]: the contract's JSON lines, in input order.
#include <cstdio>
#include <memory>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "doc/serializer.h"

namespace recoupe::cli {

int run_analyze(const std::vector<std::string>& args) {
  CLI::App app("Analyse articles; print one JSON line per article, in input order: id, lang, published, story,\n"
               "duplicate_of, source, url, title, abstract, text, flags.", "analyze");
  EngineFlags flags;
  std::string output = "-";
  add_engine_flags(app, flags);
  app.add_option("-o,--output", output, "write JSONL here instead of stdout");
  if (int rc = parse_engine_flags(app, args, flags); rc >= 0) return rc;

  auto pipeline = build_pipeline(flags);
  if (!pipeline) {
    std::fprintf(stderr, "recoupe analyze: %s\n", pipeline.error().message.c_str());
    return kExitError;
  }
  std::FILE* out = stdout;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(nullptr, &std::fclose);
  if (output != "-") {
    file.reset(std::fopen(output.c_str(), "wb"));
    if (!file) {
      std::perror(("recoupe analyze: " + output).c_str());
      return kExitError;
    }
    out = file.get();
  }
  Diagnostics diagnostics(flags.strict);
  Linker linker(flags.link);
  Engine engine(engine_options(flags, kAnalyzeBatch), std::move(pipeline.value()), linker, diagnostics);
  std::string buffer;
  Status st = engine.run(flags.inputs, [&](std::vector<Doc>& batch) -> Status {
    for (const Doc& d : batch) {
      append_contract_json(d, buffer);
      if (buffer.size() > (1 << 20)) {
        if (std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size()) {
          return Error{Errc::kIo, output + ": write failed"};
        }
        buffer.clear();
      }
    }
    if (std::fwrite(buffer.data(), 1, buffer.size(), out) != buffer.size()) {
      return Error{Errc::kIo, output + ": write failed"};
    }
    buffer.clear();
    return {};
  });
  if (std::fflush(out) != 0 && st) st = Error{Errc::kIo, output + ": write failed"};
  return finish("analyze", engine.counts(), st);
}

int run_pipeline(const std::vector<std::string>& args) {
  CLI::App app("List the analysis components in order, with what each requires and assigns.", "pipeline");
  if (int rc = parse(app, args); rc >= 0) return rc;
  auto pipeline = Pipeline::build(Pipeline::default_names());
  if (!pipeline) {
    std::fprintf(stderr, "recoupe pipeline: %s\n", pipeline.error().message.c_str());
    return kExitError;
  }
  std::fputs(pipeline->explain().c_str(), stdout);
  return kExitOk;
}

}  // namespace recoupe::cli
