#include "nets/data/regression_toy.hpp"

#include <stdexcept>
#include <string>

#include "nets/data/sampling.hpp"

namespace ov::nets::data {

Dataset regression_toy(long n, std::uint64_t seed) {
  if (n < 1) {
    throw std::invalid_argument("regression_toy: n = " + std::to_string(n) +
                                " is invalid (valid: n >= 1; 003 §4.2 uses n = 100)");
  }
  Dataset d;
  d.name = "regression_toy";
  d.description =
      "003 §4.2 (003_61d556b637c4f269.txt L619-L621): y = x1 + x2 + eps, eps ~ N(0,1); "
      "[REPO] x1, x2 ~ U(0,4) i.i.d.; n = " + std::to_string(n) + ", SplitMix64 seed " +
      std::to_string(seed) + " (recipe reproduced, not MATLAB's random stream)";
  d.seed = seed;
  d.inputs.resize(n, 2);
  d.targets.resize(n, 1);
  DataStream stream(seed);
  for (long i = 0; i < n; ++i) {
    d.inputs(i, 0) = 4.0 * stream.uniform();
    d.inputs(i, 1) = 4.0 * stream.uniform();
  }
  for (long i = 0; i < n; ++i) d.targets(i, 0) = (d.inputs(i, 0) + d.inputs(i, 1)) + stream.normal();
  return d;
}

}  // namespace ov::nets::data
