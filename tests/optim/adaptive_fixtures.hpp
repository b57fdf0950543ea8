// Test objectives, rule factories and mutants shared by adaptive_test.cpp and
// adaptive_precision_test.cpp (the elementwise rules of optim/rules/).
#pragma once

#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "analysis/numeric/linear_algebra.hpp"
#include "analysis/numeric/scalars.hpp"
#include "optim/core/elementwise.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/rules/adadelta.hpp"
#include "optim/rules/adagrad.hpp"
#include "optim/rules/adam.hpp"
#include "optim/rules/adamax.hpp"
#include "optim/rules/heavy_ball.hpp"
#include "optim/rules/nadam.hpp"
#include "optim/rules/rmsprop.hpp"
#include "optim/rules/rmsprop_global.hpp"
#include "optim/rules/sgd.hpp"

namespace adaptive_test {

using namespace ov::optim;

// f(x) = sum_i a_i x_i^2 / 2 - b_i x_i, gradient a_i x_i - b_i.
template <class S>
class DiagQuadratic : public Objective<S> {
 public:
  DiagQuadratic(Vector<S> a, Vector<S> b) : a_(std::move(a)), b_(std::move(b)) {}
  explicit DiagQuadratic(Vector<S> a) : a_(std::move(a)), b_(Vector<S>::Zero(a_.size())) {}
  int dim() const override { return static_cast<int>(a_.size()); }
  S value(const Vector<S>& x) const override {
    S s(0);
    for (Eigen::Index i = 0; i < x.size(); ++i) s += a_[i] * x[i] * x[i] / S(2) - b_[i] * x[i];
    return s;
  }
  Vector<S> gradient(const Vector<S>& x) const override {
    Vector<S> g(x.size());
    for (Eigen::Index i = 0; i < x.size(); ++i) g[i] = a_[i] * x[i] - b_[i];
    return g;
  }

 private:
  Vector<S> a_, b_;
};

// f(x) = c . x: the gradient is the constant c.
template <class S>
class Linear : public Objective<S> {
 public:
  explicit Linear(Vector<S> c) : c_(std::move(c)) {}
  int dim() const override { return static_cast<int>(c_.size()); }
  S value(const Vector<S>& x) const override { return c_.dot(x); }
  Vector<S> gradient(const Vector<S>&) const override { return c_; }

 private:
  Vector<S> c_;
};

// Returns a prescribed sequence of gradients, whatever x (adversarial sequences for
// the step bounds). value() is 0.
class ScriptedGradients : public Objective<double> {
 public:
  explicit ScriptedGradients(std::vector<Vector<double>> g) : g_(std::move(g)) {}
  int dim() const override { return static_cast<int>(g_.front().size()); }
  double value(const Vector<double>&) const override { return 0; }
  Vector<double> gradient(const Vector<double>&) const override { return g_[calls_++ % g_.size()]; }

 private:
  std::vector<Vector<double>> g_;
  mutable std::size_t calls_ = 0;
};

// A quadratic whose gradient at the `poison_at`-th call (1-based) has coordinate j
// replaced by `poison` (NaN or an infinity).
class PoisonedQuadratic : public DiagQuadratic<double> {
 public:
  PoisonedQuadratic(Vector<double> a, Vector<double> b, long poison_at, int j, double poison)
      : DiagQuadratic<double>(std::move(a), std::move(b)), at_(poison_at), j_(j), poison_(poison) {}
  Vector<double> gradient(const Vector<double>& x) const override {
    Vector<double> g = DiagQuadratic<double>::gradient(x);
    if (++calls_ == at_) g[j_] = poison_;
    return g;
  }

 private:
  long at_;
  int j_;
  double poison_;
  mutable long calls_ = 0;
};

// Every rule under test, by name, with hyper-parameters chosen so that short runs
// move visibly (exact dyadic or ratio<S> constants).
inline const std::vector<std::string>& rule_names() {
  static const std::vector<std::string> names{"sgd",          "sgd_l2",  "sgd_decoupled", "heavy_ball",
                                              "adagrad",      "rmsprop", "rmsprop_global", "adam",
                                              "adam_l2",      "adamw",   "adam_global",    "adamax",
                                              "adadelta",     "nadam"};
  return names;
}

template <class S>
std::unique_ptr<Optimizer<S>> make_rule(const std::string& name) {
  const S lr = ops::ratio<S>(1, 10);
  if (name == "sgd") return std::make_unique<Sgd<S>>(SgdOptions<S>{lr, S(0), WeightDecayMode::coupled_l2});
  if (name == "sgd_l2") return std::make_unique<Sgd<S>>(SgdOptions<S>{lr, ops::ratio<S>(1, 4), WeightDecayMode::coupled_l2});
  if (name == "sgd_decoupled")
    return std::make_unique<Sgd<S>>(SgdOptions<S>{lr, ops::ratio<S>(1, 4), WeightDecayMode::decoupled});
  if (name == "heavy_ball") return std::make_unique<HeavyBall<S>>(HeavyBallOptions<S>{lr, ops::ratio<S>(1, 2)});
  if constexpr (!std::numeric_limits<S>::is_exact) {
    if (name == "adagrad") {
      AdagradOptions<S> o;
      o.lr = lr;
      return std::make_unique<Adagrad<S>>(o);
    }
    if (name == "rmsprop" || name == "rmsprop_global") {
      RmspropOptions<S> o;
      o.lr = lr;
      if (name == "rmsprop") return std::make_unique<Rmsprop<S>>(o);
      return std::make_unique<RmspropGlobal<S>>(o);
    }
    if (name.rfind("adam", 0) == 0 && name != "adamax" && name != "adadelta") {
      AdamOptions<S> o;
      o.lr = lr;
      if (name == "adam_l2" || name == "adamw") o.weight_decay = ops::ratio<S>(1, 4);
      if (name == "adamw") o.weight_decay_mode = WeightDecayMode::decoupled;
      if (name == "adam_global") o.second_moment = AdamSecondMoment::global_norm;
      return std::make_unique<Adam<S>>(o);
    }
    if (name == "adamax") {
      AdamaxOptions<S> o;
      o.lr = lr;
      return std::make_unique<Adamax<S>>(o);
    }
    if (name == "adadelta") return std::make_unique<Adadelta<S>>(AdadeltaOptions<S>{});
    if (name == "nadam") {
      NadamOptions<S> o;
      o.lr = lr;
      return std::make_unique<Nadam<S>>(o);
    }
  }
  throw std::invalid_argument("make_rule: unknown rule " + name);
}

// ------------------------------------------------------------------- mutants
// Each is the real kernel (or a copy) with ONE deliberate defect.

// Adam WITHOUT bias correction (bias denominators forced to 1).
template <class S>
class AdamWithoutBiasCorrection : public Optimizer<S> {
 public:
  explicit AdamWithoutBiasCorrection(AdamOptions<S> o) : o_(o) {}
  std::string name() const override { return "adam_without_bias_correction"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    // defect: step = lr and inv_bias2 = 1, i.e. (1 - beta^t) replaced by 1
    AdamConstants<S> c{o_.beta1, S(S(1) - o_.beta1), o_.beta2, S(S(1) - o_.beta2), o_.lr, S(1), S(0), o_.eps,
                       S(0), S(0), S(0)};
    const Vector<S> g = f.gradient(x);
    if (m_.size() != x.size()) m_ = v_ = Vector<S>::Zero(x.size());
    Vector<S> x1, m1, v1;
    if (!elementwise(AdamKernel{}, c, in(x, g, m_, v_), out(x1, m1, v1))) return StepReport<S>::refuse(StepStatus::refused_non_finite_update, "");
    x.swap(x1);
    m_.swap(m1);
    v_.swap(v1);
    return {};
  }
  void reset() override { m_.resize(0); }

 private:
  AdamOptions<S> o_;
  Vector<S> m_, v_;
};

// A rule with one state vector s run by an arbitrary kernel (x, g, s) -> (x1, s1):
// hosts the AdaGrad / RMSProp / heavy-ball mutants.
template <class S, class Kernel, class Consts>
class OneStateRule : public Optimizer<S> {
 public:
  explicit OneStateRule(Consts c) : c_(c) {}
  std::string name() const override { return "mutant"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const Vector<S> g = f.gradient(x);
    if (s_.size() != x.size()) s_ = Vector<S>::Zero(x.size());
    Vector<S> x1, s1;
    if (!elementwise(Kernel{}, c_, in(x, g, s_), out(x1, s1))) return StepReport<S>::refuse(StepStatus::refused_non_finite_update, "");
    x.swap(x1);
    s_.swap(s1);
    return {};
  }
  void reset() override { s_.resize(0); }
  const Vector<S>& accumulator() const { return s_; }
  const Vector<S>& velocity() const { return s_; }

 private:
  Consts c_;
  Vector<S> s_;
};

// AdaGrad accumulating g instead of g^2 (|s1| under the root keeps it finite).
struct AdagradAccumulatingGradient {
  template <class T, class C>
  void operator()(const C& c, const T& x, const T& g, const T& s, T& x1, T& s1) const {
    s1 = s + g;  // defect
    x1 = x - c.lr * g / (ops::sqrt(T(c.eps_in + ops::abs(s1))) + c.eps_out);
  }
};

// RMSProp normalising by the OLD second moment v instead of v1.
struct RmspropOldMoment {
  template <class T, class C>
  void operator()(const C& c, const T& x, const T& g, const T& v, T& x1, T& v1) const {
    v1 = c.gamma * v + c.one_minus_gamma * (g * g);
    x1 = x - c.lr * g / (ops::sqrt(T(c.eps_in + v)) + c.eps_out);  // defect: v, not v1
  }
};

// Heavy ball that computes d1 = alpha d - eta g correctly but moves x by the OLD velocity d.
struct HeavyBallOldVelocity {
  template <class T, class C>
  void operator()(const C& c, const T& x, const T& g, const T& d, T& x1, T& d1) const {
    d1 = c.momentum * d - c.lr * g;
    x1 = x + d;  // defect: d, not d1
  }
};

// SGD updating x IN PLACE and only then checking finiteness (no double buffer).
template <class S>
class InPlaceSgd : public Optimizer<S> {
 public:
  explicit InPlaceSgd(S lr) : lr_(lr) {}
  std::string name() const override { return "in_place_sgd"; }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const Vector<S> g = f.gradient(x);
    x -= lr_ * g;  // defect: writes before the check
    if (!all_finite(x)) return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient, "");
    return {};
  }
  void reset() override {}

 private:
  S lr_;
};

// Wraps a rule and forgets its state whenever it refuses (reset on failure).
template <class S>
class ResetOnRefusal : public Optimizer<S> {
 public:
  explicit ResetOnRefusal(std::unique_ptr<Optimizer<S>> inner) : inner_(std::move(inner)) {}
  std::string name() const override { return inner_->name(); }
  std::vector<Hyperparameter> hyperparameters() const override { return inner_->hyperparameters(); }
  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    auto r = inner_->step(f, x);
    if (r.refused()) inner_->reset();  // defect
    return r;
  }
  void reset() override { inner_->reset(); }

 private:
  std::unique_ptr<Optimizer<S>> inner_;
};

// Runs the inner double rule but rounds x to float after every step.
class FloatRounding : public Optimizer<double> {
 public:
  explicit FloatRounding(std::unique_ptr<Optimizer<double>> inner) : inner_(std::move(inner)) {}
  std::string name() const override { return inner_->name(); }
  std::vector<Hyperparameter> hyperparameters() const override { return {}; }
  StepReport<double> step(Oracle<double>& f, Vector<double>& x) override {
    auto r = inner_->step(f, x);
    for (Eigen::Index i = 0; i < x.size(); ++i) x[i] = static_cast<double>(static_cast<float>(x[i]));  // defect
    return r;
  }
  void reset() override { inner_->reset(); }

 private:
  std::unique_ptr<Optimizer<double>> inner_;
};

}  // namespace adaptive_test
