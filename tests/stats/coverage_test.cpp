// Exact coverage C(n, p) = sum_k Binom(k; n, p) 1[p in CI(k)] over a seeded grid of
// (n, p): Clopper-Pearson never below 1 - a; Wilson close to 1 - a on average
// (Brown, Cai & DasGupta 2001, Statist. Sci. 16:101-133, Fig. 5/§4: its mean
// coverage stays near the nominal level). Mutants must fail the same checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <vector>

#include "analysis/stats/coverage.hpp"
#include "optim/core/random.hpp"

namespace {

using ov::stats::CoverageSummary;
using ov::stats::IntervalRule;
using ov::stats::ProportionInterval;

constexpr double kConfidence = 0.95;
// The sum has <= 301 terms each with relative error of a few ulps: 1e-12 absorbs it.
constexpr double kRounding = 1e-12;
// Wilson's mean coverage over p in (0, 1) is within about 0.005 of nominal for
// n >= 5 (Brown, Cai & DasGupta 2001, §4.1); 0.01 leaves room for a finite grid.
constexpr double kWilsonMeanTolerance = 0.01;

std::vector<std::uint64_t> grid_n() { return {5, 8, 13, 20, 30, 50, 80, 120, 200, 300}; }

std::vector<double> grid_p() {
  ov::optim::SplitMix64 rng(20240611);  // fixed seed: the grid is part of the test
  std::vector<double> ps;
  for (int i = 0; i < 60; ++i) ps.push_back(0.01 + 0.98 * rng.uniform());
  return ps;
}

bool clopper_pearson_check(const IntervalRule& rule, CoverageSummary* out = nullptr) {
  const auto s = ov::stats::coverage_over_grid(rule, grid_n(), grid_p());
  if (out) *out = s;
  return s.min >= kConfidence - kRounding;
}

bool wilson_check(const IntervalRule& rule, CoverageSummary* out = nullptr) {
  const auto s = ov::stats::coverage_over_grid(rule, grid_n(), grid_p());
  if (out) *out = s;
  return std::fabs(s.mean - kConfidence) <= kWilsonMeanTolerance;
}

IntervalRule cp() {
  return [](std::uint64_t k, std::uint64_t n) { return ov::stats::clopper_pearson_interval(k, n, kConfidence); };
}
IntervalRule wilson() {
  return [](std::uint64_t k, std::uint64_t n) { return ov::stats::wilson_interval(k, n, kConfidence); };
}

TEST(Coverage, ClopperPearsonNeverBelowNominal) {
  CoverageSummary s;
  EXPECT_TRUE(clopper_pearson_check(cp(), &s)) << "min " << s.min << " at n=" << s.min_n << " p=" << s.min_p;
  EXPECT_GT(s.mean, kConfidence);  // conservative
}

TEST(Coverage, WilsonCloseToNominalOnAverage) {
  CoverageSummary s;
  EXPECT_TRUE(wilson_check(wilson(), &s)) << "mean " << s.mean;
  // ... and not conservative everywhere: it dips below 1 - a somewhere (else the
  // test could not tell it from Clopper-Pearson).
  EXPECT_LT(s.min, kConfidence);
}

TEST(Coverage, ExactOnAKnownCase) {
  // n = 1: CP(0) = [0, 0.975], CP(1) = [0.025, 1]; at p = 0.5 both cover: C = 1.
  EXPECT_NEAR(ov::stats::coverage_probability(cp(), 1, 0.5), 1.0, 1e-15);
  // At p = 0.99: only k = 1 covers (0.99 > 0.975): C = 0.99.
  EXPECT_NEAR(ov::stats::coverage_probability(cp(), 1, 0.99), 0.99, 1e-15);
}

// Mutants.
TEST(Coverage, ClopperPearsonMutantsFail) {
  const IntervalRule swapped = [](std::uint64_t k, std::uint64_t n) {  // Beta parameters swapped
    const double half_a = (1 - kConfidence) / 2, dn = double(n), dk = double(k);
    ProportionInterval r{0, 1};
    if (k > 0) r.lo = boost::math::ibeta_inv(dn - dk + 1, dk, half_a);
    if (k < n) r.hi = boost::math::ibetac_inv(dn - dk, dk + 1, half_a);
    return r;
  };
  const IntervalRule one_sided_level = [](std::uint64_t k, std::uint64_t n) {
    return ov::stats::clopper_pearson_interval(k, n, 1 - 2 * (1 - kConfidence));  // a instead of a/2 per side
  };
  EXPECT_FALSE(clopper_pearson_check(swapped));
  EXPECT_FALSE(clopper_pearson_check(one_sided_level));
  // Wilson is not a Clopper-Pearson interval: the check must see it dip below.
  EXPECT_FALSE(clopper_pearson_check(wilson()));
}

TEST(Coverage, WilsonMutantsFail) {
  const IntervalRule z_in_centre = [](std::uint64_t k, std::uint64_t n) {
    const double z = ov::stats::two_sided_normal_quantile(kConfidence), dn = double(n), dk = double(k);
    const double centre = (dk + z / 2) / (dn + z * z);  // z instead of z^2
    const double half = z / (dn + z * z) * std::sqrt(dk * (dn - dk) / dn + z * z / 4);
    return ProportionInterval{std::max(0.0, centre - half), std::min(1.0, centre + half)};
  };
  const IntervalRule wald = [](std::uint64_t k, std::uint64_t n) {  // no score correction at all
    const double z = ov::stats::two_sided_normal_quantile(kConfidence), ph = double(k) / double(n);
    const double half = z * std::sqrt(ph * (1 - ph) / double(n));
    return ProportionInterval{std::max(0.0, ph - half), std::min(1.0, ph + half)};
  };
  CoverageSummary s1, s2;
  EXPECT_FALSE(wilson_check(z_in_centre, &s1)) << "mean " << s1.mean;
  EXPECT_FALSE(wilson_check(wald, &s2)) << "mean " << s2.mean;
}

}  // namespace
