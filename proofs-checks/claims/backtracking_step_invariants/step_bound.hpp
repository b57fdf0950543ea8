// Claims on the size of the Backtracking GD step on C^{1,1}_L functions (guide seed-000-001-backtracking.md
// C4 [DERIVED], verified here; 000 §2.1 L97 states only that delta(f, delta0, .) is bounded below on compact
// sets when grad f is locally Lipschitz, without a constant):
//  - backtracking.step-lower-bound-c11l: delta(f, delta0, x) >= min{delta0, 2 beta (1 - alpha) / L};
//    the constant is sharp (the ratio delta / (2 beta (1-alpha)/L) approaches 1 on x^2).
//  - backtracking.quadratic-step-exact-formula: on a quadratic, delta(f, delta0, x) is exactly the largest
//    delta0 beta^k <= 2 (1 - alpha) g'g / g'Hg.
// Derivation (descent lemma): f(x - s g) <= f(x) - s (1 - L s / 2) ||g||^2, so (7) holds for every
// s <= 2 (1 - alpha) / L; the search stops at the first lattice point below that, at most a factor beta below.
#pragma once

#include <functional>
#include <string>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::bt_invariants {

// A claimed lower bound (alpha, beta, delta0, L) -> bound, all exact.
using StepBound = std::function<rational(const rational& alpha, const rational& beta, const rational& delta0,
                                         const rational& L)>;
StepBound derived_step_bound();  // min{delta0, 2 beta (1 - alpha) / L}

// A claimed step on a quadratic: (tau = g'g / g'Hg, alpha, beta, delta0) -> delta.
using QuadraticStepFormula = std::function<rational(const rational& tau, const rational& alpha, const rational& beta,
                                                    const rational& delta0)>;
QuadraticStepFormula derived_quadratic_formula();  // largest delta0 beta^k <= 2 (1 - alpha) tau

// The exact Backtracking GD step delta(f, delta0, x) in rational (lattice walk, exact Armijo test).
rational exact_backtracking_step(const std::string& problem, const Vec<rational>& x, const rational& delta0,
                                 const rational& alpha, const rational& beta, int* k_out = nullptr);

Finding check_step_lower_bound(const StepBound& bound, const RunContext& ctx);
Finding check_quadratic_formula(const QuadraticStepFormula& formula, const RunContext& ctx);

Claim step_lower_bound_claim();
Claim quadratic_step_formula_claim();

}  // namespace ov::claims::bt_invariants
