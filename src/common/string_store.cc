#include "common/string_store.h"

#include <xxhash.h>

#include <cstdio>

namespace recoupe {

StringStore& StringStore::global() {
  static StringStore* store = new StringStore;
  return *store;
}

void StringStore::intern(uint64_t hash, std::string_view text) {
  std::lock_guard<std::mutex> lock(mutex_);
  strings_.try_emplace(hash, text);
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
