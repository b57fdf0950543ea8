// Claim castera.step-tuned.clip-factor (002 §4.3.2 L2338, footnote 2 L2348, Algorithm 3 line 17): with the
// default (nu, beta, m, M, delta) = (2, 0.9, 0.5, 2, 0.001), gamma_k in [m, M] at every iteration, so the
// effective step eta_k is the base step alpha/(k+1)^(1/2+delta) times a factor in [1/2, 2].
#pragma once

#include <functional>
#include <memory>

#include "optim/rules/step_tuned_sgd.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_step_tuned {

using StepTunedDoubleFactory =
    std::function<std::unique_ptr<optim::StepTunedSgd<double>>(const optim::StepTunedSgdOptions<double>&)>;

StepTunedDoubleFactory library_step_tuned_double();
Finding check_clip_factor(const StepTunedDoubleFactory& rule, const RunContext& ctx);
Claim clip_factor_claim();

}  // namespace ov::claims::castera_step_tuned
