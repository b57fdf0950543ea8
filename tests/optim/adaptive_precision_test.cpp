// The elementwise rules in mp100: (a) the first steps against formulas typed
// independently here (scalar loops written from the papers, not the kernels) and
// closed forms; Adam's unit steps on a linear objective (bias correction exact up to
// mp100 rounding); AdamW differs from Adam + L2; (b) double vs mp100 on short runs.
// Each check also runs on a mutant (adaptive_fixtures.hpp) and must fail there.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>

#include "tests/autodiff/limited_check.hpp"
#include "tests/optim/adaptive_fixtures.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov::optim;
using namespace adaptive_test;
using ov::mp100;
using ov::testing::check_limited;
using VecM = Vector<mp100>;
using VecD = Vector<double>;

mp100 r(long p, long q = 1) { return mp100(p) / mp100(q); }

// The test problem: f = sum a_i x_i^2 / 2 - b_i x_i, a = (1, 3, 1/2), b = (1/4, -1, 0),
// x0 = (1, -2, 1/2) (all dyadic: exact in double too).
template <class S>
DiagQuadratic<S> problem() {
  Vector<S> a(3), b(3);
  a << S(1), S(3), S(1) / S(2);
  b << S(1) / S(4), S(-1), S(0);
  return DiagQuadratic<S>(a, b);
}
template <class S>
Vector<S> start() {
  Vector<S> x(3);
  x << S(1), S(-2), S(1) / S(2);
  return x;
}

// ------------------------------------------------------------------ typed references
// Independent scalar transcriptions, coordinate by coordinate, of each rule with the
// hyper-parameters of make_rule (lr = 1/10; defaults otherwise), from the sources:
// 004 (38)-(42), Kingma & Ba Alg. 1/2, Zeiler Alg. 1, Dozat/torch NAdam.
std::vector<VecM> reference(const std::string& rule, int steps) {
  const mp100 lr = r(1, 10), a[3] = {r(1), r(3), r(1, 2)}, b[3] = {r(1, 4), r(-1), r(0)};
  mp100 x[3] = {r(1), r(-2), r(1, 2)};
  mp100 s1[3] = {0, 0, 0}, s2[3] = {0, 0, 0};  // per-rule state
  mp100 vg = 0, prod = 1;                        // global v, NAdam's mu product
  std::vector<VecM> out;
  for (int t = 1; t <= steps; ++t) {
    mp100 g[3];
    for (int i = 0; i < 3; ++i) g[i] = a[i] * x[i] - b[i];
    if (rule == "rmsprop_global" || rule == "adam_global") {
      const mp100 gam = rule == "rmsprop_global" ? r(9, 10) : r(999, 1000);
      vg = gam * vg + (1 - gam) * (g[0] * g[0] + g[1] * g[1] + g[2] * g[2]);
    }
    for (int i = 0; i < 3; ++i) {
      if (rule == "adagrad") {  // 004 (39)-(40), eps = 1e-10 inside
        s1[i] += g[i] * g[i];
        x[i] -= lr * g[i] / sqrt(r(1, 10000000000L) + s1[i]);
      } else if (rule == "rmsprop") {  // gamma = 0.9, eps = 1e-8 inside
        s1[i] = r(9, 10) * s1[i] + r(1, 10) * g[i] * g[i];
        x[i] -= lr * g[i] / sqrt(r(1, 100000000) + s1[i]);
      } else if (rule == "rmsprop_global") {  // 004 (41)-(42)
        x[i] -= lr / sqrt(r(1, 100000000) + vg) * g[i];
      } else if (rule == "adam" || rule == "adam_l2" || rule == "adamw") {
        const mp100 wd = rule == "adam" ? r(0) : r(1, 4);
        const mp100 gg = rule == "adam_l2" ? mp100(g[i] + wd * x[i]) : g[i];
        s1[i] = r(9, 10) * s1[i] + r(1, 10) * gg;
        s2[i] = r(999, 1000) * s2[i] + r(1, 1000) * gg * gg;
        const mp100 mh = s1[i] / (1 - pow(r(9, 10), t)), vh = s2[i] / (1 - pow(r(999, 1000), t));
        x[i] = x[i] - lr * mh / (sqrt(vh) + r(1, 100000000)) - (rule == "adamw" ? mp100(lr * wd * x[i]) : mp100(0));
      } else if (rule == "adam_global") {
        s1[i] = r(9, 10) * s1[i] + r(1, 10) * g[i];
        const mp100 mh = s1[i] / (1 - pow(r(9, 10), t)), vh = vg / (1 - pow(r(999, 1000), t));
        x[i] -= lr * mh / (sqrt(vh) + r(1, 100000000));
      } else if (rule == "adamax") {  // Kingma & Ba Alg. 2, lr = 1/10 here
        s1[i] = r(9, 10) * s1[i] + r(1, 10) * g[i];
        {
          const mp100 decayed = r(999, 1000) * s2[i], ag = abs(g[i]);
          s2[i] = decayed < ag ? ag : decayed;
        }
        x[i] -= lr / (1 - pow(r(9, 10), t)) * s1[i] / s2[i];
      } else if (rule == "adadelta") {  // Zeiler Alg. 1, rho = 0.95, eps = 1e-6, lr = 1
        s1[i] = r(95, 100) * s1[i] + r(5, 100) * g[i] * g[i];
        const mp100 dx = -sqrt(s2[i] + r(1, 1000000)) / sqrt(s1[i] + r(1, 1000000)) * g[i];
        s2[i] = r(95, 100) * s2[i] + r(5, 100) * dx * dx;
        x[i] += dx;
      } else if (rule == "nadam") {  // psi = 0.004, beta = (0.9, 0.999), eps = 1e-8
        const mp100 mu_t = r(9, 10) * (1 - pow(r(96, 100), t * r(4, 1000)) / 2);
        const mp100 mu_n = r(9, 10) * (1 - pow(r(96, 100), (t + 1) * r(4, 1000)) / 2);
        s1[i] = r(9, 10) * s1[i] + r(1, 10) * g[i];
        s2[i] = r(999, 1000) * s2[i] + r(1, 1000) * g[i] * g[i];
        const mp100 mbar = mu_n * s1[i] / (1 - prod * mu_t * mu_n) + (1 - mu_t) * g[i] / (1 - prod * mu_t);
        x[i] -= lr * mbar / (sqrt(s2[i] / (1 - pow(r(999, 1000), t))) + r(1, 100000000));
        if (i == 2) prod *= mu_t;
      } else {
        throw std::invalid_argument(rule);
      }
    }
    VecM v(3);
    v << x[0], x[1], x[2];
    out.push_back(v);
  }
  return out;
}

// Relative agreement to 1e-90 (mp100 carries ~332 bits; three steps of ~20
// correctly rounded operations each lose at most ~60 ulps = 1e-98 relative).
bool matches_reference(Optimizer<mp100>& rule, const std::vector<VecM>& ref) {
  auto f = problem<mp100>();
  Oracle<mp100> o(f);
  VecM x = start<mp100>();
  for (const auto& e : ref) {
    if (rule.step(o, x).refused()) return false;
    for (int i = 0; i < 3; ++i)
      if (abs(x[i] - e[i]) > mp100("1e-90") * (1 + abs(e[i]))) return false;
  }
  return true;
}

TEST(AdaptiveMp100, FirstThreeStepsMatchTypedFormulas) {
  for (const std::string name : {"adagrad", "rmsprop", "rmsprop_global", "adam", "adam_l2", "adamw", "adam_global",
                                 "adamax", "adadelta", "nadam"}) {
    auto rule = make_rule<mp100>(name);
    EXPECT_TRUE(matches_reference(*rule, reference(name, 3))) << name;
  }
}
TEST(AdaptiveMp100, TypedFormulaCheckFailsOnAdamWithoutBiasCorrection) {
  AdamOptions<mp100> o;
  o.lr = r(1, 10);
  AdamWithoutBiasCorrection<mp100> mutant(o);
  EXPECT_FALSE(matches_reference(mutant, reference("adam", 3)));
}

// Closed form of Adam's first step (m-hat = g, v-hat = g^2): x1 = x0 - lr g/(|g| + eps).
// g0 = a x0 - b = (3/4, -5, 1/4).
TEST(AdaptiveMp100, AdamFirstStepClosedForm) {
  auto rule = make_rule<mp100>("adam");
  auto f = problem<mp100>();
  Oracle<mp100> o(f);
  VecM x = start<mp100>();
  rule->step(o, x);
  const mp100 eps = r(1, 100000000);
  const mp100 expected[3] = {1 - r(1, 10) * r(3, 4) / (r(3, 4) + eps), -2 + r(1, 10) * 5 / (5 + eps),
                             r(1, 2) - r(1, 10) * r(1, 4) / (r(1, 4) + eps)};
  for (int i = 0; i < 3; ++i) EXPECT_LT(abs(x[i] - expected[i]), mp100("1e-98")) << i;
}

// Adam on a linear objective (constant gradient g): m-hat = g and v-hat = g^2 at every
// step, so every step is exactly -lr g / (|g| + eps) (up to mp100 rounding: 1e-90
// relative over <= 10 steps).
template <class Make>
bool adam_unit_steps_on_linear(const std::string& label, Make make) {
  return check_limited(label, 25, [&] {
    const int n = *rc::gen::inRange(1, 4);
    VecM c(n);
    for (int i = 0; i < n; ++i) c[i] = mp100(*ov::gen::real_log_scale(1e-3, 1e3));
    AdamOptions<mp100> o;
    o.lr = mp100(*ov::gen::learning_rate<double>(1e-3, 1));
    o.beta1 = *ov::gen::half_open_unit<mp100>();
    o.beta2 = *ov::gen::half_open_unit<mp100>();
    o.eps = *rc::gen::element(0, 1) ? r(1, 100000000) : r(0);
    auto rule = make(o);
    Linear<mp100> f(c);
    Oracle<mp100> oracle(f);
    VecM x = VecM::Zero(n);
    const int steps = *rc::gen::inRange(1, 11);
    for (int k = 0; k < steps; ++k) {
      const VecM before = x;
      RC_ASSERT(!rule->step(oracle, x).refused());
      for (int i = 0; i < n; ++i) {
        const mp100 expected = -o.lr * c[i] / (abs(c[i]) + o.eps);
        RC_ASSERT(abs((x[i] - before[i]) - expected) <= mp100("1e-90") * o.lr);
      }
    }
  });
}
TEST(AdaptiveMp100, AdamStepsOnLinearObjectiveAreExactlyUnitSteps) {
  EXPECT_TRUE(adam_unit_steps_on_linear("adam: m-hat = g on a linear objective",
                                        [](const AdamOptions<mp100>& o) { return std::make_unique<Adam<mp100>>(o); }));
}
TEST(AdaptiveMp100, UnitStepCheckFailsWithoutBiasCorrection) {
  EXPECT_FALSE(adam_unit_steps_on_linear("adam without bias correction (mutant)", [](const AdamOptions<mp100>& o) {
    return std::make_unique<AdamWithoutBiasCorrection<mp100>>(o);
  }));
}

// AdamW (decoupled) and Adam + L2 (coupled) give different iterates: after one step
// from x0 with every x0_i != 0 and wd > 0, some coordinate differs by more than
// 1e-60 (the coupled step is -lr sign-ish(g + wd x), the decoupled one
// -lr sign-ish(g) - lr wd x; they agree only on a measure-zero set).
template <class MakeDecoupled>
bool adamw_differs_from_l2(const std::string& label, MakeDecoupled make_decoupled) {
  return check_limited(label, 25, [&] {
    const int n = *rc::gen::inRange(1, 4);
    VecM a(n), b(n), x0(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::real<mp100>(0.25, 4);
      b[i] = *ov::gen::real<mp100>(-2, 2);
      x0[i] = mp100(*ov::gen::real_log_scale(1e-2, 3));
    }
    AdamOptions<mp100> o;
    o.lr = mp100(*ov::gen::learning_rate<double>(1e-3, 1));
    o.weight_decay = mp100(*ov::gen::learning_rate<double>(1e-3, 1));
    DiagQuadratic<mp100> f(a, b);
    Oracle<mp100> o1(f), o2(f);
    Adam<mp100> coupled(o);
    auto decoupled = make_decoupled(o);
    VecM x1 = x0, x2 = x0;
    coupled.step(o1, x1);
    decoupled->step(o2, x2);
    RC_ASSERT((x1 - x2).cwiseAbs().maxCoeff() > mp100("1e-60"));
  });
}
TEST(AdaptiveMp100, DecoupledWeightDecayDiffersFromL2ForAdam) {
  EXPECT_TRUE(adamw_differs_from_l2("adamw != adam + l2", [](AdamOptions<mp100> o) {
    o.weight_decay_mode = WeightDecayMode::decoupled;
    return std::make_unique<Adam<mp100>>(o);
  }));
}
TEST(AdaptiveMp100, DifferenceCheckFailsWhenDecoupledIsIgnored) {
  EXPECT_FALSE(adamw_differs_from_l2("adamw silently coupled (mutant)", [](AdamOptions<mp100> o) {
    o.weight_decay_mode = WeightDecayMode::coupled_l2;  // defect: the decoupled request is dropped
    return std::make_unique<Adam<mp100>>(o);
  }));
}

// ------------------------------------------------------------------ (b) double vs mp100
// 20 steps from a random dyadic start (exact in both), tolerance 1e-11 * (1 + |x|).
// Why: one step performs <= ~20 operations, each with relative error <= u = 2^-53
// (1.1e-16); an error in x is propagated through the step map, whose Lipschitz
// constant is <= 1 + lr L (<= 1.3 here: lr = 1/10, L = 3) for the GD-like parts and
// is bounded for the normalised ones away from g = 0. 20 steps: 20 * 20 u * 1.3^20
// ~ 2e-12; 1e-11 leaves a factor 5. (Measured with the fixed seed: at most 5.1e-15,
// for Adam; SGD and heavy ball 2.2e-16.)
template <class MakeD>
bool double_agrees_with_mp100(const std::string& name, MakeD make_double) {
  return check_limited("double vs mp100: " + name, 10, [&] {
    VecD x0d(3);
    for (int i = 0; i < 3; ++i) x0d[i] = *ov::gen::real<double>(-3, 3);
    VecM xm(3);
    for (int i = 0; i < 3; ++i) xm[i] = mp100(x0d[i]);
    VecD xd = x0d;
    auto fd = problem<double>();
    auto fm = problem<mp100>();
    Oracle<double> od(fd);
    Oracle<mp100> om(fm);
    auto rd = make_double();
    auto rm = make_rule<mp100>(name);
    for (int k = 0; k < 20; ++k) {
      const bool refused_d = rd->step(od, xd).refused(), refused_m = rm->step(om, xm).refused();
      RC_ASSERT(refused_d == refused_m);
    }
    for (int i = 0; i < 3; ++i) {
      const double ref = static_cast<double>(xm[i]);
      RC_LOG() << name << " x[" << i << "] double " << xd[i] << " mp100 " << ref << "\n";
      RC_ASSERT(std::abs(xd[i] - ref) <= 1e-11 * (1 + std::abs(ref)));
    }
  });
}
TEST(AdaptiveMp100, DoubleAgreesWithMp100OnShortRuns) {
  for (const auto& name : rule_names())
    EXPECT_TRUE(double_agrees_with_mp100(name, [&name] { return make_rule<double>(name); })) << name;
}
TEST(AdaptiveMp100, AgreementCheckFailsOnFloatRoundingMutant) {
  EXPECT_FALSE(double_agrees_with_mp100(
      "adam", [] { return std::make_unique<FloatRounding>(make_rule<double>("adam")); }));
}

}  // namespace
