// Claims backtracking.step-lower-bound-c11l, quadratic-step-exact-formula, abs-power-step-decay,
// theorem-2-5-inf-step-positive, remark-2-6-summable-steps: each on its real input and on a false variant.
#include <gtest/gtest.h>

#include "proofs-checks/claims/backtracking_step_invariants/abs_power_step_decay.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/remark_2_6.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/step_bound.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/theorem_2_5.hpp"

namespace ov::claims::bt_invariants {
namespace {

RunContext quick(std::uint64_t seed = 1) {
  RunContext c;
  c.seed = seed;
  c.quick = true;
  return c;
}

TEST(StepLowerBound, HoldsAndIsSharp) {
  const Finding f = check_step_lower_bound(derived_step_bound(), quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GE(f.evidence.figures["min_ratio_delta_over_2beta1malpha_over_L"].get<double>(), 1.0);
  EXPECT_LT(f.evidence.figures["sharpness_family_last_ratio"].get<double>(), 1.001);
  EXPECT_GT(f.evidence.figures["samples_below_delta0"].get<int>(), 5);
}

TEST(StepLowerBound, BoundWithoutBetaIsRefuted) {
  const StepBound wrong = [](const rational& alpha, const rational&, const rational& delta0, const rational& L) {
    const rational b = 2 * (1 - alpha) / L;
    return b < delta0 ? b : delta0;
  };
  const Finding f = check_step_lower_bound(wrong, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.counterexample.contains("delta"));
}

TEST(StepLowerBound, AConstantAboveTwoIsRefuted) {
  const StepBound wrong = [](const rational& alpha, const rational& beta, const rational& delta0, const rational& L) {
    const rational b = rational(201, 100) * beta * (1 - alpha) / L;
    return b < delta0 ? b : delta0;
  };
  EXPECT_EQ(check_step_lower_bound(wrong, quick()).verdict, Verdict::refuted);
}

TEST(QuadraticStepFormula, HoldsExactly) {
  const Finding f = check_quadratic_formula(derived_quadratic_formula(), quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GE(f.evidence.figures["samples"].get<int>(), 40);
  EXPECT_GT(f.evidence.figures["double_rule_agrees"].get<int>(), 30);
  EXPECT_EQ(f.evidence.figures["double_rule_differs_unexplained"].get<int>(), 0);
}

TEST(QuadraticStepFormula, FormulaWithoutTheFactorTwoIsRefuted) {
  const QuadraticStepFormula wrong = [](const rational& tau, const rational& alpha, const rational& beta,
                                        const rational& delta0) {
    rational s = delta0;
    while (s > (1 - alpha) * tau) s *= beta;
    return s;
  };
  EXPECT_EQ(check_quadratic_formula(wrong, quick()).verdict, Verdict::refuted);
}

TEST(AbsPowerStepDecay, ExponentIsOneMinusGamma) {
  const Finding f = check_abs_power_step_decay(0.5, 0.05, quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_NEAR(f.evidence.figures["fitted_exponent"].get<double>(), 0.5, 0.05);
  EXPECT_EQ(f.evidence.figures["formula_differs"].get<int>(), 0);
  EXPECT_LT(f.evidence.figures["orbit_delta_last"].get<double>(), 1e-6);
  EXPECT_EQ(f.evidence.series.size(), 3u);
}

TEST(AbsPowerStepDecay, UniformPositivityNearZeroIsRefuted) {
  // False variant: "delta is bounded below near the critical point" (exponent 0).
  EXPECT_EQ(check_abs_power_step_decay(0.0, 0.05, quick()).verdict, Verdict::refuted);
}

TEST(Theorem25, InfStepPositiveOnMorseProblems) {
  const Finding f = check_theorem_2_5({"double_well", "rosenbrock", "himmelblau", "three_hump_camel", "nesterov_example"},
                                      quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["min_delta_n"].get<double>(), 0.0);
}

TEST(Theorem25, WithoutTheLipschitzHypothesisItFails) {
  // abs_power: grad f not Lipschitz at the critical point; delta_n -> 0 (Remark 2.6).
  EXPECT_EQ(check_theorem_2_5({"abs_power"}, quick()).verdict, Verdict::refuted);
}

TEST(Remark26, SummableStepsCertified) {
  const Finding f = check_remark_2_6(remark_2_6_steps(), rational(1) / 5, quick());
  ASSERT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_NEAR(f.evidence.figures["z_N"].get<double>(), 0.6503659, 1e-6);
}

TEST(Remark26, ConstantStepsConvergeToTheCriticalPoint) {
  // False variant: delta_n = 1/10 for all n (inf > 0): the orbit goes to the critical point 0.
  const StepSequence constant_steps = [](long) { return rational(1) / 10; };
  EXPECT_EQ(check_remark_2_6(constant_steps, rational(1000), quick()).verdict, Verdict::refuted);
}

}  // namespace
}  // namespace ov::claims::bt_invariants

#include "proofs-checks/claims/backtracking_step_invariants/lemma_3_1.hpp"

namespace ov::claims::bt_invariants {
namespace {

TEST(Lemma31, UniformPositivityOnSmoothProblems) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_lemma_3_1({"double_well", "himmelblau", "three_hump_camel", "nesterov_example", "rosenbrock"}, ctx);
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["search_failures"].get<int>(), 0);
  EXPECT_GE(f.evidence.figures["minimisers_verified_exactly"].get<int>(), 5);
  EXPECT_EQ(f.evidence.figures["minimisers_not_verified"].get<int>(), 0);
  EXPECT_EQ(f.evidence.series.size(), 5u);
}

TEST(Lemma31, WithoutLocalLipschitzTheUniformityFails) {
  // abs_power: grad f is only Hoelder at 0; min delta over K_r ~ r^(1/2) -> 0.
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_lemma_3_1({"abs_power"}, ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_NE(f.evidence.counterexample["failure"].get<std::string>().find("beta^2"), std::string::npos);
}

}  // namespace
}  // namespace ov::claims::bt_invariants

#include "proofs-checks/claims/backtracking_step_invariants/gd_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/inexact_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/mmt_nag_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/two_way_step_invariants.hpp"
#include "proofs-checks/claims/backtracking_step_invariants/wolfe_comparison.hpp"

namespace ov::claims::bt_invariants {
namespace {

TEST(WolfeComparison, LatticeReadingHolds) {
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_wolfe_comparison(false, ctx);
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["lattice_wolfe_points_found"].get<int>(), 20);
}

TEST(WolfeComparison, ContinuousReadingIsRefuted) {
  // False variant: a Wolfe line-search step never exceeds the Backtracking GD step.
  RunContext ctx;
  ctx.quick = true;
  const Finding f = check_wolfe_comparison(true, ctx);
  ASSERT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_TRUE(f.evidence.counterexample.contains("wolfe_search_step"));
}

}  // namespace
}  // namespace ov::claims::bt_invariants
