// classify_outcome on the library's castera_quartic (critical points (0,0) strict
// saddle, (+-sqrt 2, 0) minima; 002 §3.4.4): each rule, its thresholds, and bad input.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "analysis/problems/problem.hpp"
#include "analysis/stats/outcome.hpp"

namespace {

using ov::stats::ClassifyOptions;
using ov::stats::OutcomeKind;

std::vector<ov::stats::KnownPoint> quartic() {
  return ov::stats::known_points(ov::problems::make_problem("castera_quartic").info());
}

TEST(Outcome, KnownPointsOfTheQuartic) {
  const auto pts = quartic();
  ASSERT_EQ(pts.size(), 3u);
  EXPECT_EQ(pts[0].label, "strict saddle (0, 0)");
  EXPECT_EQ(pts[1].label, "minimum (sqrt(2), 0)");
  EXPECT_NEAR(pts[1].x[0], std::sqrt(2.0), 1e-16);
  EXPECT_EQ(ov::stats::outcome_labels(pts).back(), "undecided");
}

TEST(Outcome, EachRule) {
  const auto pts = quartic();
  const double r2 = std::sqrt(2.0);
  // Converged: near a point and a small gradient.
  auto o = ov::stats::classify_outcome(pts, {-r2 + 1e-9, 1e-10}, 1e-8);
  EXPECT_EQ(o.kind, OutcomeKind::converged);
  EXPECT_EQ(o.label, "minimum (-sqrt(2), 0)");
  o = ov::stats::classify_outcome(pts, {0, 1e-12}, 2e-12);
  EXPECT_EQ(o.label, "strict saddle (0, 0)");
  // Near a point but the gradient too large: undecided (not "converged").
  o = ov::stats::classify_outcome(pts, {r2 + 5e-4, 0}, 8e-3);
  EXPECT_EQ(o.kind, OutcomeKind::undecided);
  // Small gradient claimed but far from every point: undecided.
  o = ov::stats::classify_outcome(pts, {0.7, 0.3}, 1e-9);
  EXPECT_EQ(o.kind, OutcomeKind::undecided);
  // Diverged: non-finite or far away.
  EXPECT_EQ(ov::stats::classify_outcome(pts, {std::nan(""), 0}, 1).kind, OutcomeKind::diverged);
  EXPECT_EQ(ov::stats::classify_outcome(pts, {1, 0}, std::numeric_limits<double>::infinity()).kind,
            OutcomeKind::diverged);
  EXPECT_EQ(ov::stats::classify_outcome(pts, {2e6, 0}, 1).kind, OutcomeKind::diverged);
  // The thresholds are options.
  ClassifyOptions loose;
  loose.radius = 1e-2;
  loose.gradient_tolerance = 1e-1;
  EXPECT_EQ(ov::stats::classify_outcome(pts, {r2 + 5e-4, 0}, 8e-3, loose).kind, OutcomeKind::converged);
  ClassifyOptions far;
  far.divergence_norm = 1e7;
  EXPECT_EQ(ov::stats::classify_outcome(pts, {2e6, 0}, 1, far).kind, OutcomeKind::undecided);
}

TEST(Outcome, BadInputNamesTheOption) {
  const auto pts = quartic();
  ClassifyOptions bad;
  bad.radius = 0;
  try {
    ov::stats::classify_outcome(pts, {0, 0}, 0, bad);
    FAIL() << "radius 0 accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("radius"), std::string::npos) << e.what();
  }
  // Balls that overlap cannot say which point was reached.
  try {
    ov::stats::check_radius_separates(pts, 1.0);
    FAIL() << "radius 1 accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("0.707"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(ov::stats::check_radius_separates(pts, 0.7));
  EXPECT_THROW(ov::stats::classify_outcome(pts, {0, 0, 0}, 0), std::invalid_argument);
}

}  // namespace
