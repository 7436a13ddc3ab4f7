#include "read/json_feed_reader.h"

#include <simdjson.h>

#include <vector>

#include "read/feed_date.h"
#include "read/feed_reader.h"
#include "read/markup_text.h"

namespace recoupe {

struct JsonFeedReader::State {
  State(std::unique_ptr<ByteSource> src, std::string n, const ReadOptions& o, Diagnostics& d)
      : source(std::move(src)), name(std::move(n)), options(o), diagnostics(d) {}
  void load();

  std::unique_ptr<ByteSource> source;
  std::string name;
  ReadOptions options;
  Diagnostics& diagnostics;
  bool loaded = false;
  std::vector<RawRecord> records;
  size_t next = 0;
};

void JsonFeedReader::State::load() {
  loaded = true;
  std::string bytes;
  char chunk[1 << 16];
  for (;;) {
    const size_t got = source->read(chunk, sizeof chunk);
    if (got == 0) break;
    if (bytes.size() + got > options.max_record_bytes) {
      diagnostics.skip_record(name, "JSON Feed is over the record limit of " + std::to_string(options.max_record_bytes) +
                                        " bytes");
      return;
    }
    bytes.append(chunk, got);
  }
  if (!source->error().empty()) {
    diagnostics.input_error(name, "read error: " + source->error());
    return;
  }
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto e = parser.parse(bytes).get(root)) {
    diagnostics.skip_record(name, std::string("broken JSON Feed (") + simdjson::error_message(e) + ")");
    return;
  }
  simdjson::dom::object feed;
  std::string_view version;
  if (root.get(feed) || feed["version"].get(version) || version.rfind("https://jsonfeed.org/version/", 0) != 0) {
    diagnostics.skip_record(name, "not a JSON Feed (no \"version\": \"https://jsonfeed.org/version/...\")");
    return;
  }
  auto string_of = [](simdjson::dom::object o, const char* key) {
    std::string_view v;
    return o[key].get(v) ? std::string() : std::string(v);
  };
  const std::string source_name = html_fragment_to_text(string_of(feed, "title"), true);
  const std::string feed_lang = primary_language(string_of(feed, "language"));
  simdjson::dom::array items;
  if (feed["items"].get(items)) {
    diagnostics.skip_record(name, "JSON Feed without an \"items\" array");
    return;
  }
  size_t n = 0;
  for (simdjson::dom::element element : items) {
    const std::string where = name + "#" + std::to_string(++n);
    simdjson::dom::object item;
    if (element.get(item)) {
      diagnostics.skip_record(where, "item is not a JSON object");
      continue;
    }
    RawRecord r;
    r.id = string_of(item, "id");
    if (int64_t number = 0; r.id.empty() && !item["id"].get(number)) r.id = std::to_string(number);
    r.url = string_of(item, "url");
    if (r.id.empty()) r.id = r.url;
    if (r.id.empty()) {
      diagnostics.skip_record(where, "item has no id or url");
      continue;
    }
    r.title = html_fragment_to_text(string_of(item, "title"), true);
    r.abstract = html_fragment_to_text(string_of(item, "summary"));
    r.html = string_of(item, "content_html");
    if (!r.html.empty()) r.content_type = "text/html; charset=utf-8";
    r.text = string_of(item, "content_text");
    if (r.title.empty() && r.abstract.empty() && r.html.empty() && r.text.empty()) {
      diagnostics.skip_record(where, "item has no title, summary or content (id " + r.id + ")");
      continue;
    }
    for (const char* key : {"date_published", "date_modified"}) {
      const std::string given = string_of(item, key);
      if (given.empty()) continue;
      if (auto iso = feed_date_to_iso8601(given)) {
        r.published = *iso;
        break;
      }
      diagnostics.note(where, "date \"" + given.substr(0, 80) + "\" is not ISO 8601: article " + r.id + " kept undated");
      break;
    }
    r.source = source_name;
    r.lang = primary_language(string_of(item, "language"));
    if (r.lang.empty()) r.lang = feed_lang;
    r.origin = where;
    records.push_back(std::move(r));
  }
}

JsonFeedReader::JsonFeedReader(std::unique_ptr<ByteSource> source, std::string name, const ReadOptions& options,
                               Diagnostics& diagnostics)
    : state_(std::make_unique<State>(std::move(source), std::move(name), options, diagnostics)) {}

JsonFeedReader::~JsonFeedReader() = default;

bool JsonFeedReader::next(RawRecord& out) {
  if (!state_->loaded) state_->load();
  if (state_->diagnostics.fatal() || state_->next >= state_->records.size()) return false;
  out = std::move(state_->records[state_->next++]);
  return true;
}

}  // namespace recoupe
