// Example 2.14: the 2-cycle of Standard GD on |x|^(1+gamma) with amplitude (delta0(1+gamma)/2)^(1/(1-gamma))
// holds; the same check with the amplitude formula mutated (without the 1/2) is refuted (certified).
#include <gtest/gtest.h>

#include "proofs-checks/claims/backtracking_counterexamples/ex214_abs_power_cycle.hpp"

namespace ov::claims::ex214 {
namespace {

TEST(Ex214, CycleHoldsAndBacktrackingConverges) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_ex214(rational(1, 2), ctx);
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& fig = f.evidence.figures;
  EXPECT_EQ(fig["exact_cycle_points"].get<int>(), 8);
  EXPECT_EQ(fig["formula_encloses_exact_point"].get<int>(), 8);
  EXPECT_EQ(fig["gd_runs_on_cycle"].get<int>(), fig["gd_runs"].get<int>());
  EXPECT_GT(fig["gd_runs"].get<int>(), 5);
  EXPECT_GT(fig["gd_min_tail_abs_over_A"].get<double>(), 0.999);
  EXPECT_EQ(fig["bt_converged"].get<int>(), fig["bt_runs"].get<int>());
  EXPECT_EQ(f.evidence.series.size(), 5u);
}

TEST(Ex214, AmplitudeWithoutTheHalfIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_ex214(rational(1), ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["part"], "exact cycle point not enclosed by the formula");
}

}  // namespace
}  // namespace ov::claims::ex214
