// Claim castera.step-tuned.stochastic-gv-failure (002 §4.3.3 L2316-L2320, Algorithm 4 L2654, Figure 4.3):
// the "naive" gradient variation of Algorithm 4 (gradients of DIFFERENT mini-batches) gives a poor curvature
// estimate and worse optimisation than Algorithm 3 (same-batch differences + EMA), measured on (4.21).
#pragma once

#include <functional>
#include <memory>

#include "optim/rules/gradient_variation_sgd.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_step_tuned {

// Builds the rule under test from options whose estimate is GvEstimate::stochastic (Algorithm 4).
using GvFactory =
    std::function<std::unique_ptr<optim::GradientVariationSgd<double>>(const optim::GradientVariationSgdOptions<double>&)>;

GvFactory library_gv();
Finding check_stochastic_gv_failure(const GvFactory& naive, const RunContext& ctx);
Claim stochastic_gv_claim();

}  // namespace ov::claims::castera_step_tuned
