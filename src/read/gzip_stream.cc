#include "read/gzip_stream.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace recoupe {

namespace {
constexpr size_t kRawChunk = size_t{1} << 16;
constexpr size_t kDecodedChunk = size_t{1} << 16;
// A candidate member start must decompress its first bytes from this much input, or it is not one.
constexpr size_t kResyncProbe = size_t{1} << 12;

bool is_gzip_magic(const char* p) {
  return static_cast<unsigned char>(p[0]) == 0x1f && static_cast<unsigned char>(p[1]) == 0x8b;
}
}  // namespace

GzipStream::GzipStream(ByteSource& raw) : raw_(raw), zs_(std::make_unique<z_stream_s>()), in_(kRawChunk) {
  ensure_raw(2);
  gzip_ = in_end_ - in_pos_ >= 2 && is_gzip_magic(in_.data() + in_pos_);
  if (gzip_) {
    std::memset(zs_.get(), 0, sizeof(z_stream_s));
    if (inflateInit2(zs_.get(), 16 + MAX_WBITS) != Z_OK) fail("zlib could not start", 0);
  }
}

GzipStream::~GzipStream() {
  if (gzip_) inflateEnd(zs_.get());
}

void GzipStream::fail(std::string why, uint64_t offset, bool truncated) {
  state_ = State::kError;
  error_ = std::move(why);
  error_offset_ = offset;
  truncated_ = truncated;
}

bool GzipStream::refill() {
  if (in_pos_ > 0) {  // keep the unread bytes, at the front
    std::memmove(in_.data(), in_.data() + in_pos_, in_end_ - in_pos_);
    in_base_ += in_pos_;
    in_end_ -= in_pos_;
    in_pos_ = 0;
  }
  if (in_end_ == in_.size()) return true;
  const size_t got = raw_.read(in_.data() + in_end_, in_.size() - in_end_);
  in_end_ += got;
  return got > 0;
}

size_t GzipStream::ensure_raw(size_t n) {
  while (in_end_ - in_pos_ < n && refill()) {
  }
  return in_end_ - in_pos_;
}

StreamPosition GzipStream::position() const noexcept {
  if (!gzip_) return {0, member_out_};
  if (in_member_) return {member_start_, member_out_};
  return {in_base_ + in_pos_, 0};
}

size_t GzipStream::read(char* out, size_t n, StreamPosition* where) {
  if (state_ != State::kOk || n == 0) return 0;
  if (!gzip_) {
    if (in_pos_ == in_end_ && !refill()) {
      if (!raw_.error().empty()) fail("read error: " + raw_.error(), member_out_);
      else state_ = State::kEnd;
      return 0;
    }
    const size_t k = std::min(n, in_end_ - in_pos_);
    std::memcpy(out, in_.data() + in_pos_, k);
    if (where) *where = {0, member_out_};
    in_pos_ += k;
    member_out_ += k;
    return k;
  }
  for (;;) {
    if (!in_member_) {  // a member boundary: the end, another member, or bytes that are not gzip
      const size_t have = ensure_raw(2);
      if (have == 0) {
        if (!raw_.error().empty()) fail("read error: " + raw_.error(), in_base_ + in_pos_);
        else state_ = State::kEnd;
        return 0;
      }
      if (have < 2 || !is_gzip_magic(in_.data() + in_pos_)) {
        fail("bytes that are not gzip data where a gzip member should start", in_base_ + in_pos_);
        return 0;
      }
      member_start_ = in_base_ + in_pos_;
      member_out_ = 0;
      inflateReset(zs_.get());
      in_member_ = true;
    }
    if (in_pos_ == in_end_ && !refill()) {
      if (!raw_.error().empty()) fail("read error: " + raw_.error(), member_start_);
      else fail("the file ends inside this gzip member (cut short)", member_start_, /*truncated=*/true);
      return 0;
    }
    z_stream_s& zs = *zs_;
    zs.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    zs.avail_in = static_cast<uInt>(in_end_ - in_pos_);
    zs.next_out = reinterpret_cast<Bytef*>(out);
    zs.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    const uInt asked = zs.avail_out;
    const int ret = inflate(&zs, Z_NO_FLUSH);
    in_pos_ = in_end_ - zs.avail_in;
    const size_t produced = asked - zs.avail_out;
    if (produced && where) *where = {member_start_, member_out_};
    member_out_ += produced;
    if (ret == Z_STREAM_END) {
      in_member_ = false;
      if (produced) return produced;
      continue;
    }
    if (ret == Z_OK || ret == Z_BUF_ERROR) {
      if (produced) return produced;
      continue;  // needs more input
    }
    fail(std::string("bad gzip data (") + (zs.msg ? zs.msg : "zlib error " + std::to_string(ret)) + ")",
         member_start_);
    return 0;
  }
}

std::optional<uint64_t> GzipStream::resync() {
  if (!gzip_ || state_ != State::kError) return std::nullopt;
  // Search from after the start of the failed member, or from the bytes that were not gzip.
  uint64_t from = std::max(in_base_ + in_pos_, error_offset_ + 1);
  if (from > in_base_ + in_end_) {
    in_pos_ = in_end_;
  } else {
    in_pos_ = static_cast<size_t>(from - in_base_);
  }
  in_member_ = false;
  for (;;) {
    if (ensure_raw(3) < 3) {
      state_ = State::kEnd;
      in_pos_ = in_end_;
      return std::nullopt;
    }
    const char* begin = in_.data() + in_pos_;
    const void* hit = std::memchr(begin, 0x1f, in_end_ - in_pos_);
    if (!hit) {
      in_pos_ = in_end_;
      continue;
    }
    in_pos_ += static_cast<size_t>(static_cast<const char*>(hit) - begin);
    if (ensure_raw(kResyncProbe) < 4) {
      state_ = State::kEnd;
      in_pos_ = in_end_;
      return std::nullopt;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(in_.data() + in_pos_);
    // ID1 ID2, method 8 (deflate), no reserved flag bits.
    if (p[1] != 0x8b || p[2] != 8 || (p[3] & 0xe0) != 0) {
      ++in_pos_;
      continue;
    }
    // Probe: the candidate must give a first byte (or end cleanly) from the bytes at hand.
    z_stream_s probe{};
    if (inflateInit2(&probe, 16 + MAX_WBITS) != Z_OK) return std::nullopt;
    char scratch[64];
    probe.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    probe.avail_in = static_cast<uInt>(in_end_ - in_pos_);
    probe.next_out = reinterpret_cast<Bytef*>(scratch);
    probe.avail_out = sizeof scratch;
    const int ret = inflate(&probe, Z_NO_FLUSH);
    const bool produced = probe.avail_out < sizeof scratch;
    const bool good = ret == Z_STREAM_END || ((ret == Z_OK || ret == Z_BUF_ERROR) && (produced || probe.avail_in == 0));
    inflateEnd(&probe);
    if (!good) {
      ++in_pos_;
      continue;
    }
    state_ = State::kOk;
    error_.clear();
    truncated_ = false;
    return in_base_ + in_pos_;
  }
}

// ----------------------------------------------------------------------------- DecodedBuffer

size_t DecodedBuffer::want(size_t n) {
  while (end_ - pos_ < n && stream_.state() == GzipStream::State::kOk) {
    if (buf_.size() - end_ < kDecodedChunk) {
      if (pos_ > 0) compact();
      if (buf_.size() - end_ < kDecodedChunk) buf_.resize(std::max(buf_.size() * 2, end_ + kDecodedChunk));
    }
    StreamPosition where;
    const size_t got = stream_.read(buf_.data() + end_, buf_.size() - end_, &where);
    if (got == 0) break;
    const bool continues = !segments_.empty() && segments_.back().pos.member == where.member &&
                           segments_.back().pos.inner + (end_ - segments_.back().start) == where.inner;
    if (!continues) segments_.push_back({end_, where});
    end_ += got;
  }
  return end_ - pos_;
}

void DecodedBuffer::consume(size_t n) { pos_ += std::min(n, end_ - pos_); }

uint64_t DecodedBuffer::discard(uint64_t n) {
  uint64_t done = 0;
  while (done < n) {
    const size_t have = want(1);
    if (have == 0) break;
    const size_t k = static_cast<size_t>(std::min<uint64_t>(have, n - done));
    consume(k);
    done += k;
    if (pos_ == end_) drop_all();  // nothing to keep: do not let the buffer grow
  }
  return done;
}

StreamPosition DecodedBuffer::position() {
  if (pos_ == end_ || segments_.empty()) return stream_.position();
  while (segment_ + 1 < segments_.size() && segments_[segment_ + 1].start <= pos_) ++segment_;
  const Segment& s = segments_[segment_];
  return {s.pos.member, s.pos.inner + (pos_ - s.start)};
}

size_t DecodedBuffer::next_member_start() const noexcept {
  if (!stream_.gzip()) return std::string_view::npos;
  for (size_t i = segment_; i < segments_.size(); ++i) {
    if (segments_[i].start > pos_ && segments_[i].pos.inner == 0) return segments_[i].start - pos_;
  }
  return std::string_view::npos;
}

void DecodedBuffer::drop_all() {
  pos_ = end_ = 0;
  segments_.clear();
  segment_ = 0;
}

void DecodedBuffer::compact() {
  if (!segments_.empty()) {
    while (segment_ + 1 < segments_.size() && segments_[segment_ + 1].start <= pos_) ++segment_;
    segments_.erase(segments_.begin(), segments_.begin() + static_cast<std::ptrdiff_t>(segment_));
    segment_ = 0;
    if (pos_ < end_) {
      segments_[0].pos.inner += pos_ - segments_[0].start;
      segments_[0].start = pos_;
    } else {
      segments_.clear();
    }
    for (Segment& s : segments_) s.start -= pos_;
  }
  std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
  end_ -= pos_;
  pos_ = 0;
}

size_t GunzipSource::read(char* buf, size_t n) {
  const size_t got = stream_.read(buf, n);
  if (got == 0 && stream_.state() == GzipStream::State::kError && error_.empty()) {
    error_ = stream_.error() + " (gzip member at offset " + std::to_string(stream_.error_offset()) + ")";
  }
  return got;
}

std::string describe_position(const std::string& file, const StreamPosition& p, bool gzip) {
  if (!gzip) return file + "@" + std::to_string(p.inner);
  if (p.inner == 0) return file + "@" + std::to_string(p.member);
  return file + "@" + std::to_string(p.member) + "+" + std::to_string(p.inner);
}

}  // namespace recoupe
