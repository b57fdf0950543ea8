// Claim castera.nonsmooth.inna-d-critical-stationary (002 §2.4 remarks after Theorem 2.1, L1135-L1136; guide
// §5.6 T-NS-2, §8 item 2): INNA initialised at a D-critical point that is not Clarke critical stays there
// (relu(t) - relu(-t) + t^2/2 split into two samples, autodiff gradients), while perturbed starts leave it.
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_step_tuned/nonsmooth_common.hpp"

namespace ov::claims::castera_step_tuned {

Finding check_inna_d_critical(const PrimitiveConvention& conv, const RunContext& ctx);
Claim inna_d_critical_claim();

}  // namespace ov::claims::castera_step_tuned
