// Erratum castera.erratum.alg6-division-by-zero (002 Appendix 4.9, Algorithm 6 line 9, L2715-L2738; guide §4.6
// item 9): the printed factor alpha/(k-1)^(1/2+delta) gamma_{k-1} of G_k divides by zero at k = 1.
#pragma once

#include "optim/rules/gradient_variation_sgd.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_step_tuned {

// scale = printed: Algorithm 6 as printed (the erratum); previous_step: the reading s_{k-1} (the correction).
Finding check_alg6(optim::ExpectedGvScale scale, const RunContext& ctx);
Claim alg6_erratum_claim();

}  // namespace ov::claims::castera_step_tuned
