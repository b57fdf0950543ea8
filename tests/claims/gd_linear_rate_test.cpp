// Claim sgd-survey.gd-linear-rate-1-over-l: holds for GD with step 1/L; the same check
// refutes GD whose step is mutated to 19/(10 L) (the top mode then contracts by |1 - 19/10| = 9/10
// per step, slower than 1 - mu/L = 1/2 on castera_quadratic).
#include <gtest/gtest.h>

#include "optim/rules/sgd.hpp"
#include "proofs-checks/claims/gd_linear_rate.hpp"

namespace ov::claims::sgd_survey {
namespace {

TEST(GdLinearRate, HoldsForStepOneOverL) {
  RunContext ctx;
  ctx.seed = 4;
  ctx.quick = true;
  const Finding f = check_gd_linear_rate(library_gd(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.precision, "rational");
  EXPECT_GT(f.evidence.figures["comparisons"].get<int>(), 40);
  ASSERT_EQ(f.evidence.series.size(), 4u);  // measured + bound, two problems
  EXPECT_EQ(f.evidence.series[1]["role"], "bound");
}

TEST(GdLinearRate, MutatedStepIsRefuted) {
  RunContext ctx;
  ctx.seed = 4;
  ctx.quick = true;
  const GdFactory mutant = [](const rational& step) {
    optim::SgdOptions<rational> o;
    o.lr = step * rational(19) / rational(10);  // MUTATED step size
    return std::unique_ptr<optim::Optimizer<rational>>(std::make_unique<optim::Sgd<rational>>(o));
  };
  const Finding f = check_gd_linear_rate(mutant, ctx);
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_GE(f.evidence.counterexample["t"].get<int>(), 1);
}

}  // namespace
}  // namespace ov::claims::sgd_survey
