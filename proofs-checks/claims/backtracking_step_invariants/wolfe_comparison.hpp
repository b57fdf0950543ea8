// Claim "backtracking.wolfe-steps-not-larger" (000 §2.6 L336-L340; guide C28(c)): "since Backtracking GD needs only
// Armijo's condition, while Wolfe's conditions require more, in general the learning rates determined by
// Backtracking GD will be not smaller than that determined from Wolfe's conditions". Precise reading checked
// (holds): on the lattice {delta0 beta^k}, the largest point satisfying both Wolfe conditions (c1 = alpha) is
// <= delta(f, delta0, x) (set inclusion). The continuous reading (a Wolfe line search's step <= delta(f, delta0, x))
// is false in general; the claim reports how often the library's weak-Wolfe search returns a larger step, and the
// test's false variant (continuous reading) is refuted.
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::bt_invariants {

// continuous_reading = false: the lattice reading (the claim); true: the library's weak-Wolfe search step must
// not exceed the Backtracking GD step (false variant).
Finding check_wolfe_comparison(bool continuous_reading, const RunContext& ctx);
Claim wolfe_comparison_claim();

}  // namespace ov::claims::bt_invariants
