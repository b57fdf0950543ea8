// Claim castera.step-tuned.thm-4-2-rate (002 §4.4 Theorem 4.2 L2346-L2352, Corollary 4.3 L2358, proof
// (4.42)-(4.48) L2594-L2634): on the synthetic problem (4.21), min_{j<k} E||grad J(theta_j)||^2 is at most
// the explicit bound derived from (4.47)-(4.48), and decays like k^-(1/2 - delta).
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_step_tuned/clip_factor.hpp"  // StepTunedDoubleFactory

namespace ov::claims::castera_step_tuned {

// The bound as stated, or a false variant (tests): B(k) = scale [J(theta_0) - inf J + noise H_k(1+2 delta)]
// / (2 alpha m k^exponent), noise = alpha^2 M^2 L (C2 + 2 C2^2) (0 when !noise_term), H_k(s) = sum_{i<=k} i^-s.
struct RateBound {
  double exponent = 0.499;  // 1/2 - delta with the default delta = 1/1000
  bool noise_term = true;
  double scale = 1;
};

Finding check_rate_thm42(const StepTunedDoubleFactory& rule, const RateBound& bound, const RunContext& ctx);
Claim rate_thm42_claim();

}  // namespace ov::claims::castera_step_tuned
