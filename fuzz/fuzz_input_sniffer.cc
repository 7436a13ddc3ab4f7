// Any file: sniffed (gzip looked into), then read by the reader its content calls for, as
// recoupe does for a file whose name says nothing. Covers the single-page (.html) and text paths.
#include <memory>

#include "fuzz/fuzz_common.h"
#include "read/input_reader.h"
#include "read/sniff.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace recoupe;
  const std::string_view bytes = fuzz::as_view(data, size);
  const InputKind kind = sniff_bytes(bytes);
  Diagnostics d = fuzz::quiet_diagnostics();
  auto source = open_input(kind, std::make_unique<MemorySource>(bytes), "fuzz.input", fuzz::small_limits(), d);
  fuzz::drain(*source);
  return 0;
}
