// AdaMax [EXT] (Kingma & Ba 2015, §7.1, Alg. 2; not in the documents,
// seed-003-004-sgd-survey.md §0): Adam with the infinity norm, t = k + 1,
//
//   m1 = beta1 m + (1 - beta1) g
//   u1 = max(beta2 u, |g| + eps)
//   x1 = x - (lr / (1 - beta1^t)) * m1 / u1
//
// m^(0) = u^(0) = 0. Kingma & Ba have no eps (eps = 0, our default); torch's Adamax
// adds eps = 1e-8 inside the max (pass eps = 1e-8 for it). With eps = 0 a coordinate
// whose gradients have all been exactly 0 gives 0/0 and the step is refused.
// Defaults lr = 2/1000, beta1 = 9/10, beta2 = 999/1000 (Kingma & Ba §7.1).
// Ranges beta1, beta2 in [0, 1), eps >= 0.
// Bound (tested): with eps >= 0 and u^(0) = 0, u_t >= beta2^(t-i) |g_i| for every
// i <= t, and m_t = (1-beta1) sum_i beta1^(t-i) g_i, so per coordinate
//   |x1 - x| <= lr (1-beta1)/(1-beta1^t) * sum_{j<t} (beta1/beta2)^j   (= lr at t = 1).
#pragma once

#include <string>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/rules/elementwise_step.hpp"

namespace ov::optim {

template <class S>
struct AdamaxOptions {
  S lr = ops::ratio<S>(2, 1000);
  S beta1 = ops::ratio<S>(9, 10);
  S beta2 = ops::ratio<S>(999, 1000);
  S eps = S(0);
};

template <class S>
struct AdamaxConstants {
  S beta1, one_minus_beta1, beta2, eps, step;  // step = lr / (1 - beta1^t)
};

struct AdamaxKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g, const T& m, const T& u, T& x1, T& m1, T& u1) const {
    m1 = c.beta1 * m + c.one_minus_beta1 * g;
    u1 = ops::max(T(c.beta2 * u), T(ops::abs(g) + c.eps));
    x1 = x - c.step * (m1 / u1);
  }
};

template <class S>
class Adamax : public Optimizer<S> {
 public:
  explicit Adamax(const AdamaxOptions<S>& o = {}) : o_(o) {
    require_positive("adamax", "lr", o.lr);
    require_half_open_unit("adamax", "beta1", o.beta1);
    require_half_open_unit("adamax", "beta2", o.beta2);
    require_nonnegative("adamax", "eps", o.eps);
  }

  // The kernel's constants for the t-th update, t = k + 1 (also used by the LibTorch layer,
  // gpu/optim/adamax.hpp).
  static AdamaxConstants<S> constants(const AdamaxOptions<S>& o, long t) {
    return {o.beta1, S(S(1) - o.beta1), o.beta2, o.eps, S(o.lr / (S(1) - ops::pow_int(o.beta1, t)))};
  }

  std::string name() const override { return "adamax"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)},
            {"beta1", ops::to_string(o_.beta1)},
            {"beta2", ops::to_string(o_.beta2)},
            {"eps", ops::to_string(o_.eps)}};
  }
  long steps_taken() const { return k_; }
  const Vector<S>& first_moment() const { return m_; }
  const Vector<S>& infinity_norm() const { return u_; }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    f.gradient_into(x, g_);  // into the rule's scratch: no allocation per step
    const Vector<S>& g = g_;
    if (m_.size() != x.size()) {
      m_ = Vector<S>::Zero(x.size());
      u_ = Vector<S>::Zero(x.size());
    }
    const AdamaxConstants<S> c = constants(o_, k_ + 1);
    if (!elementwise(AdamaxKernel{}, c, in(x, g, m_, u_), out(x1_, m1_, u1_)))
      return elementwise_step::refuse_non_finite<S>("adamax", g);
    x.swap(x1_);
    m_.swap(m1_);
    u_.swap(u1_);
    ++k_;
    return elementwise_step::taken<S>(g, x, x1_, c.step);
  }
  void reset() override {
    m_.resize(0);
    u_.resize(0);
    k_ = 0;
  }

 private:
  AdamaxOptions<S> o_;
  Vector<S> m_, u_, x1_, m1_, u1_;
  Vector<S> g_;  // scratch: the gradient of the current step
  long k_ = 0;
};

}  // namespace ov::optim
