// Claims on L-smooth functions and fixed-step gradient descent in 003 Ch. 4 (Fleischmann):
//
//  fleischmann.descent-lemma        Lemma 4.2, (4.10) (L636-L642): f(t) <= f(tb) + g(tb)'(t - tb) + (L/2)|t - tb|^2.
//  fleischmann.gd-fixed-step-2-over-l  Theorem 4.3 with (4.11)-(4.13) (L646-L670): per-step decrease, the summed
//                                   gradient bound for every K, and (guide [DERIVED]) the sharpness of 2/L.
//  fleischmann.rayleigh-criterion   (4.27)-(4.28) (L946-L960): on a quadratic a GD step decreases f iff
//                                   2/alpha > R(H; g) = g'Hg/|g|^2.
//
// Each check is a function of the constant or step it tests, so that the tests can pass the false
// variant (L/4 instead of L/2; alpha > 2/L; the factor 2 dropped) and expect `refuted`.
#pragma once

#include <vector>

#include "analysis/numeric/scalars.hpp"
#include "proofs-checks/claim.hpp"

namespace ov::claims::fgd {

// (4.10) with the coefficient `c` in front of L|t - tb|^2 (the lemma: c = 1/2).
Finding check_descent_lemma(const rational& c, const RunContext& ctx);
Claim descent_lemma_claim();

// Theorem 4.3 run with the steps alpha = s / L for every s in `steps_times_L` (the theorem: s in (0, 2)).
Finding check_gd_fixed_step(const std::vector<rational>& steps_times_L, const RunContext& ctx);
Claim gd_fixed_step_claim();

// (4.28) as sign(f(t - alpha g) - f(t)) = sign(R - k / alpha) (the document: k = 2).
Finding check_rayleigh_criterion(const rational& k, const RunContext& ctx);
Claim rayleigh_criterion_claim();

}  // namespace ov::claims::fgd
