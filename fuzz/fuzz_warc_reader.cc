// WARC and ARC records from any bytes, plain or gzip: no crash, no hang, bounded memory; every
// page returned has a URL for id and a body.
#include <cstdlib>
#include <memory>

#include "fuzz/fuzz_common.h"
#include "read/warc_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace recoupe;
  Diagnostics d = fuzz::quiet_diagnostics();
  WarcReader reader(std::make_unique<MemorySource>(fuzz::as_view(data, size)), "fuzz.warc", fuzz::small_limits(), d);
  RawRecord r;
  while (reader.next(r)) {
    if (r.id.empty() || r.html.empty() || r.url != r.id || r.origin.rfind("fuzz.warc@", 0) != 0) std::abort();
  }
  return 0;
}
