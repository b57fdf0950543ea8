// Closed forms of 002 Ch. 3 (DIN (3.8)-(3.14), INNA (3.25)-(3.31)), the complex band of
// Lemma 3.6, the step bound (3.20) with its fallback, the certified det != 0 verdict,
// and the method/parameter validation. Reference numbers: guide
// seed-002-castera-thesis.md §4.5 ([DERIVED], 6 significant digits: compared within
// half a unit of their last digit) and exact identities in rational arithmetic.
#include <gtest/gtest.h>

#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/spectra/closed_forms.hpp"
#include "analysis/spectra/determinant_check.hpp"
#include "analysis/spectra/modes.hpp"
#include "optim/components/din_system.hpp"
#include "optim/rules/inna_fixed_step.hpp"
#include "tests/spectra/spectra_checks.hpp"

namespace {

using namespace ov;
using namespace ov::spectra;

Parameters inna(const std::string& a, const std::string& b, const std::string& g) {
  return validate(Method::inna, {a, b, g});
}
Parameters din(const std::string& a, const std::string& b) { return validate(Method::din, {a, b, std::nullopt}); }

// |x - ref| <= half a unit in the 6th significant digit of ref.
void expect_six_digits(const mp100& x, const std::string& ref) {
  const mp100 r = constant<mp100>(ref);
  const mp100 ulp = pow(mp100(10), floor(log10(abs(r))) - 5);
  EXPECT_LE(abs(x - r), ulp / 2) << "value " << ov::to_string(x) << " vs " << ref;
}

TEST(ComplexBand, MatchesGuideTableAndZerosOfTheDiscriminant) {
  const auto band = complex_band(constant<mp100>("2"), constant<mp100>("0.1"));
  ASSERT_TRUE(band);
  expect_six_digits((*band)[0], "1.11456");
  expect_six_digits((*band)[1], "358.885");
  const auto d = complex_band(constant<mp100>("0.5"), constant<mp100>("0.1"));
  ASSERT_TRUE(d);
  expect_six_digits((*d)[0], "0.0641131");
  expect_six_digits((*d)[1], "389.936");
  // x+- are the zeros of (3.9) (relative 1e-95: a few roundings at 100 digits).
  for (const mp100& x : *d) {
    EXPECT_LE(abs(din_inna_discriminant(constant<mp100>("0.5"), constant<mp100>("0.1"), x)), constant<mp100>("1e-95") * x * x);
  }
  EXPECT_FALSE(complex_band(mp100(2), mp100(1)));  // alpha beta = 2 > 1: no band
  // alpha beta = 1: a double root at 1/beta^2 (T-ALG-6 edge case), exact in rational arithmetic.
  const auto e = complex_band(rational(2), rational(1, 2));
  ASSERT_TRUE(e);
  EXPECT_EQ((*e)[0], rational(4));
  EXPECT_EQ((*e)[1], rational(4));
}

TEST(ClosedForms, DinAndInnaOnTheFigure32Quadratic) {
  // J = theta1^2 + 2 theta2^2, Hessian diag(2, 4) (002 §3.3.3, Fig. 3.2), (alpha, beta) = (2, 1/10).
  const Hyper<mp100> h = hyper_in<mp100>(din("2", "0.1"));
  const EigenPair<mp100> e4 = closed_form(Method::din, h, mp100(4));  // -1.2 +- 1.6 i exactly
  EXPECT_LE(abs(e4.re[0] + constant<mp100>("1.2")), constant<mp100>("1e-98"));
  EXPECT_LE(abs(e4.im[0] - constant<mp100>("1.6")), constant<mp100>("1e-98"));
  const EigenPair<mp100> e2 = closed_form(Method::din, h, mp100(2));
  expect_six_digits(e2.re[0], "-1.1");
  expect_six_digits(e2.im[0], "0.888819");
  const Hyper<mp100> hi = hyper_in<mp100>(inna("2", "0.1", "0.01"));
  expect_six_digits(classify(Method::inna, closed_form(Method::inna, hi, mp100(2))).radius, "0.989040");
  expect_six_digits(classify(Method::inna, closed_form(Method::inna, hi, mp100(4))).radius, "0.988130");
  // (alpha, beta) = (2, 1): real; max |sigma| = 0.994142 (guide §4.5 item 3).
  const Hyper<mp100> hr = hyper_in<mp100>(inna("2", "1", "0.01"));
  const mp100 r = std::max(classify(Method::inna, closed_form(Method::inna, hr, mp100(2))).radius,
                           classify(Method::inna, closed_form(Method::inna, hr, mp100(4))).radius);
  expect_six_digits(r, "0.994142");
}

TEST(ClosedForms, SaddleToyModes) {
  // theta1^4 - 4 theta1^2 + theta2^2 at the saddle: lambda = -8 (guide §4.5 item 4).
  const Hyper<mp100> h = hyper_in<mp100>(inna("0.5", "1", "0.02"));
  const EigenPair<mp100> e = closed_form(Method::inna, h, mp100(-8));
  expect_six_digits(e.re[0], "1.168941");
  EXPECT_EQ(classify(Method::inna, e).stability, Stability::unstable);
  const ModeClass<mp100> c2 = classify(Method::inna, closed_form(Method::inna, h, mp100(2)));
  EXPECT_TRUE(c2.spiral);
  expect_six_digits(c2.radius, "0.975090");
  EXPECT_EQ(c2.stability, Stability::stable);
  // lambda = 0: sigma_+ = 1 exactly, marginal (guide §4.6 item 4).
  EXPECT_EQ(classify(Method::inna, closed_form(Method::inna, h, mp100(0))).stability, Stability::marginal);
  // DIN: a negative lambda gives a positive real eigenvalue (proof of Theorem 3.2).
  const Hyper<mp100> hd = hyper_in<mp100>(din("0.5", "1"));
  EXPECT_EQ(classify(Method::din, closed_form(Method::din, hd, mp100(-8))).stability, Stability::unstable);
  EXPECT_EQ(classify(Method::din, closed_form(Method::din, hd, mp100(16))).stability, Stability::stable);
}

TEST(StepBound, GuideValuesFallbackAndTheOptimizerLibrary) {
  struct Row {
    const char *a, *b, *L, *ref;
  };
  for (const Row& r : {Row{"0.5", "1", "50", "0.0202062"}, Row{"1", "1.1", "50", "0.0181513"},
                       Row{"1", "1.1", "16", "0.0565105"}, Row{"0.5", "1", "16", "0.0646603"},
                       Row{"0.5", "0.1", "1000", "0.0111980"}}) {
    const StepBound<mp100> b = inna_step_bound(constant<mp100>(r.a), constant<mp100>(r.b), constant<mp100>(r.L));
    EXPECT_FALSE(b.fallback);
    expect_six_digits(b.value, r.ref);
    // Independent implementation in the optimizer library: the same number.
    EXPECT_EQ(b.value, optim::inna_step_bound(constant<mp100>(r.a), constant<mp100>(r.b), constant<mp100>(r.L)));
  }
  // (2, 1, 4) -> (3 - sqrt 5)/4 (guide §4.5 item 5).
  const StepBound<mp100> s = inna_step_bound(mp100(2), mp100(1), mp100(4));
  EXPECT_LE(abs(s.value - (3 - sqrt(mp100(5))) / 4), constant<mp100>("1e-98"));
  // Undefined (3.20): default (1/2, 1/10) with L = 10 -> beta (erratum, guide §4.6 item 2).
  const StepBound<mp100> f = inna_step_bound(constant<mp100>("0.5"), constant<mp100>("0.1"), mp100(10));
  EXPECT_TRUE(f.fallback);
  EXPECT_LT(f.radicand, 0);
  EXPECT_EQ(f.value, constant<mp100>("0.1"));
  EXPECT_EQ(f.value, optim::inna_step_bound(constant<mp100>("0.5"), constant<mp100>("0.1"), mp100(10)));
}

TEST(ClosedForms, TraceAndDeterminantEqualTheBlockEntriesExactly) {
  // (3.25)/(3.39) against the block of (3.23), (3.8) against (3.5), and the momentum
  // methods, in exact rational arithmetic at rational points.
  const rational lams[] = {rational(-8), rational(0), rational(1, 3), rational(16), rational(-7, 5)};
  const Parameters ps[] = {inna("0.5", "0.1", "0.01"), inna("1.3", "0.1", "0.25"), din("2", "0.1"),
                           validate(Method::gd, {std::nullopt, std::nullopt, "0.3"}),
                           validate(Method::hb, {std::nullopt, "0.9", "0.01"}),
                           validate(Method::nag, {std::nullopt, "0.5", "1/7"})};
  for (const Parameters& p : ps) {
    const Hyper<rational> h = hyper_in<rational>(p);
    for (const rational& l : lams) {
      const Mat<rational> M = block_matrix(p.method, h, l);
      const rational tr = M.trace();
      const rational det = M.rows() == 1 ? M(0, 0) : rational(M(0, 0) * M(1, 1) - M(0, 1) * M(1, 0));
      EXPECT_EQ(tr, closed_trace(p.method, h, l)) << to_string(p.method) << " lambda " << l;
      EXPECT_EQ(det, closed_determinant(p.method, h, l)) << to_string(p.method) << " lambda " << l;
    }
  }
}

TEST(ClosedForms, ThesisFormulasAreTheBlockEigenvalues) {
  for (const Parameters& p : {inna("0.5", "0.1", "0.01"), inna("2", "1", "0.3"), din("2", "0.1"), din("0.5", "1")}) {
    const auto f = test::thesis_closed_form(p.method, p);
    for (const char* l : {"-8", "0", "0.0641", "2", "4", "16", "389.9", "500"}) {
      EXPECT_TRUE(test::closed_form_matches_block(p.method, p, f, constant<interval>(l))) << to_string(p.method) << " " << l;
    }
  }
}

// MUTANT: the INNA closed form with the sign of 4 lambda flipped in the discriminant.
TEST(ClosedForms, MutantDiscriminantSignIsDetected) {
  const Parameters p = inna("0.5", "0.1", "0.01");
  const Hyper<interval> hi = hyper_in<interval>(p);
  test::ClosedFormFns bad = test::thesis_closed_form(p.method, p);
  bad.iv = [hi](const interval& l) {
    const interval s = hi.alpha + hi.beta * l;
    return pair_from(interval(interval(1) - hi.gamma * s / 2), hi.gamma, interval(s * s + interval(4) * l));
  };
  int detected = 0;
  for (const char* l : {"-8", "2", "16", "100"}) detected += !test::closed_form_matches_block(p.method, p, bad, constant<interval>(l));
  EXPECT_EQ(detected, 4);
}

TEST(Determinant, InnaExamplesBothRoutes) {
  // Default (1/2, 1/10), gamma = 1/100, L = 10: det = 0.995 - 0.0009 lambda > 0 on [-10, 10].
  NonsingularReport r = certify_nonsingular(inna("0.5", "0.1", "0.01"), "10");
  EXPECT_EQ(r.verdict.holds, Tribool::yes);
  ASSERT_TRUE(r.exact_route);
  EXPECT_EQ(r.exact_route->holds, Tribool::yes);
  EXPECT_EQ(r.interval_route.holds, Tribool::yes);
  // gamma above the bound (3.20): (1/2, 1, 1/10), L = 50: det = 0.95 - 0.09 lambda vanishes at 95/9.
  r = certify_nonsingular(inna("0.5", "1", "0.1"), "50");
  EXPECT_EQ(r.verdict.holds, Tribool::no);
  EXPECT_EQ(r.interval_route.holds, Tribool::no);
  ASSERT_TRUE(r.verdict.witness);
  EXPECT_NE(r.verdict.witness->find("95/9"), std::string::npos) << *r.verdict.witness;
  // gamma = 1/alpha: det(0) = 0 exactly (proof of Theorem 3.12, lambda_p = 0 case).
  r = certify_nonsingular(inna("0.5", "0.1", "2"), "1");
  EXPECT_EQ(r.verdict.holds, Tribool::no);
  EXPECT_EQ(r.interval_route.holds, Tribool::no);
  // The bound (3.20) itself: just below it, det != 0 on [-L, L] (Theorem 3.12).
  const StepBound<mp100> b = inna_step_bound(constant<mp100>("0.5"), mp100(1), mp100(50));
  const std::string g = ov::to_string(mp100(b.value * constant<mp100>("0.999")));
  EXPECT_EQ(certify_nonsingular(inna("0.5", "1", g), "50").verdict.holds, Tribool::yes);
  // DIN: det = lambda vanishes at 0.
  EXPECT_EQ(certify_nonsingular(din("2", "0.1"), "4").verdict.holds, Tribool::no);
  // Irrational parameters: interval route only.
  r = certify_nonsingular(inna("sqrt(2)/4", "0.1", "0.01"), "10");
  EXPECT_FALSE(r.exact_route);
  EXPECT_EQ(r.verdict.holds, Tribool::yes);
}

// MUTANT (a false statement for the checker): a det with an interior zero that an
// affine reading would miss; the interval route must not say yes.
TEST(Determinant, MutantNonAffineZeroIsFound) {
  const auto det_i = [](const interval& l) { return interval(l * l - interval(1) / 4 + interval(1) / 1000000); };
  const auto det_q = [](const rational& l) { return rational(l * l - rational(1, 4) + rational(1, 1000000)); };
  EXPECT_EQ(certify_nonzero_affine(det_q, rational(-1), rational(1)).holds, Tribool::yes);  // wrong route for it
  EXPECT_EQ(certify_nonzero_by_subdivision(det_i, det_q, rational(-1), rational(1)).holds, Tribool::no);
  // And a det that really has no zero is proven nonzero.
  const auto pos_i = [](const interval& l) { return interval(l * l + interval(1) / 1000); };
  EXPECT_EQ(certify_nonzero_by_subdivision(pos_i, {}, rational(-1), rational(1)).holds, Tribool::yes);
}

// The generic DIN field of step_maps.hpp equals optim::DinSystem (2.6) exactly (rational).
struct RationalQuadratic : optim::Objective<rational> {
  Mat<rational> H;
  int dim() const override { return static_cast<int>(H.rows()); }
  rational value(const optim::Vector<rational>& x) const override { return rational(x.dot(H * x)) / 2; }
  optim::Vector<rational> gradient(const optim::Vector<rational>& x) const override { return H * x; }
};

TEST(StepMaps, DinFieldEqualsTheOptimizerLibrarySystem) {
  RationalQuadratic J;
  J.H.resize(2, 2);
  J.H << rational(3), rational(1, 2), rational(1, 2), rational(-2);
  const Hyper<rational> h{rational(1, 2), rational(1, 10), rational(0)};
  const optim::DinSystem<rational> sys(J, h.alpha, h.beta);
  Vec<rational> z(4);
  z << rational(1, 3), rational(-2), rational(5, 7), rational(1, 11);
  const auto field = make_step_map(Method::din, h, QuadraticGradient<rational>{J.H}, 2);
  EXPECT_EQ(Vec<rational>(field(z)), Vec<rational>(sys(rational(0), z)));
}

TEST(Validation, NamesTheArgumentAndTheRange) {
  const auto msg = [](Method m, RawParameters r) {
    try {
      validate(m, r);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(msg(Method::inna, {"0.5", "0.1", "0"}).find("--gamma = 0 is outside the valid range (0, inf)"), std::string::npos);
  EXPECT_NE(msg(Method::inna, {"-1", "0.1", "0.1"}).find("--alpha = -1"), std::string::npos);
  EXPECT_NE(msg(Method::inna, {"0.5", "0", "0.1"}).find("--beta = 0"), std::string::npos);
  EXPECT_NE(msg(Method::inna, {"0.5", std::nullopt, "0.1"}).find("--beta"), std::string::npos);
  EXPECT_NE(msg(Method::hb, {std::nullopt, "1", "0.1"}).find("[0, 1)"), std::string::npos);
  EXPECT_NE(msg(Method::gd, {"1", std::nullopt, "0.1"}).find("--alpha = 1 is not a parameter"), std::string::npos);
  EXPECT_NE(msg(Method::din, {"1", "1", "0.1"}).find("--gamma = 0.1 is not a parameter"), std::string::npos);
  EXPECT_NE(msg(Method::inna, {"0.5", "0.1", "abc"}).find("--gamma \"abc\""), std::string::npos);
  try {
    parse_method("adam");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("gd, hb, nag, inna, din"), std::string::npos);
  }
}

}  // namespace
