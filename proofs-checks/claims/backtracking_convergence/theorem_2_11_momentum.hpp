// Claim "backtracking.theorem-2-11-momentum-outcomes": Theorem 2.11 of 000_47ba9189a2c8a171.txt
// (L215-L233): Backtracking MMT and Backtracking NAG have the conclusions of Theorem 2.1, measured
// with the outcome classifier of outcomes.hpp (guide C18, A7, A8).
#pragma once

#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_convergence/outcomes.hpp"

namespace ov::claims::btconv {

// optim::BacktrackingMomentum<double> and optim::BacktrackingNesterov<double> (look-ahead "shrunk"),
// A1 = 1/2, A2 = 2, delta0 = 1, gamma0 = 9/10 (L574), mu = 1/2, alpha = beta = 1/2.
std::vector<NamedRule> library_backtracking_momentum_rules();

Finding check_theorem_2_11(const std::vector<NamedRule>& rules, const RunContext& ctx);

Claim theorem_2_11_momentum_claim();

}  // namespace ov::claims::btconv
