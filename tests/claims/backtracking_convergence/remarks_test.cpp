// Remarks of 000 §2.1. Claim backtracking.remark-2-4-capture: holds for Backtracking GD; Standard GD with a
// step beyond 2/lambda_max near the minima (1.1 on the double well, Hessian 2 I at the minima) is refuted.
// Claim backtracking.remark-morse-tilt-genericity: see below.
#include <gtest/gtest.h>

#include "optim/rules/sgd.hpp"
#include "proofs-checks/claims/backtracking_convergence/capture.hpp"
#include "proofs-checks/claims/backtracking_convergence/morse_tilt.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_1_outcomes.hpp"

namespace ov::claims::btconv {
namespace {

TEST(Remark24Capture, HoldsForBacktrackingGd) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_capture(capture_study(true), library_backtracking_gd_rule(), ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["captured"].get<int>(), f.evidence.figures["runs"].get<int>());
  EXPECT_EQ(f.evidence.figures["minima"].get<int>(), 4);
}

TEST(Remark24Capture, StandardGdWithATooLargeStepIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  const NamedRule mutant{"standard_gd lr=1.1 (mutant)", [](std::uint64_t) {
                           optim::SgdOptions<double> o;
                           o.lr = 1.1;
                           return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<optim::Sgd<double>>(o));
                         }};
  const Finding f = check_capture(capture_study(true), mutant, ctx);
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["problem"], "double_well");
}

}  // namespace
}  // namespace ov::claims::btconv

// Claim backtracking.remark-morse-tilt-genericity (L121): holds for seeded nonzero tilts; the false
// variant "x^3 + 0 x (and the untilted monkey saddle) is Morse" is refuted.
namespace ov::claims::btconv {
namespace {

TEST(MorseTilt, HoldsForNonzeroTilts) {
  RunContext ctx;
  ctx.quick = true;
  MorseTiltStudy s;
  s.samples = 10;
  const Finding f = check_morse_tilts(s, ctx);
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["degenerate_critical_points"].get<int>(), 0);
  EXPECT_GT(f.evidence.figures["critical_points"].get<int>(), 20);
  EXPECT_LE(f.evidence.figures["max_gradient_residual_mp50"].get<double>(), 1e-40);
}

TEST(MorseTilt, ZeroTiltIsRefuted) {
  RunContext ctx;
  ctx.quick = true;
  MorseTiltStudy s;
  s.samples = 5;
  s.extra_1d = {0.0};  // x^3 itself
  const Finding f = check_morse_tilts(s, ctx);
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["family"], "x^3 + a x");
  MorseTiltStudy m;
  m.samples = 5;
  m.extra_2d = {{0.0, 0.0}};  // the monkey saddle itself
  EXPECT_EQ(check_morse_tilts(m, ctx).verdict, Verdict::refuted);
}

}  // namespace
}  // namespace ov::claims::btconv
