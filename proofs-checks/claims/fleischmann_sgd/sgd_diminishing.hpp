// SGD with diminishing steps in 003 §4.4.3, checked with the SGD expectation oracle:
//
//   fleischmann.thm-4-9-diminishing      the finite-K inequality of the proof of Theorem 4.9,
//                                        sum_{k<=K} alpha_k E||grad f(theta_k)||^2 <= 2(f_1 - f_inf) + L M sum alpha_k^2,
//                                        for EVERY K <= K_max, exactly, with alpha_k = a/(k + k0) (4.23)-(4.25)
//   fleischmann.cor-4-10-4-11-to-zero    E||grad f(theta_k)||^2 -> 0 under alpha_k = a/(k + k0) (Cor. 4.10 liminf,
//                                        Cor. 4.11 lim), with the [DERIVED] orders 1 (a > 1/2) and 2a (a < 1/2) as
//                                        evidence; a constant step (not Robbins-Monro) plateaus at alpha sigma^2/(2 - alpha)
#pragma once

#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::fleischmann_sgd {

// alpha_k = a_scale * a / (k + k0); `two` is the factor 2 of the bound.
struct Thm49Variant {
  rational a_scale = 1;
  rational two = 2;
};
Finding check_thm_4_9(const Thm49Variant& v, const RunContext& ctx);
Claim thm_4_9_claim();

// A step schedule alpha_k = a / (k + k0) (constant = true: alpha_k = a for all k).
struct StepRule {
  rational a;
  long k0 = 0;
  bool constant = false;
};
// The schedules the corollary claim runs (a in {1/4, 1/3, 1, 2}, k0 = max(0, ceil(a) - 1)).
std::vector<StepRule> corollary_schedules();
Finding check_corollaries(const std::vector<StepRule>& rules, const RunContext& ctx);
Claim corollaries_claim();

}  // namespace ov::claims::fleischmann_sgd
