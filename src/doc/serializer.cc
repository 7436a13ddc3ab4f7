#include "doc/serializer.h"

#include <charconv>

#include "common/json_writer.h"
#include "common/string_store.h"

namespace recoupe {

namespace {

void append_number(std::string& out, uint32_t v) {
  char buf[16];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

// The start of one element of `dates`, `entities`, `roles` or `quotes`, written directly (there are several per
// article): {"field":…,"start":…,"end":…,"<text_key>":<the span's text>, to which the caller adds the rest.
void append_span_head(const Doc& doc, const Span& span, std::string_view text_key, std::string& out) {
  out += "{\"field\":\"";
  out += field_name(span.field);
  out += "\",\"start\":";
  append_number(out, span.begin);
  out += ",\"end\":";
  append_number(out, span.end);
  out += ",\"";
  out += text_key;
  out += "\":";
  JsonWriter::append_string(out, doc.text(span));
}

// One element of `dates` or `entities`: the span's head, then "type":"<type>","<name>":<value>}.
void append_span_element(const Doc& doc, const Span& span, std::string_view type, std::string_view name,
                         std::string_view value, std::string& out) {
  append_span_head(doc, span, "text", out);
  out += ",\"type\":\"";
  out += type;
  out += "\",\"";
  out += name;
  out += "\":";
  JsonWriter::append_string(out, value);
  out.push_back('}');
}

// The elements of the `dates` array.
void append_dates(const Doc& doc, std::string& out) {
  for (size_t i = 0; i < doc.dates.size(); ++i) {
    if (i > 0) out.push_back(',');
    const DateMention& d = doc.dates[i];
    append_span_element(doc, d.span, timex_type_name(d.type), "value", d.value, out);
  }
}

// The elements of the `entities` array: the article's, then its credits'.
void append_entities(const Doc& doc, std::string& out) {
  bool first = true;
  for (const std::vector<Entity>* list : {&*doc.entities, &doc.credit_entities}) {
    for (const Entity& e : *list) {
      if (!first) out.push_back(',');
      first = false;
      append_span_element(doc, e.span, entity_type_name(e.type), "canonical", e.canonical, out);
    }
  }
}

// A string value, or null for an empty one.
void append_string_or_null(std::string_view v, std::string& out) {
  if (v.empty()) out += "null";
  else JsonWriter::append_string(out, v);
}

// The elements of the `quotes` array, written directly as the dates and entities are (an article has several).
void append_quotes(const Doc& doc, std::string& out) {
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& q = doc.quotes[i];
    if (i > 0) out.push_back(',');
    append_span_head(doc, q.span, "quote", out);
    out += ",\"speaker\":";
    append_string_or_null(q.speaker, out);
    out += ",\"speaker_mention\":";
    if (q.speaker_mention) JsonWriter::append_string(out, doc.text(*q.speaker_mention)); else out += "null";
    out += ",\"cue\":";
    if (q.cue) JsonWriter::append_string(out, doc.text(*q.cue)); else out += "null";
    out += ",\"utterance\":";
    append_string_or_null(q.utterance, out);
    out.push_back('}');
  }
}

}  // namespace

void append_contract_json(const Doc& doc, std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  w.key("id").value(doc.id);
  if (!doc.lang.empty()) w.key("lang").value(doc.lang); else w.key("lang").null();
  if (!doc.published_text.empty()) w.key("published").value(doc.published_text); else w.key("published").null();
  // Short fields first, so that the start of each line tells the article's place.
  if (!doc.link.story.empty()) w.key("story").value(doc.link.story); else w.key("story").null();
  if (doc.link.duplicate_of) w.key("duplicate_of").value(*doc.link.duplicate_of); else w.key("duplicate_of").null();
  if (!doc.source.empty()) w.key("source").value(doc.source);
  if (!doc.url.empty()) w.key("url").value(doc.url);
  for (Field f : kAllFields) {
    if (!doc.field(f).empty()) w.key(field_name(f)).value(doc.field(f));
  }
  // Not in the contract (extra keys are allowed): the credits the clean stage took out, which the
  // entities with "field": "credits" point into.
  if (!doc.field(Field::kCredits).empty()) w.key("credits").value(doc.field(Field::kCredits));
  if (doc.entities) {
    w.key("entities").begin_array();
    append_entities(doc, out);
    w.end_array();
    // Not in the contract (extra keys are allowed): role phrases and the person they stand for.
    w.key("roles").begin_array();
    for (size_t i = 0; i < doc.roles.size(); ++i) {
      if (i > 0) out.push_back(',');
      append_span_head(doc, doc.roles[i].span, "text", out);
      out += ",\"canonical\":";
      JsonWriter::append_string(out, doc.roles[i].canonical);
      out.push_back('}');
    }
    w.end_array();
  }
  if (!doc.quotes.empty()) {
    w.key("quotes").begin_array();
    append_quotes(doc, out);
    w.end_array();
  }
  w.key("flags").begin_array();
  for (const auto& kind : doc.flag_kinds()) w.value(kind);
  w.end_array();
  // What each flag names: kept text by its span, text left out by the point where it was.
  if (!doc.flags.empty()) {
    w.key("flag_spans").begin_array();
    for (const TextFlag& f : doc.flags) {
      w.begin_object();
      w.key("flag").value(f.kind);
      w.key("field").value(field_name(f.span.field));
      w.key("start").value(static_cast<int64_t>(f.span.begin));
      w.key("end").value(static_cast<int64_t>(f.span.end));
      w.key("text").value(f.text);
      w.key("removed").value(f.removed);
      w.end_object();
    }
    w.end_array();
  }
  w.key("dates").begin_array();
  append_dates(doc, out);
  w.end_array();
  if (!doc.event_date.empty()) w.key("event_date").value(doc.event_date); else w.key("event_date").null();
  if (!doc.written_date.empty()) w.key("published_inferred").value(doc.written_date);
  if (!doc.event_place.empty()) w.key("event_place").value(doc.event_place); else w.key("event_place").null();
  w.end_object();
  out.push_back('\n');
}

std::string link_decision_json(const Doc& doc) {
  std::string out;
  const LinkDecision& d = doc.link;
  JsonWriter w(out);
  w.begin_object();
  w.key("id").value(doc.id);
  w.key("story").value(d.story);
  w.key("new_story").value(d.new_story);
  if (d.duplicate_of) {
    w.key("duplicate_of").value(*d.duplicate_of);
    w.key("duplicate_similarity").value(d.duplicate_similarity);
  }
  w.key("similarity").value(d.similarity);
  w.key("threshold").value(d.threshold);
  if (!d.best_other_story.empty()) w.key("best_other_story").value(d.best_other_story);
  if (d.gap_days >= 0) w.key("gap_days").value(d.gap_days); else w.key("gap_days").null();
  w.key("shared_terms").begin_array();
  for (uint64_t t : d.shared_terms) w.value(StringStore::global().lookup(t));
  w.end_array();
  w.end_object();
  return out;
}

}  // namespace recoupe
