// Claims of survey_adaptive_sam on AdaGrad/RMSProp/Adam as printed (004 §6): the real input and a broken variant.
#include <gtest/gtest.h>

#include "proofs-checks/claims/survey_adaptive_sam/adaptive.hpp"

namespace ov::claims::survey_sam {
namespace {

RunContext quick() {
  RunContext c;
  c.seed = 1;
  c.quick = true;
  return c;
}

TEST(AdamBias, UpdateCountExponentIsCertified) {
  const Finding f = check_adam_bias_correction(library_bias_denominator(), quick());
  ASSERT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_LT(f.evidence.figures["library_adam_max_relative_step_error"].get<double>(), 1e-9);
  EXPECT_EQ(f.evidence.figures["library_as_printed_first_step"], "refused: undefined");
}

TEST(AdamBias, ShiftedExponentIsRefuted) {
  const Finding f = check_adam_bias_correction(shifted_bias_denominator(), quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["why"], "the weights do not sum to 1");
}

TEST(AdamBias, PrintedExponentKErratumDividesByZero) {
  const Claim c = adam_bias_exponent_k_claim();
  EXPECT_TRUE(c.erratum);
  const Finding f = c.run(quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["loop_index_k"], 0);
  EXPECT_EQ(f.evidence.counterexample["denominator"], "0");
}

TEST(ScalarV, PrintedFormsDifferFromPerCoordinate) {
  const Claim c = scalar_second_moment_claim();
  EXPECT_TRUE(c.erratum);
  const Finding f = c.run(quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["rmsprop_relative_difference"].get<double>(), 0.1);
  EXPECT_GT(f.evidence.figures["adam_relative_difference"].get<double>(), 0.1);
}

TEST(ScalarV, OneDimensionalFormsCoincide) {  // the corrected statement: equal only when d = 1
  const Finding f = check_scalar_second_moment({-2.5}, quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
}

}  // namespace
}  // namespace ov::claims::survey_sam
