// State shared by the subcommands: where output goes and the exit code to return.
#pragma once

#include <iostream>

#include "cli/exit_codes.hpp"

namespace ov::cli {

struct CommandContext {
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  int exit_code = kSuccess;
};

}  // namespace ov::cli
