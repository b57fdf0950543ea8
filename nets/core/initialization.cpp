#include "nets/core/initialization.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "nets/core/network.hpp"
#include "optim/core/random.hpp"

namespace ov::nets {

namespace {
// Visit the parameters in network order (layer 1 weights row-major, layer 1 biases, layer 2...),
// so the same seed gives the same network whatever the parameter order.
template <class Draw>
Vec<double> fill(const Architecture& a, Draw draw) {
  Vec<double> theta = Vec<double>::Zero(a.num_parameters());
  for (int l = 1; l <= a.depth(); ++l) {
    auto W = weights(a, theta, l);
    for (Eigen::Index i = 0; i < W.rows(); ++i)
      for (Eigen::Index j = 0; j < W.cols(); ++j) W(i, j) = draw(l, false);
    if (a.biases) {
      auto b = bias(a, theta, l);
      for (Eigen::Index i = 0; i < b.size(); ++i) b[i] = draw(l, true);
    }
  }
  return theta;
}
}  // namespace

Vec<double> uniform_initialization(const Architecture& a, double radius, std::uint64_t seed) {
  if (!(radius > 0) || !std::isfinite(radius))
    throw std::invalid_argument("uniform initialization: radius = " + std::to_string(radius) +
                                " is outside the valid range (0, inf)");
  a.validate();
  optim::SplitMix64 rng(seed);
  return fill(a, [&](int, bool) { return -radius + 2 * radius * rng.uniform(); });
}

Vec<double> glorot_uniform_initialization(const Architecture& a, std::uint64_t seed) {
  a.validate();
  optim::SplitMix64 rng(seed);
  return fill(a, [&](int l, bool is_bias) {
    if (is_bias) return 0.0;
    const double r = std::sqrt(6.0 / (a.width(l - 1) + a.width(l)));
    return -r + 2 * r * rng.uniform();
  });
}

}  // namespace ov::nets
