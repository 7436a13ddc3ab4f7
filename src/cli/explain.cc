// recoupe explain ID (--db news.db | INPUT...): which story an article joined and why.
#include <simdjson.h>

#include <cstdio>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "doc/serializer.h"
#include "store/store.h"

namespace recoupe::cli {
namespace {

// Renders a stored or fresh link decision (JSON) for a reader.
std::string describe(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::dom::element d;
  if (parser.parse(json).get(d)) return json + "\n";
  auto str = [&](const char* k) {
    std::string_view v;
    return d[k].get(v) ? std::string() : std::string(v);
  };
  auto num = [&](const char* k) {
    double v = -1;
    return d[k].get(v) ? -1.0 : v;
  };
  bool is_new = false;
  if (d["new_story"].get(is_new)) is_new = false;
  char buf[512];
  std::string out = "article " + str("id") + "\n";
  const std::string dup = str("duplicate_of");
  if (!dup.empty()) {
    std::snprintf(buf, sizeof buf, "  near-duplicate of %s (estimated Jaccard of body 4-grams %.2f): joins its story\n",
                  dup.c_str(), num("duplicate_similarity"));
    out += buf;
  }
  if (is_new) {
    const std::string other = str("best_other_story");
    if (other.empty()) {
      out += "  opened story " + str("story") + ": no active story shares its strongest terms\n";
    } else {
      std::snprintf(buf, sizeof buf, "  opened story %s: the closest active story, %s, scored %.3f, below the %.3f needed\n",
                    str("story").c_str(), other.c_str(), num("similarity"), num("threshold"));
      out += buf;
    }
  } else {
    std::snprintf(buf, sizeof buf, "  joined story %s with similarity %.3f (threshold %.3f)\n", str("story").c_str(),
                  num("similarity"), num("threshold"));
    out += buf;
  }
  const double gap = num("gap_days");
  if (gap >= 0) {
    std::snprintf(buf, sizeof buf, "  time since that story's last article: %.1f days\n", gap);
    out += buf;
  } else {
    out += "  time gap: unknown (undated article or story)\n";
  }
  simdjson::dom::array terms;
  if (!d["shared_terms"].get(terms) && terms.size() > 0) {
    out += "  shared names and terms:";
    for (auto t : terms) {
      std::string_view v;
      if (!t.get(v)) out += " " + std::string(v);
    }
    out += "\n";
  }
  return out;
}

}  // namespace

int run_explain(const std::vector<std::string>& args) {
  CLI::App app("Say which story an article joined and why: from a database, or by analysing inputs.", "explain");
  std::string id, db_path;
  bool json = false;
  EngineFlags flags;
  app.add_option("id", id, "article id")->required();
  app.add_option("inputs", flags.inputs, "inputs to analyse (instead of --db)");
  app.add_option("--db", db_path, "database file");
  app.add_flag("--json", json, "print the decision as JSON");
  app.add_option("--threads", flags.threads, "analyze threads (0 = every core)");
  app.add_option("--story-threshold", flags.link.story.threshold, "similarity needed to join a story");
  app.add_option("--story-window-days", flags.link.story.window_days, "a story quiet for longer is closed");
  if (int rc = parse(app, args); rc >= 0) return rc;
  if (db_path.empty() == flags.inputs.empty()) {
    std::fprintf(stderr, "recoupe explain: give either --db or inputs\n\n%s", app.help().c_str());
    return kExitUsage;
  }
  std::string decision;
  if (!db_path.empty()) {
    auto store = Store::open(db_path);
    if (!store) {
      std::fprintf(stderr, "recoupe explain: %s\n", store.error().message.c_str());
      return kExitError;
    }
    auto d = store.value()->link_decision(id);
    if (!d) {
      std::fprintf(stderr, "recoupe explain: %s\n", d.error().message.c_str());
      return kExitError;
    }
    decision = d.value();
  } else {
    auto pipeline = build_pipeline(flags);
    if (!pipeline) {
      std::fprintf(stderr, "recoupe explain: %s\n", pipeline.error().message.c_str());
      return kExitError;
    }
    Diagnostics diagnostics(false);
    Linker linker(flags.link);
    Engine engine(engine_options(flags, kAnalyzeBatch), std::move(pipeline.value()), linker, diagnostics);
    const Status st = engine.run(flags.inputs, [&](std::vector<Doc>& batch) -> Status {
      for (const Doc& doc : batch) {
        if (doc.id == id) decision = link_decision_json(doc);
      }
      return {};
    });
    if (!st) {
      std::fprintf(stderr, "recoupe explain: %s\n", st.error().message.c_str());
      return kExitError;
    }
    if (decision.empty()) {
      std::fprintf(stderr, "recoupe explain: no article with id %s in the inputs\n", id.c_str());
      return kExitError;
    }
  }
  std::fputs(json ? (decision + "\n").c_str() : describe(decision).c_str(), stdout);
  return kExitOk;
}

}  // namespace recoupe::cli
