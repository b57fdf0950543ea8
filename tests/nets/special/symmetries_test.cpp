// The symmetries of 003 §3.3 (L392-L420) as operations: permutation of hidden neurons, positive
// rescaling through relu / leaky relu / identity, the GL(p) transform of a linear hidden layer.
// In rational: outputs and loss bit-identical (==) after each operation, and the gradient at the
// new point equals the transformation law applied to the old gradient (==), on fixed cases and
// RapidCheck-generated networks. In mp100: rescaling changes ||grad f|| and the Hessian spectrum
// (the motivation of ASAM, 004 §7, guide C4/C27). Mutants (a permutation that forgets the next
// layer's columns, a rescaling by c in both layers, GL with C instead of C^{-1}, the gradient
// laws with the factors swapped) are caught.
#include <gtest/gtest.h>

#include "tests/support/error_message.hpp"
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <iomanip>
#include <iostream>

#include "analysis/numeric/decompositions.hpp"
#include "nets/core/initialization.hpp"
#include "nets/core/network_objective.hpp"
#include "nets/special/symmetries.hpp"
#include "optim/core/random.hpp"

namespace ov::nets::special {
namespace {

Activation act(const char* name) { return Activation::parse(name); }

// n samples with dyadic inputs in [-2, 2) and targets in [-1, 1) (exact in every scalar).
Dataset data(int d0, int m, int n, std::uint64_t seed) {
  optim::SplitMix64 rng(seed);
  Dataset d;
  d.name = "dyadic";
  d.inputs.resize(n, d0);
  d.targets.resize(n, m);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d0; ++j) d.inputs(i, j) = static_cast<double>(static_cast<long>(rng.below(64)) - 32) / 16;
    for (int j = 0; j < m; ++j) d.targets(i, j) = static_cast<double>(static_cast<long>(rng.below(32)) - 16) / 16;
  }
  return d;
}

template <class S>
Vec<S> as(const Vec<double>& v) {
  Vec<S> r(v.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) r[i] = S(v[i]);
  return r;
}

Mat<rational> inputs_of(const Dataset& d) {
  Mat<rational> X(d.input_dim(), d.size());
  for (Eigen::Index i = 0; i < d.size(); ++i)
    for (Eigen::Index j = 0; j < d.input_dim(); ++j) X(j, i) = rational(d.inputs(i, j));
  return X;
}

// f, grad f and the outputs at theta and at theta2 = T theta; expects equal outputs and loss and
// returns (grad at theta, grad at theta2).
struct Pair {
  Vec<rational> g, g2;
  bool same_outputs = false, same_loss = false;
};
Pair compare(const Architecture& a, const Dataset& d, const Vec<rational>& th, const Vec<rational>& th2) {
  const NetworkObjective<rational> f(a, d);
  const Mat<rational> X = inputs_of(d);
  Pair p;
  p.same_outputs = forward<rational>(a, th, X) == forward<rational>(a, th2, X);
  p.same_loss = f.value(th) == f.value(th2);
  p.g = f.gradient(th);
  p.g2 = f.gradient(th2);
  return p;
}

Architecture relu_net(bool biases) {
  Architecture a = Architecture::fully_connected(3, {4, 3}, act("relu"), 2, act("identity"), Loss::parse("square"),
                                                 biases);
  a.layers[1].activation = act("leaky_relu:1/10");
  return a;
}

TEST(Symmetries, PermutationIsExactAndPermutesTheGradient) {
  for (const bool biases : {true, false}) {
    const Architecture a = relu_net(biases);
    const Dataset d = data(3, 2, 6, 1);
    const Vec<rational> th = as<rational>(uniform_initialization(a, 1.0, 5));
    for (const int layer : {1, 2}) {
      const std::vector<int> pi = layer == 1 ? std::vector<int>{2, 0, 3, 1} : std::vector<int>{1, 2, 0};
      const Vec<rational> th2 = permute_hidden<rational>(a, th, layer, pi);
      EXPECT_NE(th2, th);
      const Pair p = compare(a, d, th, th2);
      EXPECT_TRUE(p.same_outputs);
      EXPECT_TRUE(p.same_loss);
      EXPECT_EQ(p.g2, permute_hidden_gradient<rational>(a, p.g, layer, pi));
      // Mutant: rows (and biases) permuted but the next layer's columns forgotten.
      Vec<rational> bad = th;
      weights(a, bad, layer) = weights(a, th2, layer);
      if (biases) bias(a, bad, layer) = bias(a, th2, layer);
      const Pair q = compare(a, d, th, bad);
      EXPECT_FALSE(q.same_outputs);
      EXPECT_FALSE(q.same_loss);
    }
  }
}

TEST(Symmetries, RescalingIsExactAndScalesTheGradient) {
  const Architecture a = relu_net(true);
  const Dataset d = data(3, 2, 6, 2);
  const Vec<rational> th = as<rational>(uniform_initialization(a, 1.0, 9));
  const Vec<rational> g0 = NetworkObjective<rational>(a, d).gradient(th);
  for (const int layer : {1, 2}) {  // relu, then leaky_relu:1/10
    const rational c(7, 3);
    // A neuron that is active on some sample (a dead relu neuron makes every mutant invisible).
    int j = 0;
    while (j < a.width(layer) && weights(a, g0, layer).row(j).isZero(0)) ++j;
    ASSERT_LT(j, a.width(layer));
    const Vec<rational> th2 = rescale_neuron<rational>(a, th, layer, j, c);
    const Pair p = compare(a, d, th, th2);
    EXPECT_TRUE(p.same_outputs);
    EXPECT_TRUE(p.same_loss);
    EXPECT_EQ(p.g2, rescale_neuron_gradient<rational>(a, p.g, layer, j, c));
    EXPECT_NE(p.g2, p.g);
    // Mutants: scaling by c in both layers changes the function; the gradient law with the
    // factors swapped (c on the row, 1/c on the column) is not the gradient.
    Vec<rational> bad = th;
    weights(a, bad, layer).row(j) *= c;
    bias(a, bad, layer)[j] *= c;
    weights(a, bad, layer + 1).col(j) *= c;
    EXPECT_FALSE(compare(a, d, th, bad).same_loss);
    EXPECT_NE(p.g2, rescale_neuron_gradient<rational>(a, p.g, layer, j, rational(1) / c));
  }
  // An identity hidden layer is positively homogeneous too.
  Architecture lin = relu_net(true);
  lin.layers[0].activation = act("identity");
  const Vec<rational> t3 = rescale_neuron<rational>(lin, th, 1, 0, rational(5));
  EXPECT_TRUE(compare(lin, d, th, t3).same_loss);
}

TEST(Symmetries, GlTransformIsExactAndTransformsTheGradient) {
  for (const bool biases : {false, true}) {
    const Architecture a = Architecture::fully_connected(3, {2}, act("identity"), 3, act("identity"),
                                                         Loss::parse("square"), biases);
    const Dataset d = data(3, 3, 5, 3);
    const Vec<rational> th = as<rational>(uniform_initialization(a, 1.0, 4));
    Mat<rational> C(2, 2);
    C << 2, 1, rational(1, 3), -1;  // not orthogonal, det = -7/3
    const Vec<rational> th2 = gl_transform<rational>(a, th, C);
    const Pair p = compare(a, d, th, th2);
    EXPECT_TRUE(p.same_outputs);
    EXPECT_TRUE(p.same_loss);
    EXPECT_EQ(p.g2, gl_transform_gradient<rational>(a, p.g, C));
    // Mutant: W2 C instead of W2 C^{-1}.
    Vec<rational> bad = th2;
    weights(a, bad, 2) = Mat<rational>(weights(a, th, 2)) * C;
    EXPECT_FALSE(compare(a, d, th, bad).same_loss);
    // Mutant law: grad_W1 -> C grad_W1 (instead of C^{-T}).
    Vec<rational> law = p.g;
    weights(a, law, 1) = C * Mat<rational>(weights(a, p.g, 1));
    weights(a, law, 2) = Mat<rational>(weights(a, p.g, 2)) * C.transpose();
    if (biases) bias(a, law, 1) = C * Vec<rational>(bias(a, p.g, 1));
    EXPECT_NE(p.g2, law);
  }
}

TEST(Symmetries, BadInputIsNamed) {
  const Architecture a = relu_net(true);
  const Vec<rational> th = Vec<rational>::Zero(a.num_parameters());
  const auto message = [](auto&& fn) { return ov::testing::invalid_argument_message(fn); };
  EXPECT_NE(message([&] { permute_hidden<rational>(a, th, 3, {0, 1}); }).find("valid range [1, 2]"),
            std::string::npos);
  EXPECT_NE(message([&] { permute_hidden<rational>(a, th, 1, {0, 1, 1, 2}); }).find("repeats"), std::string::npos);
  EXPECT_NE(message([&] { permute_hidden<rational>(a, th, 1, {0, 1, 2}); }).find("has 4 neurons"),
            std::string::npos);
  Architecture t = a;
  t.layers[0].activation = act("tanh");
  EXPECT_NE(message([&] { rescale_neuron<rational>(t, th, 1, 0, rational(2)); }).find("'tanh'"), std::string::npos);
  EXPECT_NE(message([&] { rescale_neuron<rational>(a, th, 1, 0, rational(0)); }).find("must be > 0"),
            std::string::npos);
  EXPECT_NE(message([&] { rescale_neuron<rational>(a, th, 1, 4, rational(2)); }).find("neuron = 4"),
            std::string::npos);
  EXPECT_NE(message([&] { gl_transform<rational>(a, th, Mat<rational>::Identity(4, 4)); }).find("'relu'"),
            std::string::npos);
  const Architecture lin = Architecture::fully_connected(3, {2}, act("identity"), 3, act("identity"),
                                                         Loss::parse("square"), false);
  const Vec<rational> tl = Vec<rational>::Zero(lin.num_parameters());
  Mat<rational> S(2, 2);
  S << 1, 2, 2, 4;
  EXPECT_NE(message([&] { gl_transform<rational>(lin, tl, S); }).find("singular"), std::string::npos);
  EXPECT_NE(message([&] { gl_transform<rational>(lin, tl, Mat<rational>::Identity(3, 3)); }).find("2 x 2"),
            std::string::npos);
  EXPECT_NE(message([&] { permute_hidden<rational>(a, Vec<rational>::Zero(3), 1, {0, 1, 2, 3}); })
                .find("parameter vector has 3 entries"),
            std::string::npos);
}

// ASAM's motivation (004 §7, guide C4/C27): the rescaled parameters define the same function,
// but ||grad f|| and the Hessian spectrum change. mp100 (tolerance: f equal to 1e-90 relative;
// the observed differences are O(1)).
TEST(Symmetries, RescalingChangesGradientNormAndHessianSpectrum) {
  const Architecture a = Architecture::fully_connected(2, {3}, act("relu"), 1, act("identity"),
                                                       Loss::parse("square"), true);
  const Dataset d = data(2, 1, 8, 4);
  const NetworkObjective<mp100> f(a, d);
  const Vec<mp100> th = as<mp100>(uniform_initialization(a, 1.0, 3));
  const mp100 f0 = f.value(th);
  const mp100 g0 = f.gradient(th).norm();
  const Vec<mp100> e0 = symmetric_eigenvalues<mp100>(f.hessian(th));
  std::cout << std::setprecision(6) << "[figures] c=1 f=" << f0 << " |grad|=" << g0 << " lambda_min=" << e0[0]
            << " lambda_max=" << e0[e0.size() - 1] << "\n";
  for (const mp100& c : {mp100(3), mp100(1) / 3, mp100(10)}) {
    Vec<mp100> th2 = th;
    for (int j = 0; j < 3; ++j) th2 = rescale_neuron<mp100>(a, th2, 1, j, c);  // every hidden neuron
    const mp100 f2 = f.value(th2);
    const Vec<mp100> grad2 = f.gradient(th2);
    const Vec<mp100> e2 = symmetric_eigenvalues<mp100>(f.hessian(th2));
    std::cout << "[figures] c=" << c << " f=" << f2 << " |grad|=" << grad2.norm() << " lambda_min=" << e2[0]
              << " lambda_max=" << e2[e2.size() - 1] << "\n";
    EXPECT_LE(abs(f2 - f0), mp100("1e-90") * abs(f0));
    EXPECT_GT(abs(grad2.norm() - g0), g0 / 100);
    EXPECT_GT(abs(e2[e2.size() - 1] - e0[e0.size() - 1]), abs(e0[e0.size() - 1]) / 100);
    // The law holds in mp100 too (to rounding).
    Vec<mp100> law = f.gradient(th);
    for (int j = 0; j < 3; ++j) law = rescale_neuron_gradient<mp100>(a, law, 1, j, c);
    EXPECT_LE((law - grad2).cwiseAbs().maxCoeff(), mp100("1e-90") * (1 + g0));
  }
}

// Properties over random networks, points, permutations, factors and matrices (exact).
RC_GTEST_PROP(SymmetriesProperty, ExactInRationalOnRandomNetworks, ()) {
  const int d0 = *rc::gen::inRange(1, 4);
  const int hidden_layers = *rc::gen::inRange(1, 3);
  std::vector<int> widths;
  for (int l = 0; l < hidden_layers; ++l) widths.push_back(*rc::gen::inRange(1, 5));
  const int m = *rc::gen::inRange(1, 3);
  const bool biases = *rc::gen::arbitrary<bool>();
  Architecture a = Architecture::fully_connected(d0, widths, act("relu"), m, act("identity"),
                                                 Loss::parse("square"), biases);
  for (int l = 0; l < hidden_layers; ++l)
    a.layers[static_cast<std::size_t>(l)].activation =
        act(*rc::gen::element<const char*>("relu", "leaky_relu:1/10", "leaky_relu:1/3", "identity"));
  const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1000000);
  const Dataset d = data(d0, m, *rc::gen::inRange(1, 5), seed);
  const Vec<rational> th = as<rational>(uniform_initialization(a, 2.0, seed + 1));
  const int layer = *rc::gen::inRange(1, hidden_layers + 1);
  const int w = a.width(layer);
  std::vector<int> pi(static_cast<std::size_t>(w));
  for (int i = 0; i < w; ++i) pi[static_cast<std::size_t>(i)] = i;
  optim::SplitMix64 rng(seed + 2);
  rng.shuffle(pi);
  Pair p = compare(a, d, th, permute_hidden<rational>(a, th, layer, pi));
  RC_ASSERT(p.same_outputs && p.same_loss);
  RC_ASSERT(p.g2 == permute_hidden_gradient<rational>(a, p.g, layer, pi));
  const rational c(*rc::gen::inRange(1, 20), *rc::gen::inRange(1, 20));
  const int neuron = *rc::gen::inRange(0, w);
  p = compare(a, d, th, rescale_neuron<rational>(a, th, layer, neuron, c));
  RC_ASSERT(p.same_outputs && p.same_loss);
  RC_ASSERT(p.g2 == rescale_neuron_gradient<rational>(a, p.g, layer, neuron, c));
  // GL(w) on the same layer made linear.
  Architecture lin = a;
  lin.layers[static_cast<std::size_t>(layer - 1)].activation = act("identity");
  Mat<rational> C(w, w);
  for (int i = 0; i < w; ++i)
    for (int j = 0; j < w; ++j) C(i, j) = rational(*rc::gen::inRange(-3, 4), *rc::gen::inRange(1, 4));
  for (int i = 0; i < w; ++i) C(i, i) += rational(7);  // strictly diagonally dominant: invertible
  p = compare(lin, d, th, gl_transform<rational>(lin, th, C, layer));
  RC_ASSERT(p.same_outputs && p.same_loss);
  RC_ASSERT(p.g2 == gl_transform_gradient<rational>(lin, p.g, C, layer));
}

}  // namespace
}  // namespace ov::nets::special
