// Claim "backtracking.example-2-9-nonsmooth-abs": Example 2.9 of 000_47ba9189a2c8a171.txt (L193):
// the conclusions of Theorem 2.1 hold for f(x) = |x| (directionally differentiable, locally bounded
// derivative), measured with the outcome classifier (guide C16, A10).
#pragma once

#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_convergence/outcomes.hpp"

namespace ov::claims::btconv {

// |x| (library `abs`, gradient sign(x), 0 at 0); `rule` from seeded uniform starts in [-2, 2].
Finding check_example_2_9(const NamedRule& rule, const RunContext& ctx);

Claim example_2_9_claim();

}  // namespace ov::claims::btconv
