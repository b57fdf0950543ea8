// Erratum claim "castera.ch3.erratum-3-20-always-positive": Theorem 3.9 (002 L1830-L1832) says the right-hand
// side of (3.20) "is always positive"; its square root has a negative radicand whenever alpha beta < 1 and L in
// (x-, x+) (guide §4.6 item 2), e.g. the recommended (alpha, beta) = (1/2, 1/10) (L1492) with L = 10.
// The corrected statement (first term dropped where undefined, i.e. gamma < beta) keeps det Jac != 0 there.
#pragma once

#include <functional>
#include <optional>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_ch3 {

// The right-hand side of (3.20) in exact arithmetic where it is rational-valued, or nullopt where it is
// undefined; the radicand is returned through `radicand`.
using BoundExpression = std::function<std::optional<rational>(const rational& alpha, const rational& beta,
                                                              const rational& L, rational& radicand)>;

BoundExpression printed_3_20();    // nullopt when (alpha + beta L)^2 - 4L < 0 (a real sqrt of a negative number)
BoundExpression corrected_3_20();  // beta when the radicand is negative (guide §4.6 item 2), else nullopt (irrational)

Finding check_step_bound_positive(const BoundExpression& bound, const RunContext& ctx);
Claim erratum_step_bound_claim();

}  // namespace ov::claims::castera_ch3
