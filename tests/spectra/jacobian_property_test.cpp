// Property: for random (alpha, beta, gamma) and Hessians H = Q diag(lambda) Q^T (Q exactly
// orthogonal, rational), the three descriptions of the Jacobian spectrum agree:
//   closed forms per lambda (002 (3.10)/(3.14), (3.26)/(3.29); quadratic formula for
//   gd/hb/nag), numeric eigenvalues of the autodiff Jacobian of the step map (mp50,
//   tolerance sqrt(eps50) max(1, |J|_max): see spectra_checks.hpp), and the certified
//   MPFI enclosures (every closed-form enclosure overlaps an eigenvalue enclosure).
// Mutants: a step map with a wrong sign and a closed form with a wrong discriminant fail
// the same checkers.
#include <gtest/gtest.h>

#include "analysis/numeric/rounding.hpp"
#include "analysis/numeric/string_io.hpp"
#include "tests/autodiff/limited_check.hpp"
#include "tests/spectra/spectra_checks.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov;
using namespace ov::spectra;
using ov::testing::check_limited;

std::string q(const rational& x) { return ov::to_string(x); }

rational positive(long max_num, long den) { return rational(*rc::gen::inRange<long>(1, max_num + 1)) / den; }

Parameters random_parameters(Method m) {
  RawParameters raw;
  switch (m) {
    case Method::gd: raw.gamma = q(positive(32, 64)); break;
    case Method::hb:
    case Method::nag:
      raw.gamma = q(positive(32, 64));
      raw.beta = q(rational(*rc::gen::inRange<long>(0, 16)) / 16);
      break;
    case Method::inna:
      raw.gamma = q(positive(32, 64));
      [[fallthrough]];
    case Method::din:
      raw.alpha = q(*gen::rational_in(0, 3, 8));
      raw.beta = q(positive(16, 8));
      break;
  }
  return validate(m, raw);
}

struct Case {
  Parameters p;
  Mat<rational> H;
  std::vector<rational> lambda;
};

Case random_case(Method m) {
  Case c;
  c.p = random_parameters(m);
  const int n = 2;
  const Mat<rational> Q = *gen::orthogonal_rational(n);
  Mat<rational> D = Mat<rational>::Zero(n, n);
  for (int i = 0; i < n; ++i) {
    c.lambda.push_back(*gen::rational_in(-20, 20, 4));
    D(i, i) = c.lambda.back();
  }
  c.H = Q * D * Q.transpose();
  return c;
}

void check_case(const Case& c) {
  const Method m = c.p.method;
  const int n = static_cast<int>(c.H.rows());
  const Hyper<mp50> h = hyper_in<mp50>(c.p);
  const auto map = make_step_map(m, h, QuadraticGradient<mp50>{gen::round_matrix<mp50>(c.H)}, n);
  Vec<mp50> x(n);
  x << mp50(1) / 3, mp50(-2) / 7;
  const Vec<mp50> z = state_at(m, h, x);
  const Mat<mp50> J = ad::jacobian(map, z);
  const auto f = test::thesis_closed_form(m, c.p);
  std::vector<mp50> lm;
  std::vector<interval> li;
  for (const auto& l : c.lambda) {
    lm.push_back(round_to<mp50>(l));
    li.push_back(round_to<interval>(l));
  }
  // closed form vs numeric eigenvalues of the autodiff Jacobian
  const Eigensystem<mp50> es = eigensystem<mp50>(J);
  const std::vector<std::complex<mp50>> numeric(es.values.data(), es.values.data() + es.values.size());
  const mp50 d = test::max_distance(numeric, test::closed_eigenvalues(f, lm));
  RC_ASSERT(d <= test::agreement_tolerance(J));
  // closed form (interval) vs the block's entries
  for (const auto& l : li) RC_ASSERT(test::closed_form_matches_block(m, c.p, f, l));
  // certified enclosures of the interval Jacobian
  const Hyper<interval> hi = hyper_in<interval>(c.p);
  const auto imap = make_step_map(m, hi, QuadraticGradient<interval>{gen::round_matrix<interval>(c.H)}, n);
  Vec<interval> xi(n);
  xi << interval(1) / 3, interval(-2) / 7;
  const Mat<interval> JI = ad::jacobian(imap, state_at(m, hi, xi));
  const EigenEnclosures enc = enclose_eigenvalues(JI, to_interval(es));
  // Defective blocks (a double root: exact zero discriminant) may not be certified.
  bool defective = false;
  if (m != Method::gd) {
    const Hyper<rational> hq = hyper_in<rational>(c.p);
    for (const auto& l : c.lambda) {
      const rational tr = closed_trace(m, hq, l), det = closed_determinant(m, hq, l);
      defective = defective || tr * tr - 4 * det == 0;
    }
  }
  RC_CLASSIFY(!enc.certified, "not certified (defective block)");
  if (!defective) RC_ASSERT(enc.certified);
  if (enc.certified) RC_ASSERT(test::closed_form_inside_enclosures(f, li, enc));
}

class JacobianProperty : public ::testing::TestWithParam<Method> {};

TEST_P(JacobianProperty, ClosedFormAutodiffAndEnclosuresAgree) {
  const Method m = GetParam();
  EXPECT_TRUE(check_limited(std::string("spectrum agreement for ") + to_string(m), 15, [m] { check_case(random_case(m)); }));
}

INSTANTIATE_TEST_SUITE_P(AllMethods, JacobianProperty,
                         ::testing::Values(Method::gd, Method::hb, Method::nag, Method::inna, Method::din),
                         [](const auto& info) { return std::string(to_string(info.param)); });

// A fixed case for the mutants: INNA (1/2, 1/10, 1/100) on diag(-8, 2) (saddle toy).
Case fixed_case() {
  Case c;
  c.p = validate(Method::inna, {"0.5", "0.1", "0.01"});
  c.lambda = {rational(-8), rational(2)};
  c.H = Mat<rational>::Zero(2, 2);
  c.H(0, 0) = c.lambda[0];
  c.H(1, 1) = c.lambda[1];
  return c;
}

TEST(JacobianMutants, TheUnbrokenFixedCasePasses) {
  EXPECT_TRUE(check_limited("fixed inna case", 1, [] { check_case(fixed_case()); }));
}

// MUTANT: the INNA step map with the sign of the gradient term flipped (+ beta v).
struct FlippedInnaMap {
  Hyper<mp50> h;
  QuadraticGradient<mp50> grad;
  template <class T>
  Vec<T> operator()(const Vec<T>& z) const {
    const int n = static_cast<int>(z.size() / 2);
    const Vec<T> th = z.head(n), ps = z.tail(n);
    const Vec<T> g = grad(th);
    Vec<T> out(2 * n);
    const mp50 a = mp50(1) / h.beta - h.alpha, ib = mp50(1) / h.beta;
    for (int i = 0; i < n; ++i) {
      const T t = a * th[i] - ib * ps[i];
      out[i] = th[i] + h.gamma * (t + h.beta * g[i]);
      out[n + i] = ps[i] + h.gamma * t;
    }
    return out;
  }
};

TEST(JacobianMutants, MutatedStepMapFailsTheAgreementCheck) {
  const Case c = fixed_case();
  const Hyper<mp50> h = hyper_in<mp50>(c.p);
  const FlippedInnaMap bad{h, {gen::round_matrix<mp50>(c.H)}};
  Vec<mp50> z(4);
  z << mp50(1), mp50(2), mp50(3), mp50(4);
  const Mat<mp50> J = ad::jacobian(bad, z);
  const auto f = test::thesis_closed_form(Method::inna, c.p);
  const mp50 d = test::max_distance(test::jacobian_eigenvalues(bad, z),
                                    test::closed_eigenvalues(f, {mp50(-8), mp50(2)}));
  EXPECT_GT(d, test::agreement_tolerance(J));
  // ... while the real map agrees.
  const auto good = make_step_map(Method::inna, h, QuadraticGradient<mp50>{gen::round_matrix<mp50>(c.H)}, 2);
  EXPECT_LE(test::max_distance(test::jacobian_eigenvalues(good, z), test::closed_eigenvalues(f, {mp50(-8), mp50(2)})),
            test::agreement_tolerance(ad::jacobian(good, z)));
}

// MUTANT: the INNA closed form with the discriminant's 4 lambda sign flipped.
TEST(JacobianMutants, WrongClosedFormFailsAgreementAndEnclosureChecks) {
  const Case c = fixed_case();
  const Hyper<mp50> h = hyper_in<mp50>(c.p);
  const Hyper<interval> hi = hyper_in<interval>(c.p);
  test::ClosedFormFns bad;
  bad.mp = [h](const mp50& l) {
    const mp50 s = h.alpha + h.beta * l;
    return pair_from(mp50(1 - h.gamma * s / 2), h.gamma, mp50(s * s + 4 * l));
  };
  bad.iv = [hi](const interval& l) {
    const interval s = hi.alpha + hi.beta * l;
    return pair_from(interval(interval(1) - hi.gamma * s / 2), hi.gamma, interval(s * s + interval(4) * l));
  };
  const auto map = make_step_map(Method::inna, h, QuadraticGradient<mp50>{gen::round_matrix<mp50>(c.H)}, 2);
  Vec<mp50> z = state_at(Method::inna, h, Vec<mp50>(Vec<mp50>::Zero(2)));
  const Mat<mp50> J = ad::jacobian(map, z);
  EXPECT_GT(test::max_distance(test::jacobian_eigenvalues(map, z), test::closed_eigenvalues(bad, {mp50(-8), mp50(2)})),
            test::agreement_tolerance(J));
  const auto imap = make_step_map(Method::inna, hi, QuadraticGradient<interval>{gen::round_matrix<interval>(c.H)}, 2);
  const Mat<interval> JI = ad::jacobian(imap, state_at(Method::inna, hi, Vec<interval>(Vec<interval>::Zero(2))));
  const EigenEnclosures enc = enclose_eigenvalues(JI, to_interval(eigensystem<mp50>(J)));
  ASSERT_TRUE(enc.certified) << enc.reason;
  EXPECT_FALSE(test::closed_form_inside_enclosures(bad, {interval(-8), interval(2)}, enc));
  EXPECT_TRUE(test::closed_form_inside_enclosures(test::thesis_closed_form(Method::inna, c.p),
                                                  {interval(-8), interval(2)}, enc));
}

// The enclosure refuses a defective matrix (a Jordan block) instead of claiming a proof.
TEST(Enclosure, DefectiveMatrixIsNotCertifiedOrGivesAValidCluster) {
  Mat<interval> A(2, 2);
  A << interval(1), interval(1), interval(0), interval(1);
  Mat<mp50> Am(2, 2);
  Am << mp50(1), mp50(1), mp50(0), mp50(1);
  const EigenEnclosures enc = enclose_eigenvalues(A, to_interval(eigensystem<mp50>(Am)));
  if (enc.certified) {  // then the boxes must contain the true double eigenvalue 1
    for (const auto& b : enc.boxes) EXPECT_TRUE(contains(b.re, rational(1)) && contains(b.im, rational(0)));
  } else {
    EXPECT_FALSE(enc.reason.empty());
  }
}

}  // namespace
