// Claim castera.step-tuned.problem-4-21-lipschitz (002 Corollary 4.3 L2358 applied to (4.21) L2486-L2488; guide §4.5
// item 7 [DERIVED]): phi(t) = t^2/(1+t^2) has sup |phi'| = 3 sqrt(3)/8 and phi'' in [-1/2, 2], so every
// J_n = phi(A_n^T theta - b_n) and its gradient are globally Lipschitz and J >= 0: Corollary 4.3 applies.
#pragma once

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_step_tuned {

// The constants under test: sup phi'^2 <= dphi_sq, lo <= phi'' <= hi.
struct PhiBounds {
  rational dphi_sq = rational(27) / rational(64);  // (3 sqrt 3 / 8)^2
  rational lo = rational(-1) / rational(2);
  rational hi = rational(2);
};

Finding check_phi_bounds(const PhiBounds& b, const RunContext& ctx);
Claim phi_bounds_claim();

}  // namespace ov::claims::castera_step_tuned
