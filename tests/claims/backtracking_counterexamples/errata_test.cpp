// The errata claims: each printed statement is refuted with its counterexample, and the corrected statement
// (or a variant input where the statement is true) is not refuted.
#include <gtest/gtest.h>

#include "proofs-checks/claims/backtracking_counterexamples/erratum_l241_limit_armijo.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_l419_lemma32_proof.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_l47_regularisation.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_mmt_termination.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_table2_margin.hpp"
#include "proofs-checks/claims/backtracking_counterexamples/erratum_table3_slides.hpp"

namespace ov::claims {
namespace {

RunContext quick() {
  RunContext ctx;
  ctx.quick = true;
  return ctx;
}

TEST(ErratumL47, CorrectedConstantCertifiedSoPrintedRefuted) {
  const Finding f = erratum_l47::check_l47(erratum_l47::corrected_constant(), quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["certified_constants"].get<int>(), 4);
  EXPECT_EQ(f.evidence.figures["smoothed_abs_violations"].get<int>(), 0);
  // A too-small candidate L' = L certifies nothing: no counterexample from it.
  const erratum_l47::Candidate too_small = [](const rational& L, const rational&) { return L; };
  EXPECT_EQ(erratum_l47::check_l47(too_small, quick()).verdict, Verdict::inconclusive);
}

TEST(ErratumL241, UnsquaredRefutedSquaredHolds) {
  const Finding f = erratum_l241::check_l241(1, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_LT(f.evidence.counterexample["grad_norm_approx"].get<double>(), 1.0);
  EXPECT_EQ(erratum_l241::check_l241(2, quick()).verdict, Verdict::holds);
}

TEST(ErratumL419, PrintedDenominatorRefutedCorrectedHolds) {
  const Finding f = erratum_l419::check_l419(erratum_l419::printed_denominator(), quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["mismatches"].get<int>(), f.evidence.figures["pairs"].get<int>());
  const Finding g = erratum_l419::check_l419(erratum_l419::corrected_denominator(), quick());
  EXPECT_EQ(g.verdict, Verdict::holds) << g.evidence.summary;
  EXPECT_EQ(g.evidence.figures["next_step_holds"].get<int>(), g.evidence.figures["pairs"].get<int>());
}

TEST(ErratumTable2, PrintedMarginRefutedCorrectedHolds) {
  using erratum_table2::check_table2_margin;
  const Finding f = check_table2_margin(bt_cex::table2_paper(), {rational(14, 10), false, {"Adam", "Adamax"}}, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["best_baseline"], "NAG");
  EXPECT_EQ(f.evidence.figures["failures"].get<std::size_t>(), 2u);  // the claimed best, MBT-MMT's margin
  EXPECT_EQ(check_table2_margin(bt_cex::table2_paper(), {rational(14, 10), true, {}}, quick()).verdict,
            Verdict::refuted);  // relative reading: 1.396% < 1.4%
  // Corrected: both at least 1.29 points above the best, which is NAG's.
  EXPECT_EQ(check_table2_margin(bt_cex::table2_paper(), {rational(129, 100), false, {"NAG"}}, quick()).verdict,
            Verdict::holds_certified);
}

TEST(ErratumTable3, PaperAndSlidesDifferOnlyInOneCell) {
  const Finding f = erratum_table3::check_tables_agree(
      {{bt_cex::table2_paper(), bt_cex::table2_slides()}, {bt_cex::table3_paper(), bt_cex::table3_slides()}}, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["differences"].get<std::size_t>(), 1u);
  EXPECT_EQ(f.evidence.counterexample["differences"][0]["row"], "Resnet18");
  bt_cex::Table fixed = bt_cex::table3_slides();
  fixed.rows[0].cells[3] = "70.66";
  EXPECT_EQ(erratum_table3::check_tables_agree({{bt_cex::table3_paper(), fixed}}, quick()).verdict,
            Verdict::holds_certified);
}

TEST(ErratumMmt, LiteralStageOneNeverTerminatesInTheGaps) {
  const Finding f = erratum_mmt::check_mmt_termination(erratum_mmt::paper_gap_scenarios(), quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["never_terminates_proved"].get<int>(), 2);
  const auto& fig = f.evidence.figures;
  EXPECT_NE(fig["cases.0.library"].get<std::string>().find("stationary"), std::string::npos);
  EXPECT_NE(fig["cases.1.library"].get<std::string>().find("refuses"), std::string::npos);
  // Corrected hypotheses (grad f != 0, A1 <= delta0 <= A2): stage 1 terminates.
  auto ok = erratum_mmt::paper_gap_scenarios();
  ok[0].z = {rational(1), rational(1)};
  ok[1].delta0 = rational(1);
  EXPECT_EQ(erratum_mmt::check_mmt_termination(ok, quick()).verdict, Verdict::holds);
}

}  // namespace
}  // namespace ov::claims
