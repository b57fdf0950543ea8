// Claims on stationary points and the non-identifiability of networks in 003 Ch. 3 (Fleischmann):
//
//  fleischmann.stationary-point-classification  Theorems 3.1-3.3 (L309-L339): a local minimum has grad f = 0
//      and a PSD Hessian; grad f = 0 with a PD Hessian is a local minimum. A classifier over exactly known
//      critical points (library problems, 004 Prop 4's quadratic network, a Baldi-Hornik linear network),
//      inertia computed exactly in rational.
//  fleischmann.symmetries-non-identifiability   §3.3 (L393-L406, L418-L420): permuting hidden neurons,
//      rescaling a (leaky) ReLU neuron by alpha > 0 and GL(p) on a linear network leave predictions and loss
//      unchanged (bit-identical in rational), the gradient transforms by T^{-T}, and rescaling changes |grad f|.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::fgd {

// A point with what is declared about it: "minimum", "saddle" or "maximum".
struct DeclaredPoint {
  std::string where;
  std::function<rational(const Vec<rational>&)> f;
  std::function<Vec<rational>(const Vec<rational>&)> grad;
  std::function<Mat<rational>(const Vec<rational>&)> hess;
  Vec<rational> x;
  std::string declared;
};

// The exactly known critical points the claim runs on (library problems, networks).
std::vector<DeclaredPoint> known_critical_points();

Finding check_stationary_points(const std::vector<DeclaredPoint>& points, const RunContext& ctx);
Claim stationary_points_claim();

// The rescaling part runs with hidden activations `rescale_activations` (the statement: relu, leaky_relu)
// and factors sign * p/q (the statement: sign = +1); a non-homogeneous activation is evaluated in mp100.
Finding check_symmetries(const std::vector<std::string>& rescale_activations, int sign, const RunContext& ctx);
Claim symmetries_claim();

}  // namespace ov::claims::fgd
