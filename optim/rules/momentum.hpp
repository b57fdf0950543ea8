// Standard MMT, heavy-ball momentum (000_47ba9189a2c8a171.txt §2.3, L203-206;
// seed-000-001-backtracking.md A5), in the three forms of momentum_form.hpp:
//
//   paper:     v = gamma v + delta g;   x -= v
//   pytorch:   b = gamma b + g;         x -= delta b
//   sutskever: v = gamma v - delta g;   x += v
//
// with g = grad f(x), `lr` = delta = lr = eps and `momentum` = gamma = mu. The
// velocity starts at 0 (the paper lets v_{-1} be chosen: set_velocity). gamma = 0 is
// Standard GD (L210). Defaults: gamma = 9/10 (L574, "as commonly used"); the paper
// gives no default learning rate, we take delta = 1/100 (the MBT starting LR of
// Table 2, L626). One fused elementwise kernel per form (core/elementwise.hpp).
#pragma once

#include <string>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"
#include "optim/rules/momentum_form.hpp"

namespace ov::optim {

template <class S>
struct MomentumConstants {
  S lr, momentum;
  MomentumForm form;
  S l2 = S(0);  // coupled weight decay: the kernels use g + l2 * x (torch::optim::SGD's weight_decay; [EXT])
};

// (x, g, v) -> (x1, v1)
struct MomentumKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g0, const T& v, T& x1, T& v1) const {
    const T g = g0 + c.l2 * x;
    switch (c.form) {
      case MomentumForm::paper:
        v1 = c.momentum * v + c.lr * g;
        x1 = x - v1;
        break;
      case MomentumForm::pytorch:
        v1 = c.momentum * v + g;
        x1 = x - c.lr * v1;
        break;
      case MomentumForm::sutskever:
        v1 = c.momentum * v - c.lr * g;
        x1 = x + v1;
        break;
    }
  }
};

template <class S>
class Momentum : public Optimizer<S> {
 public:
  static S default_lr() { return ops::ratio<S>(1, 100); }
  static S default_momentum() { return ops::ratio<S>(9, 10); }

  explicit Momentum(S lr = default_lr(), S momentum = default_momentum(), MomentumForm form = MomentumForm::paper)
      : c_{lr, momentum, form} {
    require_positive("momentum", "lr", c_.lr);
    require_half_open_unit("momentum", "momentum", c_.momentum);
  }

  std::string name() const override { return "momentum"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(c_.lr)}, {"momentum", ops::to_string(c_.momentum)}, {"form", to_string(c_.form)}};
  }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const Vector<S> g = f.gradient(x);
    if (!all_finite(g)) return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient, name() + ": grad f(x) is not finite");
    if (v_.size() != x.size()) v_ = Vector<S>::Zero(x.size());
    if (!elementwise(MomentumKernel{}, c_, in(x, g, v_), out(x1_, v1_))) {
      return StepReport<S>::refuse(StepStatus::refused_non_finite_update, name() + ": the update is not finite");
    }
    x.swap(x1_);
    v_.swap(v1_);
    StepReport<S> rep;
    rep.step_size = c_.lr;
    return rep;
  }

  void reset() override { v_.resize(0); }
  // The velocity in this rule's own form (v, b or v as above); empty before the first step.
  const Vector<S>& velocity() const { return v_; }
  void set_velocity(const Vector<S>& v) { v_ = v; }
  MomentumForm form() const { return c_.form; }

 private:
  MomentumConstants<S> c_;
  Vector<S> v_, x1_, v1_;
};

}  // namespace ov::optim
