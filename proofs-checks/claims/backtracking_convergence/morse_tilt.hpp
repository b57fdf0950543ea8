// Claim "backtracking.remark-morse-tilt-genericity": 000_47ba9189a2c8a171.txt §2.1, L121 (slides
// S-L604-S-L610; guide C9): x^3 is not Morse, x^3 + a x is Morse for every a != 0, and g + <a, x> is
// Morse for a outside a null set (Sard), checked on x^3 and on the monkey saddle x^3 - 3 x y^2 (a
// degenerate critical point with zero Hessian) for seeded random tilts a.
#pragma once

#include <array>
#include <vector>

#include "proofs-checks/claim.hpp"

namespace ov::claims::btconv {

struct MorseTiltStudy {
  int samples = 50;                            // seeded tilts per family, numerators on the grid k/1024
  std::vector<double> extra_1d;                // tilts a of x^3 + a x added to the sample (exact dyadics)
  std::vector<std::array<double, 2>> extra_2d;  // tilts of the monkey saddle
};

// For each tilt: all critical points in closed form (x^3 + a x: x = +-sqrt(-a/3) for a < 0, x = 0 for
// a = 0, none for a > 0; monkey saddle: with z = x + i y the gradient condition is 3 z^2 = -(a1 - i a2),
// exactly two critical points for a != 0, one (z = 0) for a = 0), computed in mp50; each is confirmed
// critical (gradient residual <= 1e-40) and its Hessian determinant evaluated from the Hessian in mp50.
// Non-degenerate when |det| > 1e-30 (>= 10 orders above the residual's effect); a determinant that is
// exactly 0 (a = 0: the critical point 0 is exact) refutes.
Finding check_morse_tilts(const MorseTiltStudy& study, const RunContext& ctx);

Claim morse_tilt_claim();

}  // namespace ov::claims::btconv
