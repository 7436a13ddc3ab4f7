#include "common/result.h"

namespace recoupe {

const char* errc_name(Errc code) noexcept {
  switch (code) {
    case Errc::kOk: return "ok";
    case Errc::kBadInput: return "bad input";
    case Errc::kNotFound: return "not found";
    case Errc::kCorrupt: return "corrupt";
    case Errc::kIo: return "i/o error";
    case Errc::kBusy: return "busy";
  }
  return "unknown";
}

}  // namespace recoupe
