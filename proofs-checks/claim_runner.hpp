// Runs a list of claims, on `jobs` threads. Results come back in the order of the list
// whatever `jobs` is; every claim gets the same RunContext (same seed), so a claim's
// result does not depend on which other claims run or on the number of threads.
// `on_done` (optional) is called, under a mutex, as each claim finishes (the resume store
// writes its file there). A claim for which `reuse` returns a result is not run.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "proofs-checks/claim.hpp"

namespace ov::claims {

struct RunnerOptions {
  int jobs = 1;  // >= 1
  std::function<std::optional<ClaimResult>(const Claim&)> reuse;
  std::function<void(const ClaimResult&, bool reused)> on_done;
};

struct RunOutcome {
  std::vector<ClaimResult> results;  // in the order of `claims`
  std::vector<bool> reused;          // reused[k]: results[k] came from `reuse`
};

// Throws std::invalid_argument if jobs < 1.
RunOutcome run_claims(const std::vector<const Claim*>& claims, const RunContext& ctx, const RunnerOptions& opt = {});

}  // namespace ov::claims
