#include "read/line_reader.h"

#include <cstring>

namespace recoupe {

namespace {
constexpr size_t kBufferBytes = 1 << 18;
}

Status LineReader::open(const std::string& path, size_t max_line_bytes) {
  std::string why;
  auto file = FileSource::open(path, why);
  if (!file) return {why == "no such file" ? Errc::kNotFound : Errc::kIo, path + ": " + why};
  open(std::move(file), max_line_bytes);
  return {};
}

void LineReader::open(std::unique_ptr<ByteSource> source, size_t max_line_bytes) {
  max_line_ = max_line_bytes;
  source_ = std::make_unique<GunzipSource>(std::move(source));
  buf_.resize(kBufferBytes);
}

bool LineReader::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buf_.size()) buf_.resize(buf_.size() * 2);
  const size_t n = source_->read(buf_.data() + end_, buf_.size() - end_);
  if (n == 0) {
    eof_ = true;
    if (source_->truncated()) {
      truncated_ = true;
    } else if (!source_->error().empty()) {
      error_ = source_->error();
    }
    return false;
  }
  end_ += n;
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
