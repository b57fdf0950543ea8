// Claims of 004 §4.2 Props 2-3 and §5 (36)/(37) (group survey_gd_sgd): each on its real input and
// on a broken variant that the same check must refute.
#include <gtest/gtest.h>

#include "proofs-checks/claims/survey_gd_sgd/minibatch_error.hpp"

namespace ov::claims::survey {
namespace {

RunContext quick_ctx(std::uint64_t seed = 1) {
  RunContext ctx;
  ctx.seed = seed;
  ctx.quick = true;
  return ctx;
}

TEST(MinibatchErrorCorrected, ExactForEveryBatchSize) {
  const Finding f = check_minibatch_error(corrected_formulas(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["comparisons"].get<long>(), 24);
  EXPECT_EQ(f.evidence.figures["exact_matches"].get<long>(), 24);
  EXPECT_TRUE(f.evidence.figures["oracle_agrees_with_enumeration"].get<bool>());
  EXPECT_EQ(f.evidence.series.size(), 4u);
}

TEST(MinibatchErrorCorrected, SwappedNormalisationsAreRefuted) {
  MinibatchFormulas swapped = corrected_formulas();
  swapped.name = "swapped (false)";
  swapped.without = [](int n, int b, const rational& vp, const rational&) { return (1 - rational(b, n)) * vp / rational(b); };
  swapped.with = [](int, int b, const rational&, const rational& vs) { return vs / rational(b); };
  const Finding f = check_minibatch_error(swapped, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["b"].get<int>(), 1);
}

TEST(MinibatchSingleSigmaErratum, EachReadingBreaksOneEquation) {
  const Finding pop = check_minibatch_error(single_sigma_formulas(false), quick_ctx());
  EXPECT_EQ(pop.verdict, Verdict::refuted);
  EXPECT_EQ(pop.evidence.counterexample["draw"], "without replacement (36)");
  const Finding smp = check_minibatch_error(single_sigma_formulas(true), quick_ctx());
  EXPECT_EQ(smp.verdict, Verdict::refuted);
  EXPECT_EQ(smp.evidence.counterexample["draw"], "with replacement (37)");
  const Finding f = check_minibatch_single_sigma(quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.figures["b1_without_equals_with"].get<bool>());
}

}  // namespace
}  // namespace ov::claims::survey

#include "proofs-checks/claims/survey_gd_sgd/sgd_shape.hpp"

namespace ov::claims::survey {
namespace {

TEST(Prop2FixedStepPlateau, PlateauLinearInEtaAndTransientFactor) {
  const Finding f = check_fixed_step_plateau(prop2_plateau_spec(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_NEAR(f.evidence.figures["plateau_loglog_slope"].get<double>(), 1.0, 0.15);
  EXPECT_LE(f.evidence.figures["max_transient_factor_at_1_over_L"].get<double>(), 0.75);
}

TEST(Prop2FixedStepPlateau, FalseVariantsAreRefuted) {
  PlateauSpec sq = prop2_plateau_spec();
  sq.plateau_order = 2;  // "O(eta^2)": false
  EXPECT_EQ(check_fixed_step_plateau(sq, quick_ctx()).verdict, Verdict::refuted);
  PlateauSpec fast = prop2_plateau_spec();
  fast.factor_at_one_over_l = [](const rational& mu, const rational& L) { return 1 - 2 * mu / L; };  // false
  const Finding f = check_fixed_step_plateau(fast, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(Prop2DecreasingSteps, SlopesAndRatios) {
  const Finding f = check_decreasing_steps(DecreasingSpec{}, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_LE(f.evidence.figures["(28)_loglog_slope"].get<double>(), -0.9);
  DecreasingSpec wrong;
  wrong.max_slope_28 = -2;  // "O(1/t^2)": false
  EXPECT_EQ(check_decreasing_steps(wrong, quick_ctx()).verdict, Verdict::refuted);
}

TEST(Prop3MinibatchPlateau, ProportionalToNoise) {
  const Finding f = check_minibatch_plateau(corrected_noise_scale(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  // False variant: without replacement the plateau scales like 1/b (the finite-population factor dropped).
  const NoiseScale wrong = [](int, int b, bool) { return 1.0 / b; };
  const Finding g = check_minibatch_plateau(wrong, quick_ctx());
  EXPECT_EQ(g.verdict, Verdict::refuted) << g.evidence.summary;
  EXPECT_EQ(g.evidence.counterexample["draw"], "without_replacement");
}

TEST(Prop2FactorEtaErratum, PrintedRefutedCorrectedHolds) {
  const Finding f = check_eta_factor(printed_factor(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.figures["transient_factor_eta_1/8_exceeds_1-mu/L"].get<bool>());
  const Finding g = check_eta_factor(corrected_factor(), quick_ctx());
  EXPECT_EQ(g.verdict, Verdict::holds) << g.evidence.summary;
}

}  // namespace
}  // namespace ov::claims::survey
