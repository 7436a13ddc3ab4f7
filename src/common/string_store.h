// src/common/string_store.h
//
// Maps 64-bit term hashes back to a readable form, for explanations. Terms are
// hashed everywhere else; only the first surface seen for a hash is kept.
//
// Thread safety: all members may be called concurrently.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace recoupe {

class StringStore {
 public:
  static StringStore& global();
  //! Records `text` for `hash` unless one is already known.
  void intern(uint64_t hash, std::string_view text);
  //! The text for `hash`, or "#<hex>" when unknown.
  std::string lookup(uint64_t hash) const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<uint64_t, std::string> strings_;
};

//! 64-bit hash of a string (xxHash3).
uint64_t hash_string(std::string_view s) noexcept;

}  // namespace recoupe
