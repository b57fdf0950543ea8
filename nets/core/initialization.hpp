// Seeded initial parameter vectors (in double; convert with nets::data_as for other
// scalars: every double is exact in rational and mp100).
//
//  - uniform(R): every weight AND bias ~ U(-R, R): 003 §5.1 says "all parameters ...
//    initialized according to a continuous uniform distribution" (003_61d556b637c4f269.txt
//    §5.1); the bounds R = 100 (one hidden layer) and R = 1 (two or three) are the author's
//    code ([REPO], guide §3.2), not the text.
//  - glorot_uniform: weights ~ U(-r, r), r = sqrt(6 / (d_{l-1} + d_l)), biases 0: Keras'
//    default Dense initialisation, which 003 §5.2-5.3's code uses ([REPO]; the formula is
//    [EXT], Glorot & Bengio 2010; neither document states it).
// Draws: SplitMix64(seed), u = (next() >> 11) 2^-53 in [0, 1), value lo + (hi - lo) u, in the
// parameter order of the architecture (so both orders give the same network).
#pragma once

#include <cstdint>

#include "analysis/numeric/linear_algebra.hpp"
#include "nets/core/architecture.hpp"

namespace ov::nets {

Vec<double> uniform_initialization(const Architecture& a, double radius, std::uint64_t seed);
Vec<double> glorot_uniform_initialization(const Architecture& a, std::uint64_t seed);

}  // namespace ov::nets
