// Claim "castera.lyapunov.energy-rate-identity": along (2.6), E = 2 (1 + alpha beta) J(theta) +
// ||(alpha - 1/beta) theta + psi/beta||^2 satisfies (2.32)
//   dE/dt = -2 alpha ||theta'||^2 - (2/beta) ||psi' - theta'||^2 = -2 alpha ||beta grad J + w||^2 - 2 beta ||grad J||^2
// (Lemma 2.6 and the proof of Theorem 2.10, L1198-L1236, L1392-L1398), and E = 2 (1 + alpha beta) J on S.
// Exact in rational at seeded points of polynomial problems: <grad E, F(z)> is the derivative of
// E(z + e F(z)) at e = 0, computed exactly by interpolation (E is a polynomial in e), and compared
// with both right-hand sides and with optim::DinSystem::energy_rate.
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

Finding check_energy_rate_identity(const DinField& field, const RunContext& ctx);
Claim energy_rate_identity_claim();

}  // namespace ov::claims::castera_dyn
