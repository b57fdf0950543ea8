// Tests of the errata claims (002 §1.3, Appendix 4.8-4.9): the statement as printed is refuted with a
// counterexample; the corrected statement holds on the same search.
#include <gtest/gtest.h>

#include "proofs-checks/claims/castera_step_tuned/erratum_alg6.hpp"
#include "proofs-checks/claims/castera_step_tuned/erratum_proof_constants.hpp"
#include "proofs-checks/claims/castera_step_tuned/erratum_unbiasedness.hpp"

namespace ov::claims::castera_step_tuned {
namespace {

RunContext quick_ctx() {
  RunContext ctx;
  ctx.seed = 1;
  ctx.quick = true;
  return ctx;
}

TEST(ErratumUnbiasedness, SumConventionIsRefuted) {
  const Finding f = check_unbiasedness(true, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["batch_size"].get<int>(), 1);
  EXPECT_TRUE(unbiasedness_erratum_claim().erratum);
}

TEST(ErratumUnbiasedness, MeanConventionHolds) {
  const Finding f = check_unbiasedness(false, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["comparisons"].get<int>(), 12);  // 3 instances x 4 batch sizes
}

TEST(ErratumC2Squared, PrintedBoundIsRefuted) {
  const Finding f = check_c2_squared(true, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_GT(rational(f.evidence.counterexample["C2"].get<std::string>()), rational(1));
}

TEST(ErratumC2Squared, CorrectedBoundHolds) {
  EXPECT_EQ(check_c2_squared(false, quick_ctx()).verdict, Verdict::holds);
}

TEST(ErratumMinIndex, PrintedMinimumIsRefuted) {
  const Finding f = check_min_index(true, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_LT(rational(f.evidence.counterexample["grad_sq_0"].get<std::string>()),
            rational(f.evidence.counterexample["grad_sq_1"].get<std::string>()));
}

TEST(ErratumMinIndex, CorrectedMinimumHolds) {
  EXPECT_EQ(check_min_index(false, quick_ctx()).verdict, Verdict::holds);
}

TEST(ErratumAlg6, PrintedFactorIsRefuted) {
  const Finding f = check_alg6(optim::ExpectedGvScale::printed, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["k"].get<int>(), 1);
  EXPECT_EQ(f.evidence.figures["denominator_at_k1"].get<double>(), 0.0);
}

TEST(ErratumAlg6, PreviousStepReadingHolds) {
  const Finding f = check_alg6(optim::ExpectedGvScale::previous_step, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
}

}  // namespace
}  // namespace ov::claims::castera_step_tuned
