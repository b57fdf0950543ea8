#include "cli/torch_executable.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <vector>

namespace ov::cli {

namespace torch_executable_detail {
bool is_torch_spec(std::string_view spec) {
  for (std::string_view prefix : {"torch:", "ours:", "torch-broken:"}) {
    if (spec.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}
}  // namespace torch_executable_detail

bool needs_torch_executable(int argc, const char* const* argv) {
  if (argc < 2) return false;
  const std::string_view command = argv[1];
  if (command == "bench") return true;
  if (command != "conform") return false;
  for (int i = 2; i < argc; ++i) {
    const std::string_view a = argv[i];
    if ((a == "--optimizer" || a == "-o") && i + 1 < argc && torch_executable_detail::is_torch_spec(argv[i + 1]))
      return true;
    constexpr std::string_view eq = "--optimizer=";
    if (a.substr(0, eq.size()) == eq && torch_executable_detail::is_torch_spec(a.substr(eq.size()))) return true;
  }
  return false;
}

std::string torch_executable_path() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  return (self.parent_path() / "optverify-torch").string();
}

std::string exec_torch_executable(int argc, char** argv) {
  const std::string path = torch_executable_path();
  if (path.empty()) return "cannot locate this executable (/proc/self/exe) to find optverify-torch next to it";
  if (access(path.c_str(), X_OK) != 0) {
    return "this command needs the LibTorch layer, and " + path + " is " +
           (errno == ENOENT ? std::string("missing (a build without LibTorch: OPTVERIFY_WITH_TORCH=OFF)")
                            : "not executable: " + std::string(std::strerror(errno)));
  }
  std::vector<char*> args(argv, argv + argc);
  args.push_back(nullptr);
  execv(path.c_str(), args.data());
  return "cannot execute " + path + ": " + std::strerror(errno);
}

}  // namespace ov::cli
