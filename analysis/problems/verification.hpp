// Verification of a problem's implementation against its metadata: the engine
// behind `optverify problems check`. Reference precision: mp100 (MPFR, 100
// decimal digits, eps100 ~ 1e-99); docs/problems.md lists every check with its
// tolerance. Each building block returns CheckItems so that property tests can
// call them point by point; verify_problem runs them all on seeded samples.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analysis/numeric/inertia.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/problems/problem.hpp"

namespace ov::problems {

struct CheckOptions {
  int samples = 8;         // random points of the sampling box (and of the local-Lipschitz ball)
  std::uint64_t seed = 1;  // SplitMix64 seed: same seed, same points, same report
};

enum class CheckStatus { pass, fail, skipped };
const char* to_string(CheckStatus);

struct CheckItem {
  std::string name;
  CheckStatus status = CheckStatus::skipped;
  std::string detail;
  double measured = 0;   // the observed quantity (error, norm, ...); 0 when not applicable
  double tolerance = 0;  // the bound it is compared with
};

struct ProblemCheckReport {
  std::string problem;
  std::vector<CheckItem> items;
  double seconds = 0;
  bool passed() const;  // no item failed (skipped items do not fail a problem)
};

// Runs every check below. Never throws for a problem's own errors: an exception
// inside a check becomes a failed item naming it.
ProblemCheckReport verify_problem(const Problem& p, const CheckOptions& o);

// ---- building blocks ------------------------------------------------------

// `count` points of the problem's sampling box, from SplitMix64 seeded with
// `seed` mixed with the problem name (double coordinates: exact in every wider
// scalar). Throws std::invalid_argument on a malformed box.
std::vector<std::vector<double>> sample_points(const ProblemInfo& info, int count, std::uint64_t seed);

// Box sizes = dim, lo < hi, citation/title/formula non-empty, every coordinate
// list of length dim and parseable, f*, L, mu parseable, L > 0, rational_exact
// consistent with the registry's rational evaluator.
CheckItem check_metadata(const Problem& p);

// At x: "gradient: analytic vs autodiff" (only when the problem has an analytic
// gradient: exact in rational for rational_exact problems, else mp100 to
// eps100^(3/4) (1 + |f| + |g|_inf)) and "gradient: finite differences" (the
// evaluator's gradient vs mp100 central differences, fd::check_gradient).
std::vector<CheckItem> check_gradient_at(const Problem& p, const std::vector<double>& x);
// At x: "hessian: analytic vs autodiff" (analytic Hessians only; same
// tolerances) and "hessian: finite differences of the gradient".
std::vector<CheckItem> check_hessian_at(const Problem& p, const std::vector<double>& x);
// At x: value in float, double, float128, mp50 (and rational, interval) vs
// mp100 at the same (rounded) input, within 2^10 eps_T max(1, |f|, sum_i |x_i g_i|).
CheckItem check_precision_at(const Problem& p, const std::vector<double>& x);

// A listed critical point, Newton-refined in mp100 when cp.exact == false.
struct RefinedPoint {
  Vec<mp100> x;
  int newton_steps = 0;
  // |H^{-1} grad f|_inf at the returned x (the next Newton step): the estimated
  // distance to the root; 0 for exact points.
  double accuracy = 0;
  std::string detail;
};
RefinedPoint refine_critical_point(const Problem& p, const CriticalPoint& cp);

// Whether an inertia is consistent with a point kind (necessary condition only
// for the degenerate kinds). `nonsmooth` matches nothing (no Hessian).
bool inertia_matches(PointKind kind, const Inertia& in);

// Critical point `index` of the metadata: "... stationarity" (|grad f|_inf <
// 1e-40 in mp100) and "... inertia" (exact rational inertia when the problem is
// rational_exact and the point exact and rational; else mp100 eigenvalues,
// zero when |lambda| <= max(eps100^(3/4), 1e3 accuracy) max(1, |H|_2)).
std::vector<CheckItem> check_critical_point(const Problem& p, std::size_t index);

// f* equals the least value at the listed critical points (within the point's
// accuracy) and no sampled value lies below f*.
CheckItem check_f_star(const Problem& p, const std::vector<std::vector<double>>& samples);

// The stated global L >= max sampled |Hess f(x)|_2 (samples, box centre, listed
// critical points inside the box); measured = that max, tolerance = L.
CheckItem check_global_lipschitz(const Problem& p, const std::vector<std::vector<double>>& samples);
// The stated local L on its ball >= max |Hess f|_2 at `count` seeded ball points and the centre.
CheckItem check_local_lipschitz(const Problem& p, int count, std::uint64_t seed);

// Finite sums: value and gradient = mean of the sample values / gradients.
CheckItem check_finite_sum_at(const Problem& p, const std::vector<double>& x);

}  // namespace ov::problems
