// "Is my step size safe for my L, and which modes spiral?" in one computation, for every
// Hessian eigenvalue lambda in [-L, L] at once (Assumption 3.2 of 002: the spectrum of
// every Hessian lies in [-L, L]; 002 Chapter 3). For an iteration map (gd, hb, nag, inna):
//
//   - det Jac != 0 for every lambda in [-L, L], CERTIFIED (determinant_check.hpp; for INNA the
//     hypothesis of Theorem 3.12, local diffeomorphism, hence saddle avoidance, Cor. 3.10);
//   - INNA: the step bound (3.20) of Theorem 3.9 and whether gamma is below it;
//   - the classification of the modes over [-L, L] (closed forms per lambda, mp50) on a
//     uniform grid of `samples` points (OBSERVED, not certified): maximal runs of
//     consecutive grid points with the same (stability, spiral), the slowest contraction
//     at minima (lambda > 0) and whether every saddle direction (lambda < 0) is unstable;
//   - the spiralling modes: lambda in the complex band [x-, x+] of Lemma 3.6 (exact closed
//     form) intersected with [-L, L] (INNA; for hb/nag the observed runs say it).
//
// `safe` = det certified nonzero on [-L, L] and every sampled lambda > 0 stable and (INNA)
// gamma below (3.20). The JSON is documented in docs/spectra.md ("Step safety").
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "analysis/spectra/method.hpp"

namespace ov::spectra {

// Throws std::invalid_argument for DIN (no step: use --lambda), for L not > 0 or
// samples < 3 (naming the argument and its range).
nlohmann::json step_safety(const Parameters& p, const std::string& L, int samples = 2001);

}  // namespace ov::spectra
