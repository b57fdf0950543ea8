// The elementwise ("adaptive") rules of optim/rules/: sgd, heavy_ball, adagrad,
// rmsprop, rmsprop_global, adam (+ AdamW, 004's printed form), adamax, adadelta,
// nadam. This TU: exact rational hand computations (sgd, heavy ball), the exact
// identities (Adam's bias-corrected moments, SGD's coupled = decoupled weight decay),
// properties over random problems in double (refusal leaves x and state unchanged,
// per-coordinate step bounds, AdaGrad's monotone accumulator), validation messages
// and the registry. adaptive_precision_test.cpp holds the mp100 checks.
// Every property is also run on a mutant (tests/optim/adaptive_fixtures.hpp) and
// must fail there.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <limits>

#include "analysis/numeric/exact_constant.hpp"
#include "optim/registry/adaptive_entries.hpp"
#include "tests/autodiff/limited_check.hpp"
#include "tests/optim/adaptive_fixtures.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov::optim;
using namespace adaptive_test;
using ov::rational;
using ov::testing::check_limited;
using VecD = Vector<double>;
using VecQ = Vector<rational>;

template <class S>
Vector<S> vec(std::initializer_list<S> v) {
  Vector<S> r(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (const auto& e : v) r[i++] = e;
  return r;
}
rational q(long p, long d = 1) { return rational(p) / rational(d); }

bool same(const VecD& a, const VecD& b) {
  if (a.size() != b.size()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i])) return false;
  return true;
}

// ======================================================== (a) exact hand computations
// f(x) = (x1^2 + 3 x2^2) / 2, g = (x1, 3 x2), x0 = (1, 1), lr = 1/10 (by hand, in the
// file's comments; the rule is never used to produce the expected numbers).

// Runs `rule` and returns whether the iterates equal `expected` exactly.
bool iterates_equal(Optimizer<rational>& rule, const std::vector<VecQ>& expected) {
  DiagQuadratic<rational> f(vec<rational>({q(1), q(3)}));
  Oracle<rational> o(f);
  VecQ x = vec<rational>({q(1), q(1)});
  for (const auto& e : expected) {
    if (rule.step(o, x).refused()) return false;
    if (x != e) return false;
  }
  return true;
}

TEST(AdaptiveHand, SgdThreeStepsRational) {
  // x_{k+1} = (1 - lr a) x_k: (9/10)^k and (7/10)^k.
  Sgd<rational> sgd(SgdOptions<rational>{q(1, 10), q(0), WeightDecayMode::coupled_l2});
  EXPECT_TRUE(iterates_equal(sgd, {vec<rational>({q(9, 10), q(7, 10)}), vec<rational>({q(81, 100), q(49, 100)}),
                                   vec<rational>({q(729, 1000), q(343, 1000)})}));
}

TEST(AdaptiveHand, SgdWithL2WeightDecayRational) {
  // wd = 1/2: x_{k+1} = (1 - lr (a + wd)) x_k: (17/20)^k and (13/20)^k.
  for (auto mode : {WeightDecayMode::coupled_l2, WeightDecayMode::decoupled}) {
    Sgd<rational> sgd(SgdOptions<rational>{q(1, 10), q(1, 2), mode});
    EXPECT_TRUE(iterates_equal(sgd, {vec<rational>({q(17, 20), q(13, 20)}), vec<rational>({q(289, 400), q(169, 400)})}))
        << to_string(mode);
  }
}

// Heavy ball 004 (8), alpha = 1/2, eta = 1/10, dw^(-1) = 0:
//   coordinate 1 (a = 1): dw0 = -1/10, x1 = 9/10; dw1 = -1/20 - 9/100 = -7/50, x2 = 19/25;
//                         dw2 = -7/100 - 19/250 = -73/500, x3 = 307/500
//   coordinate 2 (a = 3): dw0 = -3/10, x1 = 7/10; dw1 = -3/20 - 21/100 = -9/25, x2 = 17/50;
//                         dw2 = -9/50 - 51/500 = -141/500, x3 = 29/500
const std::vector<VecQ>& heavy_ball_expected() {
  static const std::vector<VecQ> e{vec<rational>({q(9, 10), q(7, 10)}), vec<rational>({q(19, 25), q(17, 50)}),
                                   vec<rational>({q(307, 500), q(29, 500)})};
  return e;
}

TEST(AdaptiveHand, HeavyBallThreeStepsRational) {
  HeavyBall<rational> hb(HeavyBallOptions<rational>{q(1, 10), q(1, 2)});
  EXPECT_TRUE(iterates_equal(hb, heavy_ball_expected()));
  EXPECT_EQ(hb.velocity(), vec<rational>({q(-73, 500), q(-141, 500)}));
}

TEST(AdaptiveHand, HeavyBallHandValuesRejectMutant) {
  OneStateRule<rational, HeavyBallOldVelocity, HeavyBallConstants<rational>> mutant({q(1, 10), q(1, 2)});
  EXPECT_FALSE(iterates_equal(mutant, heavy_ball_expected()));
}

TEST(AdaptiveHand, SgdStationaryAtZeroGradient) {
  DiagQuadratic<double> f(vec<double>({1, 3}));
  Oracle<double> o(f);
  VecD x = VecD::Zero(2);
  Sgd<double> sgd;
  EXPECT_EQ(sgd.step(o, x).status, StepStatus::stationary);
  x[0] = 1;
  EXPECT_EQ(sgd.step(o, x).status, StepStatus::taken);
}

// ======================================================== (c) exact identities

// p/q in [0, 1), q in [1, 9] (non-dyadic values such as 1/3 included).
rc::Gen<rational> unit_rational() {
  return rc::gen::exec([] {
    const long den = *rc::gen::inRange<long>(1, 10);
    return rational(*rc::gen::inRange<long>(0, den)) / den;
  });
}

// Adam's moment estimates (AdamMomentKernel + adam_bias_denominator, the pieces
// AdamKernel is built from): with m0 = v0 = 0 and a constant gradient g,
// m_t / (1 - b1^t) = g and v_t / (1 - b2^t) = g^2 EXACTLY (geometric sums).
// `exponent_shift` != 0 is the off-by-one mutant.
bool bias_corrected_moments_exact(long exponent_shift) {
  return check_limited("adam bias-corrected moments of a constant gradient are exact", 100, [=] {
    const int n = *rc::gen::inRange(1, 4);
    AdamConstants<rational> c{};
    c.beta1 = *unit_rational();
    c.beta2 = *unit_rational();
    c.one_minus_beta1 = rational(1) - c.beta1;
    c.one_minus_beta2 = rational(1) - c.beta2;
    VecQ g(n);
    for (int i = 0; i < n; ++i) g[i] = *ov::gen::rational_in(-5, 5, 7);
    VecQ m = VecQ::Zero(n), v = VecQ::Zero(n), m1, v1;
    const long steps = *rc::gen::inRange(1, 9);
    for (long t = 1; t <= steps; ++t) {
      elementwise(AdamMomentKernel{}, c, in(g, m, v), out(m1, v1));
      m.swap(m1);
      v.swap(v1);
      const rational d1 = adam_bias_denominator(c.beta1, t + exponent_shift);
      const rational d2 = adam_bias_denominator(c.beta2, t + exponent_shift);
      for (int i = 0; i < n; ++i) {
        RC_ASSERT(m[i] / d1 == g[i]);
        RC_ASSERT(v[i] / d2 == g[i] * g[i]);
      }
    }
  });
}

TEST(AdaptiveExact, AdamBiasCorrectedMomentsOfConstantGradientAreExact) {
  EXPECT_TRUE(bias_corrected_moments_exact(0));
}
TEST(AdaptiveExact, AdamBiasCorrectionOffByOneMutantFails) { EXPECT_FALSE(bias_corrected_moments_exact(1)); }

// SGD: coupled L2 and decoupled weight decay give the same iterates EXACTLY.
// Mutant: the decoupled decay not multiplied by lr (x -= wd x).
template <class MakeDecoupled>
bool sgd_weight_decay_forms_coincide(MakeDecoupled make_decoupled) {
  return check_limited("sgd: coupled L2 == decoupled weight decay (exact)", 60, [&] {
    const int n = *rc::gen::inRange(1, 4);
    const rational lr = rational(1) - *unit_rational(), wd = *ov::gen::rational_in(0, 2, 8);
    VecQ a(n), b(n), x0(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::rational_in(0, 4, 5);
      b[i] = *ov::gen::rational_in(-2, 2, 5);
      x0[i] = *ov::gen::rational_in(-3, 3, 7);
    }
    DiagQuadratic<rational> f(a, b);
    Oracle<rational> o1(f), o2(f);
    Sgd<rational> coupled(SgdOptions<rational>{lr, wd, WeightDecayMode::coupled_l2});
    auto decoupled = make_decoupled(lr, wd);
    VecQ x1 = x0, x2 = x0;
    for (int k = 0; k < 3; ++k) {
      coupled.step(o1, x1);
      decoupled->step(o2, x2);
      RC_ASSERT(x1 == x2);
    }
  });
}

// Host for an SGD whose kernel constants are given directly (mutant).
class SgdWithConstants : public Optimizer<rational> {
 public:
  explicit SgdWithConstants(SgdConstants<rational> c) : c_(c) {}
  std::string name() const override { return "sgd_mutant"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<rational> step(Oracle<rational>& f, VecQ& x) override {
    const VecQ g = f.gradient(x);
    VecQ x1;
    elementwise(SgdKernel{}, c_, in(x, g), out(x1));
    x.swap(x1);
    return {};
  }
  void reset() override {}

 private:
  SgdConstants<rational> c_;
};

TEST(AdaptiveExact, SgdCoupledAndDecoupledWeightDecayCoincide) {
  EXPECT_TRUE(sgd_weight_decay_forms_coincide([](const rational& lr, const rational& wd) {
    return std::make_unique<Sgd<rational>>(SgdOptions<rational>{lr, wd, WeightDecayMode::decoupled});
  }));
}
TEST(AdaptiveExact, SgdDecoupledDecayWithoutLrMutantFails) {
  EXPECT_FALSE(sgd_weight_decay_forms_coincide([](const rational& lr, const rational& wd) {
    return std::make_unique<SgdWithConstants>(SgdConstants<rational>{lr, rational(0), wd});  // defect: wd, not lr*wd
  }));
}

// ======================================================== (c) refusal leaves x and state unchanged
// A rule run with a gradient that is non-finite at step s+1 must return
// refused_non_finite_gradient, leave x bit-identical, and then continue exactly as
// a twin that never saw the bad gradient (so its state was not touched either).
using FactoryD = std::function<std::unique_ptr<Optimizer<double>>()>;

bool refusal_leaves_x_and_state(const std::string& label, const FactoryD& make) {
  return check_limited("refusal leaves x and state unchanged: " + label, 40, [&] {
    const int n = *rc::gen::inRange(1, 5);
    VecD a(n), b(n), x0(n);
    for (int i = 0; i < n; ++i) {
      a[i] = *ov::gen::real<double>(0.25, 4);
      b[i] = *ov::gen::real<double>(-2, 2);
      x0[i] = *ov::gen::real<double>(-3, 3);
    }
    const long s = *rc::gen::inRange(0, 5), s2 = *rc::gen::inRange(1, 4);
    const int j = *rc::gen::inRange(0, n);
    const double poison = *rc::gen::element(std::numeric_limits<double>::quiet_NaN(),
                                            std::numeric_limits<double>::infinity(),
                                            -std::numeric_limits<double>::infinity());
    PoisonedQuadratic fa(a, b, s + 1, j, poison);
    DiagQuadratic<double> fb(a, b);
    Oracle<double> oa(fa), ob(fb);
    auto ra = make(), rb = make();
    VecD xa = x0, xb = x0;
    for (long k = 0; k < s; ++k) {
      ra->step(oa, xa);
      rb->step(ob, xb);
    }
    const VecD before = xa;
    const auto r = ra->step(oa, xa);
    RC_ASSERT(r.status == StepStatus::refused_non_finite_gradient);
    RC_ASSERT(same(xa, before));
    for (long k = 0; k < s2; ++k) {
      RC_ASSERT(!ra->step(oa, xa).refused());
      rb->step(ob, xb);
    }
    RC_ASSERT(same(xa, xb));
  });
}

TEST(AdaptiveProperty, EveryRuleRefusesNonFiniteGradientLeavingXAndState) {
  for (const auto& name : rule_names())
    EXPECT_TRUE(refusal_leaves_x_and_state(name, [name] { return make_rule<double>(name); })) << name;
}
TEST(AdaptiveProperty, RefusalCheckFailsOnInPlaceUpdateMutant) {
  EXPECT_FALSE(refusal_leaves_x_and_state("in-place sgd (mutant)", [] { return std::make_unique<InPlaceSgd<double>>(0.125); }));
}
TEST(AdaptiveProperty, RefusalCheckFailsOnResetOnRefusalMutant) {
  EXPECT_FALSE(refusal_leaves_x_and_state("adam reset on refusal (mutant)", [] {
    return std::make_unique<ResetOnRefusal<double>>(make_rule<double>("adam"));
  }));
}

// ======================================================== (c) step bounds
// Gradient sequences: T steps of n-vectors with magnitudes log-uniform in
// [1e-6, 1e6] and random signs (never 0), independent of x (ScriptedGradients).
// Tolerance: every bound below is an exact inequality; the computed step and the
// computed bound each carry a few relative roundings (<= 32 u), hence the factor
// 1 + 1e-12 (u = 2^-53 ~ 1.1e-16).
struct Script {
  std::vector<VecD> g;
};
rc::Gen<Script> gradient_script() {
  return rc::gen::exec([] {
    const int n = *rc::gen::inRange(1, 5), T = *rc::gen::inRange(1, 13);
    Script s;
    for (int t = 0; t < T; ++t) {
      VecD g(n);
      for (int i = 0; i < n; ++i) g[i] = *ov::gen::real_log_scale(1e-6, 1e6);
      s.g.push_back(g);
    }
    return s;
  });
}
constexpr double kSlack = 1 + 1e-12;

// bound(t) >= |x_t - x_{t-1}|_j for every coordinate (euclidean = false) or
// >= ||x_t - x_{t-1}||_2 (euclidean = true).
template <class Make, class Bound>
bool steps_bounded(const std::string& label, Make make, Bound bound, bool euclidean) {
  return check_limited(label, 100, [&] {
    const Script s = *gradient_script();
    const double lr = *ov::gen::learning_rate<double>(1e-3, 1);
    const double beta1 = *ov::gen::half_open_unit<double>(), beta2 = *ov::gen::open_unit<double>();
    const double eps = *rc::gen::element(0.0, 1e-8);
    auto rule = make(lr, beta1, beta2, eps);
    ScriptedGradients f(s.g);
    Oracle<double> o(f);
    VecD x = VecD::Zero(static_cast<Eigen::Index>(s.g.front().size()));
    for (long t = 1; t <= static_cast<long>(s.g.size()); ++t) {
      const VecD before = x;
      RC_ASSERT(!rule->step(o, x).refused());
      const VecD d = x - before;
      const double B = bound(t, lr, beta1, beta2) * kSlack;
      if (euclidean) {
        RC_ASSERT(d.norm() <= B);
      } else {
        RC_ASSERT(d.cwiseAbs().maxCoeff() <= B);
      }
    }
  });
}

// RMSProp: v1 >= (1 - gamma) g^2, so |dx_j| <= lr / sqrt(1 - gamma) (gamma = beta1 here).
double rmsprop_bound(long, double lr, double gamma, double) { return lr / std::sqrt(1 - gamma); }
std::unique_ptr<Optimizer<double>> rmsprop(double lr, double gamma, double, double eps, bool global) {
  RmspropOptions<double> o;
  o.lr = lr;
  o.gamma = gamma;
  o.eps = eps;
  if (global) return std::make_unique<RmspropGlobal<double>>(o);
  return std::make_unique<Rmsprop<double>>(o);
}

TEST(AdaptiveProperty, RmspropStepBoundedPerCoordinate) {
  EXPECT_TRUE(steps_bounded("rmsprop |dx_j| <= lr/sqrt(1-gamma)",
                            [](double lr, double b1, double b2, double e) { return rmsprop(lr, b1, b2, e, false); },
                            rmsprop_bound, false));
}
TEST(AdaptiveProperty, RmspropBoundFailsOnOldMomentMutant) {
  EXPECT_FALSE(steps_bounded(
      "rmsprop normalised by the old moment (mutant)",
      [](double lr, double b1, double, double) -> std::unique_ptr<Optimizer<double>> {
        return std::make_unique<OneStateRule<double, RmspropOldMoment, RmspropConstants<double>>>(
            RmspropConstants<double>{lr, b1, 1 - b1, 1e-8, 0});
      },
      rmsprop_bound, false));
}
TEST(AdaptiveProperty, RmspropGlobalStepBoundedInNorm) {
  EXPECT_TRUE(steps_bounded("rmsprop_global ||dx|| <= lr/sqrt(1-gamma)",
                            [](double lr, double b1, double b2, double e) { return rmsprop(lr, b1, b2, e, true); },
                            rmsprop_bound, true));
}
TEST(AdaptiveProperty, RmspropGlobalNormBoundFailsOnPerCoordinateMutant) {
  // The global rule with ||g||^2 replaced by per-coordinate g_j^2: ||dx|| reaches
  // sqrt(n) lr / sqrt(1 - gamma).
  EXPECT_FALSE(steps_bounded("rmsprop_global with per-coordinate moments (mutant)",
                             [](double lr, double b1, double b2, double e) { return rmsprop(lr, b1, b2, e, false); },
                             rmsprop_bound, true));
}

// AdaGrad: s1 >= g^2, so |dx_j| <= lr.
std::unique_ptr<Optimizer<double>> adagrad(double lr, double, double, double eps) {
  AdagradOptions<double> o;
  o.lr = lr;
  o.eps = eps;
  return std::make_unique<Adagrad<double>>(o);
}
std::unique_ptr<Optimizer<double>> adagrad_mutant(double lr, double, double, double eps) {
  return std::make_unique<OneStateRule<double, AdagradAccumulatingGradient, AdagradConstants<double>>>(
      AdagradConstants<double>{lr, eps, 0});
}
double adagrad_bound(long, double lr, double, double) { return lr; }

TEST(AdaptiveProperty, AdagradStepBoundedByLr) {
  EXPECT_TRUE(steps_bounded("adagrad |dx_j| <= lr", adagrad, adagrad_bound, false));
}
TEST(AdaptiveProperty, AdagradBoundFailsOnMutant) {
  EXPECT_FALSE(steps_bounded("adagrad accumulating g (mutant)", adagrad_mutant, adagrad_bound, false));
}

// Adam (Cauchy-Schwarz, derived in optim/rules/adam.hpp):
//   |dx_j| <= lr (1-b1)/(1-b1^t) sqrt((1-b2^t)/(1-b2)) sqrt(sum_{i<t} (b1^2/b2)^i)
double adam_bound(long t, double lr, double b1, double b2) {
  double s = 0, r = 1;
  for (long i = 0; i < t; ++i, r *= b1 * b1 / b2) s += r;
  return lr * (1 - b1) / (1 - std::pow(b1, t)) * std::sqrt((1 - std::pow(b2, t)) / (1 - b2)) * std::sqrt(s);
}
AdamOptions<double> adam_options(double lr, double b1, double b2, double eps) {
  AdamOptions<double> o;
  o.lr = lr;
  o.beta1 = b1;
  o.beta2 = b2;
  o.eps = eps;
  return o;
}
TEST(AdaptiveProperty, AdamStepBoundedPerCoordinate) {
  EXPECT_TRUE(steps_bounded(
      "adam |dx_j| <= bound(t)",
      [](double lr, double b1, double b2, double e) { return std::make_unique<Adam<double>>(adam_options(lr, b1, b2, e)); },
      adam_bound, false));
}
TEST(AdaptiveProperty, AdamBoundFailsWithoutBiasCorrection) {
  EXPECT_FALSE(steps_bounded(
      "adam without bias correction (mutant)",
      [](double lr, double b1, double b2, double e) {
        return std::make_unique<AdamWithoutBiasCorrection<double>>(adam_options(lr, b1, b2, e));
      },
      adam_bound, false));
}

// AdaMax: u_t >= b2^(t-i) |g_i|, so |dx_j| <= lr (1-b1)/(1-b1^t) sum_{j<t} (b1/b2)^j.
double adamax_bound(long t, double lr, double b1, double b2) {
  double s = 0, r = 1;
  for (long i = 0; i < t; ++i, r *= b1 / b2) s += r;
  return lr * (1 - b1) / (1 - std::pow(b1, t)) * s;
}
// AdaMax whose u averages instead of taking the max (t = 1 constants throughout).
struct AdamaxAveragingNorm {
  template <class T, class C>
  void operator()(const C& c, const T& x, const T& g, const T& m, const T& u, T& x1, T& m1, T& u1) const {
    m1 = c.beta1 * m + c.one_minus_beta1 * g;
    u1 = c.beta2 * u + (T(1) - c.beta2) * ops::abs(g);  // defect: average, not max
    x1 = x - c.step * (m1 / u1);
  }
};
class AdamaxMutant : public Optimizer<double> {
 public:
  explicit AdamaxMutant(AdamaxConstants<double> c) : c_(c) {}
  std::string name() const override { return "adamax_mutant"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<double> step(Oracle<double>& f, VecD& x) override {
    const VecD g = f.gradient(x);
    if (m_.size() != x.size()) m_ = u_ = VecD::Zero(x.size());
    VecD x1, m1, u1;
    elementwise(AdamaxAveragingNorm{}, c_, in(x, g, m_, u_), out(x1, m1, u1));
    x.swap(x1);
    m_.swap(m1);
    u_.swap(u1);
    return {};
  }
  void reset() override {}

 private:
  AdamaxConstants<double> c_;
  VecD m_, u_;
};
TEST(AdaptiveProperty, AdamaxStepBoundedPerCoordinate) {
  EXPECT_TRUE(steps_bounded(
      "adamax |dx_j| <= bound(t)",
      [](double lr, double b1, double b2, double e) {
        return std::make_unique<Adamax<double>>(AdamaxOptions<double>{lr, b1, b2, e});
      },
      adamax_bound, false));
}
TEST(AdaptiveProperty, AdamaxBoundFailsOnAveragingMutant) {
  EXPECT_FALSE(steps_bounded(
      "adamax averaging |g| (mutant)",
      [](double lr, double b1, double b2, double e) {
        return std::make_unique<AdamaxMutant>(AdamaxConstants<double>{b1, 1 - b1, b2, e, lr});
      },
      adamax_bound, false));
}

// ======================================================== (c) AdaGrad's accumulator is monotone
template <class Rule>
bool accumulator_monotone(const std::string& label, std::function<std::unique_ptr<Rule>(double)> make) {
  return check_limited(label, 100, [&] {
    const Script s = *gradient_script();
    const double lr = *ov::gen::learning_rate<double>(1e-3, 1);
    auto rule = make(lr);
    ScriptedGradients f(s.g);
    Oracle<double> o(f);
    VecD x = VecD::Zero(static_cast<Eigen::Index>(s.g.front().size()));
    VecD prev = VecD::Zero(x.size());
    for (std::size_t t = 0; t < s.g.size(); ++t) {
      rule->step(o, x);
      const VecD acc = rule->accumulator();
      for (Eigen::Index i = 0; i < acc.size(); ++i) RC_ASSERT(acc[i] >= prev[i]);
      prev = acc;
    }
  });
}
TEST(AdaptiveProperty, AdagradAccumulatorIsMonotone) {
  EXPECT_TRUE(accumulator_monotone<Adagrad<double>>("adagrad accumulator monotone", [](double lr) {
    AdagradOptions<double> o;
    o.lr = lr;
    return std::make_unique<Adagrad<double>>(o);
  }));
}
TEST(AdaptiveProperty, AdagradMonotonicityFailsOnMutant) {
  using Mutant = OneStateRule<double, AdagradAccumulatingGradient, AdagradConstants<double>>;
  EXPECT_FALSE(accumulator_monotone<Mutant>("adagrad accumulating g (mutant)", [](double lr) {
    return std::make_unique<Mutant>(AdagradConstants<double>{lr, 1e-10, 0});
  }));
}

// ======================================================== 004's Adam as printed
TEST(AdaptiveAdam004, AsPrintedRefusesAtKZeroWithClearMessage) {
  Adam<double> adam(AdamOptions<double>::survey_004_as_printed());
  DiagQuadratic<double> f(vec<double>({1, 3}));
  Oracle<double> o(f);
  VecD x = vec<double>({1, 1});
  for (int k = 0; k < 3; ++k) {
    const auto r = adam.step(o, x);
    EXPECT_EQ(r.status, StepStatus::refused_undefined);
    EXPECT_NE(r.message.find("k = 0"), std::string::npos) << r.message;
    EXPECT_NE(r.message.find("004"), std::string::npos) << r.message;
    EXPECT_NE(r.message.find("update_count"), std::string::npos) << r.message;
  }
  EXPECT_TRUE(same(x, vec<double>({1, 1})));
  EXPECT_EQ(adam.steps_taken(), 0);
  EXPECT_EQ(o.evaluations().gradients, 0);  // refused before evaluating anything
  // The same printed form with the exponent fixed moves.
  auto fixed = AdamOptions<double>::survey_004_as_printed();
  fixed.bias_correction = AdamBiasCorrection::update_count;
  Adam<double> ok(fixed);
  EXPECT_EQ(ok.step(o, x).status, StepStatus::taken);
  EXPECT_FALSE(same(x, vec<double>({1, 1})));
}

// ======================================================== (d) validation
// True iff constructing throws invalid_hyperparameter naming the rule, the parameter
// and the range.
template <class Make>
bool rejects(Make make, const std::string& rule, const std::string& param, const std::string& range) {
  try {
    make();
  } catch (const invalid_hyperparameter& e) {
    const std::string m = e.what();
    return m.find(rule + ": " + param + " = ") != std::string::npos && m.find(range) != std::string::npos;
  }
  return false;
}

TEST(AdaptiveValidation, MessagesNameRuleParameterAndRange) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(rejects([] { Sgd<double>(SgdOptions<double>{0.0, 0.0, WeightDecayMode::coupled_l2}); }, "sgd", "lr", "(0, inf)"));
  EXPECT_TRUE(rejects([] { Sgd<double>(SgdOptions<double>{0.1, -1.0, WeightDecayMode::decoupled}); }, "sgd", "weight_decay", "[0, inf)"));
  EXPECT_TRUE(rejects([] { HeavyBall<double>(HeavyBallOptions<double>{0.1, 1.0}); }, "heavy_ball", "momentum", "[0, 1)"));
  EXPECT_TRUE(rejects([=] { HeavyBall<double>(HeavyBallOptions<double>{nan, 0.5}); }, "heavy_ball", "lr", "(0, inf)"));
  EXPECT_TRUE(rejects([] { Adagrad<double>(AdagradOptions<double>{0.1, -1e-3, EpsilonPlacement::inside_sqrt}); }, "adagrad", "eps", "[0, inf)"));
  EXPECT_TRUE(rejects([] { RmspropOptions<double> o; o.gamma = 1.5; Rmsprop<double>{o}; }, "rmsprop", "gamma", "[0, 1]"));
  EXPECT_TRUE(rejects([] { RmspropOptions<double> o; o.gamma = -0.5; RmspropGlobal<double>{o}; }, "rmsprop_global", "gamma", "[0, 1]"));
  EXPECT_TRUE(rejects([] { AdamOptions<double> o; o.beta1 = 1.5; Adam<double>{o}; }, "adam", "beta1", "[0, 1)"));
  EXPECT_TRUE(rejects([] { AdamOptions<double> o; o.beta2 = 1.0; Adam<double>{o}; }, "adam", "beta2", "[0, 1)"));
  EXPECT_TRUE(rejects([] { AdamOptions<double> o; o.weight_decay = -1; Adam<double>{o}; }, "adam", "weight_decay", "[0, inf)"));
  EXPECT_TRUE(rejects([] { AdamaxOptions<double> o; o.beta2 = -0.1; Adamax<double>{o}; }, "adamax", "beta2", "[0, 1)"));
  EXPECT_TRUE(rejects([] { AdadeltaOptions<double> o; o.eps = 0; Adadelta<double>{o}; }, "adadelta", "eps", "(0, inf)"));
  EXPECT_TRUE(rejects([] { AdadeltaOptions<double> o; o.rho = 1; Adadelta<double>{o}; }, "adadelta", "rho", "[0, 1)"));
  EXPECT_TRUE(rejects([] { NadamOptions<double> o; o.momentum_decay = -1; Nadam<double>{o}; }, "nadam", "momentum_decay", "[0, inf)"));
  EXPECT_TRUE(rejects([] { NadamOptions<double> o; o.lr = -1; Nadam<double>{o}; }, "nadam", "lr", "(0, inf)"));
}
TEST(AdaptiveValidation, CheckFailsOnValidConfigurationAndWrongRange) {
  // The detector itself can fail: nothing thrown, or a message without the range.
  EXPECT_FALSE(rejects([] { Adam<double>{}; }, "adam", "beta1", "[0, 1)"));
  EXPECT_FALSE(rejects([] { AdamOptions<double> o; o.beta1 = 1.5; Adam<double>{o}; }, "adam", "beta1", "[0, 1]"));
}

// ======================================================== registry
TEST(AdaptiveRegistry, EveryEntryBuildsWithDefaultsAndSteps) {
  Registry<double> r;
  register_adaptive(r);
  const auto parse = [](const std::string& s) { return ov::constant<double>(s); };
  const std::vector<std::string> names{"sgd", "heavy_ball", "adagrad", "rmsprop", "rmsprop_global",
                                       "adam", "adamax", "adadelta", "nadam"};
  EXPECT_EQ(r.entries().size(), names.size());
  DiagQuadratic<double> f(vec<double>({1, 3}));
  for (const auto& n : names) {
    auto opt = r.make(n, parse);
    EXPECT_EQ(opt->name(), n);
    Oracle<double> o(f);
    VecD x = vec<double>({1, 1});
    EXPECT_EQ(opt->step(o, x).status, StepStatus::taken) << n;
  }
  // Defaults are exactly the constructor's defaults.
  auto adam = r.make("adam", parse);
  const auto hp = adam->hyperparameters();
  const auto ref = Adam<double>{}.hyperparameters();
  ASSERT_EQ(hp.size(), ref.size());
  for (std::size_t i = 0; i < hp.size(); ++i) EXPECT_EQ(hp[i].value, ref[i].value) << hp[i].name;
  // Options through the spec.
  auto adamw = r.make("adam:weight_decay=1/100,weight_decay_mode=decoupled,lr=0.01", parse);
  EXPECT_NE(adamw->hyperparameters()[5].value.find("decoupled"), std::string::npos);
  EXPECT_THROW(r.make("adam:beta3=1", parse), std::invalid_argument);
  EXPECT_THROW(r.make("adam:beta1=1", parse), invalid_hyperparameter);
  EXPECT_THROW(r.make("adam:bias_correction=bogus", parse), std::invalid_argument);
}
TEST(AdaptiveRegistry, RationalRegistryHasOnlySquareRootFreeRules) {
  Registry<rational> r;
  register_adaptive(r);
  ASSERT_EQ(r.entries().size(), 2u);
  EXPECT_TRUE(r.contains("sgd"));
  EXPECT_TRUE(r.contains("heavy_ball"));
  auto hb = r.make("heavy_ball:lr=1/10,momentum=1/2", [](const std::string& s) { return ov::constant<rational>(s); });
  EXPECT_TRUE(iterates_equal(*hb, heavy_ball_expected()));
}

}  // namespace
