// Claim "castera.ch3.spiral-rates-fig-3-2": the spiral analysis of §3.3.2 on J = theta1^2 + 2 theta2^2
// (Fig. 3.2, L1781-L1795): INNA (3.19) with small gamma spirals iff alpha beta < 1 (Hessian eigenvalues
// 2, 4 in the band [x-, x+]), oscillates at omega_p = sqrt(4 lambda - (alpha + beta lambda)^2)/2 per
// unit time, decays at the rate of the eigenvalues (3.26)/(3.29), and the alpha beta < 1 setting has
// the faster asymptotic rate ("Despite the presence of spirals ... faster", L1793).
#pragma once

#include <functional>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_spectra/ch3_common.hpp"

namespace ov::claims::castera_ch3 {

using InnaDoubleFactory = std::function<DoubleRule(const rational& alpha, const rational& beta, const rational& gamma)>;

InnaDoubleFactory library_inna_factory();  // library_inna_fixed_step

Finding check_spiral_rates(const InnaDoubleFactory& rule, const RunContext& ctx);
Claim spiral_rates_claim();

}  // namespace ov::claims::castera_ch3
