// The Lipschitz constant L of grad f on a box B = [lo, hi] (Assumption 3.2 of 002 asks
// for a global one; on a convex box, L_B = sup_{x in B} ||Hess f(x)||_2 by the mean
// value theorem, since the segment between two points of B stays in B).
//
//   sampled_lipschitz     max over seeded uniform samples of ||Hess f(x)||_2 (mp50
//                         symmetric eigenvalues): a LOWER bound on L_B (observed).
//   power_iteration       ||H v_k|| for v_{k+1} = H v_k / ||H v_k|| through
//                         Hessian-vector products at one point: a lower bound on
//                         ||Hess f(x)||_2 that converges to it (observed).
//   certified_lower_at    ||H v|| / ||v|| evaluated in MPFI with the interval Hessian at
//                         x: a CERTIFIED lower bound on ||Hess f(x)||_2 <= L_B.
//   certified_lipschitz   branch and bound over sub-boxes: the interval Hessian on a box
//                         (natural interval extension, nested Jets over MPFI) encloses
//                         Hess f(x) for every x in it (inclusion property); for each x,
//                         Hess f(x) is symmetric, so ||Hess f(x)||_2 = rho <= ||.||_inf
//                         <= max row sum of the entry magnitudes, and also <= the
//                         Frobenius norm of the magnitudes; the smaller is taken, outward
//                         rounded. The box with the largest bound is bisected along its
//                         widest side until max_depth or max_boxes; the certified upper
//                         bound is the largest bound among the final boxes (they cover B).
// The problem versions evaluate in a forked child (isolation.hpp), so a formula that
// branches on an ambiguous interval comparison yields "not certified", not an abort;
// they also refuse problems below C2 (no Hessian everywhere).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/predicates.hpp"
#include "analysis/numeric/scalars.hpp"

namespace ov::problems {
class Problem;
}

namespace ov::spectra {

using HessianFn = std::function<Mat<mp50>(const Vec<mp50>&)>;
using HvpFn = std::function<Vec<mp50>(const Vec<mp50>&)>;          // v -> H v at a fixed point
using IntervalHessianFn = std::function<Mat<interval>(const Vec<interval>&)>;

struct LipschitzLower {
  mp50 value;
  std::vector<double> argmax;
  int samples = 0;
  std::uint64_t seed = 0;
};
LipschitzLower sampled_lipschitz(const HessianFn& hess, const std::vector<double>& lo, const std::vector<double>& hi,
                                 int samples, std::uint64_t seed);

struct PowerEstimate {
  mp50 value;          // ||H v|| for the last unit v
  Vec<mp50> vector;    // the last unit v
  int iterations = 0;
  bool converged = false;  // relative change below tol
};
PowerEstimate power_iteration(const HvpFn& hvp, int n, int max_iterations, const mp50& tol, std::uint64_t seed);

// ||H v|| / ||v|| in MPFI (lower end): a certified lower bound on ||H||_2 for every H in
// the interval matrix.
interval certified_lower_at(const Mat<interval>& H, const Vec<mp50>& v);

struct LipschitzUpper {
  bool certified = false;
  interval upper;      // [u, u]: L_B <= u
  long boxes = 0;      // interval Hessians evaluated
  int depth = 0;       // deepest bisection reached
  std::string norm = "min(max row sum, Frobenius) of the entry magnitudes";
  std::string reason;  // why not certified
};
struct BoxOptions {
  int max_depth = 12;
  long max_boxes = 256;
};
LipschitzUpper certified_lipschitz(const IntervalHessianFn& hess, const std::vector<double>& lo,
                                   const std::vector<double>& hi, const BoxOptions& o = {});

// A claimed constant L on the box against the bounds: yes (certified) when L >= the
// certified upper bound; no (certified) when a certified lower bound exceeds L;
// undecided otherwise. Also reports an inconsistent pair (certified upper < certified
// lower), which means a defective Hessian or enclosure, as std::logic_error.
Tribool check_lipschitz_claim(const rational& claimed, const LipschitzUpper& upper, const interval& certified_lower);

// Problem versions (Hessians from the problem's evaluators; the interval ones by
// nested-Jet autodiff over MPFI, in a forked child).
LipschitzLower sampled_lipschitz(const problems::Problem& p, const std::vector<double>& lo,
                                 const std::vector<double>& hi, int samples, std::uint64_t seed);
PowerEstimate power_iteration(const problems::Problem& p, const Vec<mp50>& x, int max_iterations, std::uint64_t seed);
LipschitzUpper certified_lipschitz(const problems::Problem& p, const std::vector<double>& lo,
                                   const std::vector<double>& hi, const BoxOptions& o = {});
// certified_lower_at with the problem's interval Hessian at x (forked); nullopt-like
// failure is reported as an empty interval [nan, nan] with `reason` set.
interval certified_lower_at(const problems::Problem& p, const std::vector<std::string>& x, const Vec<mp50>& v,
                            std::string* reason);

}  // namespace ov::spectra
