// The special objectives with the optimizer library (optim::Sgd, full batch, double): one seeded
// run on each side of the width thresholds. Demonstrations of 003 Theorem 3.6 (L470) and 004
// Proposition 4 item 3 (L569) on tiny problems, not statistics (those are issue 8's claims): the
// run above the threshold reaches f < 1e-8; the run below it (the "mutant" configuration) cannot
// interpolate and stays above 1e-2.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>

#include "nets/special/quadratic_network.hpp"
#include "nets/special/soudry_carmon.hpp"
#include "optim/core/oracle.hpp"
#include "optim/core/random.hpp"
#include "optim/rules/sgd.hpp"

namespace ov::nets::special {
namespace {

Dataset data(int d, int n, std::uint64_t seed) {
  optim::SplitMix64 rng(seed);
  Dataset s;
  s.name = "random_regression";
  s.inputs.resize(n, d);
  s.targets.resize(n, 1);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j) s.inputs(i, j) = 2 * rng.uniform() - 1;
    s.targets(i, 0) = 2 * rng.uniform() - 1;
  }
  return s;
}

struct GdRun {
  double f = 0, grad_norm = 0;
  Vec<double> x;
};

GdRun train(const optim::Objective<double>& f, double lr, int steps, std::uint64_t seed) {
  optim::SplitMix64 rng(seed);
  GdRun r;
  r.x.resize(f.dim());
  for (Eigen::Index i = 0; i < r.x.size(); ++i) r.x[i] = 2 * rng.uniform() - 1;
  optim::Oracle<double> oracle(f);
  optim::Sgd<double> gd(optim::SgdOptions<double>{lr});
  for (int t = 0; t < steps; ++t) gd.step(oracle, r.x);
  r.f = f.value(r.x);
  r.grad_norm = f.gradient(r.x).norm();
  return r;
}

// d0 = 2, n = 6, E ~ N(1, 1/4) (seed 5), GD lr 0.05, 40 000 steps, inits uniform in [-1, 1]
// (seeds 7, 8, 9). d1 = 12 (n <= d1 d0 with room): every run reaches f < 1e-8. d1 = 1 (n > d1 d0):
// no run goes below 1e-2. d1 = 6 and d1 = 3 (= n / d0): some runs stall with f > 0, but each of
// them next to a kink (some pre-activation |w_h^T x_i| < 1e-3), where f is not differentiable;
// Theorem 3.6 speaks of differentiable local minima only (and not of GD). The same check fails
// below the threshold: with d1 = 1, seed 9 ends at f = 0.082 with ||grad f|| ~ 1e-15 and every
// |pre-activation| > 2e-3, a differentiable local minimum with positive loss.
TEST(SpecialTraining, SoudryCarmonAcrossTheWidthThreshold) {
  const int d0 = 2, n = 6;
  const Dataset s = data(d0, n, 21);
  for (const int d1 : {12, 6, 3, 1}) {
    const SoudryCarmonObjective<double> f(s, d1, soudry_carmon_perturbation(n, d1, 5, 1.0, 0.5));
    for (std::uint64_t seed = 7; seed < 10; ++seed) {
      const GdRun r = train(f, 0.05, 40000, seed);
      double zmin = 1e300;  // smallest |pre-activation| over samples and neurons
      for (int i = 0; i < n; ++i)
        for (int h = 0; h < d1; ++h)
          zmin = std::min(zmin, std::abs(r.x[h * d0] * s.inputs(i, 0) + r.x[h * d0 + 1] * s.inputs(i, 1)));
      std::cout << "[figures] soudry_carmon n=6 d0=2 d1=" << d1 << " seed=" << seed
                << " n<=d1*d0: " << soudry_carmon_condition(n, d0, d1) << " f=" << r.f << " |grad|=" << r.grad_norm
                << " min|z|=" << zmin << "\n";
      if (d1 == 12) {
        EXPECT_LT(r.f, 1e-8);
      }
      const bool zero_or_kink = r.f < 1e-8 || zmin < 1e-3;
      if (d1 == 1) {
        EXPECT_GT(r.f, 1e-2);
        if (seed == 9) {
          EXPECT_FALSE(zero_or_kink);
        }
      } else {
        EXPECT_TRUE(zero_or_kink) << "a differentiable point with f > 0 above the threshold";
      }
    }
  }
}

// d = 2, k = 4, v = (1, 1, -1, -1) (Prop. 4's hypotheses), GD lr 0.05, 40 000 steps: n = 3 = d(d+1)/2
// reaches L < 1e-8; n = 8 > d(d+1)/2 (generic data cannot be interpolated by x^T Q x) stays above 1e-2.
TEST(SpecialTraining, QuadraticNetworkAcrossTheInterpolationThreshold) {
  const int d = 2;
  Vec<double> v(4);
  v << 1, 1, -1, -1;  // k = 2d, d positive and d negative entries (004 L560)
  for (const int n : {3, 8}) {
    const QuadraticNetworkObjective<double> f(data(d, n, 22), v);
    const GdRun r = train(f, 0.05, 40000, 8);
    const double loss = r.f;
    std::cout << "[figures] quadratic d=2 k=4 n=" << n << " threshold=" << quadratic_interpolation_threshold(d)
              << " L=" << loss << " |grad|=" << r.grad_norm << "\n";
    if (n <= quadratic_interpolation_threshold(d)) {
      EXPECT_LT(loss, 1e-8);
    } else {
      EXPECT_GT(loss, 1e-2);
    }
  }
}

}  // namespace
}  // namespace ov::nets::special
