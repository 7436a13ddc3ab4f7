// src/common/utf8.h
//
// UTF-8 checks and small helpers used by every stage. Text inside recoupe is
// always valid UTF-8; readers reject what is not, naming the byte offset.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace recoupe::utf8 {

//! Returns the byte offset of the first invalid sequence, or npos if `s` is valid UTF-8
//! (overlongs, surrogates and code points above U+10FFFF are invalid).
size_t find_invalid(std::string_view s) noexcept;

inline bool is_valid(std::string_view s) noexcept { return find_invalid(s) == std::string_view::npos; }

//! `s` with each byte that starts no valid sequence replaced by U+FFFD (a copy of `s` when it is valid).
std::string with_replacements(std::string_view s);

//! Decodes the code point at `s[i]` (which must be valid UTF-8) and advances `i`.
inline char32_t next(std::string_view s, size_t& i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) { ++i; return b0; }
  if (b0 < 0xE0) {
    char32_t c = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    i += 2; return c;
  }
  if (b0 < 0xF0) {
    char32_t c = ((b0 & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                 (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    i += 3; return c;
  }
  char32_t c = ((b0 & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
               ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) |
               (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
  i += 4; return c;
}

//! True when the eight bytes at `p` are all ASCII; the caller makes sure that eight bytes are there.
//! Scanners pass runs of ASCII eight bytes at a time with it.
inline bool ascii8(const void* p) noexcept {
  uint64_t w;
  __builtin_memcpy(&w, p, 8);
  return (w & 0x8080808080808080ULL) == 0;
}

//! Appends the UTF-8 encoding of `c` to `out`.
void append(std::string& out, char32_t c);

//! Cuts `s` to at most `max_bytes` without splitting a code point.
std::string_view truncate(std::string_view s, size_t max_bytes) noexcept;

}  // namespace recoupe::utf8
