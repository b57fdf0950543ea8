// Claim backtracking.slides-cubic-oscillation-not-c11: holds on cubic_oscillation; the same check on a C^{1,1}
// function (square, f = x^2: the quotients are all 2) is refuted.
#include <gtest/gtest.h>

#include <iostream>

#include "proofs-checks/claims/backtracking_step_heuristics/cubic_oscillation.hpp"

namespace ov::claims::cubic_oscillation {
namespace {

TEST(CubicOscillation, NotC11) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_not_c11(oscillation_config(true), ctx);
  std::cerr << f.evidence.summary << "\n";
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["largest_certified_quotient"].get<double>(), 1e4);
  EXPECT_EQ(f.precision, "interval");
}

TEST(CubicOscillation, ASmoothFunctionIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  auto cfg = oscillation_config(true);
  cfg.problem = "square";
  const Finding f = check_not_c11(cfg, ctx);
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.counterexample.is_object());
}

}  // namespace
}  // namespace ov::claims::cubic_oscillation
