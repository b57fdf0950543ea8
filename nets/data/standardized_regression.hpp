// A standardized regression set in the shape of 003 §5.2 (003_61d556b637c4f269.txt
// L1031): 8 real features, 1 real target, subsamples of n in {100, 1000, 10000}.
// The document samples the California housing data, which is NOT available offline:
// this is a SYNTHETIC STAND-IN with the same shape and the same preprocessing, not
// the housing data.
//
// Population: N = 20640 rows (the housing set's size [EXT]), drawn from the fixed
// seed kRegressionPopulationSeed (the population is fixed, like a real data set):
//   z_1..z_8 ~ N(0,1), u_1, u_2, u_3 ~ U[0,1) (Box-Muller / 53-bit uniforms), per row
//   x1 = exp(0.5 z1)              skewed, positive ("income"-like)
//   x2 = 1 + 51 u1                uniform on [1, 52) ("age"-like)
//   x3 = z2
//   x4 = 0.8 z2 + 0.6 z3          correlated with x3 (correlation 0.8)
//   x5 = exp(z4)                  heavy-tailed ("population"-like)
//   x6 = z5                       irrelevant to the target
//   x7 = 2 u2 - 1, x8 = 2 u3 - 1  uniform on [-1, 1) ("latitude/longitude"-like)
//   y  = x1 + 0.02 x2 + 0.5 sin(pi x7) cos(pi x8) + 0.5 tanh(x3 x4) + 0.1 sqrt(x5)
//        + 0.3 z6
// (a least-squares linear fit explains R^2 = 0.695 of y, near the ~0.6 of a linear
// fit to the housing data [EXT]; the rest is nonlinear structure and noise).
// Standardization ([REPO] StandardScaler fitted on the full data, X and y): every
// column c (8 features and y) becomes (c - mean) / sd with the population mean and
// the population standard deviation sqrt(sum (c - mean)^2 / N) (two passes) of all
// N rows. Subsample: n rows without replacement (partial Fisher-Yates,
// SplitMix64(seed)), in the order drawn; different calls draw independent subsets
// (which may overlap, as in [REPO]).
#pragma once

#include <cstdint>

#include "nets/data/dataset.hpp"

namespace ov::nets::data {

inline constexpr long kRegressionPopulation = 20640;          // California housing rows [EXT]
inline constexpr std::uint64_t kRegressionPopulationSeed = 20640;

// The whole standardized population (N x 8 inputs, N x 1 targets).
// Throws std::invalid_argument unless population >= 2.
Dataset standardized_regression_population(std::uint64_t population_seed = kRegressionPopulationSeed,
                                           long population = kRegressionPopulation);

// n rows of the standardized population, without replacement, drawn by `seed`.
// Throws std::invalid_argument naming n unless 1 <= n <= population.
Dataset standardized_regression(long n, std::uint64_t seed,
                                std::uint64_t population_seed = kRegressionPopulationSeed,
                                long population = kRegressionPopulation);

}  // namespace ov::nets::data
