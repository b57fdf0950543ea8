// Lipschitz constants of grad f on a box: sampled lower bound, power iteration through
// Hessian-vector products, certified interval upper bound, the claim check, and the
// fork isolation that keeps an aborting interval evaluation from killing the program.
// Mutants: a too-small claimed constant is refuted; a defective Hessian enclosure (half
// the true Hessian) is caught as inconsistent with the certified lower bound.
#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/string_io.hpp"
#include "analysis/problems/problem.hpp"
#include "analysis/spectra/isolation.hpp"
#include "analysis/spectra/lipschitz.hpp"

namespace {

using namespace ov;
using namespace ov::spectra;

Mat<mp50> diag24() {
  Mat<mp50> H = Mat<mp50>::Zero(2, 2);
  H(0, 0) = 2;
  H(1, 1) = 4;
  return H;
}
Mat<interval> diag24_interval(const Vec<interval>&) {
  Mat<interval> H = Mat<interval>::Zero(2, 2);
  H(0, 0) = interval(2);
  H(1, 1) = interval(4);
  return H;
}

TEST(Lipschitz, ConstantHessianAllThreeBounds) {
  const std::vector<double> lo{-1, -1}, hi{1, 1};
  const LipschitzLower s = sampled_lipschitz([](const Vec<mp50>&) { return diag24(); }, lo, hi, 8, 7);
  EXPECT_EQ(s.value, mp50(4));
  const PowerEstimate p = power_iteration([](const Vec<mp50>& v) { return Vec<mp50>(diag24() * v); }, 2, 500,
                                          constant<mp50>("1e-30"), 3);
  EXPECT_TRUE(p.converged);
  EXPECT_LE(abs(p.value - 4), constant<mp50>("1e-25"));
  EXPECT_LE(p.value, mp50(4));  // ||H v|| <= ||H|| for a unit v
  const LipschitzUpper u = certified_lipschitz(diag24_interval, lo, hi);
  ASSERT_TRUE(u.certified) << u.reason;
  EXPECT_TRUE(contains(u.upper, rational(4)));  // the max-row-sum bound is exact here
  Vec<mp50> e2(2);
  e2 << mp50(0), mp50(1);
  const interval cl = certified_lower_at(diag24_interval({}), e2);
  EXPECT_EQ(check_lipschitz_claim(rational(4), u, cl), Tribool::yes);
  EXPECT_EQ(check_lipschitz_claim(rational(9, 2), u, cl), Tribool::yes);
}

// MUTANT: a wrong (too small) claimed constant is refuted by the certified lower bound.
TEST(Lipschitz, MutantTooSmallClaimIsRefuted) {
  const LipschitzUpper u = certified_lipschitz(diag24_interval, {-1, -1}, {1, 1});
  Vec<mp50> e2(2);
  e2 << mp50(0), mp50(1);
  EXPECT_EQ(check_lipschitz_claim(rational(3), u, certified_lower_at(diag24_interval({}), e2)), Tribool::no);
}

// MUTANT: an enclosure of half the Hessian (a defective interval Hessian) gives an
// "upper bound" below a certified lower bound: the check reports the inconsistency.
TEST(Lipschitz, MutantDefectiveEnclosureIsCaught) {
  const auto half = [](const Vec<interval>& b) { return Mat<interval>(diag24_interval(b) / interval(2)); };
  const LipschitzUpper u = certified_lipschitz(half, {-1, -1}, {1, 1});
  ASSERT_TRUE(u.certified);
  Vec<mp50> e2(2);
  e2 << mp50(0), mp50(1);
  EXPECT_THROW(check_lipschitz_claim(rational(4), u, certified_lower_at(diag24_interval({}), e2)), std::logic_error);
}

TEST(Lipschitz, CasteraQuadraticDocumentedConstant) {
  const problems::Problem p = problems::make_problem("castera_quadratic");
  const auto& i = p.info();
  const LipschitzUpper u = certified_lipschitz(p, i.box_lo, i.box_hi, {4, 16});
  ASSERT_TRUE(u.certified) << u.reason;
  EXPECT_EQ(check_lipschitz_claim(constant<rational>(*i.lipschitz), u, interval(0)), Tribool::yes);
  const LipschitzLower s = sampled_lipschitz(p, i.box_lo, i.box_hi, 4, 1);
  EXPECT_EQ(s.value, mp50(4));
}

TEST(Lipschitz, RosenbrockBoundsAreOrdered) {
  const problems::Problem p = problems::make_problem("rosenbrock");
  const auto& i = p.info();
  const LipschitzLower s = sampled_lipschitz(p, i.box_lo, i.box_hi, 64, 11);
  const LipschitzLower s2 = sampled_lipschitz(p, i.box_lo, i.box_hi, 64, 11);
  EXPECT_EQ(s.value, s2.value);  // same seed, same result
  Vec<mp50> x(2);
  x << mp50(s.argmax[0]), mp50(s.argmax[1]);
  const PowerEstimate pw = power_iteration(p, x, 200, 5);
  EXPECT_TRUE(pw.converged);
  // At the sample's argmax the power estimate equals ||H(x)||_2 = s.value (1e-25 relative).
  EXPECT_LE(abs(pw.value - s.value), constant<mp50>("1e-25") * s.value);
  const LipschitzUpper u = certified_lipschitz(p, i.box_lo, i.box_hi, {10, 128});
  ASSERT_TRUE(u.certified) << u.reason;
  EXPECT_LE(mp50(s.value), mp50(lower(u.upper)));
  EXPECT_LE(mp50(lower(u.upper)), 2 * s.value);  // the enclosure is not wildly loose
  std::string why;
  const interval cl = certified_lower_at(p, {ov::to_string(s.argmax[0]), ov::to_string(s.argmax[1])}, pw.vector, &why);
  ASSERT_TRUE(why.empty()) << why;
  EXPECT_LE(mp50(upper(cl)), mp50(lower(u.upper)));
  EXPECT_EQ(check_lipschitz_claim(upper_rational(u.upper), u, cl), Tribool::yes);
  EXPECT_EQ(check_lipschitz_claim(lower_rational(cl) / 2, u, cl), Tribool::no);
}

TEST(Lipschitz, NonC2ProblemIsRefusedWithItsName) {
  const problems::Problem p = problems::make_problem("abs_power");
  try {
    certified_lipschitz(p, {-1}, {1});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("abs_power"), std::string::npos);
  }
}

TEST(Isolation, AbortIsReportedNotFatal) {
  const IsolatedResult ok = run_isolated([] { return std::string("fine"); });
  EXPECT_TRUE(ok.ok);
  EXPECT_EQ(ok.payload, "fine");
  const IsolatedResult thrown = run_isolated([]() -> std::string { throw std::runtime_error("boom"); });
  EXPECT_FALSE(thrown.ok);
  EXPECT_EQ(thrown.failure, "boom");
  const IsolatedResult aborted = run_isolated([]() -> std::string { std::abort(); });
  EXPECT_FALSE(aborted.ok);
  EXPECT_NE(aborted.failure.find("signal"), std::string::npos);
}

}  // namespace
