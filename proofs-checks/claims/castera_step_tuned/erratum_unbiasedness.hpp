// Erratum castera.erratum.unbiasedness-sum-convention (002 §1.3, (1.5) L474, (1.18) L668, (1.19) L674; guide §4.6
// item 1): with J the SUM (1.5) and J_B the MEAN (1.18), (1.19)'s last equality (1/N) sum_n grad J_n = grad J is
// false: E[grad J_A] = grad J / N.
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_step_tuned {

// sum_convention: J = sum_n J_n as printed in (1.5) (the erratum); false: J = (1/N) sum_n J_n (the correction).
Finding check_unbiasedness(bool sum_convention, const RunContext& ctx);
Claim unbiasedness_erratum_claim();

}  // namespace ov::claims::castera_step_tuned
