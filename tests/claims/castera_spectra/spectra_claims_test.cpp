// The exact / interval / sampled claims of castera_spectra (002 Chapter 3): each on the thesis's input (expected
// verdict and key figures) and on a broken variant (expected `refuted`; for errata, the corrected statement holds).
#include <gtest/gtest.h>

#include "proofs-checks/claims/castera_spectra/det_roots_lemmas.hpp"
#include "proofs-checks/claims/castera_spectra/eigen_stability.hpp"
#include "proofs-checks/claims/castera_spectra/erratum_gamma_minus.hpp"
#include "proofs-checks/claims/castera_spectra/erratum_modulus.hpp"
#include "proofs-checks/claims/castera_spectra/erratum_permutation.hpp"
#include "proofs-checks/claims/castera_spectra/erratum_step_bound.hpp"
#include "proofs-checks/claims/castera_spectra/jacobian_blocks.hpp"
#include "proofs-checks/claims/castera_spectra/lemma_3_6.hpp"
#include "proofs-checks/claims/castera_spectra/theorem_3_12.hpp"

namespace ov::claims::castera_ch3 {
namespace {

RunContext quick() {
  RunContext c;
  c.seed = 1;
  c.quick = true;
  return c;
}

TEST(JacobianBlocks, CertifiedForTheLibraryKernel) {
  const Finding f = check_jacobian_blocks(library_inna_map(), thesis_din_field(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["block_checks"].get<long>(), (3 * 5 * 3 + 3 * 5) * 3);
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(JacobianBlocks, PsiSignErrorIsRefuted) {
  // psi_{k+1} = psi_k - gamma [...] instead of + (a sign slip in the second line of (3.19)).
  CoordMap broken = [](const rational& a, const rational& b, const rational& g, const rational& th, const rational& ps,
                       const rational& v) {
    auto [t1, p1] = library_inna_map()(a, b, g, th, ps, v);
    return std::make_pair(t1, rational(ps - (p1 - ps)));
  };
  const Finding f = check_jacobian_blocks(broken, thesis_din_field(), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["part"], "(3.23) is the Jacobian of (3.19)");
}

TEST(Lemma36, Certified) {
  const Finding f = check_lemma_3_6(thesis_band(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  const auto& t = f.evidence.figures;
  EXPECT_NEAR(t["bands_guide_4_5_item_2.0.x_minus"].get<double>(), 1.11456, 1e-5);  // (2, 0.1)
  EXPECT_NEAR(t["bands_guide_4_5_item_2.0.x_plus"].get<double>(), 358.885, 1e-3);
  EXPECT_NEAR(t["bands_guide_4_5_item_2.1.x_minus"].get<double>(), 0.064113, 1e-6);  // (0.5, 0.1)
}

TEST(Lemma36, BandWithBetaInsteadOfBetaSquaredIsRefuted) {
  BandFormula broken = [](const rational& a, const rational& b, const rational& s) {
    return std::make_pair(rational((rational(2) - a * b - rational(2) * s) / b), rational((rational(2) - a * b + rational(2) * s) / b));
  };
  const Finding f = check_lemma_3_6(broken, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
}

TEST(EigenStability, HoldsOnSamples) {
  const Finding f = check_eigen_stability(thesis_criterion_3_31(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["complex_case"].get<long>(), 100);
  EXPECT_GT(f.evidence.figures["complex_case_unstable"].get<long>(), 10);  // both sides of (3.31) are exercised
}

TEST(EigenStability, WrongSignInCriterionIsRefuted) {
  StabilityCriterion broken = [](const mp50& a, const mp50& b, const mp50& g, const mp50& l) { return g < b - a / l; };
  const Finding f = check_eigen_stability(broken, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["fact"], "(3.31) |sigma| < 1 iff gamma < beta + alpha/lambda");
}

TEST(DetRootsLemmas, Hold) {
  const Finding f = check_det_roots_lemmas(thesis_lemmas_3_13_3_15(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds) << f.evidence.summary;
  EXPECT_GT(f.evidence.figures["comparisons"].get<long>(), 1000);
}

TEST(DetRootsLemmas, FlippedLemma315IsRefuted) {
  auto lemmas = thesis_lemmas_3_13_3_15();
  lemmas[3].direction = -1;  // "decreasing on (0, x-)": false
  const Finding f = check_det_roots_lemmas(lemmas, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["lemma"], lemmas[3].lemma);
}

TEST(Theorem312, CertifiedOnTheBoxes) {
  const Finding f = check_theorem_3_12(thesis_bound_3_20(), quick());
  EXPECT_EQ(f.verdict, Verdict::holds_certified) << f.evidence.summary;
  EXPECT_EQ(f.evidence.figures["undecided_pieces"].get<long>(), 0);
}

TEST(Theorem312, BetaAloneIsRefuted) {
  // "gamma < beta suffices" (dropping the first term of (3.20)): false for alpha beta > 1.
  IntervalBound beta_only{"beta alone", [](const interval&, const interval& b, const interval&) { return b; }, false};
  const Finding f = check_theorem_3_12(beta_only, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
}

TEST(Theorem312, PlusRootVariantIsRefuted) {
  // The public code's '+' sign (guide §6.1): min(gamma_+(L), beta) lets gamma pass the root gamma_-(L).
  IntervalBound plus{"min(gamma_+(L), beta)",
                     [](const interval& a, const interval& b, const interval& L) {
                       const interval s = a + b * L;
                       const interval r = interval((s + ov::num::sqrt(interval(s * s - interval(4) * L))) / (interval(2) * L));
                       return upper(r) < lower(b) ? r : b;
                     },
                     false};
  const Finding f = check_theorem_3_12(plus, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted) << f.evidence.summary;
  EXPECT_EQ(f.evidence.counterexample["end"], "+L");
}

TEST(ErratumStepBound, PrintedIsRefutedCorrectedHolds) {
  const Finding f = check_step_bound_positive(printed_3_20(), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["radicand"], "-151/4");  // (1/2 + 1)^2 - 40 at (1/2, 1/10, L = 10)
  EXPECT_NEAR(f.evidence.figures["default_band_x_plus"].get<double>(), 389.936, 1e-3);
  const Finding g = check_step_bound_positive(corrected_3_20(), quick());
  EXPECT_EQ(g.verdict, Verdict::holds) << g.evidence.summary;
  EXPECT_GT(g.evidence.figures["radicand_negative_det_nonzero_for_gamma_le_beta_exact"].get<long>(), 3);
}

TEST(ErratumPermutation, PrintedIsRefutedShuffleHolds) {
  const Finding f = check_permutation(printed_3_36(), quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_TRUE(f.evidence.figures["printed_examples_P3_P4_valid"].get<bool>());
  const auto& per = f.evidence.figures;
  EXPECT_FALSE(per["per_P.2.permutation"].get<bool>());  // P = 3
  EXPECT_FALSE(per["per_P.3.permutation"].get<bool>());  // P = 4
  EXPECT_EQ(per["per_P.2.why"], "column 1 has 0 nonzero entries (5 nonzero in all, 6 needed)");
  const Finding g = check_permutation(perfect_shuffle(), quick());
  EXPECT_EQ(g.verdict, Verdict::holds_certified) << g.evidence.summary;
}

TEST(ErratumModulus, StrictIsRefutedNonStrictHolds) {
  const Finding f = check_modulus_iff(true, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["sigma_plus"], "1");
  EXPECT_EQ(check_modulus_iff(false, quick()).verdict, Verdict::holds_certified);
}

TEST(ErratumGammaMinus, PrintedIsRefutedCorrectedHolds) {
  const Finding f = check_gamma_minus_bound(-1, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["lambda"], "500");
  EXPECT_EQ(check_gamma_minus_bound(+1, quick()).verdict, Verdict::holds);
}

}  // namespace
}  // namespace ov::claims::castera_ch3
