// src/read/input_reader.h
//
// Turns the command line's inputs into one stream of RawRecords, in order:
//   - `.jsonl` / `.jsonl.gz` files and `-` (stdin): one JSON object per line (CONTRACT.md);
//   - `.txt` files: one article each, id = file name; an optional first line
//     " date YYYY-MM[-DD]" gives `published`;
//   - folders: their `.txt`, `.jsonl` and `.jsonl.gz` files, sorted by name.
// A file of another name is sniffed: JSON lines if it starts with '{', text otherwise.
// Bad records are reported to Diagnostics and skipped.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/result.h"
#include "read/diagnostics.h"
#include "read/raw_record.h"

namespace recoupe {

struct ReadOptions {
  size_t max_record_bytes = size_t{16} << 20;  //!< longer JSON lines or files are skipped
};

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
  class JsonlFile;
  bool open_next_input();
  bool read_text_file(const std::string& path, RawRecord& out);

  std::vector<std::string> pending_;  // files still to read, front first (reversed)
  ReadOptions options_;
  Diagnostics& diagnostics_;
  std::unique_ptr<JsonlFile> jsonl_;
};

//! Reads a list of inputs, one path per line ("-" is stdin); blank lines and lines starting
//! with '#' are skipped. Relative paths are taken as written (from the current directory).
Result<std::vector<std::string>> read_input_list(const std::string& path);

//! Parses one JSON line into `out`; on failure returns the reason (empty on success).
std::string parse_jsonl_record(std::string& line, RawRecord& out);

//! Reads a seeds-style text article: optional " date YYYY-MM[-DD]" prefix, then the body.
void parse_text_article(std::string content, RawRecord& out);

}  // namespace recoupe
