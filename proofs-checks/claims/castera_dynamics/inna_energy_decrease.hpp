// Claim "castera.lyapunov.inna-approximate-decrease": INNA (2.13) is the explicit Euler scheme of
// (2.8)/(2.12) (L1038-L1044), so along full-batch fixed-step INNA the Lyapunov function E of
// Lemma 2.6 decreases up to O(gamma^2) per step:
//   E(z_{k+1}) - E(z_k) <= gamma dE/dt(z_k) + d(gamma) <= d(gamma),  d(gamma) = O(gamma^2),
// with dE/dt(z_k) = -2 alpha ||theta'||^2 - (2/beta)||psi' - theta'||^2 <= 0 (2.32).
// This is a derived expectation (guide seed-002 §5.4 T-LYA-2, [DERIVED]), not a theorem of the
// thesis: it is reported as evidence. Measured in mp50 with optim::InnaFixedStep (both psi_0 conventions:
// the thesis's, L1481, and the public code's (1 - alpha beta) theta_0) on
// castera_quartic and himmelblau over t = k gamma in [0, 1] for gamma = gamma_0 2^-j: the defect
// d(gamma) = max_k |E(z_{k+1}) - E(z_k) - gamma dE/dt(z_k)|, and its order in gamma fitted by
// analysis/rates (log-log least squares over 1/gamma, 95 % t-interval); holds if the interval is
// >= 2 - 0.2 (rates::compare_order), refuted if it lies below.
#pragma once

#include <functional>
#include <vector>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

// Runs `steps` INNA steps from (theta_0, psi_0) and returns z_0, ..., z_steps.
using InnaRun = std::function<std::vector<Vec<mp50>>(const optim::Objective<mp50>& J, const mp50& alpha,
                                                     const mp50& beta, const mp50& gamma, const Vec<mp50>& theta0,
                                                     const Vec<mp50>& psi0, long steps)>;
InnaRun library_inna_run();  // optim::InnaFixedStep<mp50>, state set to (theta_0, psi_0)

Finding check_inna_energy_decrease(const InnaRun& run, const RunContext& ctx);
Claim inna_energy_decrease_claim();

}  // namespace ov::claims::castera_dyn
