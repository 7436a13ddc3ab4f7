// src/read/line_reader.h
//
// Reads lines from a file, a gzip file (several members allowed) or stdin,
// without holding more than one line. Lines longer than the limit are skipped
// whole and reported, so that a 50 MB record costs no 50 MB of memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/result.h"
#include "read/byte_source.h"
#include "read/gzip_stream.h"

namespace recoupe {

class LineReader {
 public:
  enum class Outcome {
    kLine,       //!< `line` holds the next line, without its newline
    kTooLong,    //!< the line was longer than the limit; `too_long_bytes` says how long
    kEnd,        //!< no more input
    kTruncated,  //!< the gzip stream ends mid-member; `line` holds what was read of the last line
    kError,      //!< a read error or bad gzip data; see error()
  };

  LineReader() = default;
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  //! Opens `path` ("-" is stdin). gzip is detected from the content, not the name.
  Status open(const std::string& path, size_t max_line_bytes);
  //! Reads from `source` (decompressed when it is gzip).
  void open(std::unique_ptr<ByteSource> source, size_t max_line_bytes);
  Outcome next(std::string& line);

  size_t line_number() const noexcept { return line_number_; }  //!< 1-based number of the last line returned
  size_t too_long_bytes() const noexcept { return too_long_bytes_; }
  const std::string& error() const noexcept { return error_; }

 private:
  bool fill();
  std::unique_ptr<GunzipSource> source_;
  std::string buf_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  bool truncated_ = false;
  size_t max_line_ = 0;
  size_t line_number_ = 0;
  size_t too_long_bytes_ = 0;
  std::string error_;
};

}  // namespace recoupe
