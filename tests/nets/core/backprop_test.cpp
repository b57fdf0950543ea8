// Backpropagation (nets/core/network.hpp) against forward-mode autodiff (ceres::Jet
// through the same forward pass), against 003 Algorithm 1's literal scalar loops, and
// against central finite differences in mp100 (an independent method in higher
// precision), over random architectures, activations, losses, parameter orders and
// points (RapidCheck). Each comparison is shown to fail on a mutated gradient.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <ceres/jet.h>

#include "analysis/autodiff/forward_mode.hpp"
#include "nets/core/backprop_reference.hpp"
#include "nets/core/exact_parameter.hpp"
#include "nets/core/initialization.hpp"
#include "nets/core/network.hpp"

namespace ov::nets {
namespace {

struct Case {
  Architecture arch;
  Vec<double> theta;
  Mat<double> inputs, targets;  // d0 x B, m x B
};

const ActivationKind kSmooth[] = {ActivationKind::identity, ActivationKind::logistic, ActivationKind::tanh,
                                  ActivationKind::relu,     ActivationKind::leaky_relu, ActivationKind::elu,
                                  ActivationKind::silu,     ActivationKind::softplus,  ActivationKind::quadratic};

// A random network and batch. Kinked activations are evaluated at random points, where
// z = 0 has probability zero (the generator avoids |z| < 1e-3 by rejection in the test).
rc::Gen<Case> gen_case(bool rational_only) {
  return rc::gen::exec([rational_only] {
    const int depth = *rc::gen::inRange(1, 4);
    const int d0 = *rc::gen::inRange(1, 4);
    std::vector<int> widths;
    for (int l = 1; l < depth; ++l) widths.push_back(*rc::gen::inRange(1, 4));
    const LossKind loss = rational_only ? *rc::gen::element(LossKind::square, LossKind::half_square,
                                                            LossKind::mean_square)
                                        : *rc::gen::element(LossKind::square, LossKind::half_square,
                                                            LossKind::mean_square, LossKind::log_loss,
                                                            LossKind::softmax_cross_entropy);
    const int m = loss == LossKind::softmax_cross_entropy ? *rc::gen::inRange(2, 4) : *rc::gen::inRange(1, 3);
    Architecture a;
    a.input_dim = d0;
    auto pick = [&] {
      Activation act;
      if (rational_only) {
        act.kind = *rc::gen::element(ActivationKind::identity, ActivationKind::relu, ActivationKind::leaky_relu,
                                     ActivationKind::quadratic);
      } else {
        act.kind = *rc::gen::elementOf(std::vector<ActivationKind>(std::begin(kSmooth), std::end(kSmooth)));
      }
      if (act.kind == ActivationKind::leaky_relu) act.slope = rational(*rc::gen::inRange(1, 10), 10);
      if (act.kind == ActivationKind::elu) act.elu_scale = rational(*rc::gen::inRange(1, 4), 2);
      return act;
    };
    for (int w : widths) a.layers.push_back({w, pick()});
    Activation out = pick();
    if (loss == LossKind::log_loss) out.kind = ActivationKind::logistic;
    if (loss == LossKind::softmax_cross_entropy) out.kind = ActivationKind::identity;
    a.layers.push_back({m, out});
    a.loss = Loss{loss};
    a.biases = *rc::gen::arbitrary<bool>();
    a.order = *rc::gen::element(ParameterOrder::weights_then_biases, ParameterOrder::layer_by_layer);
    a.validate();
    const int B = *rc::gen::inRange(1, 4);
    Case c{a, uniform_initialization(a, 1.5, *rc::gen::arbitrary<std::uint32_t>()), Mat<double>(d0, B),
           Mat<double>(m, B)};
    // Dyadic inputs/targets (exact in every scalar).
    for (int s = 0; s < B; ++s) {
      for (int k = 0; k < d0; ++k) c.inputs(k, s) = *rc::gen::inRange(-8, 9) / 4.0;
      for (int k = 0; k < m; ++k)
        c.targets(k, s) = (loss == LossKind::log_loss || loss == LossKind::softmax_cross_entropy)
                              ? *rc::gen::inRange(0, 2)
                              : *rc::gen::inRange(-8, 9) / 4.0;
    }
    // Round theta to dyadics with 20 bits so that rational and double see the same numbers.
    for (Eigen::Index i = 0; i < c.theta.size(); ++i) c.theta[i] = std::ldexp(std::round(std::ldexp(c.theta[i], 20)), -20);
    return c;
  });
}

// Smallest |pre-activation| over the batch (kinks are avoided by rejecting |z| < 1e-3).
double min_abs_preactivation(const Case& c) {
  double mn = 1e300;
  Mat<double> x = c.inputs;
  for (int l = 1; l <= c.arch.depth(); ++l) {
    Mat<double> z = weights(c.arch, c.theta, l) * x;
    if (c.arch.biases) z.colwise() += bias(c.arch, c.theta, l);
    mn = std::min(mn, z.cwiseAbs().minCoeff());
    for (Eigen::Index j = 0; j < z.cols(); ++j)
      for (Eigen::Index i = 0; i < z.rows(); ++i) z(i, j) = activate(c.arch.activation(l), z(i, j));
    x = z;
  }
  return mn;
}

template <class T>
Mat<T> convert(const Mat<double>& m) {
  Mat<T> r(m.rows(), m.cols());
  for (Eigen::Index j = 0; j < m.cols(); ++j)
    for (Eigen::Index i = 0; i < m.rows(); ++i) r(i, j) = data_as<T>(m(i, j));
  return r;
}
template <class T>
Vec<T> convert(const Vec<double>& v) {
  Vec<T> r(v.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) r[i] = data_as<T>(v[i]);
  return r;
}

// max_i |a_i - b_i| / max(1, |b|_inf)
template <class T>
T rel_diff(const Vec<T>& a, const Vec<T>& b) {
  using std::abs;
  T scale = integer<T>(1), worst = integer<T>(0);
  for (Eigen::Index i = 0; i < b.size(); ++i) scale = std::max<T>(scale, abs(b[i]));
  for (Eigen::Index i = 0; i < b.size(); ++i) worst = std::max<T>(worst, abs(T(a[i] - b[i])));
  return T(worst / scale);
}

// The mutant gradients every comparison must reject.
template <class T>
Vec<T> mutate(const Architecture& a, const Vec<T>& g) {
  // The gradient read in the other parameter order (a layout bug), or, where both
  // orders coincide (no biases or one layer), with one hidden delta's sigma' dropped:
  // emulated by scaling the first weight's partial.
  Architecture other = a;
  other.order = a.order == ParameterOrder::weights_then_biases ? ParameterOrder::layer_by_layer
                                                               : ParameterOrder::weights_then_biases;
  Vec<T> m(g.size());
  for (int l = 1; l <= a.depth(); ++l) {
    weights(other, m, l) = weights(a, g, l);
    if (a.biases) bias(other, m, l) = bias(a, g, l);
  }
  if (m == g) m[0] = T(m[0] * integer<T>(2) + integer<T>(1));
  return m;
}

RC_GTEST_PROP(Backprop, EqualsForwardModeAutodiffInDouble, ()) {
  const Case c = *gen_case(false);
  RC_PRE(min_abs_preactivation(c) > 1e-3);
  Vec<double> g;
  const double f = batch_loss_and_gradient<double>(c.arch, c.theta, c.inputs, c.targets, &g);
  Vec<double> ga;
  const double fa = ad::value_and_gradient_chunked<4>(
      [&](const auto& th) {
        using T = typename std::decay_t<decltype(th)>::Scalar;
        return batch_loss<T>(c.arch, th, convert<T>(c.inputs), convert<T>(c.targets));
      },
      c.theta, ga);
  // Same operations in a different association order: agreement to a few hundred ulps
  // relative to max(1, |g|_inf) (the values are O(1)-O(100); 1e-12 leaves margin).
  RC_ASSERT(std::abs(f - fa) <= 1e-12 * std::max(1.0, std::abs(fa)));
  RC_ASSERT(rel_diff(g, ga) <= 1e-12);
  RC_ASSERT(rel_diff(mutate(c.arch, g), ga) > 1e-6);
}

RC_GTEST_PROP(Backprop, EqualsAlgorithm1ScalarLoops, ()) {
  const Case c = *gen_case(false);
  RC_PRE(min_abs_preactivation(c) > 1e-3);
  Vec<double> g;
  batch_loss_and_gradient<double>(c.arch, c.theta, c.inputs, c.targets, &g);
  Vec<double> sum = Vec<double>::Zero(c.theta.size()), gs;
  for (Eigen::Index s = 0; s < c.inputs.cols(); ++s) {
    backprop_algorithm1<double>(c.arch, c.theta, Vec<double>(c.inputs.col(s)), Vec<double>(c.targets.col(s)), gs);
    sum += gs;
  }
  sum /= static_cast<double>(c.inputs.cols());
  RC_ASSERT(rel_diff(g, sum) <= 1e-12);
  RC_ASSERT(rel_diff(mutate(c.arch, g), sum) > 1e-6);
}

// mp100 central differences with h = 1e-30: truncation error O(h^2 |f'''|) ~ 1e-60, rounding
// O(1e-100 / h) = 1e-70, so agreement to 1e-40 (relative) is a strong check that double
// autodiff could not give (it shares the forward code; finite differences do not share the
// backward code).
RC_GTEST_PROP(Backprop, EqualsMp100CentralDifferences, ()) {
  const Case c = *gen_case(false);
  RC_PRE(min_abs_preactivation(c) > 1e-3);
  const Vec<mp100> theta = convert<mp100>(c.theta);
  const Mat<mp100> X = convert<mp100>(c.inputs), Y = convert<mp100>(c.targets);
  Vec<mp100> g;
  batch_loss_and_gradient<mp100>(c.arch, theta, X, Y, &g);
  const mp100 h("1e-30");
  Vec<mp100> fd(theta.size());
  for (Eigen::Index i = 0; i < theta.size(); ++i) {
    Vec<mp100> p = theta, q = theta;
    p[i] += h;
    q[i] -= h;
    fd[i] = (batch_loss<mp100>(c.arch, p, X, Y) - batch_loss<mp100>(c.arch, q, X, Y)) / (2 * h);
  }
  RC_ASSERT(rel_diff(g, fd) < mp100("1e-40"));
  RC_ASSERT(rel_diff(mutate(c.arch, g), fd) > mp100("1e-6"));
}

// Networks built from identity, relu, leaky_relu and quadratic with a square-family loss are
// rational functions of theta: backpropagation in rational equals Jet<rational> autodiff
// EXACTLY, and so does the Hessian of the loss computed from nested Jets.
RC_GTEST_PROP(Backprop, ExactInRational, ()) {
  const Case c = *gen_case(true);
  RC_PRE(min_abs_preactivation(c) > 1e-3);
  const Vec<rational> theta = convert<rational>(c.theta);
  const Mat<rational> X = convert<rational>(c.inputs), Y = convert<rational>(c.targets);
  Vec<rational> g;
  const rational f = batch_loss_and_gradient<rational>(c.arch, theta, X, Y, &g);
  Vec<rational> ga;
  const rational fa = ad::value_and_gradient_chunked<4>(
      [&](const auto& th) {
        using T = typename std::decay_t<decltype(th)>::Scalar;
        return batch_loss<T>(c.arch, th, convert<T>(c.inputs), convert<T>(c.targets));
      },
      theta, ga);
  RC_ASSERT(f == fa);
  RC_ASSERT(g == ga);
  RC_ASSERT(mutate(c.arch, g) != ga);
}

// Pre-activations exactly 0 (a zero input, zero first-layer biases): the batched double path (whole-matrix
// relu / leaky_relu) uses the chosen one-sided derivative exactly as the rational evaluation does;
// right (003) and left (LibTorch) give different gradients.
TEST(Backprop, KinkConventionInTheBatchedPath) {
  for (const char* hidden : {"relu", "leaky_relu:1/4"}) {
    Vec<double> g_right, g_left;
    for (Kink k : {Kink::right, Kink::left}) {
      Architecture a = Architecture::fully_connected(2, {2, 2}, Activation::parse(hidden), 1,
                                                     Activation::parse("identity"), Loss::parse("square"));
      for (auto& layer : a.layers) layer.activation.kink = k;
      Mat<double> X(2, 2), Y(1, 2);
      X << 0, 1, 0, -0.5;  // sample 0 is the origin: every pre-activation of layer 1 is exactly 0
      Y << 1, -1;
      Vec<double> th(15);  // W1 (4), W2 (4), W3 (2), b1 = 0 (2), b2 (2), b3 (1): db1 = delta1 sees sigma'(0)
      th << 1, -1, 0.5, 2, 1, 1, -1, 0.25, 1.5, -2, 0, 0, 0.5, -0.75, 0.125;
      Vec<double> g;
      batch_loss_and_gradient<double>(a, th, X, Y, &g);
      Vec<rational> gr;
      batch_loss_and_gradient<rational>(a, convert<rational>(th), convert<rational>(X), convert<rational>(Y), &gr);
      for (Eigen::Index i = 0; i < g.size(); ++i) EXPECT_EQ(rational(g[i]), gr[i]) << hidden << " entry " << i;
      (k == Kink::right ? g_right : g_left) = g;
    }
    EXPECT_NE(g_right, g_left) << hidden;
  }
}

TEST(Backprop, ParameterOrdersDescribeTheSameNetwork) {
  Architecture a = Architecture::fully_connected(2, {3, 2}, Activation::parse("tanh"), 1,
                                                 Activation::parse("logistic"), Loss::parse("log_loss"));
  Architecture b = a;
  b.order = ParameterOrder::layer_by_layer;
  const Vec<double> ta = uniform_initialization(a, 1.0, 7), tb = uniform_initialization(b, 1.0, 7);
  ASSERT_NE(ta, tb);  // laid out differently...
  Mat<double> X(2, 3), Y(1, 3);
  X << 0.5, -1, 2, 1, 0.25, -0.5;
  Y << 1, 0, 1;
  EXPECT_EQ(forward<double>(a, ta, X), forward<double>(b, tb, X));  // ...but the same network
  // 003's order: 2*3 + 3*2 + 2*1 = 14 weights first, then 3 + 2 + 1 biases.
  EXPECT_EQ(a.num_parameters(), 20);
  EXPECT_EQ(a.bias_offset(1), 14);
  EXPECT_EQ(b.bias_offset(1), 6);
  EXPECT_EQ(b.weight_offset(2), 9);
}

}  // namespace
}  // namespace ov::nets
