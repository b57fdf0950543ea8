// Tests of the Step-Tuned SGD claims (002 Chapter 4): each claim on the library's rule (expected verdict and
// key figures) and on a broken variant (a mutated rule or a false statement), which must be refuted.
#include <gtest/gtest.h>

#include "proofs-checks/claims/castera_step_tuned/batch_independence.hpp"
#include "proofs-checks/claims/castera_step_tuned/clip_factor.hpp"
#include "proofs-checks/claims/castera_step_tuned/phi_bounds.hpp"
#include "proofs-checks/claims/castera_step_tuned/quadratic_curvature.hpp"
#include "proofs-checks/claims/castera_step_tuned/rate_thm42.hpp"
#include "proofs-checks/claims/castera_step_tuned/stochastic_gv.hpp"

namespace ov::claims::castera_step_tuned {
namespace {

RunContext quick_ctx() {
  RunContext ctx;
  ctx.seed = 1;
  ctx.quick = true;
  return ctx;
}

// Mutant: no clip (line 17 removed).
class NoClip : public optim::StepTunedSgd<double> {
 public:
  using StepTunedSgd::StepTunedSgd;
 protected:
  double clip(const double& g) const override { return g; }
};

// Mutant: no bias correction (line 11 removed).
class NoBiasCorrection : public optim::StepTunedSgd<rational> {
 public:
  using StepTunedSgd::StepTunedSgd;
 protected:
  rational bias_denominator(long) const override { return rational(1); }
};

TEST(StepTunedClip, HoldsWithTheDefaults) {
  const Finding f = check_clip_factor(library_step_tuned_double(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GE(f.evidence.figures["min_factor"].get<double>(), 0.5);
  EXPECT_LE(f.evidence.figures["max_factor"].get<double>(), 2.0);
  EXPECT_GT(f.evidence.figures["at_lower_clip"].get<long>(), 0);   // the search reaches both clips
  EXPECT_GT(f.evidence.figures["at_upper_clip"].get<long>(), 0);
  EXPECT_GT(f.evidence.figures["interior"].get<long>(), 0);
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(StepTunedClip, RuleWithoutClipIsRefuted) {
  const StepTunedDoubleFactory mutant = [](const optim::StepTunedSgdOptions<double>& o) {
    return std::unique_ptr<optim::StepTunedSgd<double>>(std::make_unique<NoClip>(o));
  };
  const Finding f = check_clip_factor(mutant, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
}

TEST(StepTunedQuadraticCurvature, ExactOnTheLibraryRule) {
  const Finding f = check_quadratic_curvature(library_step_tuned_rational(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.precision, "rational");
  EXPECT_GT(f.evidence.figures["interior"].get<int>(), 0);  // unclipped cases are compared too
  EXPECT_GE(f.evidence.figures["comparisons"].get<int>(), 15);
}

TEST(StepTunedQuadraticCurvature, NoBiasCorrectionIsRefuted) {
  const StepTunedRationalFactory mutant = [](const optim::StepTunedSgdOptions<rational>& o) {
    return std::unique_ptr<optim::StepTunedSgd<rational>>(std::make_unique<NoBiasCorrection>(o));
  };
  const Finding f = check_quadratic_curvature(mutant, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["beta"], "9/10");
}

TEST(StepTunedRate, BoundHoldsAndOrderIsConsistent) {
  const Finding f = check_rate_thm42(library_step_tuned_double(), RateBound{}, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_LT(f.evidence.figures["max_estimate_over_bound"].get<double>(), 1.0);
  EXPECT_GE(f.evidence.figures["fitted_order_hi"].get<double>(), 0.499);
  EXPECT_EQ(f.evidence.series.size(), 4u);
}

TEST(StepTunedRate, FalseFasterRateIsRefuted) {
  RateBound wrong;  // a false variant of the statement: O(k^-2) with the same constant and no noise term
  wrong.exponent = 2;
  wrong.noise_term = false;
  const Finding f = check_rate_thm42(library_step_tuned_double(), wrong, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
}

TEST(StochasticGv, DifferentBatchEstimateFails) {
  const Finding f = check_stochastic_gv_failure(library_gv(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["alg4_median_rel_error"].get<double>(),
            2 * f.evidence.figures["alg3_median_rel_error"].get<double>());
  EXPECT_EQ(f.evidence.series.size(), 2u);
}

TEST(StochasticGv, ExactGvInPlaceOfAlgorithm4IsRefuted) {
  // Mutant: Algorithm 5 (full-gradient differences) passed as the "naive" rule.
  const GvFactory mutant = [](const optim::GradientVariationSgdOptions<double>& o) {
    auto e = o;
    e.estimate = optim::GvEstimate::exact;
    return std::make_unique<optim::GradientVariationSgd<double>>(e);
  };
  const Finding f = check_stochastic_gv_failure(mutant, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(StepTunedBatchIndependence, HoldsForAlgorithm3) {
  const Finding f = check_batch_independence(library_step_tuned_rule(), quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["pairs_compared"].get<int>(), 20);
}

TEST(StepTunedBatchIndependence, Algorithm4IsRefuted) {
  // Mutant: Stochastic-GV, whose gamma_k uses grad J_{B_k}(theta_k), the current batch. With the default clip
  // [1/2, 2] its estimate (far too large, see stochastic-gv-failure) is almost always clipped to 1/2, which hides
  // the dependence; a wide clip [1/1000, 1000] exposes it.
  const RuleFactory mutant = [] {
    optim::GradientVariationSgdOptions<double> o;
    o.estimate = optim::GvEstimate::stochastic;
    o.lr = 0.5;
    o.m = 1e-3;
    o.M = 1e3;
    return std::unique_ptr<optim::Optimizer<double>>(std::make_unique<optim::GradientVariationSgd<double>>(o));
  };
  const Finding f = check_batch_independence(mutant, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  ASSERT_TRUE(f.evidence.counterexample.is_object());
}

TEST(Problem421Lipschitz, ConstantsAreCertified) {
  const Finding f = check_phi_bounds(PhiBounds{}, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["certified"].get<int>(), 3);
  EXPECT_EQ(f.evidence.figures["tight"].get<int>(), 2);  // sup |phi'| and min phi'' are attained
}

TEST(Problem421Lipschitz, SmallerConstantsAreRefuted) {
  PhiBounds wrong;
  wrong.dphi_sq = rational(9) / rational(25);  // |phi'| <= 0.6: false near t = 1/sqrt 3
  const Finding f = check_phi_bounds(wrong, quick_ctx());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  PhiBounds wrong_lo;
  wrong_lo.lo = rational(-2) / rational(5);  // phi'' >= -0.4: false for t^2 in (~0.4, ~1.9) (phi''(1) = -1/2)
  const Finding g = check_phi_bounds(wrong_lo, quick_ctx());
  EXPECT_EQ(g.verdict, Verdict::refuted) << g.evidence.summary;
  EXPECT_LT(rational(g.evidence.counterexample["slack"].get<std::string>()), rational(0));
}

}  // namespace
}  // namespace ov::claims::castera_step_tuned
