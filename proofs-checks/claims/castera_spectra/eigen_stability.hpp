// Claim "castera.ch3.eigenvalues-stability-3-26-3-31": the sign facts of the eigenvalues (3.10)/(3.14) of
// DIN and (3.26)/(3.29) of INNA used in Theorems 3.2 and 3.9 (L1705-L1731, L1733, L1898-L1932):
// lambda < 0 => sigma_+ > 0 (DIN) and sigma_+ > 1 (INNA, every gamma > 0); lambda = 0 => INNA sigma_+ = 1,
// |sigma_-| = |1 - gamma alpha|; lambda > 0 => DIN Re sigma < 0 (Remark 3.7); complex case |sigma|^2 = det M_p
// (3.30) and |sigma| < 1 iff gamma < beta + alpha/lambda (3.31); real case lambda > 0: sigma_- > -1 iff
// gamma (alpha + beta lambda + sqrt(Delta)) < 4 (L1916).
#pragma once

#include <functional>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_ch3 {

// The printed stability criterion of the complex case: true when |sigma| < 1 is predicted.
using StabilityCriterion =
    std::function<bool(const mp50& alpha, const mp50& beta, const mp50& gamma, const mp50& lambda)>;

StabilityCriterion thesis_criterion_3_31();  // gamma < beta + alpha/lambda

Finding check_eigen_stability(const StabilityCriterion& criterion, const RunContext& ctx);
Claim eigen_stability_claim();

}  // namespace ov::claims::castera_ch3
