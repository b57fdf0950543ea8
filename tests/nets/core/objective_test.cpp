// The network objective: the mean convention over batches, Hessian-vector products by
// forward-over-reverse differentiation against mp100 finite differences and exact nested-Jet
// Hessians in rational, training with the optimizer library, and bad input (shapes named,
// non-finite values reported with the sample and the layer, the step refused).
#include <gtest/gtest.h>

#include "analysis/autodiff/forward_mode.hpp"
#include "nets/core/initialization.hpp"
#include "nets/core/network_objective.hpp"
#include "optim/core/oracle.hpp"
#include "optim/rules/sgd.hpp"

namespace ov::nets {
namespace {

Dataset small_data() {
  Dataset d;
  d.name = "small";
  d.inputs.resize(5, 2);
  d.targets.resize(5, 1);
  d.inputs << 0.5, 1, -1, 0.25, 2, -0.5, 0.75, 0.75, -1.5, 1.25;
  d.targets << 1, 0, 1, 0, 1;
  return d;
}

Architecture classifier() {
  return Architecture::fully_connected(2, {3}, Activation::parse("tanh"), 1, Activation::parse("logistic"),
                                       Loss::parse("log_loss"));
}

template <class S>
Vec<S> to(const Vec<double>& v) {
  Vec<S> r(v.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) r[i] = data_as<S>(v[i]);
  return r;
}

TEST(NetworkObjective, MeanConventionOverBatches) {
  const NetworkObjective<double> f(classifier(), small_data());
  const Vec<double> th = uniform_initialization(classifier(), 1.0, 3);
  EXPECT_EQ(f.dim(), 13);
  EXPECT_EQ(f.num_samples(), 5u);
  double sum = 0;
  for (std::size_t i = 0; i < 5; ++i) sum += f.batch_value(th, {i});
  EXPECT_NEAR(f.value(th), sum / 5, 1e-15);
  EXPECT_NEAR(f.batch_value(th, {0, 1, 2, 3, 4}), f.value(th), 1e-15);
  // Repeats count (sampling with replacement): batch {1, 1, 2} weighs sample 1 twice.
  EXPECT_NEAR(f.batch_value(th, {1, 1, 2}), (2 * f.batch_value(th, {1}) + f.batch_value(th, {2})) / 3, 1e-15);
  const Vec<double> g = f.gradient(th);
  Vec<double> gs = Vec<double>::Zero(13);
  for (std::size_t i = 0; i < 5; ++i) gs += f.sample_gradient(th, i);
  EXPECT_LT((g - gs / 5).cwiseAbs().maxCoeff(), 1e-15);
  EXPECT_THROW(f.batch_value(th, {7}), std::out_of_range);
  EXPECT_THROW(f.batch_value(th, {}), std::invalid_argument);
}

// H v against the mp100 central difference of the backpropagated gradient (h = 1e-30: error
// ~1e-60); the mutant (H v with v's first entry dropped) fails the same tolerance.
TEST(NetworkObjective, HessianVectorProductsMatchMp100Differences) {
  const NetworkObjective<mp100> f(classifier(), small_data());
  const Vec<mp100> th = to<mp100>(uniform_initialization(classifier(), 1.0, 5));
  Vec<mp100> v(th.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) v[i] = mp100(static_cast<int>(i % 5) - 2) / 3;
  const Vec<mp100> hv = f.hessian_vector(th, v);
  const mp100 h("1e-30");
  const Vec<mp100> fd = (f.gradient(Vec<mp100>(th + h * v)) - f.gradient(Vec<mp100>(th - h * v))) / (2 * h);
  EXPECT_LT((hv - fd).cwiseAbs().maxCoeff(), mp100("1e-45"));
  Vec<mp100> v2 = v;
  v2[0] = 0;
  EXPECT_GT((f.hessian_vector(th, v2) - fd).cwiseAbs().maxCoeff(), mp100("1e-6"));
  // Batch HVP: the mean of the per-sample products.
  const Vec<mp100> b = f.batch_hessian_vector(th, {0, 3}, v);
  const Vec<mp100> b0 = f.batch_hessian_vector(th, {0}, v), b3 = f.batch_hessian_vector(th, {3}, v);
  EXPECT_LT((b - (b0 + b3) / 2).cwiseAbs().maxCoeff(), mp100("1e-95"));
}

// A rational network (quadratic hidden activation, square loss): the Hessian assembled from
// forward-over-reverse products equals the nested-Jet Hessian of the loss exactly.
TEST(NetworkObjective, ExactHessianInRational) {
  Architecture a = Architecture::fully_connected(2, {2}, Activation::parse("quadratic"), 1,
                                                 Activation::parse("identity"), Loss::parse("half_square"));
  Dataset d = small_data();
  d.targets(1, 0) = 0.5;
  const NetworkObjective<rational> f(a, d);
  const Vec<rational> th = to<rational>(uniform_initialization(a, 2.0, 11));
  const Mat<rational> H = f.hessian(th);
  // Nested Jets cannot go through Eigen's products (they build Scalar(0) from an int), so the
  // reference loss is written with plain loops: an independent forward pass.
  const Mat<rational> Ha = ad::hessian(
      [&](const auto& t) {
        using T = typename std::decay_t<decltype(t)>::Scalar;
        T total = integer<T>(0);
        for (int s = 0; s < 5; ++s) {
          T hidden[2];
          for (int i = 0; i < 2; ++i) {
            // 003 order: W1 = t[0..3] row-major, W2 = t[4..5], b1 = t[6..7], b2 = t[8]
            T z = t[2 * i] * data_as<T>(d.inputs(s, 0)) + t[2 * i + 1] * data_as<T>(d.inputs(s, 1)) + t[6 + i];
            hidden[i] = z * z;
          }
          T out = t[4] * hidden[0] + t[5] * hidden[1] + t[8];
          const T r = data_as<T>(d.targets(s, 0)) - out;
          total += r * r;
        }
        return T(total / integer<T>(10));  // (1/n) sum (1/2) r^2, n = 5
      },
      th);
  EXPECT_EQ(H, Ha);
}

// In interval arithmetic (MPFI, outward rounding) the loss and the backpropagated gradient are
// enclosures: they contain the mp100 values; a mutant (the mp100 gradient of a different start
// point) falls outside.
TEST(NetworkObjective, IntervalEvaluationEnclosesTheMp100Values) {
  const NetworkObjective<interval> fi(classifier(), small_data());
  const NetworkObjective<mp100> fm(classifier(), small_data());
  const Vec<double> th = uniform_initialization(classifier(), 1.0, 4);
  const interval vi = fi.value(to<interval>(th));
  const mp100 vm = fm.value(to<mp100>(th));
  EXPECT_TRUE(lower(vi) <= vm && vm <= upper(vi));
  EXPECT_LT(upper(vi) - lower(vi), mp50("1e-40"));  // 50-digit intervals stay tight on a small network
  const Vec<interval> gi = fi.gradient(to<interval>(th));
  const Vec<mp100> gm = fm.gradient(to<mp100>(th));
  const Vec<mp100> other = fm.gradient(to<mp100>(uniform_initialization(classifier(), 1.0, 5)));
  int outside = 0;
  for (Eigen::Index i = 0; i < gi.size(); ++i) {
    EXPECT_TRUE(lower(gi[i]) <= gm[i] && gm[i] <= upper(gi[i])) << "entry " << i;
    outside += !(lower(gi[i]) <= other[i] && other[i] <= upper(gi[i]));
  }
  EXPECT_GT(outside, 0);
}

// Data given directly in rational (non-dyadic thirds, which a Dataset of doubles cannot hold):
// the same values as the exact conversion where the data are dyadic, exact thirds otherwise.
TEST(NetworkObjective, ExactRationalDataGivenAsMatrices) {
  Architecture a = Architecture::fully_connected(2, {2}, Activation::parse("relu"), 1, Activation::parse("identity"),
                                                 Loss::parse("square"));
  const Dataset d = small_data();
  Mat<rational> X(2, 5), Y(1, 5);
  for (int s = 0; s < 5; ++s) {
    X(0, s) = rational(d.inputs(s, 0));
    X(1, s) = rational(d.inputs(s, 1));
    Y(0, s) = rational(d.targets(s, 0));
  }
  const Vec<rational> th = to<rational>(uniform_initialization(a, 1.0, 8));
  EXPECT_EQ(NetworkObjective<rational>(a, X, Y).value(th), NetworkObjective<rational>(a, d).value(th));
  Y(0, 0) = rational(1, 3);  // y_0 = 1/3 exactly: f changes by exactly ((1/3 - h)^2 - (1 - h)^2) / 5
  const rational h = forward<rational>(a, th, Mat<rational>(X.col(0)))(0, 0);
  const rational expected = NetworkObjective<rational>(a, d).value(th) +
                            ((rational(1, 3) - h) * (rational(1, 3) - h) - (1 - h) * (1 - h)) / 5;
  EXPECT_EQ(NetworkObjective<rational>(a, X, Y).value(th), expected);
  try {
    NetworkObjective<rational>(a, Mat<rational>(3, 5), Y);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "layer 0 (input) has width 2 but the inputs have 3 features");
  }
  EXPECT_THROW(NetworkObjective<rational>(a, Mat<rational>(2, 0), Mat<rational>(1, 0)), std::invalid_argument);
}

TEST(NetworkObjective, ShapesAreCheckedAndNamed) {
  Dataset d = small_data();
  Architecture a = Architecture::fully_connected(3, {2}, Activation::parse("relu"), 1, Activation::parse("identity"),
                                                 Loss::parse("square"));
  try {
    NetworkObjective<double> f(a, d);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "layer 0 (input) has width 3 but the inputs have 2 features");
  }
  a.input_dim = 2;
  a.layers.back().width = 2;
  try {
    NetworkObjective<double> f(a, d);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "layer 2 (output) has width 2 but the targets have 1 columns");
  }
  const NetworkObjective<double> f(classifier(), d);
  try {
    f.value(Vec<double>::Zero(12));
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("parameter vector has 12 entries"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("needs 13"), std::string::npos);
  }
  EXPECT_THROW(Architecture::fully_connected(2, {0}, Activation::parse("relu"), 1, Activation::parse("identity"),
                                             Loss::parse("square")),
               std::invalid_argument);
}

// A huge input on sample 3 overflows layer 1: the value is not finite, the report names sample
// 3 and layer 1, and an SGD step refuses to move (state unchanged).
TEST(NetworkObjective, NonFiniteValuesNameTheSampleAndTheOptimizerRefusesTheStep) {
  Dataset d = small_data();
  d.inputs(3, 0) = 1e308;
  Architecture a = Architecture::fully_connected(2, {3}, Activation::parse("relu"), 1, Activation::parse("identity"),
                                                 Loss::parse("square"));
  const NetworkObjective<double> f(a, d);
  Vec<double> th = Vec<double>::Constant(a.num_parameters(), 10.0);
  EXPECT_FALSE(std::isfinite(f.value(th)));
  ASSERT_TRUE(f.last_non_finite().has_value());
  EXPECT_EQ(f.last_non_finite()->sample, 3);
  EXPECT_EQ(f.last_non_finite()->layer, 1);
  EXPECT_EQ(f.last_non_finite()->message(), "non-finite pre-activation at sample 3, layer 1");
  optim::Oracle<double> oracle(f);
  optim::Sgd<double> sgd;
  const Vec<double> before = th;
  const auto report = sgd.step(oracle, th);
  EXPECT_NE(report.status, optim::StepStatus::taken);
  EXPECT_EQ(th, before);
  NetworkObjective<double> g(a, d);
  g.throw_on_non_finite(true);
  EXPECT_THROW(g.value(th), non_finite_error);
}

// Gradient descent with the library's SGD rule (full batch) decreases the loss of a small
// classifier: 200 steps of lr 0.5 from a seeded start.
TEST(NetworkObjective, TrainsWithTheOptimizerLibrary) {
  const NetworkObjective<double> f(classifier(), small_data());
  Vec<double> th = uniform_initialization(classifier(), 1.0, 2);
  const double f0 = f.value(th);
  optim::Oracle<double> oracle(f);
  optim::SgdOptions<double> o;
  o.lr = 0.5;
  optim::Sgd<double> sgd(o);
  for (int k = 0; k < 200; ++k) ASSERT_EQ(sgd.step(oracle, th).status, optim::StepStatus::taken);
  EXPECT_LT(f.value(th), 0.5 * f0);
}

}  // namespace
}  // namespace ov::nets
