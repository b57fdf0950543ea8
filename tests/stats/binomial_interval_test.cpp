// Wilson and Clopper-Pearson intervals against mp100 solutions of their DEFINING
// equations (not their closed forms, not a table from elsewhere):
//   z:       Phi(z) = 1 - a/2, Phi(z) = erfc(-z / sqrt 2) / 2, by bisection;
//   Wilson:  the two roots p of n (k/n - p)^2 = z^2 p (1 - p) (Wilson 1927), by bisection;
//   CP:      P(X >= k | lo) = a/2 and P(X <= k | hi) = a/2, X ~ Binom(n, p), the sums
//            written out with exact binomial coefficients (Clopper & Pearson 1934), by bisection.
// 250 bisection steps on [0, 1] give 2^-250 ~ 1e-75, far below the double results'
// error. Tolerance for the double implementations: 1e-12 absolute + 1e-10 relative
// (Boost.Math's ibeta_inv and normal quantile are accurate to a few hundred ulps at
// worst; the Wilson closed form loses a few ulps to cancellation near k = 0).
#include <gtest/gtest.h>

#include <boost/math/special_functions/beta.hpp>
#include <boost/multiprecision/mpfr.hpp>
#include <cmath>
#include <functional>
#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/scalars.hpp"
#include "analysis/stats/binomial_interval.hpp"

namespace {

using ov::mp100;
using ov::stats::ProportionInterval;

// Smallest p in [lo, hi] with f(p) >= 0 for an increasing f (bisection).
mp100 bisect_increasing(const std::function<mp100(const mp100&)>& f, mp100 lo, mp100 hi) {
  for (int i = 0; i < 250; ++i) {
    const mp100 mid = (lo + hi) / 2;
    if (f(mid) >= 0) hi = mid; else lo = mid;
  }
  return (lo + hi) / 2;
}

mp100 reference_z(const std::string& confidence) {
  const mp100 a = 1 - ov::constant<mp100>(confidence);
  const mp100 s2 = sqrt(mp100(2));
  return bisect_increasing([&](const mp100& z) { return erfc(-z / s2) / 2 - (1 - a / 2); }, mp100(0), mp100(40));
}

ProportionInterval reference_wilson(unsigned k, unsigned n, const std::string& confidence) {
  const mp100 z = reference_z(confidence), ph = mp100(k) / n;
  // g(p) = n (ph - p)^2 - z^2 p (1 - p): >= 0 outside the interval, <= 0 inside.
  auto g = [&](const mp100& p) { return n * (ph - p) * (ph - p) - z * z * p * (1 - p); };
  ProportionInterval r{0, 1};
  if (k > 0) r.lo = static_cast<double>(bisect_increasing([&](const mp100& p) { return -g(p); }, mp100(0), ph));
  if (k < n) r.hi = static_cast<double>(bisect_increasing([&](const mp100& p) { return g(p); }, ph, mp100(1)));
  return r;
}

mp100 binom_pmf(unsigned j, unsigned n, const mp100& p) {
  mp100 c = 1;  // C(n, j), exact in mp100 for these n
  for (unsigned i = 1; i <= j; ++i) c = c * (n - j + i) / i;
  return c * pow(p, j) * pow(1 - p, n - j);
}

ProportionInterval reference_clopper_pearson(unsigned k, unsigned n, const std::string& confidence) {
  const mp100 half_a = (1 - ov::constant<mp100>(confidence)) / 2;
  auto upper_tail = [&](const mp100& p) {  // P(X >= k | p), increasing in p
    mp100 s = 0;
    for (unsigned j = k; j <= n; ++j) s += binom_pmf(j, n, p);
    return s;
  };
  auto lower_tail = [&](const mp100& p) {  // P(X <= k | p), decreasing in p
    mp100 s = 0;
    for (unsigned j = 0; j <= k; ++j) s += binom_pmf(j, n, p);
    return s;
  };
  ProportionInterval r{0, 1};
  if (k > 0) r.lo = static_cast<double>(bisect_increasing([&](const mp100& p) { return upper_tail(p) - half_a; }, 0, 1));
  if (k < n) r.hi = static_cast<double>(bisect_increasing([&](const mp100& p) { return half_a - lower_tail(p); }, 0, 1));
  return r;
}

bool near(double x, double ref) { return std::fabs(x - ref) <= 1e-12 + 1e-10 * std::fabs(ref); }

struct Case {
  unsigned k, n;
  const char* confidence;
};
const Case kCases[] = {{0, 10, "0.95"}, {3, 10, "0.95"}, {10, 10, "0.95"}, {1, 1, "0.95"},   {0, 1, "0.99"},
                       {17, 50, "0.99"}, {25, 50, "0.9"}, {49, 50, "0.95"}, {7, 300, "0.95"}, {150, 300, "0.999"}};

// A Wilson interval with z instead of z^2 in the centre (a plausible typo).
ProportionInterval wilson_z_in_centre(std::uint64_t k, std::uint64_t n, double confidence) {
  const double z = ov::stats::two_sided_normal_quantile(confidence), dn = double(n), dk = double(k);
  const double centre = (dk + z / 2) / (dn + z * z);
  const double half = z / (dn + z * z) * std::sqrt(dk * (dn - dk) / dn + z * z / 4);
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

// A Clopper-Pearson interval with the beta parameters swapped: Beta(n-k+1, k) for
// the lower end and Beta(n-k, k+1) for the upper end.
ProportionInterval clopper_pearson_swapped(std::uint64_t k, std::uint64_t n, double confidence) {
  const double half_a = (1 - confidence) / 2, dn = double(n), dk = double(k);
  ProportionInterval r{0, 1};
  if (k > 0) r.lo = boost::math::ibeta_inv(dn - dk + 1, dk, half_a);
  if (k < n) r.hi = boost::math::ibetac_inv(dn - dk, dk + 1, half_a);
  return r;
}

TEST(BinomialInterval, NormalQuantileMatchesMp100Bisection) {
  for (const char* c : {"0.9", "0.95", "0.99", "0.999"}) {
    const double z = ov::stats::two_sided_normal_quantile(std::stod(c));
    EXPECT_TRUE(near(z, static_cast<double>(reference_z(c)))) << c << ": " << z;
  }
  EXPECT_NEAR(ov::stats::two_sided_normal_quantile(0.95), 1.959963984540054, 1e-14);  // the familiar 1.96
}

TEST(BinomialInterval, WilsonMatchesItsDefiningEquationInMp100) {
  for (const auto& c : kCases) {
    const auto ref = reference_wilson(c.k, c.n, c.confidence);
    const auto got = ov::stats::wilson_interval(c.k, c.n, std::stod(c.confidence));
    EXPECT_TRUE(near(got.lo, ref.lo)) << c.k << "/" << c.n << " lo " << got.lo << " vs " << ref.lo;
    EXPECT_TRUE(near(got.hi, ref.hi)) << c.k << "/" << c.n << " hi " << got.hi << " vs " << ref.hi;
  }
}

TEST(BinomialInterval, ClopperPearsonMatchesItsDefiningEquationInMp100) {
  for (const auto& c : kCases) {
    const auto ref = reference_clopper_pearson(c.k, c.n, c.confidence);
    const auto got = ov::stats::clopper_pearson_interval(c.k, c.n, std::stod(c.confidence));
    EXPECT_TRUE(near(got.lo, ref.lo)) << c.k << "/" << c.n << " lo " << got.lo << " vs " << ref.lo;
    EXPECT_TRUE(near(got.hi, ref.hi)) << c.k << "/" << c.n << " hi " << got.hi << " vs " << ref.hi;
  }
}

// Mutants: the same comparison must reject the broken formulas.
TEST(BinomialInterval, MutantsFailTheReferenceComparison) {
  int wilson_mismatch = 0, cp_mismatch = 0;
  for (const auto& c : kCases) {
    const auto rw = reference_wilson(c.k, c.n, c.confidence);
    const auto mw = wilson_z_in_centre(c.k, c.n, std::stod(c.confidence));
    wilson_mismatch += !(near(mw.lo, rw.lo) && near(mw.hi, rw.hi));
    const auto rc = reference_clopper_pearson(c.k, c.n, c.confidence);
    const auto mc = clopper_pearson_swapped(c.k, c.n, std::stod(c.confidence));
    cp_mismatch += !(near(mc.lo, rc.lo) && near(mc.hi, rc.hi));
  }
  // Every case but the symmetric k = n/2 one differs.
  EXPECT_GE(wilson_mismatch, 9);
  EXPECT_GE(cp_mismatch, 8);
}

TEST(BinomialInterval, EdgeCases) {
  for (unsigned n : {1u, 2u, 10u, 1000u}) {
    const auto w0 = ov::stats::wilson_interval(0, n), wn = ov::stats::wilson_interval(n, n);
    const auto c0 = ov::stats::clopper_pearson_interval(0, n), cn = ov::stats::clopper_pearson_interval(n, n);
    EXPECT_EQ(w0.lo, 0.0);
    EXPECT_EQ(wn.hi, 1.0);
    EXPECT_EQ(c0.lo, 0.0);
    EXPECT_EQ(cn.hi, 1.0);
    // k = 0: CP upper end 1 - (a/2)^(1/n) exactly solves (1 - p)^n = a/2.
    EXPECT_NEAR(c0.hi, 1 - std::pow(0.025, 1.0 / n), 1e-14);
    EXPECT_NEAR(cn.lo, std::pow(0.025, 1.0 / n), 1e-14);
    EXPECT_GT(w0.hi, 0.0);
    EXPECT_LT(wn.lo, 1.0);
  }
}

TEST(BinomialInterval, BadInputNamesTheArgument) {
  auto message = [](auto f) {
    try {
      f();
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message([] { ov::stats::wilson_interval(0, 0); }).find("n = 0"), std::string::npos);
  EXPECT_NE(message([] { ov::stats::clopper_pearson_interval(0, 0); }).find("n = 0"), std::string::npos);
  EXPECT_NE(message([] { ov::stats::wilson_interval(5, 4); }).find("k = 5"), std::string::npos);
  EXPECT_NE(message([] { ov::stats::clopper_pearson_interval(1, 4, 1.0); }).find("confidence"), std::string::npos);
  EXPECT_NE(message([] { ov::stats::wilson_interval(1, 4, std::nan("")); }).find("(0, 1)"), std::string::npos);
}

}  // namespace
