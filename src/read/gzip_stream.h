// src/read/gzip_stream.h
//
// The decompressed bytes of a file that may be gzip, member by member (Common Crawl
// writes each WARC record as its own gzip member, so that a record can be fetched
// alone), or the bytes as they are when the file is not gzip. Each position names
// the member's offset in the file (what a CDX index gives) and the offset inside its
// decompressed data, so that a message can point at a record. After bad gzip data,
// resync() goes on at the next member that decompresses.
//
// DecodedBuffer puts a bounded look-ahead window over a GzipStream for the record
// parsers (WARC, ARC): they peek, consume, and ask where the cursor is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "read/byte_source.h"

struct z_stream_s;

namespace recoupe {

//! Where a decompressed byte comes from. For a plain file, `member` is 0 and `inner` the file offset.
struct StreamPosition {
  uint64_t member = 0;  //!< offset of the gzip member in the file
  uint64_t inner = 0;   //!< offset in the member's decompressed bytes
};

class GzipStream {
 public:
  enum class State { kOk, kEnd, kError };

  //! Reads the first bytes of `raw` to decide: gzip (magic 1f 8b) or plain.
  explicit GzipStream(ByteSource& raw);
  ~GzipStream();
  GzipStream(const GzipStream&) = delete;
  GzipStream& operator=(const GzipStream&) = delete;

  bool gzip() const noexcept { return gzip_; }
  //! Reads up to `n` decompressed bytes, all from one member; `where` gets the position of the
  //! first. Returns 0 at the end of the input or on an error: state() tells which.
  size_t read(char* out, size_t n, StreamPosition* where = nullptr);
  State state() const noexcept { return state_; }
  //! What went wrong ("the file ends inside this gzip member", zlib's reason, ...).
  const std::string& error() const noexcept { return error_; }
  //! The offset of the member (or of the bytes that are not gzip) where the error happened.
  uint64_t error_offset() const noexcept { return error_offset_; }
  //! True when the error is only that the file ends inside a member (a cut download).
  bool truncated() const noexcept { return truncated_; }

  //! After an error: skips to the next gzip member whose start decompresses and returns its offset;
  //! nullopt when there is none (the state is then kEnd) or the file is not gzip.
  std::optional<uint64_t> resync();

  //! The position of the next byte read() would return, when it is known without reading.
  StreamPosition position() const noexcept;

 private:
  bool refill();                 // more raw bytes after in_end_; false at end of input
  size_t ensure_raw(size_t n);   // at least n raw bytes from in_pos_ when the input has them
  void fail(std::string why, uint64_t offset, bool truncated = false);

  ByteSource& raw_;
  std::unique_ptr<z_stream_s> zs_;
  std::vector<char> in_;
  size_t in_pos_ = 0, in_end_ = 0;
  uint64_t in_base_ = 0;         // file offset of in_[0]
  bool gzip_ = false;
  bool in_member_ = false;
  uint64_t member_start_ = 0;
  uint64_t member_out_ = 0;      // decompressed bytes of this member returned so far (plain: of the file)
  State state_ = State::kOk;
  std::string error_;
  uint64_t error_offset_ = 0;
  bool truncated_ = false;
};

class DecodedBuffer {
 public:
  explicit DecodedBuffer(GzipStream& stream) : stream_(stream) {}

  //! Makes at least `n` bytes available from the cursor when the input has them; returns how many are.
  size_t want(size_t n);
  std::string_view view() const noexcept { return {buf_.data() + pos_, end_ - pos_}; }
  void consume(size_t n);
  //! Consumes `n` bytes without keeping them; returns how many there were.
  uint64_t discard(uint64_t n);
  //! Where the cursor is. Exact when a byte is available (call want() first).
  StreamPosition position();
  //! Offset from the cursor of the first buffered byte after it that starts a gzip member (a record
  //! boundary in files written one record per member), or npos.
  size_t next_member_start() const noexcept;
  //! Forgets what is buffered (after a gzip error, before resync()).
  void drop_all();
  GzipStream& stream() noexcept { return stream_; }

 private:
  struct Segment {
    size_t start;  // index in buf_
    StreamPosition pos;
  };
  void compact();

  GzipStream& stream_;
  std::string buf_;
  size_t pos_ = 0, end_ = 0;
  std::vector<Segment> segments_;  // where each run of buffered bytes came from
  size_t segment_ = 0;             // the one holding the cursor
};

//! A ByteSource of the decompressed bytes of another (plain bytes pass through): for readers that
//! do not care where a byte was (JSON lines, feeds, single pages).
class GunzipSource final : public ByteSource {
 public:
  explicit GunzipSource(std::unique_ptr<ByteSource> raw) : raw_(std::move(raw)), stream_(*raw_) {}
  //! Sets error() to what went wrong and where ("... at offset N") when the gzip data is bad.
  size_t read(char* buf, size_t n) override;
  bool gzip() const noexcept { return stream_.gzip(); }
  //! The error is that the file ends inside a gzip member.
  bool truncated() const noexcept { return stream_.truncated(); }

 private:
  std::unique_ptr<ByteSource> raw_;
  GzipStream stream_;
};

//! "file@offset" for a position: the member offset alone when the record starts a member (or the
//! file offset of a plain file), "file@member+inner" inside a member that holds several records.
std::string describe_position(const std::string& file, const StreamPosition& p, bool gzip);

}  // namespace recoupe
