// The regression toy of 003 §4.2 (003_61d556b637c4f269.txt L619-L621): 100 random
// inputs x in R^2 with y = x1 + x2 + eps, eps ~ N(0, 1). The input law is not in
// the document; [REPO] (the thesis code, guide §3.1) draws x1, x2 ~ U(0, 4) i.i.d.
// (MATLAB 4*rand). MATLAB's random stream is not reproduced, only the recipe.
#pragma once

#include <cstdint>

#include "nets/data/dataset.hpp"

namespace ov::nets::data {

// n x 2 inputs, n x 1 targets. Draw order (one SplitMix64 stream from `seed`):
// the n x 2 inputs row by row (x_i1 = 4 u, x_i2 = 4 u', u uniform on [0, 1) with
// 53 bits, so every input is exact in double and lies in [0, 4)), then the n
// noises eps_i by Box-Muller; y_i = (x_i1 + x_i2) + eps_i.
// Throws std::invalid_argument unless n >= 1.
Dataset regression_toy(long n = 100, std::uint64_t seed = 1);

}  // namespace ov::nets::data
