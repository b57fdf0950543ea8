// Claim "backtracking.ex-2-17-erratum-one-positive-root" (erratum; 000_47ba9189a2c8a171.txt, Section 2.6,
// Example 2.17, L310): "this equation [p(t) = 6t^2 - 6t + 1 = 0] has one positive solution". False:
// p(0) = 1 > 0, p(1/2) = -1/2 < 0, p(1) = 1 > 0, so p has a root in (0, 1/2) and one in (1/2, 1)
// (intermediate value theorem; degree 2: exactly two): (3 -+ sqrt 3)/6.
// Check: the number of positive roots of a t^2 + b t + c, exactly (discriminant and Vieta), with the
// IVT brackets as certificate, compared with the claimed number.
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

namespace ov::claims::ex217 {

Finding check_positive_root_count(const rational& a, const rational& b, const rational& c, int claimed,
                                  const RunContext& ctx);
Claim ex217_one_positive_root_claim();

}  // namespace ov::claims::ex217
