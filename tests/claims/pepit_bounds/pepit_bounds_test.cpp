// Tests of the PEPit-bound claims (proofs-checks/claims/pepit_bounds/): each claim holds with the
// published constant (the worst case attaining it exactly) and is refuted, by its worst case, when
// the constant is lowered by 7 % (10 % for the random search).
#include <gtest/gtest.h>

#include "proofs-checks/claims/pepit_bounds/bounds.hpp"

namespace pepit = ov::claims::pepit;
using ov::rational;
using ov::claims::RunContext;
using ov::claims::Verdict;

namespace {

RunContext quick() {
  RunContext c;
  c.seed = 1;
  c.quick = true;
  return c;
}

pepit::Variant tightened(pepit::Bound b, const rational& f) {
  pepit::Variant v;
  if (b == pepit::Bound::gd_convex) v.convex = f;
  if (b == pepit::Bound::gd_nonconvex) v.nonconvex = f;
  if (b == pepit::Bound::contraction) v.contraction = f;
  if (b == pepit::Bound::line_search) v.line_search = f;
  return v;
}

double fig(const ov::claims::Finding& f, const char* k) { return f.evidence.figures.at(k).get<double>(); }

}  // namespace

TEST(PepitWave, ExactValuesOfTheTriangleWave) {
  // L = 2, a = 1, N = 3: p = 1/2, h(0) = 0, h(kp) = -3 k a^2/(4L) = -3k/8, h'(kp) = -a
  const rational L = 2, a = 1;
  for (int k = 0; k <= 3; ++k) {
    EXPECT_EQ(pepit::wave_value<rational>(rational(k, 2), L, a, 3), rational(-3 * k, 8));
    EXPECT_EQ(pepit::wave_derivative<rational>(rational(k, 2), L, a, 3), rational(-1));
  }
  EXPECT_EQ(pepit::wave_derivative<rational>(rational(1, 4), L, a, 3), rational(-1, 2));  // mid-period: a/2
  EXPECT_EQ(pepit::wave_derivative<rational>(rational(5, 2), L, a, 3), rational(0));      // flat beyond N p + p
  EXPECT_EQ(pepit::wave_derivative<rational>(rational(-1), L, a, 3), rational(0));
  // bounded below: h(N p + p) = h(Np) - a^2/(2L)
  EXPECT_EQ(pepit::wave_value<rational>(rational(7), L, a, 3), rational(-9, 8) - rational(1, 4));
}

TEST(PepitGdConvex, HoldsAndHuberAttainsTheBoundExactly) {
  const auto f = pepit::check_gd_convex({}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(fig(f, "worst_cases"), 24);
  EXPECT_EQ(fig(f, "worst_cases_equal_exactly"), 24);
  EXPECT_EQ(fig(f, "worst_cases_iterates_on_linear_piece"), 24);
  EXPECT_EQ(fig(f, "mp100_worst_case.attained_within_1e-80"), 24);
  EXPECT_LT(fig(f, "search.max_measured_over_bound"), 1.0);
  EXPECT_GT(fig(f, "search.comparisons"), 100);
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(PepitGdConvex, SevenPercentSmallerConstantIsRefutedByHuber) {
  const auto f = pepit::check_gd_convex(tightened(pepit::Bound::gd_convex, rational(93, 100)), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample.at("instance"), "huber_gd_worst_case");
  EXPECT_EQ(f.evidence.counterexample.at("N"), 1);
}

TEST(PepitGdNonconvex, HoldsAndTheWaveAttainsTheBoundExactly) {
  const auto f = pepit::check_gd_nonconvex({}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(fig(f, "worst_cases"), 24);
  EXPECT_EQ(fig(f, "worst_cases_equal_exactly"), 24);
  EXPECT_LT(fig(f, "search.max_measured_over_bound"), 1.0);
}

TEST(PepitGdNonconvex, SevenPercentSmallerConstantIsRefutedByTheWave) {
  // (4/3) * 0.93 = 1.24 stays above every ratio the library's problems reach (<= 1): only the wave refutes it
  const auto f = pepit::check_gd_nonconvex(tightened(pepit::Bound::gd_nonconvex, rational(93, 100)), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample.at("instance"), "triangle_wave");
}

TEST(PepitContraction, HoldsWithEqualityOnTheExtremeEigenvector) {
  const auto f = pepit::check_contraction({}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(fig(f, "worst_cases"), 40);
  EXPECT_EQ(fig(f, "worst_cases_equal_exactly"), 40);
  EXPECT_DOUBLE_EQ(f.evidence.series[1]["y"][0].get<double>(), 0.81);  // PEPit's docstring value
  EXPECT_EQ(fig(f, "one_step_self_similar"), 4);
  EXPECT_LE(fig(f, "search.max_measured_over_bound"), 1.0);
}

TEST(PepitContraction, SevenPercentSmallerConstantIsRefuted) {
  const auto f = pepit::check_contraction(tightened(pepit::Bound::contraction, rational(93, 100)), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample.at("n"), 1);
}

TEST(PepitLineSearch, HoldsWithEqualityFromTheClassicalStart) {
  const auto f = pepit::check_line_search({}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(fig(f, "worst_cases"), 24);
  EXPECT_EQ(fig(f, "worst_cases_equal_exactly"), 24);
  EXPECT_EQ(fig(f, "one_step_self_similar"), 3);
  EXPECT_LT(fig(f, "search.max_measured_over_bound"), 1.0);
}

TEST(PepitLineSearch, SevenPercentSmallerConstantIsRefuted) {
  const auto f = pepit::check_line_search(tightened(pepit::Bound::line_search, rational(93, 100)), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample.at("precision"), "rational (exact)");
}

TEST(PepitRandomSearch, NoBoundExceeded) {
  const auto f = pepit::check_random_search({}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(fig(f, "instances"), 15);
  for (const char* b : {"gd_convex", "gd_nonconvex", "contraction", "line_search"}) {
    EXPECT_GT(fig(f, (std::string(b) + ".comparisons").c_str()), 0) << b;
    EXPECT_GE(fig(f, (std::string(b) + ".attained_within_1e-80").c_str()), 1) << b;  // worst-case members
  }
  // deterministic in the seed
  const auto g = pepit::check_random_search({}, quick());
  EXPECT_EQ(f.evidence.figures, g.evidence.figures);
}

TEST(PepitRandomSearch, TenPercentTighterBoundsAreRefuted) {
  for (int b = 0; b < 4; ++b) {
    const auto f = pepit::check_random_search(tightened(static_cast<pepit::Bound>(b), rational(9, 10)), quick());
    EXPECT_EQ(f.verdict, Verdict::refuted) << b;
    EXPECT_EQ(f.evidence.counterexample.at("bound"), pepit::bound_name(static_cast<pepit::Bound>(b)));
  }
}

TEST(PepitWorstCases, AllFourAttainTheirBoundsCertified) {
  const auto f = pepit::check_worst_cases({}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_EQ(fig(f, "gd_convex.equal_exactly"), 24);
  EXPECT_EQ(fig(f, "gd_nonconvex.equal_exactly"), 24);
  EXPECT_EQ(fig(f, "contraction.equal_exactly"), 40);
  EXPECT_EQ(fig(f, "line_search.equal_exactly"), 24);
  EXPECT_EQ(fig(f, "contraction_one_step_self_similar"), 4);
  EXPECT_EQ(fig(f, "line_search_one_step_self_similar"), 3);
  EXPECT_EQ(fig(f, "huber_iterates_on_linear_piece"), 24);
  EXPECT_EQ(f.evidence.series.size(), 8u);
}

TEST(PepitWorstCases, EachSevenPercentSmallerConstantIsRefutedExactly) {
  for (int b = 0; b < 4; ++b) {
    const auto f = pepit::check_worst_cases(tightened(static_cast<pepit::Bound>(b), rational(93, 100)), quick());
    EXPECT_EQ(f.verdict, Verdict::refuted) << b;
    EXPECT_EQ(f.evidence.counterexample.at("bound"), pepit::bound_name(static_cast<pepit::Bound>(b)));
    EXPECT_EQ(f.evidence.counterexample.at("precision"), "rational (exact)");
  }
}

TEST(PepitRandomSearch, GapsAtMp100RoundingLevelAreNotViolations) {
  // full mode, seed 7: exact line search drives f(x_n) - f* to ~1e-100 of f(x_0), mp100's rounding floor;
  // a relative tolerance alone reported a false excess there (before the absolute rounding term was added)
  RunContext c;
  c.seed = 7;
  const auto f = pepit::check_random_search({}, c);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(fig(f, "line_search.below_mp100_resolution"), 0);
}
