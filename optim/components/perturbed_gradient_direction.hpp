// A default direction policy for Inexact Backtracking GD (000 §2.2 i)): a seeded,
// bounded, coordinatewise perturbation of the gradient that satisfies (4)-(5) by
// construction for any A1 <= A2 and mu in (0, 1]:
//
//   v_i = s (1 + r e_i) g_i,   e_i uniform on the dyadic grid {k / 2^20 - 1} in [-1, 1]
//
// Since (1 - r)|g_i| <= |v_i| / s <= (1 + r)|g_i| coordinatewise,
//   s (1 - r) ||g|| <= ||v|| <= s (1 + r) ||g||   and   <g, v> >= s (1 - r) ||g||^2,
// so cos(g, v) >= (1 - r) / (1 + r). We take (derived here, not in the documents)
//   r = 1/2 min(1/2, (1 - mu) / (1 + mu), (A2 - A1) / (A2 + A1))   (half the largest
//       admissible radius, leaving slack against rounding)
//   s = (A1 / (1 - r) + A2 / (1 + r)) / 2                             (the middle of
//       the admissible scale interval [A1 / (1 - r), A2 / (1 + r)])
// The draw depends only on (seed, n, i): the policy holds no state, so a refused
// step that is retried sees the same v (the rule's state is unchanged).
#pragma once

#include <cstdint>

#include "optim/core/random.hpp"
#include "optim/core/scalar_ops.hpp"
#include "optim/core/vector.hpp"

namespace ov::optim {

template <class S>
class PerturbedGradientDirection {
 public:
  PerturbedGradientDirection(S A1, S A2, S mu, std::uint64_t seed) : seed_(seed) {
    S r = ops::ratio<S>(1, 2);
    r = ops::min(r, S((S(1) - mu) / (S(1) + mu)));
    r = ops::min(r, S((A2 - A1) / (A2 + A1)));
    r_ = r / S(2);
    s_ = (A1 / (S(1) - r_) + A2 / (S(1) + r_)) / S(2);
  }

  Vector<S> operator()(const Vector<S>& /*x*/, const Vector<S>& g, std::int64_t n) const {
    SplitMix64 rng(seed_ ^ (0x9e3779b97f4a7c15ULL * static_cast<std::uint64_t>(n + 1)));
    Vector<S> v(g.size());
    const long grid = 1L << 20;
    for (Eigen::Index i = 0; i < g.size(); ++i) {
      const long k = static_cast<long>(rng.below(2 * grid + 1));  // e = k / 2^20 - 1 in [-1, 1]
      const S e = ops::ratio<S>(k - grid, grid);
      v[i] = s_ * (S(1) + r_ * e) * g[i];
    }
    return v;
  }

  const S& radius() const { return r_; }
  const S& scale() const { return s_; }

 private:
  std::uint64_t seed_;
  S r_, s_;
};

}  // namespace ov::optim
