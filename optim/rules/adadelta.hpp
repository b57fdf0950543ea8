// Adadelta [EXT] (Zeiler 2012, Alg. 1; not in the documents,
// seed-003-004-sgd-survey.md §0):
//
//   E[g^2]_1  = rho E[g^2] + (1 - rho) g^2
//   dx        = - sqrt(E[dx^2] + eps) / sqrt(E[g^2]_1 + eps) * g
//   E[dx^2]_1 = rho E[dx^2] + (1 - rho) dx^2
//   x1        = x + lr * dx
//
// E[g^2]^(0) = E[dx^2]^(0) = 0. Zeiler has no learning rate (lr = 1, our default);
// torch's Adadelta multiplies the step by lr and accumulates the UNSCALED dx, as here.
// Defaults rho = 95/100, eps = 1e-6 (Zeiler §4.1); torch uses rho = 0.9.
// Ranges rho in [0, 1), eps > 0 (eps = 0 makes the first step 0 * g / |g| = 0 forever).
#pragma once

#include <string>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/rules/elementwise_step.hpp"

namespace ov::optim {

template <class S>
struct AdadeltaOptions {
  S lr = S(1);
  S rho = ops::ratio<S>(95, 100);
  S eps = ops::ratio<S>(1, 1000000);
};

template <class S>
struct AdadeltaConstants {
  S lr, rho, one_minus_rho, eps;
};

struct AdadeltaKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g, const T& eg2, const T& edx2, T& x1, T& eg2_1,
                  T& edx2_1) const {
    eg2_1 = c.rho * eg2 + c.one_minus_rho * (g * g);
    // RMS[dx]/RMS[g] = sqrt((E[dx^2] + eps) / (E[g^2] + eps)): one root, one division
    const T dx = -ops::sqrt(T((edx2 + c.eps) / (eg2_1 + c.eps))) * g;
    edx2_1 = c.rho * edx2 + c.one_minus_rho * (dx * dx);
    x1 = x + c.lr * dx;
  }
};

template <class S>
class Adadelta : public Optimizer<S> {
 public:
  explicit Adadelta(const AdadeltaOptions<S>& o = {}) : o_(o), c_(constants(o)) {
    require_positive("adadelta", "lr", o.lr);
    require_half_open_unit("adadelta", "rho", o.rho);
    require_positive("adadelta", "eps", o.eps);
  }
  // The kernel's constants (also used by the LibTorch layer, gpu/optim/adadelta.hpp).
  static AdadeltaConstants<S> constants(const AdadeltaOptions<S>& o) { return {o.lr, o.rho, S(S(1) - o.rho), o.eps}; }

  std::string name() const override { return "adadelta"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)}, {"rho", ops::to_string(o_.rho)}, {"eps", ops::to_string(o_.eps)}};
  }
  const Vector<S>& mean_squared_gradient() const { return eg2_; }
  const Vector<S>& mean_squared_update() const { return edx2_; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    f.gradient_into(x, g_);  // into the rule's scratch: no allocation per step
    const Vector<S>& g = g_;
    if (eg2_.size() != x.size()) {
      eg2_ = Vector<S>::Zero(x.size());
      edx2_ = Vector<S>::Zero(x.size());
    }
    if (!elementwise(AdadeltaKernel{}, c_, in(x, g, eg2_, edx2_), out(x1_, eg2_1_, edx2_1_)))
      return elementwise_step::refuse_non_finite<S>("adadelta", g);
    x.swap(x1_);
    eg2_.swap(eg2_1_);
    edx2_.swap(edx2_1_);
    return elementwise_step::taken<S>(g, x, x1_, o_.lr);
  }
  void reset() override {
    eg2_.resize(0);
    edx2_.resize(0);
  }

 private:
  AdadeltaOptions<S> o_;
  AdadeltaConstants<S> c_;
  Vector<S> eg2_, edx2_, x1_, eg2_1_, edx2_1_;
  Vector<S> g_;  // scratch: the gradient of the current step
};

}  // namespace ov::optim
