// AdaGrad, per coordinate, 004 §6.1 eqs (38)-(40):
//
//   s_j^(k+1) = s_j^(k) + g_j(w^(k))^2                       (the sum in (39), tau = 0..k)
//   w_j^(k+1) = w_j^(k) - lr * g_j / sqrt(eps + s_j^(k+1))   (40), eps INSIDE the sqrt
//
// s^(0) = 0 (the sum in (39) starts empty). The sum includes the current gradient.
// (40) prints the gradient as "grad f_j(w_j^(k))", an index slip (survey §1.10, §6
// item 16): the per-coordinate reading above is the only consistent one.
// epsilon_placement = outside_sqrt gives torch's Adagrad (std = sqrt(sum) + eps).
//
// Defaults: the documents give none (survey §1.14). lr = 1/100 and eps = 1e-10 are
// torch::optim::AdagradOptions (anchors-optimizers.md §5.2); the FORM follows the
// document (eps inside). Range eps >= 0 (004 (39)); with eps = 0 a coordinate whose
// gradients have all been 0 gives 0/0 and the step is refused (non-finite update).
#pragma once

#include <string>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/rules/elementwise_step.hpp"
#include "optim/rules/epsilon_placement.hpp"

namespace ov::optim {

template <class S>
struct AdagradOptions {
  S lr = ops::ratio<S>(1, 100);
  S eps = ops::ratio<S>(1, 10000000000L);
  EpsilonPlacement epsilon_placement = EpsilonPlacement::inside_sqrt;
};

template <class S>
struct AdagradConstants {
  S lr, eps_in, eps_out;
};

// s1 = s + g^2;  x1 = x - lr * g / (sqrt(eps_in + s1) + eps_out)
struct AdagradKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g, const T& s, T& x1, T& s1) const {
    s1 = s + g * g;
    x1 = x - c.lr * g / (ops::sqrt(T(c.eps_in + s1)) + c.eps_out);
  }
};

template <class S>
class Adagrad : public Optimizer<S> {
 public:
  explicit Adagrad(const AdagradOptions<S>& o = {}) : o_(o) {
    require_positive("adagrad", "lr", o.lr);
    require_nonnegative("adagrad", "eps", o.eps);
    c_ = constants(o);
  }
  // The kernel's constants (also used by the LibTorch layer, gpu/optim/adagrad.hpp).
  static AdagradConstants<S> constants(const AdagradOptions<S>& o) {
    const auto e = split_epsilon(o.epsilon_placement, o.eps);
    return {o.lr, e.in, e.out};
  }

  std::string name() const override { return "adagrad"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)},
            {"eps", ops::to_string(o_.eps)},
            {"epsilon_placement", to_string(o_.epsilon_placement)}};
  }
  const Vector<S>& accumulator() const { return s_; }  // sum of squared gradients; empty before the first step

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    f.gradient_into(x, g_);  // into the rule's scratch: no allocation per step
    const Vector<S>& g = g_;
    if (s_.size() != x.size()) s_ = Vector<S>::Zero(x.size());
    if (!elementwise(AdagradKernel{}, c_, in(x, g, s_), out(x1_, s1_)))
      return elementwise_step::refuse_non_finite<S>("adagrad", g);
    x.swap(x1_);
    s_.swap(s1_);
    return elementwise_step::taken<S>(g, x, x1_, o_.lr);
  }
  void reset() override { s_.resize(0); }

 private:
  AdagradOptions<S> o_;
  AdagradConstants<S> c_;
  Vector<S> s_, x1_, s1_;
  Vector<S> g_;  // scratch: the gradient of the current step
};

}  // namespace ov::optim
