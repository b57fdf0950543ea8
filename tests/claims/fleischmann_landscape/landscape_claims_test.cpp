// The loss-landscape claims (proofs-checks/claims/fleischmann_landscape/): each on its real input
// (expected verdict and key figures, quick mode, seed 1) and on a broken variant (expected refuted or,
// for the statistical correlation, not holds).
#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>

#include "nets/special/linear_network.hpp"
#include "optim/core/random.hpp"
#include "proofs-checks/catalog.hpp"
#include "proofs-checks/claims/fleischmann_landscape/registration.hpp"
#include "proofs-checks/claims/fleischmann_landscape/linear_landscape.hpp"
#include "proofs-checks/claims/fleischmann_landscape/width_thresholds.hpp"

namespace ov::claims::landscape {
namespace {

RunContext quick() {
  RunContext c;
  c.quick = true;
  c.seed = 1;
  return c;
}

void show(const char* what, const Finding& f) {
  std::cout << "[" << what << "] precision " << f.precision << " parameters " << f.parameters.dump().substr(0, 1500) << "\n";
  std::cout << "[" << what << "] " << to_string(f.verdict) << ": " << f.evidence.summary << "\n  figures "
            << f.evidence.figures.dump() << "\n";
}

TEST(BaldiHornik, CertifiedOnTheInstances) {
  const Finding f = check_baldi_hornik(theorem_3_5_formulas(), quick());
  show("baldi-hornik", f);
  EXPECT_EQ(f.verdict, Verdict::holds_certified);
  EXPECT_EQ(f.evidence.figures["stationary_points"], 12);  // m = 3: (3 + 3) index sets x 2 matrices C
  EXPECT_EQ(f.evidence.figures["minima_psd"], 2);
  EXPECT_EQ(f.evidence.figures["saddles_with_negative_eigenvalue"], 4);
  EXPECT_EQ(f.evidence.figures["gd_reached_global_cost"], f.evidence.figures["gd_runs"]);
  EXPECT_FALSE(f.evidence.series.empty());
}

TEST(BaldiHornik, ComplementaryEigenvaluesInTheCostAreRefuted) {
  BaldiHornikFormulas m = theorem_3_5_formulas();
  m.cost = [](const nets::special::LinearMoments& mo, const Vec<rational>& lambda, const std::vector<int>& I) {
    rational s = mo.yy.trace();
    for (Eigen::Index i = 0; i < lambda.size(); ++i)
      if (std::find(I.begin(), I.end(), static_cast<int>(i)) == I.end()) s -= lambda[i];
    return s / rational(mo.n);
  };
  const Finding f = check_baldi_hornik(m, quick());
  show("baldi-hornik complementary cost", f);
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_NE(f.evidence.counterexample["failed"].get<std::string>().find("tr Sigma_YY"), std::string::npos);
}

TEST(BaldiHornik, APerturbedPointIsNotStationary) {
  BaldiHornikFormulas m = theorem_3_5_formulas();
  m.point = [](const nets::special::LinearMoments& mo, const Mat<rational>& U, const std::vector<int>& I,
               const Mat<rational>& C) {
    Vec<rational> t = nets::special::baldi_hornik_point(mo, U, I, C);
    t[0] += rational(1, 1000);
    return t;
  };
  const Finding f = check_baldi_hornik(m, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_NE(f.evidence.counterexample["failed"].get<std::string>().find("grad f == 0"), std::string::npos);
}

TEST(BaldiHornik, TheWrongMinimumIndexSetIsRefuted) {
  BaldiHornikFormulas m = theorem_3_5_formulas();
  m.minimum_set = [](int mm, int p) {  // the p smallest eigenvalues instead of the p largest
    std::vector<int> I;
    for (int i = mm - p; i < mm; ++i) I.push_back(i);
    return I;
  };
  const Finding f = check_baldi_hornik(m, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
}

TEST(Dauphin, CostRisesWithTheIndex) {
  const Finding f = check_dauphin_correlation(identity_costs(), quick());
  show("dauphin", f);
  EXPECT_EQ(f.verdict, Verdict::holds);
  EXPECT_GT(f.evidence.figures["spearman_ci_lo"].get<double>(), 0);
  EXPECT_EQ(f.evidence.series.size(), 2u);
}

TEST(Dauphin, ShuffledCostsShowNoSignificantCorrelation) {
  const CostTransform shuffle = [](std::vector<double> c, std::uint64_t seed) {
    optim::SplitMix64 rng(seed + 99);
    rng.shuffle(c);
    return c;
  };
  const Finding f = check_dauphin_correlation(shuffle, quick());
  show("dauphin shuffled", f);
  EXPECT_NE(f.verdict, Verdict::holds);
}

TEST(Dauphin, NegatedCostsAreRefuted) {
  const CostTransform negate = [](std::vector<double> c, std::uint64_t) {
    for (double& x : c) x = -x;
    return c;
  };
  EXPECT_EQ(check_dauphin_correlation(negate, quick()).verdict, Verdict::refuted);
}

TEST(SoudryCarmon, NoPositiveDifferentiableMinimumAboveTheThreshold) {
  const Finding f = check_soudry_carmon(theorem_3_6_condition(), quick());
  show("soudry-carmon", f);
  EXPECT_EQ(f.verdict, Verdict::holds);
  EXPECT_GT(f.evidence.figures["asserted_f_below_tol"].get<int>(), 0);
  EXPECT_EQ(f.evidence.series.size(), 2u);
}

TEST(SoudryCarmon, AssertedAtEveryWidthItIsRefuted) {
  const Finding f = check_soudry_carmon([](long, int, int) { return true; }, quick());
  show("soudry-carmon every width", f);
  ASSERT_EQ(f.verdict, Verdict::refuted);
  EXPECT_LT(f.evidence.counterexample["d1"].get<int>() * 2, 6);  // below n/d0
}

TEST(Soltanolkotabi, EveryRunReachesZeroLoss) {
  const Finding f = check_soltanolkotabi(proposition_4_configs(true), quick());
  show("soltanolkotabi", f);
  EXPECT_EQ(f.verdict, Verdict::holds);
  EXPECT_EQ(f.evidence.figures["zero_loss"], f.evidence.figures["runs"]);
}

TEST(Soltanolkotabi, OneSignedOutputWeightsAreRefuted) {
  const Finding f = check_soltanolkotabi({{2, {1, 1, 1, 1}}}, quick());
  show("soltanolkotabi one-signed", f);
  EXPECT_EQ(f.verdict, Verdict::refuted);
}

TEST(Soltanolkotabi, TooFewHiddenNeuronsAreRefuted) {
  const Finding f = check_soltanolkotabi({{3, {1, -1}}}, quick());
  show("soltanolkotabi k < 2d", f);
  EXPECT_EQ(f.verdict, Verdict::refuted);
}

TEST(InterpolationThreshold, CertifiedAtDTimesDPlusOneOverTwo) {
  const Finding f = check_interpolation_threshold(derived_sample_bound(), quick());
  show("threshold", f);
  EXPECT_EQ(f.verdict, Verdict::holds_certified);
  EXPECT_EQ(f.evidence.figures["instances_beyond_positive_optimum_certified"], 6);  // 2 dims x 3 data sets
}

TEST(InterpolationThreshold, CEqualOneIsRefuted) {
  const Finding f = check_interpolation_threshold([](int d) { return static_cast<long>(d) * d; }, quick());
  EXPECT_EQ(f.verdict, Verdict::refuted);
  EXPECT_EQ(f.evidence.counterexample["n"].get<int>(), 4);  // d = 2: n = d(d+1)/2 + 1 = 4 <= d^2
}

TEST(LandscapeClaims, RegisteredAndWellFormed) {
  Catalog c;
  register_fleischmann_landscape_claims(c);  // Catalog::add validates each claim
  EXPECT_EQ(c.size(), 5u);
  for (const char* id : {"fleischmann.baldi-hornik-critical-points", "fleischmann.dauphin-cost-index-correlation",
                         "fleischmann.soudry-carmon-width", "survey.soltanolkotabi-no-spurious-minima",
                         "survey.soltanolkotabi-interpolation-threshold"})
    EXPECT_TRUE(c.contains(id)) << id;
}

TEST(ExactRank, SmallMatrices) {
  Mat<rational> A(3, 3);
  A << 1, 2, 3, 2, 4, 6, 1, 0, 1;
  EXPECT_EQ(exact_rank(A), 2);
  A(1, 2) = 7;
  EXPECT_EQ(exact_rank(A), 3);
}

}  // namespace
}  // namespace ov::claims::landscape
