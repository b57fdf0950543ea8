// Claim "castera.din.rate-one-over-t": Theorem 2.10 (L1390): for J semi-algebraic, locally Lipschitz,
// lower bounded, every bounded solution of (2.8) has |J(theta(t)) - J_bar| = O(1/t).
//
// Measured on semi-algebraic J = ||theta||^c (c = 4, 6, 10 in 1-D; c = 4 in 2-D; J_bar = 0), whose KL
// exponent at 0 is a = 1 - 1/c (L1438), DIN (2.6) with (alpha, beta) = (1, 1/2) from theta_0 with the
// thesis's psi_0, integrated in double by Dormand-Prince 5(4) (tolerance 1e-12) to t = T; J(theta(t))
// sampled at log-spaced integer t; the straight window found by rates::detect_window, the order p of
// J(theta(t)) = O(t^-p) fitted by rates::fit_order (95 % t-interval) and compared with the stated order
// (1, tolerance 0.1) by rates::compare_order: holds if every interval is >= 0.9, refuted if one lies below.
// Reported with it: the order c/(c - 2) that the KL argument of Theorem 2.8 gives for a = 1 - 1/c (faster
// than 1/t), and an mp50 re-integration of the first case at t = T compared with double.
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

// stated_order: the p of the statement O(t^-p) (the thesis: 1; the tests pass a false 2).
Finding check_din_rate(const DinField& field, double stated_order, const RunContext& ctx);
Claim din_rate_claim();

}  // namespace ov::claims::castera_dyn
