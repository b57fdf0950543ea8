// Claim "backtracking.ex-2-17-erratum-h-prime" (erratum; 000_47ba9189a2c8a171.txt, Section 2.6,
// Example 2.17, L318): "h'(x) = 9 delta0 (3 delta0 x - 1)^2 + 9 delta0/2 > 0" for
// h(x) = (1 - 3 delta0 x)^3 - 1 + 9 delta0 x/2. False: d/dx (1 - 3 delta0 x)^3 = -9 delta0 (1 - 3 delta0 x)^2
// (sign error), and for delta0 = (3 + sqrt 3)/6 the true h'(1) = -9.696... < 0.
// Check: the formula against the exact derivative of h (polynomial differentiation in Q(sqrt 3)[x]) at
// x = 1 and rational points near 1, for both roots, and the claimed sign. The conclusion of Example 2.17
// survives (h'(1) != 0 for both roots: claim backtracking.ex-2-17-map-discontinuous).
#pragma once

#include <functional>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/common.hpp"

namespace ov::claims::ex217 {

// A formula for h'(x) given delta0 and x.
using HPrimeFormula = std::function<bt_cex::QS3(const bt_cex::QS3& delta0, const rational& x)>;
HPrimeFormula printed_h_prime();    // 9 delta0 (3 delta0 x - 1)^2 + 9 delta0/2 (L318)
HPrimeFormula corrected_h_prime();  // -9 delta0 (1 - 3 delta0 x)^2 + 9 delta0/2
// claim_positive: the statement says h'(x) > 0 (as printed); otherwise only h'(1) != 0 is claimed.
Finding check_h_prime(const HPrimeFormula& formula, bool claim_positive, const RunContext& ctx);
Claim ex217_h_prime_claim();

}  // namespace ov::claims::ex217
