// recoupe quotes --db news.db [--speaker NAME] [--story ID] [--json]: stored quotations grouped by
// utterance (the same words reported by several sources), each with its sources and dates.
#include <cstdio>
#include <set>

#include "cli/cli_options.h"
#include "cli/commands.h"
#include "common/json_writer.h"
#include "store/store.h"

namespace recoupe::cli {

int run_quotes(const std::vector<std::string>& args) {
  CLI::App app("List stored quotations grouped by utterance, with the articles, sources and dates reporting them.",
               "quotes");
  std::string db_path, speaker, story;
  bool json = false;
  app.add_option("--db", db_path, "database file")->required()->check(CLI::ExistingFile);
  app.add_option("--speaker", speaker, "only speakers whose name contains this (any case)");
  app.add_option("--story", story, "only this story (\"s3\")");
  app.add_flag("--json", json, "one JSON object per utterance");
  if (int rc = parse(app, args); rc >= 0) return rc;
  auto store = Store::open(db_path);
  if (!store) {
    std::fprintf(stderr, "recoupe quotes: %s\n", store.error().message.c_str());
    return kExitError;
  }
  auto rows = store.value()->quotes(speaker, story);
  if (!rows) {
    std::fprintf(stderr, "recoupe quotes: %s\n", rows.error().message.c_str());
    return kExitError;
  }
  std::string out;
  const auto& r = rows.value();
  for (size_t b = 0; b < r.size();) {
    size_t e = b + 1;
    while (e < r.size() && r[e].story == r[b].story && r[e].utterance == r[b].utterance) ++e;
    std::set<std::string> articles;
    for (size_t i = b; i < e; ++i) articles.insert(r[i].article);
    const std::string who = r[b].speaker.empty() ? "(speaker unknown)" : r[b].speaker;
    if (json) {
      JsonWriter w(out);
      w.begin_object();
      w.key("utterance").value(r[b].utterance);
      w.key("story").value(r[b].story);
      if (r[b].speaker.empty()) w.key("speaker").null(); else w.key("speaker").value(r[b].speaker);
      w.key("reports").begin_array();
      for (size_t i = b; i < e; ++i) {
        w.begin_object();
        w.key("article").value(r[i].article);
        if (r[i].source.empty()) w.key("source").null(); else w.key("source").value(r[i].source);
        if (r[i].published.empty()) w.key("published").null(); else w.key("published").value(r[i].published);
        w.key("quote").value(r[i].quote);
        w.end_object();
      }
      w.end_array();
      w.end_object();
      out.push_back('\n');
    } else {
      out += r[b].utterance + "  " + who + "  (story " + r[b].story + ", " + std::to_string(e - b) +
             (e - b == 1 ? " quotation, " : " quotations, ") + std::to_string(articles.size()) +
             (articles.size() == 1 ? " article)\n" : " articles)\n");
      for (size_t i = b; i < e; ++i) {
        out += "    " + (r[i].published.empty() ? std::string("undated") : r[i].published.substr(0, 10)) + "  " +
               r[i].article + (r[i].source.empty() ? "" : "  " + r[i].source) + "\n      « " + r[i].quote + " »\n";
      }
    }
    b = e;
  }
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace recoupe::cli
