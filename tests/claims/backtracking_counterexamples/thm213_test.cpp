// Theorem 2.13: Standard GD with delta = 1/(2L) satisfies Armijo along the orbit and converges; the false
// variant delta = 23/L (= 1/2 on nesterov_example, where x1 -> (1 - 4 delta) x1 = -x1 oscillates) is refuted.
#include <gtest/gtest.h>

#include "proofs-checks/claims/backtracking_counterexamples/thm213_standard_gd.hpp"

namespace ov::claims::thm213 {
namespace {

TEST(Thm213, StepOneOverTwoLConverges) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_thm213(paper_step(), ctx);
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["converged"].get<int>(), 6);
  EXPECT_EQ(f.evidence.figures["undecided"].get<int>(), 0);
  EXPECT_EQ(f.evidence.series.size(), 2u);
}

TEST(Thm213, TooLargeStepIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const StepRule mutant = [](const rational& L) { return rational(23) / L; };  // MUTATED: delta L = 23 > 1/2
  const Finding f = check_thm213(mutant, ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["problem"], "nesterov_example");
}

}  // namespace
}  // namespace ov::claims::thm213
