// Runs the optverify program (OPTVERIFY_CLI_PATH, set per test executable in CMake) as a
// subprocess for the end-to-end CLI tests: its exit code and its output (stdout, plus stderr
// when merge_stderr). Arguments go through the shell: tests pass fixed strings and paths
// made by mkdtemp (no quotes or spaces).
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace ov::testing {

struct CliResult {
  int code = -1;    // exit code; -1 if the program did not exit normally or could not start
  std::string out;  // stdout (and stderr when merged)
};

inline CliResult run_cli(const std::string& args, bool merge_stderr = true) {
  CliResult r;
  const std::string cmd = std::string(OPTVERIFY_CLI_PATH) + " " + args + (merge_stderr ? " 2>&1" : " 2>/dev/null");
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace ov::testing
