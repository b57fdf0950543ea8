// Claims backtracking.theorem-2-3-saddle-escape and backtracking.conjecture-5-1-evidence: the measured
// escape statements hold for Backtracking GD, and the false variant "escape with probability >= 0.9
// from starts on the stable manifold" is refuted.
#include <gtest/gtest.h>

#include "proofs-checks/claims/backtracking_convergence/conjecture_5_1.hpp"
#include "proofs-checks/claims/backtracking_convergence/saddle_escape.hpp"
#include "proofs-checks/claims/backtracking_convergence/theorem_2_1_outcomes.hpp"

namespace ov::claims::btconv {
namespace {

RunContext quick_ctx() {
  RunContext ctx;
  ctx.seed = 1;
  ctx.quick = true;
  return ctx;
}

TEST(Theorem23SaddleEscape, HoldsWithIntervalsAndTheControlConvergesToTheSaddle) {
  const Finding f = check_saddle_escape(theorem_2_3_study(true), library_backtracking_gd_rule(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary << "\n" << f.evidence.figures.dump();
  EXPECT_EQ(f.evidence.figures["controls_converge_to_saddle"], "yes");
  EXPECT_EQ(f.evidence.figures["escaped"].get<int>(), f.evidence.figures["runs"].get<int>());
  bool has_proportion = false;
  for (const auto& s : f.evidence.series) has_proportion = has_proportion || s["kind"] == "proportion";
  EXPECT_TRUE(has_proportion);
}

TEST(Theorem23SaddleEscape, FalseVariantStartsOnTheStableManifoldIsRefuted) {
  EscapeStudy s = theorem_2_3_study(true);
  s.starts = StartKind::stable_manifold;  // x2 = 0 (resp. y = 0): every orbit converges to the saddle
  s.statement_label = "escape probability >= 0.9 from the stable manifold (false variant)";
  const Finding f = check_saddle_escape(s, library_backtracking_gd_rule(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_LE(f.evidence.counterexample["distance_to_saddle"].get<double>(), 1e-3);
}

TEST(Conjecture51Evidence, HoldsAsEvidence) {
  const Finding f = check_saddle_escape(conjecture_5_1_study(true), library_backtracking_gd_rule(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_NE(f.evidence.summary.find("evidence"), std::string::npos);
}

TEST(Conjecture51Evidence, FalseVariantOnTheStableLineIsRefuted) {
  EscapeStudy s = conjecture_5_1_study(true);
  s.starts = StartKind::stable_manifold;
  const Finding f = check_saddle_escape(s, library_backtracking_gd_rule(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

}  // namespace
}  // namespace ov::claims::btconv
