// Transcendental document families, in mp100 against hand-derived closed forms
// (tolerance: testing::mp100_close, 1e-90 relative; see document_test_support.hpp),
// their documented special properties, and one mutation per family.
#include <gtest/gtest.h>

#include <boost/math/constants/constants.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "analysis/problems/problem.hpp"
#include "tests/problems/document_test_support.hpp"

namespace ov::problems {
namespace {

using testing::mp100_close;
using testing::ValueFn;
using testing::vec_of;

using V = Vec<mp100>;

mp100 q(long a, long b = 1) { return mp100(a) / mp100(b); }
V pt(mp100 a) {
  V v(1);
  v[0] = a;
  return v;
}
V pt(mp100 a, mp100 b) {
  V v(2);
  v[0] = a;
  v[1] = b;
  return v;
}

// A value check: f agrees with the closed form `ref` at every point.
bool agrees(const ValueFn<mp100>& f, const ValueFn<mp100>& ref, const std::vector<V>& points) {
  for (const auto& x : points)
    if (!mp100_close(f(x), ref(x))) return false;
  return true;
}

ValueFn<mp100> value_of_problem(const Problem& p) {
  const auto* e = &p.in<mp100>();
  return [e](const V& x) { return e->value(x); };
}

// ---------------------------------------------------------------- e^t
TEST(DocumentTranscendental, ExpValuesNoCriticalPointAndMutation) {
  const Problem p = make_problem("exp");
  const ValueFn<mp100> ref = [](const V& x) { return mp100(exp(x[0])); };
  const std::vector<V> pts = {pt(q(0)), pt(q(1, 2)), pt(q(-3)), pt(q(17, 4))};
  EXPECT_TRUE(agrees(value_of_problem(p), ref, pts));
  EXPECT_TRUE(mp100_close(p.value<mp100>(pt(q(0))), mp100(1)));
  const ValueFn<mp100> mutant = [](const V& x) { return mp100(exp(x[0]) - 1); };  // shifted: inf would be -1
  EXPECT_FALSE(agrees(mutant, ref, pts));
  // No critical point: f' = e^t > 0 (000 L119), also far out in the box and beyond.
  for (long t : {-40L, -5L, 0L, 5L}) EXPECT_GT(p.gradient<mp100>(pt(q(t)))[0], 0);
  EXPECT_TRUE(p.info().critical_points.empty());
  EXPECT_FALSE(p.info().f_star.has_value());
}

// ---------------------------------------------------------------- Mexican hat
// Polar form exactly as printed in 000 L247 (with atan2 for theta).
mp100 hat_polar(const V& x) {
  const mp100 r2 = x[0] * x[0] + x[1] * x[1];
  if (r2 >= 1) return mp100(0);
  const mp100 r = sqrt(r2), th = atan2(x[1], x[0]), s = 1 - r2;
  const mp100 r4 = r2 * r2;
  return (1 - 4 * r4 / (4 * r4 + s * s * s * s) * sin(th - 1 / s)) * exp(-1 / s);
}

TEST(DocumentTranscendental, MexicanHatMatchesThePolarFormula) {
  const Problem p = make_problem("mexican_hat");
  const std::vector<V> pts = {pt(q(1, 2), q(1, 3)),  pt(q(-3, 10), q(7, 10)), pt(q(-1, 5), q(-1, 7)),
                              pt(q(9, 10), q(-1, 4)), pt(q(1, 1000), q(0)),    pt(q(0), q(-99, 100))};
  EXPECT_TRUE(agrees(value_of_problem(p), hat_polar, pts));
  // Mutation: the twist with the opposite sign, sin(theta + 1/(1-r^2)).
  const ValueFn<mp100> mutant = [](const V& x) {
    V y = x;
    y[1] = -x[1];  // theta -> -theta turns sin(theta - c) into -sin(theta + c)
    return hat_polar(y);
  };
  EXPECT_FALSE(agrees(mutant, hat_polar, pts));
}

TEST(DocumentTranscendental, MexicanHatFlatOutsideAndOnTheUnitCircle) {
  const Problem p = make_problem("mexican_hat");
  const auto& e = p.in<mp100>();
  for (const V& x : {pt(q(1), q(0)), pt(q(3, 5), q(-4, 5)), pt(q(-5, 13), q(12, 13)), pt(q(2), q(3, 2))}) {
    EXPECT_EQ(e.value(x), 0);
    EXPECT_TRUE(e.gradient(x).isZero());
    EXPECT_TRUE(e.hessian(x).isZero());
  }
  // Just inside the circle f is positive but tiny: e^{-1/(1-r^2)} with 1 - r^2 = 1/100 ~ e^{-100}.
  const mp100 v = e.value(pt(sqrt(q(99, 100)), q(0)));
  EXPECT_GT(v, 0);
  EXPECT_LT(v, exp(mp100(-99)));
}

TEST(DocumentTranscendental, MexicanHatOriginIsALocalMaximum) {
  const Problem p = make_problem("mexican_hat");
  const auto& e = p.in<mp100>();
  const V o = pt(q(0), q(0));
  const mp100 inv_e = exp(mp100(-1));
  EXPECT_TRUE(mp100_close(e.value(o), inv_e));
  EXPECT_TRUE(e.gradient(o).isZero());
  const Mat<mp100> h = e.hessian(o);
  EXPECT_TRUE(mp100_close(h(0, 0), -2 * inv_e));
  EXPECT_TRUE(mp100_close(h(1, 1), -2 * inv_e));
  EXPECT_TRUE(mp100_close(h(0, 1), mp100(0)));
  // Continuity of the Hessian at the origin (f is C^2 there, C^3 in fact): the autodiff
  // Hessian at distance 1e-20 differs from -(2/e) I by O(r^2) + O(r) terms, < 1e-18.
  const Mat<mp100> hn = e.hessian(pt(constant<mp100>("1e-20"), constant<mp100>("-3e-21")));
  EXPECT_LT(abs(hn(0, 0) + 2 * inv_e), constant<mp100>("1e-18"));
  EXPECT_LT(abs(hn(0, 1)), constant<mp100>("1e-18"));
}

// ---------------------------------------------------------------- x^3 cos(1/x) + 2 y^3 sin(1/y)
mp100 oscillation_ref(const V& x) {
  const mp100 g = x[0] == 0 ? mp100(0) : mp100(x[0] * x[0] * x[0] * cos(1 / x[0]));
  const mp100 h = x[1] == 0 ? mp100(0) : mp100(2 * x[1] * x[1] * x[1] * sin(1 / x[1]));
  return g + h;
}

TEST(DocumentTranscendental, CubicOscillationValuesAndMutation) {
  const Problem p = make_problem("cubic_oscillation");
  const std::vector<V> pts = {pt(q(1, 2), q(1, 3)), pt(q(-2), q(5, 7)), pt(q(0), q(-1, 9)), pt(q(3, 100), q(0))};
  EXPECT_TRUE(agrees(value_of_problem(p), oscillation_ref, pts));
  // closed form at (1/2, 1/3): cos(2)/8 + (2/27) sin(3)
  EXPECT_TRUE(mp100_close(p.value<mp100>(pts[0]), cos(mp100(2)) / 8 + 2 * sin(mp100(3)) / 27));
  const ValueFn<mp100> mutant = [](const V& x) {  // cos and sin exchanged
    return mp100(x[0] * x[0] * x[0] * sin(1 / x[0]) + 2 * x[1] * x[1] * x[1] * cos(1 / x[1]));
  };
  EXPECT_FALSE(agrees(mutant, oscillation_ref, {pts[0], pts[1]}));
}

TEST(DocumentTranscendental, CubicOscillationIsC1ButNotC2AtTheAxes) {
  const Problem p = make_problem("cubic_oscillation");
  const auto& e = p.in<mp100>();
  // f_x(0, y) = 0: gradient and autodiff both 0, and the difference quotient h^2 cos(1/h) -> 0.
  EXPECT_TRUE(e.gradient(pt(q(0), q(0))).isZero());
  EXPECT_TRUE(e.autodiff_gradient(pt(q(0), q(0))).isZero());
  for (long k : {10L, 1000L, 100000L}) {
    const mp100 h = q(1, k);
    const mp100 dq = (e.value(pt(h, q(0))) - e.value(pt(q(0), q(0)))) / h;
    EXPECT_LE(abs(dq), h * h * (1 + testing::mp100_tolerance()));
  }
  // f_xx(1/(2 k pi)) = 6x - 2 k pi: unbounded as x -> 0 (autodiff Hessian, independent of the analytic one).
  const mp100 pi = boost::math::constants::pi<mp100>();
  for (long k : {10L, 1000L, 100000L}) {
    const mp100 x = 1 / (2 * k * pi);
    const Mat<mp100> h = e.autodiff_hessian(pt(x, q(1, 2)));
    EXPECT_TRUE(abs(h(0, 0) - (6 * x - 2 * k * pi)) < constant<mp100>("1e-80") * k);
    EXPECT_GT(abs(h(0, 0)), 2 * k * pi - 1);
  }
  // f_x(x, .)/x = 3x cos(1/x) + sin(1/x) takes values near +1 and -1 arbitrarily close to 0:
  // no second derivative at x = 0.
  for (long k : {100L, 10000L}) {
    const mp100 xp = 1 / (2 * k * pi + pi / 2), xm = 1 / (2 * k * pi - pi / 2);
    EXPECT_GT(e.gradient(pt(xp, q(0)))[0] / xp, mp100(1) - mp100(1) / 10);
    EXPECT_LT(e.gradient(pt(xm, q(0)))[0] / xm, mp100(-1) + mp100(1) / 10);
  }
}

// ---------------------------------------------------------------- x^2/2 + cos y
TEST(DocumentTranscendental, SaddleCosValuesHessiansAndMutation) {
  const Problem p = make_problem("saddle_cos");
  const ValueFn<mp100> ref = [](const V& x) { return mp100(x[0] * x[0] / 2 + cos(x[1])); };
  const std::vector<V> pts = {pt(q(1, 2), q(1, 3)), pt(q(-2), q(5)), pt(q(0), q(-7, 2))};
  EXPECT_TRUE(agrees(value_of_problem(p), ref, pts));
  const ValueFn<mp100> mutant = [](const V& x) { return mp100(x[0] * x[0] / 2 + sin(x[1])); };
  EXPECT_FALSE(agrees(mutant, ref, pts));
  const mp100 pi = boost::math::constants::pi<mp100>();
  const auto& e = p.in<mp100>();
  const Mat<mp100> hs = e.hessian(pt(q(0), 2 * pi)), hm = e.hessian(pt(q(0), -pi));
  EXPECT_TRUE(mp100_close(hs(1, 1), mp100(-1)));  // saddle at (0, 2k pi)
  EXPECT_TRUE(mp100_close(hm(1, 1), mp100(1)));   // minimum at (0, (2k+1) pi)
  EXPECT_TRUE(mp100_close(e.value(pt(q(0), -pi)), mp100(-1)));
}

// ---------------------------------------------------------------- |x|^(1+gamma)
TEST(DocumentTranscendental, AbsPowerValuesHoelderGradientAndMutation) {
  const Problem p = make_problem("abs_power");  // gamma = 1/2
  EXPECT_TRUE(mp100_close(p.value<mp100>(pt(q(1, 4))), q(1, 8)));
  EXPECT_TRUE(mp100_close(p.value<mp100>(pt(q(-9))), q(27)));
  const Problem p3 = make_problem("abs_power", {{"gamma", "1/3"}});
  const ValueFn<mp100> ref3 = [](const V& x) { return mp100(pow(abs(x[0]), q(4, 3))); };
  const std::vector<V> pts = {pt(q(-2)), pt(q(5, 7)), pt(q(1, 1000))};
  EXPECT_TRUE(agrees(value_of_problem(p3), ref3, pts));
  const ValueFn<mp100> mutant = [](const V& x) { return mp100(pow(abs(x[0]), q(3, 2))); };  // gamma ignored
  EXPECT_FALSE(agrees(mutant, ref3, pts));
  // f' = (1+g) sign(x) |x|^g; f'(0) = 0; f'(h)/h = (1+g) h^(g-1) -> infinity (not Lipschitz at 0).
  const auto& e = p.in<mp100>();
  EXPECT_TRUE(mp100_close(e.gradient(pt(q(-1, 4)))[0], q(-3, 4)));
  EXPECT_EQ(e.gradient(pt(q(0)))[0], 0);
  mp100 previous(0);
  for (long k : {100L, 10000L, 1000000L}) {
    const mp100 ratio = e.gradient(pt(q(1, k)))[0] * k;
    EXPECT_TRUE(mp100_close(ratio, q(3, 2) * sqrt(mp100(k))));
    EXPECT_GT(ratio, previous);
    previous = ratio;
  }
}

}  // namespace
}  // namespace ov::problems
