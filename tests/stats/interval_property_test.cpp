// RapidCheck properties of the two intervals over random (k, n, level), and the
// Clopper-Pearson defining equations checked in double through Boost's binomial
// CDF (an independent code path from ibeta_inv); the beta-swapped mutant must fail.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <functional>

#include "analysis/stats/binomial_interval.hpp"
#include "tests/autodiff/limited_check.hpp"

namespace {

using ov::stats::ProportionInterval;
using Rule = std::function<ProportionInterval(std::uint64_t, std::uint64_t, double)>;

struct Draw {
  std::uint64_t k, n;
  double confidence;
};

rc::Gen<Draw> draws() {
  return rc::gen::mapcat(rc::gen::inRange<std::uint64_t>(1, 501), [](std::uint64_t n) {
    return rc::gen::map(rc::gen::pair(rc::gen::inRange<std::uint64_t>(0, n + 1), rc::gen::inRange(500, 1000)),
                        [n](const std::pair<std::uint64_t, int>& p) { return Draw{p.first, n, p.second / 1000.0}; });
  });
}

// P(X >= k | lo) = a/2 (k > 0) and P(X <= k | hi) = a/2 (k < n). Relative tolerance
// 1e-8: the CDF and ibeta_inv are each accurate to ~1e-13 relative, but the tail
// is evaluated at a rounded lo/hi, and its derivative can amplify that rounding
// by up to n/min(p, 1-p) ~ 1e5 here.
bool cp_equations_hold(const Rule& rule, const Draw& d) {
  const auto r = rule(d.k, d.n, d.confidence);
  const double half_a = (1 - d.confidence) / 2;
  bool ok = true;
  if (d.k > 0 && r.lo > 0) {
    const boost::math::binomial_distribution<double> b(double(d.n), r.lo);
    const double upper = boost::math::cdf(boost::math::complement(b, double(d.k) - 1));  // P(X >= k)
    ok = ok && std::fabs(upper - half_a) <= 1e-8 * half_a;
  }
  if (d.k < d.n && r.hi < 1) {
    const boost::math::binomial_distribution<double> b(double(d.n), r.hi);
    ok = ok && std::fabs(boost::math::cdf(b, double(d.k)) - half_a) <= 1e-8 * half_a;
  }
  return ok;
}

TEST(IntervalProperties, BothContainTheEstimateAndStayInTheUnitInterval) {
  EXPECT_TRUE(ov::testing::check_limited("0 <= lo <= k/n <= hi <= 1", 300, [] {
    const Draw d = *draws();
    const double ph = double(d.k) / double(d.n);
    for (const auto& r : {ov::stats::wilson_interval(d.k, d.n, d.confidence),
                          ov::stats::clopper_pearson_interval(d.k, d.n, d.confidence)}) {
      RC_ASSERT(0.0 <= r.lo);
      RC_ASSERT(r.lo <= ph);
      RC_ASSERT(ph <= r.hi);
      RC_ASSERT(r.hi <= 1.0);
    }
  }));
}

TEST(IntervalProperties, ClopperPearsonSolvesItsDefiningEquations) {
  const Rule cp = [](std::uint64_t k, std::uint64_t n, double c) { return ov::stats::clopper_pearson_interval(k, n, c); };
  EXPECT_TRUE(ov::testing::check_limited("CP tails = a/2", 300, [&] { RC_ASSERT(cp_equations_hold(cp, *draws())); }));
}

TEST(IntervalProperties, SwappedBetaParametersFailTheDefiningEquations) {
  const Rule swapped = [](std::uint64_t k, std::uint64_t n, double c) {
    const double half_a = (1 - c) / 2, dn = double(n), dk = double(k);
    ProportionInterval r{0, 1};
    if (k > 0) r.lo = boost::math::ibeta_inv(dn - dk + 1, dk, half_a);
    if (k < n) r.hi = boost::math::ibetac_inv(dn - dk, dk + 1, half_a);
    return r;
  };
  // On fixed asymmetric cases (k != n/2) the mutant's tails are far from a/2.
  for (const Draw d : {Draw{3, 20, 0.95}, Draw{1, 50, 0.9}, Draw{40, 60, 0.99}, Draw{0, 10, 0.95}}) {
    EXPECT_FALSE(cp_equations_hold(swapped, d)) << d.k << "/" << d.n;
  }
}

}  // namespace
