// SAM's first-order inner maximiser, 004 §7.1 eqs (52)-(54): the dual-norm (Hölder-equality) property of
// epsilon* and the accuracy of the first-order approximations (52) and (54) on a quadratic.
#pragma once

#include <functional>

#include "analysis/numeric/scalars.hpp"
#include "optim/components/lp_ball_perturbation.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::survey_sam {

// (g, rho, p) -> epsilon*: the perturbation under test (the library's lp_ball_maximiser, or a mutant).
using LpMaximiser =
    std::function<optim::Vector<mp100>(const optim::Vector<mp100>&, const mp100&, const optim::LpExponent<mp100>&)>;

LpMaximiser library_lp_maximiser();
// Mutant (tests): (52) with the wrong exponent |g|^q instead of |g|^(q-1) (p = 1 and p = inf included).
LpMaximiser wrong_exponent_lp_maximiser();

Finding check_sam_dual_norm(const LpMaximiser& maximiser, const RunContext& ctx);
Claim sam_dual_norm_claim();

// The orders claimed for the three residuals of the first-order approximation, as rho -> 0: each fitted
// local log-log slope must be >= the claimed order - 0.05 (an O(rho^k) bound).
struct ClaimedOrders {
  double linearisation = 2;  // |max_{||e||<=rho} L(w+e) - (L(w) + rho ||g||)|   (004 (a) before (52))
  double suboptimality = 2;  // max_{||e||<=rho} L(w+e) - L(w + epsilon*)          (guide C26)
  double dropped = 1;        // ||(d epsilon*/dw)^T grad L(w + epsilon*)||         ((54) (b); guide C26)
};
Finding check_sam_first_order_accuracy(const LpMaximiser& maximiser, const ClaimedOrders& claimed,
                                       const RunContext& ctx);
Claim sam_first_order_accuracy_claim();

}  // namespace ov::claims::survey_sam
