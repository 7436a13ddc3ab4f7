// src/read/input_reader.h
//
// Turns the command line's inputs into one stream of RawRecords, in order:
//   - `.jsonl` / `.jsonl.gz` files and `-` (stdin): one JSON object per line (CONTRACT.md);
//   - `.txt` files: one article each, id = file name; an optional first line
//     " date YYYY-MM[-DD]" gives `published`;
//   - `.html` / `.htm` files: one page each, id = file name, `html` = the bytes as they are;
//   - web archives, `.warc` / `.warc.gz` / `.arc` / `.arc.gz`: one record per HTML page
//     (warc_reader.h);
//   - feeds, `.rss` / `.atom` / `.rdf` / `.xml`, and JSON Feed: one record per item
//     (feed_reader.h);
//   - folders: their files of those kinds, sorted by name.
// A file of another name is sniffed by its content (sniff.h). Bad records are reported to
// Diagnostics and skipped.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "read/byte_source.h"
#include "read/diagnostics.h"
#include "read/raw_record.h"
#include "read/record_source.h"
#include "read/sniff.h"

namespace recoupe {

class InputReader {
 public:
  InputReader(std::vector<std::string> inputs, ReadOptions options, Diagnostics& diagnostics);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  //! Fills `out` with the next good record; false at the end of all inputs
  //! (or at the first problem under strict diagnostics).
  bool next(RawRecord& out);

 private:
  void open_next_input();

  std::vector<std::string> pending_;  // files still to read, front first (reversed)
  ReadOptions options_;
  Diagnostics& diagnostics_;
  std::unique_ptr<RecordSource> current_;
};

//! A reader for one input of a known kind over any bytes: a file, stdin, or memory (tests and
//! fuzz targets). `name` names it in messages and origins; for kText and kHtml it also gives the id.
std::unique_ptr<RecordSource> open_input(InputKind kind, std::unique_ptr<ByteSource> bytes, const std::string& name,
                                         const ReadOptions& options, Diagnostics& diagnostics);

//! Reads a list of inputs, one path per line ("-" is stdin); blank lines and lines starting
//! with '#' are skipped. Relative paths are taken as written (from the current directory).
Result<std::vector<std::string>> read_input_list(const std::string& path);

//! Parses one JSON line into `out`; on failure returns the reason (empty on success).
std::string parse_jsonl_record(std::string& line, RawRecord& out);

//! Reads a seeds-style text article: optional " date YYYY-MM[-DD]" prefix, then the body.
void parse_text_article(std::string content, RawRecord& out);

}  // namespace recoupe
