// Claim "backtracking.remark-2-6-summable-steps" (000 Remark 2.6, L163-L165; guide C13): the hypothesis
// inf_n delta_n > 0 of Theorem 2.5(2) is needed: on f(x) = x^2 from z_0 = 1 with delta_n = 2^-n / 10 (summable),
// Armijo holds at every step (alpha = 1/2) and z_n converges to z_inf >= 3/5 > 0, not the critical point 0.
#pragma once

#include <functional>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::bt_invariants {

// The step sequence n -> delta_n (exact).
using StepSequence = std::function<rational(long n)>;
StepSequence remark_2_6_steps();  // 2^-n / 10
// sum_n delta_n over all n when known in closed form (used for the certified bound), else empty.
Finding check_remark_2_6(const StepSequence& steps, const rational& total_sum_bound, const RunContext& ctx);
Claim remark_2_6_claim();

}  // namespace ov::claims::bt_invariants
