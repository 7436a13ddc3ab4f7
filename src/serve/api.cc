// src/serve/api.cc
#include "serve/api.h"

#include <map>
#include <unordered_map>

#include "common/folding.h"
#include "common/json_writer.h"
#include "common/utf8.h"

namespace recoupe::serve {
namespace {

// Writes a string the store gave, repaired if needed; empty strings become null where a field is optional.
void str(JsonWriter& w, std::string_view s) {
  if (utf8::is_valid(s)) {
    w.value(s);
  } else {
    w.value(utf8::with_replacements(s));
  }
}
void str_or_null(JsonWriter& w, std::string_view s) {
  if (s.empty()) w.null(); else str(w, s);
}
// The two above as an object's member.
void field(JsonWriter& w, std::string_view key, std::string_view s) {
  w.key(key);
  str(w, s);
}
void field_or_null(JsonWriter& w, std::string_view key, std::string_view s) {
  w.key(key);
  str_or_null(w, s);
}

void story_row(JsonWriter& w, const StoryRow& r) {
  w.begin_object();
  w.key("id").value(r.label);
  field(w, "title", r.title);
  field_or_null(w, "first_published", r.first_published);
  field_or_null(w, "last_published", r.last_published);
  w.key("articles").value(r.articles);
  w.key("sources").begin_array();
  for (const auto& s : r.sources) str(w, s);
  w.end_array();
  w.end_object();
}

void quote_row(JsonWriter& w, const QuoteRow& q) {
  w.begin_object();
  field(w, "article", q.article);
  w.key("story").value(q.story);
  field_or_null(w, "source", q.source);
  field_or_null(w, "published", q.published);
  field_or_null(w, "speaker", q.speaker);
  field_or_null(w, "utterance", q.utterance);
  field(w, "quote", q.quote);
  w.end_object();
}

std::string day_of(const std::string& published) { return published.size() >= 10 ? published.substr(0, 10) : published; }

Result<std::string> failed(const Error& e) { return e; }

}  // namespace

std::string Api::error_body(int status, std::string_view message) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  field(w, "error", message);
  w.key("status").value(static_cast<int64_t>(status));
  w.end_object();
  return out;
}

Result<std::string> Api::stories(const StoryQuery& q) {
  auto page = reader_.stories(q);
  if (!page) return failed(page.error());
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("total").value(page->total);
  w.key("offset").value(q.offset);
  w.key("limit").value(q.limit);
  w.key("stories").begin_array();
  for (const StoryRow& r : page->stories) story_row(w, r);
  w.end_array();
  w.end_object();
  return out;
}

Result<std::string> Api::story(std::string_view label) {
  if (label.size() < 2 || label.size() > 19 - 1 || label[0] != 's' ||
      label.find_first_not_of("0123456789", 1) != std::string_view::npos) {
    return Error{Errc::kNotFound, "no story " + utf8::with_replacements(label) + " (story ids look like s12)"};
  }
  auto detail = reader_.story(std::stoll(std::string(label.substr(1))));
  if (!detail) return failed(detail.error());
  const StoryDetail& d = detail.value();
  std::string out;
  out.reserve(4096);
  JsonWriter w(out);
  w.begin_object();
  w.key("id").value(d.story.label);
  field(w, "title", d.story.title);
  field_or_null(w, "first_published", d.story.first_published);
  field_or_null(w, "last_published", d.story.last_published);
  field_or_null(w, "event_date", d.story.event_date);
  field_or_null(w, "event_place", d.story.event_place);

  // Sources, with how many of the story's articles each gave.
  std::map<std::string, int64_t> per_source;
  for (const ArticleRow& a : d.articles) {
    if (!a.source.empty()) ++per_source[a.source];
  }
  w.key("sources").begin_array();
  for (const auto& [name, n] : per_source) {
    w.begin_object();
    field(w, "name", name);
    w.key("articles").value(n);
    w.end_object();
  }
  w.end_array();

  w.key("articles").begin_array();
  for (const ArticleRow& a : d.articles) {
    w.begin_object();
    field(w, "id", a.id);
    field(w, "title", a.title);
    field(w, "abstract", a.abstract);
    field(w, "text", a.text);
    field_or_null(w, "published", a.published);
    field_or_null(w, "source", a.source);
    field_or_null(w, "url", a.url);
    field_or_null(w, "lang", a.lang);
    field_or_null(w, "duplicate_of", a.duplicate_of);
    w.key("flags").begin_array();
    for (const auto& f : a.flags) str(w, f);
    w.end_array();
    w.end_object();
  }
  w.end_array();

  // The timeline: articles by day, in order (undated ones last, under null).
  w.key("timeline").begin_array();
  for (size_t i = 0; i < d.articles.size();) {
    const std::string day = day_of(d.articles[i].published);
    w.begin_object();
    field_or_null(w, "day", day);
    w.key("articles").begin_array();
    for (; i < d.articles.size() && day_of(d.articles[i].published) == day; ++i) str(w, d.articles[i].id);
    w.end_array();
    w.end_object();
  }
  w.end_array();

  w.key("entities").begin_array();
  for (const EntityRow& e : d.entities) {
    w.begin_object();
    field(w, "name", e.name);
    field(w, "type", e.type);
    w.key("articles").value(e.articles);
    w.key("mentions").value(e.mentions);
    w.end_object();
  }
  w.end_array();

  // Quotations: one group per utterance (the same words spoken once), or per speaker and words when the
  // analysis gave no utterance; each group lists every article's wording.
  std::vector<std::vector<const QuoteRow*>> groups;
  std::unordered_map<std::string, size_t> group_of;
  for (const QuoteRow& q : d.quotes) {
    const std::string key = !q.utterance.empty() ? "u\x1f" + q.utterance : "q\x1f" + q.speaker + "\x1f" + fold(utf8::with_replacements(q.quote));
    auto [it, added] = group_of.emplace(key, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(&q);
  }
  w.key("quotations").begin_array();
  for (const auto& g : groups) {
    w.begin_object();
    field_or_null(w, "utterance", g.front()->utterance);
    std::string speaker;
    for (const QuoteRow* q : g) {
      if (speaker.empty()) speaker = q->speaker;
    }
    field_or_null(w, "speaker", speaker);
    w.key("versions").begin_array();
    for (const QuoteRow* q : g) {
      w.begin_object();
      field(w, "article", q->article);
      field_or_null(w, "source", q->source);
      field_or_null(w, "published", q->published);
      field_or_null(w, "speaker", q->speaker);
      field(w, "quote", q->quote);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();

  // Dates the articles mention, one entry per value.
  std::vector<std::pair<std::string, std::vector<const DateRow*>>> dates;
  std::unordered_map<std::string, size_t> date_of;
  for (const DateRow& r : d.dates) {
    const std::string key = r.value.empty() ? r.text : r.value;
    auto [it, added] = date_of.emplace(key, dates.size());
    if (added) dates.emplace_back(key, std::vector<const DateRow*>{});
    dates[it->second].second.push_back(&r);
  }
  w.key("dates").begin_array();
  for (const auto& [value, rows] : dates) {
    w.begin_object();
    field_or_null(w, "value", rows.front()->value);
    field_or_null(w, "type", rows.front()->type);
    w.key("mentions").begin_array();
    for (const DateRow* r : rows) {
      w.begin_object();
      field(w, "article", r->article);
      field(w, "text", r->text);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();

  // Flags, with the articles that carry each.
  std::map<std::string, std::vector<const ArticleRow*>> flags;
  for (const ArticleRow& a : d.articles) {
    for (const auto& f : a.flags) flags[f].push_back(&a);
  }
  w.key("flags").begin_array();
  for (const auto& [flag, articles] : flags) {
    w.begin_object();
    field(w, "flag", flag);
    w.key("articles").begin_array();
    for (const ArticleRow* a : articles) str(w, a->id);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

Result<std::string> Api::entities(std::string_view contains, std::string_view type, int64_t limit, int64_t offset) {
  int64_t total = 0;
  auto rows = reader_.entities(contains, type, limit, offset, &total);
  if (!rows) return failed(rows.error());
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("total").value(total);
  w.key("offset").value(offset);
  w.key("limit").value(limit);
  w.key("entities").begin_array();
  for (const EntityRow& e : rows.value()) {
    w.begin_object();
    field(w, "name", e.name);
    field(w, "type", e.type);
    w.key("stories").value(e.stories);
    w.key("articles").value(e.articles);
    w.key("mentions").value(e.mentions);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

Result<std::string> Api::entity(const std::string& name) {
  auto detail = reader_.entity(name);
  if (!detail) return failed(detail.error());
  const EntityDetail& d = detail.value();
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  field(w, "name", d.entity.name);
  field_or_null(w, "type", d.entity.type);
  w.key("articles").value(d.entity.articles);
  w.key("mentions").value(d.entity.mentions);
  w.key("stories").begin_array();
  for (const StoryRow& r : d.stories) story_row(w, r);
  w.end_array();
  w.key("quotations").begin_array();
  for (const QuoteRow& q : d.quotes) quote_row(w, q);
  w.end_array();
  w.key("timeline").begin_array();
  for (const auto& [day, n] : d.days) {
    w.begin_object();
    field(w, "day", day);
    w.key("articles").value(n);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

Result<std::string> Api::search(std::string_view text, int64_t limit, int64_t offset, bool relevance) {
  auto page = reader_.search(text, limit, offset, relevance);
  if (!page) return failed(page.error());
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  field(w, "query", text);
  w.key("sort").value(relevance ? "relevance" : "newest");
  w.key("total").value(page->total);
  w.key("total_is_lower_bound").value(page->total_is_lower_bound);
  w.key("offset").value(offset);
  w.key("limit").value(limit);
  w.key("hits").begin_array();
  for (const SearchHit& h : page->hits) {
    w.begin_object();
    field(w, "article", h.article);
    w.key("story").value(h.story);
    field(w, "title", h.title);
    field_or_null(w, "source", h.source);
    field_or_null(w, "published", h.published);
    // The snippet as pieces, so that a client never has to parse markup to show the matches.
    w.key("snippet").begin_array();
    bool match = false;
    size_t b = 0;
    const std::string& s = h.snippet;
    for (size_t i = 0; i <= s.size(); ++i) {
      if (i < s.size() && s[i] != '\x02' && s[i] != '\x03') continue;
      if (i > b) {
        w.begin_object();
        field(w, "text", std::string_view(s).substr(b, i - b));
        w.key("match").value(match);
        w.end_object();
      }
      if (i < s.size()) match = s[i] == '\x02';
      b = i + 1;
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

Result<std::string> Api::sources() {
  auto rows = reader_.sources(500);
  if (!rows) return failed(rows.error());
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("sources").begin_array();
  for (const SourceRow& s : rows.value()) {
    w.begin_object();
    field(w, "name", s.name);
    w.key("articles").value(s.articles);
    w.key("stories").value(s.stories);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

}  // namespace recoupe::serve
