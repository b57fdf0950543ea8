// Claim "castera.din.first-order-equivalence": DIN (2.5) and its first-order form (2.6) are
// equivalent for J in C^2 (002_dc929347c6f8ce02.txt §2.3.1, L1004-L1012).
//
// (a) exact, rational, at seeded points of polynomial problems: along (2.6), theta'' (the
//     derivative of the field's theta-line in the direction of the field, computed exactly by
//     interpolation, see din_common.hpp) satisfies theta'' + alpha theta' + beta Hess J theta' +
//     grad J = 0, and psi = -beta theta' - beta^2 grad J - (alpha beta - 1) theta (the change of
//     variables of L1012) holds;
// (b) trajectories, mp50: (2.6) from (theta_0, psi_0(theta_0, theta'_0)) and (2.5) as the system
//     (theta, theta') integrated by Dormand-Prince 5(4) give the same theta(t), and psi(t) is the
//     change of variables of the (2.5) solution, to within 1e4 x the integrators' tolerance.
#pragma once

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

Finding check_din_equivalence(const DinField& field, const RunContext& ctx);
Claim din_equivalence_claim();

}  // namespace ov::claims::castera_dyn
