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

// One element of `dates` or `entities`, written directly (there are several per article):
// {"field":…,"start":…,"end":…,"text":…,"type":"<type>","<name>":<value>}.
void append_span_element(const Doc& doc, const Span& span, std::string_view type, std::string_view name,
                         std::string_view value, std::string& out) {
  out += "{\"field\":\"";
  out += field_name(span.field);
  out += "\",\"start\":";
  append_number(out, span.begin);
  out += ",\"end\":";
  append_number(out, span.end);
  out += ",\"text\":";
  JsonWriter::append_string(out, doc.text(span));
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
    for (const Role& r : doc.roles) {
      w.begin_object();
      w.key("field").value(field_name(r.span.field));
      w.key("start").value(static_cast<int64_t>(r.span.begin));
      w.key("end").value(static_cast<int64_t>(r.span.end));
      w.key("text").value(doc.text(r.span));
      w.key("canonical").value(r.canonical);
      w.end_object();
    }
    w.end_array();
  }
  if (!doc.quotes.empty()) {
    w.key("quotes").begin_array();
    for (const Quote& q : doc.quotes) {
      w.begin_object();
      w.key("field").value(field_name(q.span.field));
      w.key("start").value(static_cast<int64_t>(q.span.begin));
      w.key("end").value(static_cast<int64_t>(q.span.end));
      w.key("quote").value(doc.text(q.span));
      if (!q.speaker.empty()) w.key("speaker").value(q.speaker); else w.key("speaker").null();
      w.key("speaker_mention");
      if (q.speaker_mention) w.value(doc.text(*q.speaker_mention)); else w.null();
      if (q.cue) w.key("cue").value(doc.text(*q.cue)); else w.key("cue").null();
      if (!q.utterance.empty()) w.key("utterance").value(q.utterance); else w.key("utterance").null();
      w.end_object();
    }
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
