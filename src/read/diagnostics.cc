#include "read/diagnostics.h"

#include <cstdio>
#include <string>

namespace recoupe {

Diagnostics::Diagnostics(bool strict, Printer printer) : strict_(strict), printer_(std::move(printer)) {
  if (!printer_) {
    printer_ = [](const std::string& line) { std::fprintf(stderr, "recoupe: %s\n", line.c_str()); };
  }
}

void Diagnostics::skip_record(const std::string& where, const std::string& reason) {
  ++skipped_;
  if (strict_) fatal_ = true;
  printer_(where + ": " + (strict_ ? "error: " : "skipped: ") + reason);
}

void Diagnostics::input_error(const std::string& where, const std::string& reason) {
  ++input_errors_;
  if (strict_) fatal_ = true;
  printer_(where + ": error: " + reason);
}

void Diagnostics::ignore_records(const std::string& where, size_t count, const std::string& what) {
  if (count == 0) return;
  ignored_ += count;
  printer_(where + ": note: " + std::to_string(count) + (count == 1 ? " record" : " records") +
           " passed over, not HTML pages (" + what + ")");
}

void Diagnostics::note(const std::string& where, const std::string& message) {
  printer_(where + ": note: " + message);
}

}  // namespace recoupe
