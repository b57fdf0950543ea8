// Unit tests of the bound checks, stated-rate comparisons, trace extraction and JSON of
// analysis/rates.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/rates/rates.hpp"
#include "tests/rates/synthetic.hpp"

namespace {

using namespace ov::rates;

// err_k = k^-1 exactly representable? No: we use err_k = 1 / 2^k (exact in every binary type)
// against bound_k = 3 / 2^k, and plant one violation.
template <class S>
ErrorSequence<S> halving(std::int64_t n) {
  std::vector<std::int64_t> k;
  std::vector<S> e;
  S v = 1;
  for (std::int64_t i = 0; i < n; ++i, v /= 2) {
    k.push_back(i);
    e.push_back(v);
  }
  return make_sequence(std::move(k), std::move(e));
}

template <class S>
S bound_three_halvings(std::int64_t k) {
  S v = 3;
  for (std::int64_t i = 0; i < k; ++i) v /= 2;
  return v;
}

template <class S>
void expect_pointwise_finds_the_planted_violation() {
  auto seq = halving<S>(60);
  const std::function<S(std::int64_t)> bound = bound_three_halvings<S>;
  const auto ok = check_pointwise_bound(seq, bound);
  EXPECT_EQ(ok.verdict, ov::Tribool::yes);
  EXPECT_EQ(ok.checked, 60u);
  EXPECT_FALSE(ok.first_violation);
  ASSERT_TRUE(ok.max_ratio);
  EXPECT_EQ(*ok.max_ratio, S(1) / 3);  // err/bound = 1/3 at every k (the first maximal one is kept)
  EXPECT_EQ(*ok.max_ratio_k, 0);
  // Plant a violation at k = 37 and a larger one at k = 50.
  seq.err[37] = 4 * seq.err[37];
  seq.err[50] = 8 * seq.err[50];
  const auto bad = check_pointwise_bound(seq, bound);
  EXPECT_EQ(bad.verdict, ov::Tribool::no);
  ASSERT_TRUE(bad.first_violation);
  EXPECT_EQ(*bad.first_violation, 37);
  EXPECT_EQ(bad.violations, 2u);
  EXPECT_EQ(*bad.max_ratio, S(8) / 3);
  EXPECT_EQ(*bad.max_ratio_k, 50);
  // A range that stops before the violation holds.
  PointwiseOptions before;
  before.k1 = 36;
  EXPECT_EQ(check_pointwise_bound(seq, bound, before).verdict, ov::Tribool::yes);
}

TEST(PointwiseBound, FindsThePlantedViolationInDouble) { expect_pointwise_finds_the_planted_violation<double>(); }
TEST(PointwiseBound, FindsThePlantedViolationInMp50) { expect_pointwise_finds_the_planted_violation<ov::mp50>(); }

TEST(PointwiseBound, WithinTheRoundingMarginIsUndecidedAndEscalationDecides) {
  // err = 1/3 and bound = 1/3 + 1e-20: equal in double after rounding (undecided there), apart in
  // mp50 (decided: holds). The caller escalates from double to mp50.
  const auto third = [](auto tag) {
    using S = decltype(tag);
    return make_sequence<S>({1}, {S(1) / 3});
  };
  auto bound_d = std::function<double(std::int64_t)>([](std::int64_t) {
    return ov::constant<double>("1/3 + 1e-20");
  });
  auto bound_m = std::function<ov::mp50(std::int64_t)>([](std::int64_t) {
    return ov::constant<ov::mp50>("1/3 + 1e-20");
  });
  const auto d = check_pointwise_bound(third(double{}), bound_d);
  EXPECT_EQ(d.verdict, ov::Tribool::undecided);
  EXPECT_EQ(d.first_undecided, std::optional<std::int64_t>(1));
  const auto m = check_pointwise_bound(third(ov::mp50{}), bound_m);
  EXPECT_EQ(m.verdict, ov::Tribool::yes);
  EXPECT_EQ(m.precision, "mp50");
  // Exact data (margin_ulps = 0): the comparison of the two doubles is exact: 1/3 rounded vs
  // (1/3 + 1e-20) rounded are the same double, so err <= bound holds.
  PointwiseOptions exact;
  exact.margin_ulps = 0;
  EXPECT_EQ(check_pointwise_bound(third(double{}), bound_d, exact).verdict, ov::Tribool::yes);
}

TEST(PointwiseBound, NanIsUndecidedInfinityViolatesBadBoundIsRefused) {
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  const auto seq = make_sequence<double>({1, 2, 3}, {0.5, nan, 0.25});
  const std::function<double(std::int64_t)> one = [](std::int64_t) { return 1.0; };
  const auto r = check_pointwise_bound(seq, one);
  EXPECT_EQ(r.verdict, ov::Tribool::undecided);
  EXPECT_EQ(r.nan_points, 1u);
  const auto diverged = make_sequence<double>({1, 2}, {0.5, inf});
  const auto v = check_pointwise_bound(diverged, one);
  EXPECT_EQ(v.verdict, ov::Tribool::no);
  EXPECT_EQ(*v.first_violation, 2);
  const std::function<double(std::int64_t)> bad = [nan](std::int64_t) { return nan; };
  EXPECT_THROW(check_pointwise_bound(seq, bad), std::invalid_argument);
  EXPECT_THROW(check_pointwise_bound(seq, std::vector<double>{1, 1}), std::invalid_argument);
  PointwiseOptions neg;
  neg.margin_ulps = -1;
  EXPECT_THROW(check_pointwise_bound(seq, one, neg), std::invalid_argument);
}

TEST(PointwiseBound, VectorBoundMatchesTheCallable) {
  const auto seq = halving<double>(20);
  std::vector<double> b;
  for (auto k : seq.k) b.push_back(bound_three_halvings<double>(k));
  b[7] = seq.err[7] / 2;
  const auto r = check_pointwise_bound(seq, b);
  EXPECT_EQ(r.verdict, ov::Tribool::no);
  EXPECT_EQ(*r.first_violation, 7);
}

TEST(BoundTrend, RightOrderHoldsWrongOrderIsViolated) {
  test_support::Shape s;
  s.k_transient = 1;
  s.k_floor = 1000;
  s.k_end = 1000;
  s.sigma = 0.02;
  const auto seq = test_support::noisy_order(1.0, s);  // k^-1 with 2 % noise
  const std::function<double(std::int64_t)> right = [](std::int64_t k) { return 2.0 / k; };
  const std::function<double(std::int64_t)> too_fast = [](std::int64_t k) { return 2.0 / (double(k) * k); };
  const auto t = check_bound_trend(seq, right, Window{1, 1000}, Axis::log_k, 0.05);
  EXPECT_EQ(t.verdict, RateVerdict::holds) << t.fit.line.slope;
  const auto w = check_bound_trend(seq, too_fast, Window{1, 1000}, Axis::log_k, 0.05);
  EXPECT_EQ(w.verdict, RateVerdict::violated) << w.fit.line.slope;
  EXPECT_NEAR(w.fit.line.slope, 1, 0.01);  // err/bound ~ k
}

TEST(StatedRate, OrderAndGeometricComparisons) {
  test_support::Shape s;
  s.k_transient = 1;
  s.k_floor = 2000;
  s.k_end = 2000;
  s.sigma = 0.01;
  const auto f = fit_order(test_support::noisy_order(1.0, s), Window{1, 2000});
  EXPECT_EQ(compare_order(f, 0.5).verdict, RateVerdict::holds);       // O(k^-1/2) is implied
  EXPECT_EQ(compare_order(f, 2.0).verdict, RateVerdict::violated);    // O(k^-2) is false
  EXPECT_EQ(compare_order(f, f.estimate).verdict, RateVerdict::consistent);
  EXPECT_EQ(compare_order(f, 1.1, 0.2).verdict, RateVerdict::holds);  // within the slack
  s.k_floor = s.k_end = 300;
  const auto g = fit_geometric(test_support::noisy_geometric(0.9, s), Window{1, 300});
  EXPECT_EQ(compare_geometric_rate(g, 0.95).verdict, RateVerdict::holds);
  EXPECT_EQ(compare_geometric_rate(g, 0.8).verdict, RateVerdict::violated);
  EXPECT_EQ(compare_geometric_rate(g, g.estimate).verdict, RateVerdict::consistent);
  EXPECT_THROW(compare_order(g, 1.0), std::invalid_argument);
  EXPECT_THROW(compare_geometric_rate(g, -1.0), std::invalid_argument);
  RateFit<double> none;
  EXPECT_EQ(compare_order(none, 1.0).verdict, RateVerdict::undecided);
}

TEST(TraceErrors, RowsAreShiftedToTheIterateTheyDescribe) {
  ov::optim::Trace<double> trace(3);
  for (int i = 0; i < 3; ++i) {
    trace[i].iteration = i;
    trace[i].value = 1 + 1.0 / (i + 2);
    trace[i].squared_grad_norm = 4.0 / ((i + 2) * (i + 2));
  }
  trace[1].value.reset();
  const auto gap = value_gap<double>(trace, 1.0, 2.0);  // f(x_0) = 2
  EXPECT_EQ(gap.k, (std::vector<std::int64_t>{0, 1, 3}));
  EXPECT_EQ(gap.err, (std::vector<double>{1.0, 0.5, 0.25}));
  EXPECT_EQ(gap.missing, 1u);
  const auto g = gradient_norm<double>(trace);
  EXPECT_EQ(g.k, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(g.err, (std::vector<double>{1.0, 2.0 / 3, 0.5}));
}

TEST(TraceErrors, DistanceRecorderMeasuresFromXStar) {
  ov::optim::Vector<double> xs(2), x(2);
  xs << 1, 1;
  DistanceRecorder<double> rec(xs);
  x << 4, 5;
  rec.begin(x, 10);
  ov::optim::TraceRow<double> row;
  row.iteration = 0;
  x << 1, 2;
  rec.step_taken(row, x);
  EXPECT_EQ(rec.sequence().k, (std::vector<std::int64_t>{0, 1}));
  EXPECT_EQ(rec.sequence().err, (std::vector<double>{5, 1}));
}

TEST(RateJson, RateStudyHasTheSchemaFieldsAndMp50AsStrings) {
  test_support::Shape s;
  s.sigma = 0.02;
  const auto seq = test_support::noisy_order(1.0, s);
  RateStudy<double> st;
  st.name = "synthetic k^-1";
  st.problem = "none";
  st.optimizer = "none";
  st.sequence = seq;
  st.detection = detect_window(seq);
  st.order = fit_order(seq, st.detection->window);
  st.bound = [](std::int64_t k) { return 2.0 / k; };
  st.pointwise = check_pointwise_bound(seq, st.bound);
  st.comparisons.push_back(compare_order(*st.order, 1.0, 0.1));
  const nlohmann::json j = to_json(st);
  for (const char* key : {"name", "problem", "optimizer", "precision", "order", "geometric_rate", "bound_check", "series"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_EQ(j["precision"], "double");
  EXPECT_TRUE(j["order"]["estimate"].is_number());
  EXPECT_EQ(j["order"]["ci"].size(), 2u);
  EXPECT_EQ(j["order"]["window"][0], st.detection->window.k0);
  EXPECT_TRUE(j["geometric_rate"].is_null());
  EXPECT_TRUE(j["bound_check"]["pointwise"].is_boolean());
  EXPECT_TRUE(j["bound_check"].contains("max_ratio"));
  EXPECT_TRUE(j["bound_check"].contains("first_violation"));
  ASSERT_EQ(j["series"].size(), 3u);  // measured, fit, bound
  EXPECT_EQ(j["series"][0]["role"], "measured");
  EXPECT_EQ(j["series"][1]["role"], "fit");
  EXPECT_EQ(j["series"][2]["role"], "bound");
  EXPECT_EQ(j["series"][2]["plot"], j["series"][0]["plot"]);
  // mp50: a value that is not a double is written as its decimal string; one that is, as a number.
  EXPECT_TRUE(json_number(ov::mp50(1) / 3).is_string());
  EXPECT_EQ(json_number(ov::mp50(1) / 4), 0.25);
  EXPECT_EQ(json_number(std::numeric_limits<double>::infinity()), "inf");
}

}  // namespace
