// Claim "backtracking.slides-cubic-oscillation-not-c11" (slides 001_ca0824e53e7404e9.txt, "Main Theorem:
// comments", S-L614-S-L618; guide §5 item 15): f(x, y) = x^3 cos(1/x) + 2 y^3 sin(1/y) is "neither C^{1,1}_L nor
// real analytic" (offered as an application of the Main Theorem). Not in the paper.
//
// Check: along x_k = 1/(2 pi k) (binary64) and x_k + h_k, h_k = x_k^2/8, the difference quotients
// |df/dx(x_k + h_k, y) - df/dx(x_k, y)| / h_k are enclosed in interval arithmetic (the library's interval
// gradient at the exact binary64 points). Their certified lower bounds grow like 2 pi k (f_xx ~ -cos(1/x)/x):
// for each bound L up to the largest certified quotient, grad f is not L-Lipschitz, and an unbounded second
// difference quotient near 0 means f is not C^2 near 0, hence not real analytic.
#pragma once

#include <string>
#include <vector>

#include "proofs-checks/claim.hpp"

namespace ov::claims::cubic_oscillation {

struct OscillationConfig {
  std::string problem = "cubic_oscillation";
  std::vector<int> ks = {1, 10, 100, 1000, 10000, 100000};
  double other = 0.5;      // the other coordinates
  double required = 1e4;   // the certified quotient at the last k must exceed this
};

OscillationConfig oscillation_config(bool quick);

Finding check_not_c11(const OscillationConfig& cfg, const RunContext& ctx);

Claim not_c11_claim();

}  // namespace ov::claims::cubic_oscillation
