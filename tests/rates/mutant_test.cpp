// Mutant tests: the checkers of the rate tests (checkers.hpp) run on deliberately broken
// functions and must report failure, so that a passing test means something.
#include <gtest/gtest.h>

#include <iostream>
#include <limits>

#include "analysis/rates/rates.hpp"
#include "tests/rates/checkers.hpp"

namespace {

using namespace ov::rates;
using namespace ov::rates::test_support;

TEST(RateMutants, ExactOrderCheckerAcceptsTheRealFit) { EXPECT_EQ(exact_order_failures(real_order_fitter()), ""); }

TEST(RateMutants, ExactOrderCheckerRejectsAFitWithoutLogarithms) {
  // Mutant: log replaced by the identity (a straight-line fit of err on k).
  const OrderFitter no_log = [](const ErrorSequence<double>& s, const Window& w) {
    std::vector<double> x, y;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (!w.contains(s.k[i])) continue;
      x.push_back(static_cast<double>(s.k[i]));
      y.push_back(s.err[i]);
    }
    RateFit<double> f;
    f.line = fit_line(x, y);
    f.ok = true;
    f.estimate = -f.line.slope;
    f.lo = -f.line.slope_hi;
    f.hi = -f.line.slope_lo;
    return f;
  };
  EXPECT_NE(exact_order_failures(no_log), "");
}

TEST(RateMutants, WindowCheckerRejectsADetectorThatKeepsTheFloor) {
  // Mutant: the detected start, but the window runs to the end of the sequence.
  const Detector keeps_floor = [](const ErrorSequence<double>& s) {
    auto d = detect_window(s);
    d.window.k1 = s.k.back();
    return d;
  };
  const std::string failures = window_failures(keeps_floor, 20, 5000);
  std::cout << failures << "\n";
  EXPECT_NE(failures, "");
}

TEST(RateMutants, WindowCheckerRejectsADetectorWithoutTheStraightnessTest) {
  // Mutant: the curvature test switched off and no safety margin: the longest decreasing
  // window with small residuals then runs into the transient or the floor.
  const Detector no_straightness = [](const ErrorSequence<double>& s) {
    WindowOptions<double> o;
    o.curvature_abs = std::numeric_limits<double>::infinity();
    o.trim_fraction = 0;
    return detect_window(s, o);
  };
  const std::string failures = window_failures(no_straightness, 20, 5000);
  std::cout << failures << "\n";
  EXPECT_NE(failures, "");
}

TEST(RateMutants, CoverageCheckerRejectsACollapsedInterval) {
  // Mutant: a "95 %" interval that is really a 1 % one (the t quantile of the wrong tail).
  const auto c = order_coverage(real_order_fitter(0.01), real_detector(), 100, 1000);
  std::cout << "collapsed intervals containing the true order: " << c.covered << " / " << c.total << "\n";
  EXPECT_LT(c.covered, 85) << c.covered;
}

TEST(RateMutants, PointwiseCheckerAcceptsTheRealCheck) {
  const PointwiseChecker real = [](const ErrorSequence<double>& s, const std::vector<double>& b) {
    return check_pointwise_bound(s, b);
  };
  EXPECT_EQ(pointwise_failures(real), "");
}

TEST(RateMutants, PointwiseCheckerRejectsTheReversedInequality) {
  // Mutant: err_k >= bound_k checked instead of err_k <= bound_k (the roles swapped).
  const PointwiseChecker reversed = [](const ErrorSequence<double>& s, const std::vector<double>& b) {
    const auto swapped = make_sequence(s.k, b);
    return check_pointwise_bound(swapped, s.err);
  };
  EXPECT_NE(pointwise_failures(reversed), "");
}

TEST(RateMutants, StatedOrderComparisonRejectsAFalseStatement) {
  // The false variant of a true statement: the data decay like k^-1; "O(k^-2)" must be refuted
  // while "O(k^-1)" is not.
  Shape s;
  s.k_transient = 1;
  s.k_floor = s.k_end = 1000;
  s.sigma = 0.02;
  const auto f = fit_order(noisy_order(1.0, s), Window{1, 1000});
  EXPECT_NE(compare_order(f, 1.0).verdict, RateVerdict::violated);
  EXPECT_EQ(compare_order(f, 2.0).verdict, RateVerdict::violated);
}

}  // namespace
