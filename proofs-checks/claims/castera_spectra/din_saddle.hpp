// Claim "castera.ch3.din-saddle-avoidance": Theorem 3.2 / Corollary 3.3 (002 §3.3.1, L1603, L1623-L1631):
// solutions of DIN (3.1) from a non-degenerate random (theta_0, psi_0) near the strict saddle of
// theta1^4 - 4 theta1^2 + theta2^2 (coercive, Morse) converge to a local minimiser; on-manifold
// starts (theta1 = psi1 = 0) converge to the saddle.
#pragma once

#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_spectra/saddle_check.hpp"

namespace ov::claims::castera_ch3 {

// DIN (alpha, beta) = (1/2, 1) and (1, 11/10), RK4 with h = 1/100 (t up to 20).
std::vector<SaddleMethod> din_methods();
Finding check_din_saddle(const std::vector<SaddleMethod>& methods, const RunContext& ctx);
Claim din_saddle_claim();

}  // namespace ov::claims::castera_ch3
