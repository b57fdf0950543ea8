// Claim "castera.lyapunov.e-lambda-strict-at-endpoints" (erratum): the proof of Lemma 2.5
// (L1224) says "We aim to choose lambda so that E_lambda is decreasing that is
// (beta - (alpha beta + 1 - lambda)^2/(4 alpha)) > 0. This holds whenever lambda in
// [(1 - sqrt(alpha beta))^2, (1 + sqrt(alpha beta))^2]", and then picks the two endpoints. At both
// endpoints (alpha beta + 1 - lambda)^2 = 4 alpha beta, so the coefficient is exactly 0, not > 0
// (the strict inequality holds on the open interval only; E_min and E_max are still non-increasing,
// and the adversarial state of castera.lyapunov.e-lambda-family has dE_lambda/dt = 0 off S).
// Exact in rational: alpha = (i/4)^2, beta = (j/4)^2 on an 8 x 8 grid, lambda at the endpoints
// (closed interval) or at interior points (open interval, the corrected statement).
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_dyn {

// closed: test lambda in {lo, mid, hi}; open: lambda in {lo + (hi - lo)/64, mid, hi - (hi - lo)/64}.
Finding check_e_lambda_coefficient(bool closed, const RunContext& ctx);
Claim e_lambda_endpoint_erratum_claim();

}  // namespace ov::claims::castera_dyn
