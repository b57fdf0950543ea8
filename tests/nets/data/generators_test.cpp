// nets/data generators: the 003 §4.2 regression toy, make_circles and the §5.1
// training set, the standardized regression stand-in of §5.2. Statistical bounds
// are 5 standard errors of the estimator (justified by n in each comment); the
// seeds are fixed, so every outcome is deterministic. Each checker is also run
// on a mutated data set and must reject it.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <set>
#include <string>

#include "analysis/numeric/scalars.hpp"
#include "nets/data/make_circles.hpp"
#include "nets/data/regression_toy.hpp"
#include "nets/data/sampling.hpp"
#include "nets/data/standardized_regression.hpp"

namespace {

using ov::mp100;
using ov::nets::Dataset;
namespace nd = ov::nets::data;

template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// ---------------------------------------------------------------- regression toy

// Inputs in [0, 4) and multiples of 2^-51 (4 times a 53-bit uniform); with N = 2n
// input values the mean is 2 within 5 sd = 5 (4/sqrt 12)/sqrt(N) and the variance
// 16/12 within 5 sd(s^2) = 5 sqrt((E(x-2)^4 - (4/3)^2)/N) = 5 sqrt((256/80 - 16/9)/N);
// the residual y - x1 - x2 has mean 0 within 5/sqrt(n), variance 1 within
// 5 sqrt(2/n) and correlation with x1 within 5/sqrt(n).
std::string toy_problem(const Dataset& d) {
  const double n = static_cast<double>(d.size()), N = 2 * n;
  for (Eigen::Index i = 0; i < d.size(); ++i) {
    for (int j = 0; j < 2; ++j) {
      const double x = d.inputs(i, j), s = std::ldexp(x, 51);
      if (!(x >= 0 && x < 4) || s != std::floor(s)) return "input " + std::to_string(x);
    }
  }
  const double mean = d.inputs.mean();
  const double var = (d.inputs.array() - 2.0).square().mean();
  if (std::abs(mean - 2) > 5 * (4 / std::sqrt(12.0)) / std::sqrt(N)) return "input mean " + std::to_string(mean);
  if (std::abs(var - 16.0 / 12) > 5 * std::sqrt((256.0 / 80 - 16.0 / 9) / N)) return "input var " + std::to_string(var);
  const Eigen::ArrayXd eps = d.targets.col(0).array() - d.inputs.col(0).array() - d.inputs.col(1).array();
  if (std::abs(eps.mean()) > 5 / std::sqrt(n)) return "noise mean " + std::to_string(eps.mean());
  if (std::abs(eps.square().mean() - 1) > 5 * std::sqrt(2 / n)) return "noise var " + std::to_string(eps.square().mean());
  const double corr = ((d.inputs.col(0).array() - 2) * eps).mean() / (4 / std::sqrt(12.0));
  if (std::abs(corr) > 5 / std::sqrt(n)) return "noise-input correlation " + std::to_string(corr);
  return "";
}

TEST(NetsDataRegressionToy, ShapeDefaultsAndDeterminism) {
  const Dataset a = nd::regression_toy(), b = nd::regression_toy(100, 1), c = nd::regression_toy(100, 2);
  EXPECT_EQ(a.size(), 100);
  EXPECT_EQ(a.input_dim(), 2);
  EXPECT_EQ(a.output_dim(), 1);
  EXPECT_EQ(a.name, "regression_toy");
  EXPECT_TRUE(contains(a.description, "003 §4.2"));
  EXPECT_EQ(a.seed, 1u);
  EXPECT_TRUE(a.inputs == b.inputs && a.targets == b.targets);
  EXPECT_FALSE(a.inputs == c.inputs);
  EXPECT_FALSE(a.targets == c.targets);
}

TEST(NetsDataRegressionToy, StatisticsMatchTheRecipe) {
  EXPECT_EQ(toy_problem(nd::regression_toy(100, 1)), "");  // n = 100: bounds 0.41 (mean), 0.5 (noise mean)
  const Dataset big = nd::regression_toy(100000, 3);
  EXPECT_EQ(toy_problem(big), "");
  // Mutants: inputs U(0, 2); noise N(0, 1.2^2); y = x1 + eps (x2 forgotten).
  Dataset m = big;
  m.inputs /= 2;
  m.targets = (m.inputs.col(0) + m.inputs.col(1)).eval() + (big.targets - big.inputs.rowwise().sum());
  EXPECT_NE(toy_problem(m), "");
  m = big;
  m.targets = big.inputs.rowwise().sum() + 1.2 * (big.targets - big.inputs.rowwise().sum());
  EXPECT_NE(toy_problem(m), "");
  m = big;
  m.targets -= big.inputs.col(1);
  EXPECT_NE(toy_problem(m), "");
}

TEST(NetsDataRegressionToy, RejectsEmptySets) {
  const std::string e = error_of([] { nd::regression_toy(0, 1); });
  EXPECT_TRUE(contains(e, "n = 0")) << e;
  EXPECT_TRUE(contains(e, "n >= 1")) << e;
}

// ---------------------------------------------------------------- make_circles

// Noise-free points: row k < n_out at angle 2 pi k / n_out on the unit circle, row
// n_out + k at angle 2 pi k / n_in on the circle of radius factor, compared with
// cos / sin in mp100; tolerance 1e-14 (angle k * fl(2 pi / m) has absolute error
// <= 2 pi 2^-52 = 1.4e-15, cos and sin <= 1 ulp, the factor one more rounding).
std::string circle_problem(const Dataset& d, double factor) {
  const long n = d.size(), n_out = n / 2, n_in = n - n_out;
  const mp100 two_pi = 2 * boost::math::constants::pi<mp100>();
  for (long i = 0; i < n; ++i) {
    const bool outer = i < n_out;
    const long k = outer ? i : i - n_out;
    const mp100 a = two_pi * k / (outer ? n_out : n_in);
    const mp100 rad = outer ? mp100(1) : mp100(factor);
    const double ex = static_cast<double>(abs(mp100(d.inputs(i, 0)) - rad * cos(a)));
    const double ey = static_cast<double>(abs(mp100(d.inputs(i, 1)) - rad * sin(a)));
    if (ex > 1e-14 || ey > 1e-14) return "row " + std::to_string(i) + " off by " + std::to_string(std::max(ex, ey));
    if (d.targets(i, 0) != (outer ? 0.0 : 1.0)) return "label of row " + std::to_string(i);
  }
  return "";
}

TEST(NetsDataCircles, NoiseFreePointsLieOnTheTwoCircles) {
  for (long n : {2L, 3L, 100L, 101L, 10000L}) {
    for (double factor : {0.0, 0.3, 0.8, 0.999}) {
      const Dataset d = nd::make_circles(n, 0.0, factor, 1);
      ASSERT_EQ(circle_problem(d, factor), "") << "n " << n << " factor " << factor;
      // Radii to rounding: |r - 1| and |r - factor| <= 1e-15 (a few ulps), r in mp100.
      for (Eigen::Index i = 0; i < d.size(); ++i) {
        const mp100 r = sqrt(mp100(d.inputs(i, 0)) * d.inputs(i, 0) + mp100(d.inputs(i, 1)) * d.inputs(i, 1));
        const double target = i < n / 2 ? 1.0 : factor;
        ASSERT_LE(static_cast<double>(abs(r - target)), 1e-15) << "row " << i;
      }
    }
  }
  // Mutants: the endpoint included (angles 2 pi k / (m - 1)); the factor on the outer circle.
  Dataset m = nd::make_circles(100, 0.0, 0.5, 1);
  for (long k = 0; k < 50; ++k) {
    m.inputs(k, 0) = std::cos(2 * M_PI * k / 49.0);
    m.inputs(k, 1) = std::sin(2 * M_PI * k / 49.0);
  }
  EXPECT_NE(circle_problem(m, 0.5), "");
  m = nd::make_circles(100, 0.0, 0.5, 1);
  m.inputs.topRows(50) *= 0.5;
  EXPECT_NE(circle_problem(m, 0.5), "");
}

RC_GTEST_PROP(NetsDataCircles, LabelsCountsAndRadiiForAnySize, ()) {
  const long n = *rc::gen::inRange<long>(2, 400);
  const double factor = *rc::gen::inRange<int>(0, 1000) / 1000.0;
  const Dataset d = nd::make_circles(n, 0.0, factor, 1);
  RC_ASSERT(d.size() == n);
  RC_ASSERT(d.targets.sum() == static_cast<double>(n - n / 2));  // inner: n - n/2 (one more for odd n)
  RC_ASSERT(circle_problem(d, factor).empty());
}

// With noise: residuals (noisy - noise-free) over all 2n coordinates have mean 0
// within 5 noise/sqrt(2n) and standard deviation `noise` within 5 noise/sqrt(4n)
// (sd of the sample sd of a normal); lag-1 correlation within 5/sqrt(2n).
std::string noise_problem(const Dataset& noisy, const Dataset& clean, double noise) {
  const Eigen::ArrayXXd r = (noisy.inputs - clean.inputs).array();
  const double N = static_cast<double>(r.size());
  const double mean = r.mean();
  const double sd = std::sqrt(r.square().mean());
  if (std::abs(mean) > 5 * noise / std::sqrt(N)) return "mean " + std::to_string(mean);
  if (std::abs(sd - noise) > 5 * noise / std::sqrt(2 * N)) return "sd " + std::to_string(sd);
  const double lag = (r.col(0) * r.col(1)).mean() / (noise * noise);
  if (std::abs(lag) > 5 / std::sqrt(N / 2)) return "x-y correlation " + std::to_string(lag);
  if (!(noisy.targets == clean.targets)) return "labels changed";
  return "";
}

TEST(NetsDataCircles, NoiseHasTheRequestedStandardDeviation) {
  const Dataset clean = nd::make_circles(10000, 0.0, 0.0, 1);
  const Dataset noisy = nd::make_circles(10000, 0.35, 0.0, 1);
  EXPECT_EQ(noise_problem(noisy, clean, 0.35), "");
  EXPECT_TRUE(contains(noisy.description, "noise = 0.35, factor = 0,")) << noisy.description;
  // Mutant: noise drawn with variance 0.35 instead of standard deviation 0.35.
  Dataset m = clean;
  m.inputs += (noisy.inputs - clean.inputs) * (0.35 / std::sqrt(0.35));
  EXPECT_NE(noise_problem(m, clean, 0.35), "");
  // Mutant: the same noise added to x and y.
  m = clean;
  m.inputs.col(0) += noisy.inputs.col(0) - clean.inputs.col(0);
  m.inputs.col(1) += noisy.inputs.col(0) - clean.inputs.col(0);
  EXPECT_NE(noise_problem(m, clean, 0.35), "");
}

TEST(NetsDataCircles, DeterministicBySeed) {
  const Dataset a = nd::make_circles(500, 0.1, 0.5, 4), b = nd::make_circles(500, 0.1, 0.5, 4),
                c = nd::make_circles(500, 0.1, 0.5, 5);
  EXPECT_TRUE(a.inputs == b.inputs);
  EXPECT_FALSE(a.inputs == c.inputs);
  EXPECT_TRUE(nd::make_circles(50, 0.0, 0.5, 4).inputs == nd::make_circles(50, 0.0, 0.5, 5).inputs);  // no draw
}

TEST(NetsDataCircles, InvalidParametersNameTheParameterAndRange) {
  std::string e = error_of([] { nd::make_circles(1, 0.1, 0.5, 1); });
  EXPECT_TRUE(contains(e, "n_samples = 1") && contains(e, "n_samples >= 2")) << e;
  e = error_of([] { nd::make_circles(10, -0.1, 0.5, 1); });
  EXPECT_TRUE(contains(e, "noise = -0.1 is invalid") && contains(e, ">= 0")) << e;
  e = error_of([] { nd::make_circles(10, std::nan(""), 0.5, 1); });
  EXPECT_TRUE(contains(e, "noise = ")) << e;
  e = error_of([] { nd::make_circles(10, INFINITY, 0.5, 1); });
  EXPECT_TRUE(contains(e, "noise = inf")) << e;
  e = error_of([] { nd::make_circles(10, 0.1, 1.0, 1); });
  EXPECT_TRUE(contains(e, "factor = 1") && contains(e, "0 <= factor < 1")) << e;
  e = error_of([] { nd::make_circles(10, 0.1, -0.5, 1); });
  EXPECT_TRUE(contains(e, "factor = -0.5")) << e;
}

TEST(NetsDataCircles, TrainingSetIsA100RowSubsetOfThe10000Points) {
  const Dataset all = nd::make_circles(10000, 0.35, 0.0, 1);
  const Dataset t = nd::circles_training_set(1);
  ASSERT_EQ(t.size(), 100);
  EXPECT_EQ(t.input_dim(), 2);
  EXPECT_EQ(t.seed, 1u);
  std::set<Eigen::Index> rows;
  for (Eigen::Index i = 0; i < t.size(); ++i) {
    Eigen::Index found = -1;
    for (Eigen::Index r = 0; r < all.size() && found < 0; ++r) {
      if (all.inputs.row(r) == t.inputs.row(i)) found = r;
    }
    ASSERT_GE(found, 0) << "training row " << i << " is not a generated point";
    EXPECT_EQ(all.targets(found, 0), t.targets(i, 0));
    rows.insert(found);
  }
  EXPECT_EQ(rows.size(), 100u);  // without replacement
  // Both classes present: P(one class absent) = 2 * 2^-100 for a uniform subset.
  EXPECT_GT(t.targets.sum(), 0.0);
  EXPECT_LT(t.targets.sum(), 100.0);
  EXPECT_TRUE(nd::circles_training_set(1).inputs == t.inputs);
  EXPECT_FALSE(nd::circles_training_set(2).inputs == t.inputs);
}

// ---------------------------------------------------------------- standardized regression

// Mean 0 and population sd 1 of every column over the whole population, computed
// in mp100 from the doubles. Tolerance 1e-12: the generator's compensated sums give
// the mean and sd to a few ulps, and each standardized value carries <= 2 roundings
// (2u |z| with u = 2^-53), so the errors are O(1e-15); 1e-12 leaves 1000x margin.
std::string standardization_problem(const Eigen::MatrixXd& m) {
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    mp100 s1 = 0, s2 = 0;
    for (Eigen::Index i = 0; i < m.rows(); ++i) s1 += mp100(m(i, j));
    const mp100 mean = s1 / m.rows();
    for (Eigen::Index i = 0; i < m.rows(); ++i) s2 += (mp100(m(i, j)) - mean) * (mp100(m(i, j)) - mean);
    const mp100 sd = sqrt(s2 / m.rows());
    if (abs(mean) > 1e-12) return "column " + std::to_string(j) + " mean " + std::to_string(static_cast<double>(mean));
    if (abs(sd - 1) > 1e-12) return "column " + std::to_string(j) + " sd " + std::to_string(static_cast<double>(sd));
  }
  return "";
}

TEST(NetsDataStandardizedRegression, PopulationHasMeanZeroAndUnitSd) {
  const Dataset p = nd::standardized_regression_population();
  ASSERT_EQ(p.size(), 20640);
  EXPECT_EQ(p.input_dim(), 8);
  EXPECT_EQ(p.output_dim(), 1);
  EXPECT_TRUE(contains(p.description, "SYNTHETIC"));
  EXPECT_EQ(standardization_problem(p.inputs), "");
  EXPECT_EQ(standardization_problem(p.targets), "");
  // Mutant: scaled by the sample sd (ddof = 1): population sd sqrt((N-1)/N) = 1 - 2.4e-5.
  const double ddof1 = std::sqrt((20640.0 - 1) / 20640.0);
  EXPECT_NE(standardization_problem(p.inputs * ddof1), "");
  // Mutant: centred by a mean off by 1e-9 of a standard deviation.
  EXPECT_NE(standardization_problem((p.targets.array() + 1e-9).matrix()), "");
}

// R^2 of the least-squares linear fit of y on (1, x).
double linear_r2(const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  Eigen::MatrixXd a(x.rows(), x.cols() + 1);
  a << Eigen::VectorXd::Ones(x.rows()), x;
  const Eigen::VectorXd coef = a.colPivHouseholderQr().solve(y);
  return 1 - (a * coef - y).squaredNorm() / (y.array() - y.mean()).matrix().squaredNorm();
}

TEST(NetsDataStandardizedRegression, TargetIsPartlyLinearPartlyNonlinear) {
  // The documented target has a linear part (x1, x2) and nonlinear terms plus
  // noise: measured R^2 = 0.695 (printed). The test requires 0.3 < R^2 < 0.95;
  // a target replaced by its own linear fit (R^2 = 1) or by pure noise (R^2 ~ 0)
  // is caught.
  const Dataset p = nd::standardized_regression_population();
  const double r2 = linear_r2(p.inputs, p.targets.col(0));
  std::printf("linear R^2 of the standardized target: %.4f\n", r2);
  EXPECT_GT(r2, 0.3);
  EXPECT_LT(r2, 0.95);
  Eigen::MatrixXd a(p.size(), 9);
  a << Eigen::VectorXd::Ones(p.size()), p.inputs;
  const Eigen::VectorXd linear = a * a.colPivHouseholderQr().solve(p.targets.col(0));
  EXPECT_GT(linear_r2(p.inputs, linear), 0.95);
  nd::DataStream noise(9);
  Eigen::VectorXd pure(p.size());
  for (Eigen::Index i = 0; i < p.size(); ++i) pure[i] = noise.normal();
  EXPECT_LT(linear_r2(p.inputs, pure), 0.3);
}

TEST(NetsDataStandardizedRegression, SubsamplesAreDistinctPopulationRows) {
  const Dataset p = nd::standardized_regression_population();
  for (long n : {100L, 1000L, 10000L}) {
    const Dataset s = nd::standardized_regression(n, 42);
    ASSERT_EQ(s.size(), n);
    EXPECT_EQ(s.input_dim(), 8);
    EXPECT_EQ(s.output_dim(), 1);
    EXPECT_TRUE(contains(s.description, "SYNTHETIC"));
    if (n == 100) {  // every row is a population row (exact), and the rows are distinct
      std::set<Eigen::Index> rows;
      for (Eigen::Index i = 0; i < n; ++i) {
        for (Eigen::Index r = 0; r < p.size(); ++r) {
          if (p.inputs.row(r) == s.inputs.row(i)) {
            EXPECT_EQ(p.targets(r, 0), s.targets(i, 0));
            rows.insert(r);
            break;
          }
        }
      }
      EXPECT_EQ(rows.size(), 100u);
    }
  }
  EXPECT_TRUE(nd::standardized_regression(100, 42).inputs == nd::standardized_regression(100, 42).inputs);
  EXPECT_FALSE(nd::standardized_regression(100, 42).inputs == nd::standardized_regression(100, 43).inputs);
}

TEST(NetsDataStandardizedRegression, InvalidSizesAreRejected) {
  std::string e = error_of([] { nd::standardized_regression(0, 1); });
  EXPECT_TRUE(contains(e, "n = 0") && contains(e, "1 <= n <= population = 20640")) << e;
  e = error_of([] { nd::standardized_regression(20641, 1); });
  EXPECT_TRUE(contains(e, "n = 20641")) << e;
  e = error_of([] { nd::standardized_regression_population(1, 1); });
  EXPECT_TRUE(contains(e, "population = 1")) << e;
}

}  // namespace
