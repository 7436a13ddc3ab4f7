#include "read/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <mutex>
#include <vector>

#include "common/ascii.h"
#include "common/utf8.h"
#include "read/feed_date.h"
#include "read/markup_text.h"

namespace recoupe {

namespace {

constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kAtom03Ns = "http://purl.org/atom/ns#";
constexpr std::string_view kRss10Ns = "http://purl.org/rss/1.0/";
constexpr std::string_view kRss09Ns = "http://my.netscape.com/rdf/simple/0.9/";
constexpr std::string_view kRdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";

std::string_view sv(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

constexpr auto trim = ascii::trim_xml_space;

// The feed formats' own elements: no namespace (RSS 2.0), Atom 1.0 / 0.3, RSS 1.0 / 0.9.
bool core_ns(std::string_view ns) {
  return ns.empty() || ns == kAtomNs || ns == kAtom03Ns || ns == kRss10Ns || ns == kRss09Ns ||
         ns.rfind("http://backend.userland.com/rss", 0) == 0 || ns.rfind("http://purl.org/net/rss1.1", 0) == 0;
}
bool dc_ns(std::string_view ns) { return ns.rfind("http://purl.org/dc/elements/1.1", 0) == 0; }
bool content_ns(std::string_view ns) { return ns.rfind("http://purl.org/rss/1.0/modules/content", 0) == 0; }

// libxml2 must never fetch anything: a document that declares an external entity or DTD gets nothing.
xmlParserInputPtr refuse_external_entities(const char*, const char*, xmlParserCtxtPtr) { return nullptr; }

void init_libxml_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    xmlInitParser();
    xmlSetExternalEntityLoader(refuse_external_entities);
  });
}

void silent(void*, const char*, ...) {}

// libxml2 reports some errors (encoding, I/O) through the thread's structured and generic handlers
// rather than the parser's own, and prints them on stderr by default: while it works for a reader,
// both are the reader's (structured) or silent (generic), then they are put back.
class ErrorCapture {
 public:
  ErrorCapture(void* context, xmlStructuredErrorFunc handler)
      : structured_(xmlStructuredError),
        structured_context_(xmlStructuredErrorContext),
        generic_(xmlGenericError),
        generic_context_(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(context, handler);
    xmlSetGenericErrorFunc(nullptr, silent);
  }
  ~ErrorCapture() {
    xmlSetStructuredErrorFunc(structured_context_, structured_);
    xmlSetGenericErrorFunc(generic_context_, generic_);
  }
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;

 private:
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
  xmlGenericErrorFunc generic_;
  void* generic_context_;
};

std::string escape_xml_text(std::string_view s, bool attribute) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"':
        if (attribute) {
          out += "&quot;";
          break;
        }
        [[fallthrough]];
      default: out.push_back(c);
    }
  }
  return out;
}

// What libxml2 reads: the file's bytes without the blanks some feeds put before "<?xml" (an error
// in XML), and, when the document does not declare an encoding other than UTF-8, with each byte
// that is not valid UTF-8 read as Windows-1252 (a Latin-1 feed that does not say so), as browsers do.
class FeedInput {
 public:
  explicit FeedInput(ByteSource& source) : source_(source) {}

  int read(char* buffer, int len) {
    while (out_pos_ == out_.size() && !eof_) fill();
    const size_t k = std::min(static_cast<size_t>(len), out_.size() - out_pos_);
    std::memcpy(buffer, out_.data() + out_pos_, k);
    out_pos_ += k;
    if (k == 0 && !source_.error().empty()) return -1;
    return static_cast<int>(k);
  }

 private:
  void fill() {
    out_.clear();
    out_pos_ = 0;
    char chunk[1 << 16];
    const size_t got = source_.read(chunk, sizeof chunk);
    if (got == 0) eof_ = true;
    pending_.append(chunk, got);
    std::string_view in = pending_;
    if (first_) {
      if (in.size() < 256 && !eof_) return;  // enough to see the declaration
      first_ = false;
      size_t skip = in.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
      while (skip < in.size() && (in[skip] == ' ' || in[skip] == '\t' || in[skip] == '\r' || in[skip] == '\n')) ++skip;
      in.remove_prefix(skip);
      repair_ = declares_utf8(in);
    }
    if (!repair_) {
      out_.assign(in);
      pending_.clear();
      return;
    }
    size_t i = 0;
    while (i < in.size()) {
      const size_t bad = utf8::find_invalid(in.substr(i));
      if (bad == std::string_view::npos) {
        out_.append(in.substr(i));
        i = in.size();
        break;
      }
      out_.append(in.substr(i, bad));
      i += bad;
      if (!eof_ && may_be_cut(in.substr(i))) break;  // the rest of the sequence is in the next chunk
      utf8::append(out_, windows_1252_code_point(static_cast<unsigned char>(in[i])));
      ++i;
    }
    pending_ = std::string(in.substr(i));
  }

  // The document is meant to be UTF-8: no declaration, or one without an encoding or naming UTF-8.
  static bool declares_utf8(std::string_view s) {
    if (s.size() >= 2 && (s[0] == '\0' || s[1] == '\0' || (s[0] == '\xFE' && s[1] == '\xFF') ||
                          (s[0] == '\xFF' && s[1] == '\xFE'))) {
      return false;  // UTF-16 or UTF-32
    }
    if (s.rfind("<?xml", 0) != 0) return true;
    const std::string_view decl = s.substr(0, s.find("?>"));
    const size_t at = decl.find("encoding");
    if (at == std::string_view::npos) return true;
    std::string_view value = decl.substr(at + 8);
    while (!value.empty() && (value.front() == ' ' || value.front() == '=' || value.front() == '"' || value.front() == '\'')) {
      value.remove_prefix(1);
    }
    std::string name;
    for (char c : value) {
      if (c == '"' || c == '\'' || c == ' ' || c == '?') break;
      name.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    return name == "utf-8" || name == "utf8";
  }

  // A lead byte followed by fewer continuation bytes than it needs, at the end of the chunk.
  static bool may_be_cut(std::string_view s) {
    const auto lead = static_cast<unsigned char>(s[0]);
    const size_t need = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (need == 0 || s.size() >= need) return false;
    for (size_t k = 1; k < s.size(); ++k) {
      if ((static_cast<unsigned char>(s[k]) & 0xC0) != 0x80) return false;
    }
    return true;
  }

  ByteSource& source_;
  std::string pending_, out_;
  size_t out_pos_ = 0;
  bool first_ = true, repair_ = false, eof_ = false;
};

}  // namespace

std::string primary_language(std::string_view tag) {
  tag = trim(tag);
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_') break;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return {};
    out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  }
  if (out.size() < 2 || out.size() > 3) return {};
  return out;
}

// ============================================================================ XML feeds

struct FeedReader::State {
  enum class Field {
    kNone,
    kTitle,
    kLink,
    kId,
    kSummary,
    kHtml,
    kText,
    kPublished,
    kPubDate,
    kDcDate,
    kUpdated,
    kItemLanguage,
    kFeedTitle,
    kFeedLanguage,
  };
  // How a captured element's content is kept: as text whose nested elements (malformed feeds put
  // raw HTML in a description) are written back as tags, or as XHTML whose text is escaped again.
  enum class Mode { kHtmlString, kXhtml };

  struct Item {
    std::string title, link, id, about, summary, html, text, published, pub_date, dc_date, updated, lang;
    std::string xml_lang;
    int line = 0;
    bool too_big = false;
  };

  // One attribute of a start tag, as SAX2 gives it.
  struct Attributes {
    const xmlChar** values;
    int count;
    std::string get(std::string_view local, std::string_view ns = {}) const {
      for (int i = 0; i < count; ++i) {
        const xmlChar** a = values + 5 * i;  // localname, prefix, URI, value, end
        if (sv(a[0]) == local && sv(a[2]) == ns) {
          return std::string(reinterpret_cast<const char*>(a[3]), static_cast<size_t>(a[4] - a[3]));
        }
      }
      return {};
    }
  };

  State(std::unique_ptr<ByteSource> src, std::string n, const ReadOptions& o, Diagnostics& d)
      : source(std::move(src)), input(*source), name(std::move(n)), options(o), diagnostics(d) {}

  ~State() {
    if (ctxt) {
      const ErrorCapture errors_to_state(this, on_error);
      if (ctxt->myDoc) xmlFreeDoc(ctxt->myDoc);  // holds only the DTD's declarations
      ctxt->myDoc = nullptr;
      xmlFreeParserCtxt(ctxt);
    }
  }

  bool next(RawRecord& out);
  bool open(const char* first, int size);
  void start_element(std::string_view local, std::string_view ns, std::string_view qname, const Attributes& attrs,
                     std::string_view lang);
  void end_element(std::string_view qname);
  void characters(std::string_view text);
  void finish_item();
  void start_capture(Field f, Mode mode);
  void end_capture();
  void append(std::string_view s);
  void report_end();
  int line() const { return ctxt ? xmlSAX2GetLineNumber(ctxt) : 0; }

  // SAX2 callbacks: no tree is built, events go straight to the State.
  static void on_start(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar* uri, int,
                       const xmlChar**, int nb_attributes, int, const xmlChar** attributes) {
    auto* self = static_cast<State*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
    std::string qname(prefix ? sv(prefix) : std::string_view());
    if (!qname.empty()) qname += ':';
    qname += sv(local);
    const Attributes attrs{attributes, nb_attributes};
    // xml:lang is inherited: the nearest ancestor's applies.
    std::string lang = attrs.get("lang", "http://www.w3.org/XML/1998/namespace");
    if (lang.empty() && !self->langs.empty()) lang = self->langs.back();
    self->langs.push_back(lang);
    self->start_element(sv(local), sv(uri), qname, attrs, self->langs.back());
  }
  static void on_end(void* ctx, const xmlChar* local, const xmlChar* prefix, const xmlChar*) {
    auto* self = static_cast<State*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
    std::string qname(prefix ? sv(prefix) : std::string_view());
    if (!qname.empty()) qname += ':';
    qname += sv(local);
    self->end_element(qname);
    if (!self->langs.empty()) self->langs.pop_back();
  }
  static void on_characters(void* ctx, const xmlChar* text, int len) {
    auto* self = static_cast<State*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
    self->characters(std::string_view(reinterpret_cast<const char*>(text), static_cast<size_t>(len)));
  }
  // Parser errors come with the parser context; others (I/O, encoding) through the thread's handler.
  static void on_parser_error(void* ctx, xmlErrorPtr error) {
    on_error(static_cast<xmlParserCtxtPtr>(ctx)->_private, error);
  }
  static void on_error(void* ctx, xmlErrorPtr error) {
    auto* self = static_cast<State*>(ctx);
    if (!self || !error || error->level < XML_ERR_ERROR) return;
    if (self->errors++ == 0) {
      self->first_error = trim(error->message ? error->message : "malformed XML");
      self->first_error_line = error->line;
    }
  }
  static void on_reference(void*, const xmlChar*) {}  // entities are not expanded

  std::unique_ptr<ByteSource> source;
  FeedInput input;
  std::string name;
  ReadOptions options;
  Diagnostics& diagnostics;
  xmlParserCtxtPtr ctxt = nullptr;
  bool opened = false, done = false, stopped = false;
  std::deque<RawRecord> ready;  // items finished by the last chunk, in order

  int depth = -1;              // of the element being read (the root is 0)
  std::vector<std::string> langs;  // xml:lang in force at each open element
  bool root_seen = false, is_feed = false;
  int channel_depth = -1;  // depth of RSS's <channel> or Atom's <feed>; its title is the source
  int item_depth = -1;     // depth of the <item> / <entry> being read, or -1
  Item item;
  std::string feed_title, feed_lang;

  Field field = Field::kNone;
  int field_depth = -1;
  Mode mode = Mode::kHtmlString;
  std::string capture;

  size_t records = 0;
  size_t errors = 0;
  std::string first_error;
  int first_error_line = 0;
};

bool FeedReader::State::open(const char* first, int size) {
  opened = true;
  init_libxml_once();
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  // The default SAX2 handlers keep the DTD's declarations (so that a declared entity is known,
  // never loaded: see refuse_external_entities); elements, text and references come here.
  xmlSAXVersion(&sax, 2);
  sax.startElementNs = on_start;
  sax.endElementNs = on_end;
  sax.startElement = nullptr;
  sax.endElement = nullptr;
  sax.characters = on_characters;
  sax.cdataBlock = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.reference = on_reference;
  sax.comment = nullptr;
  sax.processingInstruction = nullptr;
  sax.serror = on_parser_error;
  sax.error = nullptr;
  sax.warning = nullptr;
  sax.fatalError = nullptr;
  const ErrorCapture errors_to_state(this, on_error);
  ctxt = xmlCreatePushParserCtxt(&sax, nullptr, first, size, nullptr);
  if (!ctxt) {
    diagnostics.input_error(name, "libxml2 could not start a parser");
    return false;
  }
  ctxt->_private = this;
  // Recover from errors; never the network; no entity substitution (no XML_PARSE_NOENT), no DTD loading.
  xmlCtxtUseOptions(ctxt, XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_COMPACT);
  return true;
}

void FeedReader::State::start_capture(Field f, Mode m) {
  field = f;
  field_depth = depth;
  mode = m;
  capture.clear();
}

void FeedReader::State::append(std::string_view s) {
  if (capture.size() + s.size() > options.max_record_bytes) {
    if (item_depth >= 0) item.too_big = true;
    return;
  }
  capture.append(s);
}

void FeedReader::State::end_capture() {
  std::string value = std::move(capture);
  capture.clear();
  const Field f = field;
  field = Field::kNone;
  field_depth = -1;
  auto keep_first = [&](std::string& slot) {
    if (slot.empty()) slot = std::move(value);
  };
  switch (f) {
    case Field::kTitle: keep_first(item.title); break;
    case Field::kLink: keep_first(item.link); break;
    case Field::kId: keep_first(item.id); break;
    case Field::kSummary: keep_first(item.summary); break;
    case Field::kHtml: keep_first(item.html); break;
    case Field::kText: keep_first(item.text); break;
    case Field::kPublished: keep_first(item.published); break;
    case Field::kPubDate: keep_first(item.pub_date); break;
    case Field::kDcDate: keep_first(item.dc_date); break;
    case Field::kUpdated: keep_first(item.updated); break;
    case Field::kItemLanguage: keep_first(item.lang); break;
    case Field::kFeedTitle:
      if (feed_title.empty()) feed_title = html_fragment_to_text(value, /*single_line=*/true);
      break;
    case Field::kFeedLanguage:
      if (feed_lang.empty()) feed_lang = primary_language(value);
      break;
    case Field::kNone: break;
  }
}

void FeedReader::State::start_element(std::string_view local, std::string_view ns, std::string_view qname,
                                      const Attributes& attrs, std::string_view lang) {
  ++depth;
  if (stopped) return;
  if (field != Field::kNone) {  // inside a captured element: write the tag back
    std::string tag = "<" + std::string(qname);
    for (int i = 0; i < attrs.count; ++i) {
      const xmlChar** a = attrs.values + 5 * i;
      tag += " ";
      if (a[1]) tag += std::string(sv(a[1])) + ":";
      tag += std::string(sv(a[0])) + "=\"" +
             escape_xml_text(std::string_view(reinterpret_cast<const char*>(a[3]), static_cast<size_t>(a[4] - a[3])),
                             true) +
             "\"";
    }
    append(tag + ">");
    return;
  }

  if (!root_seen) {
    root_seen = true;
    if (local == "rss") {
      is_feed = true;  // RSS 0.9x / 2.0: <rss><channel>; the channel is found below
    } else if (local == "channel" || local == "feed") {
      is_feed = true;  // Atom: the feed is the channel
      channel_depth = depth;
      feed_lang = primary_language(lang);
    } else if (local == "RDF" && (ns == kRdfNs || ns.empty())) {
      is_feed = true;  // RSS 1.0: <rdf:RDF><channel/><item/>...</rdf:RDF>
    } else {
      diagnostics.skip_record(name, "not an RSS, Atom or RDF feed (the root element is <" +
                                        std::string(qname.substr(0, 40)) + ">)");
      stopped = true;
      xmlStopParser(ctxt);  // nothing more to read in it
    }
    return;
  }

  if (item_depth < 0) {
    if (local == "channel" && core_ns(ns) && channel_depth < 0) {
      channel_depth = depth;
      return;
    }
    if ((local == "item" || local == "entry") && core_ns(ns)) {
      item = Item{};
      item.line = line();
      item.xml_lang = primary_language(lang);
      item.about = attrs.get("about", kRdfNs);
      item_depth = depth;
      return;
    }
    if (channel_depth >= 0 && depth == channel_depth + 1) {
      if (local == "title" && core_ns(ns)) start_capture(Field::kFeedTitle, Mode::kHtmlString);
      else if (local == "language" && (core_ns(ns) || dc_ns(ns))) start_capture(Field::kFeedLanguage, Mode::kHtmlString);
    }
    return;
  }

  if (depth != item_depth + 1) return;  // deeper: <source><title>, <media:group>... not the item's own
  Field f = Field::kNone;
  Mode m = Mode::kHtmlString;
  if (core_ns(ns)) {
    const std::string type = attrs.get("type");
    if (local == "title") {
      f = Field::kTitle;
      if (type == "xhtml") m = Mode::kXhtml;
    } else if (local == "link") {
      const std::string href = attrs.get("href");
      if (href.empty()) {
        f = Field::kLink;  // RSS: <link>URL</link>
      } else {             // Atom: <link rel="alternate" href="URL"/>
        const std::string rel = attrs.get("rel");
        if ((rel.empty() || rel == "alternate") && item.link.empty()) item.link = std::string(trim(href));
      }
    } else if (local == "guid" || local == "id") {
      f = Field::kId;
    } else if (local == "description" || local == "summary") {
      f = Field::kSummary;
      if (type == "xhtml") m = Mode::kXhtml;
    } else if (local == "content") {
      if (!attrs.get("src").empty()) return;  // content elsewhere
      if (type == "html" || type == "text/html") {
        f = Field::kHtml;
      } else if (type == "xhtml" || type == "application/xhtml+xml") {
        f = Field::kHtml;
        m = Mode::kXhtml;
      } else if (type.empty() || type == "text" || type == "text/plain") {
        f = Field::kText;
      }
    } else if (local == "pubDate") {
      f = Field::kPubDate;
    } else if (local == "published" || local == "issued") {
      f = Field::kPublished;
    } else if (local == "updated" || local == "modified") {
      f = Field::kUpdated;
    }
  } else if (dc_ns(ns)) {
    if (local == "date") f = Field::kDcDate;
    else if (local == "language") f = Field::kItemLanguage;
  } else if (content_ns(ns) && local == "encoded") {
    f = Field::kHtml;
  }
  if (f != Field::kNone) start_capture(f, m);
}

void FeedReader::State::end_element(std::string_view qname) {
  const int closing = depth--;
  if (stopped) return;
  if (field != Field::kNone) {
    if (closing > field_depth) {
      append("</" + std::string(qname) + ">");
      return;
    }
    end_capture();
  }
  if (item_depth >= 0 && closing == item_depth) {
    item_depth = -1;
    finish_item();
  }
}

void FeedReader::State::characters(std::string_view text) {
  if (stopped || field == Field::kNone) return;
  append(mode == Mode::kXhtml ? escape_xml_text(text, false) : std::string(text));
}

void FeedReader::State::finish_item() {
  const std::string where = name + ":" + std::to_string(item.line);
  std::string id(trim(item.id));
  const std::string link(trim(item.link));
  if (id.empty()) id = link;
  if (id.empty()) id = std::string(trim(item.about));
  if (item.too_big) {
    diagnostics.skip_record(where, "item is over the record limit of " + std::to_string(options.max_record_bytes) +
                                       " bytes" + (id.empty() ? "" : " (id " + id + ")"));
    return;
  }
  if (id.empty()) {
    diagnostics.skip_record(where, "item has no guid, id or link");
    return;
  }
  RawRecord out;
  out.id = std::move(id);
  out.url = link;
  out.title = html_fragment_to_text(item.title, /*single_line=*/true);
  out.abstract = html_fragment_to_text(item.summary);
  if (item.html.find_first_not_of(" \t\r\n") != std::string::npos) out.html = std::move(item.html);
  out.text = std::string(trim(item.text));
  if (out.title.empty() && out.abstract.empty() && out.html.empty() && out.text.empty()) {
    diagnostics.skip_record(where, "item has no title, summary or content (id " + out.id + ")");
    return;
  }
  if (!out.html.empty()) out.content_type = "text/html; charset=utf-8";  // libxml2 gives UTF-8
  // The first date given that reads, in order of meaning: published, then updated.
  std::string unreadable;
  for (const std::string* d : {&item.published, &item.pub_date, &item.dc_date, &item.updated}) {
    const std::string_view given = trim(*d);
    if (given.empty()) continue;
    if (auto iso = feed_date_to_iso8601(given)) {
      out.published = std::move(*iso);
      break;
    }
    if (unreadable.empty()) unreadable = std::string(given.substr(0, 80));
  }
  if (out.published.empty() && !unreadable.empty()) {
    diagnostics.note(where, "date \"" + unreadable + "\" is neither RFC 822 nor ISO 8601: article " + out.id +
                                " kept undated");
  }
  out.source = feed_title;
  out.lang = primary_language(item.lang);
  if (out.lang.empty()) out.lang = item.xml_lang;
  if (out.lang.empty()) out.lang = feed_lang;
  out.origin = where;
  ++records;
  ready.push_back(std::move(out));
}

void FeedReader::State::report_end() {
  const std::string at = first_error_line > 0 ? name + ":" + std::to_string(first_error_line) : name;
  if (!root_seen) {
    if (errors > 0) diagnostics.skip_record(at, "not XML (" + first_error + ")");
    else diagnostics.note(name, "empty file, no records");
    return;
  }
  if (!is_feed) return;  // reported already
  if (errors > 0) {
    std::string message = "malformed XML (" + first_error + ")";
    if (errors > 1) message += " and " + std::to_string(errors - 1) + " more errors";
    message += "; read in recover mode, " + std::to_string(records) + (records == 1 ? " item" : " items") + " kept";
    diagnostics.note(at, message);
  }
}

bool FeedReader::State::next(RawRecord& out) {
  while (ready.empty() && !done && !diagnostics.fatal()) {
    char chunk[1 << 16];
    const int got = input.read(chunk, sizeof chunk);
    if (!opened) {
      if (!open(chunk, std::max(got, 0))) {
        done = true;
        break;
      }
      if (got > 0) continue;
    }
    const ErrorCapture errors_to_state(this, on_error);
    if (got > 0 && !stopped) {
      xmlParseChunk(ctxt, chunk, got, 0);
      // A fatal error the parser cannot recover from ends the document.
      if (ctxt->disableSAX && !ctxt->recovery) stopped = true;
      continue;
    }
    if (got < 0) diagnostics.input_error(name, "read error: " + source->error());
    if (!stopped) xmlParseChunk(ctxt, nullptr, 0, /*terminate=*/1);
    done = true;
    if (item_depth >= 0 && !stopped) {  // the file ends inside an item: keep what it had
      if (field != Field::kNone) end_capture();
      item_depth = -1;
      finish_item();
    }
    report_end();
  }
  if (ready.empty()) return false;
  out = std::move(ready.front());
  ready.pop_front();
  return true;
}

FeedReader::FeedReader(std::unique_ptr<ByteSource> source, std::string name, const ReadOptions& options,
                       Diagnostics& diagnostics)
    : state_(std::make_unique<State>(std::move(source), std::move(name), options, diagnostics)) {}

FeedReader::~FeedReader() = default;

bool FeedReader::next(RawRecord& out) { return state_->next(out); }

}  // namespace recoupe
