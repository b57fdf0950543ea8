// Critical points of a smooth function (function.hpp) and their classification.
//
// Search (find_critical_point), in two stages:
//  1. double: Levenberg-Marquardt on phi(x) = 1/2 ||grad f(x)||^2. The Gauss-Newton
//     model of phi has Jacobian H = Hess f, so the step solves
//     (H^2 + mu I) d = -H g; mu is divided by 3 after a step that lowers phi and
//     multiplied by 4 after one that does not. phi has a zero at EVERY critical
//     point, so the search reaches saddles and maxima as well as minima
//     (guide C7: "locate critical points (e.g. by minimising ||grad f||^2)").
//  2. mp100: Newton's method on grad f = 0 (d = -H^{-1} g, computed from
//     H^2 d = -H g; when H^2 is numerically singular the Levenberg-Marquardt step
//     with mu = ||g||^2, Yamashita-Fukushima 2001 [EXT]), with backtracking on
//     ||g||, until ||g||_2 <= gradient_tolerance (1e-60) or newton_max_iterations
//     (then status iteration_limit: flagged, never a silent success); a point
//     whose next Newton step is not small (> step_tolerance) is rejected as
//     no_root: a tiny gradient on an asymptote (e^t) is not a critical point.
//
// Classification (classify): the inertia of Hess f at the point,
//  - exact, when the function has a rational copy and the point rounds (continued
//    fractions, denominators <= max_denominator) to a rational q with
//    grad f(q) == 0 EXACTLY: ov::inertia over the rationals (Sylvester);
//  - otherwise in mp100 with the zero tolerance
//        tau = zero_tolerance_factor * n * max(1, ||H||_2) * sqrt(max(||g||, 1e-90)).
//    Why sqrt(||g||): if along a degenerate direction grad f grows like c t^m
//    (m >= 2) then ||g|| = eps puts the point at t ~ (eps/c)^(1/m) and the
//    Hessian eigenvalue there is m c t^(m-1) ~ m c^(1/m) eps^((m-1)/m) <=
//    m c^(1/m) sqrt(eps); at a nondegenerate point the eigenvalues move by only
//    O(eps) (Weyl). 1e-90: the floor set by mp100 rounding of the Hessian entries.
//  A zero eigenvalue makes the point "degenerate" (its inertia is still reported).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "analysis/numeric/inertia.hpp"
#include "nets/landscape/function.hpp"

namespace ov::nets::landscape {

enum class PointClass { minimum, saddle, maximum, degenerate };
const char* to_string(PointClass c);

enum class SearchStatus {
  converged,        // ||grad f||_2 <= gradient_tolerance in mp100
  iteration_limit,  // newton_max_iterations reached first
  stagnated,        // no step (even halved 60 times) lowers ||grad f||: not a critical point
  not_finite,       // the gradient is NaN/inf at the start
  no_root,          // ||grad f|| is below the tolerance but the Newton step is not below
                    // step_tolerance: an asymptote (e^t as t -> -inf), not a critical point
};
const char* to_string(SearchStatus s);

struct SearchOptions {
  int lm_max_iterations = 200;
  double lm_gradient_tolerance = 1e-8;  // hand over to mp100 once ||g|| is below this
  double lm_initial_mu = 1e-3;
  int newton_max_iterations = 200;      // bounded: x^4 needs ~160 (linear rate 2/3)
  mp100 gradient_tolerance{"1e-60"};
  // At a root of multiplicity m the Newton step is ~ |x - x*| / m <= (eps/c)^(1/m)
  // (<= 1e-15 for m <= 4 at eps = 1e-60); relative to max(1, ||x||_inf).
  double step_tolerance = 1e-12;
  bool try_exact = true;                // exact rational inertia where possible
  std::int64_t max_denominator = 1000000;
  double zero_tolerance_factor = 1e3;

  // Throws std::invalid_argument naming the offending option and its valid range.
  void validate() const;
};

struct Classification {
  Inertia inertia;
  PointClass kind = PointClass::degenerate;
  int index = 0;              // number of negative eigenvalues
  bool exact = false;         // inertia computed in rational arithmetic at an exact critical point
  mp100 zero_tolerance = 0;   // tau (0 when exact)
  mp100 min_abs_eigenvalue = 0;     // smallest |lambda| (mp100; also when exact)
  std::string label;          // "minimum", "saddle (index 1)", "maximum", "degenerate (+1 -0 0:1)"
  std::optional<Vec<rational>> exact_point;  // the rational critical point, when exact
};

struct CriticalPointResult {
  Vec<double> start;
  Vec<double> lm_point;
  int lm_iterations = 0;
  double lm_gradient_norm = 0;
  Vec<mp100> x;               // the refined point
  mp100 value = 0;
  mp100 gradient_norm = 0;    // ||grad f(x)||_2 in mp100 (0 when the exact check passed)
  int newton_iterations = 0;
  mp100 final_step = 0;       // ||Newton step||_inf at the final point (the root-distance estimate)
  SearchStatus status = SearchStatus::stagnated;
  bool converged() const { return status == SearchStatus::converged; }
  std::optional<Classification> classification;  // set when converged
};

// Throws std::invalid_argument when `start` has the wrong size or a non-finite entry.
CriticalPointResult find_critical_point(const Landscape& f, const Vec<double>& start,
                                        const SearchOptions& options = {});

// Stage 2 alone: Newton refinement in mp100 from x0.
CriticalPointResult refine(const Landscape& f, const Vec<mp100>& x0, const SearchOptions& options = {});

// Inertia and class at x (gradient_norm: ||grad f(x)|| as measured, sets tau).
Classification classify(const Landscape& f, const Vec<mp100>& x, const mp100& gradient_norm,
                        const SearchOptions& options = {});

// The closest rational with denominator <= max_denominator (continued-fraction
// convergents) if it is within `closeness` of x, else nullopt.
std::optional<rational> rationalize(const mp100& x, std::int64_t max_denominator, const mp100& closeness);

// Consistency of the three callbacks in mp100 by central differences with
// h = 1e-30 (truncation O(h^2) = 1e-60, rounding 1e-100/h = 1e-70): the largest
// error of the gradient against the value's differences and of the Hessian
// against the gradient's, each relative to max(1, the larger norm).
struct DerivativeCheck {
  double gradient_error = 0;
  double hessian_error = 0;
  int worst_gradient_component = -1;
  int worst_hessian_column = -1;
};
DerivativeCheck check_derivatives(const SmoothFunction<mp100>& f, const Vec<mp100>& x);

// Thrown by the multi-start driver when check_derivatives exceeds its tolerance.
class inconsistent_derivatives : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

}  // namespace ov::nets::landscape
