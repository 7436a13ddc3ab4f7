// src/common/word_bytes.h
//
// Byte tests on eight bytes at once, read as one 64-bit word: scanners pass over runs of ordinary
// bytes (ASCII, no mark, no control character) with them. Each test returns a word with the high bit
// of a byte set where the test holds; only "non-zero" is exact (a borrow may mark a byte above a hit),
// which is all the scanners ask.
#pragma once

#include <cstdint>
#include <cstring>

namespace recoupe::word_bytes {

inline constexpr uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr uint64_t kHigh = 0x8080808080808080ULL;

//! The eight bytes at `p`; the caller makes sure that eight bytes are there.
inline uint64_t load(const void* p) noexcept {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
//! Non-zero when a byte of `w` is zero.
constexpr uint64_t zero(uint64_t w) noexcept { return (w - kOnes) & ~w & kHigh; }
//! Non-zero when a byte of `w` is `b`.
constexpr uint64_t equal(uint64_t w, uint8_t b) noexcept { return zero(w ^ (kOnes * b)); }
//! Non-zero when a byte of `w` is below `n` (n at most 0x80).
constexpr uint64_t below(uint64_t w, uint8_t n) noexcept { return (w - kOnes * n) & ~w & kHigh; }

}  // namespace recoupe::word_bytes
