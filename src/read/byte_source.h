// src/read/byte_source.h
//
// Where a reader's bytes come from: a file, standard input or a buffer in memory
// (the fuzz targets and tests read from memory). Readers pull bytes in chunks,
// so no input is ever held whole.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace recoupe {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  //! Reads up to `n` bytes into `buf`; returns how many, 0 at the end of the input.
  //! A read error also returns 0 and sets error().
  virtual size_t read(char* buf, size_t n) = 0;
  const std::string& error() const noexcept { return error_; }

 protected:
  std::string error_;
};

//! A file by path ("-" is standard input); fails with a message naming the reason.
class FileSource final : public ByteSource {
 public:
  ~FileSource() override;
  //! Opens `path`; on failure returns null and sets `why` ("no such file", ...).
  static std::unique_ptr<FileSource> open(const std::string& path, std::string& why);
  size_t read(char* buf, size_t n) override;

 private:
  explicit FileSource(int fd) : fd_(fd) {}
  int fd_;
};

//! A view of bytes owned elsewhere.
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  size_t read(char* buf, size_t n) override;

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

}  // namespace recoupe
