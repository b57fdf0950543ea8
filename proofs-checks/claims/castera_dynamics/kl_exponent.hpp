// Claim "castera.kl.abs-power-exponent": L1438: "for the function t -> |t|^c with c > 1, the
// [KL] exponent at t = 0 is a = 1 - 1/c" (in the sense of Lemma 2.7 (2.22):
// rho (1 - a) G(v)^-a dist(0, dG(v)) > 1 near 0), "and thus, the closer c is to 1, the smaller a is".
//
// Check: phi_a(t) = G(t)^-a |G'(t)|; a is a KL exponent at 0 iff inf_{0 < |t| < eps} phi_a > 0, and
// the exponent is the smallest such a. (i) mp50 at t = +-2^-j, j = 1..80, for c in {3/2, 2, 5/2, 3, 4, 6}:
// phi_a(t) for the stated a must not tend to 0 (min over the grid >= phi_a(1/2)/2 ... it is the
// constant c, checked to 1e-40 relative), and phi_{a - 1/10} must tend to 0 (ratio of the last to the
// first value < 1e-6): a is valid and optimal; (ii) exact for integer c: |G'|^c = c^c G^(c-1) at seeded
// rational t (so phi_a = c exactly); (iii) a = 1 - 1/c increases with c. The exponent formula a(c) is an
// ingredient (the tests pass a false one).
#pragma once

#include <functional>

#include "proofs-checks/claim.hpp"
#include "proofs-checks/claims/castera_dynamics/din_common.hpp"

namespace ov::claims::castera_dyn {

using KlExponentFormula = std::function<rational(const rational& c)>;
KlExponentFormula thesis_kl_exponent();  // 1 - 1/c

Finding check_kl_exponent(const KlExponentFormula& a_of_c, const RunContext& ctx);
Claim kl_exponent_claim();

}  // namespace ov::claims::castera_dyn
