// Claim "castera.din.steady-states": the steady states of (2.12)/(2.6) are
// S = {(theta, psi) : grad J(theta) = 0, psi = (1 - alpha beta) theta} (2.16), L1185-L1189
// (for smooth J, 0 in DJ(theta) reads grad J(theta) = 0).
//
// Exact in rational on polynomial problems: (i) two identities of the field at seeded
// points, psi' = -(psi - (1 - alpha beta) theta)/beta and theta' - psi' = -beta grad J(theta), which
// make "F(z) = 0 iff z in S" a two-line argument; (ii) F vanishes at (theta*, psi*(theta*)) for the
// problems' rational critical points, and a step of optim::Inna<rational> from there changes
// nothing (status stationary); (iii) moving psi off psi* or theta off theta* gives F != 0.
// The steady-state formula psi*(theta, alpha, beta) is an ingredient (the tests pass a false one).
#pragma once

#include <functional>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

using PsiStar = std::function<rational(const rational& theta, const rational& alpha, const rational& beta)>;
PsiStar thesis_psi_star();  // (1 - alpha beta) theta

Finding check_steady_states(const DinField& field, const PsiStar& psi_star, const RunContext& ctx);
Claim steady_states_claim();

}  // namespace ov::claims::castera_dyn
