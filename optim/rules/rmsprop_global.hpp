// RMSProp in the "global-norm" form printed in 004 §6.2, eqs (41)-(42): ONE scalar
// second moment built from the squared Euclidean norm of the whole gradient.
//
//   v^(k+1) = gamma * v^(k) + (1 - gamma) * ||g(w^(k))||_2^2          (41)
//   w^(k+1) = w^(k) - lr / sqrt(eps + v^(k+1)) * g(w^(k))             (42)
//
// v^(0) = 0 (not stated in 004). This is the document's variant, NOT Tieleman &
// Hinton's per-coordinate RMSProp (rmsprop.hpp); the survey guide
// (seed-003-004-sgd-survey.md §1.11, §6 item 16) says not to treat it as canonical.
// (42) prints the gradient as "grad f_j(w_j^(k))", an index slip; read as the whole
// gradient. It is a gradient step with the adaptive scalar rate lr / sqrt(eps + v):
// the reduction ||g||^2 (core/reductions.hpp) runs first, then the elementwise
// kernel with the denominator as a constant.
//
// Defaults as rmsprop.hpp: gamma = 9/10 (004), lr = 1/100, eps = 1e-8 (torch,
// anchors-optimizers.md §5.2), eps inside the sqrt (004 (42)).
// Bound (tested): ||w1 - w|| <= lr / sqrt(1 - gamma) for gamma < 1.
#pragma once

#include <string>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"
#include "optim/rules/elementwise_step.hpp"
#include "optim/rules/epsilon_placement.hpp"
#include "optim/rules/rmsprop.hpp"

namespace ov::optim {

template <class S>
struct RmspropGlobalConstants {
  S lr, denominator;  // denominator = sqrt(eps_in + v1) + eps_out
};

// x1 = x - lr * g / denominator
struct RmspropGlobalKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g, T& x1) const {
    x1 = x - c.lr * g / c.denominator;
  }
};

template <class S>
class RmspropGlobal : public Optimizer<S> {
 public:
  explicit RmspropGlobal(const RmspropOptions<S>& o = {}) : o_(o) {
    require_positive("rmsprop_global", "lr", o.lr);
    elementwise_step::require_closed_unit("rmsprop_global", "gamma", o.gamma);
    require_nonnegative("rmsprop_global", "eps", o.eps);
  }

  std::string name() const override { return "rmsprop_global"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)},
            {"gamma", ops::to_string(o_.gamma)},
            {"eps", ops::to_string(o_.eps)},
            {"epsilon_placement", to_string(o_.epsilon_placement)}};
  }
  const S& second_moment() const { return v_; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    f.gradient_into(x, g_);  // into the rule's scratch: no allocation per step
    const Vector<S>& g = g_;
    const S gsq = squared_norm(g);
    const S v1 = o_.gamma * v_ + (S(1) - o_.gamma) * gsq;
    if (!ops::is_finite(v1)) return elementwise_step::refuse_non_finite<S>("rmsprop_global", g);
    const auto e = split_epsilon(o_.epsilon_placement, o_.eps);
    const RmspropGlobalConstants<S> c{o_.lr, S(ops::sqrt(S(e.in + v1)) + e.out)};
    if (!elementwise(RmspropGlobalKernel{}, c, in(x, g), out(x1_)))
      return elementwise_step::refuse_non_finite<S>("rmsprop_global", g);
    x.swap(x1_);
    v_ = v1;
    auto r = elementwise_step::taken<S>(g, x, x1_, S(o_.lr / c.denominator));
    r.grad_norm = ops::sqrt(gsq);
    return r;
  }
  void reset() override { v_ = S(0); }

 private:
  RmspropOptions<S> o_;
  S v_ = S(0);
  Vector<S> x1_;
  Vector<S> g_;  // scratch: the gradient of the current step
};

}  // namespace ov::optim
