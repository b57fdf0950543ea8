// Run a computation in a forked child process and get its string result back.
//
// Why: Boost 1.74 declares mpfi's compare() noexcept, so an AMBIGUOUS interval
// comparison inside a problem formula that branches (a kink, a numerically stable
// log1p(exp(-t)) split at t = 0, ...) calls std::terminate (docs/autodiff.md). Interval
// evaluation over a box can straddle such a branch point. Running it in a child turns
// that abort into a reported failure ("not certified") instead of killing the program.
// POSIX only; the child runs only the given function and leaves with _exit.
#pragma once

#include <functional>
#include <string>

namespace ov::spectra {

struct IsolatedResult {
  bool ok = false;
  std::string payload;  // f()'s result when ok
  std::string failure;  // the exception message or the signal that ended the child
};

IsolatedResult run_isolated(const std::function<std::string()>& f);

}  // namespace ov::spectra
