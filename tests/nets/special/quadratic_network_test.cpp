// The quadratic-activation network of 004 §8.1, Proposition 4 (L545-L569), with v fixed: L(W)
// equals the document's formula and x^T Q x with Q = W^T diag(v) W ([DERIVED], guide C28) exactly in
// rational; its gradient and Hessian equal nested-Jet autodiff of an independent forward pass
// exactly; the thresholds k >= 2d and d(d+1)/2; at W = 0 (a critical point) the sign hypothesis
// decides between a strict saddle (Prop. 4 item 2) and a minimum with positive loss. Mutants
// (1/n instead of 1/(2n), Q without v, the v block of the Hessian) are caught.
#include <gtest/gtest.h>

#include "analysis/autodiff/forward_mode.hpp"
#include "analysis/numeric/inertia.hpp"
#include "nets/core/exact_parameter.hpp"
#include "nets/core/network_objective.hpp"
#include "nets/special/quadratic_network.hpp"
#include "optim/core/random.hpp"

namespace ov::nets::special {
namespace {

Dataset data(int d, int n, std::uint64_t seed, bool negative_targets = false) {
  optim::SplitMix64 rng(seed);
  Dataset s;
  s.name = "dyadic_regression";
  s.inputs.resize(n, d);
  s.targets.resize(n, 1);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d; ++j) s.inputs(i, j) = static_cast<double>(static_cast<long>(rng.below(33)) - 16) / 8;
    s.targets(i, 0) = static_cast<double>(static_cast<long>(rng.below(17)) - (negative_targets ? 20 : 8)) / 4;
  }
  return s;
}

Vec<rational> some_W(int k, int d, std::uint64_t seed) {
  optim::SplitMix64 rng(seed);
  Vec<rational> W(k * d);
  for (int i = 0; i < k * d; ++i) W[i] = rational(static_cast<long>(rng.below(9)) - 4, 3);
  return W;
}

TEST(QuadraticNetwork, LossIsTheDocumentsFormulaAndAQuadraticForm) {
  const int d = 2, k = 4, n = 5;
  const Dataset s = data(d, n, 1);
  Vec<double> v(k);
  v << 1, -2, 0.5, -1;
  const QuadraticNetworkObjective<rational> L(s, v);
  EXPECT_EQ(L.dim(), k * d);
  EXPECT_EQ(L.architecture().num_parameters(), k * d + k);
  const Vec<rational> W = some_W(k, d, 2);
  const Mat<rational> Wm = Eigen::Map<const RowMajorMat<rational>>(W.data(), k, d);
  const Vec<rational> vr = v.cast<rational>();
  const Mat<rational> Q = quadratic_form<rational>(Wm, vr);
  rational doc = 0, quad = 0, wrong_q = 0;
  for (int i = 0; i < n; ++i) {
    Vec<rational> x(d);
    for (int j = 0; j < d; ++j) x[j] = rational(s.inputs(i, j));
    const rational y(s.targets(i, 0));
    rational out = 0;
    for (int j = 0; j < k; ++j) {
      const rational z = Wm.row(j).dot(x);
      out += vr[j] * z * z;  // v^T sigma(W x), sigma(z) = z^2
    }
    doc += (y - out) * (y - out);
    const rational xq = x.dot(Q * x);
    quad += (y - xq) * (y - xq);
    const rational xw = x.dot(Mat<rational>(Wm.transpose() * Wm) * x);  // mutant: Q without v
    wrong_q += (y - xw) * (y - xw);
  }
  EXPECT_EQ(L.value(W), doc / rational(2 * n));   // 004 L551
  EXPECT_EQ(L.value(W), quad / rational(2 * n));  // [DERIVED] x^T Q x
  EXPECT_NE(L.value(W), doc / rational(n));       // mutant: 1/n
  EXPECT_NE(L.value(W), wrong_q / rational(2 * n));
}

TEST(QuadraticNetwork, GradientAndHessianEqualAutodiffExactly) {
  const int d = 2, k = 3, n = 4;
  const Dataset s = data(d, n, 3);
  Vec<double> v(k);
  v << 1, -1, 2;
  const QuadraticNetworkObjective<rational> L(s, v);
  const Vec<rational> W = some_W(k, d, 4);
  auto ref = [&](const auto& t) {
    using T = typename std::decay_t<decltype(t)>::Scalar;
    T total = integer<T>(0);
    for (int i = 0; i < n; ++i) {
      T out = integer<T>(0);
      for (int j = 0; j < k; ++j) {
        T z = integer<T>(0);
        for (int c = 0; c < d; ++c) z += t[j * d + c] * data_as<T>(s.inputs(i, c));
        out += data_as<T>(v[j]) * z * z;
      }
      const T r = data_as<T>(s.targets(i, 0)) - out;
      total += r * r;
    }
    return T(total / integer<T>(2 * n));
  };
  Vec<rational> g;
  EXPECT_EQ(ad::value_and_gradient(ref, W, g), L.value(W));
  EXPECT_EQ(L.gradient(W), g);
  const Mat<rational> H = L.hessian(W);
  EXPECT_EQ(H, ad::hessian(ref, W));
  Vec<rational> u(k * d);
  for (int i = 0; i < k * d; ++i) u[i] = rational(i - 2, 5);
  EXPECT_EQ(L.hessian_vector(W, u), Vec<rational>(H * u));
  // Mutant: the Hessian of the network that also trains v, restricted to its last k*d rows and
  // columns (the wrong block), is not L's Hessian.
  const NetworkObjective<rational> full(L.architecture(), s);
  const Mat<rational> Hf = full.hessian(L.full_parameters(W));
  EXPECT_NE(H, Mat<rational>(Hf.bottomRightCorner(k * d, k * d)));
}

TEST(QuadraticNetwork, Thresholds) {
  EXPECT_EQ(soltanolkotabi_min_width(3), 6);  // k >= 2d (004 L560)
  EXPECT_EQ(quadratic_interpolation_threshold(1), 1);
  EXPECT_EQ(quadratic_interpolation_threshold(3), 6);  // d(d+1)/2 [DERIVED]
  EXPECT_EQ(quadratic_interpolation_threshold(10), 55);
  Vec<double> v(4);
  v << 1, -1, 2, -3;
  EXPECT_TRUE(soltanolkotabi_sign_condition(v, 2));
  EXPECT_FALSE(soltanolkotabi_sign_condition(v, 3));
  v << 1, 1, 2, -3;
  EXPECT_FALSE(soltanolkotabi_sign_condition(v, 2));
  v << 1, 0, -2, -3;  // a zero counts as neither sign
  EXPECT_FALSE(soltanolkotabi_sign_condition(v, 2));
  EXPECT_THROW(soltanolkotabi_min_width(0), std::invalid_argument);
  EXPECT_THROW(quadratic_network(2, 0), std::invalid_argument);
}

// W = 0 is always critical (sigma'(0) = 0). Under Prop. 4's hypotheses (k = 2d, v with d positive
// and d negative entries) and y != 0 it must be a strict saddle (item 2): the exact Hessian has a
// negative eigenvalue. With one-signed v and targets of the other sign, v^T sigma(W x) >= 0 > y, so
// L(W) >= L(0) > 0: W = 0 is a minimum with positive loss (item 3 fails without the hypothesis).
TEST(QuadraticNetwork, SignHypothesisDecidesTheCriticalPointAtZero) {
  const int d = 2, k = 4, n = 3;
  const Vec<rational> zero = Vec<rational>::Zero(k * d);
  Vec<double> mixed(k), positive(k);
  mixed << 1, 1, -1, -1;
  positive << 1, 2, 1, 3;
  ASSERT_TRUE(soltanolkotabi_sign_condition(mixed, d));
  ASSERT_FALSE(soltanolkotabi_sign_condition(positive, d));
  const Dataset s = data(d, n, 5, /*negative_targets=*/true);
  for (Eigen::Index i = 0; i < s.size(); ++i) ASSERT_LT(s.targets(i, 0), 0);
  const QuadraticNetworkObjective<rational> Lm(s, mixed), Lp(s, positive);
  EXPECT_TRUE(Lm.gradient(zero).isZero(0));
  EXPECT_TRUE(Lp.gradient(zero).isZero(0));
  const Inertia im = inertia(Lm.hessian(zero)), ip = inertia(Lp.hessian(zero));
  EXPECT_GE(im.negative, 1) << to_string(im);
  EXPECT_EQ(ip.negative, 0) << to_string(ip);
  EXPECT_GT(Lp.value(zero), 0);
}

TEST(QuadraticNetwork, BadInputIsNamed) {
  const Dataset s = data(2, 3, 1);
  try {
    QuadraticNetworkObjective<double>(s, Vec<double>());
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("v (the fixed output weights) is empty"), std::string::npos);
  }
  Vec<double> v(2);
  v << 1, -1;
  const QuadraticNetworkObjective<double> L(s, v);
  try {
    L.value(Vec<double>::Zero(3));
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("W has 3 entries, L(W) needs k d = 4"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace ov::nets::special
