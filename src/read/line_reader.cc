#include "read/line_reader.h"

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace recoupe {

namespace {
constexpr size_t kBufferBytes = 1 << 18;
}

LineReader::~LineReader() {
  if (file_) gzclose(file_);
}

Status LineReader::open(const std::string& path, size_t max_line_bytes) {
  max_line_ = max_line_bytes;
  file_ = path == "-" ? gzdopen(dup(STDIN_FILENO), "rb") : gzopen(path.c_str(), "rb");
  if (!file_) {
    return {errno == ENOENT ? Errc::kNotFound : Errc::kIo,
            path + ": cannot open: " + (errno ? std::strerror(errno) : "out of memory")};
  }
  gzbuffer(file_, kBufferBytes);
  buf_.resize(kBufferBytes);
  return {};
}

bool LineReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);
  const int n = gzread(file_, buf_.data() + end_, static_cast<unsigned>(buf_.size() - end_));
  if (n < 0) {
    int code = 0;
    const char* msg = gzerror(file_, &code);
    error_ = msg ? msg : "read error";
    eof_ = true;
    return false;
  }
  if (n == 0) {
    int code = 0;
    gzerror(file_, &code);
    // zlib reports a stream that stops mid-member as Z_BUF_ERROR at end of input.
    if (code == Z_BUF_ERROR) truncated_ = true;
    eof_ = true;
    return false;
  }
  end_ += static_cast<size_t>(n);
  return true;
}

LineReader::Outcome LineReader::next(std::string& line) {
  line.clear();
  size_t length = 0;  // bytes of the current line seen, kept or not
  bool too_long = false;
  for (;;) {
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', end_ - pos_);
    const size_t chunk = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
    length += chunk;
    if (!too_long && length > max_line_) {
      too_long = true;
      line.clear();
      line.shrink_to_fit();
    }
    if (!too_long) line.append(start, chunk);
    pos_ += chunk;
    if (nl) {
      ++pos_;
      ++line_number_;
      break;
    }
    pos_ = end_ = 0;
    if (!fill()) {
      if (!error_.empty()) return Outcome::kError;
      if (length == 0 && !truncated_) return Outcome::kEnd;
      ++line_number_;
      if (truncated_) return Outcome::kTruncated;
      break;  // last line without a newline
    }
  }
  if (too_long) {
    too_long_bytes_ = length;
    return Outcome::kTooLong;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return Outcome::kLine;
}

}  // namespace recoupe
