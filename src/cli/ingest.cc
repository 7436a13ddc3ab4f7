// recoupe ingest INPUT... --db news.db: adds articles to the database. Articles
// already stored (by id) are skipped, so rerunning an ingest that was killed
// resumes it: each batch is one transaction.
#include <cstdio>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "store/store.h"

namespace recoupe::cli {

int run_ingest(const std::vector<std::string>& args) {
  CLI::App app("Analyse articles into a SQLite database; already stored ids are skipped.", "ingest");
  EngineFlags flags;
  std::string db_path;
  add_engine_flags(app, flags);
  app.add_option("--db", db_path, "database file (created if missing)")->required();
  if (int rc = parse_engine_flags(app, args, flags); rc >= 0) return rc;

  auto store = Store::open(db_path);
  if (!store) {
    std::fprintf(stderr, "recoupe ingest: %s\n", store.error().message.c_str());
    return kExitError;
  }
  if (Status st = store.value()->lock_writer(); !st) {
    std::fprintf(stderr, "recoupe ingest: %s\n", st.error().message.c_str());
    return kExitError;
  }
  Linker linker(flags.link);
  if (Status st = store.value()->load_into(linker); !st) {
    std::fprintf(stderr, "recoupe ingest: %s\n", st.error().message.c_str());
    return kExitError;
  }
  auto pipeline = build_pipeline(flags);
  if (!pipeline) {
    std::fprintf(stderr, "recoupe ingest: %s\n", pipeline.error().message.c_str());
    return kExitError;
  }
  Diagnostics diagnostics(flags.strict);
  Engine engine(engine_options(flags, kIngestBatch), std::move(pipeline.value()), linker, diagnostics);
  Store& db = *store.value();
  const Status st = engine.run(
      flags.inputs, [&](std::vector<Doc>& batch) { return db.add(batch); },
      [&](const std::string& id) { return db.contains(id); });
  return finish("ingest", engine.counts(), st);
}

}  // namespace recoupe::cli
