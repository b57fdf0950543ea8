// The perturbed leaky-ReLU network of Soudry & Carmon (003 §3.3, Theorem 3.6, L442-L472): the
// analytic gradient against forward-mode autodiff through an independent forward pass (double
// and mp100), the unperturbed model against the core network, the reproducible Gaussian
// perturbation, and the width threshold n <= d1 d0. Each check is shown to fail on a mutant.
#include <gtest/gtest.h>

#include "tests/support/error_message.hpp"

#include <ceres/jet.h>

#include <cmath>

#include "analysis/autodiff/forward_mode.hpp"
#include "nets/core/network_objective.hpp"
#include "nets/special/soudry_carmon.hpp"
#include "optim/core/random.hpp"

namespace ov::nets::special {
namespace {

Dataset data(int d0, int n, std::uint64_t seed) {
  optim::SplitMix64 rng(seed);
  Dataset d;
  d.name = "random_regression";
  d.inputs.resize(n, d0);
  d.targets.resize(n, 1);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < d0; ++j) d.inputs(i, j) = 4 * rng.uniform() - 2;
    d.targets(i, 0) = 2 * rng.uniform() - 1;
  }
  return d;
}

template <class S>
void check_gradient(const S& tol) {
  const int d0 = 3, d1 = 4, n = 7;
  const Dataset d = data(d0, n, 5);
  const Mat<double> eps = soudry_carmon_perturbation(n, d1, 17);
  const SoudryCarmonObjective<S> f(d, d1, eps);
  EXPECT_EQ(f.dim(), d1 * d0 + d1);
  optim::SplitMix64 rng(9);
  for (int trial = 0; trial < 5; ++trial) {
    Vec<S> th(f.dim());
    for (Eigen::Index i = 0; i < th.size(); ++i) th[i] = S(2 * rng.uniform() - 1);
    // 003 L456 written out independently (slope 1/10 computed in S, as the objective's exact 1/10).
    auto ref = [&](const auto& t) {
      using T = typename std::decay_t<decltype(t)>::Scalar;
      const int dd0 = d0;
      T total = T(0);
      for (int i = 0; i < n; ++i) {
        T out = T(0);
        for (int h = 0; h < d1; ++h) {
          T z = T(0);
          for (int k = 0; k < dd0; ++k) z += t[h * dd0 + k] * T(S(d.inputs(i, k)));
          const T sz = z >= T(S(0)) ? z : T(z * T(S(1) / S(10)));
          out += t[d1 * dd0 + h] * T(S(eps(i, h))) * sz;
        }
        const T r = T(S(d.targets(i, 0))) - out;
        total += r * r;
      }
      return T(total / T(S(n)));
    };
    Vec<S> ga;
    const S va = ad::value_and_gradient(ref, th, ga);
    Vec<S> g;
    const S v = f.batch_value_and_gradient(th, {0, 1, 2, 3, 4, 5, 6}, g);
    EXPECT_LE(abs(v - va), tol * (1 + abs(va)));
    EXPECT_LE((g - ga).cwiseAbs().maxCoeff(), tol * (1 + ga.cwiseAbs().maxCoeff()));
    // Mutant: the reference with slope 1/5 (or without the perturbation) gives another gradient.
    auto mutant = [&](const auto& t) {
      using T = typename std::decay_t<decltype(t)>::Scalar;
      T total = T(0);
      for (int i = 0; i < n; ++i) {
        T out = T(0);
        for (int h = 0; h < d1; ++h) {
          T z = T(0);
          for (int k = 0; k < d0; ++k) z += t[h * d0 + k] * T(S(d.inputs(i, k)));
          const T sz = z >= T(S(0)) ? z : T(z * T(S(1) / S(5)));
          out += t[d1 * d0 + h] * T(S(eps(i, h))) * sz;
        }
        const T r = T(S(d.targets(i, 0))) - out;
        total += r * r;
      }
      return T(total / T(S(n)));
    };
    Vec<S> gm;
    ad::value_and_gradient(mutant, th, gm);
    EXPECT_GT((g - gm).cwiseAbs().maxCoeff(), S(1e-6));
  }
  // Mini-batch mean convention: the batch gradient is the mean of the sample gradients.
  Vec<S> th = Vec<S>::Constant(f.dim(), S(1) / 3);
  const Vec<S> gb = f.batch_gradient(th, {1, 4});
  const Vec<S> g1 = f.batch_gradient(th, {1}), g4 = f.batch_gradient(th, {4});
  EXPECT_LE((gb - (g1 + g4) / 2).cwiseAbs().maxCoeff(), tol * (1 + gb.cwiseAbs().maxCoeff()));
}

// double: the two evaluations differ only in rounding (a few ulps of sums of ~30 terms): 1e-13
// relative. mp100 (about 100 decimal digits): 1e-90.
TEST(SoudryCarmon, GradientMatchesAutodiffDouble) { check_gradient<double>(1e-13); }
TEST(SoudryCarmon, GradientMatchesAutodiffMp100) { check_gradient<mp100>(mp100("1e-90")); }

// Without perturbation (E = all ones, 003 L474) the model is the core network d0 -> d1 leaky_relu:1/10
// -> 1 identity, square loss, no biases, in 003's parameter order (L462): values and gradients
// agree to mp100 rounding; with a Gaussian E they do not (mutant).
TEST(SoudryCarmon, UnperturbedModelIsTheCoreNetwork) {
  const int d0 = 2, d1 = 3, n = 6;
  const Dataset d = data(d0, n, 8);
  const Architecture a = Architecture::fully_connected(d0, {d1}, Activation::parse("leaky_relu:1/10"), 1,
                                                       Activation::parse("identity"), Loss::parse("square"), false);
  const NetworkObjective<mp100> core(a, d);
  const SoudryCarmonObjective<mp100> plain(d, d1, Mat<double>::Ones(n, d1));
  const SoudryCarmonObjective<mp100> perturbed(d, d1, soudry_carmon_perturbation(n, d1, 3));
  Vec<mp100> th(core.dim());
  for (Eigen::Index i = 0; i < th.size(); ++i) th[i] = mp100(static_cast<int>(i % 5) - 2) / 3;
  EXPECT_LE(abs(plain.value(th) - core.value(th)), mp100("1e-90"));
  EXPECT_LE((plain.gradient(th) - core.gradient(th)).cwiseAbs().maxCoeff(), mp100("1e-90"));
  EXPECT_GT(abs(perturbed.value(th) - core.value(th)), mp100("1e-6"));
  for (int i = 0; i < n; ++i) {
    EXPECT_LE(abs(plain.output(th, static_cast<std::size_t>(i)) -
                  forward<mp100>(a, th, Mat<mp100>(Mat<double>(d.inputs.row(i).transpose()).cast<mp100>()))(0, 0)),
              mp100("1e-90"));
  }
}

// The perturbation: reproducible from its seed, N(mean, stddev^2) in distribution. Moments of
// 40000 draws: mean within 0.03 (5 standard errors 5/sqrt(40000) = 0.025), E z^2 within 0.05
// (5 sqrt(2/40000) = 0.035), E z^4 within 0.25 of 3 (5 sqrt(96/40000) = 0.245). Mutant: a
// uniform on [-sqrt 3, sqrt 3] has the right mean and variance but E z^4 = 1.8: caught.
TEST(SoudryCarmon, PerturbationIsReproducibleAndGaussian) {
  const Mat<double> e1 = soudry_carmon_perturbation(200, 200, 42);
  EXPECT_EQ(e1, soudry_carmon_perturbation(200, 200, 42));
  EXPECT_NE(e1, soudry_carmon_perturbation(200, 200, 43));
  auto moments = [](const Mat<double>& e) {
    double m1 = 0, m2 = 0, m4 = 0;
    for (Eigen::Index i = 0; i < e.size(); ++i) {
      const double z = e.data()[i];
      m1 += z, m2 += z * z, m4 += z * z * z * z;
    }
    const double n = static_cast<double>(e.size());
    return std::array<double, 3>{m1 / n, m2 / n, m4 / n};
  };
  auto gaussian_like = [](const std::array<double, 3>& m) {
    return std::abs(m[0]) < 0.03 && std::abs(m[1] - 1) < 0.05 && std::abs(m[2] - 3) < 0.25;
  };
  EXPECT_TRUE(gaussian_like(moments(e1)));
  optim::SplitMix64 rng(1);
  Mat<double> u(200, 200);
  for (Eigen::Index i = 0; i < u.size(); ++i) u.data()[i] = std::sqrt(3.0) * (2 * rng.uniform() - 1);
  EXPECT_FALSE(gaussian_like(moments(u)));
  const Mat<double> shifted = soudry_carmon_perturbation(200, 200, 42, 1.0, 0.5);
  const Mat<double> expected = ((e1 * 0.5).array() + 1.0).matrix();
  EXPECT_EQ(shifted, expected);
  // Input noise: reproducible, small, and only on the inputs.
  const Dataset d = data(2, 5, 1);
  const Dataset dn = with_input_noise(d, 1e-6, 4);
  EXPECT_EQ(dn.targets, d.targets);
  EXPECT_GT((dn.inputs - d.inputs).cwiseAbs().maxCoeff(), 0);
  EXPECT_LT((dn.inputs - d.inputs).cwiseAbs().maxCoeff(), 1e-5);
  EXPECT_EQ(with_input_noise(d, 1e-6, 4).inputs, dn.inputs);
}

// 003 L470: n <= d1 d0; 003 L1011: d0 = 2, n = 100 needs d1 >= 50.
TEST(SoudryCarmon, WidthThreshold) {
  EXPECT_EQ(soudry_carmon_min_width(100, 2), 50);
  EXPECT_FALSE(soudry_carmon_condition(100, 2, 49));
  EXPECT_TRUE(soudry_carmon_condition(100, 2, 50));
  EXPECT_EQ(soudry_carmon_min_width(7, 3), 3);
  EXPECT_FALSE(soudry_carmon_condition(7, 3, 2));
  EXPECT_TRUE(soudry_carmon_condition(7, 3, 3));
  for (long n = 1; n <= 40; ++n)
    for (int d0 = 1; d0 <= 5; ++d0) {
      const int w = soudry_carmon_min_width(n, d0);
      EXPECT_TRUE(soudry_carmon_condition(n, d0, w));
      if (w > 1) {
        EXPECT_FALSE(soudry_carmon_condition(n, d0, w - 1));
      }
    }
  EXPECT_THROW(soudry_carmon_min_width(0, 2), std::invalid_argument);
  EXPECT_THROW(soudry_carmon_condition(5, 2, 0), std::invalid_argument);
}

TEST(SoudryCarmon, BadInputIsNamed) {
  const Dataset d = data(2, 4, 1);
  const auto message = [](auto&& fn) { return ov::testing::invalid_argument_message(fn); };
  EXPECT_NE(message([&] { SoudryCarmonObjective<double>(d, 3, Mat<double>::Ones(4, 2)); }).find("4 x 3, got 4 x 2"),
            std::string::npos);
  EXPECT_NE(message([&] { SoudryCarmonObjective<double>(d, 0, Mat<double>::Ones(4, 0)); }).find("hidden (d1) = 0"),
            std::string::npos);
  Mat<double> e = Mat<double>::Ones(4, 3);
  e(2, 1) = std::nan("");
  EXPECT_NE(message([&] { SoudryCarmonObjective<double>(d, 3, e); }).find("perturbation(2,1)"), std::string::npos);
  EXPECT_NE(message([&] { soudry_carmon_perturbation(4, 3, 1, 0.0, -1.0); }).find("stddev"), std::string::npos);
  const SoudryCarmonObjective<double> f(d, 3, Mat<double>::Ones(4, 3));
  EXPECT_NE(message([&] { f.value(Vec<double>::Zero(5)); }).find("has 5 entries"), std::string::npos);
  EXPECT_THROW(f.batch_value(Vec<double>::Zero(9), {4}), std::out_of_range);
}

}  // namespace
}  // namespace ov::nets::special
