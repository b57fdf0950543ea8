// Properties of the rate fits and of the window detection on synthetic sequences with known
// rates, multiplicative noise, a transient prefix and a floor suffix (RapidCheck; the number
// of cases is capped with check_limited and shrinking is off: a case is a 5000-point sequence).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <limits>

#include "analysis/numeric/elementary.hpp"
#include "analysis/rates/rates.hpp"
#include "tests/autodiff/limited_check.hpp"
#include "tests/rates/checkers.hpp"
#include "tests/rates/synthetic.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov::rates;
using ov::testing::check_limited;

// The point estimate from a window of the law part is unbiased with standard error
// sigma / sqrt(Sxx) (Sxx: the spread of the abscissae of the window); |error| <= 6 standard
// errors fails with probability ~2e-9 per case for Gaussian noise, so a failure means bias
// (a transient or floor inside the window) or a wrong fit. Sxx is recovered exactly from the
// fit as (residual_sd / slope_se)^2.
double derived_bound(const RateFit<double>& f, double sigma) {
  const double sxx = std::pow(f.line.residual_sd / f.line.slope_se, 2);
  return 6 * sigma / std::sqrt(sxx) + 1e-12;
}

TEST(RateProperties, OrderRecoveredAndTransientAndFloorExcluded) {
  EXPECT_TRUE(check_limited("order with noise, transient and floor", 40, [] {
    const double p = *ov::gen::real_in(0.25, 3.0);
    const double sigma = *ov::gen::real_in(0.005, 0.05);
    test_support::Shape s;
    s.k_transient = *rc::gen::inRange<std::int64_t>(10, 40);
    s.k_floor = *rc::gen::inRange<std::int64_t>(1000, 3000);
    s.k_end = s.k_floor + *rc::gen::inRange<std::int64_t>(500, 3000);
    s.sigma = sigma;
    s.seed = *rc::gen::arbitrary<std::uint64_t>();
    const auto seq = test_support::noisy_order(p, s);
    const auto d = detect_window(seq);
    RC_ASSERT(d.found);
    RC_LOG() << "window [" << d.window.k0 << ", " << d.window.k1 << "]\n";
    RC_ASSERT(d.window.k0 >= s.k_transient);
    RC_ASSERT(d.window.k1 <= s.k_floor);
    RC_ASSERT(d.window.k1 >= 10 * d.window.k0);  // most of the law part is kept
    const auto f = fit_order(seq, d.window);
    RC_ASSERT(f.ok);
    RC_ASSERT(std::abs(f.estimate - p) <= derived_bound(f, sigma));
  }, false));
}

TEST(RateProperties, GeometricRateRecoveredAndTransientAndFloorExcluded) {
  EXPECT_TRUE(check_limited("geometric with noise, transient and floor", 40, [] {
    const double q = *ov::gen::real_in(0.05, 0.95);
    const double sigma = *ov::gen::real_in(0.005, 0.05);
    const std::int64_t law = std::max<std::int64_t>(40, static_cast<std::int64_t>(std::ceil(60 / -std::log(q))));
    test_support::Shape s;
    s.k_transient = *rc::gen::inRange<std::int64_t>(5, 15);
    s.k_floor = s.k_transient + law;
    s.k_end = s.k_floor + law / 2 + 10;
    s.sigma = sigma;
    s.seed = *rc::gen::arbitrary<std::uint64_t>();
    const auto seq = test_support::noisy_geometric(q, s);
    WindowOptions<double> o;
    o.kind = RateKind::geometric;
    const auto d = detect_window(seq, o);
    RC_ASSERT(d.found);
    RC_LOG() << "window [" << d.window.k0 << ", " << d.window.k1 << "]\n";
    RC_ASSERT(d.window.k0 >= s.k_transient);
    RC_ASSERT(d.window.k1 <= s.k_floor);
    const auto f = fit_geometric(seq, d.window);
    RC_ASSERT(f.ok);
    // On log q the bound of derived_bound; q = exp(log q) moves by at most q times that (to
    // first order; the factor 1.01 covers the second-order term for errors below 1 %).
    RC_ASSERT(std::abs(std::log(f.estimate) - std::log(q)) <= derived_bound(f, sigma));
    RC_ASSERT(std::abs(f.estimate - q) <= 1.01 * q * derived_bound(f, sigma));
  }, false));
}

TEST(RateProperties, ExactOrderRecoveredToRoundingInMp50) {
  // err_k = C k^-p computed in mp50 itself: p is recovered to ~1e-45 (50 digits minus the
  // condition of the fit, ~1e3 for 100 log-spaced points; the bound keeps a margin of 1e2).
  EXPECT_TRUE(check_limited("exact k^-p in mp50", 10, [] {
    const int num = *rc::gen::inRange(1, 121);  // p = num / 40 in [0.025, 3]
    const ov::mp50 p = ov::mp50(num) / 40;
    std::vector<std::int64_t> k;
    std::vector<ov::mp50> e;
    for (std::int64_t i = 1; i <= 100; ++i) {
      k.push_back(i);
      e.push_back(3 * ov::num::pow(ov::mp50(i), ov::mp50(-p)));
    }
    const auto f = fit_order(make_sequence(k, e), Window{1, 100});
    RC_ASSERT(f.ok);
    RC_ASSERT(ov::num::abs(ov::mp50(f.estimate - p)) < ov::mp50(1) / ov::num::pow(ov::mp50(10), 43L));
  }));
}

// Coverage over a seeded batch: 100 sequences (random p in [0.25, 3], noise 0.5-5 %,
// transient and floor), the 95 % interval over the detected window must contain the true
// order in at least 85 of them (measured: 98). With true coverage 0.95 the count is Binomial(100, 0.95),
// P(< 85) ~ 1e-4; the detection makes the coverage a little lower than nominal (a window edge
// may keep a bend within the noise), which the margin allows.
TEST(RateProperties, ConfidenceIntervalCoversTheTrueOrder) {
  const auto c = test_support::order_coverage(test_support::real_order_fitter(), test_support::real_detector(), 100, 1000);
  std::cout << "95 % intervals containing the true order: " << c.covered << " / " << c.total << "\n";
  EXPECT_GE(c.covered, 85) << c.covered << " / " << c.total;
}

TEST(RateProperties, DetectedWindowsExcludeTransientAndFloorOverABatch) {
  EXPECT_EQ(test_support::window_failures(test_support::real_detector(), 60, 5000), "");
}

}  // namespace
