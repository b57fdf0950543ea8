// Claim "backtracking.thm-2-16-gd-map-jacobian" (000_47ba9189a2c8a171.txt, Section 2.6, Theorem 2.16 and
// its mechanism, L302-L306; slides 001 S-L337-S-L363, Lee et al. / Panageas-Piliouras): for f in C^{1,1}_L
// and delta < 1/L the Standard GD map x -> x - delta grad f(x) is a (local) diffeomorphism: its Jacobian
// I - delta Hess f(x) is invertible everywhere; at a (strict) saddle it has an eigenvalue 1 - delta lambda > 1
// (lambda < 0), the unstable direction that the centre-stable manifold theorem uses.
//
// Check, as a function of the step rule delta(L): on nesterov_example and castera_quartic (2-D, the library's
// L on the ball of radius 2 around the origin) and delta in {delta(L)} (paper: 99/(100 L) and 1/(2 L)):
//  1. det(I - delta H(X)) over a grid of boxes X covering [-2, 2]^2, in interval arithmetic with the library's
//     interval Hessian (inclusion property: the enclosure contains det over X); 0 excluded on every box
//     certifies invertibility on the square; a box whose exact rational centre has det = 0 refutes;
//  2. at each strict saddle of the problem (exact rational point) the exact inertia of Hess f (Sylvester, GMP)
//     has >= 1 negative eigenvalue, so J = I - delta H has an eigenvalue 1 - delta lambda > 1.
// `holds` (each instance certified; the instances do not prove the theorem).
#pragma once

#include <functional>

#include "proofs-checks/claim.hpp"

namespace ov::claims::thm216 {

// The steps to test, given the Lipschitz constant L of grad f on the region.
using StepRule = std::function<std::vector<rational>(const rational& L)>;
StepRule paper_steps();  // {99/(100 L), 1/(2 L)}: delta < 1/L

Finding check_thm216(const StepRule& steps, const RunContext& ctx);
Claim thm216_claim();

}  // namespace ov::claims::thm216
