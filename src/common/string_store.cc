#include "common/string_store.h"

#include <xxhash.h>

#include <cstdio>

#include "common/flat_hash_map.h"

namespace recoupe {

StringStore& StringStore::global() {
  static StringStore* store = new StringStore;
  return *store;
}

void StringStore::intern(uint64_t hash, std::string_view text) {
  // The same names come back in article after article: each thread remembers the hashes it has
  // interned already and skips the lock and the shared map for them. Emptied when full, so it stays
  // small; forgetting only costs a lock.
  constexpr size_t kRemembered = size_t{1} << 16;
  thread_local FlatHashMap<uint8_t> known(kRemembered);
  thread_local const StringStore* known_for = nullptr;
  if (known_for != this) {
    known.clear();
    known_for = this;
  }
  if (known.find(hash)) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    strings_.try_emplace(hash, text);
  }
  if (known.size() + 1 >= kRemembered) known.clear();
  known.try_emplace(hash, 1);
}

std::string StringStore::lookup(uint64_t hash) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = strings_.find(hash);
    if (it != strings_.end()) return it->second;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "#%016llx", static_cast<unsigned long long>(hash));
  return buf;
}

uint64_t hash_string(std::string_view s) noexcept { return XXH3_64bits(s.data(), s.size()); }

}  // namespace recoupe
