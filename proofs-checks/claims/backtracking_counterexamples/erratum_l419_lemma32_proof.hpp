// Claim "backtracking.erratum-l419-lemma-3-2-proof-identity" (erratum; 000_47ba9189a2c8a171.txt, Section 3,
// proof of Lemma 3.2, L416-L420): the identity
//   (1 + sum x_i y_i) / (1 + (sum x_i^2 + sum y_i^2)/2) = 1 - (1/2) ||x - y||^2 / (1 + (sum x_i^2 + sum y_i^2))
// is false: the left side equals 1 - (1/2) ||x - y||^2 / (1 + (a + b)/2), a = sum x_i^2, b = sum y_i^2 (guide
// errata item 11, "a denominator typo"). The next step (>= 1 - ||x - y||^2/2) holds for the corrected form, so the
// lemma is unaffected (claim backtracking.lemma-3-2-dist-lipschitz).
// Check, as a function of the right-hand side's denominator (printed: 1 + a + b; corrected: 1 + (a + b)/2):
// seeded rational pairs x != y (m = 1..3), both sides compared exactly.
#pragma once

#include <functional>

#include "proofs-checks/claim.hpp"

namespace ov::claims::erratum_l419 {

using Denominator = std::function<rational(const rational& a, const rational& b)>;
Denominator printed_denominator();    // 1 + a + b
Denominator corrected_denominator();  // 1 + (a + b)/2

Finding check_l419(const Denominator& den, const RunContext& ctx);
Claim l419_claim();

}  // namespace ov::claims::erratum_l419
