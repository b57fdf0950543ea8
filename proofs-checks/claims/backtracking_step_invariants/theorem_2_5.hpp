// Claim "backtracking.theorem-2-5-inf-step-positive" (000 Thm 2.5(1), L149-L155; guide C12): for f C^1 with
// countably many critical points and grad f locally Lipschitz near them, a Backtracking GD orbit either diverges
// or has inf_n delta(f, delta0, z_n) > 0. Measured on Morse polynomial problems: the minimum of delta_n is reached
// early and the tail takes finitely many lattice values. The contrast (hypothesis removed) is abs_power, where
// delta_n -> 0 (the test's false variant).
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"

namespace ov::claims::bt_invariants {

Finding check_theorem_2_5(const std::vector<std::string>& problems, const RunContext& ctx);
Claim theorem_2_5_claim();

}  // namespace ov::claims::bt_invariants
