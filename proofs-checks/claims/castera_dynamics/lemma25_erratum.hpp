// Claim "castera.lyapunov.lemma-2-5-signs" (erratum): Lemma 2.5 (L1204-L1206) states that along
// (2.12) (theta' - psi')/beta is in DJ(theta) and
//   dE_min/dt = -||sqrt(alpha) theta' - (1/sqrt(beta)) (psi' - theta')||^2,
//   dE_max/dt = -||sqrt(alpha) theta' + (1/sqrt(beta)) (psi' - theta')||^2
// ((2.20) in the proof, L1226, says the same with (theta' - psi')). Subtracting the two lines of
// (2.6) gives theta' - psi' = -beta grad J, so the element of DJ is (psi' - theta')/beta, and with it
// the proof's own algebra gives the two formulas exchanged:
//   dE_min/dt = -||sqrt(alpha) theta' + (psi' - theta')/sqrt(beta)||^2, dE_max/dt = -||sqrt(alpha) theta' -
//   (psi' - theta')/sqrt(beta)||^2.
// The sum (2.32) and the decrease of E are unaffected. Smallest counterexample: alpha = beta = 1,
// J = theta^2/2, (theta, psi) = (1, 0): E_min = psi^2/2 has dE_min/dt = psi psi' = 0, the printed
// formula gives -4.
// Check, exact in rational (alpha, beta squares of rationals): at seeded points of polynomial
// problems, dE_min/dt and dE_max/dt by exact interpolation against the formulas of the variant.
#pragma once

#include <string>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

struct Lemma25Variant {
  std::string name;
  int dj_sign;   // the element of DJ is dj_sign (theta' - psi')/beta
  int min_sign;  // dE_min/dt = -||sqrt(a) theta' + min_sign (psi' - theta')/sqrt(b)||^2, E_max with -min_sign
};
Lemma25Variant lemma25_as_printed();  // dj_sign = +1, min_sign = -1
Lemma25Variant lemma25_corrected();   // dj_sign = -1, min_sign = +1

Finding check_lemma25(const Lemma25Variant& v, const RunContext& ctx);
Claim lemma25_erratum_claim();

}  // namespace ov::claims::castera_dyn
