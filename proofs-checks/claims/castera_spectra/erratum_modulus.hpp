// Erratum claim "castera.ch3.erratum-l1942-modulus-iff": "the eigenvalues of Jac_G(theta*, psi*) have magnitude less
// than one if and only if (theta*, psi*) in S \ S_<0" (002 L1942). At a critical point with a zero Hessian eigenvalue
// (in S \ S_<0, e.g. Fig. 3.1's 1/2 theta1^2 + 1/2 theta2^2 + theta1 theta2 at 0, L1583) sigma_+ = 1 exactly (the proof
// itself says so at L1904); the corrected statement reads "<= 1" (guide §4.6 item 4).
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::castera_ch3 {

// strict = true: the printed "< 1"; false: the corrected "<= 1".
Finding check_modulus_iff(bool strict, const RunContext& ctx);
Claim erratum_modulus_claim();

}  // namespace ov::claims::castera_ch3
