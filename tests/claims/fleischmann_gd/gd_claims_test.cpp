// The fleischmann_gd claims (003 Ch. 3-4): each on its real input (expected verdict and key figures) and on a
// false variant of its statement (expected `refuted`).
#include <gtest/gtest.h>

#include "analysis/problems/problem.hpp"
#include "proofs-checks/claims/fleischmann_gd/efficiency.hpp"
#include "proofs-checks/claims/fleischmann_gd/optimality.hpp"
#include "proofs-checks/claims/fleischmann_gd/saddle.hpp"
#include "proofs-checks/claims/fleischmann_gd/smoothness.hpp"

namespace ov::claims::fgd {
namespace {

RunContext quick() {
  RunContext c;
  c.seed = 1;
  c.quick = true;
  return c;
}

void expect_scalar_figures(const Finding& f) {
  for (const auto& [k, v] : f.evidence.figures.items()) EXPECT_FALSE(v.is_structured()) << k;
}

TEST(StationaryPoints, KnownCriticalPointsAreClassified) {
  const Finding f = check_stationary_points(known_critical_points(), quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& t = f.evidence.figures;
  EXPECT_GE(t["minima"].get<long>(), 8);
  EXPECT_GE(t["saddles"].get<long>(), 5);
  EXPECT_EQ(t["maxima"].get<long>(), 1);  // ring at the origin
  EXPECT_GE(t["pd_minima"].get<long>(), 3);
  expect_scalar_figures(f);
}

TEST(StationaryPoints, SaddleDeclaredMinimumIsRefuted) {
  auto pts = known_critical_points();
  const auto problem = std::make_shared<problems::Problem>(problems::make_problem("double_well"));
  DeclaredPoint p;
  p.where = "double_well at (0, 0) declared a minimum";
  p.f = [problem](const Vec<rational>& z) { return problem->value<rational>(z); };
  p.grad = [problem](const Vec<rational>& z) { return problem->gradient<rational>(z); };
  p.hess = [problem](const Vec<rational>& z) { return problem->hessian<rational>(z); };
  p.x = Vec<rational>::Zero(2);
  p.declared = "minimum";
  pts.insert(pts.begin(), p);
  const Finding f = check_stationary_points(pts, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted);
  const auto& c = f.evidence.counterexample;
  EXPECT_NE(c["violated"].get<std::string>().find("Theorem 3.2"), std::string::npos);
  // f(0, t) = t^4/4 - t^2/2 < 0 = f(0, 0): an exact lower point.
  EXPECT_LT(from_string<rational>(c["f_lower"].get<std::string>()), from_string<rational>(c["f_x"].get<std::string>()));
}

TEST(StationaryPoints, NonStationaryMinimumIsRefutedByTheorem31) {
  auto pts = known_critical_points();
  pts.front().x[0] += rational(1, 100);
  const Finding f = check_stationary_points(pts, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted);
  EXPECT_NE(f.evidence.counterexample["violated"].get<std::string>().find("Theorem 3.1"), std::string::npos);
}

TEST(Symmetries, HoldExactly) {
  const Finding f = check_symmetries({"relu", "leaky_relu:1/10"}, 1, quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& t = f.evidence.figures;
  EXPECT_EQ(t["permutations"].get<long>(), 6);
  EXPECT_EQ(t["gl_transforms"].get<long>(), 6);
  EXPECT_EQ(t["rescalings"].get<long>(), 6);
  EXPECT_GE(t["rescalings_changing_grad_norm"].get<long>(), 4);
  EXPECT_EQ(f.precision, "rational");
  ASSERT_EQ(f.evidence.series.size(), 2u);
  expect_scalar_figures(f);
}

TEST(Symmetries, TanhOrLogisticRescalingIsRefuted) {
  for (const char* a : {"tanh", "logistic"}) {
    const Finding f = check_symmetries({a}, 1, quick());
    ASSERT_EQ(f.verdict, Verdict::refuted) << a;
    EXPECT_EQ(f.evidence.counterexample["operation"], "rescaling");
    EXPECT_EQ(f.evidence.counterexample["arithmetic"], "mp100");
    EXPECT_FALSE(f.evidence.counterexample["prediction_same"].get<bool>());
  }
}

TEST(Symmetries, NegativeFactorIsRefuted) {
  const Finding f = check_symmetries({"relu"}, -1, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["arithmetic"], "rational (exact)");
}

TEST(DescentLemma, HoldsWithEqualityAlongTheTopEigenvector) {
  const Finding f = check_descent_lemma(rational(1, 2), quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& t = f.evidence.figures;
  EXPECT_EQ(t["equalities_along_top_eigenvector"], t["top_eigenvector_pairs"]);
  EXPECT_EQ(t["top_eigenvector_pairs"].get<long>(), 10);
  EXPECT_LT(t["max_gap_over_half_L_d2_random_pairs"].get<double>(), 1.0);
  EXPECT_EQ(t["logistic_pairs_certified"], t["logistic_pairs"]);
  EXPECT_TRUE(t["logistic_L_certified_upper_bound"].get<bool>());
  EXPECT_TRUE(t["logistic_hessian_at_0_is_the_ext_formula"].get<bool>());
  EXPECT_NEAR(t["logistic_lambda_max_hessian_at_0"].get<double>(), t["logistic_L"].get<double>(), 1e-6);
  EXPECT_EQ(f.evidence.series.size(), 4u);
  expect_scalar_figures(f);
}

TEST(DescentLemma, QuarterLIsRefuted) {
  const Finding f = check_descent_lemma(rational(1, 4), quick());
  ASSERT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["arithmetic"], "rational (exact)");
}

TEST(GdFixedStep, HoldsBelowTwoOverLAndTwoOverLIsSharp) {
  const Finding f = check_gd_fixed_step({rational(1, 4), rational(1), rational(19, 10)}, quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& t = f.evidence.figures;
  EXPECT_EQ(t["runs"].get<long>(), 3 * 3 * 2);
  EXPECT_EQ(t["steps_checked"].get<long>(), 3 * 3 * 2 * 15);
  EXPECT_LE(t["max_sum_over_bound"].get<double>(), 1.0);
  EXPECT_TRUE(t["sharpness_observed"].get<bool>());
  EXPECT_EQ(f.evidence.series.size(), 4u);
}

TEST(GdFixedStep, StepAboveTwoOverLIsRefutedByThePerStepDecrease) {
  const Finding f = check_gd_fixed_step({rational(21, 10)}, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted);
  EXPECT_NE(f.evidence.counterexample["violated"].get<std::string>().find("f(theta_{k+1}) <= f(theta_k)"),
            std::string::npos);
}

TEST(RayleighCriterion, SignsAgreeExactly) {
  const Finding f = check_rayleigh_criterion(rational(2), quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& t = f.evidence.figures;
  EXPECT_EQ(t["taylor_model_exact"], t["checked"]);
  EXPECT_GE(t["equality_delta_f_zero"].get<long>(), 10);
  EXPECT_GT(t["increase"].get<long>(), 0);
  EXPECT_GT(t["decrease"].get<long>(), 0);
}

TEST(RayleighCriterion, DroppingTheFactorTwoIsRefuted) {
  const Finding f = check_rayleigh_criterion(rational(1), quick());
  ASSERT_EQ(f.verdict, Verdict::refuted);
}

TEST(SaddleAvoidance, NoSaddleLimitsAndCertifiedJacobian) {
  const Finding f = check_saddle_avoidance({rational(1, 10), rational(1, 2), rational(9, 10)}, quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& t = f.evidence.figures;
  EXPECT_EQ(t["runs"].get<long>(), 450);
  EXPECT_EQ(t["to_saddle"].get<long>(), 0);
  EXPECT_EQ(t["not_converged"].get<long>(), 0);
  EXPECT_NEAR(t["clopper_pearson_upper_95"].get<double>(), 1 - std::pow(0.025, 1.0 / 450), 1e-9);
  EXPECT_TRUE(t["control_on_manifold_converges_to_saddle"].get<bool>());
  EXPECT_TRUE(t["jacobian_det_nonzero_certified"].get<bool>());
  EXPECT_TRUE(t["saddle_unstable_eigenvalue_certified"].get<bool>());
  EXPECT_TRUE(t["minimum_stable_eigenvalues_certified"].get<bool>());
  expect_scalar_figures(f);
}

TEST(SaddleAvoidance, StepAboveOneOverLExhibitsASingularJacobian) {
  const Finding f = check_saddle_avoidance({rational(3, 2)}, quick());
  ASSERT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["part"], "GD-map Jacobian");
}

TEST(RedundantData, TenCopiesGiveTheSameGradient) {
  const Finding f = check_redundant_data(10, rational(0), quick());
  ASSERT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  const auto& t = f.evidence.figures;
  EXPECT_TRUE(t["trajectories_identical"].get<bool>());
  EXPECT_EQ(t["per_sample_gradients_per_step_full"].get<long>(), 100);
  EXPECT_LT(t["f_after_budget_sub"].get<double>(), t["f_after_budget_full"].get<double>());
  EXPECT_EQ(f.evidence.series.size(), 2u);
}

TEST(RedundantData, InexactCopiesAreRefuted) {
  const Finding f = check_redundant_data(10, rational(1, 8), quick());
  ASSERT_EQ(f.verdict, Verdict::refuted);
}

TEST(Claims, RegisteredChecksGiveTheExpectedVerdicts) {
  for (const Claim& c : {stationary_points_claim(), symmetries_claim(), descent_lemma_claim(), gd_fixed_step_claim(),
                         rayleigh_criterion_claim(), saddle_avoidance_claim(), redundant_data_claim()}) {
    EXPECT_EQ(c.source.file, "003_61d556b637c4f269.txt");
    EXPECT_EQ(c.id.rfind("fleischmann.", 0), 0u);
  }
}

}  // namespace
}  // namespace ov::claims::fgd
