// Claims of 004 §2.3 and §4.2 Prop. 1 (group survey_gd_sgd): each on its real input and on a
// broken variant (a mutated rule or a false statement) that the same check must refute.
#include <gtest/gtest.h>

#include "proofs-checks/claims/survey_gd_sgd/halving.hpp"

namespace ov::claims::survey {
namespace {

RunContext quick(std::uint64_t seed = 1) {
  RunContext ctx;
  ctx.seed = seed;
  ctx.quick = true;
  return ctx;
}

// A broken "halving" search that multiplies eta by 1/4 (the mutant).
template <class S>
optim::LineSearchResult<S> quartering(optim::Oracle<S>& f, const optim::Vector<S>& x, const S& fx,
                                      const optim::Vector<S>& g) {
  optim::LineSearchResult<S> r;
  S eta = 1;
  while (r.trials < 60) {
    ++r.trials;
    r.step = eta;
    if (f.value(optim::Vector<S>(x - eta * g)) < fx) return r;
    eta = eta / S(4);
  }
  r.status = optim::LineSearchStatus::max_trials;
  return r;
}

TEST(HalvingStepBound, HoldsForTheLibrarySearch) {
  const Finding f = check_halving_step_bound(library_halving(), derived_halving_bounds(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GE(f.evidence.figures["min_accepted_step_over_bound"].get<double>(), 1.0);
  EXPECT_GE(f.evidence.figures["max_halvings_seen"].get<long>(), 2);
  EXPECT_GT(f.evidence.figures["mp100_min_relative_trial_gap"].get<double>(), 1e-80);
  EXPECT_EQ(f.evidence.series.size(), 2u);
}

TEST(HalvingStepBound, QuarteringSearchIsRefuted) {
  HalvingSearches mutant;
  mutant.exact = quartering<rational>;
  mutant.mp = quartering<mp100>;
  const Finding f = check_halving_step_bound(mutant, derived_halving_bounds(), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
}

TEST(HalvingStepBound, FalseBoundTwoOverLIsRefuted) {
  HalvingBounds b = derived_halving_bounds();
  b.name = "min(1, 2/L) (false)";
  b.min_step = [](const rational& L) { return L <= 2 ? rational(1) : rational(2) / L; };
  const Finding f = check_halving_step_bound(library_halving(), b, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(HalvingStepBound, FloorLog2) {
  EXPECT_EQ(floor_log2(rational(1)), 0);
  EXPECT_EQ(floor_log2(rational(8)), 3);
  EXPECT_EQ(floor_log2(rational(33, 2)), 4);
  EXPECT_EQ(floor_log2(rational(3, 4)), -1);
  EXPECT_EQ(floor_log2(rational(1, 4)), -2);
  EXPECT_EQ(derived_halving_bounds().max_halvings(rational(3, 2)), 0);
  EXPECT_EQ(derived_halving_bounds().max_halvings(rational(4)), 2);  // 1, 1/2 rejected at most, 1/4 < 2/4 accepted
}

TEST(HalvingStationaryErratum, PrintedLoopNeverEndsAtStationaryPoints) {
  const Finding f = check_halving_stationary(library_halving().exact, true, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["printed_loop_never_terminates"].get<int>(), 3);
  EXPECT_EQ(f.evidence.figures["library_flagged_zero_gradient"].get<int>(), 3);
  ASSERT_TRUE(f.evidence.counterexample.is_object());
}

TEST(HalvingStationaryErratum, CorrectedHypothesisHolds) {
  const Finding f = check_halving_stationary(library_halving().exact, false, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["library_flagged_zero_gradient"].get<int>(), 0);
}

TEST(HalvingStationaryErratum, UnguardedSearchIsNotFlagged) {
  // A search without the zero-gradient guard: it burns its trials (max_trials) instead.
  HalvingSearch<rational> unguarded = [](optim::Oracle<rational>& f, const optim::Vector<rational>& x,
                                         const rational& fx, const optim::Vector<rational>& g) {
    return quartering<rational>(f, x, fx, g);
  };
  const Finding f = check_halving_stationary(unguarded, true, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.figures["library_flagged_zero_gradient"].get<int>(), 0);
}

}  // namespace
}  // namespace ov::claims::survey

#include "proofs-checks/claims/survey_gd_sgd/gd_convex_rate.hpp"

namespace ov::claims::survey {
namespace {

TEST(Prop1GdConvexRate, HoldsAtStepOneOverL) {
  const Finding f = check_gd_convex_rate(library_gd(), prop1_bound(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.precision, "rational");
  EXPECT_TRUE(f.evidence.figures["all_starts_envelope_holds"].get<bool>());
  EXPECT_TRUE(f.evidence.figures["other_index_reading_holds"].get<bool>());
  // Drori-Teboulle: the worst case is L R^2/(4k + 2) after k steps, so gap/(2LR^2/k) < 1/8.
  EXPECT_LT(f.evidence.figures["max_gap_over_bound"].get<double>(), 0.125);
  EXPECT_GT(f.evidence.figures["max_gap_over_bound"].get<double>(), 0.11);
  EXPECT_NEAR(f.evidence.figures["fitted_slope"].get<double>(), -1.0, 0.05);
  EXPECT_EQ(f.evidence.figures["logistic_regression_runs"].get<long>(), 1);
  EXPECT_EQ(f.evidence.series.size(), 6u);
}

TEST(Prop1GdConvexRate, BoundDividedBySixteenIsRefuted) {
  // The bound / 8 is still TRUE (worst case L R^2/(4k+2) <= 2LR^2/(8k)); / 16 is false on the Huber worst case.
  ConvexRateBound b = prop1_bound();
  b.name = "2 L R^2 / (16 (t + 1)) (false)";
  b.value = [](const rational& L, const rational& R2, long t) { return L * R2 / rational(8 * (t + 1)); };
  const Finding f = check_gd_convex_rate(library_gd(), b, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["problem"], "huber_gd_worst_case");
}

TEST(Prop1GdConvexRate, BoundDividedByEightStillHolds) {
  ConvexRateBound b = prop1_bound();
  b.value = [](const rational& L, const rational& R2, long t) { return L * R2 / rational(4 * (t + 1)); };
  EXPECT_EQ(check_gd_convex_rate(library_gd(), b, quick()).verdict, Verdict::holds);
}

TEST(Prop1GdConvexRate, StepTwoOverLIsRefuted) {
  // Mutated rule: step 2/L does not converge on the top mode (lambda = L: factor |1 - 2| = 1).
  const GdFactory mutant = [](const rational& step) { return library_gd()(2 * step); };
  EXPECT_EQ(check_gd_convex_rate(mutant, prop1_bound(), quick()).verdict, Verdict::refuted);
}

TEST(GdConvexTextbookBoundExt, HoldsAndQuarterIsRefuted) {
  const Finding f = check_gd_convex_rate(library_gd(), textbook_bound(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_LT(f.evidence.figures["max_gap_over_bound"].get<double>(), 0.5);
  ConvexRateBound b = textbook_bound();
  b.value = [](const rational& L, const rational& R2, long t) { return L * R2 / rational(8 * t); };
  EXPECT_EQ(check_gd_convex_rate(library_gd(), b, quick()).verdict, Verdict::refuted);
}

}  // namespace
}  // namespace ov::claims::survey

#include "optim/rules/momentum.hpp"
#include "proofs-checks/claims/survey_gd_sgd/momentum_oscillation.hpp"

namespace ov::claims::survey {
namespace {

TEST(MomentumReducesOscillation, HoldsWhereGdZigZags) {
  const Finding f = check_momentum_oscillation(library_momentum(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["oscillation_reduced"].get<int>(), f.evidence.figures["configurations"].get<int>());
  EXPECT_EQ(f.evidence.series.size(), 2u);
}

TEST(MomentumReducesOscillation, NoMomentumIsRefuted) {
  // Mutant: the "momentum" rule ignores alpha (alpha = 0 is plain GD): no reduction.
  const MomentumFactory mutant = [](double eta, double) {
    return std::unique_ptr<optim::Optimizer<double>>(
        std::make_unique<optim::Momentum<double>>(eta, 0.0, optim::MomentumForm::sutskever));
  };
  const Finding f = check_momentum_oscillation(mutant, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

}  // namespace
}  // namespace ov::claims::survey
