// Claim "backtracking.heuristic-step-tail-finite" (000_47ba9189a2c8a171.txt §2.4, L235; slides
// 001 S-L626-649; guide C19): along a convergent Backtracking GD run, delta_n = delta(f, delta0, z_n)
// eventually takes finitely many values, the lattice points {delta0 beta^k} allowed near the limit
// z_inf, and Standard GD with learning rate delta_inf = inf_n delta_n "should converge".
//
// Prediction from the Hessian H at the limit (derived here; the paper argues only "uniformly positive and
// on a lattice"): by Taylor with a mean-value Hessian, f(z - s g) - f(z) = -s|g|^2 + s^2/2 g'H(xi)g, so
// (7) holds iff s <= 2(1-alpha)|g|^2 / g'H(xi)g. With H(xi) within eta*lambda_min of H_inf the threshold
// lies in [2(1-alpha)/(lambda_max(1+eta)), 2(1-alpha)/(lambda_min(1-eta))], hence the accepted step lies in
// the lattice points of P = [beta 2(1-alpha)/(lambda_max(1+eta)), min(delta0, 2(1-alpha)/(lambda_min(1-eta)))].
// The tail = the steps whose z_n and z_{n+1} have |H - H_inf|_2 <= eta lambda_min and whose Armijo
// decision is resolved in double (alpha delta |g|^2 above 64 eps times the rounding scale).
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/common.hpp"

namespace ov::claims::step_tail {

struct TailConfig {
  std::string problem;
  std::string delta0 = "1", alpha = "1/2", beta = "1/2";  // exact constants
  int starts = 3;
  int max_steps = 20000;      // Backtracking GD horizon
  int gd_max_steps = 100000;  // Standard GD horizon
};

std::vector<TailConfig> tail_configs(bool quick);

Finding check_step_tail(const std::vector<TailConfig>& configs, const step_heuristics::BacktrackingFactory& rule,
                        const step_heuristics::StandardGdFactory& standard_gd, const RunContext& ctx);

Claim step_tail_claim();

}  // namespace ov::claims::step_tail
