// Claim backtracking.slides-nesterov-example-non-random-start: certified from (1, 0); the false variant of the
// statement "from a start near (1, 0) (x2 = 1e-3) the orbits reach the saddle" is refuted.
#include <gtest/gtest.h>

#include <iostream>

#include "proofs-checks/claims/backtracking_step_heuristics/nesterov_start.hpp"

namespace ov::claims::nesterov_start {
namespace {

TEST(NesterovStart, CertifiedFromOneZero) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_nesterov_start(nesterov_config(true), mexican_hat_convergence::library_methods(), ctx);
  std::cerr << f.evidence.summary << "\n";
  EXPECT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.figures["line_x2_0_invariant_exact"].get<bool>());
  EXPECT_TRUE(f.evidence.figures["critical_points_exactly_three_exact"].get<bool>());
  EXPECT_EQ(f.evidence.figures["runs_reaching_saddle"].get<int>(), f.evidence.figures["runs_from_start"].get<int>());
  EXPECT_EQ(f.evidence.figures["random_runs_to_the_saddle"].get<int>(), 0);
}

TEST(NesterovStart, ARandomNearbyStartIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  auto cfg = nesterov_config(true);
  cfg.start = {1.0, 1e-3};
  const Finding f = check_nesterov_start(cfg, mexican_hat_convergence::library_methods(), ctx);
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_FALSE(f.evidence.counterexample["x2_stays_0"].get<bool>());
}

}  // namespace
}  // namespace ov::claims::nesterov_start
