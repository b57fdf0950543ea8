// Standard NAG, Nesterov's accelerated gradient (000_47ba9189a2c8a171.txt §2.3,
// L207-210; seed-000-001-backtracking.md A6), in the three forms of momentum_form.hpp:
//
//   paper:     g = grad f(x - gamma v);  v = gamma v + delta g;   x -= v
//   pytorch:   g = grad f(x);            b = gamma b + g;         x -= delta (g + gamma b)
//   sutskever: g = grad f(x + gamma v);  v = gamma v - delta g;   x += v
//
// The PyTorch form iterates the look-ahead point of the paper's form:
// x_pytorch,n = z_n - gamma v_{n-1} with v_paper = delta b (momentum_form.hpp). Defaults
// as Momentum (gamma = 9/10, L574; delta = 1/100, our choice citing Table 2, L626).
#pragma once

#include <string>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"
#include "optim/rules/momentum.hpp"

namespace ov::optim {

// (x, g, v) -> (x1, v1); g is the gradient at the form's evaluation point.
struct NesterovKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g0, const T& v, T& x1, T& v1) const {
    const T g = g0 + c.l2 * x;  // coupled weight decay (0 in the core rules)
    switch (c.form) {
      case MomentumForm::paper:
        v1 = c.momentum * v + c.lr * g;
        x1 = x - v1;
        break;
      case MomentumForm::pytorch:
        v1 = c.momentum * v + g;
        x1 = x - c.lr * (g + c.momentum * v1);
        break;
      case MomentumForm::sutskever:
        v1 = c.momentum * v - c.lr * g;
        x1 = x + v1;
        break;
    }
  }
};

template <class S>
class Nesterov : public Optimizer<S> {
 public:
  explicit Nesterov(S lr = Momentum<S>::default_lr(), S momentum = Momentum<S>::default_momentum(),
                    MomentumForm form = MomentumForm::paper)
      : c_{lr, momentum, form} {
    require_positive("nesterov", "lr", c_.lr);
    require_half_open_unit("nesterov", "momentum", c_.momentum);
  }

  std::string name() const override { return "nesterov"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(c_.lr)}, {"momentum", ops::to_string(c_.momentum)}, {"form", to_string(c_.form)}};
  }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    if (v_.size() != x.size()) v_ = Vector<S>::Zero(x.size());
    Vector<S> g;
    switch (c_.form) {
      case MomentumForm::paper: g = f.gradient(Vector<S>(x - c_.momentum * v_)); break;
      case MomentumForm::pytorch: g = f.gradient(x); break;
      case MomentumForm::sutskever: g = f.gradient(Vector<S>(x + c_.momentum * v_)); break;
    }
    if (!all_finite(g)) return StepReport<S>::refuse(StepStatus::refused_non_finite_gradient, name() + ": the gradient is not finite");
    if (!elementwise(NesterovKernel{}, c_, in(x, g, v_), out(x1_, v1_))) {
      return StepReport<S>::refuse(StepStatus::refused_non_finite_update, name() + ": the update is not finite");
    }
    x.swap(x1_);
    v_.swap(v1_);
    StepReport<S> rep;
    rep.step_size = c_.lr;
    return rep;
  }

  void reset() override { v_.resize(0); }
  const Vector<S>& velocity() const { return v_; }
  void set_velocity(const Vector<S>& v) { v_ = v; }
  MomentumForm form() const { return c_.form; }

 private:
  MomentumConstants<S> c_;
  Vector<S> v_, x1_, v1_;
};

}  // namespace ov::optim
