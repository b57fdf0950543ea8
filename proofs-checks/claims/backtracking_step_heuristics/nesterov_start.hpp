// Claim "backtracking.slides-nesterov-example-non-random-start" (slides 001_ca0824e53e7404e9.txt, S-L304-S-L318;
// the paper alludes to it without the formula, 000 §1 L39; guide §5 item 2): f(x1, x2) = 2 x1^2 + x2^4 - x2^2
// with starting point (1, 0): "This function has 3 critical points, and if x_n converges to a critical point,
// then that point must be (0, 0), which is a saddle point. Key point: the point (1, 0) is not random!"
//
// Proof by exact computation (rational evaluator of the library's nesterov_example):
//  (a) d f/d x2 (t, 0) = 0 at 5 rationals t; it is a polynomial of degree <= 3 in t, hence identically 0: every
//      sequence z_{n+1} = z_n - delta_n grad f(z_n) from a point with x2 = 0 keeps x2 = 0, whatever delta_n;
//  (b) d f/d x1 (s, t) - 4 s = 0 on a 4 x 4 rational grid (degree <= 3 in each variable: identically 0), and
//      d f/d x2 (0, t) = 4 t^3 - 2 t at 5 rationals (degree <= 3: identical), so the critical points are exactly
//      (0, 0), (0, +-1/sqrt 2): three; the only one on x2 = 0 is (0, 0), with Hessian diag(4, -2) (a saddle);
//  (c) runs of Standard GD, Backtracking GD and Two-way in double from the start keep x2 == 0 exactly and reach
//      (0, 0); from random starts near it (x2 != 0) they reach the minima instead (the "key point").
#pragma once

#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/mexican_hat_convergence.hpp"

namespace ov::claims::nesterov_start {

struct NesterovConfig {
  std::vector<double> start = {1.0, 0.0};  // S-L314
  std::vector<mexican_hat_convergence::Method> methods;
  int steps = 2000;
  int random_starts = 8;  // contrast: (1, u), u uniform in [-1e-3, 1e-3]
};

NesterovConfig nesterov_config(bool quick);

Finding check_nesterov_start(const NesterovConfig& cfg, const mexican_hat_convergence::MethodFactory& make,
                             const RunContext& ctx);

Claim nesterov_start_claim();

}  // namespace ov::claims::nesterov_start
