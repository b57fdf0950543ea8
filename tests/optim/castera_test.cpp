// Rules of Castera's thesis (002): INNA (optim/rules/inna.hpp, inna_fixed_step.hpp),
// Step-Tuned SGD (step_tuned_sgd.hpp, Algorithm 3) and its full-batch Algorithm 2
// (step_tuned_full_batch.hpp), and the DIN system (optim/components/din_system.hpp,
// ode_integrators.hpp). This TU: exact rational hand computations, exact identities
// as properties (first INNA step = gradient step, fixed points (3.22), the
// characteristic polynomial (3.25), the Step-Tuned first step, the DIN energy
// identity (2.32) and (2.6) => (2.5), the Butcher order conditions), double
// properties (refusals, clipping), validation messages and the registry.
// castera_precision_test.cpp holds the mp100 checks (double vs mp100, integrator
// orders and tolerances, the step bound (3.20)). Every property also runs on a
// mutant (castera_fixtures.hpp) and must fail there.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <functional>
#include <string>

#include "analysis/numeric/exact_constant.hpp"
#include "optim/registry/castera_entries.hpp"
#include "tests/autodiff/limited_check.hpp"
#include "tests/optim/castera_fixtures.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov::optim;
using namespace castera_test;
using ov::rational;
using ov::testing::check_limited;
using VecD = Vector<double>;
using VecQ = Vector<rational>;

rational q(long p, long d = 1) { return rational(p) / rational(d); }

InnaOptions<rational> inna_q(Psi0 p) {
  InnaOptions<rational> o;  // alpha = 1/2, beta = 1/10 (defaults), constant gamma = 1/10
  o.lr = q(1, 10);
  o.psi0 = p;
  return o;
}

// ================================================================ (a) INNA by hand
// J(theta) = 2 theta^2 (grad 4 theta), theta_0 = 1, alpha = 1/2, beta = 1/10, gamma = 1/10.
// a = 1/beta - alpha = 19/2.
// thesis psi_0 = (1 - 1/20) 1 - (1/100 - 1/10) 4 = 19/20 + 36/100 = 131/100.
// k=0: t = a theta - psi/beta = 19/2 - 131/10 = -18/5;
//      theta_1 = 1 + (1/10)(-18/5 - (1/10) 4) = 1 - 2/5 = 3/5   (= 1 - gamma*4: a gradient step)
//      psi_1 = 131/100 + (1/10)(-18/5) = 95/100 = 19/20.
// k=1: v = 12/5; t = (19/2)(3/5) - (19/20)(10) = 57/10 - 95/10 = -19/5;
//      theta_2 = 3/5 + (1/10)(-19/5 - 12/50) = 3/5 - 202/500 = 49/250;  psi_2 = 19/20 - 19/50 = 57/100.
TEST(InnaExact, ThesisPsi0TwoStepsByHand) {
  DiagQuadratic<rational> f(vec<rational>({q(4)}));
  Oracle<rational> o(f);
  Inna<rational> rule(inna_q(Psi0::thesis));
  VecQ x = vec<rational>({q(1)});
  ASSERT_FALSE(rule.step(o, x).refused());
  EXPECT_EQ(x[0], q(3, 5));
  EXPECT_EQ(rule.state().psi[0], q(19, 20));
  ASSERT_FALSE(rule.step(o, x).refused());
  EXPECT_EQ(x[0], q(49, 250));
  EXPECT_EQ(rule.state().psi[0], q(57, 100));
  EXPECT_EQ(rule.state().k, 2);
  EXPECT_EQ(o.evaluations().gradients, 2);  // psi_0 reuses v_0: no extra evaluation
}

// public-code psi_0 = (1 - 1/20) 1 = 19/20.
// k=0: t = 19/2 - 19/2 = 0; theta_1 = 1 + (1/10)(0 - 4/10) = 24/25 (= 1 - gamma beta 4); psi_1 = 19/20.
// k=1: v = 96/25; t = (19/2)(24/25) - 19/2 = -19/50;
//      theta_2 = 24/25 + (1/10)(-19/50 - 96/250) = 24/25 - 191/2500 = 2209/2500;
//      psi_2 = 19/20 - 19/500 = 114/125.
TEST(InnaExact, PublicCodePsi0TwoStepsByHand) {
  DiagQuadratic<rational> f(vec<rational>({q(4)}));
  Oracle<rational> o(f);
  Inna<rational> rule(inna_q(Psi0::public_code));
  VecQ x = vec<rational>({q(1)});
  ASSERT_FALSE(rule.step(o, x).refused());
  EXPECT_EQ(x[0], q(24, 25));
  EXPECT_EQ(rule.state().psi[0], q(19, 20));
  ASSERT_FALSE(rule.step(o, x).refused());
  EXPECT_EQ(x[0], q(2209, 2500));
  EXPECT_EQ(rule.state().psi[0], q(114, 125));
}

// decay_power = 1/2: gamma_0 = lr exactly; gamma_1 = lr/sqrt(2) is not rational, so the
// second step is refused with nothing changed.
TEST(InnaExact, IrrationalStepIsRefusedInRational) {
  DiagQuadratic<rational> f(vec<rational>({q(4)}));
  Oracle<rational> o(f);
  InnaOptions<rational> opt = inna_q(Psi0::thesis);
  opt.decay_power = q(1, 2);
  Inna<rational> rule(opt);
  VecQ x = vec<rational>({q(1)});
  ASSERT_FALSE(rule.step(o, x).refused());
  EXPECT_EQ(x[0], q(3, 5));
  const auto r = rule.step(o, x);
  EXPECT_EQ(r.status, StepStatus::refused_undefined);
  EXPECT_EQ(x[0], q(3, 5));
  EXPECT_EQ(rule.state().k, 1);
  // decay_power = 2 is an integer power: exact. gamma_1 = (1/10)/4.
  opt.decay_power = q(2);
  Inna<rational> rule2(opt);
  EXPECT_EQ(*rule2.step_size(1), q(1, 40));
}

TEST(InnaExact, CustomScheduleIsUsed) {
  InnaOptions<rational> opt = inna_q(Psi0::thesis);
  opt.schedule = [](long k) { return rational(1) / rational(k + 3); };
  Inna<rational> rule(opt);
  EXPECT_EQ(*rule.step_size(0), q(1, 3));
  EXPECT_EQ(*rule.step_size(4), q(1, 7));
  // gamma_0 = 1/3: the first step is theta_0 - (1/3) 4 theta_0 = -1/3.
  DiagQuadratic<rational> f(vec<rational>({q(4)}));
  Oracle<rational> o(f);
  VecQ x = vec<rational>({q(1)});
  ASSERT_FALSE(rule.step(o, x).refused());
  EXPECT_EQ(x[0], q(-1, 3));
}

TEST(InnaExact, FixedStepIsInnaWithConstantStep) {
  InnaFixedStepOptions<rational> fo;
  fo.gamma = q(1, 10);
  InnaFixedStep<rational> fixed(fo);
  Inna<rational> inna(inna_q(Psi0::thesis));
  DiagQuadratic<rational> f(vec<rational>({q(4), q(-1)}), vec<rational>({q(1), q(1, 3)}));
  Oracle<rational> o1(f), o2(f);
  VecQ x1 = vec<rational>({q(1), q(2)}), x2 = x1;
  for (int k = 0; k < 4; ++k) {
    fixed.step(o1, x1);
    inna.step(o2, x2);
    EXPECT_EQ(x1, x2);
  }
  EXPECT_EQ(fixed.name(), "inna_fixed_step");
}

// Stochastic INNA uses the oracle's current batch. Samples f_0 = theta^2/2 (a = 1), f_1 = (3/2) theta^2
// (a = 3), mean J'(theta) = 2 theta; theta_0 = 1, alpha = 1/2, beta = 1/10, gamma = 1/10, batch 1.
//  thesis psi_0 from v_0 = a_i: theta_1 = 1 - a_i/10 (an SGD step on the batch).
//  thesis psi_0 from the full gradient 2: the bracket is (beta - 1) 2 - beta a_i = -9/5 - a_i/10, so
//  theta_1 = 1 - 9/50 - a_i/100: 81/100 (a = 1) or 79/100 (a = 3).
TEST(InnaExact, StochasticFirstStepUsesTheBatch) {
  for (bool full : {false, true}) {
    DiagQuadraticSum<rational> f({vec<rational>({q(1)}), vec<rational>({q(3)})},
                                 {vec<rational>({q(0)}), vec<rational>({q(0)})});
    BatchSampler s(2, 1, Sampling::shuffle_once, 3);
    Oracle<rational> o(f, s);
    InnaOptions<rational> opt = inna_q(Psi0::thesis);
    opt.psi0_full_gradient = full;
    Inna<rational> rule(opt);
    VecQ x = vec<rational>({q(1)});
    o.next_batch();
    const bool a1 = o.batch()[0] == 0;
    ASSERT_FALSE(rule.step(o, x).refused());
    if (!full) {
      EXPECT_EQ(x[0], a1 ? q(9, 10) : q(7, 10));
      EXPECT_EQ(o.evaluations().full_gradients, 0);
    } else {
      EXPECT_EQ(x[0], a1 ? q(81, 100) : q(79, 100));
      EXPECT_EQ(o.evaluations().full_gradients, 1);
    }
  }
}

// ================================================================ (c) INNA properties (exact)
struct InnaCase {
  InnaOptions<rational> opt;
  rational gamma;
  DiagQuadratic<rational> f;
  VecQ x0;
};

// Random alpha in [0, 3], beta in (0, 3], gamma in (0, 1], a_i in [-3, 3], b_i, theta_0 in [-2, 2].
InnaCase random_inna_case(Psi0 p) {
  const int n = *rc::gen::inRange(1, 4);
  InnaOptions<rational> o;
  o.alpha = *ov::gen::rational_in(0, 3, 6);
  o.beta = *rc::gen::suchThat(ov::gen::rational_in(0, 3, 6), [](const rational& b) { return b > 0; });
  const rational gamma = *rc::gen::suchThat(ov::gen::rational_in(0, 1, 8), [](const rational& g) { return g > 0; });
  o.lr = gamma;
  o.psi0 = p;
  VecQ a(n), b(n), x0(n);
  for (int i = 0; i < n; ++i) {
    a[i] = *ov::gen::rational_in(-3, 3, 5);
    b[i] = *ov::gen::rational_in(-2, 2, 5);
    x0[i] = *ov::gen::rational_in(-2, 2, 7);
  }
  return {o, gamma, DiagQuadratic<rational>(a, b), x0};
}

// With the thesis psi_0, theta_1 = theta_0 - gamma_0 grad J(theta_0) exactly (guide §3.2,
// [DERIVED]: the bracket of the theta-update is -v_0).
template <class Rule>
bool first_step_is_gradient_step() {
  return check_limited("inna: thesis psi_0 makes the first step a gradient step", 100, [] {
    InnaCase c = random_inna_case(Psi0::thesis);
    Rule rule(c.opt);
    Oracle<rational> o(c.f);
    VecQ x = c.x0;
    const VecQ expected = c.x0 - c.gamma * c.f.gradient(c.x0);
    RC_ASSERT(!rule.step(o, x).refused());
    RC_ASSERT(x == expected);
  });
}
TEST(InnaProperty, ThesisPsi0FirstStepIsGradientStep) { EXPECT_TRUE(first_step_is_gradient_step<Inna<rational>>()); }
TEST(InnaMutant, WrongPsi0SignBreaksFirstStep) {
  EXPECT_FALSE(first_step_is_gradient_step<InnaWrongPsi0<rational>>());
}

// With the public-code psi_0, theta_1 = theta_0 - gamma_0 beta grad J(theta_0) exactly.
template <class Rule>
bool public_code_first_step_is_scaled_gradient_step() {
  return check_limited("inna: public-code psi_0 gives theta_0 - gamma beta g", 100, [] {
    InnaCase c = random_inna_case(Psi0::public_code);
    Rule rule(c.opt);
    Oracle<rational> o(c.f);
    VecQ x = c.x0;
    const VecQ expected = c.x0 - (c.gamma * c.opt.beta) * c.f.gradient(c.x0);
    RC_ASSERT(!rule.step(o, x).refused());
    RC_ASSERT(x == expected);
  });
}
TEST(InnaProperty, PublicCodePsi0FirstStepIsScaledGradientStep) {
  EXPECT_TRUE(public_code_first_step_is_scaled_gradient_step<Inna<rational>>());
}
TEST(InnaMutant, GradientTermInPublicCodePsi0IsCaught) {
  EXPECT_FALSE(public_code_first_step_is_scaled_gradient_step<InnaWrongPsi0<rational>>());
}

// (2.16)/(3.22): at theta* with grad J(theta*) = 0 and psi* = (1 - alpha beta) theta*, INNA
// stays put exactly and reports `stationary`.
template <class Rule>
bool fixed_points_are_fixed() {
  return check_limited("inna: (theta*, (1 - alpha beta) theta*) is a fixed point", 100, [] {
    InnaCase c = random_inna_case(Psi0::thesis);
    VecQ a = c.f.a();
    for (Eigen::Index i = 0; i < a.size(); ++i)
      if (a[i] == 0) a[i] = 1;
    DiagQuadratic<rational> f(a, c.f.b());
    VecQ star(a.size());
    for (Eigen::Index i = 0; i < a.size(); ++i) star[i] = c.f.b()[i] / a[i];
    RC_PRE(!(star == VecQ::Zero(a.size())));
    Rule rule(c.opt);
    rule.set_state({VecQ((rational(1) - c.opt.alpha * c.opt.beta) * star), 0});
    Oracle<rational> o(f);
    VecQ x = star;
    for (int k = 0; k < 3; ++k) {
      const auto r = rule.step(o, x);
      RC_ASSERT(r.status == StepStatus::stationary);
      RC_ASSERT(x == star);
    }
  });
}
TEST(InnaProperty, FixedPointsAreFixed) { EXPECT_TRUE(fixed_points_are_fixed<Inna<rational>>()); }
TEST(InnaMutant, WrongDampingSignMovesFixedPoints) {
  EXPECT_FALSE(fixed_points_are_fixed<InnaWrongDamping<rational>>());
}

// On J = lambda theta^2 / 2 (1-D), INNA is the linear map M of (3.23); by Cayley-Hamilton
// z_2 - tr(M) z_1 + det(M) z_0 = 0 with tr, det from (3.25) (inna_block_trace/determinant).
template <class Rule>
bool characteristic_polynomial_holds() {
  return check_limited("inna: iterates satisfy the characteristic polynomial (3.25)", 100, [] {
    InnaCase c = random_inna_case(Psi0::thesis);
    const rational lambda = c.f.a()[0];
    DiagQuadratic<rational> f(vec<rational>({lambda}));
    Rule rule(c.opt);
    Oracle<rational> o(f);
    VecQ x = vec<rational>({c.x0[0]});
    const rational psi0 = *ov::gen::rational_in(-2, 2, 7);
    rule.set_state({vec<rational>({psi0}), 0});
    std::vector<rational> th{x[0]}, ps{psi0};
    for (int k = 0; k < 2; ++k) {
      RC_ASSERT(!rule.step(o, x).refused());
      th.push_back(x[0]);
      ps.push_back(rule.state().psi[0]);
    }
    const rational tr = inna_block_trace(c.opt.alpha, c.opt.beta, c.gamma, lambda);
    const rational det = inna_block_determinant(c.opt.alpha, c.opt.beta, c.gamma, lambda);
    RC_ASSERT(th[2] - tr * th[1] + det * th[0] == 0);
    RC_ASSERT(ps[2] - tr * ps[1] + det * ps[0] == 0);
  });
}
TEST(InnaProperty, CharacteristicPolynomial) { EXPECT_TRUE(characteristic_polynomial_holds<Inna<rational>>()); }
TEST(InnaMutant, WrongDampingBreaksCharacteristicPolynomial) {
  EXPECT_FALSE(characteristic_polynomial_holds<InnaWrongDamping<rational>>());
}

// ================================================================ (c) refusals (double)
// A NaN gradient at the step's evaluation leaves x, psi and k exactly unchanged.
template <class Rule>
bool inna_refusal_leaves_state() {
  return check_limited("inna: a refused step leaves theta, psi and k unchanged", 60, [] {
    const int n = *rc::gen::inRange(1, 4);
    VecD a(n), x0(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::real_in(-2, 2);
      x0[i] = *ov::gen::real_in(-1, 1);
    }
    DiagQuadratic<double> f(a);
    const int good = *rc::gen::inRange(0, 4);
    f.poison_at = good + 1;
    InnaOptions<double> opt;
    opt.psi0 = *rc::gen::element(Psi0::thesis, Psi0::public_code);
    Rule rule(opt);
    Oracle<double> o(f);
    VecD x = x0;
    for (int k = 0; k < good; ++k) rule.step(o, x);
    const VecD x_before = x;
    const InnaState<double> s_before = rule.state();
    const auto r = rule.step(o, x);
    RC_ASSERT(r.status == StepStatus::refused_non_finite_gradient);
    RC_ASSERT(x == x_before);
    RC_ASSERT(rule.state().k == s_before.k);
    RC_ASSERT(rule.state().psi.size() == s_before.psi.size());
    if (s_before.psi.size() > 0) RC_ASSERT(rule.state().psi == s_before.psi);
  });
}
TEST(InnaProperty, RefusalLeavesStateUnchanged) { EXPECT_TRUE(inna_refusal_leaves_state<Inna<double>>()); }
TEST(InnaMutant, LeakyRefusalIsCaught) { EXPECT_FALSE(inna_refusal_leaves_state<InnaLeakyRefusal<double>>()); }

TEST(InnaProperty, OverflowIsRefused) {
  DiagQuadratic<double> f(vec<double>({1e300}));
  Oracle<double> o(f);
  InnaOptions<double> opt;
  opt.lr = 1e10;  // ov-lint: double-literal-ok (a deliberately huge step in a double test)
  Inna<double> rule(opt);
  VecD x = vec<double>({1e10});
  const auto r = rule.step(o, x);
  EXPECT_TRUE(r.refused());
  EXPECT_EQ(x[0], 1e10);
  EXPECT_EQ(rule.state().psi.size(), 0);
}

// ================================================================ (d) INNA validation
void expect_invalid(const std::function<void()>& make, const std::string& fragment) {
  try {
    make();
    ADD_FAILURE() << "no exception; expected one containing '" << fragment << "'";
  } catch (const invalid_hyperparameter& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(InnaValidation, RangesAreNamed) {
  InnaOptions<double> o;
  o.alpha = -1;
  expect_invalid([&] { Inna<double> r(o); }, "inna: alpha = -1 is outside its valid range [0, inf)");
  o = {};
  o.beta = 0;
  expect_invalid([&] { Inna<double> r(o); }, "inna: beta = 0 is outside its valid range (0, inf)");
  o = {};
  o.lr = std::nan("");
  expect_invalid([&] { Inna<double> r(o); }, "inna: lr = nan is outside its valid range (0, inf)");
  o = {};
  o.decay_power = -0.5;  // ov-lint: double-literal-ok (an invalid value in a double test)
  expect_invalid([&] { Inna<double> r(o); }, "decay_power = -0.5 is outside its valid range [0, inf)");
  InnaFixedStepOptions<double> fo;
  fo.gamma = 0;
  expect_invalid([&] { InnaFixedStep<double> r(fo); }, "inna_fixed_step: gamma = 0 is outside its valid range (0, inf)");
  // A companion showing expect_invalid's check can fail: a valid construction throws nothing.
  EXPECT_NO_THROW(Inna<double>(InnaOptions<double>{}));
}

// ================================================================ (a) Step-Tuned SGD by hand
// Deterministic J = 2 theta^2 (grad 4 theta), theta_0 = 1, lr = 1/10, defaults otherwise.
// k=0: decay 1^(1/2+delta) = 1, eta = 1/10; theta_1/2 = 1 - 4/10 = 3/5; theta_1 = (3/5)(3/5) = 9/25.
//      dtheta = -2/5, dg = 4(-2/5) = -8/5, G_0 = (1/10)(-8/5) = -4/25, Ghat = G_0/(1 - 9/10) = -8/5;
//      <Ghat, dtheta> = 16/25 > 0, gamma_1 = (4/25)/(16/25) = 1/4 -> clipped to m = 1/2.
// k=1: 2^(1/2+delta) is irrational: refused (undefined) in rational, nothing changes.
TEST(StepTunedExact, FirstIterationByHandAndIrrationalDecayRefused) {
  DiagQuadratic<rational> f(vec<rational>({q(4)}));
  Oracle<rational> o(f);
  StepTunedSgdOptions<rational> opt;
  opt.lr = q(1, 10);
  StepTunedSgd<rational> rule(opt);
  VecQ x = vec<rational>({q(1)});
  const auto r0 = rule.step(o, x);
  ASSERT_FALSE(r0.refused());
  EXPECT_EQ(*r0.step_size, q(1, 10));
  EXPECT_EQ(x[0], q(9, 25));
  EXPECT_EQ(rule.state().G[0], q(-4, 25));
  EXPECT_EQ(rule.state().gamma, q(1, 2));
  EXPECT_TRUE(rule.state().last_clipped);
  EXPECT_EQ(rule.state().last_branch, StepTunedBranch::curvature);
  EXPECT_EQ(o.evaluations().gradients, 2);
  const auto r1 = rule.step(o, x);
  EXPECT_EQ(r1.status, StepStatus::refused_undefined);
  EXPECT_EQ(x[0], q(9, 25));
  EXPECT_EQ(rule.state().k, 1);
  EXPECT_EQ(o.evaluations().gradients, 2);
}

// Finite sum, samples f_0 = theta^2/2 (a = 1), f_1 = (3/4) theta^2 (a = 3/2); batch size 1,
// shuffle_once, per-epoch decay: both iterations are in epoch q = 1 (decay factor 1).
// Order (0, 1):
//  k=0, a=1: eta = 1/10; theta_1/2 = 9/10, theta_1 = 81/100; dtheta = -1/10, dg = -1/10;
//            G_0 = -1/100, Ghat = -1/10, <Ghat, dtheta> = 1/100, gamma_1 = (1/100)/(1/100) = 1.
//  k=1, a=3/2: eta = 1/10; g = 243/200; theta_3/2 = 1377/2000; theta_2 = (1377/2000)(17/20) = 23409/40000;
//            dtheta = -243/2000, dg = -729/4000; G_1 = (9/10)(-1/100) + (1/10)(-729/4000) = -1089/40000;
//            Ghat = G_1 / (19/100) = -1089/7600; gamma_2 = (243/2000)^2 / ((1089/7600)(243/2000))
//            = (243/2000)(7600/1089) = 513/605 (in [1/2, 2]).
// Order (1, 0):
//  k=0, a=3/2: theta_1/2 = 17/20, theta_1 = 289/400; dtheta = -3/20, dg = -9/40; G_0 = -9/400;
//            Ghat = -9/40; gamma_1 = (9/400)/(27/800) = 2/3.
//  k=1, a=1: eta = (1/10)(2/3) = 1/15; theta_3/2 = (289/400)(14/15) = 2023/3000;
//            theta_2 = (2023/3000)(14/15) = 14161/22500; dtheta = dg = -289/6000;
//            G_1 = (9/10)(-9/400) + (1/10)(-289/6000) = -47/1875; Ghat = -188/1425;
//            gamma_2 = (289/6000)(1425/188) = 5491/15040 < 1/2 -> clipped to 1/2.
TEST(StepTunedExact, TwoIterationsPerEpochDecayByHand) {
  bool seen[2] = {false, false};
  for (std::uint64_t seed = 0; seed < 8; ++seed) {  // both batch orders occur
  DiagQuadraticSum<rational> f({vec<rational>({q(1)}), vec<rational>({q(3, 2)})},
                               {vec<rational>({q(0)}), vec<rational>({q(0)})});
  BatchSampler s(2, 1, Sampling::shuffle_once, seed);
  Oracle<rational> o(f, s);
  StepTunedSgdOptions<rational> opt;
  opt.lr = q(1, 10);
  opt.decay = StepTunedDecay::per_epoch;
  StepTunedSgd<rational> rule(opt);
  VecQ x = vec<rational>({q(1)});
  o.next_batch();
  const std::size_t first = o.batch()[0];
  ASSERT_FALSE(rule.step(o, x).refused());
  EXPECT_EQ(x[0], first == 0 ? q(81, 100) : q(289, 400));
  EXPECT_EQ(rule.state().gamma, first == 0 ? q(1) : q(2, 3));
  o.next_batch();
  ASSERT_NE(o.batch()[0], first);
  const auto r1 = rule.step(o, x);
  ASSERT_FALSE(r1.refused());
  EXPECT_EQ(*r1.step_size, first == 0 ? q(1, 10) : q(1, 15));
  EXPECT_EQ(x[0], first == 0 ? q(23409, 40000) : q(14161, 22500));
  EXPECT_EQ(rule.state().gamma, first == 0 ? q(513, 605) : q(1, 2));
  EXPECT_EQ(rule.state().last_clipped, first != 0);
  // Both evaluations of each iteration were on the batch the driver drew.
  ASSERT_EQ(f.log.size(), 4u);
  EXPECT_EQ(f.log[0], f.log[1]);
  EXPECT_EQ(f.log[2], f.log[3]);
  EXPECT_NE(f.log[0], f.log[2]);
  seen[first] = true;
  }
  EXPECT_TRUE(seen[0] && seen[1]);
}

// Concave 1-D J = -theta^2/2 (grad -theta): <Ghat, dtheta> < 0 -> gamma_1 = nu = 2 (= M).
// k=0: theta_1/2 = 1 + 1/10 = 11/10, theta_1 = (11/10)^2 = 121/100.
TEST(StepTunedExact, ConcaveBranchTakesNu) {
  DiagQuadratic<rational> f(vec<rational>({q(-1)}));
  Oracle<rational> o(f);
  StepTunedSgdOptions<rational> opt;
  opt.lr = q(1, 10);
  StepTunedSgd<rational> rule(opt);
  VecQ x = vec<rational>({q(1)});
  ASSERT_FALSE(rule.step(o, x).refused());
  EXPECT_EQ(x[0], q(121, 100));
  EXPECT_EQ(rule.state().gamma, q(2));
  EXPECT_EQ(rule.state().last_branch, StepTunedBranch::concave_nu);
  EXPECT_FALSE(rule.state().last_clipped);
}

// ================================================================ (c) Step-Tuned properties
// On a quadratic with diagonal Hessian A (deterministic), the first iteration has Ghat_0 = dg =
// A dtheta EXACTLY for every beta in [0, 1) (the bias correction undoes (1 - beta)), so
// gamma_1 = clip(||g||^2 / g^T A g) if g^T A g > 0, else clip(nu) (guide §4.5 item 6).
template <class Rule>
bool first_gamma_is_inverse_rayleigh() {
  return check_limited("step_tuned_sgd: gamma_1 = clip(inverse Rayleigh quotient)", 100, [] {
    const int n = *rc::gen::inRange(1, 4);
    VecQ a(n), b(n), x0(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::rational_in(-3, 3, 5);
      b[i] = *ov::gen::rational_in(-2, 2, 5);
      x0[i] = *ov::gen::rational_in(-2, 2, 7);
    }
    DiagQuadratic<rational> f(a, b);
    const VecQ g = f.gradient(x0);
    RC_PRE(!(g == VecQ::Zero(n)));
    StepTunedSgdOptions<rational> opt;
    opt.lr = *rc::gen::suchThat(ov::gen::rational_in(0, 1, 8), [](const rational& v) { return v > 0; });
    opt.beta = *rc::gen::suchThat(ov::gen::rational_in(0, 1, 10), [](const rational& v) { return v < 1; });
    opt.m = q(1, 100);
    opt.M = q(100);
    opt.nu = *rc::gen::suchThat(ov::gen::rational_in(0, 5, 4), [](const rational& v) { return v > 0; });
    Rule rule(opt);
    Oracle<rational> o(f);
    VecQ x = x0;
    RC_ASSERT(!rule.step(o, x).refused());
    rational gAg = 0, gg = 0;
    for (int i = 0; i < n; ++i) {
      gAg += g[i] * a[i] * g[i];
      gg += g[i] * g[i];
    }
    rational expected = gAg > 0 ? rational(gg / gAg) : opt.nu;
    expected = ops::min(ops::max(expected, opt.m), opt.M);
    RC_ASSERT(rule.state().gamma == expected);
  });
}
TEST(StepTunedProperty, FirstGammaIsClippedInverseRayleighQuotient) {
  EXPECT_TRUE(first_gamma_is_inverse_rayleigh<StepTunedSgd<rational>>());
}
TEST(StepTunedMutant, NoBiasCorrectionIsCaught) {
  EXPECT_FALSE(first_gamma_is_inverse_rayleigh<StepTunedNoBiasCorrection<rational>>());
}

// gamma_k in [m, M] at every iteration and eta_k = lr gamma_k / (k+1)^(1/2+delta) (L2530),
// on random non-convex quadratics with random hyper-parameters (double).
template <class Rule>
bool gamma_stays_in_clip_interval() {
  return check_limited("step_tuned_sgd: gamma_k in [m, M] and eta_k = lr gamma_k/(k+1)^(1/2+delta)", 100, [] {
    const int n = *rc::gen::inRange(1, 4);
    VecD a(n), x0(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::real_log_scale(1e-3, 4, ov::gen::Sign::any);
      x0[i] = *ov::gen::real_in(-1, 1);
    }
    DiagQuadratic<double> f(a);
    StepTunedSgdOptions<double> opt;
    opt.lr = *ov::gen::real_in(0.01, 0.5);  // ov-lint: double-literal-ok (generator bounds)
    opt.beta = *ov::gen::half_open_unit<double>();
    opt.m = *ov::gen::real_in(0.1, 1);      // ov-lint: double-literal-ok (generator bounds)
    opt.M = opt.m + *ov::gen::real_in(0, 2);
    opt.delta = *ov::gen::real_in(0.001, 0.49);  // ov-lint: double-literal-ok (generator bounds)
    Rule rule(opt);
    Oracle<double> o(f);
    VecD x = x0;
    for (long k = 0; k < 8; ++k) {
      const double gamma = rule.state().gamma;
      const auto r = rule.step(o, x);
      if (r.refused() || r.status == StepStatus::stationary) break;
      const double eta = opt.lr * gamma / std::pow(double(k + 1), 0.5 + opt.delta);  // ov-lint: double-literal-ok (1/2 in double)
      RC_ASSERT(std::abs(*r.step_size - eta) <= 4 * std::numeric_limits<double>::epsilon() * eta);
      RC_ASSERT(rule.state().gamma >= opt.m);
      RC_ASSERT(rule.state().gamma <= opt.M);
    }
  });
}
TEST(StepTunedProperty, GammaStaysInClipInterval) { EXPECT_TRUE(gamma_stays_in_clip_interval<StepTunedSgd<double>>()); }
TEST(StepTunedMutant, NoClipIsCaught) { EXPECT_FALSE(gamma_stays_in_clip_interval<StepTunedNoClip<double>>()); }

// A NaN at either gradient evaluation leaves x, G, gamma and k unchanged.
template <class Rule>
bool step_tuned_refusal_leaves_state() {
  return check_limited("step_tuned_sgd: a refused step leaves theta, G, gamma and k unchanged", 60, [] {
    const int n = *rc::gen::inRange(1, 4);
    VecD a(n), x0(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::real_in(-2, 2);
      x0[i] = *ov::gen::real_in(-1, 1);
    }
    DiagQuadratic<double> f(a);
    f.poison_at = *rc::gen::inRange(1, 8);
    Rule rule;
    Oracle<double> o(f);
    VecD x = x0;
    for (int k = 0; k < 4; ++k) {
      const VecD x_before = x;
      const StepTunedState<double> s = rule.state();
      const auto r = rule.step(o, x);
      if (!r.refused()) continue;
      RC_ASSERT(r.status == StepStatus::refused_non_finite_gradient);
      RC_ASSERT(x == x_before);
      RC_ASSERT(rule.state().k == s.k);
      RC_ASSERT(rule.state().gamma == s.gamma);
      RC_ASSERT(rule.state().G.size() == s.G.size());
      if (s.G.size() > 0) RC_ASSERT(rule.state().G == s.G);
      return;
    }
  });
}
TEST(StepTunedProperty, RefusalLeavesStateUnchanged) {
  EXPECT_TRUE(step_tuned_refusal_leaves_state<StepTunedSgd<double>>());
}
TEST(StepTunedMutant, LeakyRefusalIsCaught) {
  EXPECT_FALSE(step_tuned_refusal_leaves_state<StepTunedLeakyRefusal<double>>());
}

// Same-batch reuse: the driver draws a batch, the rule evaluates twice on it.
bool pairs_share_batches(const std::vector<Batch>& log) {
  if (log.size() % 2 != 0) return false;
  for (std::size_t i = 0; i + 1 < log.size(); i += 2)
    if (log[i] != log[i + 1]) return false;
  return true;
}
TEST(StepTunedUnit, EachIterationUsesOneBatchTwice) {
  std::vector<VecD> a, b;
  for (int i = 0; i < 6; ++i) {
    a.push_back(vec<double>({1.0 + i, 2.0}));
    b.push_back(vec<double>({double(i), -1.0}));
  }
  DiagQuadraticSum<double> f(a, b);
  BatchSampler s(6, 2, Sampling::reshuffle_each_epoch, 3);
  Oracle<double> o(f, s);
  StepTunedSgd<double> rule;
  VecD x = vec<double>({1.0, 1.0});
  for (int k = 0; k < 9; ++k) {  // what minimize() does, without its final full evaluation
    o.next_batch();
    ASSERT_FALSE(rule.step(o, x).refused());
  }
  EXPECT_EQ(o.evaluations().gradients, 18);
  EXPECT_EQ(o.evaluations().sample_gradients, 36);
  EXPECT_TRUE(pairs_share_batches(f.log));
  // Companion: the check fails on a log whose pairs differ.
  std::vector<Batch> broken = f.log;
  std::swap(broken[1], broken[2]);
  EXPECT_FALSE(pairs_share_batches(broken));
}

// Per-epoch decay: q = 1-based epoch of the current batch (6 samples, batch 2: 3 per epoch).
TEST(StepTunedUnit, PerEpochDecayUsesEpochIndex) {
  std::vector<VecD> a(6, vec<double>({1.0})), b(6, vec<double>({0.0}));
  DiagQuadraticSum<double> f(a, b);
  BatchSampler s(6, 2, Sampling::reshuffle_each_epoch, 3);
  Oracle<double> o(f, s);
  StepTunedSgdOptions<double> opt;
  opt.decay = StepTunedDecay::per_epoch;
  opt.m = opt.M = 1;  // gamma_k = 1 always
  StepTunedSgd<double> rule(opt);
  VecD x = vec<double>({1.0});
  for (int k = 0; k < 7; ++k) {
    o.next_batch();
    const auto r = rule.step(o, x);
    const double qd = double(k / 3 + 1);
    EXPECT_DOUBLE_EQ(*r.step_size, opt.lr / std::pow(qd, 0.5 + opt.delta)) << k;  // ov-lint: double-literal-ok (1/2 in double)
  }
}

TEST(StepTunedValidation, RangesAreNamed) {
  auto with = [](auto set) {
    StepTunedSgdOptions<double> o;
    set(o);
    return [o] { StepTunedSgd<double> r(o); };
  };
  expect_invalid(with([](auto& o) { o.lr = 0; }), "step_tuned_sgd: lr = 0 is outside its valid range (0, inf)");
  expect_invalid(with([](auto& o) { o.nu = -1; }), "step_tuned_sgd: nu = -1 is outside its valid range (0, inf)");
  expect_invalid(with([](auto& o) { o.beta = 1; }), "step_tuned_sgd: beta = 1 is outside its valid range [0, 1)");
  expect_invalid(with([](auto& o) { o.m = 0; }), "step_tuned_sgd: m = 0 is outside its valid range (0, inf)");
  expect_invalid(with([](auto& o) { o.M = 0.25; }),  // ov-lint: double-literal-ok (invalid value)
                 "step_tuned_sgd: M = 0.25 is outside its valid range [m, inf) with m = 0.5");
  expect_invalid(with([](auto& o) { o.delta = 0.5; }),  // ov-lint: double-literal-ok (invalid value)
                 "step_tuned_sgd: delta = 0.5 is outside its valid range (0, 1/2)");
  expect_invalid(with([](auto& o) { o.delta = 0; }), "delta = 0 is outside its valid range (0, 1/2)");
  StepTunedFullBatchOptions<double> fo;
  fo.nu = 0;
  expect_invalid([fo] { StepTunedFullBatch<double> r(fo); },
                 "step_tuned_full_batch: nu = 0 is outside its valid range (0, inf)");
}

// The defaults are exactly those of 002 footnote 2 (L2348), exact in rational.
TEST(StepTunedUnit, DefaultsAreTheThesisValues) {
  StepTunedSgdOptions<rational> o;
  EXPECT_EQ(o.nu, q(2));
  EXPECT_EQ(o.beta, q(9, 10));
  EXPECT_EQ(o.m, q(1, 2));
  EXPECT_EQ(o.M, q(2));
  EXPECT_EQ(o.delta, q(1, 1000));
  InnaOptions<rational> i;
  EXPECT_EQ(i.alpha, q(1, 2));
  EXPECT_EQ(i.beta, q(1, 10));
  EXPECT_EQ(i.psi0, Psi0::thesis);
}

// ================================================================ Algorithm 2 by hand
// J = 2 theta^2, alpha = 1/10, theta_0 = 1: theta_1 = 1 - 4/10 = 3/5;
// k=1: dtheta = -2/5, dg = -8/5, <dg, dtheta> = 16/25, gamma = (4/25)/(16/25) = 1/4,
//      theta_2 = 3/5 - (1/10)(1/4)(12/5) = 27/50;  k=2: gamma = 1/4, theta_3 = (27/50)(9/10) = 243/500.
TEST(StepTunedFullBatchExact, ConvexByHand) {
  DiagQuadratic<rational> f(vec<rational>({q(4)}));
  Oracle<rational> o(f);
  StepTunedFullBatch<rational> rule;
  VecQ x = vec<rational>({q(1)});
  rule.step(o, x);
  EXPECT_EQ(x[0], q(3, 5));
  rule.step(o, x);
  EXPECT_EQ(x[0], q(27, 50));
  EXPECT_EQ(rule.state().gamma, q(1, 4));
  rule.step(o, x);
  EXPECT_EQ(x[0], q(243, 500));
}
// J = -theta^2/2: theta_1 = 1 + 1/10 = 11/10; dtheta = 1/10, dg = -1/10, <.,.> < 0 -> nu = 2;
// theta_2 = 11/10 - (1/10)(2)(-11/10) = 33/25.
TEST(StepTunedFullBatchExact, ConcaveTakesNu) {
  DiagQuadratic<rational> f(vec<rational>({q(-1)}));
  Oracle<rational> o(f);
  StepTunedFullBatch<rational> rule;
  VecQ x = vec<rational>({q(1)});
  rule.step(o, x);
  EXPECT_EQ(x[0], q(11, 10));
  rule.step(o, x);
  EXPECT_EQ(x[0], q(33, 25));
  EXPECT_EQ(rule.state().gamma, q(2));
}

// ================================================================ Algorithms 4-5 (Fig. 4.3 heuristics)
// Samples f_0 = theta^2/2 (a = 1), f_1 = (3/4) theta^2 (a = 3/2); J = mean, a_bar = 5/4; batch 1,
// shuffle_once, per-epoch decay (factor 1 in epoch 1); theta_0 = 1, lr = 1/10, gamma_0 = 1.
// k=0 on a_i: theta_1 = 1 - a_i/10.  k=1 on a_j, dtheta = -a_i/10:
//  Exact-GV: dg = a_bar dtheta -> gamma_1 = 1/a_bar = 4/5; theta_2 = theta_1 (1 - (1/10)(4/5) a_j):
//     order (0,1): (9/10)(22/25) = 99/125;  order (1,0): (17/20)(23/25) = 391/500.
//  Stochastic-GV: dg = a_j theta_1 - a_i theta_0:
//     order (0,1): dg = 27/20 - 1 = 7/20, <dg, dtheta> = -7/200 <= 0 -> nu = 2;
//                  theta_2 = 9/10 - (1/10)(2)(3/2)(9/10) = 63/100;
//     order (1,0): dg = 17/20 - 3/2 = -13/20, <dg, dtheta> = 39/400, gamma = (9/400)/(39/400) = 3/13
//                  -> clipped to 1/2; theta_2 = (17/20)(1 - 1/20) = 323/400.
TEST(GradientVariationExact, TwoStepsByHand) {
  bool seen[2] = {false, false};
  for (std::uint64_t seed = 0; seed < 8; ++seed)  // both batch orders occur
  for (GvEstimate est : {GvEstimate::exact, GvEstimate::stochastic}) {
    DiagQuadraticSum<rational> f({vec<rational>({q(1)}), vec<rational>({q(3, 2)})},
                                 {vec<rational>({q(0)}), vec<rational>({q(0)})});
    BatchSampler s(2, 1, Sampling::shuffle_once, seed);
    Oracle<rational> o(f, s);
    GradientVariationSgdOptions<rational> opt;
    opt.estimate = est;
    opt.decay = StepTunedDecay::per_epoch;
    GradientVariationSgd<rational> rule(opt);
    VecQ x = vec<rational>({q(1)});
    o.next_batch();
    const bool first0 = o.batch()[0] == 0;
    ASSERT_FALSE(rule.step(o, x).refused());
    EXPECT_EQ(x[0], first0 ? q(9, 10) : q(17, 20));
    o.next_batch();
    ASSERT_FALSE(rule.step(o, x).refused());
    if (est == GvEstimate::exact) {
      EXPECT_EQ(rule.state().gamma, q(4, 5));
      EXPECT_EQ(x[0], first0 ? q(99, 125) : q(391, 500));
      EXPECT_EQ(o.evaluations().full_gradients, 2);
    } else {
      EXPECT_EQ(rule.state().gamma, first0 ? q(2) : q(1, 2));
      EXPECT_EQ(x[0], first0 ? q(63, 100) : q(323, 400));
      EXPECT_EQ(o.evaluations().full_gradients, 0);
    }
    seen[first0 ? 0 : 1] = true;
  }
  EXPECT_TRUE(seen[0] && seen[1]);
}

// Exact-GV on a finite sum of 1-D quadratics a_i theta^2/2 - b_i theta: the full-gradient variation
// is a_bar dtheta exactly, so gamma_k = clip(1/a_bar) (or clip(nu) if a_bar <= 0) for every k >= 1,
// whatever the batches. Stochastic-GV (Algorithm 4), the thesis's negative example, is the mutant.
bool exact_gv_recovers_mean_curvature(GvEstimate est) {
  return check_limited(std::string("gv_sgd: gamma_k = clip(1/a_bar) [") + to_string(est) + "]", 100, [est] {
    const int n = *rc::gen::inRange(2, 5);
    std::vector<VecQ> a, b;
    rational abar = 0;
    for (int i = 0; i < n; ++i) {
      a.push_back(vec<rational>({*ov::gen::rational_in(-2, 3, 4)}));
      b.push_back(vec<rational>({*ov::gen::rational_in(-2, 2, 4)}));
      abar += a.back()[0] / n;
    }
    DiagQuadraticSum<rational> f(a, b);
    BatchSampler s(static_cast<std::size_t>(n), 1, Sampling::shuffle_once, *rc::gen::inRange<std::uint64_t>(0, 1000));
    Oracle<rational> o(f, s);
    GradientVariationSgdOptions<rational> opt;
    opt.estimate = est;
    opt.decay = StepTunedDecay::per_epoch;
    opt.m = q(1, 100);
    opt.M = q(100);
    GradientVariationSgd<rational> rule(opt);
    VecQ x = vec<rational>({*ov::gen::rational_in(-2, 2, 5)});
    const rational expected = ops::min(ops::max(abar > 0 ? rational(1 / abar) : opt.nu, opt.m), opt.M);
    for (int k = 0; k < n; ++k) {  // one epoch: decay factor 1, exact
      o.next_batch();
      const auto r = rule.step(o, x);
      RC_ASSERT(!r.refused());
      if (r.status == StepStatus::stationary) return;
      if (k >= 1) RC_ASSERT(rule.state().gamma == expected);
    }
  });
}
TEST(GradientVariationProperty, ExactGvRecoversMeanCurvature) {
  EXPECT_TRUE(exact_gv_recovers_mean_curvature(GvEstimate::exact));
}
TEST(GradientVariationMutant, StochasticGvDoesNot) {
  EXPECT_FALSE(exact_gv_recovers_mean_curvature(GvEstimate::stochastic));
}

// ================================================================ Algorithm 6 (Expected-GV)
// E[C_{J_A}] = E[Hess J_A grad J_A] against a brute-force average over EVERY batch, exactly in
// rational: all subsets of size b (uniform_subset) or all b-tuples (with_replacement), on finite
// sums of P-D diagonal quadratics (H_i = diag(a_i) and g_i = a_i x - b_i differ across samples, so
// the cross terms E[H_i g_l], i != l, matter for 1 < b < n).
using CurvatureFn = std::function<VecQ(Oracle<rational>&, const VecQ&, BatchLaw)>;

VecQ enumerated_curvature(const DiagQuadraticSum<rational>& f, const VecQ& x, std::size_t b, BatchLaw law) {
  const std::size_t n = f.num_samples();
  VecQ sum = VecQ::Zero(x.size());
  long count = 0;
  std::vector<std::size_t> idx(b, 0);
  auto visit = [&](const std::vector<std::size_t>& batch) {
    VecQ h = VecQ::Zero(x.size()), g = VecQ::Zero(x.size());
    for (std::size_t i : batch) {
      h += f.a(i);
      g += f.a(i).cwiseProduct(x) - f.b(i);
    }
    const rational inv = rational(1) / rational(static_cast<long>(batch.size()));
    sum += (inv * h).cwiseProduct(inv * g);
    ++count;
  };
  if (law == BatchLaw::with_replacement) {  // odometer over n^b tuples
    for (;;) {
      visit(idx);
      std::size_t j = 0;
      while (j < b && ++idx[j] == n) idx[j++] = 0;
      if (j == b) break;
    }
  } else {  // combinations i_0 < ... < i_{b-1}
    for (std::size_t j = 0; j < b; ++j) idx[j] = j;
    for (;;) {
      visit(idx);
      std::size_t j = b;
      while (j > 0 && idx[j - 1] == n - b + (j - 1)) --j;
      if (j == 0) break;
      ++idx[j - 1];
      for (std::size_t l = j; l < b; ++l) idx[l] = idx[l - 1] + 1;
    }
  }
  return sum / rational(count);
}

bool curvature_matches_enumeration(const CurvatureFn& curvature) {
  return check_limited("expected_curvature = average of Hess J_B grad J_B over all batches", 60, [&curvature] {
    const int n = *rc::gen::inRange(1, 6);
    const int b = *rc::gen::inRange(1, n + 1);
    const int p = *rc::gen::inRange(1, 3);
    const BatchLaw law = *rc::gen::element(BatchLaw::uniform_subset, BatchLaw::with_replacement);
    std::vector<VecQ> a, bb;
    for (int i = 0; i < n; ++i) {
      VecQ ai(p), bi(p);
      for (int j = 0; j < p; ++j) {
        ai[j] = *ov::gen::rational_in(-2, 3, 4);
        bi[j] = *ov::gen::rational_in(-2, 2, 4);
      }
      a.push_back(ai);
      bb.push_back(bi);
    }
    DiagQuadraticSum<rational> f(a, bb);
    BatchSampler s(static_cast<std::size_t>(n), static_cast<std::size_t>(b), Sampling::reshuffle_each_epoch, 1);
    Oracle<rational> o(f, s);
    VecQ x(p);
    for (int j = 0; j < p; ++j) x[j] = *ov::gen::rational_in(-2, 2, 5);
    RC_ASSERT(curvature(o, x, law) == enumerated_curvature(f, x, static_cast<std::size_t>(b), law));
  });
}
TEST(ExpectedCurvature, EqualsEnumerationOverAllBatches) {
  EXPECT_TRUE(curvature_matches_enumeration(
      [](Oracle<rational>& o, const VecQ& x, BatchLaw law) { return expected_curvature(o, x, law); }));
}
// Mutant: the with-replacement weights used for uniform subsets (no finite-population correction).
TEST(ExpectedCurvatureMutant, WithoutFinitePopulationCorrectionIsCaught) {
  EXPECT_FALSE(curvature_matches_enumeration(
      [](Oracle<rational>& o, const VecQ& x, BatchLaw) { return expected_curvature(o, x, BatchLaw::with_replacement); }));
}

// Two steps by hand, same data as above (a = 1, 3/2; b = 0; batch 1; per-epoch decay): with
// batch size 1, E[C_A](theta) = mean(a_i^2) theta = (13/8) theta. k=0 on a_i: s_0 = 1/10,
// theta_1 = 1 - a_i/10, G_1 = -(1/10)(13/8) = -13/80, dtheta_1 = -a_i/10,
// gamma_1 = (a_i/10)^2 / ((13/800) a_i) = 8 a_i / 13 (= the text form ||dtheta|| ||g_0|| / <-E[C], dtheta>);
// theta_2 = theta_1 (1 - (1/10) gamma_1 a_j):
//   order (0,1): gamma_1 = 8/13, theta_2 = (9/10)(59/65) = 531/650;
//   order (1,0): gamma_1 = 12/13, theta_2 = (17/20)(59/65) = 1003/1300.
// Cost per step: 1 batch gradient + 2 per-sample gradients, 2 per-sample Hessian-vector products.
TEST(GradientVariationExpected, TwoStepsByHand) {
  bool seen[2] = {false, false};
  for (std::uint64_t seed = 0; seed < 8; ++seed) {
    DiagQuadraticSum<rational> f({vec<rational>({q(1)}), vec<rational>({q(3, 2)})},
                                 {vec<rational>({q(0)}), vec<rational>({q(0)})});
    BatchSampler s(2, 1, Sampling::shuffle_once, seed);
    Oracle<rational> o(f, s);
    GradientVariationSgdOptions<rational> opt;
    opt.estimate = GvEstimate::expected;
    opt.decay = StepTunedDecay::per_epoch;
    GradientVariationSgd<rational> rule(opt);
    EXPECT_EQ(rule.name(), "expected_gv_sgd");
    VecQ x = vec<rational>({q(1)});
    o.next_batch();
    const bool first0 = o.batch()[0] == 0;
    ASSERT_FALSE(rule.step(o, x).refused());
    EXPECT_EQ(rule.state().prev_g[0], q(13, 8));
    o.next_batch();
    ASSERT_FALSE(rule.step(o, x).refused());
    EXPECT_EQ(rule.state().gamma, first0 ? q(8, 13) : q(12, 13));
    EXPECT_EQ(x[0], first0 ? q(531, 650) : q(1003, 1300));
    EXPECT_EQ(o.evaluations().gradients, 6);
    EXPECT_EQ(o.evaluations().hessian_vectors, 4);
    seen[first0 ? 0 : 1] = true;
  }
  EXPECT_TRUE(seen[0] && seen[1]);
}

// As printed, G_k's factor alpha/(k-1)^(1/2+delta) divides by zero at k = 1: that step is refused
// with the state unchanged (k stays 1, theta stays theta_1).
TEST(GradientVariationExpected, PrintedScaleIsRefusedAtKEqualsOne) {
  DiagQuadraticSum<rational> f(std::vector<VecQ>(3, vec<rational>({q(2)})), std::vector<VecQ>(3, vec<rational>({q(0)})));
  BatchSampler s(3, 1, Sampling::shuffle_once, 1);
  Oracle<rational> o(f, s);
  GradientVariationSgdOptions<rational> opt;
  opt.estimate = GvEstimate::expected;
  opt.scale = ExpectedGvScale::printed;
  opt.decay = StepTunedDecay::per_epoch;  // decay factor 1 in epoch 1: exact in rational
  GradientVariationSgd<rational> rule(opt);
  VecQ x = vec<rational>({q(1)});
  o.next_batch();
  ASSERT_FALSE(rule.step(o, x).refused());
  const VecQ x1 = x;
  o.next_batch();
  const auto r = rule.step(o, x);
  EXPECT_EQ(r.status, StepStatus::refused_undefined);
  EXPECT_NE(r.message.find("k = 1"), std::string::npos) << r.message;
  EXPECT_EQ(x, x1);
  EXPECT_EQ(rule.state().k, 1);
}

// N identical samples a theta^2 / 2 (a > 0), batch size 1, one epoch (per-epoch decay factor 1,
// so everything is exact in rational): E[C] = a^2 theta, dtheta_k = -s a theta_{k-1},
// G_k = -s a^2 theta_{k-1}, hence gamma_k = clip(1/a) for every k >= 1 (as Algorithm 2 on a
// quadratic). The mutant is a curvature oracle with the wrong sign (-Hess v): <G, dtheta> < 0
// then gives nu instead.
bool expected_gv_recovers_curvature(bool wrong_sign_hvp) {
  return check_limited(std::string("expected_gv_sgd: gamma_k = clip(1/a) on a quadratic") +
                           (wrong_sign_hvp ? " [mutant]" : ""),
                       100, [wrong_sign_hvp] {
    const int num = *rc::gen::inRange(1, 33), den = *rc::gen::inRange(1, 17);
    rational a = rational(num) / rational(den);  // (0, 32]
    if (a == rational(1, 2)) a = rational(3, 4);  // 1/a = nu = 2 would hide the mutant
    const int n = 4;
    DiagQuadraticSum<rational> f(std::vector<VecQ>(n, vec<rational>({a})), std::vector<VecQ>(n, vec<rational>({q(0)})));
    if (wrong_sign_hvp) f.hvp_sign = rational(-1);
    BatchSampler s(n, 1, Sampling::shuffle_once, 7);
    Oracle<rational> o(f, s);
    GradientVariationSgdOptions<rational> opt;
    opt.estimate = GvEstimate::expected;
    opt.decay = StepTunedDecay::per_epoch;
    opt.batch_law = *rc::gen::element(BatchLaw::uniform_subset, BatchLaw::with_replacement);
    opt.m = q(1, 100);
    opt.M = q(100);
    GradientVariationSgd<rational> rule(opt);
    VecQ x = vec<rational>({*ov::gen::rational_in(-2, 2, 5)});
    RC_PRE(x[0] != 0);
    const rational expected = ops::min(ops::max(rational(1 / a), opt.m), opt.M);
    for (int k = 0; k < n; ++k) {
      o.next_batch();
      const auto r = rule.step(o, x);
      RC_ASSERT(!r.refused());
      if (r.status == StepStatus::stationary) return;  // landed exactly on the minimiser (e.g. lr a = 1)
      if (k >= 1) RC_ASSERT(rule.state().gamma == expected);
    }
  });
}
TEST(GradientVariationProperty, ExpectedGvRecoversCurvature) { EXPECT_TRUE(expected_gv_recovers_curvature(false)); }
TEST(GradientVariationMutant, WrongSignCurvatureIsCaught) { EXPECT_FALSE(expected_gv_recovers_curvature(true)); }


// ================================================================ DIN (exact)
// For a quadratic J with diagonal Hessian A, along (2.6):
//   (i) the Lyapunov identity (2.32): <grad E, z'> = -2 alpha ||theta'||^2 - (2/beta) ||psi' - theta'||^2,
//       with grad_theta E = 2(1 + alpha beta) grad J + 2 (alpha - 1/beta) w, grad_psi E = (2/beta) w,
//       w = (alpha - 1/beta) theta + psi/beta (computed here from (2.17), not by DinSystem);
//  (ii) (2.6) => (2.5): theta'' = d/dt theta' = -beta A theta' - (alpha - 1/beta) theta' - psi'/beta
//       satisfies theta'' + alpha theta' + beta A theta' + grad J = 0 exactly.
template <class Field>
bool din_identities_hold(bool use_mutant) {
  return check_limited(std::string("din: Lyapunov identity (2.32) and (2.6) => (2.5)") + (use_mutant ? " [mutant]" : ""),
                       100, [use_mutant] {
    const int n = *rc::gen::inRange(1, 4);
    VecQ a(n), b(n), th(n), ps(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::rational_in(-3, 3, 5);
      b[i] = *ov::gen::rational_in(-2, 2, 5);
      th[i] = *ov::gen::rational_in(-2, 2, 7);
      ps[i] = *ov::gen::rational_in(-2, 2, 7);
    }
    const rational alpha = *ov::gen::rational_in(0, 3, 6);
    const rational beta = *rc::gen::suchThat(ov::gen::rational_in(0, 3, 6), [](const rational& v) { return v > 0; });
    DiagQuadratic<rational> J(a, b);
    DinSystem<rational> din(J, alpha, beta);
    const VecQ z = DinSystem<rational>::pack(th, ps);
    const VecQ dz = use_mutant ? Field{&J, alpha, beta}(rational(0), z) : din(rational(0), z);
    const VecQ th_dot = dz.head(n), ps_dot = dz.tail(n);
    const rational c = alpha - rational(1) / beta;
    const VecQ w = c * th + ps / beta;
    const VecQ g = J.gradient(th);
    const VecQ gE_th = rational(2) * (rational(1) + alpha * beta) * g + rational(2) * c * w;
    const VecQ gE_ps = (rational(2) / beta) * w;
    const rational rate = gE_th.dot(th_dot) + gE_ps.dot(ps_dot);
    const rational rhs = -rational(2) * alpha * th_dot.squaredNorm() - (rational(2) / beta) * (ps_dot - th_dot).squaredNorm();
    RC_ASSERT(rate == rhs);
    if (!use_mutant) RC_ASSERT(din.energy_rate(z) == rhs);
    VecQ th_ddot(n), residual(n);
    for (int i = 0; i < n; ++i) {
      th_ddot[i] = -beta * a[i] * th_dot[i] - c * th_dot[i] - ps_dot[i] / beta;
      residual[i] = th_ddot[i] + alpha * th_dot[i] + beta * a[i] * th_dot[i] + g[i];
    }
    RC_ASSERT(residual == VecQ::Zero(n));
  });
}
TEST(DinProperty, LyapunovIdentityAndSecondOrderForm) {
  EXPECT_TRUE(din_identities_hold<DinWrongPsiSign<rational>>(false));
}
TEST(DinMutant, WrongPsiSignIsCaught) { EXPECT_FALSE(din_identities_hold<DinWrongPsiSign<rational>>(true)); }

// psi_from_velocity inverts the first line of (2.6): velocity(initial_state(theta, v)) == v.
TEST(DinExact, ChangeOfVariablesRoundTrips) {
  DiagQuadratic<rational> J(vec<rational>({q(3), q(-1, 2)}), vec<rational>({q(1), q(2, 3)}));
  DinSystem<rational> din(J, q(1, 2), q(1, 10));
  const VecQ th = vec<rational>({q(1, 3), q(-2)}), v = vec<rational>({q(5, 7), q(1, 9)});
  EXPECT_EQ(din.velocity(din.initial_state(th, v)), v);
  // Fixed point (2.16): grad J(theta*) = 0, psi* = (1 - alpha beta) theta* => z' = 0.
  const VecQ star = vec<rational>({q(1, 3), q(-4, 3)});
  const VecQ z = DinSystem<rational>::pack(star, (q(1) - q(1, 20)) * star);
  EXPECT_EQ(din(q(0), z), VecQ::Zero(4));
  expect_invalid([&] { DinSystem<rational> d(J, q(1), q(0)); }, "din: beta = 0 is outside its valid range (0, inf)");
}

// Butcher order conditions, exact in rational: row sums c_i = sum_j a_ij, and for order p <= 4
// sum b = 1, sum b c = 1/2, sum b c^2 = 1/3, sum b a c = 1/6, sum b c^3 = 1/4, sum b c a c = 1/8,
// sum b a c^2 = 1/12, sum b a a c = 1/24.
bool order_conditions_hold(const ButcherTableau<rational>& t, const std::vector<rational>& b, int order) {
  const int s = t.stages();
  for (int i = 0; i < s; ++i) {
    rational row = 0;
    for (int j = 0; j < i; ++j) row += t.a[i][j];
    if (row != t.c[i]) return false;
  }
  auto A = [&](int i, int j) { return j < i ? t.a[i][j] : rational(0); };
  std::vector<rational> ac(s, 0), ac2(s, 0), aac(s, 0);
  for (int i = 0; i < s; ++i)
    for (int j = 0; j < s; ++j) {
      ac[i] += A(i, j) * t.c[j];
      ac2[i] += A(i, j) * t.c[j] * t.c[j];
    }
  for (int i = 0; i < s; ++i)
    for (int j = 0; j < s; ++j) aac[i] += A(i, j) * ac[j];
  rational s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
  for (int i = 0; i < s; ++i) {
    s1 += b[i];
    s2 += b[i] * t.c[i];
    s3 += b[i] * t.c[i] * t.c[i];
    s4 += b[i] * ac[i];
    s5 += b[i] * t.c[i] * t.c[i] * t.c[i];
    s6 += b[i] * t.c[i] * ac[i];
    s7 += b[i] * ac2[i];
    s8 += b[i] * aac[i];
  }
  bool ok = s1 == 1;
  if (order >= 2) ok = ok && s2 == q(1, 2);
  if (order >= 3) ok = ok && s3 == q(1, 3) && s4 == q(1, 6);
  if (order >= 4) ok = ok && s5 == q(1, 4) && s6 == q(1, 8) && s7 == q(1, 12) && s8 == q(1, 24);
  return ok;
}
TEST(OdeExact, ButcherOrderConditions) {
  const auto rk4 = classic_rk4<rational>();
  EXPECT_TRUE(order_conditions_hold(rk4, rk4.b, 4));
  const auto dp = dormand_prince_54<rational>();
  EXPECT_TRUE(order_conditions_hold(dp, dp.b, 4));      // b has order 5 (the order-5 conditions are not listed)
  EXPECT_TRUE(order_conditions_hold(dp, dp.b_hat, 4));  // b_hat has order 4
  // Mutant: equal weights are consistent (order 2) but fail at order 3.
  const auto bad = rk4_equal_weights<rational>();
  EXPECT_TRUE(order_conditions_hold(bad, bad.b, 2));
  EXPECT_FALSE(order_conditions_hold(bad, bad.b, 3));
}

// RK4 in rational on theta' = -theta (no pow needed): one step of h = 1 gives the degree-4
// Taylor polynomial 1 - 1 + 1/2 - 1/6 + 1/24 = 3/8.
TEST(OdeExact, Rk4StepIsTaylorPolynomial) {
  auto f = [](const rational&, const VecQ& z) { return VecQ(-z); };
  const auto r = integrate_fixed(f, classic_rk4<rational>(), q(0), vec<rational>({q(1)}), q(1), 1);
  EXPECT_EQ(r.z[0], q(3, 8));
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.evaluations, 4);
}

// ================================================================ registry
TEST(CasteraRegistry, EntriesBuildWithDefaultsAndRejectUnknownKeys) {
  Registry<double> r;
  register_castera(r);
  const ScalarParser<double> parse = [](const std::string& s) { return ov::constant<double>(s); };
  for (const char* name :
       {"inna", "inna_fixed_step", "step_tuned_sgd", "step_tuned_full_batch", "stochastic_gv_sgd", "exact_gv_sgd",
        "expected_gv_sgd"}) {
    ASSERT_TRUE(r.contains(name)) << name;
    auto opt = r.make(name, parse);
    EXPECT_EQ(opt->name(), name);
    const auto& e = r.find(name);
    EXPECT_FALSE(e.citation.empty());
    for (const auto& p : e.parameters) EXPECT_FALSE(p.range.empty()) << name << " " << p.name;
  }
  auto inna = r.make("inna:alpha=1/4,psi0=public_code,decay_power=1/2", parse);
  bool found = false;
  for (const auto& h : inna->hyperparameters())
    if (h.name == "psi0") found = h.value == "public_code";
  EXPECT_TRUE(found);
  EXPECT_THROW(r.make("inna:gamma=1", parse), std::invalid_argument);
  EXPECT_THROW(r.make("step_tuned_sgd:beta=1", parse), invalid_hyperparameter);
  EXPECT_THROW(r.make("inna:psi0=other", parse), std::invalid_argument);
  // The registered defaults are exactly the thesis's (footnote 2): compare in rational.
  Registry<rational> rq;
  register_castera(rq);
  auto st = rq.make("step_tuned_sgd", [](const std::string& s) { return ov::constant<rational>(s); });
  auto* stq = dynamic_cast<StepTunedSgd<rational>*>(st.get());
  ASSERT_NE(stq, nullptr);
  EXPECT_EQ(stq->options().beta, q(9, 10));
  EXPECT_EQ(stq->options().delta, q(1, 1000));
}

}  // namespace
