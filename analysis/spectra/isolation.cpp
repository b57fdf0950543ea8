#include "analysis/spectra/isolation.hpp"

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>

namespace ov::spectra {

namespace {
void write_all(int fd, const std::string& s) {
  std::size_t off = 0;
  while (off < s.size()) {
    const ssize_t n = ::write(fd, s.data() + off, s.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    off += static_cast<std::size_t>(n);
  }
}
}  // namespace

IsolatedResult run_isolated(const std::function<std::string()>& f) {
  IsolatedResult r;
  int fds[2];
  if (::pipe(fds) != 0) {
    r.failure = std::string("pipe() failed: ") + std::strerror(errno);
    return r;
  }
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    r.failure = std::string("fork() failed: ") + std::strerror(errno);
    return r;
  }
  if (pid == 0) {  // child
    ::close(fds[0]);
    std::string out;
    try {
      out = "O" + f();
    } catch (const std::exception& e) {
      out = std::string("E") + e.what();
    } catch (...) {
      out = "Eunknown exception";
    }
    write_all(fds[1], out);
    ::close(fds[1]);
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string data;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n > 0) {
      data.append(buf, static_cast<std::size_t>(n));
    } else if (n < 0 && errno == EINTR) {
      continue;
    } else {
      break;
    }
  }
  ::close(fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFSIGNALED(status)) {
    r.failure = "the evaluation was aborted by signal " + std::to_string(WTERMSIG(status)) +
                " (e.g. an ambiguous interval comparison in a branching formula, which Boost 1.74's MPFI turns "
                "into std::terminate)";
    return r;
  }
  if (data.empty()) {
    r.failure = "the evaluation returned nothing (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
    return r;
  }
  if (data[0] == 'E') {
    r.failure = data.substr(1);
    return r;
  }
  r.ok = true;
  r.payload = data.substr(1);
  return r;
}

}  // namespace ov::spectra
