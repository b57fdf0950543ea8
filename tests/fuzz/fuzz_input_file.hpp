// What the fuzz targets of tests/fuzz/ share (docs/build.md "Fuzzing"): reporting a finding,
// and the input bytes as a file for readers that take a path. The file is created once with
// mkstemp and unlinked at once; readers open it again as /proc/self/fd/<fd>, so nothing is
// left behind even when the process dies on a finding.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace ov::fuzz {

// Reports `what` as a finding of `target` and aborts (libFuzzer keeps the input).
[[noreturn]] inline void report_finding(const char* target, const char* what) {
  std::fprintf(stderr, "%s: FINDING: %s\n", target, what);
  std::abort();
}

class InputFile {
 public:
  // Creates the file in $TMPDIR (or /tmp), named ov-fuzz-<tag>-XXXXXX before it is unlinked.
  void open(const char* target, const char* tag) {
    target_ = target;
    const char* dir = std::getenv("TMPDIR");
    std::string tmpl = std::string(dir != nullptr && *dir != '\0' ? dir : "/tmp") + "/ov-fuzz-" + tag + "-XXXXXX";
    fd_ = mkstemp(tmpl.data());
    if (fd_ < 0) report_finding(target_, "mkstemp failed");
    unlink(tmpl.c_str());
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  const std::string& path() const { return path_; }
  // Replaces the file's content by data[0, size).
  void write(const std::uint8_t* data, std::size_t size) const {
    if (ftruncate(fd_, 0) != 0) report_finding(target_, "ftruncate of the temporary file failed");
    std::size_t done = 0;
    while (done < size) {
      const ssize_t n = pwrite(fd_, data + done, size - done, static_cast<off_t>(done));
      if (n <= 0) report_finding(target_, "pwrite of the temporary file failed");
      done += static_cast<std::size_t>(n);
    }
  }

 private:
  const char* target_ = "fuzz";
  int fd_ = -1;
  std::string path_;
};

}  // namespace ov::fuzz
