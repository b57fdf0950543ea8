// Claim "backtracking.ex-2-14-standard-gd-two-cycle" (000_47ba9189a2c8a171.txt, Section 2.6, Example 2.14,
// L267-L287; slides 001 S-L365-389 list the example): on f(x) = |x|^(1+gamma), 0 < gamma < 1 rational,
// Standard GD (2) z_{n+1} = z_n - delta0 f'(z_n) does not converge to 0 from generic starts; it has the
// symmetric 2-cycle +-A, A = (delta0 (1+gamma)/2)^(1/(1-gamma)) (the guide's derived amplitude, C23), and
// Backtracking GD converges to 0 on the same function (L287).
//
// Check, as a function of the amplitude formula A = (c delta0 (1+gamma))^(1/(1-gamma)) (paper/guide: c = 1/2):
//  1. cycle, exact: for gamma = p/q and delta0 = 2 t^(q-p)/(1+gamma) (t rational) the point t^q satisfies
//     G(t^q) = t^q - delta0 (1+gamma) t^p = -t^q in rational arithmetic; the formula's interval enclosure
//     must contain t^q (it excludes it for a wrong c: refuted, certified);
//  2. cycle, interval: for seeded delta0, the library's interval evaluator gives an enclosure of G(A) + A,
//     which must contain 0 (0 excluded: refuted, certified);
//  3. non-convergence (double): the library's Sgd<double> (lr = delta0) from seeded starts z0 in [-2, 2]; the
//     tail must stay on the cycle (| |z_n| - A | <= 1e-10 A, alternating signs); |z_N| < A/100 would refute;
//  4. Backtracking GD (the library's BacktrackingGd<double>, alpha = beta = 1/2) from the same starts must
//     reach |z_N| <= 1e-20 (not reaching it: refuted; numerical evidence).
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::ex214 {

// amplitude_factor: c in A = (c delta0 (1+gamma))^(1/(1-gamma)); the paper's cycle has c = 1/2.
Finding check_ex214(const rational& amplitude_factor, const RunContext& ctx);
Claim ex214_claim();

}  // namespace ov::claims::ex214
