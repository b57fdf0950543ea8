// Example 2.17 claims: the discontinuity (holds-certified for the paper's roots, refuted for a delta0 that
// is not a root of p), and its two errata (refuted as printed; the corrected statements hold).
#include <gtest/gtest.h>

#include "proofs-checks/claims/backtracking_counterexamples/ex217_discontinuity.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/ex217_erratum_hprime.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/ex217_erratum_root.hpp"

namespace ov::claims::ex217 {
namespace {

RunContext quick() {
  RunContext ctx;
  ctx.quick = true;
  return ctx;
}

TEST(Ex217, DiscontinuousForBothRootsAndDoubleIsWrong) {
  const Finding f = check_ex217_discontinuity(paper_inputs(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["discontinuous"].get<int>(), 2);
  const auto& fig = f.evidence.figures;  // flattened: "cases.<i>.<field>"
  for (const char* i : {"0", "1"}) {
    const std::string c = std::string("cases.") + i + ".";
    EXPECT_EQ(fig[c + "k_star_at_1"].get<int>(), 0);
    EXPECT_TRUE(fig[c + "accepted_with_equality"].get<bool>());
    EXPECT_EQ(fig[c + "side_samples_inconsistent"].get<int>(), 0);
    EXPECT_GT(fig[c + "side_samples_consistent"].get<int>(), 10);
    EXPECT_TRUE(fig.contains(c + "double.1.accepts_delta0"));
  }
  // Exact: equality at x = 1, so delta0 is accepted. Double decides by the rounding of delta0: with the large
  // root correctly rounded it rejects (wrong).
  EXPECT_TRUE(fig["cases.1.double.0.wrong"].get<bool>());
  EXPECT_GE(fig["double_wrong_at_1"].get<int>(), 1);
  // Small root: h'(1) > 0, delta drops for x > 1; large root: the reverse.
  EXPECT_NEAR(fig["cases.0.slack_derivative_at_1_approx"].get<double>(), 0.6962, 1e-3);
  EXPECT_NEAR(fig["cases.1.slack_derivative_at_1_approx"].get<double>(), -9.6962, 1e-3);
  EXPECT_EQ(f.evidence.series.size(), 4u);
}

TEST(Ex217, NonRootDelta0IsRefuted) {
  // delta0 = 1/5 is not a root of p: no equality at x = 1, the map is continuous there.
  std::vector<Ex217Input> in{{"delta0 = 1/5", QS3::of(rational(1, 5)), rational(1, 2), rational(1, 2)}};
  const Finding f = check_ex217_discontinuity(in, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
  EXPECT_EQ(f.evidence.counterexample["x"], "1");
}

TEST(Ex217, CubeSlackIsExactZeroAtOne) {
  for (const auto& in : paper_inputs()) EXPECT_EQ(bt_cex::sign(cube_slack(rational(1), in.delta0, in.alpha)), 0);
  EXPECT_EQ(cube_backtracking_index(rational(1), paper_inputs()[0].delta0, rational(1, 2), rational(1, 2)), 0);
}

TEST(Ex217Erratum, OnePositiveRootRefutedTwoHolds) {
  const Finding f = check_positive_root_count(6, -6, 1, 1, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["positive_roots"].get<int>(), 2);
  EXPECT_EQ(check_positive_root_count(6, -6, 1, 2, quick()).verdict, Verdict::holds_certified);
  // A quadratic that really has one positive root: 6t^2 - 6t - 1 (roots of opposite signs).
  EXPECT_EQ(check_positive_root_count(6, -6, -1, 1, quick()).verdict, Verdict::holds_certified);
}

TEST(Ex217Erratum, PrintedHPrimeRefutedCorrectedHolds) {
  const Finding f = check_h_prime(printed_h_prime(), true, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.counterexample["formula_differs"].get<bool>());
  const Finding g = check_h_prime(corrected_h_prime(), false, quick());
  EXPECT_EQ(g.verdict, Verdict::holds_certified) << g.evidence.summary;
  // The corrected formula with the printed sign claim still fails (h'(1) < 0 for the large root).
  EXPECT_EQ(check_h_prime(corrected_h_prime(), true, quick()).verdict, Verdict::refuted);
}

}  // namespace
}  // namespace ov::claims::ex217
