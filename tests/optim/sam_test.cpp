// The SAM family: optim/components/lp_ball_perturbation.hpp (epsilon* of 004 (52)/(53)),
// optim/rules/sam.hpp, esam.hpp, asam.hpp and optim/registry/sam_entries.hpp.
//
// (a) hand-computed steps in rational (p = inf, 1, 2 on perfect squares) and mp100
//     (p = 2 with sqrt 5); SDS's batch selection by hand;
// (b) double vs mp100 on three steps (tolerance derived at the property);
// (c) properties: Hölder equality of epsilon* (exact in rational for p = 1, inf, 2;
//     to rounding in mp100 for p in (1, 9]); the SAM step equals its formula
//     (exact, rational); SWP's coordinates are 0 or epsilon*_i / beta; ASAM's
//     perturbation meets ||T^-1 eps||_p = rho with <g, eps> = rho ||T g||_q and is
//     equivariant under a loss symmetry when eta = 0 (004's claim after (58));
// (d) validation messages;
// (e) each property is run on a mutant (a copy with one defect) and must fail.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/components/lp_ball_perturbation.hpp"
#include "optim/core/batch_sampler.hpp"
#include "optim/core/oracle.hpp"
#include "optim/registry/sam_entries.hpp"
#include "optim/rules/asam.hpp"
#include "optim/rules/esam.hpp"
#include "optim/rules/sam.hpp"
#include "tests/autodiff/limited_check.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov::optim;
using ov::mp100;
using ov::rational;

template <class S>
Vector<S> vec(std::vector<S> v) {
  Vector<S> out(static_cast<Eigen::Index>(v.size()));
  for (std::size_t i = 0; i < v.size(); ++i) out[static_cast<Eigen::Index>(i)] = v[i];
  return out;
}
rational q(long n, long d = 1) { return rational(n) / rational(d); }

// f(w) = 1/2 sum_i d_i w_i^2 (gradient d_i w_i). Optionally the gradient is NaN
// where w_0 > nan_above (to provoke refusals at the perturbed point).
template <class S>
class DiagonalQuadratic : public Objective<S> {
 public:
  explicit DiagonalQuadratic(Vector<S> d) : d_(std::move(d)) {}
  int dim() const override { return static_cast<int>(d_.size()); }
  S value(const Vector<S>& w) const override {
    S s(0);
    for (Eigen::Index i = 0; i < d_.size(); ++i) s += d_[i] * w[i] * w[i];
    return s / S(2);
  }
  Vector<S> gradient(const Vector<S>& w) const override {
    Vector<S> g = d_.cwiseProduct(w);
    if constexpr (std::numeric_limits<S>::has_quiet_NaN) {
      if (nan_above && w[0] > *nan_above) g[0] = std::numeric_limits<S>::quiet_NaN();
    }
    return g;
  }
  const Vector<S>& d() const { return d_; }
  std::optional<S> nan_above;

 private:
  Vector<S> d_;
};

// One-dimensional finite sum f_i(w) = c_i w^2 / 2; records the batch of every
// gradient call (to see that SAM's two gradients use one batch).
template <class S>
class ScaledSquares : public FiniteSumObjective<S> {
 public:
  explicit ScaledSquares(std::vector<S> c) : c_(std::move(c)) {}
  int dim() const override { return 1; }
  std::size_t num_samples() const override { return c_.size(); }
  S batch_value(const Vector<S>& w, const Batch& b) const override {
    S s(0);
    for (auto i : b) s += c_[i] * w[0] * w[0] / S(2);
    return s / S(static_cast<long>(b.size()));
  }
  Vector<S> batch_gradient(const Vector<S>& w, const Batch& b) const override {
    gradient_batches.push_back(b);
    Vector<S> g(1);
    g[0] = S(0);
    for (auto i : b) g[0] += c_[i] * w[0];
    g[0] /= S(static_cast<long>(b.size()));
    return g;
  }
  mutable std::vector<Batch> gradient_batches;

 private:
  std::vector<S> c_;
};

template <class S>
SamOptions<S> sam_options(S lr, S rho, S lambda, LpExponent<S> p) {
  SamOptions<S> o;
  o.lr = lr;
  o.rho = rho;
  o.lambda = lambda;
  o.p = p;
  return o;
}

// ============================================================ epsilon* (52)/(53)

TEST(LpBallMaximiser, HandValuesInRational) {
  const rational rho = q(1, 10);
  // p = inf: rho sign(g); a zero coordinate gets 0.
  EXPECT_EQ(lp_ball_maximiser(vec<rational>({q(1), q(-2), q(0)}), rho, LpExponent<rational>::infinity()),
            vec<rational>({q(1, 10), q(-1, 10), q(0)}));
  // p = 1: all mass on the largest |g_i|.
  EXPECT_EQ(lp_ball_maximiser(vec<rational>({q(1), q(-2)}), rho, LpExponent<rational>::finite(q(1))),
            vec<rational>({q(0), q(-1, 10)}));
  // p = 1 with a tie: split equally (the p -> 1 limit of (52)).
  EXPECT_EQ(lp_ball_maximiser(vec<rational>({q(2), q(-2), q(1)}), rho, LpExponent<rational>::finite(q(1))),
            vec<rational>({q(1, 20), q(-1, 20), q(0)}));
  // p = 2 (53): rho g / ||g||, ||(3, 4)|| = 5.
  EXPECT_EQ(lp_ball_maximiser(vec<rational>({q(3), q(4)}), rho, LpExponent<rational>::finite(q(2))),
            vec<rational>({q(3, 50), q(4, 50)}));
  // Zero gradient: no perturbation, for every p.
  for (const auto& p : {LpExponent<rational>::infinity(), LpExponent<rational>::finite(q(1)),
                        LpExponent<rational>::finite(q(2))}) {
    EXPECT_EQ(lp_ball_maximiser(vec<rational>({q(0), q(0)}), rho, p), vec<rational>({q(0), q(0)}));
  }
  // p = 2 in rational needs a perfect square.
  EXPECT_THROW(lp_ball_maximiser(vec<rational>({q(1), q(1)}), rho, LpExponent<rational>::finite(q(2))),
               std::domain_error);
}

TEST(LpBallMaximiser, GeneralPByHandInMp100) {
  // p = 3/2 -> q = 3, q - 1 = 2: eps_i = rho sign(g_i) g_i^2 / (sum |g_j|^3)^(2/3).
  // g = (1, -2): sum = 9, 9^(2/3) = 3^(4/3); eps = rho (1, -4) / 3^(4/3).
  const mp100 rho = mp100(1) / 2;
  const auto e = lp_ball_maximiser(vec<mp100>({mp100(1), mp100(-2)}), rho, LpExponent<mp100>::finite(mp100(3) / 2));
  const mp100 den = pow(mp100(3), mp100(4) / 3);
  const mp100 tol = 16 * std::numeric_limits<mp100>::epsilon();
  EXPECT_LE(abs(e[0] - rho / den), tol);
  EXPECT_LE(abs(e[1] + 4 * rho / den), tol);
}

// The Hölder-equality property: ||eps||_p = rho and <g, eps> = rho ||g||_q
// (eps = 0 for g = 0). Exact comparison for rational.
template <class S, class Maximiser>
bool holder_equality_exact(const Maximiser& maximiser, const Vector<S>& g, const S& rho, const LpExponent<S>& p) {
  const Vector<S> e = maximiser(g, rho, p);
  if (norm_inf(g) == S(0)) return norm_inf(e) == S(0);
  return lp_norm(e, p) == rho && dot(g, e) == rho * dual_norm(g, p);
}

struct RealMaximiser {
  template <class S>
  Vector<S> operator()(const Vector<S>& g, const S& rho, const LpExponent<S>& p) const {
    return lp_ball_maximiser(g, rho, p);
  }
};

// Mutant for p = 1: the whole rho on EVERY tied coordinate (not split).
struct MutantL1NoSplit {
  template <class S>
  Vector<S> operator()(const Vector<S>& g, const S& rho, const LpExponent<S>& p) const {
    if (!p.is(1)) return lp_ball_maximiser(g, rho, p);
    const S m = norm_inf(g);
    Vector<S> e(g.size());
    for (Eigen::Index i = 0; i < g.size(); ++i) e[i] = (m != S(0) && ops::abs(g[i]) == m) ? rho * S(ops::sign(g[i])) : S(0);
    return e;
  }
};
// Mutant for p = inf: rho g / ||g||_inf (the right direction only where |g_i| is maximal).
struct MutantLinfScaled {
  template <class S>
  Vector<S> operator()(const Vector<S>& g, const S& rho, const LpExponent<S>& p) const {
    if (!p.is_infinite()) return lp_ball_maximiser(g, rho, p);
    const S m = norm_inf(g);
    if (m == S(0)) return g;
    return (rho / m) * g;
  }
};

rc::Gen<Vector<rational>> small_rational_vector() {
  return rc::gen::exec([] {
    const int n = *rc::gen::inRange(1, 7);
    Vector<rational> g(n);
    for (int i = 0; i < n; ++i) g[i] = *ov::gen::rational_in(-3, 3, 2);  // ties and zeros are frequent
    return g;
  });
}

template <class Maximiser>
auto rational_l1_linf_property(Maximiser m) {
  return [m] {
    const Vector<rational> g = *small_rational_vector();
    const rational rho = *ov::gen::rational_in(0, 3, 7);
    const bool inf = *rc::gen::arbitrary<bool>();
    const auto p = inf ? LpExponent<rational>::infinity() : LpExponent<rational>::finite(q(1));
    RC_ASSERT(holder_equality_exact(m, g, rho, p));
  };
}

RC_GTEST_PROP(LpBallMaximiser, HolderEqualityExactForP1AndInfinity, ()) { rational_l1_linf_property(RealMaximiser{})(); }

TEST(LpBallMaximiser, HolderCheckFailsOnTheL1AndLinfMutants) {
  EXPECT_FALSE(ov::testing::check_limited("mutant: rho on every tie", 200, rational_l1_linf_property(MutantL1NoSplit{})));
  EXPECT_FALSE(
      ov::testing::check_limited("mutant: rho g / ||g||_inf", 200, rational_l1_linf_property(MutantLinfScaled{})));
}

// p = 2 exactly: g = c u with u = (2 t, 1 - |t|^2) / (1 + |t|^2) on the unit sphere
// (rational points), so ||g||_2 = |c| is rational.
template <class Maximiser>
auto rational_l2_property(Maximiser m) {
  return [m] {
    const int n = *rc::gen::inRange(1, 6);
    Vector<rational> t(n - 1);
    for (int i = 0; i < n - 1; ++i) t[i] = *ov::gen::rational_in(-2, 2, 5);
    const rational tt = squared_norm(t);
    const rational c = *ov::gen::rational_in(-5, 5, 3);
    Vector<rational> g(n);
    for (int i = 0; i < n - 1; ++i) g[i] = c * 2 * t[i] / (1 + tt);
    g[n - 1] = c * (1 - tt) / (1 + tt);
    const rational rho = *ov::gen::rational_in(0, 3, 7);
    RC_ASSERT(holder_equality_exact(m, g, rho, LpExponent<rational>::finite(q(2))));
  };
}

RC_GTEST_PROP(LpBallMaximiser, HolderEqualityExactForP2OnRationalNorms, ()) { rational_l2_property(RealMaximiser{})(); }

// Mutant for p = 2: divides by ||g||_2^2 (a wrong exponent of the norm).
struct MutantL2Squared {
  template <class S>
  Vector<S> operator()(const Vector<S>& g, const S& rho, const LpExponent<S>&) const {
    const S s = squared_norm(g);
    if (s == S(0)) return g;
    return (rho / s) * g;
  }
};

TEST(LpBallMaximiser, L2CheckFailsOnTheSquaredNormMutant) {
  EXPECT_FALSE(ov::testing::check_limited("mutant: rho g / ||g||^2", 200, rational_l2_property(MutantL2Squared{})));
}

// General p in mp100, to rounding. eps is computed from r_i = |g_i| / max|g| in
// [0, 1] with O(n) correctly rounded operations and pows whose exponents are at
// most q <= p/(p-1) <= 9 (p >= 9/8): each relative error is below ~ (2 q + 4) n u,
// u = eps(mp100) / 2, so 64 n eps(mp100) relative is a safe bound for both sides.
template <class Maximiser>
auto mp100_general_p_property(Maximiser m) {
  return [m] {
    const int n = *rc::gen::inRange(1, 8);
    const Vector<mp100> g = *ov::gen::vec<mp100>(n, -4, 4);
    RC_PRE(norm_inf(g) > mp100(0));
    const long k = *rc::gen::inRange(1, 65);  // p = 1 + k/8 in (1, 9]
    const auto p = LpExponent<mp100>::finite(mp100(8 + k) / 8);
    const mp100 rho = *ov::gen::real<mp100>(0.125, 4);
    const Vector<mp100> e = m(g, rho, p);
    const mp100 tol = 64 * n * std::numeric_limits<mp100>::epsilon();
    RC_ASSERT(abs(lp_norm(e, p) - rho) <= tol * rho);
    const mp100 dual = dual_norm(g, p);
    RC_ASSERT(abs(dot(g, e) - rho * dual) <= tol * rho * dual);
  };
}

TEST(LpBallMaximiser, HolderEqualityToRoundingForGeneralPInMp100) {
  EXPECT_TRUE(ov::testing::check_limited("Holder equality, mp100, p in (1, 9]", 100, mp100_general_p_property(RealMaximiser{})));
}

// Mutant: the exponent q instead of q - 1 on |g_i| (denominator as in (52)).
struct MutantWrongExponent {
  template <class S>
  Vector<S> operator()(const Vector<S>& g, const S& rho, const LpExponent<S>& p) const {
    const S pv = p.value(), qq = pv / (pv - S(1));
    S s(0);
    for (Eigen::Index i = 0; i < g.size(); ++i) s += ops::pow(S(ops::abs(g[i])), qq);
    const S den = ops::pow(s, S(S(1) / pv));
    Vector<S> e(g.size());
    for (Eigen::Index i = 0; i < g.size(); ++i) e[i] = rho * S(ops::sign(g[i])) * ops::pow(S(ops::abs(g[i])), qq) / den;
    return e;
  }
};
// Mutant: the denominator's exponent 1/q instead of 1/p.
struct MutantWrongDenominator {
  template <class S>
  Vector<S> operator()(const Vector<S>& g, const S& rho, const LpExponent<S>& p) const {
    const S pv = p.value(), qq = pv / (pv - S(1));
    S s(0);
    for (Eigen::Index i = 0; i < g.size(); ++i) s += ops::pow(S(ops::abs(g[i])), qq);
    const S den = ops::pow(s, S(S(1) / qq));
    Vector<S> e(g.size());
    for (Eigen::Index i = 0; i < g.size(); ++i)
      e[i] = rho * S(ops::sign(g[i])) * ops::pow(S(ops::abs(g[i])), S(qq - 1)) / den;
    return e;
  }
};

TEST(LpBallMaximiser, GeneralPCheckFailsOnWrongExponentMutants) {
  EXPECT_FALSE(ov::testing::check_limited("mutant: |g|^q", 60, mp100_general_p_property(MutantWrongExponent{}), false));
  EXPECT_FALSE(
      ov::testing::check_limited("mutant: denominator^(1/q)", 60, mp100_general_p_property(MutantWrongDenominator{}), false));
}

TEST(LpExponent, ValidationAndInfinity) {
  EXPECT_NO_THROW(require_lp_exponent("sam", LpExponent<double>::finite(1.0)));
  EXPECT_NO_THROW(require_lp_exponent("sam", LpExponent<double>::infinity()));
  try {
    require_lp_exponent("sam", LpExponent<double>::finite(0.5));
    ADD_FAILURE() << "p = 0.5 accepted";
  } catch (const invalid_hyperparameter& e) {
    EXPECT_NE(std::string(e.what()).find("sam: p = 0.5 is outside its valid range [1, inf]"), std::string::npos)
        << e.what();
  }
  EXPECT_TRUE(make_lp_exponent(std::numeric_limits<double>::infinity()).is_infinite());
  EXPECT_TRUE(make_lp_exponent(3.0).is(3));
  EXPECT_EQ(LpExponent<double>::infinity().to_string(), "inf");
}

// ============================================================ SAM: hand-computed steps

// f = 1/2 (w1^2 + 2 w2^2), g = (w1, 2 w2).
template <class S>
DiagonalQuadratic<S> quad12() {
  return DiagonalQuadratic<S>(vec<S>({S(1), S(2)}));
}

TEST(Sam, HandStepPInfinityRational) {
  // w = (1, -1): g = (1, -2); rho = 1/10: eps = (1/10, -1/10); w + eps = (11/10, -11/10);
  // g_s = (11/10, -11/5); 2 lambda w = (1/2, -1/2) (lambda = 1/4);
  // w1 = w - 1/2 (8/5, -27/10) = (1/5, 7/20).
  auto f = quad12<rational>();
  Oracle<rational> o(f);
  Sam<rational> sam(sam_options(q(1, 2), q(1, 10), q(1, 4), LpExponent<rational>::infinity()));
  Vector<rational> w = vec<rational>({q(1), q(-1)});
  const auto r = sam.step(o, w);
  EXPECT_EQ(r.status, StepStatus::taken);
  EXPECT_EQ(w, vec<rational>({q(1, 5), q(7, 20)}));
  EXPECT_EQ(o.evaluations().gradients, 2);
  EXPECT_EQ(*r.step_size, q(1, 2));
}

TEST(Sam, HandStepP1Rational) {
  // w = (1, -1): g = (1, -2), max at i = 2: eps = (0, -1/10); g_s = (1, -11/5);
  // lambda = 0, lr = 1/2: w1 = (1/2, 1/10).
  auto f = quad12<rational>();
  Oracle<rational> o(f);
  Sam<rational> sam(sam_options(q(1, 2), q(1, 10), q(0), LpExponent<rational>::finite(q(1))));
  Vector<rational> w = vec<rational>({q(1), q(-1)});
  sam.step(o, w);
  EXPECT_EQ(w, vec<rational>({q(1, 2), q(1, 10)}));
}

TEST(Sam, HandStepP2RationalPerfectSquare) {
  // w = (3, 2): g = (3, 4), ||g|| = 5; rho = 1/2: eps = (3/10, 2/5); g_s = (33/10, 24/5);
  // lr = 1/10: w1 = (267/100, 38/25).
  auto f = quad12<rational>();
  Oracle<rational> o(f);
  Sam<rational> sam(sam_options(q(1, 10), q(1, 2), q(0), LpExponent<rational>::finite(q(2))));
  Vector<rational> w = vec<rational>({q(3), q(2)});
  sam.step(o, w);
  EXPECT_EQ(w, vec<rational>({q(267, 100), q(38, 25)}));
}

TEST(Sam, HandStepP2Mp100) {
  // w = (1, 1): g = (1, 2), ||g|| = sqrt 5; rho = 1: eps = (1, 2)/sqrt 5;
  // g_s = (1 + 1/sqrt 5, 2 + 4/sqrt 5); lr = 1/10:
  // w1 = (9/10 - sqrt5/50, 4/5 - 2 sqrt5/25).
  // Tolerance: about ten correctly rounded operations on O(1) numbers: 16 eps.
  auto f = quad12<mp100>();
  Oracle<mp100> o(f);
  Sam<mp100> sam(sam_options(mp100(1) / 10, mp100(1), mp100(0), LpExponent<mp100>::finite(mp100(2))));
  Vector<mp100> w = vec<mp100>({mp100(1), mp100(1)});
  sam.step(o, w);
  const mp100 s5 = sqrt(mp100(5));
  const mp100 tol = 16 * std::numeric_limits<mp100>::epsilon();
  EXPECT_LE(abs(w[0] - (mp100(9) / 10 - s5 / 50)), tol);
  EXPECT_LE(abs(w[1] - (mp100(4) / 5 - 2 * s5 / 25)), tol);
}

TEST(Sam, StationaryAtZeroGradientWithOneEvaluation) {
  auto f = quad12<rational>();
  Oracle<rational> o(f);
  Sam<rational> sam(sam_options(q(1, 2), q(1, 10), q(0), LpExponent<rational>::finite(q(2))));
  Vector<rational> w = vec<rational>({q(0), q(0)});
  const auto r = sam.step(o, w);
  EXPECT_EQ(r.status, StepStatus::stationary);
  EXPECT_EQ(o.evaluations().gradients, 1);
  EXPECT_EQ(w, vec<rational>({q(0), q(0)}));
}

TEST(Sam, IrrationalNormInRationalIsRefusedAsUndefined) {
  // p = 2 at g = (1, 2): ||g|| = sqrt 5 has no exact rational value.
  auto f = quad12<rational>();
  Oracle<rational> o(f);
  Sam<rational> sam(sam_options(q(1, 2), q(1, 10), q(0), LpExponent<rational>::finite(q(2))));
  Vector<rational> w = vec<rational>({q(1), q(1)});
  const auto r = sam.step(o, w);
  EXPECT_EQ(r.status, StepStatus::refused_undefined);
  EXPECT_NE(r.message.find("sqrt(5/4)"), std::string::npos) << r.message;
  EXPECT_EQ(w, vec<rational>({q(1), q(1)}));
}

TEST(Sam, RefusesANonFiniteGradientAtThePerturbedPoint) {
  // w = (1, 0): g = (1, 0), eps = (1, 0) (rho = 1), w + eps = (2, 0) where the gradient is NaN.
  auto f = DiagonalQuadratic<double>(vec<double>({1.0, 1.0}));
  f.nan_above = 1.5;
  Oracle<double> o(f);
  Sam<double> sam(sam_options(0.125, 1.0, 0.0, LpExponent<double>::finite(2.0)));
  Vector<double> w = vec<double>({1.0, 0.0});
  const auto r = sam.step(o, w);
  EXPECT_EQ(r.status, StepStatus::refused_non_finite_gradient);
  EXPECT_NE(r.message.find("w + eps"), std::string::npos) << r.message;
  EXPECT_EQ(w, vec<double>({1.0, 0.0}));
  Vector<double> bad = vec<double>({std::numeric_limits<double>::quiet_NaN(), 0.0});
  EXPECT_EQ(sam.step(o, bad).status, StepStatus::refused_non_finite_gradient);
}

// Both gradients of one step on the oracle's current batch.
template <class Opt>
bool both_gradients_on_one_batch(Opt& opt) {
  ScaledSquares<rational> f({q(1), q(2), q(3), q(4), q(5), q(6)});
  BatchSampler s(6, 2, Sampling::reshuffle_each_epoch, 11);
  Oracle<rational> o(f, s);
  Vector<rational> w = vec<rational>({q(1)});
  for (int k = 0; k < 3; ++k) {
    o.next_batch();
    const Batch b = o.batch();
    f.gradient_batches.clear();
    opt.step(o, w);
    if (f.gradient_batches.size() != 2 || f.gradient_batches[0] != b || f.gradient_batches[1] != b) return false;
  }
  return true;
}

// Mutant: draws a new batch between the two evaluations.
class MutantSamNewBatch : public Optimizer<rational> {
 public:
  std::string name() const override { return "mutant"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<rational> step(Oracle<rational>& f, Vector<rational>& x) override {
    const Vector<rational> g = f.gradient(x);
    const Vector<rational> eps = lp_ball_maximiser(g, q(1, 10), LpExponent<rational>::infinity());
    f.next_batch();
    x -= q(1, 10) * f.gradient(Vector<rational>(x + eps));
    return {};
  }
  void reset() override {}
};

TEST(Sam, BothGradientsUseTheSameMiniBatch) {
  Sam<rational> sam(sam_options(q(1, 10), q(1, 10), q(0), LpExponent<rational>::infinity()));
  EXPECT_TRUE(both_gradients_on_one_batch(sam));
  MutantSamNewBatch mutant;
  EXPECT_FALSE(both_gradients_on_one_batch(mutant));
}

// ============================================================ SAM: properties

struct RandomQuadraticStep {
  Vector<rational> d, w;
  rational lr, rho, lambda;
  bool p_inf;
};

rc::Gen<RandomQuadraticStep> random_quadratic_step() {
  return rc::gen::exec([] {
    const int n = *rc::gen::inRange(1, 6);
    RandomQuadraticStep c;
    c.d.resize(n);
    c.w.resize(n);
    for (int i = 0; i < n; ++i) {
      c.d[i] = *ov::gen::rational_in(1, 4, 3);
      c.w[i] = *ov::gen::rational_in(-3, 3, 4);
    }
    c.lr = q(1, *rc::gen::inRange(1, 9));
    c.rho = *ov::gen::rational_in(0, 1, 8);
    c.lambda = *ov::gen::rational_in(0, 1, 4);
    c.p_inf = *rc::gen::arbitrary<bool>();
    return c;
  });
}

// The SAM step equals w - lr (D (w + eps*(D w)) + 2 lambda w), exactly (rational).
template <class MakeRule>
auto sam_formula_property(MakeRule make) {
  return [make] {
    const RandomQuadraticStep c = *random_quadratic_step();
    const auto p = c.p_inf ? LpExponent<rational>::infinity() : LpExponent<rational>::finite(q(1));
    DiagonalQuadratic<rational> f(c.d);
    Oracle<rational> o(f);
    auto rule = make(sam_options(c.lr, c.rho, c.lambda, p));
    Vector<rational> w = c.w;
    rule->step(o, w);
    const Vector<rational> eps = lp_ball_maximiser(Vector<rational>(c.d.cwiseProduct(c.w)), c.rho, p);
    const Vector<rational> expected = c.w - c.lr * (c.d.cwiseProduct(c.w + eps) + 2 * c.lambda * c.w);
    RC_ASSERT(w == expected);
  };
}

// Mutant: lambda instead of 2 lambda (the regulariser's gradient halved).
class MutantSamHalfRegulariser : public Optimizer<rational> {
 public:
  explicit MutantSamHalfRegulariser(SamOptions<rational> o) : o_(o) {}
  std::string name() const override { return "mutant"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<rational> step(Oracle<rational>& f, Vector<rational>& x) override {
    const Vector<rational> g = f.gradient(x);
    const Vector<rational> eps = lp_ball_maximiser(g, o_.rho, o_.p);
    const sam_detail::DescentConstants<rational> c{o_.lr, o_.lambda};  // defect: not 2 lambda
    return sam_detail::descend<rational>("mutant", x, g, eps, c, x1_,
                                         [&f](const Vector<rational>& v) { return f.gradient(v); });
  }
  void reset() override {}

 private:
  SamOptions<rational> o_;
  Vector<rational> x1_;
};
// Mutant: the gradient at w instead of w + eps (plain GD).
class MutantSamUnperturbed : public MutantSamHalfRegulariser {
 public:
  explicit MutantSamUnperturbed(SamOptions<rational> o) : MutantSamHalfRegulariser(o), o_(o) {}
  StepReport<rational> step(Oracle<rational>& f, Vector<rational>& x) override {
    const Vector<rational> g = f.gradient(x);
    x -= o_.lr * (g + 2 * o_.lambda * x);
    return {};
  }

 private:
  SamOptions<rational> o_;
};

RC_GTEST_PROP(Sam, StepEqualsItsFormulaExactly, ()) {
  sam_formula_property([](SamOptions<rational> o) { return std::make_unique<Sam<rational>>(o); })();
}

TEST(Sam, FormulaCheckFailsOnMutants) {
  EXPECT_FALSE(ov::testing::check_limited("mutant: lambda, not 2 lambda", 200, sam_formula_property([](SamOptions<rational> o) {
                                            return std::make_unique<MutantSamHalfRegulariser>(o);
                                          })));
  EXPECT_FALSE(ov::testing::check_limited("mutant: gradient at w", 200, sam_formula_property([](SamOptions<rational> o) {
                                            return std::make_unique<MutantSamUnperturbed>(o);
                                          })));
}

// (b) double vs mp100 over three steps. Inputs are dyadic (exact in both). Setting:
// d_i in [1/2, 2], |w_i| in [1, 2], lr <= 1/8, rho <= 1/8, lambda <= 1/4, so every
// coordinate stays >= (3/4)^3 - 3/32 > 0.3 in size and ||g|| >= 0.15: the
// perturbation map g -> eps is Lipschitz with constant <= rho / ||g|| * 2 < 2, and a
// step amplifies an earlier error by at most 1 + lr (L (1 + 2) + 2 lambda) < 2. Each
// step adds at most ~(4 n + 20) u relative rounding error (the norm's n terms, pow
// for p = 3, 3/2, the update), u = eps(double)/2. Over 3 steps that is below
// (1 + 2 + 4) (4 n + 20) u; we allow 64 (n + 5) eps(double) max(1, |x|_inf).
// p in {2, 3, 3/2} only: for p in {1, inf} epsilon* is discontinuous in g (ties,
// sign changes), where no rounding-error bound can hold.
template <class Rule>
auto double_vs_mp100_property() {
  return [] {
    const int n = *rc::gen::inRange(1, 6);
    std::vector<double> d(n), w(n);
    for (int i = 0; i < n; ++i) {
      d[i] = *ov::gen::real<double>(0.5, 2);
      w[i] = *ov::gen::real<double>(1, 2) * (*rc::gen::arbitrary<bool>() ? 1 : -1);
    }
    const double lr = *ov::gen::real<double>(1.0 / 64, 0.125), rho = *ov::gen::real<double>(0, 0.125),
                 lambda = *ov::gen::real<double>(0, 0.25);
    const int pk = *rc::gen::inRange(0, 3);
    const double pd = pk == 0 ? 2.0 : (pk == 1 ? 3.0 : 1.5);
    auto run = [&](auto tag) {
      using S = decltype(tag);
      Vector<S> dd(n), ww(n);
      for (int i = 0; i < n; ++i) {
        dd[i] = S(d[i]);
        ww[i] = S(w[i]);
      }
      DiagonalQuadratic<S> f(dd);
      Oracle<S> o(f);
      typename Rule::template type<S> rule(sam_options(S(lr), S(rho), S(lambda), LpExponent<S>::finite(S(pd))));
      for (int k = 0; k < 3; ++k) rule.step(o, ww);
      return ww;
    };
    const Vector<double> xd = run(double{});
    const Vector<mp100> xm = run(mp100{});
    const double tol = 64 * (n + 5) * std::numeric_limits<double>::epsilon() * std::max(1.0, xd.cwiseAbs().maxCoeff());
    for (int i = 0; i < n; ++i) RC_ASSERT(std::abs(xd[i] - xm[i].convert_to<double>()) <= tol);
  };
}

struct RealSam {
  template <class S>
  using type = Sam<S>;
};
// Mutant: the double instantiation rounds the iterate through binary32 after each
// step (a kernel that computes in float); the mp100 one is untouched.
template <class S>
class FloatRoundingSam : public Sam<S> {
 public:
  using Sam<S>::Sam;
  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    auto r = Sam<S>::step(f, x);
    if constexpr (std::is_same_v<S, double>) {
      for (Eigen::Index i = 0; i < x.size(); ++i) x[i] = static_cast<float>(x[i]);
    }
    return r;
  }
};
struct MutantFloatSam {
  template <class S>
  using type = FloatRoundingSam<S>;
};

TEST(Sam, DoubleAgreesWithMp100OnShortRuns) {
  EXPECT_TRUE(ov::testing::check_limited("double vs mp100", 100, double_vs_mp100_property<RealSam>()));
  EXPECT_FALSE(ov::testing::check_limited("mutant: float iterate", 50, double_vs_mp100_property<MutantFloatSam>(), false));
}

// ============================================================ ESAM

EsamOptions<rational> esam_options(SamOptions<rational> sam, rational beta, std::optional<rational> alpha,
                                   std::uint64_t seed) {
  EsamOptions<rational> o;
  o.sam = sam;
  o.beta = beta;
  o.sds_alpha = alpha;
  o.seed = seed;
  return o;
}

// SWP: from one step on a diagonal quadratic, recover eps_hat = D^-1 ((w - w1)/lr - 2 lambda w) - w
// (exact); each coordinate must be 0 or eps*_i / beta, and beta = 1 must give eps* itself.
template <class MakeRule>
auto swp_property(MakeRule make) {
  return [make] {
    const RandomQuadraticStep c = *random_quadratic_step();
    const auto p = c.p_inf ? LpExponent<rational>::infinity() : LpExponent<rational>::finite(q(1));
    const rational beta = *rc::gen::element(q(1), q(1, 2), q(1, 3), q(3, 4));
    const auto seed = *rc::gen::arbitrary<std::uint64_t>();
    DiagonalQuadratic<rational> f(c.d);
    Oracle<rational> o(f);
    auto rule = make(esam_options(sam_options(c.lr, c.rho, c.lambda, p), beta, std::nullopt, seed));
    Vector<rational> w = c.w;
    rule->step(o, w);
    const Vector<rational> eps_star = lp_ball_maximiser(Vector<rational>(c.d.cwiseProduct(c.w)), c.rho, p);
    const Vector<rational> eps_hat =
        (((c.w - w) / c.lr - 2 * c.lambda * c.w).array() / c.d.array()).matrix() - c.w;
    for (Eigen::Index i = 0; i < eps_hat.size(); ++i) {
      RC_ASSERT(eps_hat[i] == rational(0) || eps_hat[i] == eps_star[i] / beta);
      if (beta == 1) RC_ASSERT(eps_hat[i] == eps_star[i]);
    }
  };
}

// Mutant: SWP without the 1/beta rescaling.
class MutantEsamNoRescale : public Optimizer<rational> {
 public:
  explicit MutantEsamNoRescale(EsamOptions<rational> o) : o_(o), rng_(o.seed) {}
  std::string name() const override { return "mutant"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<rational> step(Oracle<rational>& f, Vector<rational>& x) override {
    const Vector<rational> g = f.gradient(x);
    Vector<rational> eps = lp_ball_maximiser(g, o_.sam.rho, o_.sam.p);
    for (Eigen::Index i = 0; i < eps.size(); ++i)
      if (!bernoulli_mask(rng_, o_.beta)) eps[i] = 0;  // defect: kept coordinates not divided by beta
    const sam_detail::DescentConstants<rational> c{o_.sam.lr, 2 * o_.sam.lambda};
    return sam_detail::descend<rational>("mutant", x, g, eps, c, x1_,
                                         [&f](const Vector<rational>& v) { return f.gradient(v); });
  }
  void reset() override {}

 private:
  EsamOptions<rational> o_;
  SplitMix64 rng_;
  Vector<rational> x1_;
};

RC_GTEST_PROP(Esam, SwpCoordinatesAreZeroOrRescaledEpsilonStar, ()) {
  swp_property([](EsamOptions<rational> o) { return std::make_unique<Esam<rational>>(o); })();
}

TEST(Esam, SwpCheckFailsWithoutTheRescaling) {
  EXPECT_FALSE(ov::testing::check_limited("mutant: no 1/beta", 200, swp_property([](EsamOptions<rational> o) {
                                            return std::make_unique<MutantEsamNoRescale>(o);
                                          })));
}

TEST(Esam, MaskFrequencyIsBetaAndSeedsReproduce) {
  // 4000 coordinates, beta = 1/2: the kept fraction is Binomial(4000, 1/2)/4000,
  // sd = 0.0079; [0.46, 0.54] is 5 sd (fixed seed, so deterministic anyway).
  const int n = 4000;
  DiagonalQuadratic<double> f(Vector<double>::Ones(n));
  Oracle<double> o(f);
  EsamOptions<double> opt;
  opt.sam = sam_options(1.0, 1.0, 0.0, LpExponent<double>::infinity());
  opt.beta = 0.5;
  opt.seed = 5;
  Esam<double> esam(opt);
  Vector<double> w = Vector<double>::Ones(n);
  esam.step(o, w);  // w1 = w - (w + eps_hat) = -eps_hat, eps_hat_i in {0, 2}
  int kept = 0;
  for (int i = 0; i < n; ++i) {
    ASSERT_TRUE(w[i] == 0.0 || w[i] == -2.0) << w[i];
    kept += w[i] == -2.0;
  }
  EXPECT_GE(kept, 0.46 * n);
  EXPECT_LE(kept, 0.54 * n);
  // Same seed, same mask; reset() restarts the mask sequence; another seed differs.
  Esam<double> twin(opt);
  Vector<double> w2 = Vector<double>::Ones(n);
  twin.step(o, w2);
  EXPECT_EQ(w, w2);
  Vector<double> w3 = Vector<double>::Ones(n);
  twin.step(o, w3);
  EXPECT_NE(w3, w2);  // the next step draws a fresh mask
  twin.reset();
  Vector<double> w4 = Vector<double>::Ones(n);
  twin.step(o, w4);
  EXPECT_EQ(w4, w2);
  opt.seed = 6;
  Esam<double> other(opt);
  Vector<double> w5 = Vector<double>::Ones(n);
  other.step(o, w5);
  EXPECT_NE(w5, w2);
}

TEST(Esam, RefusalLeavesTheMaskGeneratorUnchanged) {
  EsamOptions<double> opt;
  opt.sam = sam_options(0.125, 1.0, 0.0, LpExponent<double>::infinity());
  opt.beta = 0.5;
  opt.seed = 3;
  DiagonalQuadratic<double> bad(Vector<double>::Ones(8));
  bad.nan_above = -10.0;  // gradient NaN at every w with w_0 > -10
  Oracle<double> ob(bad);
  DiagonalQuadratic<double> good(Vector<double>::Ones(8));
  Oracle<double> og(good);
  Esam<double> refused_first(opt), fresh(opt);
  Vector<double> w = Vector<double>::Ones(8);
  EXPECT_TRUE(refused_first.step(ob, w).refused());
  EXPECT_EQ(w, Vector<double>::Ones(8));
  Vector<double> w_fresh = Vector<double>::Ones(8);
  refused_first.step(og, w);
  fresh.step(og, w_fresh);
  EXPECT_EQ(w, w_fresh);
}

// SDS (56) by hand: f_i(w) = c_i w^2 / 2, c = (1, 2, 4), one batch of all three;
// w = 1: g = 7/3, eps = 1/2 (rho = 1/2, any p in 1-D), w + eps = 3/2;
// loss increases c_i/2 (9/4 - 1) = 5 c_i / 8 = (5/8, 5/4, 5/2); lr = 1/10.
rational sds_step(std::optional<rational> alpha, Evaluations* ev = nullptr, std::string* message = nullptr) {
  ScaledSquares<rational> f({q(1), q(2), q(4)});
  BatchSampler s(3, 3, Sampling::reshuffle_each_epoch, 1);
  Oracle<rational> o(f, s);
  o.next_batch();
  Esam<rational> esam(esam_options(sam_options(q(1, 10), q(1, 2), q(0), LpExponent<rational>::finite(q(2))), q(1),
                                   alpha, 0));
  Vector<rational> w = vec<rational>({q(1)});
  const auto r = esam.step(o, w);
  if (ev) *ev = o.evaluations();
  if (message) *message = r.message;
  return w[0];
}

TEST(Esam, SdsSelectsTheSharpnessSensitiveSamplesByHand) {
  // Without SDS: mean gradient at 3/2 = 7/2, w1 = 1 - 7/20 = 13/20.
  EXPECT_EQ(sds_step(std::nullopt), q(13, 20));
  // alpha = 1: B+ = {c = 2, 4}, gradient (3 + 6)/2 = 9/2, w1 = 11/20.
  Evaluations ev;
  std::string msg;
  EXPECT_EQ(sds_step(q(1), &ev, &msg), q(11, 20));
  EXPECT_EQ(ev.gradients, 2);
  EXPECT_EQ(ev.values, 6);  // per-sample losses at w and w + eps
  EXPECT_NE(msg.find("|B+| = 2 of 3"), std::string::npos) << msg;
  // alpha = 5/4 exactly: the tie goes to B- (strict > as printed), B+ = {c = 4}: w1 = 1 - 6/10 = 2/5.
  EXPECT_EQ(sds_step(q(5, 4)), q(2, 5));
  // alpha = 3: B+ empty, the whole batch is used: 13/20.
  EXPECT_EQ(sds_step(q(3), nullptr, &msg), q(13, 20));
  EXPECT_NE(msg.find("empty"), std::string::npos) << msg;
}

TEST(Esam, SdsOnADeterministicObjectiveIsRefused) {
  auto f = quad12<rational>();
  Oracle<rational> o(f);
  Esam<rational> esam(esam_options(sam_options(q(1, 10), q(1, 2), q(0), LpExponent<rational>::infinity()), q(1), q(1), 0));
  Vector<rational> w = vec<rational>({q(1), q(1)});
  const auto r = esam.step(o, w);
  EXPECT_EQ(r.status, StepStatus::refused_undefined);
  EXPECT_EQ(w, vec<rational>({q(1), q(1)}));
}

// ============================================================ ASAM

TEST(Asam, HandStepP2Rational) {
  // f = 1/2 (3 w1^2 + w2^2), w = (1, 2), eta = 0: T = (1, 2), g = (3, 2), T g = (3, 4),
  // ||T g|| = 5; rho = 1/2: eps = rho T^2 g / 5 = (3/10, 4/5); w + eps = (13/10, 14/5);
  // g_s = (39/10, 14/5); lr = 1/10: w1 = (61/100, 43/25).
  DiagonalQuadratic<rational> f(vec<rational>({q(3), q(1)}));
  Oracle<rational> o(f);
  AsamOptions<rational> opt;
  opt.sam = sam_options(q(1, 10), q(1, 2), q(0), LpExponent<rational>::finite(q(2)));
  opt.eta = 0;
  Asam<rational> asam(opt);
  Vector<rational> w = vec<rational>({q(1), q(2)});
  asam.step(o, w);
  EXPECT_EQ(w, vec<rational>({q(61, 100), q(43, 25)}));
}

TEST(Asam, HandStepP2Mp100WithDefaultEta) {
  // f = 1/2 w^2 (1-D), w = 1, eta = 1/100: T = 101/100, eps = rho T^2 g / |T g| = rho T sign(g)
  // = (1/2)(101/100); g_s = 1 + 101/200; lr = 1/10: w1 = 1 - 301/2000 = 1699/2000.
  DiagonalQuadratic<mp100> f(vec<mp100>({mp100(1)}));
  Oracle<mp100> o(f);
  AsamOptions<mp100> opt;  // rho = 1/2, eta = 1/100 (defaults)
  opt.sam.lr = mp100(1) / 10;
  Asam<mp100> asam(opt);
  Vector<mp100> w = vec<mp100>({mp100(1)});
  asam.step(o, w);
  EXPECT_LE(abs(w[0] - mp100(1699) / 2000), 8 * std::numeric_limits<mp100>::epsilon());
}

// ASAM's perturbation (recovered from one exact step) satisfies the constraint of
// (58) with equality, ||T^-1 eps||_p = rho, and attains <g, eps> = rho ||T g||_q.
template <class MakeRule>
auto asam_property(MakeRule make) {
  return [make] {
    const RandomQuadraticStep c = *random_quadratic_step();
    const auto p = c.p_inf ? LpExponent<rational>::infinity() : LpExponent<rational>::finite(q(1));
    const rational eta = q(*rc::gen::inRange(1, 5), 4);
    DiagonalQuadratic<rational> f(c.d);
    Oracle<rational> o(f);
    AsamOptions<rational> opt;
    opt.sam = sam_options(c.lr, c.rho, c.lambda, p);
    opt.eta = eta;
    auto rule = make(opt);
    Vector<rational> w = c.w;
    rule->step(o, w);
    const Vector<rational> eps = (((c.w - w) / c.lr - 2 * c.lambda * c.w).array() / c.d.array()).matrix() - c.w;
    Vector<rational> t(c.w.size());
    for (Eigen::Index i = 0; i < t.size(); ++i) t[i] = abs(c.w[i]) + eta;
    const Vector<rational> g = c.d.cwiseProduct(c.w);
    const Vector<rational> tg = t.cwiseProduct(g);
    if (norm_inf(g) == 0) {
      RC_ASSERT(norm_inf(eps) == 0);
      return;
    }
    RC_ASSERT(lp_norm(Vector<rational>((eps.array() / t.array()).matrix()), p) == c.rho);
    RC_ASSERT(dot(g, eps) == c.rho * dual_norm(tg, p));
  };
}

// Mutant: eps = epsilon*(T g) without the outer T (T^1 instead of T^2 for p = 2).
class MutantAsamOneT : public Optimizer<rational> {
 public:
  explicit MutantAsamOneT(AsamOptions<rational> o) : o_(o) {}
  std::string name() const override { return "mutant"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<rational> step(Oracle<rational>& f, Vector<rational>& x) override {
    const Vector<rational> g = f.gradient(x);
    Vector<rational> t(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) t[i] = abs(x[i]) + o_.eta;
    const Vector<rational> eps = lp_ball_maximiser(Vector<rational>(t.cwiseProduct(g)), o_.sam.rho, o_.sam.p);
    const sam_detail::DescentConstants<rational> c{o_.sam.lr, 2 * o_.sam.lambda};
    return sam_detail::descend<rational>("mutant", x, g, eps, c, x1_,
                                         [&f](const Vector<rational>& v) { return f.gradient(v); });
  }
  void reset() override {}

 private:
  AsamOptions<rational> o_;
  Vector<rational> x1_;
};

RC_GTEST_PROP(Asam, PerturbationIsTheMaximiserOfTheNormalisedBall, ()) {
  asam_property([](AsamOptions<rational> o) { return std::make_unique<Asam<rational>>(o); })();
}

TEST(Asam, NormalisedBallCheckFailsOnTheOneTMutant) {
  EXPECT_FALSE(ov::testing::check_limited("mutant: T, not T^2", 200, asam_property([](AsamOptions<rational> o) {
                                            return std::make_unique<MutantAsamOneT>(o);
                                          })));
}

// Scale invariance (004, derivation after (58)), first-order version [DERIVED]: for a
// loss with the rescaling symmetry L(A w) = L(w), A = diag(a, 1/a) (the ReLU symmetry
// of 003 §3.3; here L(w) = (w1 w2 - 1)^2 / 2), grad L(A w) = A^-1 grad L(w), and with
// eta = 0 (T_w = |w|) the ASAM perturbation is equivariant: eps(A w) = A eps(w), so
// A w + eps(A w) = A (w + eps(w)) and the perturbed losses agree. It needs eta = 0 and
// the symmetry; SAM's eps (T = I) is not equivariant.
Vector<rational> product_loss_gradient(const Vector<rational>& w) {
  const rational r = w[0] * w[1] - 1;
  return vec<rational>({r * w[1], r * w[0]});
}

template <class Perturbation>
auto asam_equivariance_property(Perturbation perturb) {
  return [perturb] {
    const Vector<rational> w = vec<rational>({*ov::gen::rational_in(-3, 3, 4), *ov::gen::rational_in(-3, 3, 4)});
    const rational a = *ov::gen::rational_in(1, 4, 3);
    RC_PRE(w[0] * w[1] != 1 && w[0] != 0 && w[1] != 0);
    const bool inf = *rc::gen::arbitrary<bool>();
    const auto p = inf ? LpExponent<rational>::infinity() : LpExponent<rational>::finite(q(1));
    const rational rho = *ov::gen::rational_in(1, 2, 5);
    const Vector<rational> aw = vec<rational>({a * w[0], w[1] / a});
    const Vector<rational> e = perturb(w, product_loss_gradient(w), rho, p);
    const Vector<rational> ea = perturb(aw, product_loss_gradient(aw), rho, p);
    RC_ASSERT(ea[0] == a * e[0]);
    RC_ASSERT(ea[1] == e[1] / a);
  };
}

RC_GTEST_PROP(Asam, PerturbationIsEquivariantUnderALossSymmetryWithEtaZero, ()) {
  asam_equivariance_property([](const Vector<rational>& w, const Vector<rational>& g, const rational& rho,
                                const LpExponent<rational>& p) { return asam_perturbation(w, g, rho, q(0), p); })();
}

TEST(Asam, EquivarianceCheckFailsForSamAndForPositiveEta) {
  EXPECT_FALSE(ov::testing::check_limited(
      "SAM's eps is not equivariant", 200,
      asam_equivariance_property([](const Vector<rational>&, const Vector<rational>& g, const rational& rho,
                                    const LpExponent<rational>& p) { return lp_ball_maximiser(g, rho, p); })));
  EXPECT_FALSE(ov::testing::check_limited(
      "eta = 1/100 breaks equivariance", 200,
      asam_equivariance_property([](const Vector<rational>& w, const Vector<rational>& g, const rational& rho,
                                    const LpExponent<rational>& p) { return asam_perturbation(w, g, rho, q(1, 100), p); })));
}

// ============================================================ validation

template <class F>
void expect_invalid(F&& make, const std::string& needle) {
  try {
    make();
    ADD_FAILURE() << "accepted; expected an error containing: " << needle;
  } catch (const invalid_hyperparameter& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

TEST(SamFamily, ValidationNamesParameterAndRange) {
  const auto p2 = LpExponent<double>::finite(2.0);
  expect_invalid([&] { Sam<double>(sam_options(0.0, 0.1, 0.0, p2)); }, "sam: lr = 0 is outside its valid range (0, inf)");
  expect_invalid([&] { Sam<double>(sam_options(0.1, -1.0, 0.0, p2)); }, "sam: rho = -1 is outside its valid range [0, inf)");
  expect_invalid([&] { Sam<double>(sam_options(0.1, 0.1, -0.5, p2)); },
                 "sam: lambda = -0.5 is outside its valid range [0, inf)");
  expect_invalid([&] { Sam<double>(sam_options(0.1, 0.1, 0.0, LpExponent<double>::finite(0.5))); },
                 "sam: p = 0.5 is outside its valid range [1, inf]");
  expect_invalid([&] { Sam<double>(sam_options(0.1, std::nan(""), 0.0, p2)); }, "sam: rho = nan");
  EXPECT_NO_THROW(Sam<double>(sam_options(0.1, 0.0, 0.0, LpExponent<double>::infinity())));  // rho = 0 allowed (004 (49))
  EsamOptions<double> e;
  e.beta = 0.0;
  expect_invalid([&] { Esam<double>{e}; }, "esam: beta = 0 is outside its valid range (0, 1]");
  e.beta = 1.5;
  expect_invalid([&] { Esam<double>{e}; }, "esam: beta = 1.5 is outside its valid range (0, 1]");
  e.beta = 1.0;
  e.sds_alpha = 0.0;
  expect_invalid([&] { Esam<double>{e}; }, "esam: alpha = 0 is outside its valid range (0, inf)");
  e.sds_alpha.reset();
  e.sam.rho = -0.25;
  expect_invalid([&] { Esam<double>{e}; }, "esam: rho = -0.25");
  AsamOptions<double> a;
  a.eta = -1.0;
  expect_invalid([&] { Asam<double>{a}; }, "asam: eta = -1 is outside its valid range [0, inf)");
  a.eta = 0.01;
  a.sam.p = LpExponent<double>::finite(0.0);
  expect_invalid([&] { Asam<double>{a}; }, "asam: p = 0 is outside its valid range [1, inf]");
}

// ============================================================ registry

TEST(SamFamily, RegistryEntriesDefaultsAndSpecs) {
  Registry<rational> r;
  register_sam(r);
  for (const char* name : {"sam", "esam", "asam"}) EXPECT_TRUE(r.contains(name)) << name;
  const ScalarParser<rational> parse = [](const std::string& s) { return ov::constant<rational>(s); };
  auto sam = r.make("sam", parse);
  auto* s = dynamic_cast<Sam<rational>*>(sam.get());
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->options().rho, q(1, 20));
  EXPECT_EQ(s->options().lr, q(1, 100));
  EXPECT_TRUE(s->options().p.is(2));
  auto sam_inf = r.make("sam:p=inf,rho=1/10,lambda=1/4,lr=1/2", parse);
  const auto* si = dynamic_cast<Sam<rational>*>(sam_inf.get());
  ASSERT_NE(si, nullptr);
  EXPECT_TRUE(si->options().p.is_infinite());
  EXPECT_EQ(si->options().lambda, q(1, 4));
  // The registered rule reproduces the hand step of HandStepPInfinityRational.
  auto f = quad12<rational>();
  Oracle<rational> o(f);
  Vector<rational> w = vec<rational>({q(1), q(-1)});
  sam_inf->step(o, w);
  EXPECT_EQ(w, vec<rational>({q(1, 5), q(7, 20)}));
  auto esam = r.make("esam:beta=1/2,alpha=1/10,seed=7", parse);
  const auto* es = dynamic_cast<Esam<rational>*>(esam.get());
  ASSERT_NE(es, nullptr);
  EXPECT_EQ(es->options().beta, q(1, 2));
  EXPECT_EQ(*es->options().sds_alpha, q(1, 10));
  EXPECT_EQ(es->options().seed, 7u);
  EXPECT_FALSE(dynamic_cast<Esam<rational>*>(r.make("esam", parse).get())->options().sds_alpha.has_value());
  auto asam = r.make("asam", parse);
  const auto* as = dynamic_cast<Asam<rational>*>(asam.get());
  ASSERT_NE(as, nullptr);
  EXPECT_EQ(as->options().sam.rho, q(1, 2));
  EXPECT_EQ(as->options().eta, q(1, 100));
  EXPECT_THROW(r.make("sam:p=1/2", parse), invalid_hyperparameter);
  EXPECT_THROW(r.make("sam:beta=1", parse), std::invalid_argument);
  for (const auto& e : r.entries()) {
    EXPECT_FALSE(e.citation.empty());
    for (const auto& p : e.parameters) EXPECT_FALSE(p.range.empty()) << e.name << " " << p.name;
  }
}

}  // namespace
