// Claim "backtracking.theorem-2-7-inexact-outcomes": Theorem 2.7 of 000_47ba9189a2c8a171.txt
// (L183-L189): Inexact Backtracking GD (L169-L181) with directions v_n satisfying (4)-(5) has the
// conclusions of Theorem 2.1, measured with the outcome classifier (guide C14).
#pragma once

#include <cstdint>
#include <vector>

#include "optim/rules/inexact_backtracking_gd.hpp"
#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_convergence/outcomes.hpp"

namespace ov::claims::btconv {

// Constructed inexact directions (derived here, not in the documents): v = s ||g|| (cos t g/||g|| +
// sin t u), u a seeded unit vector orthogonal to g, cos t uniform in [mu + 1/20, 1], s uniform in
// [A1 + 1/50, A2 - 1/50]: then ||v|| = s ||g|| satisfies (4) and <g, v> = cos t ||g|| ||v|| satisfies
// (5), with margins far above double rounding. Deterministic in (seed, n): a retried step sees the
// same v. In dimension 1: v = s g.
optim::DirectionPolicy<double> rotated_scaled_direction(double A1, double A2, double mu, std::uint64_t seed);

// optim::InexactBacktrackingGd<double> with A1 = 1/2, A2 = 2, mu = 1/2, delta0 = 1, alpha = beta = 1/2 and
// the rotated/scaled directions (the rule itself checks (4)-(5) at every step and refuses a violation).
NamedRule library_inexact_rule();

Finding check_theorem_2_7(const std::vector<NamedRule>& rules, const RunContext& ctx);

Claim theorem_2_7_inexact_claim();

}  // namespace ov::claims::btconv
