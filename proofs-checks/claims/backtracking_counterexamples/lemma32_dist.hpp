// Claim "backtracking.lemma-3-2-dist-lipschitz" (000_47ba9189a2c8a171.txt, Section 3, Lemma 3.2, (11),
// L386-L438): there is C > 0 with dist(x, y) <= C ||x - y|| for all x, y in R^m, where (11)
// dist(x, y) = arccos(|1 + <x, y>| / (sqrt(1 + |x|^2) sqrt(1 + |y|^2))). The proof leaves C = pi/eps0 with
// eps0 unspecified; the guide (C29) proposes C = 1 (sharp: dist(0, t e1)/t = atan(t)/t -> 1).
//
// Check, as a function of C: seeded pairs (m = 1..3, |x| from 1e-3 to 1e3, ||x - y|| from 1e-12 to 2) and
// the pairs (0, 10^-k e1); dist evaluated in mp100 by the arccos-free formula
// dist = atan2(|u x v|, |<u, v>|), u = (1, x), v = (1, y), |u x v|^2 = ||x - y||^2 + sum_{i<j} (x_i y_j - x_j y_i)^2
// (Lagrange's identity: no cancellation). A pair with C ||x - y|| - dist < -margin (margin 1e-90 (C||x-y|| +
// dist), far above mp100 rounding) refutes C. The evidence shows the naive double arccos of (11): it returns
// 0 or a grossly wrong value for nearby points (catastrophic cancellation in 1 - cos), and would "refute" C = 1.
#pragma once

#include "proofs-checks/claim.hpp"

namespace ov::claims::lemma32 {

Finding check_lemma32(const rational& C, const RunContext& ctx);
Claim lemma32_claim();

}  // namespace ov::claims::lemma32
