// JSON lines (plain or gzip) from any bytes, and one line parsed alone: a record with an id or a
// reason, never a crash.
#include <cstdlib>
#include <memory>

#include "fuzz/fuzz_common.h"
#include "read/input_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace recoupe;
  const std::string_view bytes = fuzz::as_view(data, size);
  {
    std::string line(bytes);
    RawRecord r;
    const std::string reason = parse_jsonl_record(line, r);
    if (reason.empty() && r.id.empty()) std::abort();
  }
  Diagnostics d = fuzz::quiet_diagnostics();
  auto source = open_input(InputKind::kJsonl, std::make_unique<MemorySource>(bytes), "fuzz.jsonl",
                           fuzz::small_limits(), d);
  fuzz::drain(*source);
  return 0;
}
