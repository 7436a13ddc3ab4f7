// recoupe entities --db news.db [--type PER|LOC|ORG] [--limit N] [--json]: the named entities of a
// database with their mention counts, surface forms and stories, most mentioned first.
#include <cstdio>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "common/json_writer.h"
#include "store/store.h"

namespace recoupe::cli {

int run_entities(const std::vector<std::string>& args) {
  CLI::App app("List the named entities of a database, most mentioned first.", "entities");
  std::string db_path, type;
  bool json = false;
  int64_t limit = 50;
  app.add_option("--db", db_path, "database file")->required()->check(CLI::ExistingFile);
  app.add_option("--type", type, "only this type")->check(CLI::IsMember({"PER", "LOC", "ORG"}));
  app.add_flag("--json", json, "one JSON object per line");
  app.add_option("--limit", limit, "at most this many entities (0 = all)")->capture_default_str();
  if (int rc = parse(app, args); rc >= 0) return rc;
  auto store = Store::open(db_path);
  if (!store) {
    std::fprintf(stderr, "recoupe entities: %s\n", store.error().message.c_str());
    return kExitError;
  }
  auto rows = store.value()->entities(type, limit > 0 ? limit : INT64_MAX);
  if (!rows) {
    std::fprintf(stderr, "recoupe entities: %s\n", rows.error().message.c_str());
    return kExitError;
  }
  std::string out;
  for (const EntityVariants& r : rows.value()) {
    if (json) {
      JsonWriter w(out);
      w.begin_object();
      w.key("canonical").value(r.canonical);
      w.key("type").value(r.type);
      w.key("mentions").value(r.mentions);
      w.key("articles").value(r.articles);
      w.key("variants").begin_array();
      for (const auto& v : r.variants) w.value(v);
      w.end_array();
      w.key("stories").begin_array();
      for (const auto& s : r.stories) w.value(s);
      w.end_array();
      w.end_object();
      out.push_back('\n');
    } else {
      out += r.canonical + "  " + r.type + "  " + std::to_string(r.mentions) +
             (r.mentions == 1 ? " mention" : " mentions") + " in " + std::to_string(r.articles) +
             (r.articles == 1 ? " article" : " articles") + "\n    as: ";
      for (size_t i = 0; i < r.variants.size(); ++i) out += (i ? ", " : "") + r.variants[i];
      out += "\n    stories: ";
      for (size_t i = 0; i < r.stories.size(); ++i) out += (i ? ", " : "") + r.stories[i];
      out += "\n";
    }
  }
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace recoupe::cli
