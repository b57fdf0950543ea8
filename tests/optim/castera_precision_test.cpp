// mp100 checks of Castera's rules (see castera_test.cpp for the exact and double ones):
// double vs mp100 agreement of INNA and Step-Tuned SGD on short runs, Step-Tuned's
// second iteration by hand in mp100, the DIN system integrated by RK4 (order 4: the
// error ratio when halving h is ~16) and by the Dormand-Prince 5(4) pair (global
// error within the tolerance) against the closed-form solution of (2.5) for a 1-D
// quadratic, the integrators' bounded statuses, and the INNA step bound (3.20).
// Every property also runs on a mutant (castera_fixtures.hpp) and must fail there.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "tests/autodiff/limited_check.hpp"
#include "tests/optim/castera_fixtures.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov::optim;
using namespace castera_test;
using ov::mp100;
using ov::testing::check_limited;
using VecD = Vector<double>;
using VecM = Vector<mp100>;

mp100 m(long p, long d = 1) { return mp100(p) / mp100(d); }

template <class S>
Vector<S> widen(const VecD& v) {
  Vector<S> r(v.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) r[i] = S(v[i]);
  return r;
}

// ================================================================ (b) double vs mp100
// INNA, 5 steps, alpha in [0, 2], beta in [1/8, 1], gamma in (0, 1/4], a_i in [-2, 4], all inputs
// dyadic (exact in both types). Each step does ~8 roundings per coordinate and the linear map
// has norm <= 1 + gamma (1/beta + alpha + beta |a| + ...) <= 6, so 5 steps amplify rounding
// errors by < 6^5 ~ 8e3: |x_double - x_mp100| <= 8 * 8e3 * eps * scale < 1e-10 * scale with
// scale = 1 + the largest |theta|, |psi| seen (in mp100).
template <class RuleMp>
bool inna_double_matches_mp100() {
  return check_limited("inna: double and mp100 agree on 5 steps", 40, [] {
    const int n = *rc::gen::inRange(1, 4);
    VecD a(n), b(n), x0(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::real<double>(-2, 4);
      b[i] = *ov::gen::real<double>(-1, 1);
      x0[i] = *ov::gen::real<double>(-1, 1);
    }
    InnaOptions<double> od;
    od.alpha = *ov::gen::real<double>(0, 2);
    od.beta = *rc::gen::suchThat(ov::gen::real<double>(0, 1), [](double v) { return v >= 0.125; });  // ov-lint: double-literal-ok (1/8)
    od.lr = *rc::gen::suchThat(ov::gen::real<double>(0, 0.25), [](double v) { return v > 0; });  // ov-lint: double-literal-ok (1/4)
    od.psi0 = *rc::gen::element(Psi0::thesis, Psi0::public_code);
    InnaOptions<mp100> om;
    om.alpha = mp100(od.alpha);
    om.beta = mp100(od.beta);
    om.lr = mp100(od.lr);
    om.psi0 = od.psi0;
    DiagQuadratic<double> fd(a, b);
    DiagQuadratic<mp100> fm(widen<mp100>(a), widen<mp100>(b));
    Oracle<double> qd(fd);
    Oracle<mp100> qm(fm);
    Inna<double> rd(od);
    RuleMp rm(om);
    VecD xd = x0;
    VecM xm = widen<mp100>(x0);
    double scale = 1;
    for (int k = 0; k < 5; ++k) {
      rd.step(qd, xd);
      rm.step(qm, xm);
      for (int i = 0; i < n; ++i) {
        scale = std::max({scale, std::abs(ops::to_double(xm[i])), std::abs(ops::to_double(rm.state().psi[i]))});
      }
      for (int i = 0; i < n; ++i) {
        RC_ASSERT(std::abs(xd[i] - ops::to_double(xm[i])) <= 1e-10 * scale);  // ov-lint: double-literal-ok (tolerance)
        RC_ASSERT(std::abs(rd.state().psi[i] - ops::to_double(rm.state().psi[i])) <= 1e-10 * scale);  // ov-lint: double-literal-ok (tolerance)
      }
    }
  });
}
TEST(InnaPrecision, DoubleMatchesMp100) { EXPECT_TRUE(inna_double_matches_mp100<Inna<mp100>>()); }
TEST(InnaMutant, WrongDampingDisagreesWithDouble) {
  EXPECT_FALSE(inna_double_matches_mp100<InnaWrongDamping<mp100>>());
}

// Step-Tuned SGD, 5 iterations on convex diagonal quadratics (a_i in [1/2, 4], so
// <Ghat, dtheta> > 0 robustly and the only branch is continuous: min/max clipping).
// Per iteration ~20 roundings per coordinate plus one pow (faithful); gamma is a ratio of
// sums (relative error ~ n eps); the iterates contract. Tolerance 1e-11 (relative to 1 +
// max |theta|) is ~5e4 eps, far above the accumulated rounding.
template <class RuleMp>
bool step_tuned_double_matches_mp100() {
  return check_limited("step_tuned_sgd: double and mp100 agree on 5 iterations", 40, [] {
    const int n = *rc::gen::inRange(1, 4);
    VecD a(n), x0(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::real<double>(0.5, 4);  // ov-lint: double-literal-ok (generator bound)
      x0[i] = *ov::gen::real<double>(-1, 1);
    }
    StepTunedSgdOptions<double> od;
    od.lr = *rc::gen::suchThat(ov::gen::real<double>(0, 0.25), [](double v) { return v > 0; });  // ov-lint: double-literal-ok (bound)
    od.beta = *ov::gen::half_open_unit<double>();
    od.m = 1.0 / 8;
    od.M = 8;
    StepTunedSgdOptions<mp100> om;
    om.lr = mp100(od.lr);
    om.beta = mp100(od.beta);
    om.m = m(1, 8);
    om.M = m(8);
    DiagQuadratic<double> fd(a);
    DiagQuadratic<mp100> fm(widen<mp100>(a));
    Oracle<double> qd(fd);
    Oracle<mp100> qm(fm);
    StepTunedSgd<double> rd(od);
    RuleMp rm(om);
    VecD xd = x0;
    VecM xm = widen<mp100>(x0);
    for (int k = 0; k < 5; ++k) {
      rd.step(qd, xd);
      rm.step(qm, xm);
      for (int i = 0; i < n; ++i) RC_ASSERT(std::abs(xd[i] - ops::to_double(xm[i])) <= 1e-11);  // ov-lint: double-literal-ok (tolerance)
      RC_ASSERT(std::abs(rd.state().gamma - ops::to_double(rm.state().gamma)) <= 1e-11 * 8);  // ov-lint: double-literal-ok (tolerance)
    }
  });
}
TEST(StepTunedPrecision, DoubleMatchesMp100) {
  EXPECT_TRUE(step_tuned_double_matches_mp100<StepTunedSgd<mp100>>());
}
TEST(StepTunedMutant, NoBiasCorrectionDisagreesWithDouble) {
  EXPECT_FALSE(step_tuned_double_matches_mp100<StepTunedNoBiasCorrection<mp100>>());
}

// Expected-GV (Algorithm 6) on a deterministic diagonal quadratic, 5 iterations: E[C] = A^2 theta.
// gamma_k is a ratio of quadratic forms in A (condition <= 8 here) and clipped to [1/8, 8]; each
// iteration does O(10) roundings per coordinate and the iteration map has norm <= 1 + 8/4 * 4, so the
// double/mp100 gap after 5 steps is < 1e-11 (the same derivation as Step-Tuned SGD's above). The
// mutant feeds the mp100 run a curvature oracle with the wrong sign (-Hess v).
bool expected_gv_double_matches_mp100(bool wrong_sign_in_mp100) {
  return check_limited("expected_gv_sgd: double and mp100 agree on 5 iterations", 40, [wrong_sign_in_mp100] {
    const int n = *rc::gen::inRange(1, 4);
    VecD a(n), x0(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::real<double>(0.5, 4);  // ov-lint: double-literal-ok (generator bound)
      x0[i] = *ov::gen::real<double>(-1, 1);
    }
    GradientVariationSgdOptions<double> od;
    od.estimate = GvEstimate::expected;
    od.lr = *rc::gen::suchThat(ov::gen::real<double>(0, 0.25), [](double v) { return v > 0; });  // ov-lint: double-literal-ok (bound)
    od.m = 1.0 / 8;
    od.M = 8;
    GradientVariationSgdOptions<mp100> om;
    om.estimate = GvEstimate::expected;
    om.lr = mp100(od.lr);
    om.m = m(1, 8);
    om.M = m(8);
    DiagQuadratic<double> fd(a);
    DiagQuadratic<mp100> fm(widen<mp100>(a));
    if (wrong_sign_in_mp100) fm.hvp_sign = mp100(-1);
    Oracle<double> qd(fd);
    Oracle<mp100> qm(fm);
    GradientVariationSgd<double> rd(od);
    GradientVariationSgd<mp100> rm(om);
    VecD xd = x0;
    VecM xm = widen<mp100>(x0);
    for (int k = 0; k < 5; ++k) {
      RC_ASSERT(!rd.step(qd, xd).refused());
      RC_ASSERT(!rm.step(qm, xm).refused());
      for (int i = 0; i < n; ++i) RC_ASSERT(std::abs(xd[i] - ops::to_double(xm[i])) <= 1e-11);  // ov-lint: double-literal-ok (tolerance)
      RC_ASSERT(std::abs(rd.state().gamma - ops::to_double(rm.state().gamma)) <= 1e-11 * 8);  // ov-lint: double-literal-ok (tolerance)
    }
  });
}
TEST(ExpectedGvPrecision, DoubleMatchesMp100) { EXPECT_TRUE(expected_gv_double_matches_mp100(false)); }
TEST(ExpectedGvMutant, WrongSignCurvatureDisagreesWithDouble) { EXPECT_FALSE(expected_gv_double_matches_mp100(true)); }

// Second iteration by hand (per-iteration decay), J = 2 theta^2, lr = 1/10, theta_0 = 1:
// k=0 (castera_test.cpp): theta_1 = 9/25, gamma_1 = 1/2.
// k=1: eta_1 = (1/10)(1/2) / 2^(501/1000); theta_3/2 = (9/25)(1 - 4 eta_1); theta_2 = (9/25)(1 - 4 eta_1)^2;
//      dtheta = -4 eta_1 (9/25), dg = 4 dtheta; G_1 = (9/10)(-4/25) + (1/10)(4 dtheta);
//      Ghat = G_1 / (1 - 81/100); gamma_2 = clip(dtheta^2 / (Ghat dtheta)).
TEST(StepTunedPrecision, SecondIterationByHandInMp100) {
  DiagQuadratic<mp100> f(vec<mp100>({m(4)}));
  Oracle<mp100> o(f);
  StepTunedSgdOptions<mp100> opt;
  opt.lr = m(1, 10);
  StepTunedSgd<mp100> rule(opt);
  VecM x = vec<mp100>({m(1)});
  rule.step(o, x);
  rule.step(o, x);
  using std::pow;
  const mp100 eta1 = m(1, 20) / pow(m(2), m(501, 1000));
  const mp100 theta2 = m(9, 25) * (1 - 4 * eta1) * (1 - 4 * eta1);
  const mp100 dtheta = -4 * eta1 * m(9, 25);
  const mp100 G1 = m(9, 10) * m(-4, 25) + m(1, 10) * 4 * dtheta;
  const mp100 Ghat = G1 / m(19, 100);
  mp100 gamma2 = dtheta * dtheta / (Ghat * dtheta);
  gamma2 = ops::min(ops::max(gamma2, m(1, 2)), m(2));
  const mp100 tol = ov::constant<mp100>("1e-95");
  EXPECT_LE(ops::abs(mp100(x[0] - theta2)), tol);
  EXPECT_LE(ops::abs(mp100(rule.state().G[0] - G1)), tol);
  EXPECT_LE(ops::abs(mp100(rule.state().gamma - gamma2)), tol);
}

// ================================================================ DIN integrated in mp100
// J = lambda theta^2 / 2 (1-D). (2.5) is theta'' + s theta' + lambda theta = 0, s = alpha + beta lambda,
// with roots r of X^2 + s X + lambda (3.8). Closed form for theta(0) = th0, theta'(0) = v0:
//   real roots r1 != r2: theta = c1 e^{r1 t} + c2 e^{r2 t}, c1 = (v0 - r2 th0)/(r1 - r2), c2 = th0 - c1;
//   complex r = -s/2 +- i w: theta = e^{-s t/2} (th0 cos wt + B sin wt), B = (v0 + s th0/2)/w.
// psi(t) = -beta theta' - beta^2 lambda theta - (alpha beta - 1) theta (L1012).
struct DinCase {
  mp100 alpha, beta, lambda, th0, v0;
};

VecM din_exact(const DinCase& c, const mp100& t) {
  using std::cos;
  using std::exp;
  using std::sin;
  using std::sqrt;
  const mp100 s = c.alpha + c.beta * c.lambda;
  const mp100 disc = s * s - 4 * c.lambda;
  mp100 th, thd;
  if (disc > 0) {
    const mp100 r1 = (-s + sqrt(disc)) / 2, r2 = (-s - sqrt(disc)) / 2;
    const mp100 c1 = (c.v0 - r2 * c.th0) / (r1 - r2), c2 = c.th0 - c1;
    th = c1 * exp(r1 * t) + c2 * exp(r2 * t);
    thd = c1 * r1 * exp(r1 * t) + c2 * r2 * exp(r2 * t);
  } else {
    const mp100 w = sqrt(-disc) / 2;
    const mp100 B = (c.v0 + s * c.th0 / 2) / w;
    const mp100 e = exp(-s * t / 2);
    th = e * (c.th0 * cos(w * t) + B * sin(w * t));
    thd = -s / 2 * th + e * w * (-c.th0 * sin(w * t) + B * cos(w * t));
  }
  const mp100 psi = -c.beta * thd - c.beta * c.beta * c.lambda * th - (c.alpha * c.beta - 1) * th;
  return vec<mp100>({th, psi});
}

rc::Gen<DinCase> din_case(double lambda_lo) {
  return rc::gen::exec([lambda_lo] {
    DinCase c;
    c.alpha = *ov::gen::real<mp100>(0, 2);
    c.beta = *rc::gen::suchThat(ov::gen::real<mp100>(0, 1), [](const mp100& v) { return v >= m(1, 10); });
    c.lambda = *ov::gen::real<mp100>(lambda_lo, 4);
    c.th0 = *ov::gen::real<mp100>(0.5, 1);  // ov-lint: double-literal-ok (generator bound)
    c.v0 = *ov::gen::real<mp100>(-1, 1);
    const mp100 s = c.alpha + c.beta * c.lambda;
    RC_PRE(ops::abs(mp100(s * s - 4 * c.lambda)) > m(1, 1000));  // not a double root
    return c;
  });
}

double state_error(const VecM& z, const VecM& exact) {
  return ops::to_double(mp100(ops::max(ops::abs(mp100(z[0] - exact[0])), ops::abs(mp100(z[1] - exact[1])))));
}

// RK4 has order 4: e(h)/e(h/2) -> 16. With |h r| <= 6/40 the h^5 term is < 15% of the
// leading one: the ratio lies in [13, 19].
bool rk4_order_is_four(const ButcherTableau<mp100>& tab) {
  return check_limited("din + " + tab.name + ": error ratio in [13, 19] when halving h", 30, [tab] {
    const DinCase c = *din_case(-2);
    DiagQuadratic<mp100> J(vec<mp100>({c.lambda}));
    DinSystem<mp100> din(J, c.alpha, c.beta);
    const VecM z0 = din.initial_state(vec<mp100>({c.th0}), vec<mp100>({c.v0}));
    const VecM exact = din_exact(c, m(1));
    const double e1 = state_error(integrate_fixed(din, tab, m(0), z0, m(1), 40).z, exact);
    const double e2 = state_error(integrate_fixed(din, tab, m(0), z0, m(1), 80).z, exact);
    RC_PRE(e1 > 1e-60);  // ov-lint: double-literal-ok (guard against an exactly solved case)
    RC_LOG() << "e(h) = " << e1 << ", e(h/2) = " << e2 << ", ratio " << e1 / e2;
    RC_ASSERT(e1 / e2 >= 13.0);
    RC_ASSERT(e1 / e2 <= 19.0);
  });
}
TEST(DinPrecision, Rk4HasOrderFour) { EXPECT_TRUE(rk4_order_is_four(classic_rk4<mp100>())); }
TEST(DinMutant, Rk4EqualWeightsIsNotOrderFour) { EXPECT_FALSE(rk4_order_is_four(rk4_equal_weights<mp100>())); }

// Dormand-Prince with rtol = atol = 1e-10 on [0, 2], lambda > 0 (a stable linear system): the
// global error stays within 100 tol (local errors ~tol per unit step, not amplified).
bool adaptive_meets_tolerance(const ButcherTableau<mp100>& tab) {
  return check_limited("din + " + tab.name + ": global error <= 100 tol", 30, [tab] {
    const DinCase c = *din_case(0.1);  // ov-lint: double-literal-ok (generator bound)
    DiagQuadratic<mp100> J(vec<mp100>({c.lambda}));
    DinSystem<mp100> din(J, c.alpha, c.beta);
    const VecM z0 = din.initial_state(vec<mp100>({c.th0}), vec<mp100>({c.v0}));
    AdaptiveOptions<mp100> o;
    o.rtol = o.atol = ov::constant<mp100>("1e-10");
    const auto r = integrate_adaptive(din, tab, m(0), z0, m(2), o);
    RC_ASSERT(r.ok());
    const double err = state_error(r.z, din_exact(c, m(2)));
    RC_LOG() << "error " << err << " after " << r.accepted << " steps";
    RC_ASSERT(err <= 1e-8);  // ov-lint: double-literal-ok (100 tol)
  });
}
TEST(DinPrecision, DormandPrinceMeetsTolerance) { EXPECT_TRUE(adaptive_meets_tolerance(dormand_prince_54<mp100>())); }
TEST(DinMutant, BlindErrorEstimateMissesTolerance) { EXPECT_FALSE(adaptive_meets_tolerance(dp_blind_error<mp100>())); }

TEST(DinPrecision, TighterToleranceGivesSmallerError) {
  const DinCase c{m(1, 2), m(1, 10), m(2), m(1), m(0)};
  DiagQuadratic<mp100> J(vec<mp100>({c.lambda}));
  DinSystem<mp100> din(J, c.alpha, c.beta);
  const VecM z0 = din.initial_state(vec<mp100>({c.th0}), vec<mp100>({c.v0}));
  double prev = 1;
  for (const char* tol : {"1e-6", "1e-12", "1e-18"}) {
    AdaptiveOptions<mp100> o;
    o.rtol = o.atol = ov::constant<mp100>(tol);
    const auto r = integrate_adaptive(din, dormand_prince_54<mp100>(), m(0), z0, m(2), o);
    ASSERT_TRUE(r.ok()) << r.message;
    const double err = state_error(r.z, din_exact(c, m(2)));
    EXPECT_LT(err, prev * 1e-3) << tol;  // ov-lint: double-literal-ok (ratio)
    EXPECT_LE(err, 100 * std::stod(tol)) << tol;
    prev = err;
  }
}

TEST(OdeBounded, StatusesSayHowItEnded) {
  const DinCase c{m(1, 2), m(1, 10), m(2), m(1), m(0)};
  DiagQuadratic<mp100> J(vec<mp100>({c.lambda}));
  DinSystem<mp100> din(J, c.alpha, c.beta);
  const VecM z0 = din.initial_state(vec<mp100>({c.th0}), vec<mp100>({c.v0}));
  AdaptiveOptions<mp100> o;
  o.rtol = o.atol = ov::constant<mp100>("1e-20");
  o.max_steps = 3;
  const auto r = integrate_adaptive(din, dormand_prince_54<mp100>(), m(0), z0, m(2), o);
  EXPECT_EQ(r.status, OdeStatus::max_steps);
  EXPECT_NE(r.message.find("3 attempted steps"), std::string::npos) << r.message;
  EXPECT_LT(r.t, m(2));
  // A tiny h_min with an impossible tolerance: the step collapses below h_min.
  o.max_steps = 100000;
  o.h_min = m(1, 10);
  o.rtol = o.atol = ov::constant<mp100>("1e-40");
  EXPECT_EQ(integrate_adaptive(din, dormand_prince_54<mp100>(), m(0), z0, m(2), o).status, OdeStatus::step_underflow);
  // A field that returns NaN: non_finite, in both integrators.
  auto bad = [](const double&, const VecD& z) { return VecD(z * std::nan("")); };
  EXPECT_EQ(integrate_fixed(bad, classic_rk4<double>(), 0.0, vec<double>({1.0}), 1.0, 4).status,
            OdeStatus::non_finite);
  EXPECT_EQ(integrate_adaptive(bad, dormand_prince_54<double>(), 0.0, vec<double>({1.0}), 1.0).status,
            OdeStatus::non_finite);
  EXPECT_THROW(integrate_adaptive(din, classic_rk4<mp100>(), m(0), z0, m(1)), std::invalid_argument);
  EXPECT_THROW(integrate_fixed(din, classic_rk4<mp100>(), m(0), z0, m(1), 0), invalid_hyperparameter);
}

// ================================================================ INNA step bound (3.20)
// Values of guide §4.5 item 5 (6 significant digits there) and the exact (2, 1, 4) -> (3 - sqrt 5)/4.
TEST(InnaStepBound, GuideValues) {
  auto b = [](const char* a, const char* be, const char* L) {
    return ops::to_double(inna_step_bound(ov::constant<mp100>(a), ov::constant<mp100>(be), ov::constant<mp100>(L)));
  };
  EXPECT_NEAR(b("0.5", "1", "50"), 0.0202062, 1e-7);   // ov-lint: double-literal-ok (guide value)
  EXPECT_NEAR(b("1", "1.1", "50"), 0.0181513, 1e-7);   // ov-lint: double-literal-ok (guide value)
  EXPECT_NEAR(b("1", "1.1", "16"), 0.0565105, 1e-7);   // ov-lint: double-literal-ok (guide value)
  EXPECT_NEAR(b("0.5", "1", "16"), 0.0646603, 1e-7);   // ov-lint: double-literal-ok (guide value)
  EXPECT_NEAR(b("0.5", "0.1", "1000"), 0.0111980, 1e-7);  // ov-lint: double-literal-ok (guide value)
  using std::sqrt;
  const mp100 exact = (3 - sqrt(m(5))) / 4;
  EXPECT_LE(ops::abs(mp100(inna_step_bound(m(2), m(1), m(4)) - exact)), ov::constant<mp100>("1e-95"));
  // Erratum (guide §4.6 item 2): the default (1/2, 1/10) with L = 10 has a negative radicand: beta.
  EXPECT_EQ(inna_step_bound(m(1, 2), m(1, 10), m(10)), m(1, 10));
  EXPECT_THROW(inna_step_bound(m(0), m(1), m(4)), invalid_hyperparameter);
}

// Theorem 3.12: below the bound, det M(lambda) = (1 - gamma alpha) + lambda gamma (gamma - beta) (3.39)
// (affine in lambda) is positive on [-L, L]; at the bound itself it vanishes at lambda = L
// when the bound is the root (radicand >= 0 and root < beta).
template <class Bound>
bool bound_keeps_jacobian_invertible(Bound bound) {
  return check_limited("inna: det M(lambda) > 0 on [-L, L] for gamma below (3.20)", 100, [bound] {
    const mp100 alpha = *rc::gen::suchThat(ov::gen::real<mp100>(0, 3), [](const mp100& v) { return v > 0; });
    const mp100 beta = *rc::gen::suchThat(ov::gen::real<mp100>(0, 2), [](const mp100& v) { return v > 0; });
    const mp100 L = *rc::gen::suchThat(ov::gen::real<mp100>(0, 100), [](const mp100& v) { return v > 0; });
    const mp100 u = *ov::gen::open_unit<mp100>();
    const mp100 g = bound(alpha, beta, L);
    const mp100 gamma = u * g;
    RC_ASSERT(inna_block_determinant(alpha, beta, gamma, L) > 0);
    RC_ASSERT(inna_block_determinant(alpha, beta, gamma, mp100(-L)) > 0);
    const mp100 s = alpha + beta * L;
    if (s * s - 4 * L >= 0 && g < beta) {
      RC_ASSERT(ops::abs(inna_block_determinant(alpha, beta, g, L)) <= ov::constant<mp100>("1e-80"));
    }
  });
}
TEST(InnaStepBound, BelowTheBoundTheJacobianIsInvertible) {
  EXPECT_TRUE(bound_keeps_jacobian_invertible([](const mp100& a, const mp100& b, const mp100& L) {
    return inna_step_bound(a, b, L);
  }));
}
// Mutant: the larger root gamma_+ (the "+" sign, as in the Ch. 3 toy code's main.py).
TEST(InnaStepBound, PlusRootMutantIsCaught) {
  EXPECT_FALSE(bound_keeps_jacobian_invertible([](const mp100& a, const mp100& b, const mp100& L) {
    using std::sqrt;
    const mp100 s = a + b * L;
    const mp100 rad = s * s - 4 * L;
    if (rad < 0) return b;
    return ops::min(mp100((s + sqrt(rad)) / (2 * L)), b);
  }));
}

}  // namespace
