// recoupe stories --db news.db [--json] [--limit N]: stories, newest first.
#include <cstdio>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "common/json_writer.h"
#include "store/store.h"

namespace recoupe::cli {

int run_stories(const std::vector<std::string>& args) {
  CLI::App app("List the stories of a database, newest first.", "stories");
  std::string db_path;
  bool json = false;
  int64_t limit = 50;
  app.add_option("--db", db_path, "database file")->required()->check(CLI::ExistingFile);
  app.add_flag("--json", json, "one JSON object per line");
  app.add_option("--limit", limit, "at most this many stories (0 = all)")->capture_default_str();
  if (int rc = parse(app, args); rc >= 0) return rc;
  auto store = Store::open(db_path);
  if (!store) {
    std::fprintf(stderr, "recoupe stories: %s\n", store.error().message.c_str());
    return kExitError;
  }
  auto rows = store.value()->stories(limit > 0 ? limit : INT64_MAX);
  if (!rows) {
    std::fprintf(stderr, "recoupe stories: %s\n", rows.error().message.c_str());
    return kExitError;
  }
  std::string out;
  for (const StoryRow& r : rows.value()) {
    if (json) {
      JsonWriter w(out);
      w.begin_object();
      w.key("story").value(r.label);
      w.key("title").value(r.title);
      if (r.first_published.empty()) w.key("first").null(); else w.key("first").value(r.first_published);
      if (r.last_published.empty()) w.key("last").null(); else w.key("last").value(r.last_published);
      if (r.event_date.empty()) w.key("event_date").null(); else w.key("event_date").value(r.event_date);
      if (r.event_place.empty()) w.key("event_place").null(); else w.key("event_place").value(r.event_place);
      w.key("people").begin_array();
      for (const auto& p : r.people) w.value(p);
      w.end_array();
      w.key("articles").value(r.articles);
      w.key("sources").begin_array();
      for (const auto& s : r.sources) w.value(s);
      w.end_array();
      w.end_object();
      out.push_back('\n');
    } else {
      auto day = [](const std::string& p) { return p.empty() ? std::string("undated") : p.substr(0, 10); };
      std::string when = day(r.first_published);
      if (day(r.last_published) != when) when += " → " + day(r.last_published);
      if (!r.event_date.empty()) when += "  event " + r.event_date;
      if (!r.event_place.empty()) when += "  in " + r.event_place;
      out += r.label + "  " + std::to_string(r.articles) + (r.articles == 1 ? " article " : " articles") + "  " + when +
             "\n    " + r.title + "\n";
      if (!r.people.empty()) {
        out += "    people: ";
        for (size_t i = 0; i < r.people.size(); ++i) out += (i ? ", " : "") + r.people[i];
        out += "\n";
      }
      if (!r.sources.empty()) {
        out += "    sources: ";
        for (size_t i = 0; i < r.sources.size(); ++i) out += (i ? ", " : "") + r.sources[i];
        out += "\n";
      }
    }
  }
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace recoupe::cli
