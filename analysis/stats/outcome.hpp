// Outcome of one optimizer run on a problem of the library: converged to which
// known critical point, diverged, or undecided (docs/statistics.md).
//
// Rules, in this order, on the final iterate x and ||grad f(x)|| (both rounded to
// double: the radii below are far above double's resolution):
//  1. diverged   if a coordinate of x or ||grad f(x)|| is not finite, or
//                ||x||_2 > divergence_norm;
//  2. converged to point c  if c is the known critical point nearest to x,
//                ||x - c||_2 <= radius and ||grad f(x)||_2 <= gradient_tolerance;
//  3. undecided  otherwise (e.g. still moving, near an unlisted critical point,
//                or the budget was too small).
#pragma once

#include <string>
#include <vector>

#include "analysis/problems/problem_info.hpp"

namespace ov::stats {

struct ClassifyOptions {
  // Distance to a known critical point; 1e-3 is well below the spacing of the
  // critical points of the library's toy problems (>= sqrt(2) on castera_quartic)
  // and well above where a converging run of a few thousand iterations ends.
  double radius = 1e-3;
  // ||grad f|| at the end; with radius 1e-3 a strict minimum with Hessian H has
  // ||grad f|| <= ||H|| 1e-3, so 1e-6 asks for a point well inside the ball.
  double gradient_tolerance = 1e-6;
  // ||x||_2 beyond which a run counts as diverged.
  double divergence_norm = 1e6;
};

// Throws std::invalid_argument naming the option if a value is not finite or not > 0.
void validate(const ClassifyOptions& o);

struct KnownPoint {
  std::string label;         // e.g. "minimum (sqrt(2), 0)"
  problems::PointKind kind;
  std::vector<double> x;     // coordinates rounded to double
};

// The problem's listed critical points (ProblemInfo::critical_points, in that order),
// coordinates through ov::constant<double>.
std::vector<KnownPoint> known_points(const problems::ProblemInfo& info);

// Rejects a radius for which two known points' balls overlap (then "nearest" would
// not say which point a run went to): radius must be < half the smallest distance.
void check_radius_separates(const std::vector<KnownPoint>& points, double radius);

enum class OutcomeKind { converged, diverged, undecided };

struct Outcome {
  OutcomeKind kind = OutcomeKind::undecided;
  int point = -1;        // index into the known points when converged
  std::string label;     // the point's label, "diverged" or "undecided"
  double distance = 0;   // to the nearest known point (NaN if none or diverged)
};

inline constexpr const char* kDivergedLabel = "diverged";
inline constexpr const char* kUndecidedLabel = "undecided";

// The outcome labels in reporting order: every known point, then diverged, undecided.
std::vector<std::string> outcome_labels(const std::vector<KnownPoint>& points);

Outcome classify_outcome(const std::vector<KnownPoint>& points, const std::vector<double>& x, double grad_norm,
                         const ClassifyOptions& options = {});

}  // namespace ov::stats
