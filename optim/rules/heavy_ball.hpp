// Gradient descent with heavy-ball momentum in the form of 004 §2.4 eq (8):
//
//   (dw)^(k)  = alpha * (dw)^(k-1) - eta * g(w^(k))        (8)
//   w^(k+1)   = w^(k) + (dw)^(k)
//
// with (dw)^(-1) = 0 (004 does not state it; seed-003-004-sgd-survey.md §1.2) and a
// constant eta. Conventions: this is the Sutskever form of ensmallen's
// MomentumUpdate (v = mu v - eta g; x += v); torch::optim::SGD with momentum mu and
// dampening 0 keeps buf = mu buf + g and does p -= lr buf, which is the same
// iteration with dw = -lr * buf for a CONSTANT learning rate (buf = g on the first
// step equals dw^(-1) = 0); with a varying lr the two differ
// (anchors-optimizers.md §1.2, §5.2).
//
// Defaults: the documents give none (survey §1.14); eta = 1/100 and alpha = 1/2 are
// ensmallen's stepSize and momentum defaults (anchors-optimizers.md §1.2).
// Range: 004 says only alpha > 0; we accept [0, 1) (alpha = 0 is plain GD; alpha >= 1
// is not a contraction even on a 1-D quadratic).
#pragma once

#include <string>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/rules/elementwise_step.hpp"

namespace ov::optim {

template <class S>
struct HeavyBallOptions {
  S lr = ops::ratio<S>(1, 100);     // eta
  S momentum = ops::ratio<S>(1, 2);  // alpha
};

template <class S>
struct HeavyBallConstants {
  S lr, momentum;
};

// d1 = alpha * d - eta * g;  x1 = x + d1
struct HeavyBallKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g, const T& d, T& x1, T& d1) const {
    d1 = c.momentum * d - c.lr * g;
    x1 = x + d1;
  }
};

template <class S>
class HeavyBall : public Optimizer<S> {
 public:
  explicit HeavyBall(const HeavyBallOptions<S>& o = {}) : o_(o), c_(constants(o)) {
    require_positive("heavy_ball", "lr", o.lr);
    require_half_open_unit("heavy_ball", "momentum", o.momentum);
  }
  // The kernel's constants (also used by the LibTorch layer, gpu/optim/heavy_ball.hpp).
  static HeavyBallConstants<S> constants(const HeavyBallOptions<S>& o) { return {o.lr, o.momentum}; }

  std::string name() const override { return "heavy_ball"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)}, {"momentum", ops::to_string(o_.momentum)}};
  }
  const Vector<S>& velocity() const { return d_; }  // (dw)^(k-1); empty before the first step

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    f.gradient_into(x, g_);  // into the rule's scratch: no allocation per step
    const Vector<S>& g = g_;
    if (d_.size() != x.size()) d_ = Vector<S>::Zero(x.size());  // (dw)^(-1) = 0
    if (!elementwise(HeavyBallKernel{}, c_, in(x, g, d_), out(x1_, d1_)))
      return elementwise_step::refuse_non_finite<S>("heavy_ball", g);
    x.swap(x1_);
    d_.swap(d1_);
    return elementwise_step::taken<S>(g, x, x1_, o_.lr);
  }
  void reset() override { d_.resize(0); }

 private:
  HeavyBallOptions<S> o_;
  HeavyBallConstants<S> c_;
  Vector<S> d_, x1_, d1_;
  Vector<S> g_;  // scratch: the gradient of the current step
};

}  // namespace ov::optim
