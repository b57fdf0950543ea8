// Claim backtracking.slides-small-alpha-larger-steps: holds for the library's Backtracking GD; refuted for a rule
// whose Armijo test uses 1 - alpha in place of alpha (steps then grow with alpha).
#include <gtest/gtest.h>

#include "optim/rules/backtracking_gd.hpp"
#include "proofs-checks/claims/backtracking_step_heuristics/small_alpha.hpp"

namespace ov::claims::small_alpha {
namespace {

TEST(SmallAlpha, HoldsForTheLibraryRule) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_small_alpha(alpha_config(true), step_heuristics::library_backtracking_gd(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["points_where_smallest_alpha_gives_a_strictly_larger_step"].get<int>(), 0);
}

TEST(SmallAlpha, AMislabelledAlphaIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const step_heuristics::BacktrackingFactory mutant = [](double d0, double a, double b) -> step_heuristics::RulePtr {
    return std::make_unique<optim::BacktrackingGd<double>>(d0, 1 - a, b);  // MUTATED: 1 - alpha
  };
  const Finding f = check_small_alpha(alpha_config(true), mutant, ctx);
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.counterexample.is_object());
}

}  // namespace
}  // namespace ov::claims::small_alpha
