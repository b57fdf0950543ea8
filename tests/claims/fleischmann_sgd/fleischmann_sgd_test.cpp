// Tests of the claims in proofs-checks/claims/fleischmann_sgd/: each claim on its real input (expected
// verdict and key figures) and on a broken variant (expected `refuted`; for the erratum, the corrected
// statement holds).
#include <gtest/gtest.h>

#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/fleischmann_sgd/minibatch_moments.hpp"
#include "proofs-checks/claims/fleischmann_sgd/registration.hpp"
#include "proofs-checks/claims/fleischmann_sgd/schedules.hpp"
#include "proofs-checks/claims/fleischmann_sgd/sgd_diminishing.hpp"
#include "proofs-checks/claims/fleischmann_sgd/sgd_fixed_step.hpp"

namespace ov::claims::fleischmann_sgd {
namespace {

RunContext quick(std::uint64_t seed = 1) {
  RunContext c;
  c.seed = seed;
  c.quick = true;
  return c;
}

TEST(FleischmannSgd, CatalogRegistersNineClaimsCiting003) {
  Catalog cat;
  register_fleischmann_sgd_claims(cat);
  int n = 0;
  for (const auto& id : cat.ids()) {
    const Claim& c = cat.get(id);
    EXPECT_EQ(c.source.file, "003_61d556b637c4f269.txt") << id;
    EXPECT_EQ(id.rfind("fleischmann.", 0), 0u) << id;
    ++n;
  }
  EXPECT_EQ(n, 9);
}

// C11 ----------------------------------------------------------------------------------------------
TEST(FleischmannSgd, MinibatchMomentsHoldExactly) {
  const Finding f = check_minibatch_moments(mean_estimator(), one_over_b_law(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["identities_checked"].get<int>(), 50);
  EXPECT_LT(f.evidence.figures["without_replacement_ratio_at_max_b"].get<double>(), 1.0 / 3);
  EXPECT_EQ(f.evidence.series.size(), 3u);
}

TEST(FleischmannSgd, MinibatchSumInsteadOfMeanIsRefuted) {
  const BatchEstimator sum = [](const std::vector<Vec<rational>>& g, const std::vector<int>& batch) {
    Vec<rational> s = g.front();
    for (Eigen::Index j = 0; j < s.size(); ++j) s[j] = 0;
    for (int i : batch)
      for (Eigen::Index j = 0; j < s.size(); ++j) s[j] += g[i][j];  // MUTANT: no 1/|B|
    return s;
  };
  const Finding f = check_minibatch_moments(sum, one_over_b_law(), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["b"].get<int>(), 2);
}

TEST(FleischmannSgd, MinibatchVarianceWithoutOneOverBIsRefuted) {
  const Finding f = check_minibatch_moments(mean_estimator(), [](int) { return rational(1); }, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

// C12, C13 -----------------------------------------------------------------------------------------
TEST(FleischmannSgd, Lemma45HoldsAndIsTightOnIsotropic) {
  const Finding f = check_lemma_4_5(LemmaVariant{}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["tight_equalities"].get<int>(), 0);
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(FleischmannSgd, Lemma45WithHalvedLIsRefuted) {
  const Finding f = check_lemma_4_5(LemmaVariant{rational(1) / rational(2)}, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(FleischmannSgd, Lemma47HoldsWithDerivedConstants) {
  const Finding f = check_lemma_4_7(LemmaVariant{}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["assumption_4_6_checks"].get<int>(), 20);
}

TEST(FleischmannSgd, Lemma47WithHalvedLIsRefuted) {
  const Finding f = check_lemma_4_7(LemmaVariant{rational(1) / rational(2)}, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

// C14 ------------------------------------------------------------------------------------------------
TEST(FleischmannSgd, Thm48HoldsForEveryK) {
  const Finding f = check_thm_4_8(Thm48Variant{}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_LE(f.evidence.figures["max_average_over_bound"].get<double>(), 1.0);
  EXPECT_GT(f.evidence.figures["isotropic_closed_form_checks"].get<int>(), 100);
  // alpha = 1/2: e* / (alpha L M) = 1/(2 - alpha) = 2/3.
  EXPECT_NEAR(f.evidence.figures["isotropic_stationary_over_limit_alpha_half"].get<double>(), 2.0 / 3, 1e-12);
  EXPECT_EQ(f.evidence.series.size(), 5u);
}

TEST(FleischmannSgd, Thm48StepAboveOneOverLMGIsRefuted) {
  const Finding f = check_thm_4_8(Thm48Variant{rational(3) / rational(2), rational(2)}, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(FleischmannSgd, Thm48WithoutFactorTwoIsRefuted) {
  const Finding f = check_thm_4_8(Thm48Variant{rational(1), rational(1)}, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(FleischmannSgd, PlateauShapeLinearInAlphaAndInverseBatch) {
  const Finding f = check_plateau_shape(ShapeVariant{}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary << f.evidence.figures.dump();
  EXPECT_NEAR(f.evidence.figures["fits.isotropic.inv_batch_loglog_slope"].get<double>(), 1.0, 0.05);
  EXPECT_LT(f.evidence.figures["oracle_vs_rational_prefix_max_rel_gap"].get<double>(), 1e-11);
}

TEST(FleischmannSgd, PlateauShapeWithSumEstimatorIsRefuted) {
  const Finding f = check_plateau_shape(ShapeVariant{true}, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary << f.evidence.figures.dump();
}

// C15-C17 ----------------------------------------------------------------------------------------------
TEST(FleischmannSgd, Thm49HoldsForEveryK) {
  const Finding f = check_thm_4_9(Thm49Variant{}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_LE(f.evidence.figures["max_lhs_over_limit_bound"].get<double>(), 1.0);
}

TEST(FleischmannSgd, Thm49WithTooLargeStepsIsRefuted) {
  const Finding f = check_thm_4_9(Thm49Variant{rational(3), rational(2)}, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(FleischmannSgd, Thm49WithoutFactorTwoIsRefuted) {
  const Finding f = check_thm_4_9(Thm49Variant{rational(1), rational(1)}, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(FleischmannSgd, CorollariesGradientToZero) {
  const Finding f = check_corollaries(corollary_schedules(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GE(f.evidence.figures["rate_agreements"].get<int>(), 3);
}

TEST(FleischmannSgd, ConstantStepPlateauRefutesGradientToZero) {
  const Finding f = check_corollaries({StepRule{rational(1) / rational(2), 0, true}}, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["closed_form_verified_exactly_up_to_k"].get<int>(), 60);
}

// Schedules ------------------------------------------------------------------------------------------
TEST(FleischmannSgd, SchedulesRobbinsMonroCertified) {
  const Finding f = check_schedules_robbins_monro(document_schedules(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["robbins_monro"].get<int>(), 3);
  EXPECT_EQ(f.evidence.figures["library_cross_checked"].get<int>(), 7);
}

TEST(FleischmannSgd, SqrtScheduleClaimedRobbinsMonroIsRefuted) {
  auto cases = document_schedules();
  for (auto& c : cases)
    if (c.name.find("1/sqrt(k)") != std::string::npos) c.asserted_robbins_monro = true;  // MUTANT statement
  const Finding f = check_schedules_robbins_monro(cases, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(FleischmannSgd, PiecewiseScheduleAsPrintedIsRefuted) {
  const Finding f = check_piecewise_definition(PiecewiseSpec{}, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["k"].get<long>(), 1);
}

TEST(FleischmannSgd, PiecewiseScheduleCorrectedHoldsAndMatchesLibrary) {
  const Finding f = check_piecewise_definition(PiecewiseSpec{false, 1}, quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["agree_with_library"].get<int>(), 99);
}

}  // namespace
}  // namespace ov::claims::fleischmann_sgd
