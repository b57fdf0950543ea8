// Unit tests of the least-squares fits (analysis/rates/line_fit.hpp, rate_fit.hpp) on exact
// sequences, in double and mp50, against references computed in mp100.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "analysis/numeric/elementary.hpp"
#include "analysis/numeric/exact_constant.hpp"
#include "analysis/rates/rate_fit.hpp"
#include "analysis/rates/student_t.hpp"

namespace {

using namespace ov::rates;

// err_k = C k^-p for k in [1, n], computed in mp100 and rounded once to S.
template <class S>
ErrorSequence<S> exact_order(const char* c, const char* p, std::int64_t n) {
  const ov::mp100 cc = ov::constant<ov::mp100>(c), pp = ov::constant<ov::mp100>(p);
  std::vector<std::int64_t> k;
  std::vector<S> e;
  for (std::int64_t i = 1; i <= n; ++i) {
    k.push_back(i);
    const ov::mp100 v = cc * ov::num::pow(ov::mp100(i), ov::mp100(-pp));
    if constexpr (std::is_same_v<S, double>) e.push_back(v.convert_to<double>());
    else e.push_back(S(v));
  }
  return make_sequence(std::move(k), std::move(e));
}

template <class S>
ErrorSequence<S> exact_geometric(const char* c, const char* q, std::int64_t n) {
  const ov::mp100 cc = ov::constant<ov::mp100>(c), qq = ov::constant<ov::mp100>(q);
  std::vector<std::int64_t> k;
  std::vector<S> e;
  for (std::int64_t i = 0; i <= n; ++i) {
    k.push_back(i);
    const ov::mp100 v = cc * ov::num::pow(qq, i);
    if constexpr (std::is_same_v<S, double>) e.push_back(v.convert_to<double>());
    else e.push_back(S(v));
  }
  return make_sequence(std::move(k), std::move(e));
}

// Rounding tolerance for the slope of an exact line. Every y_i = log err_i carries at most
// ~3 ulps of |y_i| (the rounding of err_i to S, moved through log, plus log's own rounding) and
// every x_i 1 ulp; the slope b = sum dx_i y_i / Sxx then moves by at most
// max|dy| * sum|dx_i| / Sxx. The accumulation of n terms adds ~n eps relative. A factor 4 of
// headroom over the sum of both.
template <class S>
double slope_tolerance(const ErrorSequence<S>& seq, Axis axis) {
  const double eps = ov::rates::to_double(S(std::numeric_limits<S>::epsilon()));
  std::vector<double> x, y;
  for (std::size_t i = 0; i < seq.size(); ++i) {
    x.push_back(ov::rates::to_double(abscissa<S>(seq.k[i], axis)));
    y.push_back(std::log(ov::rates::to_double(seq.err[i])));
  }
  double xbar = 0, ymax = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    xbar += x[i] / x.size();
    ymax = std::max(ymax, std::abs(y[i]) + std::abs(x[i]));
  }
  double sxx = 0, sabs = 0;
  for (double xi : x) {
    sxx += (xi - xbar) * (xi - xbar);
    sabs += std::abs(xi - xbar);
  }
  const double n = static_cast<double>(x.size());
  return 4 * (3 * eps * (1 + ymax) * sabs / sxx + n * eps * (1 + ymax));
}

template <class S>
void expect_order_recovered() {
  const auto seq = exact_order<S>("3", "1.5", 200);
  const auto f = fit_order(seq, full_window(seq));
  ASSERT_TRUE(f.ok) << f.reason;
  const double tol = slope_tolerance(seq, Axis::log_k);
  const ov::mp100 err = ov::num::abs(ov::mp100(f.estimate) - ov::constant<ov::mp100>("1.5"));
  EXPECT_LE(err.convert_to<double>(), tol) << ov::scalar_name<S>();
  const ov::mp100 cerr = ov::num::abs(ov::mp100(f.constant) - 3);
  EXPECT_LE(cerr.convert_to<double>(), 3 * 20 * tol) << "constant, " << ov::scalar_name<S>();  // |dC| ~ C |x| |db|
  EXPECT_EQ(f.line.points, 200u);
  EXPECT_EQ(f.excluded.total(), 0u);
  // An exact line: the residual s.d. is rounding, the interval is degenerate around it.
  EXPECT_LE(ov::rates::to_double(f.line.residual_sd), 100 * tol);
  EXPECT_LE(ov::rates::to_double(S(f.hi - f.lo)), 100 * tol);
}

TEST(RateFit, ExactOrderRecoveredInDouble) { expect_order_recovered<double>(); }
TEST(RateFit, ExactOrderRecoveredInMp50) { expect_order_recovered<ov::mp50>(); }
TEST(RateFit, ExactOrderRecoveredInFloat128) { expect_order_recovered<ov::float128>(); }

template <class S>
void expect_geometric_recovered() {
  const auto seq = exact_geometric<S>("7", "0.9", 300);
  const auto f = fit_geometric(seq, full_window(seq));
  ASSERT_TRUE(f.ok) << f.reason;
  const double tol = slope_tolerance(seq, Axis::k);  // on log q; |dq| <= q |d log q|
  const ov::mp100 err = ov::num::abs(ov::mp100(f.estimate) - ov::constant<ov::mp100>("0.9"));
  EXPECT_LE(err.convert_to<double>(), tol) << ov::scalar_name<S>();
  EXPECT_TRUE(f.lo <= f.estimate && f.estimate <= f.hi);
}

TEST(RateFit, ExactGeometricRecoveredInDouble) { expect_geometric_recovered<double>(); }
TEST(RateFit, ExactGeometricRecoveredInMp50) { expect_geometric_recovered<ov::mp50>(); }

TEST(RateFit, Mp50IsFarMoreAccurateThanDouble) {
  // The same exact sequence: mp50 must recover p ~1e30 times better than double can.
  const auto fd = fit_order(exact_order<double>("3", "1.5", 100), Window{1, 100});
  const auto fm = fit_order(exact_order<ov::mp50>("3", "1.5", 100), Window{1, 100});
  const ov::mp100 p = ov::constant<ov::mp100>("1.5");
  EXPECT_LT(ov::num::abs(ov::mp100(fm.estimate) - p), ov::constant<ov::mp100>("1e-45"));
  EXPECT_LT(std::abs(fd.estimate - 1.5), 1e-12);
}

TEST(RateFit, WindowRestrictsThePoints) {
  const auto seq = exact_order<double>("1", "2", 100);
  const auto f = fit_order(seq, Window{10, 19});
  ASSERT_TRUE(f.ok);
  EXPECT_EQ(f.line.points, 10u);
  EXPECT_EQ(f.used.k0, 10);
  EXPECT_EQ(f.used.k1, 19);
}

TEST(RateFit, ZerosNegativesAndNonFiniteAreExcludedAndCounted) {
  std::vector<std::int64_t> k{0, 1, 2, 3, 4, 5, 6, 7};
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  std::vector<double> e{5, 1, 0, 1.0 / 9, -1, nan, inf, 1.0 / 49};
  const auto seq = make_sequence(k, e);
  const auto f = fit_order(seq, full_window(seq));
  ASSERT_TRUE(f.ok) << f.reason;  // k = 1, 3, 7 remain: 1/k^2
  EXPECT_EQ(f.excluded.k_not_positive, 1u);
  EXPECT_EQ(f.excluded.zeros, 1u);
  EXPECT_EQ(f.excluded.negatives, 1u);
  EXPECT_EQ(f.excluded.non_finite, 2u);
  EXPECT_EQ(f.line.points, 3u);
  EXPECT_NEAR(f.estimate, 2, 1e-14);
  // In the semi-log fit k = 0 is usable.
  const auto g = fit_geometric(seq, full_window(seq));
  EXPECT_EQ(g.excluded.k_not_positive, 0u);
  EXPECT_EQ(g.line.points, 4u);
}

TEST(RateFit, FewerThanThreeUsablePointsIsUndecidedWithAReason) {
  const auto seq = make_sequence<double>({1, 2, 3, 4}, {1, 0, 0, 0.5});
  const auto f = fit_order(seq, full_window(seq));
  EXPECT_FALSE(f.ok);
  EXPECT_NE(f.reason.find("2 usable point(s)"), std::string::npos) << f.reason;
  EXPECT_NE(f.reason.find("2 zero"), std::string::npos) << f.reason;
}

TEST(RateFit, BadArgumentsAreRefusedWithTheirName) {
  const auto seq = exact_order<double>("1", "1", 10);
  try {
    fit_order(seq, full_window(seq), 1.5);
    FAIL() << "level 1.5 accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("level = 1.5"), std::string::npos) << e.what();
  }
  EXPECT_THROW(fit_order(seq, Window{5, 4}), std::invalid_argument);
  EXPECT_THROW(make_sequence<double>({1, 1}, {1, 2}), std::invalid_argument);
  EXPECT_THROW(make_sequence<double>({1, 2}, {1}), std::invalid_argument);
  EXPECT_THROW(make_sequence<double>({-1, 2}, {1, 1}), std::invalid_argument);
}

TEST(LineFit, KnownNoisyDataMatchesTheClosedForm) {
  // y = 1 + 2x + r with r = (+1, -1, -1, +1) at x = 0..3. r is orthogonal to 1 and to x - 1.5
  // ((-1.5)(1) + (-0.5)(-1) + (0.5)(-1) + (1.5)(1) = 0), so b = 2, a = 1, SSR = 4,
  // s = sqrt(4 / 2) = sqrt 2, Sxx = 5, se(b) = sqrt(2/5).
  const std::vector<double> x{0, 1, 2, 3}, y{2, 2, 4, 8};
  const auto f = fit_line(x, y);
  EXPECT_NEAR(f.slope, 2, 1e-15);
  EXPECT_NEAR(f.intercept, 1, 1e-15);
  EXPECT_NEAR(f.residual_sd, std::sqrt(2.0), 1e-15);
  EXPECT_NEAR(f.slope_se, std::sqrt(0.4), 1e-15);
  // Closed form of the t quantile for dof = 2: t = (1 - 2a) / sqrt(2 a (1 - a)), a = 0.025
  // (4.302652729911275...).
  const double a = 0.025, t2 = (1 - 2 * a) / std::sqrt(2 * a * (1 - a));
  EXPECT_NEAR(f.t_quantile, t2, 1e-13);
  EXPECT_NEAR(f.slope_hi - f.slope, t2 * std::sqrt(0.4), 1e-12);
}

TEST(StudentT, CauchyQuantileMatchesItsClosedFormInMp50) {
  // dof = 1 is the Cauchy law: t_{1, a} = tan(pi (1/2 - a)) = 1 / tan(pi a); reference in mp100.
  const ov::mp50 a = ov::mp50(1) / 40;
  const ov::mp50 t = student_t_upper_quantile<ov::mp50>(1, a);
  const ov::mp100 ref = 1 / ov::num::tan(ov::mp100(ov::num::pi<ov::mp100>() / 40));
  // Boost's inverse of the incomplete beta is accurate to a few hundred ulps in mp50.
  EXPECT_LT(ov::num::abs(ov::mp100(t) - ref) / ref, ov::constant<ov::mp100>("1e-45"));
}

TEST(StudentT, DoubleAgreesWithMp100AndRefusesBadArguments) {
  const ov::mp100 hi = student_t_upper_quantile<ov::mp100>(10, ov::mp100(1) / 40);
  const double lo = student_t_upper_quantile<double>(10, 0.025);
  EXPECT_NEAR(lo, hi.convert_to<double>(), 1e-14);
  EXPECT_NEAR(hi.convert_to<double>(), 2.228138851986274748, 1e-15);  // tabulated t_{10, 0.975}
  EXPECT_THROW(student_t_upper_quantile<double>(0, 0.025), std::invalid_argument);
  EXPECT_THROW(student_t_upper_quantile<double>(3, 0.0), std::invalid_argument);
}

}  // namespace
