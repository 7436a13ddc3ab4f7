// Readers of web inputs: gzip members, HTTP messages, WARC/ARC, feeds, dates, markup, sniffing.
// Fixtures are written by tests/fixtures/web/make_web_fixtures.py (offsets below come from it).
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "common/timestamp.h"
#include "common/utf8.h"
#include "read/feed_date.h"
#include "read/feed_reader.h"
#include "read/gzip_stream.h"
#include "read/http_message.h"
#include "read/input_reader.h"
#include "read/json_feed_reader.h"
#include "read/markup_text.h"
#include "read/sniff.h"
#include "read/warc_reader.h"
#include "support/read_inputs.h"

namespace recoupe {
namespace {

namespace fs = std::filesystem;
const std::string kWeb = std::string(RECOUPE_FIXTURES) + "/web";

using testing::ReadAll;
using testing::read_inputs;

ReadAll read_memory(InputKind kind, const std::string& bytes, const std::string& name = "mem",
                    size_t max_bytes = 1 << 20) {
  ReadAll r;
  Diagnostics d(false, [&](const std::string& m) { r.messages.push_back(m); });
  ReadOptions o;
  o.max_record_bytes = max_bytes;
  auto source = open_input(kind, std::make_unique<MemorySource>(bytes), name, o, d);
  RawRecord rec;
  while (source->next(rec)) r.records.push_back(rec);
  r.skipped = d.skipped();
  r.ignored = d.ignored();
  return r;
}

std::string gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string file_bytes(const std::string& path) {
  std::string bytes(fs::file_size(path), '\0');
  std::ifstream(path, std::ios::binary).read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

std::string warc_record(const std::string& type, const std::string& uri, const std::string& content_type,
                        const std::string& block) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  if (!content_type.empty()) r += "Content-Type: " + content_type + "\r\n";
  return r + "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
}

std::string http_200(const std::string& body, const std::string& extra = "") {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" + extra + "\r\n" + body;
}

const std::string kHttp = "application/http; msgtype=response";

// ----------------------------------------------------------------------------- gzip members

TEST(GzipStream, MembersKeepTheirOffsets) {
  const std::string a = gzip("first record\n"), b = gzip("second\n"), c = gzip("third\n");
  const std::string file = a + b + c;
  MemorySource raw(file);
  GzipStream stream(raw);
  ASSERT_TRUE(stream.gzip());
  DecodedBuffer buf(stream);
  ASSERT_GE(buf.want(1), 1u);
  EXPECT_EQ(buf.position().member, 0u);
  buf.want(100);
  const std::string all(buf.view());
  EXPECT_EQ(all, "first record\nsecond\nthird\n");
  buf.consume(13);
  EXPECT_EQ(buf.position().member, a.size());
  EXPECT_EQ(buf.position().inner, 0u);
  buf.consume(3);
  EXPECT_EQ(buf.position().member, a.size());
  EXPECT_EQ(buf.position().inner, 3u);
  buf.consume(4);
  EXPECT_EQ(buf.position().member, a.size() + b.size());
  EXPECT_EQ(describe_position("f", buf.position(), true), "f@" + std::to_string(a.size() + b.size()));
}

TEST(GzipStream, PlainBytesPassThroughWithFileOffsets) {
  MemorySource raw("WARC/1.0\r\nabc");
  GzipStream stream(raw);
  EXPECT_FALSE(stream.gzip());
  DecodedBuffer buf(stream);
  buf.want(5);
  buf.consume(10);
  buf.want(1);
  EXPECT_EQ(describe_position("f", buf.position(), false), "f@10");
}

TEST(GzipStream, ResyncSkipsACorruptMember) {
  const std::string a = gzip("good one\n"), c = gzip("good three\n");
  std::string b = gzip(std::string(200, 'x') + "bad two\n");
  for (size_t i = 12; i < b.size() - 8; ++i) b[i] = '\xff';
  const std::string file = a + b + c;
  MemorySource raw(file);
  GzipStream stream(raw);
  char out[256];
  std::string got;
  size_t n;
  while ((n = stream.read(out, sizeof out)) > 0) got.append(out, n);
  EXPECT_EQ(got, "good one\n");
  ASSERT_EQ(stream.state(), GzipStream::State::kError);
  EXPECT_EQ(stream.error_offset(), a.size());
  const auto next = stream.resync();
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(*next, a.size() + b.size());
  got.clear();
  while ((n = stream.read(out, sizeof out)) > 0) got.append(out, n);
  EXPECT_EQ(got, "good three\n");
  EXPECT_EQ(stream.state(), GzipStream::State::kEnd);
}

TEST(GzipStream, CutShortIsTruncatedNotBadData) {
  const std::string whole = gzip(std::string(5000, 'y'));
  MemorySource raw(std::string_view(whole).substr(0, whole.size() / 2));
  GzipStream stream(raw);
  char out[8192];
  while (stream.read(out, sizeof out) > 0) {
  }
  EXPECT_EQ(stream.state(), GzipStream::State::kError);
  EXPECT_TRUE(stream.truncated());
  EXPECT_FALSE(stream.resync().has_value());
}

TEST(GzipStream, BytesAfterTheLastMemberAreReported) {
  const std::string file = gzip("data\n") + "trailing garbage";
  MemorySource raw(file);
  GzipStream stream(raw);
  char out[64];
  while (stream.read(out, sizeof out) > 0) {
  }
  EXPECT_EQ(stream.state(), GzipStream::State::kError);
  EXPECT_NE(stream.error().find("not gzip data"), std::string::npos);
  EXPECT_FALSE(stream.resync().has_value());
}

// ----------------------------------------------------------------------------- HTTP

TEST(HttpMessage, StatusLineAndFields) {
  const std::string m = "HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\nX-Empty:\r\n\r\n<html>";
  auto head = parse_http_response_head(m);
  ASSERT_TRUE(head.ok()) << head.error().message;
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->field("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(head->field("X-Empty"), "");
  EXPECT_EQ(m.substr(head->body_offset), "<html>");
  auto lf = parse_http_response_head("HTTP/1.0 404\nServer: x\n\nbody");
  ASSERT_TRUE(lf.ok());
  EXPECT_EQ(lf->status, 404);
  auto h2 = parse_http_response_head("HTTP/2 200\r\ncontent-type: text/html\r\n\r\n");
  ASSERT_TRUE(h2.ok());
  EXPECT_EQ(h2->status, 200);
  EXPECT_FALSE(parse_http_response_head("GET / HTTP/1.1\r\n\r\n").ok());
  EXPECT_FALSE(parse_http_response_head("HTTP/1.1 200 OK\r\nNo-End: yes\r\n").ok());
  EXPECT_FALSE(parse_http_response_head("HTTP/1.1 2x0 OK\r\n\r\n").ok());
}

TEST(HttpMessage, Dechunk) {
  auto joined = dechunk("5\r\nHello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n", 1000);
  ASSERT_TRUE(joined.ok());
  EXPECT_EQ(*joined, "Hello, world");
  auto not_chunked = dechunk("<html>already joined</html>", 1000);  // a crawler joined it and kept the header
  ASSERT_TRUE(not_chunked.ok());
  EXPECT_EQ(*not_chunked, "<html>already joined</html>");
  auto beyond = dechunk("ff\r\nshort\r\n0\r\n\r\n", 1000);
  ASSERT_FALSE(beyond.ok());
  EXPECT_NE(beyond.error().message.find("goes beyond its end"), std::string::npos);
  auto cut = dechunk("5\r\nHello\r\nff\r\n, wor", 1000, /*cut_ok=*/true);  // WARC-Truncated
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(*cut, "Hello, wor");
  EXPECT_FALSE(dechunk("3\r\nabcX\r\n", 1000).ok());
  EXPECT_FALSE(dechunk("5\r\nHello\r\n", 3).ok());                     // over the limit
  EXPECT_FALSE(dechunk("ffffffffffffffffff\r\nx\r\n", 1000).ok());     // size overflow
}

TEST(HttpMessage, ContentCodings) {
  const std::string page = "<html><body>Café crème</body></html>";
  auto g = decode_content(gzip(page), "gzip", 1 << 20);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(*g, page);
  // deflate: zlib-wrapped (the standard) and raw (some servers).
  std::string z(compressBound(page.size()), '\0');
  uLongf zlen = z.size();
  compress(reinterpret_cast<Bytef*>(z.data()), &zlen, reinterpret_cast<const Bytef*>(page.data()), page.size());
  z.resize(zlen);
  auto d = decode_content(z, "deflate", 1 << 20);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, page);
  auto raw = decode_content(z.substr(2, z.size() - 6), "Deflate", 1 << 20);
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(*raw, page);
  auto as_is = decode_content(page, "gzip", 1 << 20);  // decoded by the crawler, header kept
  ASSERT_TRUE(as_is.ok());
  EXPECT_EQ(*as_is, page);
  auto twice = decode_content(gzip(gzip(page)), "gzip, gzip", 1 << 20);
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(*twice, page);
  EXPECT_FALSE(decode_content("\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03garbage", "gzip", 1 << 20).ok());
  EXPECT_FALSE(decode_content("x", "br", 1 << 20).ok());
  const std::string long_page = "<html>" + std::string(20000, 'a') + "</html>";
  const std::string cut = gzip(long_page).substr(0, 60);
  EXPECT_FALSE(decode_content(cut, "gzip", 1 << 20).ok());
  auto kept = decode_content(cut, "gzip", 1 << 20, /*cut_ok=*/true);  // WARC-Truncated: keep the start
  ASSERT_TRUE(kept.ok());
  EXPECT_FALSE(kept->empty());
  EXPECT_EQ(long_page.rfind(*kept, 0), 0u);
}

TEST(HttpMessage, DecompressionBombStopsAtTheLimit) {
  const std::string bomb = gzip(std::string(20 << 20, '\0'));  // 20 MB of zeros, about 20 KB compressed
  auto decoded = decode_content(bomb, "gzip", 1 << 20);
  ASSERT_FALSE(decoded.ok());
  EXPECT_NE(decoded.error().message.find("more than 1048576 bytes"), std::string::npos);
}

TEST(HttpMessage, HtmlMediaTypesAndSniffing) {
  EXPECT_TRUE(is_html_media_type("text/html"));
  EXPECT_TRUE(is_html_media_type("Text/HTML; charset=ISO-8859-1"));
  EXPECT_TRUE(is_html_media_type("application/xhtml+xml"));
  EXPECT_FALSE(is_html_media_type("text/plain"));
  EXPECT_FALSE(is_html_media_type("text/htmlx"));
  EXPECT_TRUE(looks_like_html("\xEF\xBB\xBF  <!DOCTYPE html><html>"));
  EXPECT_TRUE(looks_like_html("<!-- generated --><html lang=fr>"));
  EXPECT_TRUE(looks_like_html("<?xml version=\"1.0\"?><html xmlns=\"x\">"));
  EXPECT_FALSE(looks_like_html("{\"json\": true}"));
  EXPECT_FALSE(looks_like_html("<htmlx>"));
}

// ----------------------------------------------------------------------------- dates

TEST(FeedDate, Rfc822ToIso8601) {
  struct Case {
    const char* given;
    const char* iso;  // nullptr: not a date
  };
  const Case cases[] = {
      {"Mon, 15 Jun 2020 10:30:00 +0200", "2020-06-15T10:30:00+02:00"},
      {"Mon, 15 Jun 2020 10:30:00 GMT", "2020-06-15T10:30:00Z"},
      {"15 Jun 2020 10:30 GMT", "2020-06-15T10:30Z"},
      {"Tue, 16 Jun 2020 09:05:00 -0000", "2020-06-16T09:05:00Z"},
      {"Wed, 17 Jun 20 18:00:00 EST", "2020-06-17T18:00:00-05:00"},
      {"Wed, 17 Jun 1998 18:00:00 PDT", "1998-06-17T18:00:00-07:00"},
      {"Sat, 04 Jul 2020 23:59:60 +0000", "2020-07-04T23:59:59+00:00"},
      {"Monday, 15 June 2020 10:30:00 +02:00", "2020-06-15T10:30:00+02:00"},
      {"lun., 15 juin 2020 10:30:00 +0200", "2020-06-15T10:30:00+02:00"},
      {"Seg, 24 Set 2018 19:18:49 -0300", "2018-09-24T19:18:49-03:00"},
      {"15 août 2020 08:00:00 CEST", "2020-08-15T08:00:00+02:00"},
      {"Jun 15 2020 10:30:00 +0000", "2020-06-15T10:30:00+00:00"},
      {"Mon, 15 Jun 2020", "2020-06-15"},
      {"Mon, 15 Jun 2020 10:30:00 +0200 (CEST)", "2020-06-15T10:30:00+02:00"},
      {"  Mon, 15 Jun 2020 10:30:00.123 +0200\n", "2020-06-15T10:30:00+02:00"},
      {"Mon, 15 Jun 2020 10:30:00 GMT+0200", "2020-06-15T10:30:00+02:00"},
      {"Sun, 29 Feb 2021 10:00:00 +0000", nullptr},  // 2021 is not a leap year
      {"Mon, 15 Jun 2020 24:00:00 +0000", nullptr},
      {"Mon, 15 Jun 2020 10:30:00 +2500", nullptr},
      {"Mon, 15 Jun 2020 10:30:00 Mars/Olympus", nullptr},
      {"mardi 16 juin, vers midi", nullptr},
      {"", nullptr},
      {"yesterday", nullptr},
  };
  for (const auto& c : cases) {
    const auto got = rfc822_to_iso8601(c.given);
    if (c.iso) {
      ASSERT_TRUE(got.has_value()) << c.given;
      EXPECT_EQ(*got, c.iso) << c.given;
      EXPECT_TRUE(Timestamp::parse(*got).has_value()) << *got;
    } else {
      EXPECT_FALSE(got.has_value()) << c.given << " → " << got.value_or("");
    }
  }
}

TEST(FeedDate, IsoDatesAreKeptAsGiven) {
  EXPECT_EQ(feed_date_to_iso8601("2003-12-13T18:30:02Z"), "2003-12-13T18:30:02Z");
  EXPECT_EQ(feed_date_to_iso8601(" 2016-06-03T07:38:00.000-07:00 "), "2016-06-03T07:38:00.000-07:00");
  EXPECT_EQ(feed_date_to_iso8601("2024-05-10"), "2024-05-10");
  EXPECT_EQ(feed_date_to_iso8601("2020-06-15 10:30:00"), "2020-06-15T10:30:00");
  EXPECT_EQ(feed_date_to_iso8601("Mon, 15 Jun 2020 10:30:00 +0200"), "2020-06-15T10:30:00+02:00");
  EXPECT_FALSE(feed_date_to_iso8601("2020-13-01").has_value());
  EXPECT_FALSE(feed_date_to_iso8601("mercredi").has_value());
}

// ----------------------------------------------------------------------------- markup

TEST(MarkupText, TagsReferencesAndBlanks) {
  EXPECT_EQ(html_fragment_to_text("<p>Caf&eacute; &amp; cr&#232;me</p><p>Suite&#x2026;</p>"), "Café & crème\nSuite…");
  EXPECT_EQ(html_fragment_to_text("Un <b>mot</b> gras, <a href=\"x?a=1&b=2\">un lien</a>."), "Un mot gras, un lien.");
  EXPECT_EQ(html_fragment_to_text("a < b et c > d"), "a < b et c > d");
  EXPECT_EQ(html_fragment_to_text("<script>var x = '<p>';</script>Texte<style>p{}</style> fin"), "Texte fin");
  EXPECT_EQ(html_fragment_to_text("Ligne 1<br/>Ligne 2", /*single_line=*/true), "Ligne 1 Ligne 2");
  EXPECT_EQ(html_fragment_to_text("  trop   d'espaces\n\n ici  "), "trop d'espaces ici");
  EXPECT_EQ(html_fragment_to_text("<!-- commentaire -->visible"), "visible");
  EXPECT_EQ(html_fragment_to_text("<img alt=\"a>b\" src=x>après"), "après");
  EXPECT_EQ(decode_html_entities("&amp;amp; &unknown; &#150; &#0; &#xD800; &lt"), "&amp; &unknown; – \xEF\xBF\xBD \xEF\xBF\xBD <");
  EXPECT_EQ(decode_html_entities("&nbsp;x&copy=3"), "\xC2\xA0x&copy=3");  // '&copy' without ';' is not taken
  EXPECT_EQ(html_fragment_to_text("un&nbsp;deux"), "un deux");
}

TEST(MarkupText, UnterminatedConstructsEndTheText) {
  EXPECT_EQ(html_fragment_to_text("avant<!-- jamais fermé"), "avant");
  EXPECT_EQ(html_fragment_to_text("avant<script>jamais fermé"), "avant");
  EXPECT_EQ(html_fragment_to_text("avant<b"), "avant");
}

// ----------------------------------------------------------------------------- sniffing

TEST(Sniff, ByName) {
  EXPECT_EQ(kind_from_name("a/b.warc.gz"), InputKind::kWarc);
  EXPECT_EQ(kind_from_name("B.ARC"), InputKind::kWarc);
  EXPECT_EQ(kind_from_name("x.htm"), InputKind::kHtml);
  EXPECT_EQ(kind_from_name("x.atom"), InputKind::kFeed);
  EXPECT_EQ(kind_from_name("x.jsonl.gz"), InputKind::kJsonl);
  EXPECT_EQ(kind_from_name("x.txt"), InputKind::kText);
  EXPECT_FALSE(kind_from_name("x.json").has_value());
  EXPECT_FALSE(kind_from_name("noext").has_value());
}

TEST(Sniff, ByContent) {
  EXPECT_EQ(sniff_kind("  <!DOCTYPE html><html>"), InputKind::kHtml);
  EXPECT_EQ(sniff_kind("<html lang=fr>"), InputKind::kHtml);
  EXPECT_EQ(sniff_kind("WARC/1.0\r\n"), InputKind::kWarc);
  EXPECT_EQ(sniff_kind("filedesc://x.arc 0.0.0.0 2014 text/plain 10\n"), InputKind::kWarc);
  EXPECT_EQ(sniff_kind("<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"), InputKind::kFeed);
  EXPECT_EQ(sniff_kind("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), InputKind::kFeed);
  EXPECT_EQ(sniff_kind("<?xml version=\"1.0\"?><rdf:RDF>"), InputKind::kFeed);
  EXPECT_EQ(sniff_kind("<?xml version=\"1.0\"?><!DOCTYPE html><html>"), InputKind::kHtml);
  EXPECT_EQ(sniff_kind("{\"id\":\"a\"}\n{\"id\":\"b\"}"), InputKind::kJsonl);
  EXPECT_EQ(sniff_kind("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"), InputKind::kJsonFeed);
  EXPECT_EQ(sniff_kind(R"({"version":"https:\/\/jsonfeed.org\/version\/1","items":[]})"), InputKind::kJsonFeed);
  EXPECT_EQ(sniff_kind("Un article en texte brut."), InputKind::kText);
  EXPECT_EQ(sniff_kind(""), InputKind::kJsonl);
  EXPECT_EQ(sniff_bytes(gzip("WARC/1.0\r\nWARC-Type: warcinfo\r\n")), InputKind::kWarc);
  EXPECT_EQ(sniff_bytes(gzip("{\"id\":\"a\"}\n")), InputKind::kJsonl);
  EXPECT_EQ(sniff_bytes(gzip("plain text\n")), InputKind::kJsonl);  // gzip text has always been JSON lines
}

TEST(Sniff, FilesWithoutAKnownName) {
  auto r = read_inputs({kWeb + "/sniff_warc", kWeb + "/sniff_warc_gz", kWeb + "/sniff_feed", kWeb + "/sniff_page"});
  ASSERT_EQ(r.records.size(), 2u + 4u + 1u) << r.all_messages();
  EXPECT_EQ(r.records[0].id, "https://pontivel.example/marche");
  EXPECT_EQ(r.records[0].origin, kWeb + "/sniff_warc@557");
  EXPECT_EQ(r.records[1].origin, kWeb + "/sniff_warc_gz@424");
  EXPECT_EQ(r.records[2].id, "cp-0001");
  EXPECT_EQ(r.records[6].id, "sniff_page");
  EXPECT_FALSE(r.records[6].html.empty());
}

// ----------------------------------------------------------------------------- WARC

void expect_plain_warc_pages(const ReadAll& r, const std::string& file, const std::vector<std::string>& offsets) {
  ASSERT_EQ(r.records.size(), 3u) << r.all_messages();
  EXPECT_EQ(r.skipped, 0u) << r.all_messages();
  EXPECT_EQ(r.ignored, 6u);
  const char* ids[] = {"https://pontivel.example/marche", "https://saint-arvel.example/piste",
                       "https://breval.example/halle"};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(r.records[i].id, ids[i]);
    EXPECT_EQ(r.records[i].url, ids[i]);
    EXPECT_EQ(r.records[i].origin, file + "@" + offsets[i]);
    EXPECT_EQ(r.records[i].published, "") << "WARC-Date is the crawl date, not the publication date";
    EXPECT_EQ(r.records[i].html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_TRUE(r.records[i].text.empty());
  }
  EXPECT_EQ(r.records[0].content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.records[1].content_type, "");  // no Content-Type: sniffed as HTML
  EXPECT_EQ(r.records[2].content_type, "text/html");  // a resource record's own type
  EXPECT_NE(r.records[0].html.find("marché couvert de Pontivel"), std::string::npos);
  EXPECT_NE(r.message("6 records passed over, not HTML pages (1 warcinfo, 1 request, 1 status not 200, 1 not HTML, "
                      "1 metadata, 1 revisit)"),
            "")
      << r.all_messages();
}

TEST(WarcReader, PlainFile) {
  const std::string f = kWeb + "/plain.warc";
  expect_plain_warc_pages(read_inputs({f}), f, {"557", "2479", "3377"});
}

TEST(WarcReader, GzipPerRecordLikeCommonCrawl) {
  const std::string f = kWeb + "/per_record.warc.gz";
  expect_plain_warc_pages(read_inputs({f}), f, {"424", "1693", "2294"});
}

TEST(WarcReader, GzipOneStream) {
  const std::string f = kWeb + "/single_stream.warc.gz";
  expect_plain_warc_pages(read_inputs({f}), f, {"0+557", "0+2479", "0+3377"});
}

TEST(WarcReader, ChunkedAndCompressedBodiesAreDecoded) {
  auto r = read_inputs({kWeb + "/codings.warc"});
  ASSERT_EQ(r.records.size(), 5u) << r.all_messages();
  EXPECT_EQ(r.skipped, 0u);
  const char* words[] = {"marché couvert", "piste cyclable", "halle aux grains", "médiathèque", "marché couvert"};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(r.records[i].html.rfind("<!DOCTYPE html>", 0), 0u) << r.records[i].id;
    EXPECT_NE(r.records[i].html.find(words[i]), std::string::npos) << r.records[i].id;
    EXPECT_EQ(r.records[i].html.back(), '\n') << r.records[i].id;  // nothing of the chunking left
  }
}

TEST(WarcReader, BadRecordsAreNamedWithTheirOffsetAndReadingGoesOn) {
  const std::string f = kWeb + "/bad.warc";
  auto r = read_inputs({f});
  ASSERT_EQ(r.records.size(), 4u) << r.all_messages();
  EXPECT_EQ(r.records[0].id, "https://pontivel.example/a");
  EXPECT_EQ(r.records[1].id, "https://saint-arvel.example/b");
  EXPECT_EQ(r.records[2].id, "https://breval.example/c");
  EXPECT_EQ(r.records[3].id, "https://lormes.example/d");
  EXPECT_EQ(r.skipped, 7u) << r.all_messages();
  EXPECT_NE(r.message(f + "@749: skipped: bad chunked encoding"), "") << r.all_messages();
  EXPECT_NE(r.message(f + "@1130: skipped: bad gzip body"), "") << r.all_messages();
  EXPECT_NE(r.message(f + "@1520: skipped: Content-Encoding \"br\" is not supported"), "") << r.all_messages();
  EXPECT_NE(r.message(f + "@2540: skipped: broken WARC header: line 3 has no colon"), "") << r.all_messages();
  EXPECT_NE(r.message(f + "@2631: skipped: broken WARC header: Content-Length \"dix\" is not a number"), "");
  EXPECT_NE(r.message(f + "@3333: skipped: not a WARC record"), "") << r.all_messages();
  EXPECT_NE(r.message("went on at the next record, " + f + "@3385"), "") << r.all_messages();
  EXPECT_NE(r.message(f + "@4024: skipped: Content-Length 890 goes beyond the end of the file"), "")
      << r.all_messages();
}

TEST(WarcReader, StrictStopsAtTheFirstBadRecord) {
  auto r = read_inputs({kWeb + "/bad.warc"}, 1 << 20, /*strict=*/true);
  EXPECT_EQ(r.records.size(), 1u);
  EXPECT_TRUE(r.fatal);
}

TEST(WarcReader, TruncatedGzipKeepsWhatCameBefore) {
  const std::string f = kWeb + "/truncated.warc.gz";
  auto r = read_inputs({f});
  ASSERT_EQ(r.records.size(), 1u) << r.all_messages();
  EXPECT_EQ(r.records[0].origin, f + "@424");
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_NE(r.message(f + "@1208: skipped: WARC header cut short: the file ends inside this gzip member"), "")
      << r.all_messages();
}

TEST(WarcReader, CorruptGzipMemberIsSkippedAndReadingGoesOnAtTheNext) {
  const std::string f = kWeb + "/corrupt_member.warc.gz";
  auto r = read_inputs({f});
  ASSERT_EQ(r.records.size(), 4u) << r.all_messages();
  EXPECT_EQ(r.records[1].origin, f + "@847");
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_NE(r.message(f + "@447: skipped: cannot read the next record: bad gzip data"), "") << r.all_messages();
  EXPECT_NE(r.message("went on at the next gzip member, " + f + "@847"), "") << r.all_messages();
}

TEST(WarcReader, OversizedPageIsSkippedAndTheRestRead) {
  const std::string f = kWeb + "/big_page.warc";
  auto r = read_inputs({f}, /*max_bytes=*/20000);
  ASSERT_EQ(r.records.size(), 2u) << r.all_messages();
  EXPECT_EQ(r.records[1].id, "https://saint-arvel.example/b");
  EXPECT_NE(r.message("skipped: record is 47597 bytes, over the limit of 20000 (https://pontivel.example/long)"), "")
      << r.all_messages();
}

TEST(WarcReader, HugeNonHtmlRecordIsPassedOverNotCounted) {
  // An image far over the limit is not an error: it is not a page.
  const std::string image = "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n" + std::string(300000, 'j');
  const std::string warc = warc_record("response", "https://a.example/big.jpg", kHttp, image) +
                           warc_record("response", "https://a.example/p", kHttp, http_200("<html>petit</html>"));
  auto r = read_memory(InputKind::kWarc, warc, "mem", /*max_bytes=*/1000);
  ASSERT_EQ(r.records.size(), 1u) << r.all_messages();
  EXPECT_EQ(r.skipped, 0u);
  EXPECT_EQ(r.ignored, 1u);
}

TEST(WarcReader, RecordsOfOtherKindsAndStatusesArePassedOver) {
  const std::string warc =
      warc_record("response", "https://a.example/r", kHttp, "HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n") +
      warc_record("response", "dns:a.example", "text/dns", "20240514 a.example. 300 IN A 192.0.2.1\n") +
      warc_record("conversion", "https://a.example/t", "text/plain", "texte") +
      warc_record("resource", "https://a.example/i.png", "image/png", "\x89PNG") +
      warc_record("response", "<https://a.example/ok>", kHttp, http_200("<html><p>ok</p></html>"));
  auto r = read_memory(InputKind::kWarc, warc);
  ASSERT_EQ(r.records.size(), 1u) << r.all_messages();
  EXPECT_EQ(r.records[0].id, "https://a.example/ok");  // the <> some writers put around the URI are dropped
  EXPECT_EQ(r.ignored, 4u);
  EXPECT_EQ(r.skipped, 0u);
}

TEST(WarcReader, PageTruncatedByTheCrawlerIsKept) {
  // WARC-Truncated: the crawler kept the start of the page; its last chunk is cut short.
  const std::string block = http_200("5\r\n<html\r\n40\r\n><p>le d", "Transfer-Encoding: chunked\r\n");
  const std::string warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/t\r\n"
                           "WARC-Truncated: length\r\nContent-Type: " + kHttp + "\r\nContent-Length: " +
                           std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  auto r = read_memory(InputKind::kWarc, warc);
  ASSERT_EQ(r.records.size(), 1u) << r.all_messages();
  EXPECT_EQ(r.records[0].html, "<html><p>le d");
  std::string untruncated = warc;
  untruncated.replace(untruncated.find("WARC-Truncated"), 14, "X-Not-Truncate");
  EXPECT_EQ(read_memory(InputKind::kWarc, untruncated).skipped, 1u);
}

TEST(WarcReader, GarbageMemberIsSkippedUpToTheNextMember) {
  // One record per gzip member; a member of garbage with no line end before the next record:
  // the next member's start is a record boundary too.
  const std::string a = gzip(warc_record("response", "https://a.example/1", kHttp, http_200("<html>un</html>")));
  const std::string junk = gzip("des octets sans fin de ligne");
  const std::string b = gzip(warc_record("response", "https://a.example/2", kHttp, http_200("<html>deux</html>")));
  auto r = read_memory(InputKind::kWarc, a + junk + b);
  ASSERT_EQ(r.records.size(), 2u) << r.all_messages();
  EXPECT_EQ(r.records[1].origin, "mem@" + std::to_string(a.size() + junk.size()));
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_NE(r.message("mem@" + std::to_string(a.size()) + ": skipped: not a WARC record (no \"WARC/1.\" line here); "
                      "went on at the next record, mem@" + std::to_string(a.size() + junk.size())),
            "")
      << r.all_messages();
}

TEST(WarcReader, GarbageOnlyAndEmptyInputs) {
  auto empty = read_memory(InputKind::kWarc, "");
  EXPECT_TRUE(empty.records.empty());
  EXPECT_EQ(empty.skipped, 0u);
  EXPECT_NE(empty.message("empty file"), "");
  auto garbage = read_memory(InputKind::kWarc, "ceci n'est pas une archive\n");
  EXPECT_TRUE(garbage.records.empty());
  EXPECT_EQ(garbage.skipped, 1u);
  EXPECT_NE(garbage.message("mem@0: skipped: not a WARC record"), "") << garbage.all_messages();
  auto header_only = read_memory(InputKind::kWarc, "WARC/1.0\r\nWARC-Type: response\r\nContent-Len");
  EXPECT_EQ(header_only.skipped, 1u);
  EXPECT_NE(header_only.message("WARC header cut short"), "") << header_only.all_messages();
}

TEST(WarcReader, ArcFiles) {
  for (const char* name : {"/example.arc", "/example.arc.gz"}) {
    auto r = read_inputs({kWeb + name});
    ASSERT_EQ(r.records.size(), 1u) << name << "\n" << r.all_messages();
    EXPECT_EQ(r.records[0].id, "http://breval.example/halle aux grains");  // a URL with spaces, as ARC allows
    EXPECT_NE(r.records[0].html.find("halle aux grains"), std::string::npos);
    EXPECT_EQ(r.ignored, 2u);  // the file description and an image
    EXPECT_EQ(r.skipped, 0u);
  }
}

// ----------------------------------------------------------------------------- feeds

TEST(FeedReader, Rss2) {
  const std::string f = kWeb + "/news.rss";
  auto r = read_inputs({f});
  ASSERT_EQ(r.records.size(), 4u) << r.all_messages();
  const RawRecord& a = r.records[0];
  EXPECT_EQ(a.id, "cp-0001");
  EXPECT_EQ(a.url, "https://courrier-pontivel.example/marche");
  EXPECT_EQ(a.title, "Marché couvert : la réouverture & ses surprises");  // "&amp;amp;" read twice
  EXPECT_EQ(a.abstract, "La réouverture du marché couvert est repoussée à septembre.");
  EXPECT_EQ(a.html.rfind("<p>La réouverture", 0), 0u);  // content:encoded, the full article
  EXPECT_EQ(a.content_type, "text/html; charset=utf-8");
  EXPECT_TRUE(a.text.empty());
  EXPECT_EQ(a.published, "2020-06-15T10:30:00+02:00");
  EXPECT_EQ(a.source, "Le Courrier de Pontivel");
  EXPECT_EQ(a.lang, "fr");
  EXPECT_EQ(a.origin, f + ":11");
  const RawRecord& b = r.records[1];
  EXPECT_EQ(b.id, "https://courrier-pontivel.example/piste");  // no guid: the link
  EXPECT_EQ(b.title, "Piste cyclable : douze kilomètres");
  EXPECT_TRUE(b.html.empty());  // a summary only: still an article, title and abstract
  EXPECT_EQ(b.published, "2020-06-16T09:05Z");
  EXPECT_EQ(r.records[2].published, "");  // unreadable date: kept, undated, with a note
  EXPECT_NE(r.message(f + ":25: note: date \"mardi 16 juin, vers midi\" is neither RFC 822 nor ISO 8601"), "")
      << r.all_messages();
  EXPECT_EQ(r.records[3].published, "2020-06-17T18:00:00-05:00");
  EXPECT_EQ(r.skipped, 2u);
  EXPECT_NE(r.message("skipped: item has no guid, id or link"), "");
  EXPECT_NE(r.message("skipped: item has no title, summary or content (id cp-0006)"), "");
}

TEST(FeedReader, Atom) {
  auto r = read_inputs({kWeb + "/news.atom"});
  ASSERT_EQ(r.records.size(), 4u) << r.all_messages();
  const RawRecord& a = r.records[0];
  EXPECT_EQ(a.id, "urn:uuid:6c9d1c7e-0000-4000-8000-000000000002");
  EXPECT_EQ(a.url, "https://echo-breval.example/halle");  // rel="alternate", not the enclosure
  EXPECT_EQ(a.published, "2024-05-12T17:45:00+02:00");  // published before updated
  EXPECT_EQ(a.abstract, "Après dix-huit mois de travaux, la halle rouvre samedi.");
  EXPECT_EQ(a.html, "<p>Après dix-huit mois de travaux, la halle aux grains de Bréval rouvre ses portes samedi.</p>");
  EXPECT_EQ(a.source, "L'Écho de Bréval");
  EXPECT_EQ(a.lang, "fr");  // the feed's xml:lang
  const RawRecord& b = r.records[1];
  EXPECT_EQ(b.title, "Market hall reopens");
  EXPECT_EQ(b.lang, "en");  // the entry's own xml:lang
  EXPECT_EQ(b.url, "https://echo-breval.example/en/hall");
  EXPECT_NE(b.html.find("<p>The grain hall of Bréval reopens on <em>Saturday</em> &amp; more.</p>"), std::string::npos)
      << b.html;
  EXPECT_EQ(b.published, "2024-05-13T10:00:00Z");  // updated, when nothing else
  const RawRecord& c = r.records[2];
  EXPECT_EQ(c.text, "Le marché du samedi ouvrira à 7 heures au lieu de 8 heures à partir de juin.");
  EXPECT_TRUE(c.html.empty());
  EXPECT_EQ(r.records[3].abstract, "Un article qui n'a qu'un résumé.");
  EXPECT_EQ(r.skipped, 0u);
}

TEST(FeedReader, Rss1Rdf) {
  auto r = read_inputs({kWeb + "/news.rdf"});
  ASSERT_EQ(r.records.size(), 2u) << r.all_messages();
  EXPECT_EQ(r.records[0].id, "https://gazette-lormes.example/pont");
  EXPECT_EQ(r.records[0].published, "2024-05-10");
  EXPECT_EQ(r.records[0].source, "La Gazette de Lormes");
  EXPECT_EQ(r.records[0].lang, "fr");
  EXPECT_EQ(r.records[1].id, "https://gazette-lormes.example/medecin");  // rdf:about, with no link
}

TEST(FeedReader, MalformedXmlIsRecovered) {
  const std::string f = kWeb + "/broken.rss";
  auto r = read_inputs({f});
  ASSERT_EQ(r.records.size(), 3u) << r.all_messages();
  EXPECT_EQ(r.records[0].title, "Premier article intact");
  EXPECT_EQ(r.records[2].id, "brk-3");
  EXPECT_EQ(r.skipped, 0u);
  EXPECT_NE(r.message(f + ":3: note: malformed XML (Entity 'nbsp' not defined)"), "") << r.all_messages();
}

TEST(FeedReader, CutFeedKeepsTheItemsBefore) {
  auto r = read_inputs({kWeb + "/cut.rss"});
  ASSERT_EQ(r.records.size(), 2u) << r.all_messages();
  EXPECT_EQ(r.skipped, 1u);  // the item the file ends in has no id yet
}

TEST(FeedReader, UndeclaredLatin1AndLeadingBlanks) {
  auto latin = read_inputs({kWeb + "/latin1_undeclared.rss"});
  ASSERT_EQ(latin.records.size(), 1u) << latin.all_messages();
  EXPECT_EQ(latin.records[0].title, "Été : la fête du lac aura lieu le 14 juillet");
  EXPECT_EQ(latin.records[0].abstract, "Les réjouissances commenceront à 18 heures « au bord de l'eau ».");
  auto blanks = read_inputs({kWeb + "/leading_blanks.rss"});
  EXPECT_EQ(blanks.records.size(), 4u) << blanks.all_messages();
}

TEST(FeedReader, ExternalEntitiesAreNeverLoaded) {
  auto r = read_inputs({kWeb + "/xxe.rss"});
  ASSERT_EQ(r.records.size(), 1u) << r.all_messages();
  const RawRecord& a = r.records[0];
  for (const std::string* field : {&a.title, &a.abstract, &a.html, &a.text}) {
    EXPECT_EQ(field->find("SECRET-XXE-MARKER"), std::string::npos);
    EXPECT_EQ(field->find("root:"), std::string::npos);
  }
  EXPECT_LT(a.abstract.size(), 1000u);  // nested internal entities are not blown up
}

TEST(FeedReader, NotAFeed) {
  auto r = read_inputs({kWeb + "/not_a_feed.rss"});
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_NE(r.message("not_a_feed.rss: skipped: not an RSS, Atom or RDF feed (the root element is <urlset>)"), "")
      << r.all_messages();
  auto not_xml = read_memory(InputKind::kFeed, "pas du XML du tout", "mem.rss");
  EXPECT_EQ(not_xml.skipped, 1u);
  EXPECT_NE(not_xml.message("mem.rss:1: skipped: not XML"), "") << not_xml.all_messages();
}

TEST(FeedReader, EncodingErrorsAreReportedNotPrinted) {
  // Found by fuzz_feed_reader (tests/fuzz_corpus/fuzz_feed_reader/regress_utf32_encoder_error):
  // "<" then NUL bytes makes libxml2 read UTF-32, fail to convert, and print "encoding error",
  // "I/O error" and "xmlParseChunk: encoder error" on stderr through its own handlers.
  const std::string bytes = file_bytes(std::string(RECOUPE_FIXTURES) +
                                       "/../fuzz_corpus/fuzz_feed_reader/regress_utf32_encoder_error");
  ASSERT_EQ(bytes.substr(0, 4), std::string("<\0\0\0", 4));
  ::testing::internal::CaptureStderr();
  auto r = read_memory(InputKind::kFeed, bytes, "mem.rss");
  const std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(printed, "");
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_NE(r.message("mem.rss"), "") << r.all_messages();
}

TEST(FeedReader, ItemOverTheLimitIsSkipped) {
  const std::string rss = "<rss><channel><item><guid>big</guid><description>" + std::string(5000, 'x') +
                          "</description></item><item><guid>small</guid><title>Petit</title></item></channel></rss>";
  auto r = read_memory(InputKind::kFeed, rss, "mem.rss", /*max_bytes=*/1000);
  ASSERT_EQ(r.records.size(), 1u) << r.all_messages();
  EXPECT_EQ(r.records[0].id, "small");
  EXPECT_NE(r.message("skipped: item is over the record limit of 1000 bytes (id big)"), "") << r.all_messages();
}

TEST(FeedReader, DeepNestingIsBoundedByTheParser) {
  std::string deep = "<rss><channel><item><guid>d</guid><description>";
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "fond";
  auto r = read_memory(InputKind::kFeed, deep, "deep.rss");  // no crash, no recursion on our side
  EXPECT_LE(r.records.size(), 1u);
}

TEST(FeedReader, JsonFeed) {
  auto r = read_inputs({kWeb + "/radio.json"});
  ASSERT_EQ(r.records.size(), 2u) << r.all_messages();
  EXPECT_EQ(r.records[0].id, "rv-1");
  EXPECT_EQ(r.records[0].text, "La piscine municipale ouvre de 10 heures à 20 heures.");
  EXPECT_EQ(r.records[0].published, "2024-05-14T08:00:00+02:00");
  EXPECT_EQ(r.records[0].source, "Radio Vaudrenne");
  EXPECT_EQ(r.records[0].lang, "fr");
  EXPECT_EQ(r.records[1].id, "2");
  EXPECT_EQ(r.records[1].html, "<p>La collecte reprend <b>mercredi</b>.</p>");
  EXPECT_EQ(r.records[1].origin, kWeb + "/radio.json#2");
  EXPECT_EQ(r.skipped, 1u);
  EXPECT_NE(r.message("radio.json#3: skipped: item has no id or url"), "");
}

TEST(FeedReader, Utf8SequencesAcrossReadChunksAreKept) {
  // Over 64 KiB of UTF-8 titles: some two- and three-byte sequences straddle the reader's chunks,
  // and must not be taken for Windows-1252.
  std::string rss = "<rss><channel><title>Flux</title>";
  for (int i = 0; i < 5000; ++i) {
    rss += "<item><guid>i" + std::to_string(i) + "</guid><title>Été « " + std::to_string(i) + " » – fin</title></item>";
  }
  rss += "</channel></rss>";
  ASSERT_GT(rss.size(), 3u * 65536u);
  auto r = read_memory(InputKind::kFeed, rss, "mem.rss");
  ASSERT_EQ(r.records.size(), 5000u) << r.all_messages();
  for (size_t i = 0; i < r.records.size(); ++i) {
    ASSERT_EQ(r.records[i].title, "Été « " + std::to_string(i) + " » – fin");
  }
}

TEST(JsonlSource, FromMemoryPlainAndGzip) {
  const std::string lines = "{\"id\":\"a\",\"text\":\"Un.\"}\n\n{\"id\":\"b\",\"text\":\"Deux.\"}\nbroken\n";
  for (const std::string& bytes : {lines, gzip(lines), gzip(lines.substr(0, 20)) + gzip(lines.substr(20))}) {
    auto r = read_memory(InputKind::kJsonl, bytes, "mem.jsonl");
    ASSERT_EQ(r.records.size(), 2u) << r.all_messages();
    EXPECT_EQ(r.records[1].id, "b");
    EXPECT_EQ(r.records[1].origin, "mem.jsonl:3");
    EXPECT_EQ(r.skipped, 1u);
    EXPECT_NE(r.message("mem.jsonl:4: skipped: broken JSON"), "") << r.all_messages();
  }
}

TEST(FeedReader, PrimaryLanguage) {
  EXPECT_EQ(primary_language("fr-FR"), "fr");
  EXPECT_EQ(primary_language(" EN_us "), "en");
  EXPECT_EQ(primary_language("fr"), "fr");
  EXPECT_EQ(primary_language(""), "");
  EXPECT_EQ(primary_language("français"), "");
}

// ----------------------------------------------------------------------------- pages and folders

TEST(HtmlFile, OnePagePerFileBytesAsTheyAre) {
  auto r = read_inputs({kWeb + "/page.html", kWeb + "/page_latin1.htm"});
  ASSERT_EQ(r.records.size(), 2u) << r.all_messages();
  EXPECT_EQ(r.records[0].id, "page.html");
  EXPECT_EQ(r.records[0].origin, kWeb + "/page.html");
  EXPECT_EQ(r.records[0].html, file_bytes(kWeb + "/page.html"));
  EXPECT_EQ(r.records[1].html, file_bytes(kWeb + "/page_latin1.htm"));  // Latin-1: for the extractor to decode
  EXPECT_FALSE(utf8::is_valid(r.records[1].html));
  auto big = read_inputs({kWeb + "/page.html"}, /*max_bytes=*/100);
  EXPECT_TRUE(big.records.empty());
  EXPECT_NE(big.message("skipped: file is 418 bytes, over the record limit of 100"), "") << big.all_messages();
}

TEST(InputReader, FoldersListTheWebKindsSorted) {
  auto r = read_inputs({kWeb});
  std::vector<std::string> origins;
  for (const auto& rec : r.records) {
    const std::string file = fs::path(rec.origin.substr(0, rec.origin.find_first_of("@:#"))).filename().string();
    if (origins.empty() || origins.back() != file) origins.push_back(file);
  }
  const std::vector<std::string> want = {"bad.warc",     "big_page.warc",  "broken.rss",         "codings.warc",
                                         "corrupt_member.warc.gz", "cut.rss", "example.arc",    "example.arc.gz",
                                         "latin1_undeclared.rss", "leading_blanks.rss", "news.atom", "news.rdf",
                                         "news.rss",     "page.html",      "page_latin1.htm",    "per_record.warc.gz",
                                         "plain.warc",   "radio.json",     "single_stream.warc.gz", "truncated.warc.gz",
                                         "xxe.rss"};
  EXPECT_EQ(origins, want) << r.all_messages();
}

}  // namespace
}  // namespace recoupe
