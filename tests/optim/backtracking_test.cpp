// Tests of the backtracking family (docs/optimizers-backtracking.md):
// optim/line_search/{armijo_backtracking,two_way_backtracking}.hpp and
// optim/rules/{backtracking_gd, inexact_backtracking_gd, two_way_backtracking_gd,
// momentum, nesterov, backtracking_momentum, backtracking_nesterov}.hpp.
//
//  (a) hand-computed steps in exact ov::rational (every expected number is derived
//      in the comment next to it, not computed with the rule);
//  (b) double against mp100 on short runs (tolerance derived at BTDoubleMp100);
//  (c) invariants as RapidCheck properties over random problems and
//      hyper-parameters, checked exactly in rational;
//  (d) hyper-parameter validation messages;
//  (e) every property is a function returning bool, run once on the rule (true) and
//      once on a mutant fixture with one deliberate defect (false).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/numeric/exact_constant.hpp"
#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/components/direction_conditions.hpp"
#include "optim/components/minibatch_lr_finder.hpp"
#include "optim/components/perturbed_gradient_direction.hpp"
#include "optim/registry/backtracking_entries.hpp"
#include "optim/rules/backtracking_gd.hpp"
#include "optim/rules/backtracking_momentum.hpp"
#include "optim/rules/backtracking_nesterov.hpp"
#include "optim/rules/inexact_backtracking_gd.hpp"
#include "optim/rules/minibatch_backtracking.hpp"
#include "optim/rules/momentum.hpp"
#include "optim/rules/nesterov.hpp"
#include "optim/rules/two_way_backtracking_gd.hpp"
#include "tests/autodiff/limited_check.hpp"
#include "tests/support/generators.hpp"

namespace {

using namespace ov::optim;
using ov::mp100;
using ov::rational;
using ov::testing::check_limited;

template <class S>
Vector<S> vec(std::initializer_list<S> v) {
  Vector<S> x(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (const S& s : v) x[i++] = s;
  return x;
}
rational q(long p, long d = 1) { return rational(p) / d; }

// ------------------------------------------------------------------ objectives

// f(x) = sum_i (a_i/2 x_i^2 + b_i x_i + c_i/4 x_i^4) + k/2 (x_0 - x_1)^2 (n >= 2 for k).
// A polynomial: value and gradient are exact in rational; nonconvex when some a_i < 0.
template <class S>
class PolyObjective : public Objective<S> {
 public:
  PolyObjective(std::vector<S> a, std::vector<S> b, std::vector<S> c, S k = S(0))
      : a_(std::move(a)), b_(std::move(b)), c_(std::move(c)), k_(k) {}
  int dim() const override { return static_cast<int>(a_.size()); }
  S value(const Vector<S>& x) const override {
    S s(0);
    for (int i = 0; i < dim(); ++i) {
      const S x2 = x[i] * x[i];
      s += a_[i] * x2 / S(2) + b_[i] * x[i] + c_[i] * x2 * x2 / S(4);
    }
    if (dim() >= 2) s += k_ * (x[0] - x[1]) * (x[0] - x[1]) / S(2);
    return s;
  }
  Vector<S> gradient(const Vector<S>& x) const override {
    Vector<S> g(dim());
    for (int i = 0; i < dim(); ++i) g[i] = a_[i] * x[i] + b_[i] + c_[i] * x[i] * x[i] * x[i];
    if (dim() >= 2) {
      g[0] += k_ * (x[0] - x[1]);
      g[1] -= k_ * (x[0] - x[1]);
    }
    return g;
  }

 private:
  std::vector<S> a_, b_, c_;
  S k_;
};

// f = 1/2 sum_i a_i x_i^2.
template <class S>
PolyObjective<S> quadratic(std::vector<S> a) {
  const std::size_t n = a.size();
  return PolyObjective<S>(std::move(a), std::vector<S>(n, S(0)), std::vector<S>(n, S(0)));
}

// The double-well test problem of (b): f = sum (x_i^2 - 1)^2 / 4 + 1/4 (x_0 - x_1)^2
// = sum (1/4 x^4 - 1/2 x^2) + const + k/2 (x_0 - x_1)^2 with k = 1/2.
template <class S>
PolyObjective<S> double_well() {
  return PolyObjective<S>({S(-1), S(-1)}, {S(0), S(0)}, {S(1), S(1)}, ops::ratio<S>(1, 2));
}

// A random polynomial problem in rational: n in [1, 3], a_i in [-2, 4], b_i in [-2, 2],
// c_i in [0, 2] (denominators <= 4), and a start point in [-2, 2]^n (denominators <= 8).
struct RandomProblem {
  std::vector<rational> a, b, c;
  rational k;
  Vector<rational> x0;
  PolyObjective<rational> objective() const { return PolyObjective<rational>(a, b, c, k); }
};
rc::Gen<RandomProblem> random_problem() {
  return rc::gen::exec([] {
    RandomProblem p;
    const int n = *rc::gen::inRange(1, 4);
    for (int i = 0; i < n; ++i) {
      p.a.push_back(*ov::gen::rational_in(-2, 4, 4));
      p.b.push_back(*ov::gen::rational_in(-2, 2, 4));
      p.c.push_back(*ov::gen::rational_in(0, 2, 2));
    }
    p.k = *ov::gen::rational_in(0, 2, 2);
    p.x0.resize(n);
    for (int i = 0; i < n; ++i) p.x0[i] = *ov::gen::rational_in(-2, 2, 8);
    return p;
  });
}

// Backtracking hyper-parameters from small exact grids: delta0 in {1/4, ..., 4},
// alpha, beta in (0, 1) with denominators <= 8.
struct BtParams {
  rational delta0, alpha, beta;
};
rc::Gen<BtParams> bt_params() {
  return rc::gen::exec([] {
    BtParams p;
    p.delta0 = q(*rc::gen::inRange(1, 17), 4);
    const long da = *rc::gen::inRange(2, 9), db = *rc::gen::inRange(2, 9);
    p.alpha = q(*rc::gen::inRange(1L, da), da);
    p.beta = q(*rc::gen::inRange(1L, db), db);
    return p;
  });
}

// Is s = delta0 beta^k for some k >= 0 (exact)? Walks down at most 200 lattice points.
bool on_lattice(const rational& s, const rational& delta0, const rational& beta) {
  rational t = delta0;
  for (int k = 0; k <= 200; ++k, t *= beta) {
    if (t == s) return true;
    if (t < s) return false;
  }
  return false;
}

// Armijo (6) for the realised step: f(y) - f(x) <= alpha <grad f(x), y - x>.
bool armijo_between(const Objective<rational>& f, const Vector<rational>& x, const Vector<rational>& y,
                    const rational& alpha) {
  const Vector<rational> d = y - x;
  return f.value(y) - f.value(x) <= alpha * dot(f.gradient(x), d);
}

// ------------------------------------------------------------------ mutants (e)

// Standard GD with the fixed step delta0: no Armijo search (breaks Armijo and descent).
class StandardGdMutant : public Optimizer<rational> {
 public:
  explicit StandardGdMutant(rational delta0) : d_(delta0) {}
  std::string name() const override { return "mutant_standard_gd"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<rational> step(Oracle<rational>& f, Vector<rational>& x) override {
    x = x - d_ * f.gradient(x);
    StepReport<rational> r;
    r.step_size = d_;
    return r;
  }
  void reset() override {}

 private:
  rational d_;
};

// Backtracking GD whose search starts at `start` instead of the declared delta0 and
// shrinks by `shrink` instead of beta (one defect at a time).
class SearchMutant : public Optimizer<rational> {
 public:
  SearchMutant(rational start, rational alpha, rational shrink) : search_(start, alpha, shrink) {}
  std::string name() const override { return "mutant_search"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<rational> step(Oracle<rational>& f, Vector<rational>& x) override {
    Vector<rational> g;
    const rational f0 = f.value_and_gradient(x, g);
    if (is_zero_vector(g)) {
      StepReport<rational> r;
      r.status = StepStatus::stationary;
      return r;
    }
    Vector<rational> xn;
    const auto r = search_.search(f, x, f0, g, g, xn);
    if (!r.accepted()) return StepReport<rational>::refuse(StepStatus::refused_search_failed, "x");
    x = xn;
    StepReport<rational> rep;
    rep.step_size = r.step;
    return rep;
  }
  void reset() override {}

 private:
  ArmijoBacktracking<rational> search_;
};

using RuleFactory = std::function<std::unique_ptr<Optimizer<rational>>(const BtParams&)>;

// ------------------------------------------------------------------ properties (c)

int g_armijo_taken = 0;  // taken steps seen by prop_armijo_and_descent (coverage)

// Every taken step of a backtracking rule satisfies Armijo (6) with the realised
// displacement, and f does not increase (monotone descent); runs `steps` steps.
bool prop_armijo_and_descent(const std::string& what, const RuleFactory& make, int steps = 3) {
  return check_limited(what, 60, [&] {
    const RandomProblem p = *random_problem();
    const BtParams h = *bt_params();
    const auto f = p.objective();
    Oracle<rational> o(f);
    auto rule = make(h);
    Vector<rational> x = p.x0;
    for (int k = 0; k < steps; ++k) {
      const Vector<rational> x0 = x;
      const StepReport<rational> r = rule->step(o, x);
      if (r.refused()) {
        RC_ASSERT(x == x0);
        return;
      }
      if (r.status == StepStatus::stationary) return;
      ++g_armijo_taken;
      RC_ASSERT(armijo_between(f, x0, x, h.alpha));
      RC_ASSERT(f.value(x) <= f.value(x0));
    }
  });
}

// Backtracking GD: delta_n <= delta0, on {delta0 beta^k}, and maximal (delta_n / beta
// fails (7) unless delta_n = delta0). `declared` gives what the rule claims delta0 is.
bool prop_lattice_and_maximality(const std::string& what, const RuleFactory& make, bool check_maximal) {
  return check_limited(what, 60, [&] {
    const RandomProblem p = *random_problem();
    const BtParams h = *bt_params();
    const auto f = p.objective();
    Oracle<rational> o(f);
    auto rule = make(h);
    Vector<rational> x = p.x0;
    for (int k = 0; k < 3; ++k) {
      const Vector<rational> x0 = x;
      const StepReport<rational> r = rule->step(o, x);
      if (r.refused() || r.status == StepStatus::stationary) return;
      const rational s = *r.step_size;
      RC_ASSERT(s <= h.delta0);
      RC_ASSERT(on_lattice(s, h.delta0, h.beta));
      if (check_maximal && s != h.delta0) {
        const Vector<rational> g = f.gradient(x0);
        const rational up = s / h.beta;
        RC_ASSERT(!(f.value(Vector<rational>(x0 - up * g)) - f.value(x0) <= -h.alpha * up * dot(g, g)));
      }
    }
  });
}

// Two-way backtracking never exceeds its cap, and every step satisfies (7). The rule
// is built by `make(h, cap)`; caps: delta0 (paper), 100 (slides), or random >= delta0.
using TwoWayFactory = std::function<std::unique_ptr<Optimizer<rational>>(const BtParams&, const rational& cap)>;
bool prop_two_way_cap(const std::string& what, const TwoWayFactory& make) {
  return check_limited(what, 60, [&] {
    const RandomProblem p = *random_problem();
    const BtParams h = *bt_params();
    const int which = *rc::gen::inRange(0, 3);
    const rational cap = which == 0 ? h.delta0 : which == 1 ? rational(100) : h.delta0 * q(*rc::gen::inRange(1, 9), 1);
    const auto f = p.objective();
    Oracle<rational> o(f);
    auto rule = make(h, cap);
    Vector<rational> x = p.x0;
    for (int k = 0; k < 4; ++k) {
      const Vector<rational> x0 = x;
      const StepReport<rational> r = rule->step(o, x);
      if (r.refused() || r.status == StepStatus::stationary) return;
      RC_ASSERT(*r.step_size <= cap);
      RC_ASSERT(armijo_between(f, x0, x, h.alpha));
      if (which == 0) RC_ASSERT(on_lattice(*r.step_size, h.delta0, h.beta));
    }
  });
}

// ------------------------------------------------------------------ (a) hand computations

// f = 1/2 (x^2 + 4 y^2), z0 = (1, 1), delta0 = 1, alpha = beta = 1/2.
// Step 1: g = (1, 4), ||g||^2 = 17, f0 = 5/2.
//   sigma = 1:   z = (0, -3),   f = 18;     18 - 5/2 > -17/2        rejected
//   sigma = 1/2: z = (1/2, -1), f = 17/8;   -3/8 > -17/4            rejected
//   sigma = 1/4: z = (3/4, 0),  f = 9/32;   -71/32 <= -68/32        accepted (3 trials)
// Step 2: g = (3/4, 0), ||g||^2 = 9/16, f0 = 9/32.
//   sigma = 1:   z = (0, 0), f = 0; -9/32 <= -1/2 * 9/16 = -9/32   accepted (equality case)
// Step 3: g = 0: stationary.
TEST(BacktrackingGd, HandComputedStepsInRational) {
  const auto f = quadratic<rational>({q(1), q(4)});
  Oracle<rational> o(f);
  BacktrackingGd<rational> bt(q(1), q(1, 2), q(1, 2));
  Vector<rational> x = vec({q(1), q(1)});
  auto r = bt.step(o, x);
  EXPECT_EQ(r.status, StepStatus::taken);
  EXPECT_EQ(*r.step_size, q(1, 4));
  EXPECT_EQ(r.trials, 3);
  EXPECT_EQ(*r.value, q(5, 2));
  EXPECT_EQ(x, vec({q(3, 4), q(0)}));
  r = bt.step(o, x);
  EXPECT_EQ(*r.step_size, q(1));
  EXPECT_EQ(r.trials, 1);
  EXPECT_EQ(x, vec({q(0), q(0)}));
  r = bt.step(o, x);
  EXPECT_EQ(r.status, StepStatus::stationary);
  EXPECT_EQ(x, vec({q(0), q(0)}));
  // Evaluations: 3 value_and_gradient + 4 trial values.
  EXPECT_EQ(o.evaluations().gradients, 3);
  EXPECT_EQ(o.evaluations().values, 3 + 4);
}

// On f = L/2 x^2 the accepted step is the largest delta0 beta^k <= 2 (1 - alpha) / L
// (seed-000-001-backtracking.md C4; derived: f(x - s L x) - f(x) = L x^2 (s^2 L^2 - 2 s L)/2
// <= -alpha s L^2 x^2 <=> s <= 2 (1 - alpha) / L). L = 10, alpha = beta = 1/2, delta0 = 1:
// 2 (1/2) / 10 = 1/10, so delta = 1/16 (guide §8: 0.0625).
TEST(BacktrackingGd, QuadraticStepIsTheLargestLatticePointBelowTheBound) {
  const auto f = quadratic<rational>({q(10)});
  Oracle<rational> o(f);
  BacktrackingGd<rational> bt(q(1), q(1, 2), q(1, 2));
  Vector<rational> x = vec({q(3)});
  const auto r = bt.step(o, x);
  EXPECT_EQ(*r.step_size, q(1, 16));
  EXPECT_EQ(r.trials, 5);
  EXPECT_EQ(x[0], q(3) - q(1, 16) * q(30));  // 3 - 30/16 = 9/8
}

TEST(BacktrackingGd, RefusesNonFiniteAndBoundedSearch) {
  // A search bounded to 2 trials on L = 10 (the step 1/16 needs 5 trials, see above).
  const auto f = quadratic<double>({10.0});
  Oracle<double> o(f);
  BacktrackingGd<double> bt(1.0, 0.5, 0.5, 2);
  Vector<double> x = vec({3.0});
  const auto r = bt.step(o, x);
  EXPECT_EQ(r.status, StepStatus::refused_search_failed);
  EXPECT_NE(r.message.find("max_trials = 2"), std::string::npos) << r.message;
  EXPECT_EQ(x[0], 3.0);
  Vector<double> y = vec({std::numeric_limits<double>::quiet_NaN()});
  EXPECT_EQ(bt.step(o, y).status, StepStatus::refused_non_finite_value);
}

// Inexact BT GD, f = 1/2 (x^2 + 4 y^2), z0 = (1, 1), g = (1, 4), A1 = 1/2, A2 = 2, mu = 1/2,
// delta0 = 1, alpha = beta = 1/2, policy v = (g_0, 2 g_1) = (1, 8):
//   (4): 17/4 <= ||v||^2 = 65 <= 68;  (5): <g,v> = 33, 33^2 = 1089 >= 1/4 * 17 * 65.
//   sigma = 1: (0, -7), f = 98; 1/2: (1/2, -3), f = 145/8; 1/4: (3/4, -1), f = 73/32,
//   -7/32 > -33/8; 1/8: (7/8, 0), f = 49/128, -271/128 <= -33/16 = -264/128: accepted.
TEST(InexactBacktrackingGd, HandComputedStepAndRefusedDirections) {
  const auto f = quadratic<rational>({q(1), q(4)});
  InexactBacktrackingParameters<rational> p;
  p.A1 = q(1, 2);
  p.A2 = q(2);
  p.mu = q(1, 2);
  p.delta0 = q(1);
  p.alpha = q(1, 2);
  p.beta = q(1, 2);
  {
    Oracle<rational> o(f);
    InexactBacktrackingGd<rational> rule(p, [](const Vector<rational>&, const Vector<rational>& g, std::int64_t) {
      return vec({g[0], q(2) * g[1]});
    });
    Vector<rational> x = vec({q(1), q(1)});
    const auto r = rule.step(o, x);
    EXPECT_EQ(r.status, StepStatus::taken);
    EXPECT_EQ(*r.step_size, q(1, 8));
    EXPECT_EQ(r.trials, 4);
    EXPECT_EQ(x, vec({q(7, 8), q(0)}));
    EXPECT_EQ(rule.steps_taken(), 1);
  }
  // v = -g violates (5); v = 3g violates (4) (||v|| = 3 ||g|| > A2 ||g||): refused, x unchanged.
  for (int which = 0; which < 2; ++which) {
    Oracle<rational> o(f);
    InexactBacktrackingGd<rational> rule(p, [which](const Vector<rational>&, const Vector<rational>& g, std::int64_t) {
      return Vector<rational>(which == 0 ? Vector<rational>(-g) : Vector<rational>(q(3) * g));
    });
    Vector<rational> x = vec({q(1), q(1)});
    const auto r = rule.step(o, x);
    EXPECT_EQ(r.status, StepStatus::refused_undefined);
    EXPECT_NE(r.message.find(which == 0 ? "(5)" : "(4)"), std::string::npos) << r.message;
    EXPECT_EQ(x, vec({q(1), q(1)}));
    EXPECT_EQ(rule.steps_taken(), 0);
  }
}

// Two-way, same f and z0, delta0 = 1, alpha = beta = 1/2.
// Step 1: start 1: as BacktrackingGd, 1 and 1/2 rejected, 1/4 accepted (3 trials), z1 = (3/4, 0).
// Step 2 (g = (3/4, 0), f0 = 9/32 = 144/512): start 1/4: z = (9/16, 0), f = 81/512,
//   -63/512 <= -36/512 holds; grow: 1/2: z = (3/8, 0), f = 36/512, -108/512 <= -72/512 holds;
//   1: z = 0, f = 0, -144/512 <= -144/512 holds (equality).
//   paper cap 1: 2 > cap, stop: step 1 after 3 trials.
//   slides cap 100: 2: z = (-3/4, 0), f = 9/32, 0 > -9/16 fails: step 1 after 4 trials.
TEST(TwoWayBacktrackingGd, HandComputedStepsWithBothCaps) {
  const auto f = quadratic<rational>({q(1), q(4)});
  for (const bool slides : {false, true}) {
    Oracle<rational> o(f);
    TwoWayBacktrackingGd<rational> rule(q(1), q(1, 2), q(1, 2),
                                        slides ? TwoWayCap::slides<rational>() : TwoWayCap::paper(q(1)));
    Vector<rational> x = vec({q(1), q(1)});
    auto r = rule.step(o, x);
    EXPECT_EQ(*r.step_size, q(1, 4));
    EXPECT_EQ(r.trials, 3);
    EXPECT_EQ(x, vec({q(3, 4), q(0)}));
    EXPECT_EQ(rule.previous_step(), q(1, 4));
    r = rule.step(o, x);
    EXPECT_EQ(*r.step_size, q(1));
    EXPECT_EQ(r.trials, slides ? 4 : 3);
    EXPECT_EQ(x, vec({q(0), q(0)}));
  }
}

// Momentum and NAG on f = x^2 / 2 (g = x), z0 = 1, delta = gamma = 1/2, v_{-1} = 0.
// MMT: v0 = 1/2, z1 = 1/2; v1 = 1/4 + 1/4 = 1/2, z2 = 0; v2 = 1/4, z3 = -1/4.
// NAG: g(1) = 1: v0 = 1/2, z1 = 1/2; g(1/2 - 1/4) = 1/4: v1 = 1/4 + 1/8 = 3/8, z2 = 1/8;
//      g(1/8 - 3/16) = -1/16: v2 = 3/16 - 1/32 = 5/32, z3 = -1/32.
// PyTorch NAG: x0 = 1, b = 1, x1 = 1 - 1/2 (1 + 1/2) = 1/4 = z1 - gamma v0.
TEST(MomentumForms, HandComputedPaperIterates) {
  const auto f = quadratic<rational>({q(1)});
  {
    Oracle<rational> o(f);
    Momentum<rational> m(q(1, 2), q(1, 2));
    Vector<rational> x = vec({q(1)});
    const rational expect[] = {q(1, 2), q(0), q(-1, 4)};
    for (const auto& e : expect) {
      m.step(o, x);
      EXPECT_EQ(x[0], e);
    }
    EXPECT_EQ(m.velocity()[0], q(1, 4));
  }
  {
    Oracle<rational> o(f);
    Nesterov<rational> n(q(1, 2), q(1, 2));
    Vector<rational> x = vec({q(1)});
    const rational expect[] = {q(1, 2), q(1, 8), q(-1, 32)};
    for (const auto& e : expect) {
      n.step(o, x);
      EXPECT_EQ(x[0], e);
    }
    EXPECT_EQ(n.velocity()[0], q(5, 32));
  }
  {
    Oracle<rational> o(f);
    Nesterov<rational> n(q(1, 2), q(1, 2), MomentumForm::pytorch);
    Vector<rational> x = vec({q(1)});
    n.step(o, x);
    EXPECT_EQ(x[0], q(1, 4));
    EXPECT_EQ(n.velocity()[0], q(1));
  }
}

// Backtracking MMT on f = x^2 / 2, A1 = 1/2, A2 = 2, delta0 = 1, gamma0 = 1, mu = 1/2,
// alpha = beta = 1/2, z0 = 1, v_{-1} = -2.
// Step 1 (g = 1): stage 1: gamma' = 1: w = -1 fails (5); 1/2: w = 0 fails (4);
//   1/4: w = 1/2: (4) 1/4 <= 1/4 <= 4 (equality), (5) 1/2 >= 0, 1/4 >= 1/4 * 1/4: ok (3 trials).
//   stage 2: sigma = 1: z = 1/2, f = 1/8, -3/8 <= -1/2 * 1/2 = -1/4: accepted.
//   v0 = 1/2, z1 = 1/2, gamma_0 = 1/4, delta_0 = 1.
// Step 2 (g = 1/2, v = 1/2): gamma' = 1: w = 1: (4) 1/16 <= 1 <= 1 (equality): ok.
//   sigma = 1: z = -1/2, f = 1/8, 0 > -1/4 rejected; 1/2: z = 0, -1/8 <= -1/8 accepted.
//   v1 = 1/2, z2 = 0, gamma_1 = 1/2, delta_1 = 1/2.
// Step 3: g = 0, v = 1/2 != 0: the guard returns stationary and sets v = 0.
TEST(BacktrackingMomentum, HandComputedStagesAndZeroGradientGuard) {
  const auto f = quadratic<rational>({q(1)});
  Oracle<rational> o(f);
  BacktrackingMomentumParameters<rational> p;
  p.A1 = q(1, 2);
  p.A2 = q(2);
  p.delta0 = q(1);
  p.gamma0 = q(1);
  p.mu = q(1, 2);
  p.alpha = q(1, 2);
  p.beta = q(1, 2);
  BacktrackingMomentum<rational> rule(p);
  rule.set_velocity(vec({q(-2)}));
  Vector<rational> x = vec({q(1)});
  auto r = rule.step(o, x);
  EXPECT_EQ(r.status, StepStatus::taken);
  EXPECT_EQ(rule.last_stage1_trials(), 3);
  EXPECT_EQ(rule.last_gamma(), q(1, 4));
  EXPECT_EQ(rule.last_delta(), q(1));
  EXPECT_EQ(x[0], q(1, 2));
  EXPECT_EQ(rule.velocity()[0], q(1, 2));
  r = rule.step(o, x);
  EXPECT_EQ(rule.last_stage1_trials(), 1);
  EXPECT_EQ(r.trials, 2);
  EXPECT_EQ(rule.last_gamma(), q(1, 2));
  EXPECT_EQ(*r.step_size, q(1, 2));
  EXPECT_EQ(x[0], q(0));
  EXPECT_EQ(rule.velocity()[0], q(1, 2));
  r = rule.step(o, x);
  EXPECT_EQ(r.status, StepStatus::stationary);
  EXPECT_EQ(x[0], q(0));
  EXPECT_EQ(rule.velocity()[0], q(0));
}

// Backtracking NAG on f = x^2 / 2, A1 = 1/4, A2 = 2, delta0 = 1/2, gamma0 = 1, mu = 1/2,
// alpha = beta = 1/2, z0 = 1, v_{-1} = -4, g = 1. w(gamma', lambda) = gamma' v + 1/2 (1 - lambda v).
// shrunk (lambda = gamma'): w = 1/2 - 2 gamma' + 2 gamma' = ... explicitly
//   gamma' = 1: look-ahead 1 + 4 = 5: w = -4 + 5/2 = -3/2 fails (5);
//   1/2: 1 + 2 = 3: w = -2 + 3/2 = -1/2 fails; 1/4: 2: w = -1 + 1 = 0 fails (4);
//   1/8: 3/2: w = -1/2 + 3/4 = 1/4: (4) 1/16 <= 1/16 ok, (5) ok. 4 trials, 4 look-ahead gradients.
//   stage 2: sigma = 1: z = 3/4, f = 9/32, -7/32 <= -1/8: accepted. v0 = 1/4, gamma_0 = 1/8.
// initial (lambda = gamma0 = 1, look-ahead gradient 5 once): w = 5/2 - 4 gamma':
//   1: -3/2 fails; 1/2: 1/2: (4) 1/16 <= 1/4 <= 4, (5) ok. 2 trials, 1 look-ahead gradient.
//   stage 2: sigma = 1: z = 1/2, f = 1/8, -3/8 <= -1/4: accepted. v0 = 1/2, gamma_0 = 1/2.
TEST(BacktrackingNesterov, HandComputedLookAheadChoices) {
  const auto f = quadratic<rational>({q(1)});
  BacktrackingMomentumParameters<rational> p;
  p.A1 = q(1, 4);
  p.A2 = q(2);
  p.delta0 = q(1, 2);
  p.gamma0 = q(1);
  p.mu = q(1, 2);
  p.alpha = q(1, 2);
  p.beta = q(1, 2);
  for (const auto la : {NesterovLookAhead::shrunk, NesterovLookAhead::initial}) {
    Oracle<rational> o(f);
    BacktrackingNesterov<rational> rule(p, la);
    rule.set_velocity(vec({q(-4)}));
    Vector<rational> x = vec({q(1)});
    const auto r = rule.step(o, x);
    ASSERT_EQ(r.status, StepStatus::taken) << r.message;
    const bool s = la == NesterovLookAhead::shrunk;
    EXPECT_EQ(rule.last_stage1_trials(), s ? 4 : 2);
    EXPECT_EQ(rule.last_gamma(), s ? q(1, 8) : q(1, 2));
    EXPECT_EQ(x[0], s ? q(3, 4) : q(1, 2));
    EXPECT_EQ(rule.velocity()[0], s ? q(1, 4) : q(1, 2));
    EXPECT_EQ(o.evaluations().gradients, s ? 1 + 4 : 1 + 1);
    EXPECT_EQ(o.evaluations().values, 2);
  }
}

// ------------------------------------------------------------------ (b) double vs mp100

// Five steps of each rule on the double well from (3/2, -1/4), in double and mp100.
// Tolerance: each step computes x - s v with O(n) = O(1) correctly rounded operations,
// relative error <= 8 eps per step; earlier errors are amplified by the step map's
// Lipschitz constant <= 1 + s L, with s <= 1 and L <= 3 max|x|^2 + 2 <= 9 on the run's
// region (|x| <= 3/2): after 5 steps <= 8 eps * 10^5 / 9 < 1e-10 (relative to max(1, |x|)).
// Discrete decisions (the trial count) must agree: the hand-picked start keeps every
// Armijo test far from equality, which the run also checks (same trials and steps).
template <class S>
std::vector<std::unique_ptr<Optimizer<S>>> all_rules() {
  std::vector<std::unique_ptr<Optimizer<S>>> v;
  v.emplace_back(std::make_unique<BacktrackingGd<S>>(S(1), ops::ratio<S>(1, 4), ops::ratio<S>(1, 2)));
  InexactBacktrackingParameters<S> ip;
  ip.delta0 = S(1);
  ip.alpha = ops::ratio<S>(1, 4);
  ip.seed = 7;
  v.emplace_back(std::make_unique<InexactBacktrackingGd<S>>(ip));
  v.emplace_back(std::make_unique<TwoWayBacktrackingGd<S>>(ops::ratio<S>(1, 8), ops::ratio<S>(1, 4), ops::ratio<S>(1, 2),
                                                          TwoWayCap::slides<S>()));
  v.emplace_back(std::make_unique<Momentum<S>>(ops::ratio<S>(1, 10), ops::ratio<S>(9, 10)));
  v.emplace_back(std::make_unique<Nesterov<S>>(ops::ratio<S>(1, 10), ops::ratio<S>(9, 10)));
  v.emplace_back(std::make_unique<Momentum<S>>(ops::ratio<S>(1, 10), ops::ratio<S>(9, 10), MomentumForm::pytorch));
  v.emplace_back(std::make_unique<Nesterov<S>>(ops::ratio<S>(1, 10), ops::ratio<S>(9, 10), MomentumForm::sutskever));
  BacktrackingMomentumParameters<S> bp;
  bp.alpha = ops::ratio<S>(1, 4);
  v.emplace_back(std::make_unique<BacktrackingMomentum<S>>(bp));
  v.emplace_back(std::make_unique<BacktrackingNesterov<S>>(bp));
  v.emplace_back(std::make_unique<BacktrackingNesterov<S>>(bp, NesterovLookAhead::initial));
  return v;
}

TEST(BTDoubleMp100, ShortRunsAgreeToRounding) {
  const auto fd = double_well<double>();
  const auto fm = double_well<mp100>();
  auto rd = all_rules<double>();
  auto rm = all_rules<mp100>();
  const double tol = 1e-10;
  for (std::size_t i = 0; i < rd.size(); ++i) {
    Oracle<double> od(fd);
    Oracle<mp100> om(fm);
    Vector<double> xd = vec({1.5, -0.25});
    Vector<mp100> xm = vec({ov::constant<mp100>("3/2"), ov::constant<mp100>("-1/4")});
    for (int k = 0; k < 5; ++k) {
      const auto a = rd[i]->step(od, xd);
      const auto b = rm[i]->step(om, xm);
      ASSERT_EQ(a.status, b.status) << rd[i]->name() << " step " << k << ": " << a.message << " / " << b.message;
      if (a.refused()) {
        // Only backtracking_nesterov with look_ahead = initial may refuse here: its stage 1
        // need not terminate (w -> delta0 grad f(z - gamma0 v), not delta0 g; see
        // backtracking_nesterov.hpp). Both precisions must refuse at the same step.
        EXPECT_EQ(rd[i]->hyperparameters().back().value, "initial") << rd[i]->name() << ": " << a.message;
        EXPECT_GE(k, 3);
        break;
      }
      ASSERT_EQ(a.trials, b.trials) << rd[i]->name() << " step " << k;
      for (int j = 0; j < 2; ++j) {
        const double ref = ops::to_double(xm[j]);
        EXPECT_LE(std::abs(xd[j] - ref), tol * std::max(1.0, std::abs(ref))) << rd[i]->name() << " step " << k;
      }
    }
    EXPECT_EQ(od.evaluations().values, om.evaluations().values) << rd[i]->name();
    EXPECT_EQ(od.evaluations().gradients, om.evaluations().gradients) << rd[i]->name();
  }
}

// ------------------------------------------------------------------ (c) + (e) properties

RuleFactory backtracking_gd() {
  return [](const BtParams& h) { return std::make_unique<BacktrackingGd<rational>>(h.delta0, h.alpha, h.beta); };
}

TEST(BacktrackingProperties, ArmijoAndDescentHoldAndFailOnStandardGd) {
  EXPECT_TRUE(prop_armijo_and_descent("backtracking_gd: Armijo + descent", backtracking_gd()));
  EXPECT_TRUE(prop_armijo_and_descent("two_way_backtracking_gd: Armijo + descent", [](const BtParams& h) {
    return std::make_unique<TwoWayBacktrackingGd<rational>>(h.delta0, h.alpha, h.beta, TwoWayCap::slides<rational>());
  }));
  EXPECT_TRUE(prop_armijo_and_descent("inexact_backtracking_gd: Armijo + descent", [](const BtParams& h) {
    InexactBacktrackingParameters<rational> p;
    p.delta0 = h.delta0;
    p.alpha = h.alpha;
    p.beta = h.beta;
    p.seed = 3;
    return std::make_unique<InexactBacktrackingGd<rational>>(p);
  }));
  auto bt_momentum = [](bool nag) {
    return [nag](const BtParams& h) -> std::unique_ptr<Optimizer<rational>> {
      BacktrackingMomentumParameters<rational> p;
      p.alpha = h.alpha;
      p.beta = h.beta;
      p.delta0 = q(1);
      if (nag) return std::make_unique<BacktrackingNesterov<rational>>(p);
      return std::make_unique<BacktrackingMomentum<rational>>(p);
    };
  };
  EXPECT_TRUE(prop_armijo_and_descent("backtracking_momentum: Armijo + descent", bt_momentum(false)));
  EXPECT_TRUE(prop_armijo_and_descent("backtracking_nesterov: Armijo + descent", bt_momentum(true)));
  EXPECT_GT(g_armijo_taken, 5 * 60);  // the five real runs took many steps (not all refused)
  // Mutant: Standard GD with the step delta0 (no search).
  EXPECT_FALSE(prop_armijo_and_descent("MUTANT standard GD (expected to fail)",
                                       [](const BtParams& h) { return std::make_unique<StandardGdMutant>(h.delta0); }));
}

TEST(BacktrackingProperties, LatticeBoundAndMaximalityHoldAndFailOnMutants) {
  EXPECT_TRUE(prop_lattice_and_maximality("backtracking_gd: lattice, <= delta0, maximal", backtracking_gd(), true));
  EXPECT_TRUE(prop_lattice_and_maximality("two_way (paper cap): lattice, <= delta0", [](const BtParams& h) {
    return std::make_unique<TwoWayBacktrackingGd<rational>>(h.delta0, h.alpha, h.beta);
  }, false));
  // Mutant 1: the search starts at delta0 (1 + beta) / 2, off the lattice.
  EXPECT_FALSE(prop_lattice_and_maximality("MUTANT off-lattice start (expected to fail)", [](const BtParams& h) {
    return std::make_unique<SearchMutant>(h.delta0 * (q(1) + h.beta) / 2, h.alpha, h.beta);
  }, false));
  // Mutant 2: the search starts at delta0 / beta (on the extended lattice, above delta0).
  EXPECT_FALSE(prop_lattice_and_maximality("MUTANT start above delta0 (expected to fail)", [](const BtParams& h) {
    return std::make_unique<SearchMutant>(h.delta0 / h.beta, h.alpha, h.beta);
  }, false));
  // Mutant 3: shrinks by beta^2 (stays on the lattice, skips points: not maximal).
  EXPECT_FALSE(prop_lattice_and_maximality("MUTANT shrink by beta^2 (expected to fail)", [](const BtParams& h) {
    return std::make_unique<SearchMutant>(h.delta0, h.alpha, h.beta * h.beta);
  }, true));
}

// Two-way mutant: declares `cap` but searches with cap / beta (one lattice point too far).
TEST(BacktrackingProperties, TwoWayNeverExceedsItsCapAndTheCheckCatchesAMutant) {
  EXPECT_TRUE(prop_two_way_cap("two_way_backtracking_gd: cap", [](const BtParams& h, const rational& cap) {
    return std::make_unique<TwoWayBacktrackingGd<rational>>(h.delta0, h.alpha, h.beta, cap);
  }));
  EXPECT_FALSE(prop_two_way_cap("MUTANT cap / beta (expected to fail)", [](const BtParams& h, const rational& cap) {
    return std::make_unique<TwoWayBacktrackingGd<rational>>(h.delta0, h.alpha, h.beta, cap / h.beta / h.beta);
  }));
}

// Two-way with the paper's cap: started at delta0 (delta_{-1} = delta0) the step of the
// first iteration is exactly Backtracking GD's (a shrink from delta0 is the same walk).
bool prop_two_way_first_step(const std::string& what, const TwoWayFactory& make) {
  return check_limited(what, 60, [&] {
    const RandomProblem p = *random_problem();
    const BtParams h = *bt_params();
    const auto f = p.objective();
    Oracle<rational> o1(f), o2(f);
    BacktrackingGd<rational> bt(h.delta0, h.alpha, h.beta);
    auto tw = make(h, h.delta0);
    Vector<rational> x1 = p.x0, x2 = p.x0;
    const auto a = bt.step(o1, x1);
    const auto b = tw->step(o2, x2);
    RC_ASSERT(a.status == b.status);
    RC_ASSERT(x1 == x2);
  });
}

TEST(BacktrackingProperties, TwoWayFirstStepEqualsBacktrackingAndFailsOnAMutantStart) {
  EXPECT_TRUE(prop_two_way_first_step("two_way first step = backtracking_gd", [](const BtParams& h, const rational& cap) {
    return std::make_unique<TwoWayBacktrackingGd<rational>>(h.delta0, h.alpha, h.beta, cap);
  }));
  // Mutant: the two-way search walks with beta^2 (a start delta_{-1} = delta0 beta would not
  // do: growing back to delta0 makes it agree whenever Armijo's set is an interval).
  EXPECT_FALSE(prop_two_way_first_step("MUTANT two-way with beta^2 (expected to fail)",
                                       [](const BtParams& h, const rational& cap) {
                                         return std::make_unique<TwoWayBacktrackingGd<rational>>(h.delta0, h.alpha,
                                                                                                h.beta * h.beta, cap);
                                       }));
}

// ---- conventions (paper / pytorch / sutskever) agree after the documented rescaling

// Runs `steps` steps of the three forms and compares, exactly:
//   MMT: x_paper = x_pytorch = x_sutskever, v_paper = lr b = -v_sutskever;
//   NAG: x_paper = x_sutskever, v_paper = -v_sutskever, x_pytorch = x_paper - gamma v_paper(prev),
//        v_paper = lr b.
using FormFactory = std::function<std::unique_ptr<Optimizer<rational>>(bool nag, MomentumForm, const rational& lr,
                                                                        const rational& mu)>;
const Vector<rational>& velocity_of(const Optimizer<rational>& o) {
  if (auto* m = dynamic_cast<const Momentum<rational>*>(&o)) return m->velocity();
  return dynamic_cast<const Nesterov<rational>&>(o).velocity();
}

bool prop_conventions_agree(const std::string& what, const FormFactory& make) {
  return check_limited(what, 60, [&] {
    const RandomProblem p = *random_problem();
    const auto f = p.objective();
    const rational lr = q(*rc::gen::inRange(1, 9), 8);
    const rational mu = q(*rc::gen::inRange(0, 8), 8);
    const bool nag = *rc::gen::arbitrary<bool>();
    Oracle<rational> o0(f), o1(f), o2(f);
    auto paper = make(nag, MomentumForm::paper, lr, mu);
    auto torch = make(nag, MomentumForm::pytorch, lr, mu);
    auto sut = make(nag, MomentumForm::sutskever, lr, mu);
    Vector<rational> z = p.x0, x = p.x0, th = p.x0;
    for (int k = 0; k < 3; ++k) {
      paper->step(o0, z);
      torch->step(o1, x);
      sut->step(o2, th);
      const Vector<rational>& v = velocity_of(*paper);
      RC_ASSERT(th == z);
      RC_ASSERT(Vector<rational>(-velocity_of(*sut)) == v);
      RC_ASSERT(Vector<rational>(lr * velocity_of(*torch)) == v);
      if (nag) {
        // After step n: x_{n+1} = z_{n+1} - gamma v_n.
        RC_ASSERT(x == Vector<rational>(z - mu * v));
      } else {
        RC_ASSERT(x == z);
      }
    }
  });
}

// Mutant: PyTorch's form with dampening (b = mu b + (1 - mu) g), which breaks v_paper = lr b.
struct DampenedKernel {
  template <class T, class C>
  void operator()(const C& c, const T& x, const T& g, const T& v, T& x1, T& v1) const {
    v1 = c.momentum * v + (T(1) - c.momentum) * g;
    x1 = x - c.lr * v1;
  }
};
class DampenedMomentumMutant : public Optimizer<rational> {
 public:
  DampenedMomentumMutant(rational lr, rational mu) : c_{lr, mu, MomentumForm::pytorch} {}
  std::string name() const override { return "mutant_dampened"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<rational> step(Oracle<rational>& f, Vector<rational>& x) override {
    if (b_.size() != x.size()) b_ = Vector<rational>::Zero(x.size());
    const Vector<rational> g = f.gradient(x);
    Vector<rational> x1, b1;
    elementwise(DampenedKernel{}, c_, in(x, g, b_), out(x1, b1));
    x = x1;
    b_ = b1;
    return {};
  }
  void reset() override {}
  MomentumConstants<rational> c_;
  Vector<rational> b_;
};

TEST(MomentumForms, ConventionsAgreeExactlyAndTheCheckCatchesDampening) {
  const FormFactory real = [](bool nag, MomentumForm form, const rational& lr,
                              const rational& mu) -> std::unique_ptr<Optimizer<rational>> {
    if (nag) return std::make_unique<Nesterov<rational>>(lr, mu, form);
    return std::make_unique<Momentum<rational>>(lr, mu, form);
  };
  EXPECT_TRUE(prop_conventions_agree("momentum/nesterov: paper = pytorch = sutskever after rescaling", real));
  // The mutant replaces the pytorch MMT form by a dampened one; velocity_of() reads it
  // through a Momentum whose velocity is kept in sync.
  struct Shell : Momentum<rational> {
    Shell(rational lr, rational mu) : Momentum<rational>(lr, mu, MomentumForm::pytorch), m_(lr, mu) {}
    StepReport<rational> step(Oracle<rational>& f, Vector<rational>& x) override {
      auto r = m_.step(f, x);
      set_velocity(m_.b_);
      return r;
    }
    DampenedMomentumMutant m_;
  };
  const FormFactory mutant = [real](bool nag, MomentumForm form, const rational& lr,
                                    const rational& mu) -> std::unique_ptr<Optimizer<rational>> {
    if (!nag && form == MomentumForm::pytorch) return std::make_unique<Shell>(lr, mu);
    return real(nag, form, lr, mu);
  };
  EXPECT_FALSE(prop_conventions_agree("MUTANT dampened pytorch momentum (expected to fail)", mutant));
}

// ---- inexact directions: the default policy satisfies (4)-(5), and the rule refuses
// every direction that does not (so every taken step's direction (x0 - x1) / delta does).

// The default policy satisfies (4)-(5) for random A1 <= A2, mu, g, seed and n. `widen`
// multiplies the policy's perturbation r e_i (1 = the real policy; the mutant uses 4).
bool prop_default_policy(const std::string& what, const rational& widen) {
  return check_limited(what, 100, [&] {
    const rational A1 = q(*rc::gen::inRange(1, 17), 8);
    const rational A2 = A1 * q(*rc::gen::inRange(8, 33), 8);
    const rational mu = q(*rc::gen::inRange(1, 9), 8);
    const RandomProblem p = *random_problem();
    const Vector<rational> g = p.x0;
    RC_PRE(!is_zero_vector(g));
    PerturbedGradientDirection<rational> pol(A1, A2, mu, *rc::gen::arbitrary<std::uint64_t>());
    const std::int64_t n = *rc::gen::inRange<std::int64_t>(0, 1000);
    Vector<rational> v = pol(g, g, n);
    if (widen != 1) {  // mutant: v_i = s (1 + widen r e_i) g_i, from the real draw
      for (Eigen::Index i = 0; i < g.size(); ++i)
        if (g[i] != 0) {
          const rational re = v[i] / (pol.scale() * g[i]) - 1;  // = r e_i
          v[i] = pol.scale() * (1 + widen * re) * g[i];
        }
    }
    RC_ASSERT(check_direction(g, v, A1, A2, mu).ok());
  });
}

TEST(InexactDirections, DefaultPolicySatisfiesConditionsAndFailsWhenWidened) {
  EXPECT_TRUE(prop_default_policy("default direction policy satisfies (4)-(5)", q(1)));
  EXPECT_FALSE(prop_default_policy("MUTANT perturbation radius x4 (expected to fail)", q(4)));
}

bool prop_inexact_taken_directions_ok(const std::string& what, const rational& checked_A2) {
  return check_limited(what, 60, [&] {
    const RandomProblem p = *random_problem();
    const auto f = p.objective();
    InexactBacktrackingParameters<rational> ip;  // A1 = 1/2, A2 = 2, mu = 1/2
    InexactBacktrackingParameters<rational> rp = ip;
    rp.A2 = checked_A2;  // what the rule under test enforces
    // An adversarial policy: v = c g + d e_0 with random c, d.
    const rational c = q(*rc::gen::inRange(-4, 13), 4), d = q(*rc::gen::inRange(-4, 5), 4);
    InexactBacktrackingGd<rational> rule(rp, [c, d](const Vector<rational>&, const Vector<rational>& g, std::int64_t) {
      Vector<rational> v = c * g;
      v[0] += d;
      return v;
    });
    Oracle<rational> o(f);
    Vector<rational> x = p.x0;
    const Vector<rational> g = f.gradient(x);
    const auto r = rule.step(o, x);
    if (r.status != StepStatus::taken) {
      RC_ASSERT(x == p.x0);
      return;
    }
    const Vector<rational> v = (p.x0 - x) / *r.step_size;
    RC_ASSERT(check_direction(g, v, ip.A1, ip.A2, ip.mu).ok());
  });
}

TEST(InexactDirections, TakenDirectionsSatisfyConditionsAndTheCheckCatchesAMutant) {
  EXPECT_TRUE(prop_inexact_taken_directions_ok("inexact_backtracking_gd: taken directions satisfy (4)-(5)", q(2)));
  // Mutant: the rule checks (4) against A2 = 100 instead of 2.
  EXPECT_FALSE(prop_inexact_taken_directions_ok("MUTANT A2 = 100 in the check (expected to fail)", q(100)));
}

// ---- Backtracking MMT/NAG: v_n = gamma_n v_{n-1} + delta_n g (MMT), gamma_n <= gamma0,
// delta_n <= delta0, and the stage-1 direction w = v_n / sigma satisfies (4)-(5) for the
// DECLARED constants P (the property does not ask the rule what it enforces).
int g_bt_momentum_taken = 0;
bool prop_bt_momentum_identity(const std::string& what, const BacktrackingMomentumParameters<rational>& P,
                               const std::function<std::unique_ptr<BacktrackingMomentum<rational>>()>& make) {
  return check_limited(what, 60, [&] {
    const RandomProblem p = *random_problem();
    const auto f = p.objective();
    Oracle<rational> o(f);
    auto rule = make();
    // A random initial velocity v_{-1} (the paper lets it be chosen), so stage 1 has work.
    Vector<rational> v0(p.x0.size());
    for (Eigen::Index i = 0; i < v0.size(); ++i) v0[i] = *ov::gen::rational_in(-4, 4, 4);
    rule->set_velocity(v0);
    Vector<rational> x = p.x0;
    for (int k = 0; k < 3; ++k) {
      const Vector<rational> x0 = x;
      const Vector<rational> v_prev = rule->velocity();
      const Vector<rational> g = f.gradient(x0);
      const auto r = rule->step(o, x);
      if (r.status != StepStatus::taken) return;
      ++g_bt_momentum_taken;
      const rational gn = rule->last_gamma(), dn = rule->last_delta();
      RC_ASSERT(gn <= P.gamma0);
      RC_ASSERT(dn <= P.delta0);
      RC_ASSERT(rule->velocity() == Vector<rational>(gn * v_prev + dn * g));
      RC_ASSERT(x == Vector<rational>(x0 - rule->velocity()));
      const rational sigma = dn / P.delta0;
      RC_ASSERT(check_direction(g, Vector<rational>(rule->velocity() / sigma), P.A1, P.A2, P.mu).ok());
    }
  });
}

// Mutant 1: stage 1's direction also scales the gradient by the momentum,
// w = gamma' v + (delta0 + gamma') g (breaks v_n = gamma_n v + delta_n g).
class GradientScaledMutant : public BacktrackingMomentum<rational> {
 public:
  using BacktrackingMomentum<rational>::BacktrackingMomentum;

 protected:
  bool stage1_direction(Oracle<rational>&, const Vector<rational>&, const Vector<rational>& g, const rational& gp,
                        Vector<rational>& w) override {
    w = gp * previous_velocity() + (p_.delta0 + gp) * g;
    return true;
  }
};

TEST(BacktrackingMomentumProperties, VelocityIdentityAndConditionsHoldAndFailOnMutants) {
  BacktrackingMomentumParameters<rational> P;  // A1 = 1/2, A2 = 2, delta0 = 1, mu = 1/2
  P.alpha = q(1, 4);
  P.gamma0 = q(1);
  EXPECT_TRUE(prop_bt_momentum_identity("backtracking_momentum: v_n = gamma_n v + delta_n g, (4)-(5)", P,
                                        [&] { return std::make_unique<BacktrackingMomentum<rational>>(P); }));
  EXPECT_GT(g_bt_momentum_taken, 60);  // the property saw many taken steps
  EXPECT_FALSE(prop_bt_momentum_identity("MUTANT w with (delta0 + gamma') g (expected to fail)", P,
                                         [&] { return std::make_unique<GradientScaledMutant>(P); }));
  // Mutant 2: stage 1 enforces looser constants (A1 = 1/100, A2 = 100, mu = 1/100) than declared.
  BacktrackingMomentumParameters<rational> loose = P;
  loose.A1 = q(1, 100);
  loose.A2 = q(100);
  loose.mu = q(1, 100);
  EXPECT_FALSE(prop_bt_momentum_identity("MUTANT loose stage-1 constants (expected to fail)", P,
                                         [&] { return std::make_unique<BacktrackingMomentum<rational>>(loose); }));
}

// Backtracking NAG: the stage-1 direction (= v_n / sigma_n) satisfies (4)-(5) for the
// declared constants P and g = grad f(z_n), delta_n <= delta0, gamma_n <= gamma0, and
// Armijo holds with the realised displacement; both look-ahead choices. The rule is
// built with `enforced` (= P for the real rule).
bool prop_bt_nesterov(const std::string& what, const BacktrackingMomentumParameters<rational>& P,
                      const BacktrackingMomentumParameters<rational>& enforced) {
  return check_limited(what, 60, [&] {
    const bool initial = *rc::gen::arbitrary<bool>();
    BacktrackingNesterov<rational> rule(enforced, initial ? NesterovLookAhead::initial : NesterovLookAhead::shrunk);
    const RandomProblem p = *random_problem();
    const auto f = p.objective();
    Oracle<rational> o(f);
    Vector<rational> v0(p.x0.size());
    for (Eigen::Index i = 0; i < v0.size(); ++i) v0[i] = *ov::gen::rational_in(-4, 4, 4);
    rule.set_velocity(v0);
    Vector<rational> x = p.x0;
    for (int k = 0; k < 2; ++k) {
      const Vector<rational> x0 = x;
      const Vector<rational> g = f.gradient(x0);
      const auto r = rule.step(o, x);
      if (r.status != StepStatus::taken) return;
      RC_ASSERT(rule.last_gamma() <= P.gamma0);
      RC_ASSERT(rule.last_delta() <= P.delta0);
      const Vector<rational> w = rule.velocity() / (rule.last_delta() / P.delta0);
      RC_ASSERT(check_direction(g, w, P.A1, P.A2, P.mu).ok());
      RC_ASSERT(armijo_between(f, x0, x, P.alpha));
    }
  });
}

TEST(BacktrackingMomentumProperties, NesterovDirectionSatisfiesConditionsAndFailsOnALooseMutant) {
  BacktrackingMomentumParameters<rational> P;
  P.alpha = q(1, 4);
  P.gamma0 = q(1);
  EXPECT_TRUE(prop_bt_nesterov("backtracking_nesterov: (4)-(5), bounds, Armijo", P, P));
  BacktrackingMomentumParameters<rational> loose = P;  // mutant: looser stage-1 constants
  loose.A1 = q(1, 100);
  loose.A2 = q(100);
  loose.mu = q(1, 100);
  EXPECT_FALSE(prop_bt_nesterov("MUTANT loose stage-1 constants, NAG (expected to fail)", P, loose));
}

// ---- refusal leaves x and the state unchanged
TEST(BacktrackingRefusal, NonFiniteGradientLeavesIterateAndState) {
  struct NanAfter : Objective<double> {
    mutable int calls = 0;
    int dim() const override { return 1; }
    double value(const Vector<double>& x) const override { return x[0] * x[0] / 2; }
    Vector<double> gradient(const Vector<double>& x) const override {
      Vector<double> g = x;
      if (++calls > 1) g[0] = std::numeric_limits<double>::quiet_NaN();
      return g;
    }
  };
  {
    NanAfter f;
    Oracle<double> o(f);
    TwoWayBacktrackingGd<double> tw(1.0, 0.5, 0.5);
    Vector<double> x = vec({1.0});
    tw.step(o, x);
    const double prev = tw.previous_step();
    const Vector<double> x1 = x;
    const auto r = tw.step(o, x);
    EXPECT_EQ(r.status, StepStatus::refused_non_finite_gradient);
    EXPECT_EQ(x, x1);
    EXPECT_EQ(tw.previous_step(), prev);
  }
  {
    NanAfter f;
    Oracle<double> o(f);
    BacktrackingMomentum<double> bm;
    Vector<double> x = vec({1.0});
    bm.step(o, x);
    const Vector<double> v = bm.velocity(), x1 = x;
    EXPECT_TRUE(bm.step(o, x).refused());
    EXPECT_EQ(x, x1);
    EXPECT_EQ(bm.velocity(), v);
  }
}

// ------------------------------------------------------------------ MBT finder and rules

// f_i(x) = sum_j (a_ij / 2 x_j^2 + b_ij x_j): a finite sum exact in rational.
class SampleQuadratics : public FiniteSumObjective<rational> {
 public:
  SampleQuadratics(std::vector<std::vector<rational>> a, std::vector<std::vector<rational>> b)
      : a_(std::move(a)), b_(std::move(b)) {}
  int dim() const override { return static_cast<int>(a_[0].size()); }
  std::size_t num_samples() const override { return a_.size(); }
  rational batch_value(const Vector<rational>& x, const Batch& batch) const override {
    rational s(0);
    for (std::size_t i : batch)
      for (int j = 0; j < dim(); ++j) s += a_[i][j] * x[j] * x[j] / 2 + b_[i][j] * x[j];
    return s / rational(static_cast<long>(batch.size()));
  }
  Vector<rational> batch_gradient(const Vector<rational>& x, const Batch& batch) const override {
    Vector<rational> g = Vector<rational>::Zero(dim());
    for (std::size_t i : batch)
      for (int j = 0; j < dim(); ++j) g[j] += a_[i][j] * x[j] + b_[i][j];
    return g / rational(static_cast<long>(batch.size()));
  }

 private:
  std::vector<std::vector<rational>> a_, b_;
};

// N = 4 identical samples f_i = x^2 / 2, batch 1 (sqrt(k/N) = 1/2), alpha = beta = 1/2, K = 2,
// start 1/100, x0 = 1. Armijo on x^2/2 holds iff s <= 2 (1 - alpha) = 1 (derived at
// BacktrackingGd.QuadraticStep...). Batch 1 from 1/100: holds; grows 2/100, 4/100, ...,
// 64/100 = 16/25 (all <= 1), 128/100 fails: delta_1 = 16/25 after 1 + 7 = 8 trials.
// Batch 2 starts at max(1e-6, mean) = 16/25: holds, 32/25 fails: 2 trials, delta_2 = 16/25.
// delta* = 1/2 * 16/25 = 8/25 (the same with the code's SGD step between batches: the
// bound does not depend on x for a quadratic).
TEST(MinibatchLrFinder, HandComputedRatesInRational) {
  const SampleQuadratics f({{q(1)}, {q(1)}, {q(1)}, {q(1)}}, {{q(0)}, {q(0)}, {q(0)}, {q(0)}});
  for (const auto advance : {FinderAdvance::none, FinderAdvance::sgd_step}) {
    BatchSampler train(4, 1, Sampling::reshuffle_each_epoch, 1), own(4, 1, Sampling::reshuffle_each_epoch, 2);
    Oracle<rational> o(f, train);
    MinibatchLrFinderParameters<rational> p;
    p.alpha = q(1, 2);
    p.batches = 2;
    p.advance = advance;
    const MinibatchLrFinder<rational> finder(p);
    const auto r = finder.find(o, vec({q(1)}), own, p.alpha);
    EXPECT_EQ(r.per_batch, (std::vector<rational>{q(16, 25), q(16, 25)}));
    EXPECT_EQ(r.factor, q(1, 2));
    EXPECT_EQ(r.lr, q(8, 25));
    EXPECT_EQ(r.trials, 10);
    EXPECT_EQ(r.unsatisfied, 0);
  }
  EXPECT_EQ(sqrt_ratio<rational>(50, 200), q(1, 2));
  EXPECT_THROW(sqrt_ratio<rational>(1, 2), std::domain_error);
  EXPECT_EQ(sqrt_ratio<double>(50, 200), 0.5);
}

// Finder property (advance = none, start = previous, so each batch is searched at x0
// from the previous rate): every delta_h lies in [lower, upper]; if Armijo was satisfied,
// delta_h satisfies it on its batch and delta_h / beta fails it or exceeds `upper`
// (two-way maximality); delta* = sqrt(k/N) * mean. `enforced_upper` builds the finder
// (= upper for the real one).
bool prop_finder(const std::string& what, const rational& enforced_upper) {
  return check_limited(what, 40, [&] {
    const int n = *rc::gen::inRange(1, 3);
    std::vector<std::vector<rational>> a(4), b(4);
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < n; ++j) {
        a[i].push_back(*ov::gen::rational_in(0, 8, 4));
        b[i].push_back(*ov::gen::rational_in(-2, 2, 4));
      }
    const SampleQuadratics f(a, b);
    const long batch = *rc::gen::element(1L, 4L);  // k/N = 1/4 or 1: exact square roots
    BatchSampler train(4, static_cast<std::size_t>(batch), Sampling::reshuffle_each_epoch, 1);
    Oracle<rational> o(f, train);
    Vector<rational> x0(n);
    for (int j = 0; j < n; ++j) x0[j] = *ov::gen::rational_in(-2, 2, 4);
    MinibatchLrFinderParameters<rational> p;
    p.alpha = q(*rc::gen::inRange(1, 8), 8);
    p.batches = 3;
    p.start = q(*rc::gen::inRange(1, 64), 16);
    p.upper = q(8);
    p.advance = FinderAdvance::none;
    p.start_rule = FinderStart::previous;
    MinibatchLrFinderParameters<rational> built = p;
    built.upper = enforced_upper;
    const std::uint64_t seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
    BatchSampler own(4, static_cast<std::size_t>(batch), Sampling::reshuffle_each_epoch, seed),
        replay(4, static_cast<std::size_t>(batch), Sampling::reshuffle_each_epoch, seed);
    const auto r = MinibatchLrFinder<rational>(built).find(o, x0, own, p.alpha);
    rational sum(0);
    for (const rational& d : r.per_batch) {
      const Batch bh = replay.next();
      sum += d;
      RC_ASSERT(d >= p.lower && d <= p.upper);
      if (r.unsatisfied == 0) {
        const Vector<rational> g = f.batch_gradient(x0, bh);
        const rational f0 = f.batch_value(x0, bh), gg = dot(g, g);
        auto armijo = [&](const rational& s) { return f.batch_value(Vector<rational>(x0 - s * g), bh) - f0 <= -p.alpha * s * gg; };
        if (gg != 0) {
          RC_ASSERT(armijo(d));
          RC_ASSERT(d / p.beta > p.upper || !armijo(d / p.beta));
        }
      }
    }
    RC_ASSERT(r.lr == sqrt_ratio<rational>(batch, 4) * sum / 3);
  });
}

TEST(MinibatchLrFinder, RatesAreArmijoMaximalAndBoundedAndTheCheckCatchesAMutant) {
  EXPECT_TRUE(prop_finder("minibatch_lr_finder: bounds, Armijo, maximality, rescale", q(8)));
  // Mutant: the growth is capped at 1/4 instead of the declared upper = 8 (not maximal).
  EXPECT_FALSE(prop_finder("MUTANT finder capped at 1/4 (expected to fail)", q(1, 4)));
}

// MBT switch: on a finite sum whose loss cannot decrease (f_i = x^2/2 at x = 0: gradient 0),
// epoch 1 sets the best loss and every later epoch stalls; after 1 + patience epochs the
// rule is stuck: alpha = 1/2, momentum off. N = 4, batch 2: 2 steps per epoch.
// `patience_built` builds the rule (= 5 for the real one); the check expects 5.
bool switches_after_five_stalled_epochs(MbtBase base, int patience_built) {
  const SampleQuadratics f({{q(1)}, {q(1)}, {q(1)}, {q(1)}}, {{q(0)}, {q(0)}, {q(0)}, {q(0)}});
  BatchSampler train(4, 2, Sampling::reshuffle_each_epoch, 1);
  Oracle<rational> o(f, train);
  MinibatchBacktrackingParameters<rational> p;
  p.base = base;
  p.patience = patience_built;
  p.finder.batches = 2;
  p.finder.rescale = LrRescale::linear_ratio;
  MinibatchBacktracking<rational> rule(p);
  Vector<rational> x = vec({q(0)});
  bool ok = true;
  for (int epoch = 1; epoch <= 6; ++epoch) {
    for (int s = 0; s < 2; ++s) {
      o.next_batch();
      ok = ok && rule.step(o, x).status == StepStatus::taken;
    }
    const bool expect_stuck = epoch == 6;  // 1 + 5 epochs
    ok = ok && rule.stuck() == expect_stuck;
    ok = ok && rule.finder_alpha() == (expect_stuck ? q(1, 2) : q(1, 10000));
    ok = ok && rule.momentum_on() == !expect_stuck;
    // Finder runs: MMT/NAG at every epoch start; GD once (then every epoch once stuck).
    ok = ok && rule.finder_runs() == (base == MbtBase::gd ? 1 : epoch);
  }
  return ok;
}

TEST(MinibatchBacktracking, SwitchesAfterFiveStalledEpochsAndTheCheckCatchesAMutant) {
  for (const auto base : {MbtBase::gd, MbtBase::momentum, MbtBase::nesterov}) {
    EXPECT_TRUE(switches_after_five_stalled_epochs(base, 5)) << to_string(base);
    EXPECT_FALSE(switches_after_five_stalled_epochs(base, 6)) << "MUTANT patience 6: " << to_string(base);
  }
}

// MBT-MMT step = PyTorch momentum with the found rate: on f_i = a_i x^2/2 the first step
// equals Momentum(pytorch) with lr = finder(...) run on an identically seeded sampler.
TEST(MinibatchBacktracking, FirstStepIsMomentumWithTheFinderRate) {
  const SampleQuadratics f({{q(1)}, {q(2)}, {q(3)}, {q(4)}}, {{q(1)}, {q(0)}, {q(-1)}, {q(1, 2)}});
  MinibatchBacktrackingParameters<rational> p;
  p.base = MbtBase::momentum;
  p.finder.batches = 3;
  p.finder.rescale = LrRescale::none;
  p.seed = 11;
  BatchSampler t1(4, 1, Sampling::reshuffle_each_epoch, 5), t2(4, 1, Sampling::reshuffle_each_epoch, 5);
  Oracle<rational> o1(f, t1), o2(f, t2);
  MinibatchBacktracking<rational> rule(p);
  Vector<rational> x = vec({q(1)});
  o1.next_batch();
  rule.step(o1, x);
  BatchSampler own(4, 1, Sampling::reshuffle_each_epoch, 11);
  const auto r = MinibatchLrFinder<rational>(p.finder).find(o2, vec({q(1)}), own, p.finder.alpha);
  EXPECT_EQ(rule.learning_rate(), r.lr);
  Momentum<rational> m(r.lr, q(9, 10), MomentumForm::pytorch);
  Vector<rational> y = vec({q(1)});
  o2.next_batch();
  m.step(o2, y);
  EXPECT_EQ(x, y);
}

// ------------------------------------------------------------------ (d) validation

template <class F>
void expect_invalid(F make, const std::string& parameter, const std::string& range) {
  try {
    make();
    ADD_FAILURE() << "no exception for " << parameter;
  } catch (const invalid_hyperparameter& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(parameter + " = "), std::string::npos) << m;
    EXPECT_NE(m.find(range), std::string::npos) << m;
  }
}

TEST(BacktrackingValidation, MessagesNameParameterValueAndRange) {
  expect_invalid([] { BacktrackingGd<double>(0.0); }, "delta0", "(0, inf)");
  expect_invalid([] { BacktrackingGd<double>(1.0, 1.0); }, "alpha", "(0, 1)");
  expect_invalid([] { BacktrackingGd<double>(1.0, 0.5, 0.0); }, "beta", "(0, 1)");
  expect_invalid([] { BacktrackingGd<double>(1.0, 0.5, 0.5, 0); }, "max_trials", "[1, inf)");
  expect_invalid([] { TwoWayBacktrackingGd<double>(1.0, 0.5, 0.5, 0.5); }, "cap", "[delta0, inf)");
  expect_invalid([] { Momentum<double>(0.1, 1.0); }, "momentum", "[0, 1)");
  expect_invalid([] { Nesterov<double>(-0.1, 0.5); }, "lr", "(0, inf)");
  {
    InexactBacktrackingParameters<double> p;
    p.mu = 1.5;
    expect_invalid([&] { InexactBacktrackingGd<double> r(p); }, "mu", "(0, 1]");
    p.mu = 0.5;
    p.A2 = 0.25;
    expect_invalid([&] { InexactBacktrackingGd<double> r(p); }, "A2", "[A1, inf)");
  }
  {
    BacktrackingMomentumParameters<double> p;
    p.A1 = 1.0;
    expect_invalid([&] { BacktrackingMomentum<double> r(p); }, "A1", "(0, 1)");
    p.A1 = 0.5;
    p.delta0 = 3.0;
    expect_invalid([&] { BacktrackingMomentum<double> r(p); }, "delta0", "[A1, A2]");
    p.delta0 = 1.0;
    p.gamma0 = -1.0;
    expect_invalid([&] { BacktrackingNesterov<double> r(p); }, "gamma0", "[0, inf)");
  }
  {
    MinibatchLrFinderParameters<double> f;
    f.batches = 0;
    expect_invalid([&] { MinibatchLrFinder<double> r(f); }, "batches", "[1, inf)");
    f.batches = 20;
    f.start = 1000.0;
    expect_invalid([&] { MinibatchLrFinder<double> r(f); }, "start", "[lower, upper]");
    MinibatchBacktrackingParameters<double> m;
    m.patience = 0;
    expect_invalid([&] { MinibatchBacktracking<double> r(m); }, "patience", "[1, inf)");
    m.patience = 5;
    m.stuck_alpha = 1.0;
    expect_invalid([&] { MinibatchBacktracking<double> r(m); }, "stuck_alpha", "(0, 1)");
  }
}

// ------------------------------------------------------------------ registry

TEST(BacktrackingRegistry, EveryEntryBuildsWithDefaultsAndExactParameters) {
  Registry<rational> reg;
  register_backtracking(reg);
  const ScalarParser<rational> parse = [](const std::string& s) { return ov::constant<rational>(s); };
  for (const auto& e : reg.entries()) {
    auto opt = reg.make(e.name, parse);
    ASSERT_TRUE(opt) << e.name;
    EXPECT_EQ(opt->name(), e.name);
    EXPECT_FALSE(e.citation.empty()) << e.name;
  }
  auto tw = reg.make("two_way_backtracking_gd:delta0=1/10,cap=slides", parse);
  bool cap_seen = false;
  for (const auto& h : tw->hyperparameters())
    if (h.name == "cap") cap_seen = h.value == "100";
  EXPECT_TRUE(cap_seen);
  auto bt = reg.make("backtracking_gd:delta0=1,alpha=1/2,beta=1/2", parse);
  const auto f = quadratic<rational>({q(1), q(4)});
  Oracle<rational> o(f);
  Vector<rational> x = vec({q(1), q(1)});
  EXPECT_EQ(*bt->step(o, x).step_size, q(1, 4));  // as the hand computation above
  EXPECT_THROW(reg.make("momentum:form=torch", parse), std::invalid_argument);
  for (const char* n : {"mbt_gd", "mbt_momentum", "mbt_nesterov"}) EXPECT_TRUE(reg.find(n).needs_finite_sum) << n;
  EXPECT_FALSE(reg.find("backtracking_gd").needs_finite_sum);
}

}  // namespace
