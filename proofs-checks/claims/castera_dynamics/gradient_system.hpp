// Claim "castera.din.gradient-system-ab-gt-1": Remark 2.11(b) (L1432): for alpha beta > 1, (2.8)
// "is equivalent to a gradient system" (Alvarez et al. 2002).
//
// What is checked (the thesis gives no formula; the construction is ours): with
// w = (alpha - 1/beta) theta + psi/beta and c = alpha beta - 1, (2.6) reads
//   theta' = -(beta grad J + w),   w' = -(c grad J + alpha w),
// i.e. (theta', w') = -M grad V(theta, w) with V = J(theta) + ||w||^2/(2c) and M = [[beta, c], [c, alpha c]]
// (x identity), a gradient system for the metric M^{-1} iff M is positive definite iff c > 0
// (det M = c). (a) exact, rational: the two identities at seeded points of polynomial problems
// and M positive definite for each (alpha, beta) of the list; (b) measured consequences along
// castera_quadratic trajectories (double, Dormand-Prince 1e-12, t in [0, 20]): V non-increasing, and
// each coordinate of theta(t) (the Hessian's eigen-directions) changes sign at most once (no
// oscillation; a spiral, alpha beta < 1, changes sign repeatedly). Whether J(theta(t)) is monotone is
// reported, not claimed (it need not be: the initial w pushes theta).
#pragma once

#include <utility>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

// (alpha, beta) as exact ratios.
using AlphaBetaList = std::vector<std::pair<rational, rational>>;
AlphaBetaList gradient_system_parameters();  // (2, 1), (1, 11/10), (3, 1/2), (1/2, 4): alpha beta > 1

Finding check_gradient_system(const DinField& field, const AlphaBetaList& params, const RunContext& ctx);
Claim gradient_system_claim();

}  // namespace ov::claims::castera_dyn
