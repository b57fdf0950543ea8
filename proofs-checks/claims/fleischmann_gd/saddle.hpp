// Claim fleischmann.saddle-avoidance: 003 Theorem 4.4 (Lee et al. Thm 4.1; L672-L680): with
// grad f L-Lipschitz, f in C^2, theta* a strict saddle, theta_1 random and 0 < alpha < 1/L,
// P(lim theta_k = theta*) = 0. Test function f(x, y) = x^2/2 + cos y (L = 1; guide C10 [DERIVED],
// the library's saddle_cos), with the GD-map Jacobian checks of guide §2.4 item 3.
#pragma once

#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::fgd {

// Runs the check with the steps `alphas` (the theorem: every alpha in (0, 1/L) = (0, 1)).
Finding check_saddle_avoidance(const std::vector<rational>& alphas, const RunContext& ctx);
Claim saddle_avoidance_claim();

}  // namespace ov::claims::fgd
