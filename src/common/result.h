// src/common/result.h
//
// Errors are values at stage boundaries (simdjson's error_code, RocksDB's Status):
// a Result<T> holds either a value or an Error; callers decide whether to throw.
// Shaped like std::expected so that it can be swapped for it under C++23.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace recoupe {

//! What went wrong, coarse enough for a CLI exit status or an HTTP code.
enum class Errc {
  kOk = 0,
  kBadInput,  //!< the input is malformed (a record, an argument)
  kNotFound,  //!< a file, id or story that does not exist
  kCorrupt,   //!< stored data fails its own checks
  kIo,        //!< the operating system refused a read or a write
  kBusy,      //!< a resource is locked by another process
};

const char* errc_name(Errc code) noexcept;

//! An error code with a message that names the file, the record and the reason.
struct Error {
  Errc code = Errc::kOk;
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}            // NOLINT: implicit like std::expected
  Result(Error error) : v_(std::move(error)) {}        // NOLINT
  Result(Errc code, std::string message) : v_(Error{code, std::move(message)}) {}

  bool ok() const noexcept { return v_.index() == 0; }
  explicit operator bool() const noexcept { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &std::get<0>(v_); }
  const T* operator->() const { return &std::get<0>(v_); }
  T& operator*() & { return std::get<0>(v_); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

//! Result of an operation with no value.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT
  Status(Errc code, std::string message) : error_{code, std::move(message)} {}
  static Status Ok() { return {}; }
  bool ok() const noexcept { return error_.code == Errc::kOk; }
  explicit operator bool() const noexcept { return ok(); }
  const Error& error() const { return error_; }

 private:
  Error error_;
};

}  // namespace recoupe
