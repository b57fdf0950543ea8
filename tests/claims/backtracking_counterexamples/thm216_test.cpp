// Theorem 2.16's mechanism: for delta < 1/L the GD map's Jacobian is certified invertible on [-2, 2]^2 and
// unstable at the saddles; the false variant delta = 1/4 (= 1/lambda for the Hessian eigenvalue 4 of
// nesterov_example) makes det(I - delta Hess f) vanish exactly: refuted.
#include <gtest/gtest.h>

#include "proofs-checks/claims/backtracking_counterexamples/thm216_gd_jacobian.hpp"

namespace ov::claims::thm216 {
namespace {

TEST(Thm216, InvertibleBelowOneOverLAndUnstableAtSaddles) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_thm216(paper_steps(), ctx);
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& fig = f.evidence.figures;
  EXPECT_EQ(fig["undecided_boxes"].get<long>(), 0);
  EXPECT_GE(fig["certified_boxes"].get<long>(), 4 * 144);
  EXPECT_EQ(fig["saddles"].get<int>(), 4);  // one saddle per problem, two steps each
  EXPECT_EQ(fig["saddles_unstable"].get<int>(), 4);
  EXPECT_EQ(f.evidence.series.size(), 2u);
  // the eigenvalue above 1: nesterov saddle Hessian diag(4, -2), delta = 0.99/46: 1 + 2 delta
  EXPECT_GT(f.evidence.series[0]["x"][1].get<double>(), 1.0);
}

TEST(Thm216, StepOneOverEigenvalueIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const StepRule mutant = [](const rational&) { return std::vector<rational>{rational(1, 4)}; };  // MUTATED
  const Finding f = check_thm216(mutant, ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["det_exact"], "0");
}

}  // namespace
}  // namespace ov::claims::thm216
