// Multi-start critical-point search: seeded uniform starts in a box, one
// find_critical_point per start, deduplication of the converged points in mp100
// and their classification by Hessian inertia (critical_point.hpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "nets/landscape/critical_point.hpp"

namespace ov::problems {
class Problem;
}

namespace ov::nets::landscape {

struct MultiStartOptions {
  int num_starts = 50;
  std::uint64_t seed = 1;
  // Start i, coordinate j: box_lo[j] + u * (box_hi[j] - box_lo[j]) with u the next
  // ov::optim::SplitMix64(seed).uniform() (53-bit, [0, 1)); coordinates in order.
  std::vector<double> box_lo, box_hi;
  // Two converged points are the same when ||x - y||_inf <= dedup_tolerance *
  // max(1, ||y||_inf) (mp100). 1e-12: far above the error of a refined point
  // (<= 1e-15 even for a degenerate root of order 4 at ||g|| = 1e-60, since the
  // error there is (eps/c)^(1/m)) and far below the spacing of distinct points.
  double dedup_tolerance = 1e-12;
  SearchOptions search;
  // check_derivatives at the first `derivative_checks` starts; an error above
  // derivative_tolerance throws inconsistent_derivatives (naming the part).
  int derivative_checks = 3;
  double derivative_tolerance = 1e-20;

  void validate(int dim) const;  // std::invalid_argument naming the option
};

struct FoundPoint {
  Vec<mp100> x;
  mp100 value = 0;
  mp100 gradient_norm = 0;
  int newton_iterations = 0;
  Classification classification;
  int hits = 0;         // starts that converged to it
  int first_start = 0;  // index of the first of them
};

struct LandscapeReport {
  std::string function;
  int dim = 0;
  MultiStartOptions options;
  std::vector<FoundPoint> points;            // sorted by value, then coordinates
  int converged_starts = 0;
  std::map<std::string, int> failed_starts;  // status name -> count (iteration_limit, stagnated, ...)
  double max_gradient_error = 0, max_hessian_error = 0;  // from the derivative checks

  int count(PointClass k) const;
  int count_index(int index) const;  // non-degenerate points with that many negative eigenvalues
};

LandscapeReport multistart(const Landscape& f, const MultiStartOptions& options);
// Uses the problem's sampling box (ProblemInfo box_lo/box_hi) when options has none.
LandscapeReport multistart(const problems::Problem& problem, MultiStartOptions options);

}  // namespace ov::nets::landscape
