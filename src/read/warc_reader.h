// src/read/warc_reader.h
//
// Web archives: WARC (1.0, 1.1, and the 0.17/0.18 of older crawls) and the older ARC
// format, plain or gzip (one member per record as Common Crawl writes them, or one
// stream), read one record at a time: memory holds one record, never the file.
//
// A record becomes an article when it is an HTML page: a `response` record whose HTTP
// response has status 200 and Content-Type text/html or application/xhtml+xml (or no
// Content-Type and a body that looks like HTML), or a `resource` record of such a type.
// The body is de-chunked and decompressed (Content-Encoding gzip/deflate) and kept as
// raw bytes, with the HTTP Content-Type (its charset) beside it, for the page extractor.
// Every other record (warcinfo, request, metadata, revisit, images, redirects, errors)
// is passed over and counted, which is not an error. A bad record (broken header,
// Content-Length beyond the end, bad gzip, bad chunking) is reported with the file and
// the byte offset, and reading goes on at the next "WARC/1." line or gzip member.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "read/byte_source.h"
#include "read/diagnostics.h"
#include "read/gzip_stream.h"
#include "read/record_source.h"

namespace recoupe {

class WarcReader final : public RecordSource {
 public:
  //! `name` is the file name used in messages and origins ("file@offset").
  WarcReader(std::unique_ptr<ByteSource> source, std::string name, const ReadOptions& options,
             Diagnostics& diagnostics);
  ~WarcReader() override;
  bool next(RawRecord& out) override;

 private:
  enum class Step { kRecord, kNext, kEnd };
  enum class Format { kUnknown, kWarc, kArc };
  struct Resync;
  struct Candidate;

  Step step(RawRecord& out);
  Step warc_step(RawRecord& out, const std::string& where);
  Step arc_step(RawRecord& out, const std::string& where);
  Step read_payload(const Candidate& c, RawRecord& out);
  void skip_blank_lines();
  Resync resync(std::string_view magic_after_newline);
  bool arc_header_line(std::string_view line, std::string& url, std::string& mime, uint64_t& length,
                       std::string& why) const;
  //! Reports a bad record at `where` when the input ended or failed inside it; then goes on at the
  //! next gzip member when there is one.
  void cut_short(const std::string& where, const std::string& what);
  void ignore(const std::string& kind);
  void finish();

  std::unique_ptr<ByteSource> source_;
  GzipStream stream_;
  DecodedBuffer buf_;
  std::string name_;
  ReadOptions options_;
  Diagnostics& diagnostics_;
  Format format_ = Format::kUnknown;
  int arc_version_ = 1;
  size_t records_ = 0;  // WARC/ARC records seen, good or not
  std::vector<std::pair<std::string, size_t>> ignored_;  // kind → count, in order of first sight
  bool finished_ = false;
};

}  // namespace recoupe
