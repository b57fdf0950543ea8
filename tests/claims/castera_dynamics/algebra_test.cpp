// Claims of castera_dynamics on the algebra of Chapter 2 (exact in rational): each on the
// library's DIN field and on a mutant field.
#include <gtest/gtest.h>

#include "proofs-checks/claims/castera_dynamics/din_equivalence.hpp"
#include "proofs-checks/claims/castera_dynamics/din_steady_states.hpp"
#include "proofs-checks/claims/castera_dynamics/e_lambda_endpoint_erratum.hpp"
#include "proofs-checks/claims/castera_dynamics/gradient_system.hpp"
#include "proofs-checks/claims/castera_dynamics/gradient_system_erratum.hpp"
#include "proofs-checks/claims/castera_dynamics/lemma25_erratum.hpp"
#include "proofs-checks/claims/castera_dynamics/lyapunov_family.hpp"
#include "proofs-checks/claims/castera_dynamics/lyapunov_identity.hpp"
#include "proofs-checks/claims/castera_dynamics/minibatch_noise_erratum.hpp"
#include "optim/components/din_system.hpp"

namespace ov::claims::castera_dyn {
namespace {

// Mutant: psi' with the sign of psi/beta flipped (psi' = -(alpha - 1/beta) theta + psi/beta).
template <class S>
FieldFn<S> flipped_psi_field() {
  return [](const optim::Objective<S>& J, const S& alpha, const S& beta, const Vec<S>& z) {
    const optim::DinSystem<S> din(J, alpha, beta);
    Vec<S> d = din(S(0), z);
    const int p = J.dim();
    for (int i = 0; i < p; ++i) {
      d[i] += S(2) * z[p + i] / beta;
      d[p + i] += S(2) * z[p + i] / beta;
    }
    return d;
  };
}
DinField mutant_field() {
  return DinField{"mutant: +psi/beta", flipped_psi_field<double>(), flipped_psi_field<mp50>(),
                  flipped_psi_field<rational>()};
}

RunContext quick() {
  RunContext c;
  c.quick = true;
  return c;
}

TEST(DinEquivalence, HoldsOnTheLibraryField) {
  const Finding f = check_din_equivalence(library_din_field(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["exact_points"], 12);
  EXPECT_LT(f.evidence.figures["max_theta_difference_relative"].get<double>(), 1e-8);
  EXPECT_LE(f.evidence.figures["rk4_vs_dormand_prince_at_T"].get<double>(),
            f.evidence.figures["rk4_step_halving_difference"].get<double>());
  EXPECT_GT(f.evidence.figures["rk4_step_halving_difference"].get<double>(), 0.0);
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(DinEquivalence, RefutedOnAMutantField) {
  const Finding f = check_din_equivalence(mutant_field(), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["part"], "exact");
}

TEST(SteadyStates, HoldsForTheThesisFormula) {
  const Finding f = check_steady_states(library_din_field(), thesis_psi_star(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["identity_points"], 15);
  EXPECT_GE(f.evidence.figures["inna_fixed_point_checks"].get<int>(), 12);
}

TEST(SteadyStates, RefutedForPsiEqualsOnePlusAlphaBetaTheta) {
  const PsiStar wrong = [](const rational& theta, const rational& alpha, const rational& beta) {
    return rational((rational(1) + alpha * beta) * theta);
  };
  const Finding f = check_steady_states(library_din_field(), wrong, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_TRUE(f.evidence.counterexample.is_object());
}

TEST(EnergyRateIdentity, HoldsOnTheLibraryField) {
  const Finding f = check_energy_rate_identity(library_din_field(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["points"], 12);
}

TEST(EnergyRateIdentity, RefutedOnAMutantField) {
  const Finding f = check_energy_rate_identity(mutant_field(), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["part"], "identity");
}

TEST(ELambdaFamily, HoldsOnTheThesisIntervalAndIsSharp) {
  const Finding f = check_e_lambda_family(library_din_field(), thesis_lambda_interval(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["outside_lambdas_with_increase"], f.evidence.figures["outside_lambdas_tried"]);
  EXPECT_GT(f.evidence.figures["adversarial_zero_at_endpoints"].get<int>(), 0);
}

TEST(ELambdaFamily, RefutedOnAWiderInterval) {
  const LambdaInterval wider = [](const rational&, const rational&, const rational& s) {
    return std::make_pair(rational(0), rational((rational(1) + s) * (rational(1) + s) + rational(1)));
  };
  const Finding f = check_e_lambda_family(library_din_field(), wider, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_TRUE(f.evidence.counterexample["adversarial_point"].get<bool>());
}

TEST(Lemma25Erratum, PrintedSignsAreRefutedCorrectedOnesHold) {
  const Finding printed = check_lemma25(lemma25_as_printed(), quick());
  EXPECT_EQ(printed.verdict, Verdict::refuted);
  const Finding corrected = check_lemma25(lemma25_corrected(), quick());
  EXPECT_EQ(corrected.verdict, Verdict::holds) << corrected.evidence.summary;
  EXPECT_EQ(corrected.evidence.figures["points"], corrected.evidence.figures["points_where_dEmin_plus_dEmax_equals_2_32"]);
}

TEST(ELambdaEndpointErratum, ClosedIntervalRefutedOpenHolds) {
  const Finding closed = check_e_lambda_coefficient(true, quick());
  EXPECT_EQ(closed.verdict, Verdict::refuted);
  EXPECT_EQ(closed.evidence.counterexample["coefficient"], "0");
  const Finding open = check_e_lambda_coefficient(false, quick());
  EXPECT_EQ(open.verdict, Verdict::holds) << open.evidence.summary;
  EXPECT_EQ(open.evidence.figures["lambdas_tested"], 192);
}

TEST(GradientSystem, HoldsForAlphaBetaAboveOne) {
  const Finding f = check_gradient_system(library_din_field(), gradient_system_parameters(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_LE(f.evidence.figures["max_sign_changes_per_coordinate"].get<int>(), 1);
  EXPECT_GT(f.evidence.figures["spiral_contrast_sign_changes"].get<int>(), 3);
  EXPECT_EQ(f.evidence.series.size(), 2u);
}

TEST(GradientSystem, RefutedForTheSpiralSetting) {
  const Finding f = check_gradient_system(library_din_field(), {{rational(2), ratio(1, 10)}}, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["part"], "metric");
}

TEST(GradientSystemErratum, AlphaBetaEqualOneRefutedAboveOneHolds) {
  const Finding printed = check_gradient_linearisation(library_din_field(), gradient_system_ge1_parameters(), quick());
  EXPECT_EQ(printed.verdict, Verdict::refuted);
  EXPECT_EQ(printed.evidence.counterexample["alpha"], "2");
  EXPECT_EQ(printed.evidence.counterexample["beta"], "1/2");
  EXPECT_EQ(printed.evidence.counterexample["discriminant"], "0");
  const Finding corrected = check_gradient_linearisation(library_din_field(), gradient_system_parameters(), quick());
  EXPECT_EQ(corrected.verdict, Verdict::holds) << corrected.evidence.summary;
}

TEST(MinibatchNoiseErratum, SumConventionRefutedMeanConventionHolds) {
  const Finding printed = check_minibatch_noise(thesis_chapter2_convention(), quick());
  EXPECT_EQ(printed.verdict, Verdict::refuted);
  EXPECT_EQ(printed.evidence.counterexample["ratio_E_v_B_to_grad_J"], "1/20");
  const Finding corrected = check_minibatch_noise(mean_convention(), quick());
  EXPECT_EQ(corrected.verdict, Verdict::holds) << corrected.evidence.summary;
}

}  // namespace
}  // namespace ov::claims::castera_dyn
