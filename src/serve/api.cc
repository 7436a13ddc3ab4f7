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
    w.value(Api::valid_utf8(s));
  }
}
void str_or_null(JsonWriter& w, std::string_view s) {
  if (s.empty()) w.null(); else str(w, s);
}

void story_row(JsonWriter& w, const StoryRow& r) {
  w.begin_object();
  w.key("id").value(r.label);
  w.key("title");
  str(w, r.title);
  w.key("first_published");
  str_or_null(w, r.first_published);
  w.key("last_published");
  str_or_null(w, r.last_published);
  w.key("articles").value(r.articles);
  w.key("sources").begin_array();
  for (const auto& s : r.sources) str(w, s);
  w.end_array();
  w.end_object();
}

void quote_row(JsonWriter& w, const QuoteRow& q) {
  w.begin_object();
  w.key("article");
  str(w, q.article);
  w.key("story").value(q.story);
  w.key("source");
  str_or_null(w, q.source);
  w.key("published");
  str_or_null(w, q.published);
  w.key("speaker");
  str_or_null(w, q.speaker);
  w.key("utterance");
  str_or_null(w, q.utterance);
  w.key("quote");
  str(w, q.quote);
  w.end_object();
}

std::string day_of(const std::string& published) { return published.size() >= 10 ? published.substr(0, 10) : published; }

Result<std::string> failed(const Error& e) { return e; }

}  // namespace

std::string Api::valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const size_t bad = utf8::find_invalid(s);
    if (bad == std::string_view::npos) {
      out.append(s);
      break;
    }
    out.append(s.substr(0, bad));
    out.append("\xEF\xBF\xBD");  // U+FFFD
    s.remove_prefix(bad + 1);
  }
  return out;
}

std::string Api::error_body(int status, std::string_view message) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("error");
  str(w, message);
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
    return Error{Errc::kNotFound, "no story " + valid_utf8(label) + " (story ids look like s12)"};
  }
  auto detail = reader_.story(std::stoll(std::string(label.substr(1))));
  if (!detail) return failed(detail.error());
  const StoryDetail& d = detail.value();
  std::string out;
  out.reserve(4096);
  JsonWriter w(out);
  w.begin_object();
  w.key("id").value(d.story.label);
  w.key("title");
  str(w, d.story.title);
  w.key("first_published");
  str_or_null(w, d.story.first_published);
  w.key("last_published");
  str_or_null(w, d.story.last_published);
  w.key("event_date");
  str_or_null(w, d.story.event_date);
  w.key("event_place");
  str_or_null(w, d.story.event_place);

  // Sources, with how many of the story's articles each gave.
  std::map<std::string, int64_t> per_source;
  for (const ArticleRow& a : d.articles) {
    if (!a.source.empty()) ++per_source[a.source];
  }
  w.key("sources").begin_array();
  for (const auto& [name, n] : per_source) {
    w.begin_object();
    w.key("name");
    str(w, name);
    w.key("articles").value(n);
    w.end_object();
  }
  w.end_array();

  w.key("articles").begin_array();
  for (const ArticleRow& a : d.articles) {
    w.begin_object();
    w.key("id");
    str(w, a.id);
    w.key("title");
    str(w, a.title);
    w.key("abstract");
    str(w, a.abstract);
    w.key("text");
    str(w, a.text);
    w.key("published");
    str_or_null(w, a.published);
    w.key("source");
    str_or_null(w, a.source);
    w.key("url");
    str_or_null(w, a.url);
    w.key("lang");
    str_or_null(w, a.lang);
    w.key("duplicate_of");
    str_or_null(w, a.duplicate_of);
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
    w.key("day");
    str_or_null(w, day);
    w.key("articles").begin_array();
    for (; i < d.articles.size() && day_of(d.articles[i].published) == day; ++i) str(w, d.articles[i].id);
    w.end_array();
    w.end_object();
  }
  w.end_array();

  w.key("entities").begin_array();
  for (const EntityRow& e : d.entities) {
    w.begin_object();
    w.key("name");
    str(w, e.name);
    w.key("type");
    str(w, e.type);
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
    const std::string key = !q.utterance.empty() ? "u\x1f" + q.utterance : "q\x1f" + q.speaker + "\x1f" + fold(valid_utf8(q.quote));
    auto [it, added] = group_of.emplace(key, groups.size());
    if (added) groups.emplace_back();
    groups[it->second].push_back(&q);
  }
  w.key("quotations").begin_array();
  for (const auto& g : groups) {
    w.begin_object();
    w.key("utterance");
    str_or_null(w, g.front()->utterance);
    std::string speaker;
    for (const QuoteRow* q : g) {
      if (speaker.empty()) speaker = q->speaker;
    }
    w.key("speaker");
    str_or_null(w, speaker);
    w.key("versions").begin_array();
    for (const QuoteRow* q : g) {
      w.begin_object();
      w.key("article");
      str(w, q->article);
      w.key("source");
      str_or_null(w, q->source);
      w.key("published");
      str_or_null(w, q->published);
      w.key("speaker");
      str_or_null(w, q->speaker);
      w.key("quote");
      str(w, q->quote);
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
    w.key("value");
    str_or_null(w, rows.front()->value);
    w.key("type");
    str_or_null(w, rows.front()->type);
    w.key("mentions").begin_array();
    for (const DateRow* r : rows) {
      w.begin_object();
      w.key("article");
      str(w, r->article);
      w.key("text");
      str(w, r->text);
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
    w.key("flag");
    str(w, flag);
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
    w.key("name");
    str(w, e.name);
    w.key("type");
    str(w, e.type);
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
  w.key("name");
  str(w, d.entity.name);
  w.key("type");
  str_or_null(w, d.entity.type);
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
    w.key("day");
    str(w, day);
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
  w.key("query");
  str(w, text);
  w.key("sort").value(relevance ? "relevance" : "newest");
  w.key("total").value(page->total);
  w.key("total_is_lower_bound").value(page->total_is_lower_bound);
  w.key("offset").value(offset);
  w.key("limit").value(limit);
  w.key("hits").begin_array();
  for (const SearchHit& h : page->hits) {
    w.begin_object();
    w.key("article");
    str(w, h.article);
    w.key("story").value(h.story);
    w.key("title");
    str(w, h.title);
    w.key("source");
    str_or_null(w, h.source);
    w.key("published");
    str_or_null(w, h.published);
    // The snippet as pieces, so that a client never has to parse markup to show the matches.
    w.key("snippet").begin_array();
    bool match = false;
    size_t b = 0;
    const std::string& s = h.snippet;
    for (size_t i = 0; i <= s.size(); ++i) {
      if (i < s.size() && s[i] != '\x02' && s[i] != '\x03') continue;
      if (i > b) {
        w.begin_object();
        w.key("text");
        str(w, std::string_view(s).substr(b, i - b));
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
    w.key("name");
    str(w, s.name);
    w.key("articles").value(s.articles);
    w.key("stories").value(s.stories);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return out;
}

}  // namespace recoupe::serve
