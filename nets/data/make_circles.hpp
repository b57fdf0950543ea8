// Two concentric circles, the recipe of scikit-learn's make_circles as 003 §5.1
// uses it (003_61d556b637c4f269.txt L974, Fig. 5.1; [REPO] make_circles(n_samples =
// 10000, shuffle = False, random_state = 1, factor = 0, noise = 0.35), then
// train_test_split(test_size = 0.99) keeps 100 training points; guide §3.2).
// Only the recipe is reproduced, not NumPy's random stream: the points are not
// sklearn's points, they are drawn from the same distribution.
#pragma once

#include <cstdint>

#include "nets/data/dataset.hpp"

namespace ov::nets::data {

// n_out = n_samples / 2 (rounded down) points on the unit circle at the angles
// 2 pi k / n_out, k = 0..n_out-1 (endpoint excluded), label 0; then n_in =
// n_samples - n_out points at the angles 2 pi k / n_in scaled by `factor`, label 1
// (for odd n_samples the inner circle has one point more, as in sklearn); rows in
// that order (sklearn's shuffle = False). Then Gaussian noise of standard deviation
// `noise` is added to every coordinate, drawn row by row (x then y) by Box-Muller
// from SplitMix64(seed); noise = 0 draws nothing.
// Throws std::invalid_argument naming the parameter unless n_samples >= 2,
// 0 <= noise < infinity and 0 <= factor < 1.
Dataset make_circles(long n_samples, double noise, double factor, std::uint64_t seed);

// The §5.1 training set: make_circles(10000, 0.35, 0, seed), then 100 rows drawn
// without replacement (partial Fisher-Yates, stream derive_seed(seed, 1)), in the
// order drawn. With factor 0 the inner "circle" is a noisy blob at the origin.
Dataset circles_training_set(std::uint64_t seed);

inline constexpr long kCirclesPopulation = 10000;  // [REPO] n_samples
inline constexpr double kCirclesNoise = 0.35;      // [REPO] noise
inline constexpr double kCirclesFactor = 0.0;      // [REPO] factor
inline constexpr long kCirclesTraining = 100;      // [DOC] L974: 100 observations

}  // namespace ov::nets::data
