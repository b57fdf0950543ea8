// Claim castera.step-tuned.quadratic-curvature-exact (002 §4.3.2, Algorithm 3, L2222-L2243; guide §4.5 item 6):
// on quadratic J_n the curvature estimate of Step-Tuned SGD is exactly the Rayleigh quotient of the batch
// Hessian along the step, so gamma_{k+1} = clip(inverse Rayleigh quotient) (nu, clipped, when it is <= 0).
#pragma once

#include <functional>
#include <memory>

#include "analysis/numeric/scalars.hpp"
#include "optim/rules/step_tuned_sgd.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_step_tuned {

using StepTunedRationalFactory =
    std::function<std::unique_ptr<optim::StepTunedSgd<rational>>(const optim::StepTunedSgdOptions<rational>&)>;

StepTunedRationalFactory library_step_tuned_rational();
Finding check_quadratic_curvature(const StepTunedRationalFactory& rule, const RunContext& ctx);
Claim quadratic_curvature_claim();

}  // namespace ov::claims::castera_step_tuned
