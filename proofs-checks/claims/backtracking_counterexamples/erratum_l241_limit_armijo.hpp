// Claim "backtracking.erratum-l241-limit-armijo-square" (erratum; 000_47ba9189a2c8a171.txt, Section 2.5, L241):
// "if z_n converges to z_inf, and delta0 >= delta_n > 0 are positive real numbers so that
// f(z_n - delta_n grad f(z_n)) - f(z_n) <= -alpha delta_n ||grad f(z_n)||^2 for all n, then
// f(z_inf - delta_inf grad f(z_inf)) - f(z_inf) <= -alpha delta_inf ||grad f(z_inf)|| for
// delta_inf = limsup delta_n". The conclusion lacks the square (guide errata item 7): false whenever
// ||grad f(z_inf)|| < 1 is not critical. The hypotheses as printed do not tie z_n to the GD recursion, so a
// constant sequence z_n = z, delta_n = delta (Armijo (7) at z) satisfies them.
//
// Check, as a function of the exponent p of ||grad f(z_inf)|| in the conclusion (printed: 1; corrected: 2):
// seeded rational z near the minimiser of the library's castera_quadratic, nesterov_example and square;
// delta = delta(f, 1, z) (Backtracking, alpha = beta = 1/2, exact); the conclusion compared exactly (for
// p = 1 by squaring both sides of -slack >= alpha delta ||g||). For a GD orbit with delta_inf > 0 the limit
// is critical and both sides vanish, which is why the missing square is harmless in the paper's use.
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::erratum_l241 {

Finding check_l241(int exponent, const RunContext& ctx);
Claim l241_claim();

}  // namespace ov::claims::erratum_l241
