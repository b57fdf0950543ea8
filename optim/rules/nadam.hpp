// NAdam [EXT] (Dozat 2016, "Incorporating Nesterov Momentum into Adam", Alg. 2, with
// the momentum schedule mu_t = beta1 (1 - 0.96^(t psi) / 2) of Dozat's §3 after
// Sutskever et al. 2013; not in the documents, seed-003-004-sgd-survey.md §0). We
// follow torch.optim.NAdam's reading (the form its documentation prints), t = k + 1:
//
//   mu_t  = beta1 (1 - 0.96^(t psi) / 2),   mu_{t+1} likewise
//   m1    = beta1 m + (1 - beta1) g
//   v1    = beta2 v + (1 - beta2) g^2
//   mbar  = mu_{t+1} m1 / (1 - prod_{i<=t+1} mu_i) + (1 - mu_t) g / (1 - prod_{i<=t} mu_i)
//   vhat  = v1 / (1 - beta2^t)
//   x1    = x - lr * mbar / (sqrt(vhat) + eps)
//
// m^(0) = v^(0) = 0, prod over an empty range = 1. Defaults lr = 2/1000, beta1 = 9/10,
// beta2 = 999/1000, eps = 1e-8, psi = 4/1000 (Dozat; torch's NAdam). Ranges beta1,
// beta2 in [0, 1), eps >= 0, psi >= 0. The schedule needs a real power (ops::pow), so
// NAdam is not available in exact rational arithmetic.
#pragma once

#include <string>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/rules/elementwise_step.hpp"

namespace ov::optim {

template <class S>
struct NadamOptions {
  S lr = ops::ratio<S>(2, 1000);
  S beta1 = ops::ratio<S>(9, 10);
  S beta2 = ops::ratio<S>(999, 1000);
  S eps = ops::ratio<S>(1, 100000000);
  S momentum_decay = ops::ratio<S>(4, 1000);  // psi
};

template <class S>
struct NadamConstants {
  S beta1, one_minus_beta1, beta2, one_minus_beta2;
  S a, b;    // mbar = a m1 + b g
  S inv_bias2;  // 1 / (1 - beta2^t)
  S lr, eps;
};

struct NadamKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g, const T& m, const T& v, T& x1, T& m1, T& v1) const {
    m1 = c.beta1 * m + c.one_minus_beta1 * g;
    v1 = c.beta2 * v + c.one_minus_beta2 * (g * g);
    const T mbar = c.a * m1 + c.b * g;
    x1 = x - c.lr * mbar / (ops::sqrt(T(v1 * c.inv_bias2)) + c.eps);
  }
};

template <class S>
class Nadam : public Optimizer<S> {
 public:
  explicit Nadam(const NadamOptions<S>& o = {}) : o_(o) {
    require_positive("nadam", "lr", o.lr);
    require_half_open_unit("nadam", "beta1", o.beta1);
    require_half_open_unit("nadam", "beta2", o.beta2);
    require_nonnegative("nadam", "eps", o.eps);
    require_nonnegative("nadam", "momentum_decay", o.momentum_decay);
  }

  std::string name() const override { return "nadam"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)},
            {"beta1", ops::to_string(o_.beta1)},
            {"beta2", ops::to_string(o_.beta2)},
            {"eps", ops::to_string(o_.eps)},
            {"momentum_decay", ops::to_string(o_.momentum_decay)}};
  }
  long steps_taken() const { return k_; }

  // mu_t = beta1 (1 - 0.96^(t psi) / 2)
  S mu(long t) const { return mu(o_, t); }
  static S mu(const NadamOptions<S>& o, long t) {
    return o.beta1 * (S(1) - ops::pow(ops::ratio<S>(96, 100), S(S(t) * o.momentum_decay)) / S(2));
  }
  // prod_{i<=t} mu_i from prod_{i<t} mu_i (the rule's running product, one multiplication).
  static S mu_product(const NadamOptions<S>& o, long t, const S& product_before) { return product_before * mu(o, t); }

  // The kernel's constants for the t-th update (t = k + 1), given prod_{i<t} mu_i (also used
  // by the LibTorch layer, gpu/optim/nadam.hpp).
  static NadamConstants<S> constants(const NadamOptions<S>& o, long t, const S& product_before) {
    const S mu_t = mu(o, t), mu_next = mu(o, t + 1);
    const S prod_t = product_before * mu_t, prod_next = prod_t * mu_next;
    return {o.beta1,
            S(S(1) - o.beta1),
            o.beta2,
            S(S(1) - o.beta2),
            S(mu_next / (S(1) - prod_next)),
            S((S(1) - mu_t) / (S(1) - prod_t)),
            S(S(1) / (S(1) - ops::pow_int(o.beta2, t))),
            o.lr,
            o.eps};
  }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const long t = k_ + 1;
    const NadamConstants<S> c = constants(o_, t, mu_product_);
    const S prod_t = mu_product(o_, t, mu_product_);
    f.gradient_into(x, g_);  // into the rule's scratch: no allocation per step
    const Vector<S>& g = g_;
    if (m_.size() != x.size()) {
      m_ = Vector<S>::Zero(x.size());
      v_ = Vector<S>::Zero(x.size());
    }
    if (!elementwise(NadamKernel{}, c, in(x, g, m_, v_), out(x1_, m1_, v1_)))
      return elementwise_step::refuse_non_finite<S>("nadam", g);
    x.swap(x1_);
    m_.swap(m1_);
    v_.swap(v1_);
    mu_product_ = prod_t;
    ++k_;
    return elementwise_step::taken<S>(g, x, x1_, o_.lr);
  }
  void reset() override {
    m_.resize(0);
    v_.resize(0);
    mu_product_ = S(1);
    k_ = 0;
  }

 private:
  NadamOptions<S> o_;
  Vector<S> m_, v_, x1_, m1_, v1_;
  Vector<S> g_;  // scratch: the gradient of the current step
  S mu_product_ = S(1);
  long k_ = 0;
};

}  // namespace ov::optim
