// Errata in the proof of Theorem 4.2 (002 Appendix 4.8.2; guide §4.6 item 7):
//  - castera.erratum.proof-4-30-squared-bound: (4.30) ||grad J_B||^2 <= C2 does not follow from (4.24)
//    ||grad J_B|| <= C2 (only ||grad J_B||^2 <= C2^2): false whenever C2 > 1;
//  - castera.erratum.proof-4-48-min-index: (4.48)'s second inequality with the minimum over {1, ..., K} and the
//    sum over {0, ..., K} fails when ||grad J(theta_0)||^2 is the smallest (the minimum must include k = 0).
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_step_tuned {

// printed = true: the bound ||grad J_B(psi)||^2 <= C2 of (4.30); false: the corrected <= C2^2.
Finding check_c2_squared(bool printed, const RunContext& ctx);
Claim c2_squared_erratum_claim();

// printed = true: min over {1..K} as in (4.48); false: min over {0..K}.
Finding check_min_index(bool printed, const RunContext& ctx);
Claim min_index_erratum_claim();

}  // namespace ov::claims::castera_step_tuned
