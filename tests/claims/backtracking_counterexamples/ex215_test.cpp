// Example 2.15: Standard GD on the smoothed |x| is exactly 2-periodic for eps0 < z0 < delta0 - eps0; the false
// variant with the start range widened to z0 < delta0 + eps0 (z1 then lands in the quadratic core) is refuted.
#include <gtest/gtest.h>

#include "proofs-checks/claims/backtracking_counterexamples/ex215_smoothed_abs_period2.hpp"

namespace ov::claims::ex215 {
namespace {

TEST(Ex215, PeriodicAndBacktrackingConverges) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_ex215(paper_start_bound(), ctx);
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["periodic_exact"].get<int>(), 40);
  EXPECT_EQ(f.evidence.figures["bt_converged"].get<int>(), 40);
  EXPECT_EQ(f.evidence.series.size(), 2u);
}

TEST(Ex215, WidenedStartRangeIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const StartBound wide = [](const rational& delta0, const rational& eps0) { return delta0 + eps0; };  // MUTATED
  const Finding f = check_ex215(wide, ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.counterexample.contains("orbit"));
}

}  // namespace
}  // namespace ov::claims::ex215
