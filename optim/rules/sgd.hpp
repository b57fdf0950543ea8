// Stochastic (mini-batch) gradient descent with a constant learning rate:
//
//   x1 = x - lr * (g + l2 * x) - decay * x
//
// with g the gradient on the oracle's current batch (the full gradient for a
// deterministic objective): 003 Alg. 2 eq (4.7) (GD), 003 §4.3.1-4.3.2 and 004 eqs
// (4), (23), (32) (SGD, mini-batch SGD, the MEAN over the batch: 004's "scale
// factor 1/b" kept). Weight decay (optional, [EXT], see decoupled_weight_decay.hpp):
// coupled_l2 gives (l2, decay) = (wd, 0), decoupled gives (0, lr * wd); for SGD the
// two are equal in exact arithmetic.
//
// Defaults: the documents give no learning rate (seed-003-004-sgd-survey.md §1.1,
// §1.14); lr = 1/100 is ensmallen's GD/SGD stepSize (anchors-optimizers.md §1.2).
// torch::optim::SGDOptions(lr) has no default lr. weight_decay = 0 (torch).
#pragma once

#include <string>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/rules/decoupled_weight_decay.hpp"
#include "optim/rules/elementwise_step.hpp"

namespace ov::optim {

template <class S>
struct SgdOptions {
  S lr = ops::ratio<S>(1, 100);
  S weight_decay = S(0);
  WeightDecayMode weight_decay_mode = WeightDecayMode::coupled_l2;
};

template <class S>
struct SgdConstants {
  S lr, l2, decay;
};

// x1 = x - lr * (g + l2 * x) - decay * x
struct SgdKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g, T& x1) const {
    x1 = x - c.lr * (g + c.l2 * x) - c.decay * x;
  }
};

template <class S>
class Sgd : public Optimizer<S> {
 public:
  explicit Sgd(const SgdOptions<S>& o = {}) : o_(o) {
    require_positive("sgd", "lr", o.lr);
    require_nonnegative("sgd", "weight_decay", o.weight_decay);
    c_ = constants(o);
  }
  // The kernel's constants (also used by the LibTorch layer, gpu/optim/sgd.hpp).
  static SgdConstants<S> constants(const SgdOptions<S>& o) {
    const auto wd = weight_decay_coefficients(o.weight_decay_mode, o.weight_decay, o.lr);
    return {o.lr, wd.l2, wd.decay};
  }

  std::string name() const override { return "sgd"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)},
            {"weight_decay", ops::to_string(o_.weight_decay)},
            {"weight_decay_mode", to_string(o_.weight_decay_mode)}};
  }
  const SgdOptions<S>& options() const { return o_; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    f.gradient_into(x, g_);  // into the rule's scratch: no allocation per step
    const Vector<S>& g = g_;
    if (!elementwise(SgdKernel{}, c_, in(x, g), out(x1_))) return elementwise_step::refuse_non_finite<S>("sgd", g);
    x.swap(x1_);
    return elementwise_step::taken<S>(g, x, x1_, o_.lr);
  }
  void reset() override {}

 private:
  SgdOptions<S> o_;
  SgdConstants<S> c_;
  Vector<S> x1_;  // scratch (double buffer)
  Vector<S> g_;  // scratch: the gradient of the current step
};

}  // namespace ov::optim
