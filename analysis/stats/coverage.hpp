// Exact coverage probability of a binomial confidence-interval rule:
//   C(n, p) = sum_{k=0}^{n} Binom(k; n, p) 1[lo(k) <= p <= hi(k)],
// summed term by term (no simulation). Used to check that Clopper-Pearson never
// covers less than 1 - a and that Wilson covers about 1 - a on average.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "analysis/stats/binomial_interval.hpp"

namespace ov::stats {

// rule(k, n) -> interval for k successes of n.
using IntervalRule = std::function<ProportionInterval(std::uint64_t k, std::uint64_t n)>;

// n >= 1, p in [0, 1]. Binomial probabilities by Boost.Math (relative error of a
// few ulps each), so C is exact up to ~1e-13 absolute for n <= 10^4.
double coverage_probability(const IntervalRule& rule, std::uint64_t n, double p);

struct CoverageSummary {
  double min = 1, mean = 0;
  std::uint64_t min_n = 0;  // where the minimum is
  double min_p = 0;
  std::size_t cases = 0;
};

// Coverage at every (n, p) pair of the grid ns x ps.
CoverageSummary coverage_over_grid(const IntervalRule& rule, const std::vector<std::uint64_t>& ns,
                                   const std::vector<double>& ps);

}  // namespace ov::stats
