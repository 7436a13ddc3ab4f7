#include "read/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace recoupe {

FileSource::~FileSource() {
  if (fd_ > STDERR_FILENO) ::close(fd_);
}

std::unique_ptr<FileSource> FileSource::open(const std::string& path, std::string& why) {
  if (path == "-") return std::unique_ptr<FileSource>(new FileSource(STDIN_FILENO));
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    why = errno == ENOENT ? "no such file" : std::string("cannot open: ") + std::strerror(errno);
    return nullptr;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    why = "is a folder";
    return nullptr;
  }
  return std::unique_ptr<FileSource>(new FileSource(fd));
}

size_t FileSource::read(char* buf, size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd_, buf, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    error_ = std::strerror(errno);
    return 0;
  }
}

size_t MemorySource::read(char* buf, size_t n) {
  const size_t k = std::min(n, bytes_.size() - pos_);
  if (k) std::memcpy(buf, bytes_.data() + pos_, k);
  pos_ += k;
  return k;
}

}  // namespace recoupe
