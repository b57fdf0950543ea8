// Tests of the nonsmooth claims (002 §2.3-2.4): each on the library's autodiff convention (expected verdict and
// figures) and on a mutated convention, which must be refuted.
#include <gtest/gtest.h>

#include "proofs-checks/claims/castera_step_tuned/ad_kinks.hpp"
#include "proofs-checks/claims/castera_step_tuned/d_critical_inna.hpp"

namespace ov::claims::castera_step_tuned {
namespace {

RunContext quick_ctx() {
  RunContext ctx;
  ctx.seed = 1;
  ctx.quick = true;
  return ctx;
}

TEST(AdKinks, LibraryConventionValues) {
  const PrimitiveConvention conv = library_convention();
  // ceres::abs'(+-0) = +-1 (copysign), relu'(0) = 0 (fmax returns the constant on a tie).
  EXPECT_EQ(conv.abs(Jet1(0.0, 0)).v[0], 1.0);
  EXPECT_EQ(conv.abs(Jet1(-0.0, 0)).v[0], -1.0);
  EXPECT_EQ(conv.relu(Jet1(0.0, 0)).v[0], 0.0);
  const Program t_split = kink_programs()[1];  // relu(t) - relu(-t) = t
  EXPECT_EQ(ad_derivative(t_split, conv, 0.0), 0.0);
  EXPECT_EQ(clarke_at_zero(t_split).lo, 1.0);
  EXPECT_EQ(d_at_zero(t_split).hi, 2.0);
}

TEST(AdKinks, HoldsForTheLibraryAutodiff) {
  const Finding f = check_ad_kinks(library_convention(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["outside_D"].get<int>(), 0);
  EXPECT_EQ(f.evidence.figures["not_clarke_subgradients"].get<int>(), 4);  // the two relu(t) - relu(-t) programs at +-0
  EXPECT_TRUE(f.evidence.figures["sum_rule_fails_for_abs_minus_abs"].get<bool>());
  EXPECT_EQ(f.evidence.figures["abs_problem_gradient_at_0"].get<double>(), 0.0);
}

TEST(AdKinks, ConventionOutsideDIsRefuted) {
  PrimitiveConvention mutant = library_convention();
  mutant.name = "relu'(0) = 2 (mutant)";
  mutant.relu = [](const Jet1& t) {
    if (t.a > 0) return t;
    if (t.a < 0) return Jet1(0.0);
    return Jet1(2.0) * t;  // value 0, derivative 2 at the kink: outside [0, 1]
  };
  const Finding f = check_ad_kinks(mutant, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
}

TEST(InnaDCritical, StaysAtTheDCriticalPoint) {
  const Finding f = check_inna_d_critical(library_convention(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["clarke_at_0"], "{1}");
  EXPECT_EQ(f.evidence.figures["D_at_0"], "[0, 2]");
  EXPECT_EQ(f.evidence.figures["perturbed_converged_to_minus_1"].get<int>(), 4);
  EXPECT_EQ(f.evidence.series.size(), 3u);
}

TEST(InnaDCritical, ClarkeConsistentReluIsRefuted) {
  // relu'(0) = 1 (the branch t >= 0 taken at 0): the AD gradient at 0 is 2, INNA leaves 0 at once.
  PrimitiveConvention mutant = library_convention();
  mutant.name = "relu(t) = t if t >= 0 (relu'(0) = 1)";
  mutant.relu = [](const Jet1& t) { return t.a >= 0 ? t : Jet1(0.0); };
  const Finding f = check_inna_d_critical(mutant, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["k"].get<int>(), 1);
}

}  // namespace
}  // namespace ov::claims::castera_step_tuned
