// Each generator of tests/support/generators.hpp covers what it claims.
//
// Coverage checks draw a deterministic sample through RapidCheck itself
// (Gen::operator()(rc::Random(seed), size)) so they replay exactly; every coverage
// detector is also run on a generator that lacks the feature, to show it can fail.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <set>

#include "tests/support/generators.hpp"

namespace {

using ov::rational;

template <class T>
std::vector<T> sample(const rc::Gen<T>& g, int count, int size = rc::kNominalSize) {
  std::vector<T> out;
  for (int i = 0; i < count; ++i) out.push_back(g(rc::Random(static_cast<std::uint64_t>(7919 * i + 1)), size).value());
  return out;
}

struct DoubleCoverage {
  bool tiny = false, huge = false, subnormal = false, pos_zero = false, neg_zero = false, nan = false, pos_inf = false,
       neg_inf = false, negative = false, moderate = false;
};
DoubleCoverage coverage(const std::vector<double>& xs) {
  DoubleCoverage c;
  for (double x : xs) {
    if (std::isnan(x)) c.nan = true;
    else if (std::isinf(x)) (x > 0 ? c.pos_inf : c.neg_inf) = true;
    else if (x == 0) (std::signbit(x) ? c.neg_zero : c.pos_zero) = true;
    else if (std::fpclassify(x) == FP_SUBNORMAL) c.subnormal = true;
    else if (std::abs(x) < 1e-280) c.tiny = true;
    else if (std::abs(x) > 1e280) c.huge = true;
    else if (std::abs(x) <= 4) c.moderate = true;
    if (x < 0) c.negative = true;
  }
  return c;
}

TEST(Generators, AnyDoubleReachesEveryFiniteKindAndNoNonFiniteUnlessAsked) {
  const auto c = coverage(sample(ov::gen::any_double(), 2000));
  EXPECT_TRUE(c.tiny);
  EXPECT_TRUE(c.huge);
  EXPECT_TRUE(c.subnormal);
  EXPECT_TRUE(c.pos_zero);
  EXPECT_TRUE(c.neg_zero);
  EXPECT_TRUE(c.moderate);
  EXPECT_TRUE(c.negative);
  EXPECT_FALSE(c.nan);
  EXPECT_FALSE(c.pos_inf || c.neg_inf);
}

TEST(Generators, AnyDoubleGivesNanAndInfinitiesWhenAsked) {
  const auto c = coverage(sample(ov::gen::any_double({/*nan=*/true, /*infinities=*/true}), 2000));
  EXPECT_TRUE(c.nan);
  EXPECT_TRUE(c.pos_inf);
  EXPECT_TRUE(c.neg_inf);
}

TEST(Generators, CoverageDetectorFailsOnAPlainUniformGenerator) {
  // The detector is not vacuous: a uniform generator on [-4, 4) reaches none of the extremes.
  const auto c = coverage(sample(ov::gen::real_in(-4.0, 4.0), 2000));
  EXPECT_FALSE(c.tiny || c.huge || c.subnormal || c.neg_zero);
}

TEST(Generators, SmallSizesStillSpanTheLogScale) {
  // The exponent is drawn at nominal size, so even size-0 cases cover the decades.
  const auto xs = sample(ov::gen::real_log_scale(1e-10, 1e10, ov::gen::Sign::positive), 400, /*size=*/0);
  double lo = 1e300, hi = 0;
  for (double x : xs) {
    ASSERT_GE(x, 1e-10);
    ASSERT_LE(x, 1e10);
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
  EXPECT_LT(lo, 1e-9);
  EXPECT_GT(hi, 1e9);
}

TEST(Generators, RejectsBadRangesWithTheArgumentNamed) {
  try {
    ov::gen::real_log_scale(0.0, 1.0);
    FAIL() << "no throw";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("min_abs"), std::string::npos);
  }
  EXPECT_THROW(ov::gen::real<double>(1.0, -1.0), std::invalid_argument);
  EXPECT_THROW(ov::gen::spd_matrix<double>(3, rational(2), rational(1)), std::invalid_argument);
  EXPECT_THROW(ov::gen::point_near({0.0}, 0.0, 1.0), std::invalid_argument);
}

RC_GTEST_PROP(Generators, SubnormalIsSubnormal, ()) {
  const double x = *ov::gen::subnormal();
  RC_ASSERT(std::fpclassify(x) == FP_SUBNORMAL);
}

RC_GTEST_PROP(Generators, RealIsOnAGridExactInT, ()) {
  // real<float> values are floats in range; real<mp50> values are doubles widened
  // exactly (mp50(double(x)) == x).
  const float f = *ov::gen::real<float>(-3.0, 5.0);
  RC_ASSERT(f >= -3.0f);
  RC_ASSERT(f <= 5.0f);
  const double bound = 1e-3;  // the generator's range is the double nearest 1/1000
  const ov::mp50 m = *ov::gen::real<ov::mp50>(-bound, bound);
  RC_ASSERT(ov::mp50(static_cast<double>(m)) == m);
  RC_ASSERT(abs(m) <= ov::mp50(bound));
  const rational q = *ov::gen::real<rational>(-2.0, 2.0);
  RC_ASSERT(rational(static_cast<double>(q)) == q);  // dyadic, hence a double exactly
}

TEST(Generators, RealSpreadsOverItsRange) {
  const auto xs = sample(ov::gen::real<float>(-1.0, 1.0), 500);
  std::set<float> distinct(xs.begin(), xs.end());
  EXPECT_GT(distinct.size(), 450u);
  EXPECT_LT(*distinct.begin(), -0.9f);
  EXPECT_GT(*distinct.rbegin(), 0.9f);
}

TEST(Generators, RationalInReachesNonDyadicValues) {
  bool non_dyadic = false;
  for (const rational& q : sample(ov::gen::rational_in(-2, 2, 9), 300)) {
    ASSERT_LE(abs(q), rational(2));
    ov::bmp::mpz_int d = denominator(q);
    if ((d & (d - 1)) != 0) non_dyadic = true;
  }
  EXPECT_TRUE(non_dyadic);
}

RC_GTEST_PROP(Generators, PointNearStaysWithinItsLogScaledRadius, ()) {
  const std::vector<double> c = {1.0, -2.0, 0.5};
  const auto x = *ov::gen::point_near(c, 1e-12, 1e-2);
  double dist = 0;
  for (std::size_t i = 0; i < c.size(); ++i) dist = std::max(dist, std::abs(x[i] - c[i]));
  // Each coordinate rounds once to double: error <= ulp(|c_i| + r) / 2 <= 2^-52 * 4.
  const double slack = std::ldexp(1.0, -50);
  RC_ASSERT(dist <= 1e-2 + slack);
  RC_ASSERT(dist >= 1e-12 - slack);
}

TEST(Generators, PointNearReachesBothEndsOfTheRadiusRange) {
  double lo = 1, hi = 0;
  for (const auto& x : sample(ov::gen::point_near({0.0, 0.0}, 1e-12, 1.0), 400)) {
    const double d = std::max(std::abs(x[0]), std::abs(x[1]));
    lo = std::min(lo, d);
    hi = std::max(hi, d);
  }
  EXPECT_LT(lo, 1e-11);
  EXPECT_GT(hi, 0.1);
}

// True iff Q^T Q = I and Q^T A Q = diag(lambda) exactly, i.e. A has spectrum lambda.
bool exact_spectral_decomposition(const ov::Mat<rational>& A, const ov::Mat<rational>& Q,
                                  const ov::Vec<rational>& lambda) {
  const auto n = A.rows();
  if (ov::Mat<rational>(Q.transpose() * Q) != ov::Mat<rational>::Identity(n, n)) return false;
  return ov::Mat<rational>(Q.transpose() * A * Q) == ov::Mat<rational>(lambda.asDiagonal());
}

RC_GTEST_PROP(Generators, SpdSpectrumIsExactInRationalWithExtremesPinned, ()) {
  const int n = *rc::gen::inRange(2, 6);
  const auto s = *ov::gen::spd_matrix<rational>(n, rational(1) / 3, rational(7, 2));
  RC_ASSERT(s.A == s.A_exact);
  RC_ASSERT(s.A == ov::Mat<rational>(s.A.transpose()));
  RC_ASSERT(exact_spectral_decomposition(s.A_exact, s.Q, s.lambda));
  RC_ASSERT(s.lambda[0] == rational(1) / 3);
  RC_ASSERT(s.lambda[n - 1] == rational(7, 2));
  for (int i = 0; i + 1 < n; ++i) RC_ASSERT(s.lambda[i] <= s.lambda[i + 1]);
}

TEST(Generators, SpectralCheckFailsOnAPerturbedMatrix) {
  const auto s = ov::gen::spd_matrix<rational>(3, rational(1), rational(4))(rc::Random(5), 100).value();
  ASSERT_TRUE(exact_spectral_decomposition(s.A_exact, s.Q, s.lambda));
  ov::Mat<rational> bad = s.A_exact;
  bad(0, 1) += rational(1, 1000000);
  bad(1, 0) += rational(1, 1000000);
  EXPECT_FALSE(exact_spectral_decomposition(bad, s.Q, s.lambda));
  ov::Vec<rational> wrong = s.lambda;
  wrong[1] += rational(1, 1000000);
  EXPECT_FALSE(exact_spectral_decomposition(s.A_exact, s.Q, wrong));
}

RC_GTEST_PROP(Generators, SpdInDoubleIsTheCorrectlyRoundedExactMatrix, ()) {
  const int n = *rc::gen::inRange(2, 5);
  const auto s = *ov::gen::spd_matrix<double>(n, 0.25, 8.0);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      RC_ASSERT(s.A(i, j) == s.A(j, i));
      // correctly rounded: |A - A_exact| <= ulp/2, checked exactly in rational
      const rational err = abs(rational(s.A(i, j)) - s.A_exact(i, j));
      const double a = std::abs(s.A(i, j));
      const double half_ulp = a == 0 ? 0.0 : std::ldexp(1.0, std::ilogb(a) - 53);
      RC_ASSERT(err <= rational(half_ulp));
    }
  RC_ASSERT(s.eigenvalues[0] == 0.25);
  RC_ASSERT(s.eigenvalues[n - 1] == 8.0);
}

RC_GTEST_PROP(Generators, NormalMatrixHasItsSpectrumExactly, ()) {
  const int pairs = *rc::gen::inRange(0, 3);
  const int reals = *rc::gen::inRange(pairs == 0 ? 1 : 0, 3);
  const auto s = *ov::gen::normal_matrix<rational>(pairs, reals);
  const ov::Mat<rational>& A = s.A_exact;
  RC_ASSERT(ov::Mat<rational>(A * A.transpose()) == ov::Mat<rational>(A.transpose() * A));  // normal
  rational trace = A.trace(), sum_re = s.eig_re.sum();
  RC_ASSERT(trace == sum_re);
  // Normal matrices satisfy ||A||_F^2 = sum |lambda_i|^2 exactly.
  rational fro(0), mod(0);
  for (Eigen::Index i = 0; i < A.size(); ++i) fro += A.data()[i] * A.data()[i];
  for (Eigen::Index i = 0; i < s.eig_re.size(); ++i) mod += s.eig_re[i] * s.eig_re[i] + s.eig_im[i] * s.eig_im[i];
  RC_ASSERT(fro == mod);
}

RC_GTEST_PROP(Generators, HyperParametersAreInTheirValidRanges, ()) {
  const rational L = *ov::gen::rational_in(1, 100, 7);
  const rational t = *ov::gen::step_size<rational>(L);
  RC_ASSERT(t > 0);
  RC_ASSERT(t < 2 / L);
  const rational ts = *ov::gen::safe_step_size<rational>(L);
  RC_ASSERT(ts > 0);
  RC_ASSERT(ts <= 1 / L);
  const double Ld = *ov::gen::real_log_scale(1e-3, 1e6, ov::gen::Sign::positive);
  const double td = *ov::gen::step_size<double>(Ld);
  RC_ASSERT(rational(td) < rational(2) / rational(Ld));  // checked exactly, after rounding
  const float tf = *ov::gen::step_size<float>(static_cast<float>(Ld));
  RC_ASSERT(rational(tf) < rational(2) / rational(static_cast<float>(Ld)));
  const auto c = *ov::gen::armijo_c<ov::mp50>();
  RC_ASSERT(c > 0);
  RC_ASSERT(c < ov::mp50(1) / 2);
  const auto beta = *ov::gen::backtracking_beta<double>();
  RC_ASSERT(beta > 0);
  RC_ASSERT(beta < 1);
  const auto m = *ov::gen::momentum<float>();
  RC_ASSERT(m >= 0);
  RC_ASSERT(m < 1);
  const auto w = *ov::gen::wolfe_constants<double>();
  RC_ASSERT(0 < w.c1);
  RC_ASSERT(w.c1 < w.c2);
  RC_ASSERT(w.c2 < 1);
  const double lr = *ov::gen::learning_rate<double>(1e-5, 1e-1);
  RC_ASSERT(lr >= 1e-5);
  RC_ASSERT(lr <= 1e-1);
  RC_ASSERT(static_cast<double>(static_cast<float>(lr)) == lr);  // exact even in float
}

TEST(Generators, MomentumReachesZeroAndNearOne) {
  const auto ms = sample(ov::gen::momentum<double>(), 400);
  EXPECT_GT(*std::max_element(ms.begin(), ms.end()), 0.99);
  EXPECT_EQ(ov::gen::momentum<double>()(rc::Random(1), 0).value(), 0.0);  // size 0: the lower end
}

}  // namespace
