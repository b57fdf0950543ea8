// Claim "backtracking.abs-power-step-decay" (000 Lemma 3.1 L346-L384 and its contrast, Example 2.14 / Remark 2.6
// L163, L267-L287; guide C2 [DERIVED] and C12): on f(x) = |x|^(1+gamma) (grad f not Lipschitz at the critical
// point 0) the Backtracking GD step delta(f, delta0, x) tends to 0 like |x|^(1-gamma): by homogeneity,
// delta(x) = the largest delta0 beta^k <= s* |x|^(1-gamma) / (1+gamma), s* the root of
// |1 - s|^(1+gamma) - 1 + alpha (1+gamma) s = 0 in (1, 2). Also the BT orbit from z_0 = 1 has delta_n -> 0.
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::bt_invariants {

// predicted_exponent: 1 - gamma (the derivation); a false variant (e.g. 0: "delta bounded below near 0")
// is refuted when the fitted log-log slope differs from it by more than `tolerance`.
Finding check_abs_power_step_decay(double predicted_exponent, double tolerance, const RunContext& ctx);
Claim abs_power_step_decay_claim();

}  // namespace ov::claims::bt_invariants
