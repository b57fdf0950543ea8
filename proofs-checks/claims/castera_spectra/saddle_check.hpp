// Monte-Carlo saddle-avoidance check on the thesis's toy J = theta1^4 - 4 theta1^2 + theta2^2
// (002 §3.4.4, L1969-L1984, Table 3.1), shared by the Table 3.1 claim (INNA, GD: Theorem 3.9,
// Corollary 3.10) and the DIN claim (Theorem 3.2, Corollary 3.3).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "optim/core/optimizer.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_ch3 {

// A rule built fresh for each run; run_seed derives from ctx.seed (for rules with random state).
using SeededRule = std::function<std::unique_ptr<optim::Optimizer<double>>(std::uint64_t run_seed)>;

struct SaddleMethod {
  std::string label;               // "INNA alpha beta < 1 (alpha, beta, gamma) = (1/2, 1, 1/50)"
  SeededRule rule;
  double sigma_plus = 0;           // growth factor per iteration of the unstable mode at (0, 0) (closed form)
  double steps_per_unit = 1;       // iterations per "iteration" of the thesis (1 for maps; 1/h for ODE steps)
  // The thesis's Table 3.1 row (percent to (-sqrt2, 0), (sqrt2, 0), (0, 0), average escape iterations);
  // negative = no row in the thesis.
  double thesis_minus = -1, thesis_plus = -1, thesis_saddle = -1, thesis_escape = -1;
};

struct SaddleSetup {
  int starts = 1000;           // off-manifold starts theta_0 ~ N_2(0, 1e-24)
  int manifold_starts = 100;   // starts (0, theta2), theta2 ~ N(0, 1)
  int iterations = 2000;
  double start_std = 1e-12;    // sqrt(1e-24) (L1984)
  double escape_radius = 0.1;  // escape criterion: first k with ||theta_k|| > escape_radius
  double converged_tol = 1e-6; // ||theta_K - critical point|| below this counts as converged there
};

Finding check_saddle_avoidance(const std::vector<SaddleMethod>& methods, const SaddleSetup& setup,
                               const RunContext& ctx);

// DIN (3.1) integrated by classical RK4 with step h, as a rule (one call = one RK4 step).
// psi_0 = (1 - alpha beta) theta_0 + psi_noise * N(0, I) drawn from run_seed (a non-degenerate
// (theta_0, psi_0), Corollary 3.3); on the manifold (theta_0[0] == 0 exactly) the noise of psi_1 is 0.
SeededRule din_rk4_rule(double alpha, double beta, double h, double psi_noise);

}  // namespace ov::claims::castera_ch3
