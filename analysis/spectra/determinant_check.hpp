// Certified answer to "is det Jac != 0 for every Hessian eigenvalue lambda in [lo, hi]"
// (the hypothesis of Theorem 3.12 of 002: det Jac_G = prod_p det M_p (3.39), and under
// Assumption 3.2 every lambda_p lies in [-L, L]; det Jac_G != 0 everywhere makes the
// INNA map G a local diffeomorphism by the inverse function theorem).
//
// Two independent routes:
//
// 1. Interval subdivision (any continuous det given as a natural interval extension):
//    cover [lo, hi] by pieces X_i (exact rational endpoints, each enclosed outward in
//    MPFI) and evaluate D_i = det(X_i) in interval arithmetic. THEOREM (inclusion
//    property of interval arithmetic, Moore): for an expression built from + - * / sqrt,
//    evaluating it with outward rounding on X encloses { det(l) : l in X }. Hence
//      - 0 not in D_i for every i  =>  det(l) != 0 for every l in [lo, hi]   (verdict yes);
//      - D_i certainly > 0 and D_j certainly < 0  =>  det has a zero between them by the
//        intermediate value theorem (det is continuous)                     (verdict no);
//      - an exact rational point with det = 0 (the rational evaluator)      (verdict no).
//    Pieces whose enclosure contains 0 are bisected up to max_depth; what is left is
//    `undecided` (never reported as yes or no).
// 2. Exact (rational parameters only): det is AFFINE in lambda for every method of
//    method.hpp (closed_determinant: inna 1 - g a + g (g - b) l (3.39), din l (3.8),
//    gd 1 - g l, hb mu, nag mu (1 - g l)), and an affine function has no zero on
//    [lo, hi] iff its values at lo and hi are nonzero and of the same sign. Both values
//    are computed exactly in GMP rationals, so this route always decides; a "no" comes
//    with the exact zero.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/spectra/method.hpp"

namespace ov::spectra {

struct NonsingularVerdict {
  Tribool holds = Tribool::undecided;  // yes / no are proofs; undecided otherwise
  std::string route;                   // "interval-subdivision" or "exact-rational"
  std::string argument;                // the theorem that turns the computation into the verdict
  std::optional<std::string> witness;  // for `no`: where a zero is (exact lambda or a bracket)
  long pieces = 0;                     // interval pieces evaluated (route 1)
  long undecided_pieces = 0;           // pieces left containing 0 at max_depth (route 1)
};

struct SubdivisionOptions {
  int initial_pieces = 64;  // uniform pieces before bisection
  int max_depth = 20;       // bisections of one piece
  long max_pieces = 20000;  // total evaluations (bounds the cost)
};

// Route 1. det_interval: interval -> interval (required). det_exact: rational ->
// rational (optional: empty when the parameters are not rational).
NonsingularVerdict certify_nonzero_by_subdivision(const std::function<interval(const interval&)>& det_interval,
                                                  const std::function<rational(const rational&)>& det_exact,
                                                  const rational& lo, const rational& hi,
                                                  const SubdivisionOptions& o = {});

// Route 2 for an affine det (exact values at both ends decide).
NonsingularVerdict certify_nonzero_affine(const std::function<rational(const rational&)>& det_exact,
                                          const rational& lo, const rational& hi);

// Both routes for a method's closed-form determinant on lambda in [-L, L]. The exact
// route runs when the parameters and L are rational; the result is the exact verdict
// when available (and the two routes must agree when both decide, else std::logic_error),
// the interval verdict otherwise.
struct NonsingularReport {
  NonsingularVerdict verdict;                  // the one reported
  NonsingularVerdict interval_route;           // always run
  std::optional<NonsingularVerdict> exact_route;
};
NonsingularReport certify_nonsingular(const Parameters& p, const std::string& L, const SubdivisionOptions& o = {});

}  // namespace ov::spectra
