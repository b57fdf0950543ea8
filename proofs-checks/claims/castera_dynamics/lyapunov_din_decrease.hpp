// Claim "castera.lyapunov.decrease-along-din": Lemma 2.6 (L1234-L1236): for (theta_0, psi_0) not in S,
// E(theta(t), psi(t)) < E(theta_0, psi_0) for t > 0, E non-increasing (Definition 2.3, L1191-L1196).
// Measured along trajectories of (2.6) integrated in mp50 (Dormand-Prince 5(4), tolerance 1e-16;
// quick 1e-12) on castera_quartic, himmelblau, rosenbrock from seeded starts with the thesis's initial
// velocity -grad J(theta_0) (L1481) and (alpha, beta) from the thesis's settings: E at 51 times in [0, 4]
// must not increase by more than 1e4 x tolerance x (1 + |E|), and E(4) < E(0).
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

Finding check_din_energy_decrease(const DinField& field, const RunContext& ctx);
Claim din_energy_decrease_claim();

}  // namespace ov::claims::castera_dyn
