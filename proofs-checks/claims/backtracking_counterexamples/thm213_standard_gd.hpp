// Claim "backtracking.thm-2-13-standard-gd-converges" (000_47ba9189a2c8a171.txt, Section 2.6, Theorem 2.13,
// L261-L265, cited from Lange, Prop. 12.6.1; the slides' version says "finitely many" critical points,
// 001 S-L326-S-L333): if f is in C^{1,1}_L, has compact sublevels and a bounded, at most countable critical
// set, and delta <= 1/(2L), then Standard GD converges to one critical point.
//
// Check, as a function of the step rule delta(L) (paper: 1/(2L)): nesterov_example (L = 46 on the sublevel
// {f <= 2}, inside the ball of radius 2 where the library's L holds) and castera_quartic (L = 40 on {J <= 0},
// where |t1| <= 2 and Hess J = diag(12 t1^2 - 8, 2)); both coercive with 3 critical points. Seeded starts in
// [-1, 1]^2 inside those sublevels; the library's Sgd<double> (lr = delta). At every step the Armijo inequality
// (7) with alpha = 1/2 (implied by the descent lemma for delta <= 1/(2L), which gives alpha up to 3/4) is decided
// on the precision ladder (double -> mp50 -> mp100 -> interval) from the exact binary64 iterates; at the end
// ||grad f(z_N)|| <= 1e-8 and z_N within 1e-6 of a listed critical point. A violated Armijo step or a run
// that does not converge refutes.
#pragma once

#include <functional>

#include "proofs-checks/claim.hpp"

namespace ov::claims::thm213 {

using StepRule = std::function<rational(const rational& L)>;
StepRule paper_step();  // 1/(2L)

Finding check_thm213(const StepRule& step, const RunContext& ctx);
Claim thm213_claim();

}  // namespace ov::claims::thm213
