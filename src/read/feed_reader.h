// src/read/feed_reader.h
//
// News feeds: RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom, read with libxml2's SAX2 push
// parser, chunk by chunk: no tree is built, memory holds the item being read. The parser
// never touches the network (XML_PARSE_NONET), never loads or substitutes external entities
// (no XML_PARSE_NOENT, no DTD loading, and an entity loader that refuses everything: no XXE),
// and recovers from malformed XML (XML_PARSE_RECOVER), which is reported as a note. Bytes that
// are not UTF-8 in a feed that declares no other encoding are read as Windows-1252.
//
// One record per item: id = guid / Atom id (else link, else rdf:about), url = link,
// title and abstract (description / summary) as plain text (their HTML tags dropped and
// character references decoded), html = the full content when the feed carries it
// (content:encoded, Atom content of type html or xhtml), text = Atom content of type
// text, published = published / pubDate / dc:date / updated as ISO 8601 (RFC 822 dates
// converted; an unreadable date is reported and the item kept undated), source = the
// channel's title, lang = the item's or channel's language (primary subtag). An item
// with only a summary is still an article: title and abstract.
#pragma once

#include <memory>
#include <string>

#include "read/byte_source.h"
#include "read/diagnostics.h"
#include "read/record_source.h"

namespace recoupe {

class FeedReader final : public RecordSource {
 public:
  //! `name` names the file in messages and origins ("file:line").
  FeedReader(std::unique_ptr<ByteSource> source, std::string name, const ReadOptions& options,
             Diagnostics& diagnostics);
  ~FeedReader() override;
  bool next(RawRecord& out) override;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

//! "fr-FR", "fr_fr", "FR" → "fr"; empty when it is not a language tag.
std::string primary_language(std::string_view tag);

}  // namespace recoupe
