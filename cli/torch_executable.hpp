// The LibTorch half of the command line. Loading LibTorch costs about 0.7 s per process on the
// 2-core CI machine (its operator registration at start-up, measured with perf: docs/cli.md), so
// `optverify` itself does not link it: the commands that need LibTorch (`bench ...`, and
// `conform` on a LibTorch optimizer, --optimizer torch:... / ours:... / torch-broken:...) are
// run by `optverify-torch`, installed next to it, which `optverify` executes in its place with
// the same arguments (execv: same process id, same exit code, same output).
#pragma once

#include <string>

namespace ov::cli {

// Does this command line need the LibTorch executable?
bool needs_torch_executable(int argc, const char* const* argv);

// The path of optverify-torch next to the running executable (/proc/self/exe), or empty.
std::string torch_executable_path();

// Replaces this process with optverify-torch; returns only on failure, with the reason
// (missing: this build has no LibTorch layer, or the file is not executable).
std::string exec_torch_executable(int argc, char** argv);

}  // namespace ov::cli
