// Claim castera.nonsmooth.ad-not-clarke (002 §2.3 L1050-L1060; guide §5.6 T-NS-1, §8 items 2-3): the Clarke
// subdifferential has no sum rule (|t| - |t|), and automatic differentiation, which applies smooth calculus
// rules, returns at kinks objects that are not Clarke subgradients in general; what the library's autodiff
// (ceres::Jet) returns there is an element of D (the sum of the summands' Clarke subdifferentials).
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_step_tuned/nonsmooth_common.hpp"

namespace ov::claims::castera_step_tuned {

std::vector<Program> kink_programs();
Finding check_ad_kinks(const PrimitiveConvention& conv, const RunContext& ctx);
Claim ad_kinks_claim();

}  // namespace ov::claims::castera_step_tuned
