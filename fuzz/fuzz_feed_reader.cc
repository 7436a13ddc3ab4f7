// RSS, Atom, RDF (libxml2, recover mode) and JSON Feed from any bytes: no crash, no hang; every
// item returned has an id, and a date only in a form Timestamp reads.
#include <cstdlib>
#include <memory>

#include "common/timestamp.h"
#include "fuzz/fuzz_common.h"
#include "read/feed_reader.h"
#include "read/json_feed_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace recoupe;
  const std::string_view bytes = fuzz::as_view(data, size);
  auto check = [](RecordSource& source) {
    RawRecord r;
    while (source.next(r)) {
      if (r.id.empty()) std::abort();
      if (!r.published.empty() && !Timestamp::parse(r.published)) std::abort();
    }
  };
  {
    Diagnostics d = fuzz::quiet_diagnostics();
    FeedReader reader(std::make_unique<MemorySource>(bytes), "fuzz.rss", fuzz::small_limits(), d);
    check(reader);
  }
  if (!bytes.empty() && bytes.front() == '{') {
    Diagnostics d = fuzz::quiet_diagnostics();
    JsonFeedReader reader(std::make_unique<MemorySource>(bytes), "fuzz.json", fuzz::small_limits(), d);
    check(reader);
  }
  return 0;
}
