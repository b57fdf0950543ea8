// Adam (Kingma & Ba 2015, Alg. 1), with options for the form printed in 004 §6.3,
// eqs (43)-(47), and for weight decay (coupled L2 or decoupled = AdamW).
//
// Default (Kingma & Ba): with t = k + 1 the number of gradients accumulated so far,
//   m1 = beta1 m + (1 - beta1) g                      (004 (43))
//   v1 = beta2 v + (1 - beta2) g^2    per coordinate
//   mhat = m1 / (1 - beta1^t),  vhat = v1 / (1 - beta2^t)
//   x1 = x - lr * mhat / (sqrt(vhat) + eps)           eps OUTSIDE the sqrt
// m^(0) = v^(0) = 0. Defaults lr = 1/1000, beta1 = 9/10, beta2 = 999/1000,
// eps = 1e-8 (Kingma & Ba §2; torch::optim::AdamOptions, anchors-optimizers.md
// §5.2). The documents give no defaults (seed-003-004-sgd-survey.md §1.12, §1.14).
//
// 004 as printed (AdamOptions::survey_004_as_printed()), three independent options:
//   second_moment = global_norm:  v is ONE scalar, v1 = beta2 v + (1 - beta2) ||g||^2 (44);
//   epsilon_placement = inside_sqrt:  x1 = x - lr mhat / sqrt(eps + vhat)  (47);
//   bias_correction = as_printed_004: exponent k, the index of 004's loop, which starts
//     at k = 0: 1 - gamma^0 = 0, so (45)-(46) divide by zero at the first step. The
//     step is then REFUSED with StepStatus::refused_undefined (x, m, v, k unchanged),
//     so this form never moves: it is offered to demonstrate the erratum (survey §6
//     item 17), not to be run. update_count (exponent k + 1) is the fix.
// 004 allows gamma in [0, 1]; we require [0, 1) (gamma = 1 makes 1 - gamma^t = 0 at
// every t; Kingma & Ba's range).
//
// Weight decay (decoupled_weight_decay.hpp, [EXT]): coupled_l2 feeds g + wd x to the
// moments (torch Adam); decoupled subtracts lr * wd * x in the update (torch AdamW,
// Loshchilov & Hutter 2019).
//
// Bound (tested; derived by Cauchy-Schwarz on m_t = (1-b1) sum b1^(t-i) g_i against
// v_t = (1-b2) sum b2^(t-i) g_i^2), per coordinate, for wd = 0 and any eps >= 0:
//   |x1 - x| <= lr * (1-b1)/(1-b1^t) * sqrt((1-b2^t)/(1-b2)) * sqrt(sum_{i<t} (b1^2/b2)^i)
// (= lr at t = 1; Kingma & Ba §2.1 state the asymptotic version).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "optim/core/elementwise.hpp"
#include "optim/core/hyperparameter.hpp"
#include "optim/core/optimizer.hpp"
#include "optim/core/reductions.hpp"
#include "optim/rules/decoupled_weight_decay.hpp"
#include "optim/rules/elementwise_step.hpp"
#include "optim/rules/epsilon_placement.hpp"

namespace ov::optim {

enum class AdamSecondMoment { per_coordinate, global_norm };
enum class AdamBiasCorrection { update_count, as_printed_004 };

inline const char* to_string(AdamSecondMoment s) {
  return s == AdamSecondMoment::per_coordinate ? "per_coordinate" : "global_norm";
}
inline const char* to_string(AdamBiasCorrection b) {
  return b == AdamBiasCorrection::update_count ? "update_count" : "as_printed_004";
}
inline AdamSecondMoment adam_second_moment_from_string(const std::string& s) {
  if (s == "per_coordinate") return AdamSecondMoment::per_coordinate;
  if (s == "global_norm") return AdamSecondMoment::global_norm;
  throw std::invalid_argument("second_moment = '" + s + "' is not one of per_coordinate, global_norm");
}
inline AdamBiasCorrection adam_bias_correction_from_string(const std::string& s) {
  if (s == "update_count") return AdamBiasCorrection::update_count;
  if (s == "as_printed_004") return AdamBiasCorrection::as_printed_004;
  throw std::invalid_argument("bias_correction = '" + s + "' is not one of update_count, as_printed_004");
}

template <class S>
struct AdamOptions {
  S lr = ops::ratio<S>(1, 1000);
  S beta1 = ops::ratio<S>(9, 10);
  S beta2 = ops::ratio<S>(999, 1000);
  S eps = ops::ratio<S>(1, 100000000);
  S weight_decay = S(0);
  WeightDecayMode weight_decay_mode = WeightDecayMode::coupled_l2;
  AdamSecondMoment second_moment = AdamSecondMoment::per_coordinate;
  EpsilonPlacement epsilon_placement = EpsilonPlacement::outside_sqrt;
  AdamBiasCorrection bias_correction = AdamBiasCorrection::update_count;

  // 004 eqs (43)-(47) exactly as printed (refuses every step: see above).
  static AdamOptions survey_004_as_printed() {
    AdamOptions o;
    o.second_moment = AdamSecondMoment::global_norm;
    o.epsilon_placement = EpsilonPlacement::inside_sqrt;
    o.bias_correction = AdamBiasCorrection::as_printed_004;
    return o;
  }
};

// 1 - beta^t: the bias-correction denominator after t accumulated updates (exact in
// rational; 0 at t = 0).
template <class S>
S adam_bias_denominator(const S& beta, long t) {
  return S(1) - ops::pow_int(beta, t);
}

template <class S>
struct AdamConstants {
  S beta1, one_minus_beta1, beta2, one_minus_beta2;
  S step;          // lr / (1 - beta1^t)
  S inv_bias2;     // 1 / (1 - beta2^t)
  S eps_in, eps_out, l2, decay;
  S denominator;   // global_norm only: sqrt(eps_in + vhat) + eps_out
};

// The moment estimates alone (pure arithmetic: exact in rational).
struct AdamMomentKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& g, const T& m, const T& v, T& m1, T& v1) const {
    m1 = c.beta1 * m + c.one_minus_beta1 * g;
    v1 = c.beta2 * v + c.one_minus_beta2 * (g * g);
  }
};

// Per-coordinate Adam step.
struct AdamKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g, const T& m, const T& v, T& x1, T& m1, T& v1) const {
    const T gw = g + c.l2 * x;
    AdamMomentKernel{}(c, gw, m, v, m1, v1);
    // lr * mhat / den with mhat = m1 / (1 - beta1^t), vhat = v1 / (1 - beta2^t), folded
    // into the constants as torch does: one division and one square root per coordinate.
    x1 = x - c.step * m1 / (ops::sqrt(T(c.eps_in + v1 * c.inv_bias2)) + c.eps_out) - c.decay * x;
  }
};

// 004's global-norm second moment: the denominator is one constant.
struct AdamGlobalKernel {
  template <class T, class C>
  OV_HOST_DEVICE void operator()(const C& c, const T& x, const T& g, const T& m, T& x1, T& m1) const {
    m1 = c.beta1 * m + c.one_minus_beta1 * (g + c.l2 * x);
    x1 = x - c.step * m1 / c.denominator - c.decay * x;
  }
};

template <class S>
class Adam : public Optimizer<S> {
 public:
  explicit Adam(const AdamOptions<S>& o = {}) : o_(o) {
    require_positive("adam", "lr", o.lr);
    require_half_open_unit("adam", "beta1", o.beta1);
    require_half_open_unit("adam", "beta2", o.beta2);
    require_nonnegative("adam", "eps", o.eps);
    require_nonnegative("adam", "weight_decay", o.weight_decay);
  }

  std::string name() const override { return "adam"; }
  std::vector<Hyperparameter> hyperparameters() const override {
    return {{"lr", ops::to_string(o_.lr)},
            {"beta1", ops::to_string(o_.beta1)},
            {"beta2", ops::to_string(o_.beta2)},
            {"eps", ops::to_string(o_.eps)},
            {"weight_decay", ops::to_string(o_.weight_decay)},
            {"weight_decay_mode", to_string(o_.weight_decay_mode)},
            {"second_moment", to_string(o_.second_moment)},
            {"epsilon_placement", to_string(o_.epsilon_placement)},
            {"bias_correction", to_string(o_.bias_correction)}};
  }
  const AdamOptions<S>& options() const { return o_; }
  long steps_taken() const { return k_; }
  const Vector<S>& first_moment() const { return m_; }
  const Vector<S>& second_moment() const { return v_; }  // per_coordinate
  const S& global_second_moment() const { return v_global_; }

  // The bias-correction exponent of the next step.
  long exponent() const { return o_.bias_correction == AdamBiasCorrection::update_count ? k_ + 1 : k_; }

  // The kernel's constants for bias-correction exponent t (also used by the LibTorch
  // layer, gpu/optim/adam.hpp); nullopt where 1 - beta^t = 0 (004 as printed, t = 0).
  static std::optional<AdamConstants<S>> constants(const AdamOptions<S>& o, long t) {
    AdamConstants<S> c;
    c.beta1 = o.beta1;
    c.one_minus_beta1 = S(1) - o.beta1;
    c.beta2 = o.beta2;
    c.one_minus_beta2 = S(1) - o.beta2;
    const S bias1 = adam_bias_denominator(o.beta1, t);
    const S bias2 = adam_bias_denominator(o.beta2, t);
    if (bias1 == S(0) || bias2 == S(0)) return std::nullopt;
    c.step = o.lr / bias1;
    c.inv_bias2 = S(1) / bias2;
    const auto e = split_epsilon(o.epsilon_placement, o.eps);
    c.eps_in = e.in;
    c.eps_out = e.out;
    const auto wd = weight_decay_coefficients(o.weight_decay_mode, o.weight_decay, o.lr);
    c.l2 = wd.l2;
    c.decay = wd.decay;
    return c;
  }

  StepReport<S> step(Oracle<S>& f, Vector<S>& x) override {
    const auto constants_t = constants(o_, exponent());
    if (!constants_t) {
      return StepReport<S>::refuse(
          StepStatus::refused_undefined,
          "adam: the bias correction 1/(1 - gamma^k) is undefined at k = " + std::to_string(exponent()) +
              " (004 eqs (45)-(46) as printed: the loop starts at k = 0, 1 - gamma^0 = 0); x and the state are "
              "unchanged; use bias_correction = update_count (exponent k + 1, Kingma & Ba 2015)");
    }
    AdamConstants<S> c = *constants_t;
    const S bias2 = adam_bias_denominator(o_.beta2, exponent());
    f.gradient_into(x, g_);  // into the rule's scratch: no allocation per step
    const Vector<S>& g = g_;
    if (m_.size() != x.size()) {
      m_ = Vector<S>::Zero(x.size());
      if (o_.second_moment == AdamSecondMoment::per_coordinate) v_ = Vector<S>::Zero(x.size());
    }
    if (o_.second_moment == AdamSecondMoment::per_coordinate) {
      if (!elementwise(AdamKernel{}, c, in(x, g, m_, v_), out(x1_, m1_, v1_)))
        return elementwise_step::refuse_non_finite<S>("adam", g);
      x.swap(x1_);
      m_.swap(m1_);
      v_.swap(v1_);
    } else {
      const S gsq = c.l2 == S(0) ? squared_norm(g) : squared_norm(Vector<S>(g + c.l2 * x));
      const S v1 = o_.beta2 * v_global_ + c.one_minus_beta2 * gsq;
      if (!ops::is_finite(v1)) return elementwise_step::refuse_non_finite<S>("adam", g);
      c.denominator = ops::sqrt(S(c.eps_in + v1 / bias2)) + c.eps_out;
      if (!elementwise(AdamGlobalKernel{}, c, in(x, g, m_), out(x1_, m1_)))
        return elementwise_step::refuse_non_finite<S>("adam", g);
      x.swap(x1_);
      m_.swap(m1_);
      v_global_ = v1;
    }
    ++k_;
    return elementwise_step::taken<S>(g, x, x1_, o_.lr);
  }

  void reset() override {
    m_.resize(0);
    v_.resize(0);
    v_global_ = S(0);
    k_ = 0;
  }

 private:
  AdamOptions<S> o_;
  Vector<S> m_, v_, x1_, m1_, v1_;
  Vector<S> g_;  // scratch: the gradient of the current step
  S v_global_ = S(0);
  long k_ = 0;
};

}  // namespace ov::optim
