// Claim "backtracking.mexican-hat-flow-curve-escape" (000_47ba9189a2c8a171.txt Example 2.12, L249-L251):
// the gradient flow from a point of the curve theta (1 - r^2) = 1 stays on that curve ("will get stuck on
// this curve"), "while for the discrete methods right after the first iterate we already escape this curve".
//
// (a) Invariance: along the curve z(r) = r (cos c, sin c), c = 1/(1 - r^2), grad f is tangent to the curve
// (the normal component vanishes), so the curve is a trajectory of x' = -grad f. Checked in interval
// arithmetic with the library's evaluator at rational r: the normal component encloses 0 with a tiny width and the
// tangential component is certainly non-zero (the flow moves along the curve).
// (b) Escape: psi(z) = y cos c - x sin c = r sin(theta - c) vanishes on the curve. From binary64 starts z_0
// nearest the curve, one step of each method gives z_1; interval arithmetic certifies psi(z_1) != 0 and
// |psi(z_1)| > 10^6 sup|psi(z_0)| (the step moves off the curve far beyond the rounding of z_0).
#pragma once

#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/mexican_hat_convergence.hpp"

namespace ov::claims::mexican_hat_curve {

struct CurveConfig {
  std::vector<mexican_hat_convergence::Method> methods;
  std::vector<std::string> invariance_r;  // rational r in (0, 1) where (a) is checked
  std::vector<double> start_r0;           // starts for (b)
};

CurveConfig curve_config(bool quick);

Finding check_curve_escape(const CurveConfig& cfg, const mexican_hat_convergence::MethodFactory& make,
                           const RunContext& ctx);

Claim curve_escape_claim();

}  // namespace ov::claims::mexican_hat_curve
