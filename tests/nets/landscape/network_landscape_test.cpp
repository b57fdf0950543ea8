// The landscape tools on a network: a 1-2-1 tanh network without biases on five points of a
// teacher network.
// Every critical point found is refined to |grad f| <= 1e-60 in mp100 and classified; the
// network's symmetries (swapping the two hidden neurons; (w_j, v_j) -> (-w_j, -v_j), tanh
// being odd) map each found point to a critical point with the same cost and the same
// inertia, which the test checks independently at the image point; the global minimum found
// is a minimum, the origin is a saddle, and cost increases with the index (Dauphin et al.).
#include <gtest/gtest.h>

#include "analysis/numeric/inertia.hpp"
#include "nets/core/network_objective.hpp"
#include "nets/landscape/cost_index.hpp"
#include "nets/landscape/multistart.hpp"
#include "nets/landscape/network_landscape.hpp"

namespace ov::nets::landscape {
namespace {

Dataset teacher_points() {
  Dataset d;
  d.name = "four points";
  // A teacher network v^T tanh(w x) with w = (1/2, 2), v = (3/2, -1), which the student can fit
  // (without biases the network is an odd function of x).
  d.inputs.resize(5, 1);
  d.targets.resize(5, 1);
  d.inputs << -2, -1, 0.5, 1, 2.5;
  for (int s = 0; s < 5; ++s) d.targets(s, 0) = 1.5 * std::tanh(0.5 * d.inputs(s, 0)) - std::tanh(2 * d.inputs(s, 0));
  return d;
}

Architecture tanh_net() {
  Architecture a = Architecture::fully_connected(1, {2}, Activation::parse("tanh"), 1, Activation::parse("identity"),
                                                 Loss::parse("square"), /*biases=*/false);
  return a;  // theta = (w1, w2, v1, v2)
}

TEST(NetworkLandscape, CriticalPointsOfATanhNetworkAndTheirSymmetries) {
  const Landscape l = network_landscape(tanh_net(), teacher_points());
  EXPECT_FALSE(l.exact.has_value());  // tanh: not a rational function
  MultiStartOptions o;
  o.num_starts = 24;
  o.seed = 3;
  o.box_lo = std::vector<double>(4, -3);
  o.box_hi = std::vector<double>(4, 3);
  const LandscapeReport r = multistart(l, o);
  ASSERT_GE(r.points.size(), 3u);
  const NetworkObjective<mp100> f(tanh_net(), teacher_points());
  int saddles = 0, minima = 0;
  bool origin = false;
  for (const auto& p : r.points) {
    EXPECT_LE(p.gradient_norm, mp100("1e-60"));
    if (p.classification.kind == PointClass::saddle) ++saddles;
    if (p.classification.kind == PointClass::minimum) ++minima;
    if (p.x.cwiseAbs().maxCoeff() < mp100("1e-30")) {
      origin = true;
      EXPECT_EQ(p.classification.kind, PointClass::saddle);
    }
    // The images under the two symmetries: critical, same cost, same inertia (recomputed there).
    Vec<mp100> swapped(4), flipped = p.x;
    swapped << p.x[1], p.x[0], p.x[3], p.x[2];
    flipped[0] = -flipped[0];
    flipped[2] = -flipped[2];
    for (const Vec<mp100>& y : {swapped, flipped}) {
      EXPECT_LE(f.gradient(y).norm(), mp100("1e-55"));
      EXPECT_LE(abs(f.value(y) - p.value), mp100("1e-90"));
      if (p.classification.kind != PointClass::degenerate) {
        const auto ev = symmetric_eigenvalues(f.hessian(y));
        int negative = 0;
        for (Eigen::Index i = 0; i < ev.size(); ++i) negative += ev[i] < 0;
        EXPECT_EQ(negative, p.classification.index);
      }
    }
  }
  // Mutant symmetry: swapping the hidden weights but not the output weights maps the teacher's
  // minimum to a point that is not critical; the same check rejects it.
  const Vec<mp100>& best = r.points.front().x;
  Vec<mp100> half_swapped(4);
  half_swapped << best[1], best[0], best[2], best[3];
  EXPECT_GT(f.gradient(half_swapped).norm(), mp100("1e-3"));
  EXPECT_TRUE(origin);  // tanh(0) = 0: the origin is always critical, and here a saddle
  EXPECT_GE(minima, 1);
  EXPECT_GE(saddles, 1);
  EXPECT_EQ(r.points.front().classification.kind, PointClass::minimum);  // lowest cost found
  EXPECT_LT(r.points.front().value, mp100("1e-100"));                     // the teacher's fit (x = +-1 coincide)
  const CostIndexStudy s = cost_against_index(r);
  std::printf("tanh 1-2-1 on five teacher points: %zu critical points (%d minima, %d saddles), cost-index r = %.3f, rho = %.3f\n",
              r.points.size(), minima, saddles, s.pearson_r, s.spearman_rho);
  ASSERT_TRUE(s.defined);
  EXPECT_GT(s.pearson_r, 0);  // higher index, higher cost
}

// A rational network (leaky ReLU hidden layer, square loss) gets the exact copy.
TEST(NetworkLandscape, RationalNetworksGetTheExactCopy) {
  Architecture a = Architecture::fully_connected(1, {2}, Activation::parse("leaky_relu"), 1,
                                                 Activation::parse("identity"), Loss::parse("square"));
  const Landscape l = network_landscape(a, teacher_points());
  ASSERT_TRUE(l.exact.has_value());
  Vec<rational> x(7);
  x << 1, -1, rational(1, 2), 2, 3, 0, rational(-1, 4);
  Vec<double> xd(7);
  for (int i = 0; i < 7; ++i) xd[i] = x[i].convert_to<double>();
  EXPECT_DOUBLE_EQ(l.exact->value(x).convert_to<double>(), l.fast.value(xd));
}

}  // namespace
}  // namespace ov::nets::landscape
