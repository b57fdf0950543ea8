#include "analysis/report/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <random>
#include <stdexcept>
#include <string>

namespace ov::report {

namespace {

std::string os_error(int err) { return std::strerror(err); }

// A name unique across processes (pid), threads and calls (counter, random salt).
std::filesystem::path temporary_name_for(const std::filesystem::path& target) {
  static std::atomic<unsigned long> counter{0};
  static const unsigned long salt = std::random_device{}();
  const unsigned long n = counter.fetch_add(1);
  const auto ticks = static_cast<unsigned long>(std::chrono::steady_clock::now().time_since_epoch().count());
  std::filesystem::path tmp = target;
  tmp += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(n) + "." +
         std::to_string((salt ^ ticks) & 0xffffffUL);
  return tmp;
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  int release() {
    int f = fd_;
    fd_ = -1;
    return f;
  }

 private:
  int fd_;
};

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view content) {
  if (path.empty() || !path.has_filename()) {
    throw std::runtime_error("write_file_atomically: invalid target path '" + path.string() + "'");
  }
  const std::filesystem::path tmp = temporary_name_for(path);
  FileDescriptor fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) {
    const int err = errno;
    throw std::runtime_error("cannot write '" + path.string() + "': cannot create temporary file '" +
                             tmp.string() + "': " + os_error(err));
  }
  auto fail = [&](const std::string& what, int err) {
    ::close(fd.release());
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot write '" + path.string() + "': " + what + ": " + os_error(err));
  };
  const char* p = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd.get(), p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write to '" + tmp.string() + "' failed", errno);
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) fail("fsync of '" + tmp.string() + "' failed", errno);
  if (::close(fd.release()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot write '" + path.string() + "': close of '" + tmp.string() +
                             "' failed: " + os_error(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot write '" + path.string() + "': rename from '" + tmp.string() +
                             "' failed: " + os_error(err));
  }
  // Make the rename itself durable: fsync the directory (best effort; some file systems refuse).
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    (void)::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace ov::report
