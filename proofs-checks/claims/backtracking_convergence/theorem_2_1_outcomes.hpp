// Claim "backtracking.theorem-2-1-outcomes": Theorem 2.1 (1)-(3) of 000_47ba9189a2c8a171.txt
// (L107-L113, with L119 for functions without critical points), measured with the outcome
// classifier of outcomes.hpp: every Backtracking GD run ends diverged or converged to a critical
// point; never "other" (guide seed-000-001-backtracking.md C3, C5, C6, C7, C8).
#pragma once

#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_convergence/outcomes.hpp"

namespace ov::claims::btconv {

// optim::BacktrackingGd<double> with the proofs' (delta0, alpha, beta) = (1, 1/2, 1/2) (L356, L444).
NamedRule library_backtracking_gd_rule();

// The functions of the study: Morse polynomials (double_well, nesterov_example, himmelblau,
// three_hump_camel, styblinski_tang, rosenbrock), the ring (x^2+y^2-1)^2 (compact non-isolated
// critical circle, part 3), |x|^(3/2) and the Huber-smoothed |x| (C^1, non-Lipschitz / C^{1,1}),
// x^3 - 3x and e^t (unbounded below / no critical point: part 1 and L119). quick: a subset.
std::vector<Target> theorem_2_1_targets(bool quick);
OutcomeStudy theorem_2_1_study(const std::vector<NamedRule>& rules, bool quick);

Finding check_theorem_2_1(const std::vector<NamedRule>& rules, const RunContext& ctx);

Claim theorem_2_1_outcomes_claim();

}  // namespace ov::claims::btconv
