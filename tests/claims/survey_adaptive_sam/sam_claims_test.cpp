// Claims of survey_adaptive_sam on SAM, ESAM and ASAM (004 §7): each on the document's input (expected verdict
// and key figures) and on a broken variant (expected `refuted`; for errata, the corrected statement holds).
#include <gtest/gtest.h>

#include "proofs-checks/claims/survey_adaptive_sam/esam_asam.hpp"
#include "proofs-checks/claims/survey_adaptive_sam/sam_flatness.hpp"
#include "proofs-checks/claims/survey_adaptive_sam/sam_inner.hpp"

namespace ov::claims::survey_sam {
namespace {

RunContext quick() {
  RunContext c;
  c.seed = 1;
  c.quick = true;
  return c;
}

TEST(SamDualNorm, LibraryMaximiserHolds) {
  const Finding f = check_sam_dual_norm(library_lp_maximiser(), quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_LT(f.evidence.figures["max_relative_error_mp100"].get<double>(), 1e-80);
  EXPECT_LT(f.evidence.figures["max_grid_gap_2d"].get<double>(), 1e-3);
  EXPECT_GT(f.evidence.figures["instances"].get<int>(), 50);
}

TEST(SamDualNorm, WrongExponentIsRefuted) {
  const Finding f = check_sam_dual_norm(wrong_exponent_lp_maximiser(), quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.counterexample.is_object());
}

TEST(SamAccuracy, OrdersHoldAndExponentsAreMeasured) {
  const Finding f = check_sam_first_order_accuracy(library_lp_maximiser(), ClaimedOrders{}, quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& g = f.evidence.figures;
  EXPECT_NEAR(g["linearisation.mean_slope"].get<double>(), 2.0, 0.05);
  EXPECT_NEAR(g["suboptimality.mean_slope"].get<double>(), 3.0, 0.05);  // one better than the guide's 2
  EXPECT_NEAR(g["dropped.mean_slope"].get<double>(), 2.0, 0.05);        // one better than the guide's 1
  EXPECT_EQ(f.evidence.series.size(), 3u);
}

TEST(SamAccuracy, ClaimedSlopeThreeForTheLinearisationIsRefuted) {
  ClaimedOrders wrong;
  wrong.linearisation = 3;
  const Finding f = check_sam_first_order_accuracy(library_lp_maximiser(), wrong, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["residual"], "linearisation");
}

TEST(SamFlatness, SamPrefersTheFlatBasin) {
  const Finding f = check_sam_flat_preference(0.4, quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["sam_flat_fraction"].get<double>(), 0.95);
  EXPECT_LT(f.evidence.figures["gd_flat_fraction"].get<double>(), 0.85);
  EXPECT_EQ(f.evidence.series.size(), 1u);
}

TEST(SamFlatness, RhoZeroIsGdAndRefuted) {
  const Finding f = check_sam_flat_preference(0.0, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["sam_flat_gd_sharp"].get<long>(), 0);
  EXPECT_EQ(f.evidence.figures["sam_sharp_gd_flat"].get<long>(), 0);
}

TEST(EsamSwp, ElementwiseReadingIsCertified) {
  const Finding f = check_esam_swp_unbiased(swp_hadamard(), true, quick());
  ASSERT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_LT(f.evidence.figures["library_monte_carlo_max_z"].get<double>(), 5.0);
}

TEST(EsamSwp, MaskWithoutRescalingIsRefuted) {
  const Finding f = check_esam_swp_unbiased(swp_without_rescale(), false, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["n"], 1);
}

TEST(EsamSwp, PrintedScalarErratumIsRefuted) {
  const Claim c = esam_swp_printed_scalar_claim();
  EXPECT_TRUE(c.erratum);
  const Finding f = c.run(quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["n"], 2);  // n = 1: the scalar is the coordinate
}

TEST(EsamSds, PrintedSetsMissTheBoundarySample) {
  const Claim c = esam_sds_partition_claim();
  EXPECT_TRUE(c.erratum);
  const Finding f = c.run(quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["sharpness_i"], f.evidence.counterexample["alpha"]);
}

TEST(EsamSds, InclusiveBMinusPartitions) {  // the corrected statement (the library's convention)
  const Finding f = check_sds_partition(true, quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["samples_checked"].get<long>(), 120);
}

TEST(Asam, AdaptiveSharpnessInvariantSamSharpnessNot) {
  const Finding f = check_asam_invariance(t_abs_w(), Scaling::relu_rescaling_symmetry, quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_LT(f.evidence.figures["max_relative_change_adaptive"].get<double>(), 1e-6);
  EXPECT_GT(f.evidence.figures["min_relative_change_sam"].get<double>(), 1e-2);
  EXPECT_LT(f.evidence.figures["max_relative_change_loss"].get<double>(), 1e-12);
  EXPECT_LT(f.evidence.figures["library_asam_perturbation_max_diff"].get<double>(), 1e-15);
}

TEST(Asam, IdentityOperatorIsRefuted) {
  const Finding f = check_asam_invariance(t_identity(), Scaling::relu_rescaling_symmetry, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(Asam, NonSymmetryScalingErratumIsRefuted) {
  const Claim c = asam_invariance_any_scaling_claim();
  EXPECT_TRUE(c.erratum);
  const Finding f = c.run(quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["max_relative_change_loss"].get<double>(), 1e-3);
}

}  // namespace
}  // namespace ov::claims::survey_sam
