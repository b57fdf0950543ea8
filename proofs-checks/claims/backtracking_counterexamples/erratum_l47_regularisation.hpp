// Claim "backtracking.erratum-l47-regularisation-lipschitz" (erratum; 000_47ba9189a2c8a171.txt, Section 1,
// L47): "it can be easily checked that if f in C^{1,1}_L, then f^(x) = f(x) + eps ||x||^2 is not in
// C^{1,1}_{L'} for every L'!". False as written: grad f^ = grad f + 2 eps x is Lipschitz with constant L + 2 eps
// (guide C17 and errata item 1).
//
// Check, as a function of the candidate constant L'(L, eps) (the correction: L + 2 eps): on the library's
// castera_quadratic (f = t1^2 + 2 t2^2, L = 4), verified exactly to be quadratic (grad f(x) = H x at seeded
// rational points), grad f^(x) - grad f^(y) = M (x - y) with M = H + 2 eps I, so f^ in C^{1,1}_{L'} iff
// ||M||_2 <= L' iff L' I - M and L' I + M are positive semidefinite: decided by exact inertia (Sylvester,
// GMP). A certified L' refutes the printed statement. Evidence on a non-quadratic f (smoothed_abs, L = 10):
// exact difference quotients of f^' over seeded rational pairs never exceed L + 2 eps.
#pragma once

#include <functional>

#include "proofs-checks/claim.hpp"

namespace ov::claims::erratum_l47 {

using Candidate = std::function<rational(const rational& L, const rational& eps)>;
Candidate corrected_constant();  // L + 2 eps

Finding check_l47(const Candidate& candidate, const RunContext& ctx);
Claim l47_claim();

}  // namespace ov::claims::erratum_l47
