// Claim "backtracking.mexican-hat-discrete-methods-converge" (000_47ba9189a2c8a171.txt Example 2.12, L251;
// guide C21): on the Mexican hat of Absil-Mahony-Andrews (L245-L247), whose gradient flow from the curve
// theta(1 - r^2) = 1 neither converges nor diverges (L249), "all these three discrete methods [Standard GD,
// pure Backtracking GD, Two-way Backtracking GD] do converge" for random initial points.
//
// A finite run can certify convergence only by reaching a critical point exactly: an iterate with
// r >= 1 (decided exactly: x^2 + y^2 of two binary64 numbers is exact in mp50) lies in the flat region,
// where grad f = 0, so every method stays there forever. It can certify non-convergence of the computed
// orbit by an exact cycle (z_n = z_{n-p}, p >= 2, with z_n != z_{n-1}). Anything else is undecided: a run still
// moving along the spiral valley at the horizon, or frozen in double (z_{n+1} == z_n bitwise) at a point where
// mp50 shows grad f != 0 (a rounding stall, not a limit: a limit of these methods is critical). Such runs are
// continued in mp50 with the same rule written out, to show whether they keep winding.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/common.hpp"

namespace ov::claims::mexican_hat_convergence {

struct Method {
  std::string kind;  // "standard_gd", "backtracking", "two_way"
  std::string step;  // lr (standard_gd) or delta0 (the cap for two_way), exact constant
  std::string alpha = "1/10000", beta = "1/2";
  std::string label() const;
};

using MethodFactory = std::function<step_heuristics::RulePtr(const Method&)>;
MethodFactory library_methods();

struct HatConfig {
  std::vector<Method> methods;
  int random_starts = 3;
  std::vector<double> curve_r0;  // starts on the curve theta (1 - r^2) = 1
  int horizon = 2000;
  int mp50_steps = 100;  // continuation of the undecided runs in mp50
};

HatConfig hat_config(bool quick);

Finding check_mexican_hat_convergence(const HatConfig& cfg, const MethodFactory& make, const RunContext& ctx);

Claim mexican_hat_convergence_claim();

}  // namespace ov::claims::mexican_hat_convergence
