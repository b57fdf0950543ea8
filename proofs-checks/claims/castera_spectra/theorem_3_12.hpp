// Claim "castera.ch3.theorem-3-12-local-diffeomorphism": Theorem 3.12 (002 L1876-L1880, proof L2046-L2075):
// for alpha > 0, beta > 0 and 0 < gamma < (3.20) (beta where the radicand is negative: guide §4.6 item 2),
// det Jac_G = prod_p det M_p != 0 for every Hessian eigenvalue in [-L, L], so INNA's map G is a local
// diffeomorphism. Certified by interval subdivision over two boxes of (alpha, beta, L).
#pragma once

#include <functional>
#include <string>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_ch3 {

struct IntervalBound {
  std::string name;
  // An enclosure of the step bound over the parameter piece.
  std::function<interval(const interval& alpha, const interval& beta, const interval& L)> value;
  // True when the bound is min(gamma_-(L), beta) where gamma_-(L) exists and beta elsewhere: then
  // det(gamma, +L) > 0 for gamma < bound by the quadratic formula (gamma_-(L) is its smaller root), and
  // only the lambda = -L end needs a computation.
  bool min_of_root_and_beta = false;
};

IntervalBound thesis_bound_3_20();  // (3.20) with the fallback beta (radicand < 0)

Finding check_theorem_3_12(const IntervalBound& bound, const RunContext& ctx);
Claim theorem_3_12_claim();

}  // namespace ov::claims::castera_ch3
