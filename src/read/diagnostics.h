// src/read/diagnostics.h
//
// Where readers report bad records. Each report names the file, the record
// and the reason; the run goes on unless `strict` is set, and the count of
// skipped records is printed at the end.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

namespace recoupe {

class Diagnostics {
 public:
  using Printer = std::function<void(const std::string& line)>;

  //! `strict`: the first bad record is fatal. `printer` receives each message (default: stderr).
  explicit Diagnostics(bool strict = false, Printer printer = {});

  //! A record was skipped: `where` is "file:line" (or "file"), `reason` says what is wrong.
  void skip_record(const std::string& where, const std::string& reason);
  //! A whole input could not be read (missing file, unreadable folder); counts as fatal under strict.
  void input_error(const std::string& where, const std::string& reason);
  //! Something worth knowing that loses nothing (an empty file).
  void note(const std::string& where, const std::string& message);
  //! `count` records of `where` were passed over because they are not articles (a WARC file's
  //! requests, images, redirects); `what` says which. Not an error: one note, and a count.
  void ignore_records(const std::string& where, size_t count, const std::string& what);

  size_t skipped() const noexcept { return skipped_; }
  size_t input_errors() const noexcept { return input_errors_; }
  size_t ignored() const noexcept { return ignored_; }
  //! True once a problem happened under strict mode; readers stop.
  bool fatal() const noexcept { return fatal_; }
  bool strict() const noexcept { return strict_; }

 private:
  bool strict_;
  bool fatal_ = false;
  size_t skipped_ = 0;
  size_t input_errors_ = 0;
  size_t ignored_ = 0;
  Printer printer_;
};

}  // namespace recoupe
