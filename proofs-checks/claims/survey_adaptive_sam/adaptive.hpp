// The adaptive learning-rate methods of 004 §6 (AdaGrad, RMSProp, Adam; eqs (38)-(47)) as printed: Adam's bias
// correction and the scalar second moment.
#pragma once

#include <functional>
#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::survey_sam {

// (gamma, t) -> the bias-correction denominator after t accumulated updates (m^(0) = 0).
using BiasDenominator = std::function<rational(const rational& gamma, long t)>;
BiasDenominator library_bias_denominator();    // optim::adam_bias_denominator: 1 - gamma^t (Kingma & Ba)
BiasDenominator as_printed_bias_denominator(); // 004 (45)-(46): 1 - gamma^k with k = t - 1 (loops from k = 0)
BiasDenominator shifted_bias_denominator();    // mutant: 1 - gamma^(t + 1)

Finding check_adam_bias_correction(const BiasDenominator& den, const RunContext& ctx);
Claim adam_bias_correction_claim();
Claim adam_bias_exponent_k_claim();  // erratum 17

// The as-printed scalar v (RmspropGlobal, Adam global_norm) against the per-coordinate originals, one step from
// the gradient `gradient` (a linear objective).
Finding check_scalar_second_moment(const std::vector<double>& gradient, const RunContext& ctx);
Claim scalar_second_moment_claim();  // erratum 16

}  // namespace ov::claims::survey_sam
