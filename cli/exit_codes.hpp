// Exit codes of `optverify` (documented in docs/cli.md).
#pragma once

namespace ov::cli {

enum ExitCode : int {
  kSuccess = 0,      // the command ran and every check it made passed
  kCheckFailed = 1,  // the command ran and at least one check failed
  kUsage = 2,        // bad command line or bad input (unknown name, malformed point, invalid range)
  kInternal = 3,     // an unexpected internal error
};

}  // namespace ov::cli
