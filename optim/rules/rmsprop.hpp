// RMSProp, per coordinate (Tieleman & Hinton 2012, lecture 6e) [EXT form]:
//
//   v_j^(k+1) = gamma * v_j^(k) + (1 - gamma) * g_j^2
//   w_j^(k+1) = w_j^(k) - lr * g_j / sqrt(eps + v_j^(k+1))      (eps inside, as 004 (42))
//
// v^(0) = 0. 004 §6.2 eqs (41)-(42) as printed keep ONE scalar v built from the
// squared norm of the whole gradient; that variant is rmsprop_global.hpp. The survey
// guide (seed-003-004-sgd-survey.md §1.11) says a toolkit should implement this
// per-coordinate version as the canonical one.
// epsilon_placement = outside_sqrt with gamma = 99/100 gives torch's RMSprop
// (alpha = 0.99, eps outside, momentum 0, centered false).
//
// Defaults: gamma = 9/10 is the document's ("e.g. gamma = 0.9", 004 after (41));
// lr = 1/100 and eps = 1e-8 are torch::optim::RMSpropOptions (anchors-optimizers.md
// §5.2; the documents give none). Ranges: gamma in [0, 1] (004), eps >= 0 (004).
//
// Bound (tested): v1 >= (1 - gamma) g^2, so |w1_j - w_j| <= lr / sqrt(1 - gamma) for
// gamma < 1, whatever eps >= 0 and its placement.
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
struct RmspropOptions {
  S lr = ops::ratio<S>(1, 100);
  S gamma = ops::ratio<S>(9, 10);
  S eps = ops::ratio<S>(1, 100000000);
  EpsilonPlacement epsilon_placement = EpsilonPlacement::inside_sqrt;
};

template <class S>
struct RmspropConstants {
  S lr, gamma, one_minus_gamma, eps_in, eps_out;
};

// v1 = gamma v + (1 - gamma) g^2;  x1 = x - lr * g / (sqrt(eps_in + v1) + eps_out)
struct RmspropKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g, const T& v, T& x1, T& v1) const {
    v1 = c.gamma * v + c.one_minus_gamma * (g * g);
    x1 = x - c.lr * g / (ops::sqrt(T(c.eps_in + v1)) + c.eps_out);
  }
};

template <class S>
class Rmsprop : public Optimizer<S> {
 public:
  explicit Rmsprop(const RmspropOptions<S>& o = {}) : o_(o) {
    require_positive("rmsprop", "lr", o.lr);
    elementwise_step::require_closed_unit("rmsprop", "gamma", o.gamma);
    require_nonnegative("rmsprop", "eps", o.eps);
    c_ = constants(o);
  }
  // The kernel's constants (also used by the LibTorch layer, gpu/optim/rmsprop.hpp).
  static RmspropConstants<S> constants(const RmspropOptions<S>& o) {
    const auto e = split_epsilon(o.epsilon_placement, o.eps);
    return {o.lr, o.gamma, S(S(1) - o.gamma), e.in, e.out};
  }

  std::string name() const override { return "rmsprop"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)},
            {"gamma", ops::to_string(o_.gamma)},
            {"eps", ops::to_string(o_.eps)},
            {"epsilon_placement", to_string(o_.epsilon_placement)}};
  }
  const Vector<S>& second_moment() const { return v_; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    f.gradient_into(x, g_);  // into the rule's scratch: no allocation per step
    const Vector<S>& g = g_;
    if (v_.size() != x.size()) v_ = Vector<S>::Zero(x.size());
    if (!elementwise(RmspropKernel{}, c_, in(x, g, v_), out(x1_, v1_)))
      return elementwise_step::refuse_non_finite<S>("rmsprop", g);
    x.swap(x1_);
    v_.swap(v1_);
    return elementwise_step::taken<S>(g, x, x1_, o_.lr);
  }
  void reset() override { v_.resize(0); }

 private:
  RmspropOptions<S> o_;
  RmspropConstants<S> c_;
  Vector<S> v_, x1_, v1_;
  Vector<S> g_;  // scratch: the gradient of the current step
};

}  // namespace ov::optim
