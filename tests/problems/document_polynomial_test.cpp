// Document families that are (piecewise) rational: exact values in `rational` at
// hand-derived points (values computed independently with Python's fractions and
// by hand), exact analytic-vs-autodiff derivatives, parameter validation, and one
// mutation per family that the value check must reject.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/problems/problem.hpp"
#include "tests/problems/document_test_support.hpp"

namespace ov::problems {
namespace {

using testing::first_mismatch_exact;
using testing::ValueCase;
using testing::ValueFn;
using testing::vec_of;

struct RationalFamilyCase {
  std::string name;
  Params params;
  std::vector<ValueCase> values;
  ValueFn<rational> mutant;  // a plausible wrong formula
};

rational sq(const rational& v) { return v * v; }

std::vector<RationalFamilyCase> rational_cases() {
  const std::vector<std::string> p1 = {"1/2"}, p2 = {"-3"}, p3 = {"7/5"};
  const std::vector<std::string> q1 = {"1/2", "-1/3"}, q2 = {"3", "2/7"}, q3 = {"-5/4", "7/5"};
  using V = Vec<rational>;
  return {
      {"square", {}, {{p1, "1/4"}, {p2, "9"}, {p3, "49/25"}}, [](const V& x) { return rational(2) * x[0] * x[0] / 2 + x[0] / 1000; }},
      {"cube", {}, {{p1, "1/8"}, {p2, "-27"}, {p3, "343/125"}, {{"0"}, "0"}}, [](const V& x) { return x[0] * x[0] * abs(x[0]); }},
      {"cubic_linear", {}, {{p1, "-11/8"}, {p2, "-18"}, {p3, "-182/125"}, {{"1"}, "-2"}, {{"-1"}, "2"}},
       [](const V& x) { return x[0] * x[0] * x[0] + rational(3) * x[0]; }},  // sign of a flipped
      {"cubic_linear", {{"a", "5/2"}}, {{p1, "11/8"}, {p2, "-69/2"}, {p3, "1561/250"}},
       [](const V& x) { return x[0] * x[0] * x[0] + rational(5, 3) * x[0]; }},
      {"abs", {}, {{p1, "1/2"}, {p2, "3"}, {p3, "7/5"}, {{"0"}, "0"}}, [](const V& x) { return x[0]; }},  // forgot |.|
      {"smoothed_abs", {}, {{p1, "1/2"}, {p2, "3"}, {{"1/20"}, "1/16"}, {{"-1/10"}, "1/10"}, {{"0"}, "1/20"}},
       [](const V& x) {  // C^0 smoothing without the eps/2 offset
         return abs(x[0]) >= rational(1, 10) ? rational(abs(x[0])) : rational(x[0] * x[0] * 5);
       }},
      {"smoothed_abs", {{"eps", "2"}}, {{p1, "17/16"}, {p2, "3"}, {{"0"}, "1"}},
       [](const V& x) { return abs(x[0]) >= 2 ? rational(abs(x[0])) : rational(x[0] * x[0] / 2 + 1); }},
      {"ring", {}, {{q1, "529/1296"}, {q2, "156816/2401"}, {q3, "1018081/160000"}, {{"3/5", "4/5"}, "0"}, {{"0", "0"}, "1"}},
       [](const V& x) { return sq(x[0] * x[0] + x[1] * x[1] - 1) + x[0] * x[1] / 1000000; }},
      {"double_well", {}, {{q1, "16/81"}, {q2, "21515/2401"}, {q3, "15429/10000"}, {{"0", "1"}, "-1/4"}},
       [](const V& x) { return x[0] * x[0] + sq(sq(x[1])) / 4 - sq(x[1]); }},  // y^2/2 -> y^2
      {"nesterov_example", {}, {{q1, "65/162"}, {q2, "43038/2401"}, {q3, "25033/5000"}, {{"0", "0"}, "0"}},
       [](const V& x) { return 2 * x[1] * x[1] + sq(sq(x[0])) - sq(x[0]); }},  // x1 <-> x2 (garbled slide)
      {"castera_quartic", {}, {{q1, "-119/144"}, {q2, "2209/49"}, {q3, "-11831/6400"}, {{"0", "0"}, "0"}},
       [](const V& x) { return sq(sq(x[0])) - 4 * sq(x[0]) + 2 * sq(x[1]); }},
      {"castera_quadratic", {}, {{q1, "17/36"}, {q2, "449/49"}, {q3, "2193/400"}},
       [](const V& x) { return 2 * sq(x[0]) + sq(x[1]); }},  // weights swapped
  };
}

TEST(DocumentPolynomial, ExactValuesAndMutationsRejected) {
  for (const auto& c : rational_cases()) {
    SCOPED_TRACE(c.name);
    const Problem p = make_problem(c.name, c.params);
    ASSERT_TRUE(p.info().rational_exact);
    const auto& e = p.in<rational>();
    const ValueFn<rational> f = [&e](const Vec<rational>& x) { return e.value(x); };
    EXPECT_EQ(first_mismatch_exact(f, c.values), "");
    // The same check must reject the mutated formula.
    EXPECT_NE(first_mismatch_exact(c.mutant, c.values), "");
  }
}

// Analytic gradient and Hessian equal forward-mode autodiff exactly in `rational` at the
// value-table points and a few more (exact arithmetic: no tolerance).
TEST(DocumentPolynomial, AnalyticDerivativesEqualAutodiffExactly) {
  for (const auto& c : rational_cases()) {
    SCOPED_TRACE(c.name);
    const Problem p = make_problem(c.name, c.params);
    const auto& e = p.in<rational>();
    for (const auto& v : c.values) {
      const Vec<rational> x = vec_of<rational>(v.x);
      EXPECT_EQ(e.gradient(x), e.autodiff_gradient(x));
      EXPECT_EQ(e.hessian(x), e.autodiff_hessian(x));
    }
  }
}

TEST(DocumentPolynomial, ComparisonRejectsAWrongGradient) {
  // The exact comparison used above sees a one-ulp-free change of a single entry.
  const Problem p = make_problem("nesterov_example");
  const auto& e = p.in<rational>();
  const Vec<rational> x = vec_of<rational>({"1/2", "-1/3"});
  Vec<rational> wrong = e.gradient(x);
  wrong[1] += rational(1, 1000000);
  EXPECT_NE(wrong, e.autodiff_gradient(x));
}

TEST(DocumentPolynomial, RingCircleIsCriticalExactly) {
  const Problem p = make_problem("ring");
  const auto& e = p.in<rational>();
  for (const auto& pt : std::vector<std::vector<std::string>>{{"1", "0"}, {"0", "1"}, {"3/5", "4/5"}, {"-4/5", "3/5"},
                                                               {"-5/13", "-12/13"}, {"20/29", "-21/29"}}) {
    const Vec<rational> x = vec_of<rational>(pt);
    EXPECT_EQ(e.value(x), 0);
    EXPECT_TRUE(e.gradient(x).isZero());
    // Hessian 8 x x^T: rank one, so the minima are degenerate (non-isolated).
    const Mat<rational> h = e.hessian(x);
    EXPECT_EQ(h(0, 0) * h(1, 1) - h(0, 1) * h(1, 0), 0);
    EXPECT_EQ(h(0, 0) + h(1, 1), 8);
  }
  // A point just off the circle is not critical.
  EXPECT_FALSE(e.gradient(vec_of<rational>({"3/5", "801/1000"})).isZero());
}

TEST(DocumentPolynomial, CubicLinearIsMorseCubeIsNot) {
  // f'' = 6x at the critical points +-sqrt(-a/3): nonzero for a != 0 (000 L121); for x^3, f''(0) = 0.
  const Problem morse = make_problem("cubic_linear", {{"a", "-12"}});
  const auto& e = morse.in<rational>();
  for (const char* c : {"2", "-2"}) {
    const Vec<rational> x = vec_of<rational>({c});
    EXPECT_EQ(e.gradient(x)[0], 0);
    EXPECT_NE(e.hessian(x)(0, 0), 0);
  }
  const Problem cube = make_problem("cube");
  const Vec<rational> z = vec_of<rational>({"0"});
  EXPECT_EQ(cube.in<rational>().gradient(z)[0], 0);
  EXPECT_EQ(cube.in<rational>().hessian(z)(0, 0), 0);
}

TEST(DocumentPolynomial, SmoothedAbsIsC1AtTheJoints) {
  // f and f' agree from both sides at x = +-eps (exact): f(eps) = eps, f'(eps) = 1.
  const Problem p = make_problem("smoothed_abs", {{"eps", "3/7"}});
  const auto& e = p.in<rational>();
  const rational eps(3, 7), h(1, 1000000000);
  for (int s : {1, -1}) {
    const Vec<rational> at = vec_of<rational>({(s > 0 ? "3/7" : "-3/7")});
    Vec<rational> in = at;
    in[0] -= s * h;
    EXPECT_EQ(e.value(at), eps);
    EXPECT_EQ(e.gradient(at)[0], s);
    // inside: value and slope from the quadratic piece
    EXPECT_EQ(e.value(in), in[0] * in[0] / (2 * eps) + eps / 2);
    EXPECT_EQ(e.gradient(in)[0], in[0] / eps);
  }
  // Example 2.15's orbit (guide C24): eps = 1/10, delta0 = 1/2, z0 = 1/5 -> -3/10 -> 1/5, exactly.
  const Problem q = make_problem("smoothed_abs");
  const auto& eq = q.in<rational>();
  Vec<rational> z = vec_of<rational>({"1/5"});
  const rational delta0(1, 2);
  z -= delta0 * eq.gradient(z);
  EXPECT_EQ(z[0], rational(-3, 10));
  z -= delta0 * eq.gradient(z);
  EXPECT_EQ(z[0], rational(1, 5));
}

TEST(DocumentPolynomial, AbsGradientIsTheMinimalNormSubgradientAtZero) {
  const Problem p = make_problem("abs");
  const auto& e = p.in<rational>();
  EXPECT_EQ(e.gradient(vec_of<rational>({"0"}))[0], 0);
  EXPECT_EQ(e.autodiff_gradient(vec_of<rational>({"0"}))[0], 0);
  EXPECT_EQ(e.gradient(vec_of<rational>({"-1/3"}))[0], -1);
  EXPECT_EQ(e.gradient(vec_of<rational>({"1/3"}))[0], 1);
}

TEST(DocumentPolynomial, ParameterValidationNamesParameterAndRange) {
  auto message = [](const char* name, const Params& o) -> std::string {
    try {
      make_problem(name, o);
    } catch (const std::invalid_argument& e) {
      return e.what();
    }
    return "";
  };
  EXPECT_NE(message("smoothed_abs", {{"eps", "0"}}).find("'eps'"), std::string::npos);
  EXPECT_NE(message("smoothed_abs", {{"eps", "-1/2"}}).find("> 0"), std::string::npos);
  EXPECT_NE(message("cubic_linear", {{"a", "0"}}).find("'a'"), std::string::npos);
  EXPECT_NE(message("cubic_linear", {{"a", "0"}}).find("nonzero"), std::string::npos);
  EXPECT_NE(message("abs_power", {{"gamma", "1"}}).find("(0, 1)"), std::string::npos);
  EXPECT_NE(message("abs_power", {{"gamma", "0"}}).find("'gamma'"), std::string::npos);
  EXPECT_NE(message("ring", {{"r", "2"}}).find("takes none"), std::string::npos);
  EXPECT_EQ(message("smoothed_abs", {{"eps", "1/1000"}}), "");
  EXPECT_EQ(message("cubic_linear", {{"a", "7"}}), "");
}

TEST(DocumentPolynomial, CubicLinearCriticalPointsFollowTheSignOfA) {
  EXPECT_EQ(make_problem("cubic_linear").info().critical_points.size(), 2u);
  EXPECT_TRUE(make_problem("cubic_linear", {{"a", "1/2"}}).info().critical_points.empty());
}

}  // namespace
}  // namespace ov::problems
