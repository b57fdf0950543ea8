// Claim "backtracking.ex-2-15-standard-gd-period-two" (000_47ba9189a2c8a171.txt, Section 2.6, Example 2.15,
// L289-L298, Figure 1; slides 001 S-L365-389 "periodic |x| example"): for a smooth f equal to |x| on
// |x| >= eps0 with the unique critical point 0, delta0 > 2 eps0 and eps0 < z0 < delta0 - eps0, Standard GD is
// periodic: z1 = z0 - delta0 < -eps0, z2 = z0; its cluster points z0, z0 - delta0 are not critical.
// Backtracking GD reaches the minimum (Figure 1).
//
// Check, as a function of the start range (the statement's hypothesis z0 < delta0 - eps0 is the ingredient):
// the library's smoothed_abs (Huber form, the guide's C24 choice; the paper gives no formula), seeded
// rational delta0 in (2 eps0, 2 eps0 + 2] and z0 in (eps0, hi(delta0, eps0)); the library's Sgd<rational>
// (lr = delta0) run 6 steps exactly: z_{n+2} = z_n and f'(z_n) != 0 for all n, else refuted (exact). The
// library's BacktrackingGd<double> (alpha = beta = 1/2) from the same z0 must reach |z_N| <= 1e-6
// (numerical evidence; in double progress stops near 1e-9, where z^2/(2 eps0) is below the ulp of f* = eps0/2).
#pragma once

#include <functional>

#include "proofs-checks/claim.hpp"

namespace ov::claims::ex215 {

// Upper end of the start range given delta0 and eps0; the paper's: delta0 - eps0.
using StartBound = std::function<rational(const rational& delta0, const rational& eps0)>;
StartBound paper_start_bound();

Finding check_ex215(const StartBound& hi, const RunContext& ctx);
Claim ex215_claim();

}  // namespace ov::claims::ex215
