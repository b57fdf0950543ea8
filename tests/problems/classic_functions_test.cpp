// The classic test functions of catalog_classics.hpp: values at known points (exact
// in rational where the function is rational), every listed critical point
// (Newton-refined in mp100, gradient < 1e-90, Hessian inertia = stated kind), f*,
// parameter validation; each check is also run on a mutated formula and must fail.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/problems/problem.hpp"
#include "tests/problems/classic_test_support.hpp"

namespace ov::classic_test {
namespace {

using problems::make_problem;

struct ValueCase {
  std::vector<std::string> x;
  std::string expected;  // constant expression
};

// Exact: f(x) == expected in rational for every case.
bool rational_values_match(const ValueFn<rational>& f, const std::vector<ValueCase>& cases) {
  for (const auto& c : cases)
    if (f(vec_of<rational>(c.x)) != constant<rational>(c.expected)) return false;
  return true;
}
// mp100: |f(x) - expected| <= 1e-90 max(1, |expected|). The functions below use a few
// dozen correctly rounded mp100 operations (eps100 ~ 1e-100), so 1e-90 leaves a wide margin
// while any formula change of relative size > 1e-90 is caught.
bool mp_values_match(const ValueFn<mp100>& f, const std::vector<ValueCase>& cases) {
  for (const auto& c : cases)
    if (!close(f(vec_of<mp100>(c.x)), constant<mp100>(c.expected), mp100("1e-90"))) return false;
  return true;
}

template <class T>
ValueFn<T> value_of_problem(const Problem& p) {
  const auto& e = p.in<T>();
  return [&e](const Vec<T>& x) { return e.value(x); };
}

struct RationalFamilyCase {
  std::string name;
  Params overrides;
  std::vector<ValueCase> cases;
  ValueFn<rational> mutant;  // the same function with one formula change
};

std::vector<RationalFamilyCase> rational_cases() {
  using R = rational;
  using V = Vec<R>;
  return {
      {"booth", {}, {{{"0", "0"}, "74"}, {{"1", "3"}, "0"}},
       [](const V& x) { R u = x[0] + 2 * x[1] - 7, v = 2 * x[0] + x[1] - 6; return R(u * u + v * v); }},
      {"beale", {}, {{{"2", "-1"}, "845/64"}, {{"3", "1/2"}, "0"}, {{"0", "1"}, "909/64"}},
       [](const V& x) {
         R r1 = R(3, 2) - x[0] + x[0] * x[1], r2 = R(9, 4) - x[0] + x[0] * x[1] * x[1],
           r3 = R(5, 2) - x[0] + x[0] * x[1] * x[1] * x[1];
         return R(r1 * r1 + r2 * r2 + r3 * r3);
       }},
      {"himmelblau", {}, {{{"0", "0"}, "170"}, {{"3", "2"}, "0"}},
       [](const V& x) { R u = x[0] * x[0] + x[1] - 10, v = x[0] + x[1] * x[1] - 7; return R(u * u + v * v); }},
      {"matyas", {}, {{{"1", "2"}, "17/50"}, {{"0", "0"}, "0"}},
       [](const V& x) { return R(R(26, 100) * (x[0] * x[0] + x[1] * x[1]) - R(1, 2) * x[0] * x[1]); }},
      {"three_hump_camel", {}, {{{"1", "1"}, "187/60"}, {{"-1", "2"}, "2 - 1.05 + 1/6 - 2 + 4"}},
       [](const V& x) {
         R x2 = x[0] * x[0];
         return R(2 * x2 - R(105, 100) * x2 * x2 + x2 * x2 * x2 / 5 + x[0] * x[1] + x[1] * x[1]);
       }},
      {"styblinski_tang", {{"n", "2"}}, {{{"1", "-1"}, "-15"}, {{"1", "1"}, "-10"}},
       [](const V& x) {
         R s(0);
         for (int k = 0; k < 2; ++k) s += x[k] * x[k] * x[k] * x[k] - 16 * x[k] * x[k] + 6 * x[k];
         return R(s / 2);
       }},
      {"wood", {}, {{{"0", "0", "0", "0"}, "42"}, {{"1", "1", "1", "1"}, "0"}},
       [](const V& x) {
         R a = x[0] * x[0] - x[1], d = x[2] * x[2] - x[3], u = x[1] - 1, v = x[3] - 1;
         return R(100 * a * a + (x[0] - 1) * (x[0] - 1) + (x[2] - 1) * (x[2] - 1) + 90 * d * d +
                  R(101, 10) * (u * u + v * v) + 20 * u * v);
       }},
      {"rosenbrock", {}, {{{"0", "0"}, "1"}, {{"2", "1"}, "901"}, {{"1", "1"}, "0"}},
       [](const V& x) { R u = 1 - x[0], v = x[1] - x[0] * x[0] * x[0]; return R(u * u + 100 * v * v); }},
      {"rosenbrock_nd", {{"n", "3"}}, {{{"0", "0", "0"}, "2"}, {{"-1", "1", "1"}, "4"}, {{"1", "1", "1"}, "0"}},
       [](const V& x) {
         R s(0);
         for (int k = 0; k < 3; ++k) {  // mutation: the last (1 - x_n)^2 term added
           if (k + 1 < 3) s += 100 * (x[k + 1] - x[k] * x[k]) * (x[k + 1] - x[k] * x[k]);
           s += (1 - x[k]) * (1 - x[k]);
         }
         return s;
       }},
      // L = 1, N = 10, gamma = 1, R = 1: tau = 1/21; f(1) = tau - tau^2/2 = 41/882.
      {"huber_gd_worst_case", {}, {{{"1"}, "41/882"}, {{"-1"}, "41/882"}, {{"1/42"}, "1/3528"}},
       [](const V& x) {
         R tau(1, 20);  // mutation: tau = R/(2 N h) instead of R/(2 N h + 1)
         R ax = abs(x[0]);
         return ax > tau ? R(tau * ax - tau * tau / 2) : R(x[0] * x[0] / 2);
       }},
  };
}

TEST(ClassicValues, RationalFunctionsAreExactAtKnownPoints) {
  for (const auto& c : rational_cases()) {
    SCOPED_TRACE(c.name);
    const Problem p = make_problem(c.name, c.overrides);
    ASSERT_TRUE(p.info().rational_exact);
    EXPECT_TRUE(rational_values_match(value_of_problem<rational>(p), c.cases));
    // Mutation: the changed formula misses at least one of the same exact values.
    EXPECT_FALSE(rational_values_match(c.mutant, c.cases));
  }
}

TEST(ClassicValues, TranscendentalFunctionsMatchMp100ClosedForms) {
  struct Case {
    std::string name;
    std::vector<ValueCase> cases;
    ValueFn<mp100> mutant;
  };
  using M = mp100;
  using V = Vec<M>;
  const M pi = constant<M>("pi");
  const std::vector<Case> all = {
      {"rastrigin", {{{"1/2", "0"}, "20.25"}, {{"0", "0"}, "0"}, {{"1", "-1"}, "2"}},
       [pi](const V& x) {
         M s(20);
         for (int k = 0; k < 2; ++k) s += x[k] * x[k] - 10 * cos(M(pi * x[k]));  // mutation: cos(pi x)
         return s;
       }},
      {"ackley", {{{"0", "0"}, "0"}, {{"1", "0"}, "0"}},  // second case replaced below
       [pi](const V& x) {
         M r = sqrt(M((x[0] * x[0] + x[1] * x[1]) / 2));
         return M(-20 * exp(M(-r / 4)) - exp(M((cos(M(2 * pi * x[0])) + cos(M(2 * pi * x[1]))) / 2)) +
                  constant<M>("e") + 20);  // mutation: 0.25 instead of 0.2
       }},
      {"mccormick", {{{"0", "0"}, "1"}, {{"1/2 - pi/3", "-1/2 - pi/3"}, "-sqrt(3)/2 - pi/3"}},
       [](const V& x) {
         M d = x[0] - x[1];
         return M(sin(M(x[0] + x[1])) + d * d - constant<M>("1.4") * x[0] + constant<M>("2.5") * x[1] + 1);
       }},
  };
  for (auto c : all) {
    SCOPED_TRACE(c.name);
    if (c.name == "ackley") {
      // f(1, 0) = -20 exp(-0.2 sqrt(1/2)) - exp((1 + 1)/2) + e + 20 = 20 - 20 exp(-sqrt(2)/10).
      c.cases[1].expected = "20 - 20 * " + (exp(M(-sqrt(M(2)) / 10))).str(110, std::ios_base::scientific);
    }
    const Problem p = make_problem(c.name);
    EXPECT_TRUE(mp_values_match(value_of_problem<mp100>(p), c.cases));
    EXPECT_FALSE(mp_values_match(c.mutant, c.cases));
  }
}

// Every listed critical point of these families: Newton-refined in mp100 from the listed
// digits it moves by < 1e-30, |grad| < 1e-90, and the Hessian inertia matches the kind.
TEST(ClassicCriticalPoints, AllListedPointsAreCriticalWithTheStatedKind) {
  const std::vector<std::pair<std::string, Params>> problems = {
      {"booth", {}},          {"beale", {}},          {"himmelblau", {}},        {"matyas", {}},
      {"mccormick", {}},      {"three_hump_camel", {}}, {"styblinski_tang", {{"n", "2"}}},
      {"styblinski_tang", {{"n", "3"}}}, {"rastrigin", {{"n", "3"}}}, {"wood", {}}, {"rosenbrock", {}},
      {"rosenbrock_nd", {{"n", "5"}}}, {"huber_gd_worst_case", {}}};
  for (const auto& [name, overrides] : problems) {
    const Problem p = make_problem(name, overrides);
    const auto& e = p.in<mp100>();
    GradFn<mp100> g = [&e](const Vec<mp100>& x) { return e.gradient(x); };
    HessFn<mp100> h = [&e](const Vec<mp100>& x) { return e.hessian(x); };
    ASSERT_FALSE(p.info().critical_points.empty()) << name;
    for (const auto& cp : p.info().critical_points) {
      std::string why;
      EXPECT_TRUE(critical_point_ok(g, h, cp.x, cp.kind, &why)) << name << " " << cp.x[0] << ": " << why;
    }
  }
}

TEST(ClassicCriticalPoints, ListedCountsAndFStar) {
  EXPECT_EQ(make_problem("himmelblau").info().critical_points.size(), 9u);
  EXPECT_EQ(make_problem("beale").info().critical_points.size(), 3u);
  EXPECT_EQ(make_problem("three_hump_camel").info().critical_points.size(), 5u);
  EXPECT_EQ(make_problem("wood").info().critical_points.size(), 3u);
  EXPECT_EQ(make_problem("styblinski_tang", {{"n", "3"}}).info().critical_points.size(), 27u);
  // f* is the value at the first listed (global) minimum, to 1e-90 in mp100 (after refinement).
  for (std::string name : {"himmelblau", "mccormick", "three_hump_camel", "styblinski_tang", "wood", "beale"}) {
    const Problem p = make_problem(name);
    const auto& e = p.in<mp100>();
    mp100 gn;
    Vec<mp100> x = newton([&e](const Vec<mp100>& v) { return e.gradient(v); },
                          [&e](const Vec<mp100>& v) { return e.hessian(v); },
                          vec_of<mp100>(p.info().critical_points[0].x), &gn);
    EXPECT_TRUE(close(e.value(x), constant<mp100>(*p.info().f_star), mp100("1e-90")))
        << name << ": " << e.value(x).str(40) << " vs " << *p.info().f_star;
    // Mutation: an f* wrong in the 80th digit is rejected.
    EXPECT_FALSE(close(e.value(x), constant<mp100>("(" + *p.info().f_star + ") + 1e-80"), mp100("1e-90"))) << name;
  }
}

// Mutations of the critical-point check: a gradient with a wrong coefficient moves
// Newton away from the listed digits, and a wrong kind is rejected.
TEST(ClassicCriticalPoints, CheckRejectsWrongGradientAndWrongKind) {
  const Problem p = make_problem("himmelblau");
  const auto& e = p.in<mp100>();
  HessFn<mp100> h = [&e](const Vec<mp100>& x) { return e.hessian(x); };
  GradFn<mp100> wrong = [](const Vec<mp100>& x) {  // -10.9 instead of -11
    mp100 u = x[0] * x[0] + x[1] - constant<mp100>("10.9"), v = x[0] + x[1] * x[1] - 7;
    Vec<mp100> g(2);
    g << 4 * x[0] * u + 2 * v, 2 * u + 4 * x[1] * v;
    return g;
  };
  const auto& cp = p.info().critical_points[1];  // an irrational minimum
  EXPECT_FALSE(critical_point_ok(wrong, h, cp.x, cp.kind));
  GradFn<mp100> g = [&e](const Vec<mp100>& x) { return e.gradient(x); };
  EXPECT_TRUE(critical_point_ok(g, h, cp.x, cp.kind));
  EXPECT_FALSE(critical_point_ok(g, h, cp.x, PointKind::strict_saddle));
  const auto& maxpt = p.info().critical_points[4];
  EXPECT_EQ(maxpt.kind, PointKind::maximum);
  EXPECT_FALSE(critical_point_ok(g, h, maxpt.x, PointKind::minimum));
}

// Analytic gradients and Hessians vs forward-mode autodiff at box points: exact in
// rational for rational functions; in mp100 within 1e-85 (a few hundred roundings).
TEST(ClassicDerivatives, AnalyticMatchesAutodiff) {
  const std::vector<std::pair<std::string, Params>> problems = {
      {"booth", {}},  {"beale", {}}, {"himmelblau", {}}, {"matyas", {}}, {"mccormick", {}},
      {"three_hump_camel", {}}, {"styblinski_tang", {{"n", "5"}}}, {"rastrigin", {{"n", "5"}}}, {"wood", {}},
      {"rosenbrock", {}}, {"rosenbrock_nd", {{"n", "6"}}}, {"huber_gd_worst_case", {}}};
  const std::vector<double> fractions = {0.13, 0.71, 0.42};
  for (const auto& [name, overrides] : problems) {
    SCOPED_TRACE(name);
    const Problem p = make_problem(name, overrides);
    const auto& info = p.info();
    for (double f : fractions) {
      std::vector<std::string> coords;
      for (int k = 0; k < info.dim; ++k) {
        double t = std::fmod(f * (k + 1) * 1.618, 1.0);
        // As an exact fraction k/2^20 (decimal strings with a leading "0." are avoided on purpose).
        const double v = info.box_lo[k] + t * (info.box_hi[k] - info.box_lo[k]);
        coords.push_back(std::to_string(std::lround(std::ldexp(v, 20))) + "/1048576");
      }
      if (info.rational_exact) {
        const auto& e = p.in<rational>();
        Vec<rational> x = vec_of<rational>(coords);
        EXPECT_EQ(e.gradient(x), e.autodiff_gradient(x));
        EXPECT_EQ(e.hessian(x), e.autodiff_hessian(x));
      } else {
        const auto& e = p.in<mp100>();
        Vec<mp100> x = vec_of<mp100>(coords);
        EXPECT_LT(mp100((e.gradient(x) - e.autodiff_gradient(x)).cwiseAbs().maxCoeff()), mp100("1e-85"));
        EXPECT_LT(mp100((e.hessian(x) - e.autodiff_hessian(x)).cwiseAbs().maxCoeff()), mp100("1e-85"));
      }
    }
  }
}

// Mutation of the derivative check: a gradient with one wrong coefficient differs from
// autodiff exactly in rational.
TEST(ClassicDerivatives, WrongAnalyticGradientIsDetected) {
  const Problem p = make_problem("himmelblau");
  const auto& e = p.in<rational>();
  const Vec<rational> x = vec_of<rational>({"7/8", "-5/4"});
  Vec<rational> wrong = e.gradient(x);
  const rational u = x[0] * x[0] + x[1] - 11, v = x[0] + x[1] * x[1] - 7;
  wrong[1] = 2 * u + 3 * x[1] * v;  // 3 instead of 4
  EXPECT_EQ(e.gradient(x), e.autodiff_gradient(x));
  EXPECT_NE(wrong, e.autodiff_gradient(x));
}

// Parameter validation names the parameter; a valid value passes the same check.
bool throws_naming(const std::string& name, const Params& overrides, const std::string& key) {
  try {
    make_problem(name, overrides);
  } catch (const std::invalid_argument& e) {
    return std::string(e.what()).find("'" + key + "'") != std::string::npos;
  }
  return false;
}

TEST(ClassicParams, InvalidParametersAreRejectedByName) {
  EXPECT_TRUE(throws_naming("styblinski_tang", {{"n", "0"}}, "n"));
  EXPECT_TRUE(throws_naming("styblinski_tang", {{"n", "2.5"}}, "n"));
  EXPECT_TRUE(throws_naming("rastrigin", {{"A", "-1"}}, "A"));
  EXPECT_TRUE(throws_naming("rosenbrock", {{"b", "0"}}, "b"));
  EXPECT_TRUE(throws_naming("rosenbrock_nd", {{"n", "1"}}, "n"));
  EXPECT_TRUE(throws_naming("huber_gd_worst_case", {{"gamma", "2"}}, "gamma"));
  EXPECT_TRUE(throws_naming("huber_gd_worst_case", {{"N", "0"}}, "N"));
  EXPECT_TRUE(throws_naming("huber_gd_worst_case", {{"R", "-1"}}, "R"));
  // The check itself can fail: valid values do not throw.
  EXPECT_FALSE(throws_naming("styblinski_tang", {{"n", "4"}}, "n"));
  EXPECT_FALSE(throws_naming("huber_gd_worst_case", {{"gamma", "1/2"}}, "gamma"));
}

// The Drori-Teboulle construction: GD with step gamma from x0 = R reaches exactly
// f(x_N) = L R^2 / (4 N L gamma + 2) (exact rational arithmetic, several parameter sets).
rational gd_final_value(const ValueFn<rational>& f, const GradFn<rational>& g, rational x0, rational gamma, long N) {
  Vec<rational> x(1);
  x[0] = x0;
  for (long k = 0; k < N; ++k) x -= gamma * g(x);
  return f(x);
}

TEST(ClassicHuber, GradientDescentAttainsTheTightBoundExactly) {
  const std::vector<Params> sets = {{{"L", "1"}, {"N", "10"}, {"gamma", "1"}, {"R", "1"}},
                                    {{"L", "3"}, {"N", "4"}, {"gamma", "1/3"}, {"R", "1"}},
                                    {{"L", "2"}, {"N", "7"}, {"gamma", "1/5"}, {"R", "3/2"}}};
  for (const auto& s : sets) {
    const Problem p = make_problem("huber_gd_worst_case", s);
    const auto& e = p.in<rational>();
    ValueFn<rational> f = [&e](const Vec<rational>& x) { return e.value(x); };
    GradFn<rational> g = [&e](const Vec<rational>& x) { return e.gradient(x); };
    const rational L = s.get<rational>("L"), gamma = s.get<rational>("gamma"), R = s.get<rational>("R");
    const long N = s.get_int("N");
    const rational bound = L * R * R / (4 * N * L * gamma + 2);
    EXPECT_EQ(gd_final_value(f, g, R, gamma, N), bound) << s.text("L") << " " << s.text("N");
    // Mutation: one step fewer ends strictly above the bound.
    EXPECT_GT(gd_final_value(f, g, R, gamma, N - 1), bound);
  }
  // PEPit docstring values (anchors-optimizers.md §3): gamma = 1/L gives L/(4N + 2).
  EXPECT_EQ(rational(1) / (4 * 1 + 2), rational(1, 6));
}

}  // namespace
}  // namespace ov::classic_test
