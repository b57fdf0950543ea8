// Confidence intervals for a binomial proportion: k successes in n independent
// trials, two-sided, at confidence level 1 - a (docs/statistics.md).
//
//  - Wilson score interval (Wilson 1927, JASA 22:209-212): the set of p with
//    (k/n - p)^2 <= z^2 p (1 - p) / n, z = Phi^{-1}(1 - a/2); closed form
//      centre = (k + z^2/2) / (n + z^2),
//      half   = z / (n + z^2) * sqrt(k (n - k) / n + z^2 / 4).
//  - Clopper-Pearson "exact" interval (Clopper & Pearson 1934, Biometrika 26:404-413):
//      lo = 0 if k = 0, else the a/2 quantile of Beta(k, n - k + 1),
//      hi = 1 if k = n, else the 1 - a/2 quantile of Beta(k + 1, n - k),
//    i.e. P(X >= k | lo) = a/2 and P(X <= k | hi) = a/2 for X ~ Binom(n, p).
//
// Both are computed in double with Boost.Math (relative accuracy of a few ulps);
// the tests compare them with mp100 solutions of the defining equations.
#pragma once

#include <cstdint>

namespace ov::stats {

struct ProportionInterval {
  double lo = 0;
  double hi = 1;
};

// z = Phi^{-1}(1 - a/2) for confidence = 1 - a in (0, 1).
double two_sided_normal_quantile(double confidence);

// n >= 1, 0 <= k <= n, confidence in (0, 1); otherwise std::invalid_argument
// naming the argument, its value and its valid range.
ProportionInterval wilson_interval(std::uint64_t k, std::uint64_t n, double confidence = 0.95);
ProportionInterval clopper_pearson_interval(std::uint64_t k, std::uint64_t n, double confidence = 0.95);

// The checks above, for callers that build their own intervals (the coverage tests).
void validate_binomial_arguments(std::uint64_t k, std::uint64_t n, double confidence);

}  // namespace ov::stats
