#include "gpu/train/atomic_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ov::gpu::train {

namespace atomic_file_detail {

[[noreturn]] void fail(const std::string& what, const std::string& path) {
  throw std::runtime_error(what + " " + path + ": " + std::strerror(errno));
}

void fsync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
  if (fd < 0) fail("cannot open", path);
  // Some file systems refuse fsync on directories (EINVAL): the rename is then as durable as
  // they make it.
  if (::fsync(fd) != 0 && !(directory && (errno == EINVAL || errno == EROFS))) {
    const int e = errno;
    ::close(fd);
    errno = e;
    fail("cannot flush", path);
  }
  ::close(fd);
}

std::string directory_of(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace atomic_file_detail

std::string temporary_path(const std::string& path) { return path + ".tmp-" + std::to_string(::getpid()); }

void commit_temporary_file(const std::string& temporary, const std::string& path) {
  using namespace atomic_file_detail;
  try {
    fsync_path(temporary, false);
  } catch (...) {
    std::remove(temporary.c_str());
    throw;
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int e = errno;
    std::remove(temporary.c_str());
    errno = e;
    fail("cannot rename " + temporary + " to", path);
  }
  fsync_path(directory_of(path), true);
}

void write_file_atomically(const std::string& path, const std::string& bytes) {
  using namespace atomic_file_detail;
  const std::string tmp = temporary_path(path);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) fail("cannot create", tmp);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int e = errno;
      ::close(fd);
      std::remove(tmp.c_str());
      errno = e;
      fail("cannot write", tmp);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) {
    std::remove(tmp.c_str());
    fail("cannot close", tmp);
  }
  commit_temporary_file(tmp, path);
}

std::string read_whole_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw std::runtime_error("cannot read " + path);
  return s.str();
}

std::string fnv1a64_hex(const std::string& bytes) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace ov::gpu::train
